package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeTree writes files (slash paths relative to dir) with their contents.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rels(srcs []*Source) string {
	var out []string
	for _, s := range srcs {
		out = append(out, s.Rel)
	}
	return strings.Join(out, " ")
}

// TestScan checks what the walk finds and how each file is looked at:
// what is read and parsed, what is skipped, and that symbolic links are
// followed.
func TestScan(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	writeTree(t, content, map[string]string{
		"site.yaml":             "title: S\n",
		"_index.md":             "---\ntitle: Home\n---\n",
		"guides/a.md":           "---\ntitle: A\ntags: [x, y]\n---\nBody of a.\n",
		"guides/b.md":           "---\ntitle: \"B: the second\"\n---\n",
		"guides/.draft.md":      "---\ntitle: Hidden\n---\n",
		".hidden/c.md":          "---\ntitle: C\n---\n",
		"guides/img/photo.png":  "png",
		"worksheets/w.yaml":     "not a worksheet: [\n",
		"elsewhere/linked.md":   "---\ntitle: Linked\n---\n",
		"elsewhere/folder/d.md": "---\ntitle: D\n---\n",
	})
	if err := os.Symlink(filepath.Join(content, "elsewhere", "linked.md"), filepath.Join(content, "guides", "link.md")); err != nil {
		t.Fatal(err)
	}
	// A link to a folder is not walked into, and not taken for a file.
	if err := os.Symlink(filepath.Join(content, "elsewhere", "folder"), filepath.Join(content, "guides", "folder-link")); err != nil {
		t.Fatal(err)
	}
	srcs, _, err := Scan(content, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "_index.md elsewhere/folder/d.md elsewhere/linked.md guides/a.md guides/b.md guides/img/photo.png guides/link.md worksheets/w.yaml"
	if got := rels(srcs); got != want {
		t.Fatalf("found\n %s\nwant\n %s", got, want)
	}
	by := map[string]*Source{}
	for _, s := range srcs {
		by[s.Rel] = s
	}
	if a := by["guides/a.md"]; a.FrontMatter.Title != "A" || strings.Join(a.FrontMatter.Tags, ",") != "x,y" || string(a.Body) != "Body of a.\n" || a.Sum == 0 || len(a.Errs) > 0 {
		t.Errorf("guides/a.md: %+v", a)
	}
	if b := by["guides/b.md"]; b.FrontMatter.Title != "B: the second" {
		t.Errorf("guides/b.md title %q", b.FrontMatter.Title)
	}
	if l := by["guides/link.md"]; l.FrontMatter.Title != "Linked" || l.Size == 0 {
		t.Errorf("the link was not followed: %+v", l)
	}
	if p := by["guides/img/photo.png"]; p.Kind != FileSource || p.Size != 3 || p.Sum != 0 || p.Mod.IsZero() {
		t.Errorf("a plain file is looked at, not read: %+v", p)
	}
	if w := by["worksheets/w.yaml"]; len(w.Errs) == 0 || !strings.HasPrefix(w.Errs[0].Path, "content/worksheets/w.yaml") {
		t.Errorf("worksheet errors: %v", w.Errs)
	}

	// A second scan reuses what did not change and reads what did.
	prev := by
	later := time.Now().Add(time.Hour)
	writeTree(t, content, map[string]string{"guides/b.md": "---\ntitle: B again\n---\n"})
	if err := os.Chtimes(filepath.Join(content, "guides", "b.md"), later, later); err != nil {
		t.Fatal(err)
	}
	again, _, err := Scan(content, "", prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again {
		switch changed := s.Rel == "guides/b.md"; {
		case changed && (s == prev[s.Rel] || s.FrontMatter.Title != "B again"):
			t.Errorf("%s changed but was not read again: %+v", s.Rel, s)
		case !changed && s != prev[s.Rel]:
			t.Errorf("%s did not change but was read again", s.Rel)
		}
	}

	// With a hint, only the named files are looked at.
	writeTree(t, content, map[string]string{"guides/a.md": "---\ntitle: A again, longer\n---\n"})
	hinted, _, err := Scan(content, "", prev, []string{filepath.Join(content, "guides", "b.md")})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range hinted {
		if s.Rel == "guides/a.md" && s != prev[s.Rel] {
			t.Errorf("guides/a.md is not in the hint but was looked at")
		}
	}
}

// TestUnload: after Unload, Markdown reads a page's body back from its
// file exactly as the scan held it, whatever its front matter; a file
// changed or removed since the scan is an error, not another body.
func TestUnload(t *testing.T) {
	files := map[string]string{
		"yaml.md":   "---\ntitle: Y\n---\nFirst.<!--more-->\nSecond.\n",
		"toml.md":   "+++\ntitle = 'T'\n+++\nBody.\n",
		"json.md":   "{\"title\": \"J\"}\nBody.\n",
		"bom.md":    "\xef\xbb\xbf---\ntitle: B\n---\nBody.\n",
		"blank.md":  "\n\n---\ntitle: L\n---\nBody.\n",
		"none.md":   "# Just text\n",
		"empty.md":  "---\ntitle: E\n---\n",
		"_index.md": "---\ntitle: Home\n---\nHome.\n",
	}
	dir := t.TempDir()
	writeTree(t, dir, files)
	srcs, _, err := Scan(dir, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		want := string(s.Body)
		s.Unload()
		if s.Body != nil || !s.Dropped {
			t.Errorf("%s: not unloaded", s.Rel)
		}
		got, err := s.Markdown()
		if err != nil || string(got) != want {
			t.Errorf("%s: Markdown after Unload = %q, %v; want %q", s.Rel, got, err, want)
		}
		if s.Body != nil {
			t.Errorf("%s: Markdown kept the body it read", s.Rel)
		}
	}

	by := map[string]*Source{}
	for _, s := range srcs {
		by[s.Rel] = s
	}
	// Edited after the scan (same size, a later time; or another size):
	// the page is to be built again.
	later := time.Now().Add(time.Hour)
	writeTree(t, dir, map[string]string{"yaml.md": strings.Replace(files["yaml.md"], "First", "Fyrst", 1), "toml.md": "+++\ntitle = 'T'\n+++\nA longer body.\n"})
	if err := os.Chtimes(filepath.Join(dir, "yaml.md"), later, later); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"yaml.md", "toml.md"} {
		if _, err := by[rel].Markdown(); err == nil || err.Error() != "this file changed while the site was being built: build again" {
			t.Errorf("%s changed after the scan: error %v", rel, err)
		}
	}
	if err := os.Remove(filepath.Join(dir, "json.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := by["json.md"].Markdown(); err == nil || !strings.Contains(err.Error(), "the file is not there") {
		t.Errorf("json.md removed after the scan: error %v", err)
	}
	// A source that holds its body, or is no page, returns what it holds.
	kept := &Source{Rel: "x.md", Body: []byte("kept")}
	kept.Unload()
	if got, err := kept.Markdown(); string(got) != "kept" || err != nil {
		t.Errorf("a source not read from a file: %q, %v", got, err)
	}
}

func TestScanBrokenLink(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.md": "---\ntitle: A\n---\n", "z.md": "---\ntitle: Z\n---\n"})
	if err := os.Symlink(filepath.Join(dir, "missing.md"), filepath.Join(dir, "broken.md")); err != nil {
		t.Fatal(err)
	}
	// A link to nothing is a positioned error, said in words, and the
	// other files are read.
	found, errs, err := Scan(dir, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "content/broken.md: symbolic link to " + filepath.Join(dir, "missing.md") + ", which does not exist: make it point at a file or folder, or remove it"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("errors %v, want %s", errs, want)
	}
	if len(found) != 2 {
		t.Errorf("%d files found, want a.md and z.md", len(found))
	}
}

func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		seen := make([]int, n)
		Parallel(n, func(i int) { seen[i]++ })
		for i, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: fn(%d) called %d times", n, i, c)
			}
		}
	}
}

