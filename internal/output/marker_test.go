package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fullBuild writes files (output path -> bytes) into out as a full build
// does, returning Commit's error.
func fullBuild(t *testing.T, out string, files map[string]string) error {
	t.Helper()
	o, err := Open(out, true, nil)
	if err != nil {
		return err
	}
	defer o.Discard()
	p := NewPlan(Full, nil, o)
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if err := p.Put(f, "", []byte(files[f])); err != nil {
			t.Fatal(err)
		}
	}
	_, err = p.Commit()
	return err
}

// tree is every file under dir with its bytes, the marker left out.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel != MarkerFile {
			data, _ := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return got
}

// TestFullBuildKeepsForeignFiles builds over an output that a person or
// another program changed: a file the last build's marker does not list
// makes the build refuse, naming it, with the output left exactly as it
// was; an output from before the list is replaced whole, as it always was.
func TestFullBuildKeepsForeignFiles(t *testing.T) {
	site := map[string]string{"index.html": "home", "guides/a/index.html": "a", "sitemap.xml": "map"}
	many := map[string]string{}
	for i := range 12 {
		many[fmt.Sprintf("x%02d.txt", i)] = "mine"
	}
	for _, tc := range []struct {
		name   string
		legacy bool              // the previous output's marker has no list
		add    map[string]string // put into the output after the first build
		dirs   []string          // empty folders made there
		want   []string          // the foreign files named; none: the build replaces the output
		msg    string            // in the message
	}{
		{name: "untouched"},
		{name: "a CNAME", add: map[string]string{"CNAME": "example.org\n"}, want: []string{"CNAME"},
			msg: "CNAME was not written by mutual, and a build replaces the whole folder: move it into the site's static/ folder so that every build publishes it, or delete it"},
		{name: "a file beside a page", add: map[string]string{"guides/a/notes.txt": "mine"}, want: []string{"guides/a/notes.txt"}},
		{name: "a folder of files", add: map[string]string{"downloads/a.pdf": "1", "downloads/b/c.pdf": "2"}, want: []string{"downloads/"}},
		{name: "many", add: many, want: slices.Sorted(maps.Keys(many)), msg: "x09.txt and 2 more were not written by mutual"},
		{name: "an empty folder", dirs: []string{"empty/inner"}},
		{name: "a killed write's temporary file", add: map[string]string{"guides/a/.index.html.tmp-4242": "half"}},
		{name: "a file named like a killed write's", add: map[string]string{".index.html.tmp-x": "mine"}, want: []string{".index.html.tmp-x"}},
		{name: "before the list", legacy: true, add: map[string]string{"CNAME": "example.org\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := fullBuild(t, out, site); err != nil {
				t.Fatal(err)
			}
			if tc.legacy {
				os.WriteFile(filepath.Join(out, MarkerFile), []byte(MarkerText), 0o644)
			}
			for f, data := range tc.add {
				os.MkdirAll(filepath.Dir(filepath.Join(out, f)), 0o755)
				os.WriteFile(filepath.Join(out, f), []byte(data), 0o644)
			}
			for _, d := range tc.dirs {
				os.MkdirAll(filepath.Join(out, d), 0o755)
			}
			before := tree(t, out)
			marker, _ := os.ReadFile(filepath.Join(out, MarkerFile))
			next := map[string]string{"index.html": "home 2", "new/index.html": "new"}
			err := fullBuild(t, out, next)
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if got := tree(t, out); !maps.Equal(got, next) {
					t.Errorf("output = %q, want %q", got, next)
				}
				return
			}
			var fe *ForeignError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a ForeignError", err)
			}
			if !slices.Equal(fe.Files, tc.want) {
				t.Errorf("foreign = %q, want %q", fe.Files, tc.want)
			}
			if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "refusing to replace ") {
				t.Errorf("message %q lacks %q", err, tc.msg)
			}
			if n := len(tc.want); n > maxShown && !strings.Contains(err.Error(), fmt.Sprintf(" and %d more", n-maxShown)) {
				t.Errorf("message %q does not count the files it does not name", err)
			}
			if got := tree(t, out); !maps.Equal(got, before) {
				t.Errorf("a refused build changed the output: %q, want %q", got, before)
			}
			if got, _ := os.ReadFile(filepath.Join(out, MarkerFile)); string(got) != string(marker) {
				t.Errorf("a refused build changed the marker")
			}
			if ents, _ := os.ReadDir(filepath.Dir(out)); len(ents) != 1 {
				t.Errorf("a refused build left %d entries beside the output", len(ents))
			}
		})
	}
}

