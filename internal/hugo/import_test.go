package hugo

import (
	"bytes"
	"flag"
	"io/fs"
	"mutual/internal/testio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want/ sections of testdata/import/*.txt")

// archive is a test case: a comment, then sections introduced by
// "-- name --" lines. Sections under want/ are the outputs (rewritten by
// -update); the others are the files of a Hugo site.
type archive = testio.Archive

// writeSite writes the input sections of a into a new folder.
func writeSite(t *testing.T, a *archive) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "hugo-site")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range a.Order {
		if strings.HasPrefix(name, "want/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(a.Files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot is every file under dir with its content, to see that a folder
// did not change.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			files[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestImportGolden converts each Hugo site of testdata/import/ (without
// the check, whose findings are the site engine's; see TestImportChecks)
// and compares the new site's site.yaml, its list of files and the report
// with the want/ sections. A case whose import fails has want/error.
func TestImportGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/import/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := testio.ParseArchive(data)
			src := writeSite(t, a)
			before := snapshot(t, src)
			dest := filepath.Join(filepath.Dir(src), "new-site")
			got := map[string]string{}
			r, err := convertSite(src, dest)
			if err != nil {
				got["want/error"] = strings.ReplaceAll(err.Error(), filepath.Dir(src)+string(filepath.Separator), "") + "\n"
				if _, statErr := os.Stat(dest); statErr == nil {
					t.Errorf("the import failed and left %s", dest)
				}
			} else {
				r.Src, r.Dest = "hugo-site", "new-site"
				var out bytes.Buffer
				r.Write(&out)
				got["want/report"] = out.String()
				after := snapshot(t, dest)
				got["want/site.yaml"] = after["content/site.yaml"]
				var names []string
				for n := range after {
					if !strings.HasSuffix(n, "/") {
						names = append(names, n)
					}
				}
				sort.Strings(names)
				got["want/files"] = strings.Join(names, "\n") + "\n"
				// Copies are byte for byte.
				for _, n := range names {
					if from, ok := a.Files[n]; ok && after[n] != from {
						t.Errorf("%s: copied as %q, want %q", n, after[n], from)
					}
				}
			}
			if after := snapshot(t, src); !equalMaps(before, after) {
				t.Errorf("the import changed the Hugo site")
			}
			if *update {
				var order []string
				for _, n := range a.Order {
					if !strings.HasPrefix(n, "want/") {
						order = append(order, n)
					}
				}
				for _, n := range []string{"want/error", "want/site.yaml", "want/files", "want/report"} {
					if v, ok := got[n]; ok {
						a.Files[n] = v
						order = append(order, n)
					}
				}
				a.Order = order
				if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, n := range []string{"want/error", "want/site.yaml", "want/files", "want/report"} {
				want, inArchive := a.Files[n]
				g, made := got[n]
				if inArchive != made {
					t.Errorf("%s: in the archive %v, made %v (run go test -update)", n, inArchive, made)
					continue
				}
				if g != want {
					t.Errorf("%s:\n--- got\n%s--- want\n%s", n, g, want)
				}
			}
		})
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