// TestScanLinkedFolders: content/ (or static/) that is a symbolic link to
// a folder of the site is walked from where it leads; a link to a folder
// inside content/, which the walk does not go into, is a warning that
// nothing in it is published, not silence.
func TestScanLinkedFolders(t *testing.T) {
	tests := []struct {
		name       string
		links      [][2]string // link, target, relative to the site folder
		dir        string      // the folder scanned
		want, warn string
	}{
		{"content/ links to a folder of the site", [][2]string{{"content", "real"}}, "content", "_index.md guides/a.md", ""},
		{"a folder link inside content/", [][2]string{{"real/notes", "../notes"}}, "real", "_index.md guides/a.md",
			"content/notes: symbolic link to the folder ../notes, which mutual does not go into: nothing in it is published; move the folder here instead, or link its files one by one"},
		{"a link to the folder above", [][2]string{{"real/guides/up", ".."}}, "real", "_index.md guides/a.md",
			"content/guides/up: symbolic link to the folder .., which mutual does not go into: nothing in it is published; move the folder here instead, or link its files one by one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			writeTree(t, site, map[string]string{
				"real/_index.md":   "---\ntitle: Home\n---\n",
				"real/guides/a.md": "---\ntitle: A\n---\n",
				"notes/n.md":       "---\ntitle: N\n---\n",
			})
			for _, l := range tt.links {
				if err := os.Symlink(l[1], filepath.Join(site, l[0])); err != nil {
					t.Fatal(err)
				}
			}
			srcs, errs, warns, err := ScanWarns(filepath.Join(site, tt.dir), site, nil, nil)
			if err != nil || len(errs) > 0 {
				t.Fatal(err, errs)
			}
			if got := rels(srcs); got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
			if got := warns.Error(); got != tt.warn {
				t.Errorf("warnings %q, want %q", got, tt.warn)
			}
		})
	}
}