// TestMarkerList round-trips the marker's list, odd names included, and
// keeps the names themselves out of it: the marker is published.
func TestMarkerList(t *testing.T) {
	for _, files := range [][]string{
		nil,
		{"index.html"},
		{"a\nb.txt", `"quoted".txt`, "guides/a/index.html", "x\r", "private-handout-8f3k2.pdf"},
	} {
		data := markerData(hashes(files))
		got, ok := parseMarker(data)
		if !ok || len(got) != len(files) {
			t.Fatalf("%q: got %v %v", files, got, ok)
		}
		for _, f := range files {
			if !got[pathHash(f)] {
				t.Errorf("%q lost in the list: %v", f, got)
			}
			if strings.Contains(string(data), f) {
				t.Errorf("the marker names %q", f)
			}
		}
	}
	if _, ok := parseMarker([]byte(MarkerText)); ok {
		t.Error("a marker from before the list has a list")
	}
}

// TestIncrementalKeepsForeignFiles runs serve's incremental builds over an
// output holding files mutual did not write: removing the files no longer
// given never removes them (nor the folders that hold them), and a new
// path where one is refuses, writing nothing; the marker follows every
// change.
func TestIncrementalKeepsForeignFiles(t *testing.T) {
	first := map[string]string{"index.html": "home", "a/index.html": "a", "b/index.html": "b"}
	foreign := map[string]string{"CNAME": "example.org\n", "b/notes.txt": "mine"}
	for _, tc := range []struct {
		name  string
		next  map[string]string // the incremental build's files
		want  map[string]string // the output after it (foreign files included)
		after []string          // what a full build then finds foreign
		fails bool
	}{
		{name: "a page removed, one added",
			next:  map[string]string{"index.html": "home", "c/index.html": "c"},
			want:  map[string]string{"index.html": "home", "c/index.html": "c", "CNAME": "example.org\n", "b/notes.txt": "mine"},
			after: []string{"CNAME", "b/"}},
		{name: "a new file where a foreign one is",
			next:  map[string]string{"index.html": "home 2", "CNAME": "other.org\n"},
			fails: true},
		{name: "nothing changed",
			next:  first,
			want:  map[string]string{"index.html": "home", "a/index.html": "a", "b/index.html": "b", "CNAME": "example.org\n", "b/notes.txt": "mine"},
			after: []string{"CNAME", "b/notes.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := fullBuild(t, out, first); err != nil {
				t.Fatal(err)
			}
			for f, data := range foreign {
				os.WriteFile(filepath.Join(out, f), []byte(data), 0o644)
			}
			before := tree(t, out)
			o, err := Open(out, false, nil)
			if err != nil {
				t.Fatal(err)
			}
			prev := Manifest{}
			for f, data := range first {
				prev[f] = data
			}
			p := NewPlan(Incremental, prev, o)
			for f, data := range tc.next {
				p.Put(f, data, []byte(data))
			}
			_, err = p.Commit()
			o.Discard()
			if tc.fails {
				var fe *ForeignError
				if !errors.As(err, &fe) || !fe.Over || !slices.Equal(fe.Files, []string{"CNAME"}) {
					t.Fatalf("err = %v, want a refusal naming CNAME", err)
				}
				if got := tree(t, out); !maps.Equal(got, before) {
					t.Errorf("a refused build changed the output: %q, want %q", got, before)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tree(t, out); !maps.Equal(got, tc.want) {
				t.Errorf("output = %q, want %q", got, tc.want)
			}
			// The marker lists what mutual wrote, and nothing else: a full
			// build now refuses for the foreign files alone.
			err = fullBuild(t, out, tc.next)
			var fe *ForeignError
			if !errors.As(err, &fe) || !slices.Equal(fe.Files, tc.after) {
				t.Errorf("full build after: %v, want a refusal naming %q", err, tc.after)
			}
		})
	}
}
