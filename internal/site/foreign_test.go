package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/output"
)

// TestForeignFilesKept holds the founders' rule for the output folder:
// no build deletes or writes over a file mutual did not write. A one-off
// build over an output holding one refuses, naming it; a serve session's
// rebuilds (kept Builder, Watch) go on around it, whatever they add or
// remove.
func TestForeignFilesKept(t *testing.T) {
	for _, tc := range []struct {
		name   string
		watch  bool                         // rebuilds by one Builder, as serve does
		change func(t *testing.T, d string) // the site changed before the second build
		err    string                       // the second build's error, "" for none
	}{
		{name: "build again", err: "refusing to replace public: public/CNAME, public/guides/a/notes.txt were not written by mutual, and a build replaces the whole folder: move them into the site's static/ folder so that every build publishes them, or delete them"},
		{name: "serve: a page added", watch: true, change: func(t *testing.T, d string) {
			writeFile(t, d, "content/guides/c.md", "---\ntitle: C\n---\nC.\n")
		}},
		{name: "serve: a page removed", watch: true, change: func(t *testing.T, d string) {
			os.Remove(filepath.Join(d, "content/guides/a.md"))
			writeFile(t, d, "content/guides/b.md", "---\ntitle: B\n---\nB.\n")
		}},
		{name: "serve: the site now publishes CNAME", watch: true, change: func(t *testing.T, d string) {
			writeFile(t, d, "static/CNAME", "other.org\n")
		}, err: "refusing to write over public/CNAME: mutual did not write it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := minimalSite(t)
			t.Chdir(dir)
			b := New(Options{Dir: dir, Watch: tc.watch})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, "public/CNAME", "example.org\n")
			writeFile(t, dir, "public/guides/a/notes.txt", "mine\n")
			if tc.change != nil {
				tc.change(t, dir)
			}
			if !tc.watch {
				b = New(Options{Dir: dir})
			}
			_, err := b.Build()
			if tc.err == "" && err != nil {
				t.Fatal(err)
			}
			if tc.err != "" {
				var fe *output.ForeignError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want %q", err, tc.err)
				}
			}
			for name, want := range map[string]string{"public/CNAME": "example.org\n", "public/guides/a/notes.txt": "mine\n"} {
				if got, err := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
					t.Errorf("%s = %q, %v; want %q", name, got, err, want)
				}
			}
			// Moved into static/, as the message says, CNAME is published
			// by every build.
			if !tc.watch {
				os.MkdirAll(filepath.Join(dir, "static"), 0o755)
				os.Rename(filepath.Join(dir, "public/CNAME"), filepath.Join(dir, "static/CNAME"))
				os.Remove(filepath.Join(dir, "public/guides/a/notes.txt"))
				for range 2 {
					if _, err := New(Options{Dir: dir}).Build(); err != nil {
						t.Fatal(err)
					}
				}
				if got, _ := os.ReadFile(filepath.Join(dir, "public/CNAME")); string(got) != "example.org\n" {
					t.Errorf("public/CNAME = %q after moving it into static/", got)
				}
			}
		})
	}
}