// TestScanUnreadableFolder: a folder whose permissions keep mutual out is
// an error at the folder, in words, and the rest of the site is read.
func TestScanUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder whatever its permissions")
	}
	tests := []struct{ name, locked, want string }{
		{"a folder", "worksheets", "content/worksheets/: cannot read the folder: its permissions do not let mutual read it (give read and search permission to the user who runs mutual)"},
		{"a folder deeper", "guides/private", "content/guides/private/: cannot read the folder: its permissions do not let mutual read it (give read and search permission to the user who runs mutual)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			content := filepath.Join(site, "content")
			writeTree(t, content, map[string]string{
				"_index.md":           "---\ntitle: Home\n---\n",
				"guides/a.md":         "---\ntitle: A\n---\n",
				"guides/private/p.md": "---\ntitle: P\n---\n",
				"worksheets/w.yaml":   "title: W\n",
			})
			locked := filepath.Join(content, filepath.FromSlash(tt.locked))
			if err := os.Chmod(locked, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(locked, 0o755) })
			srcs, errs, err := Scan(content, site, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if errs.Error() != tt.want {
				t.Errorf("errors %q, want %q", errs.Error(), tt.want)
			}
			if !strings.Contains(rels(srcs), "guides/a.md") {
				t.Errorf("found %s: the rest of the site is not read", rels(srcs))
			}
		})
	}
	t.Run("content/ itself", func(t *testing.T) {
		site := t.TempDir()
		content := filepath.Join(site, "content")
		writeTree(t, content, map[string]string{"site.yaml": "title: T\n"})
		if err := os.Chmod(content, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(content, 0o755) })
		_, _, err := ReadConfig(site, site)
		want := "content/: cannot read the folder: its permissions do not let mutual read it (give read and search permission to the user who runs mutual)"
		if err == nil || err.Error() != want {
			t.Errorf("error %v, want %s", err, want)
		}
	})
}
