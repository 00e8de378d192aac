package hugo

import (
	"mutual/internal/testio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallSite is a Hugo site that mutual's check accepts as it is.
const smallSite = `A small Hugo site.
-- hugo.toml --
title = "Small"
baseURL = "https://example.org/"
-- content/_index.md --
---
title: Home
---
See [the guide](guides/a.md).
-- content/guides/a.md --
---
title: A guide
---
Text.
`

// TestImportRefuses: an import never writes into the Hugo site, and writes
// a new site only into a new or empty folder; each refusal says why, and
// leaves both folders as they were.
func TestImportRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, src string) (srcArg, dest string)
		want  string
	}{
		{"dest not empty", func(t *testing.T, src string) (string, string) {
			dest := filepath.Join(filepath.Dir(src), "new")
			os.MkdirAll(dest, 0o755)
			os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("mine"), 0o644)
			return src, dest
		}, "is not empty: an import writes a new site only into a new or empty folder"},
		{"dest holds only a hidden file", func(t *testing.T, src string) (string, string) {
			dest := filepath.Join(filepath.Dir(src), "new")
			os.MkdirAll(dest, 0o755)
			os.WriteFile(filepath.Join(dest, ".keep"), nil, 0o644)
			return src, dest
		}, "is not empty"},
		{"dest is a file", func(t *testing.T, src string) (string, string) {
			dest := filepath.Join(filepath.Dir(src), "new.txt")
			os.WriteFile(dest, []byte("x"), 0o644)
			return src, dest
		}, "is a file: the new site needs a new or empty folder"},
		{"dest is the Hugo site", func(t *testing.T, src string) (string, string) {
			return src, src
		}, "is the Hugo site itself"},
		{"dest inside the Hugo site", func(t *testing.T, src string) (string, string) {
			return src, filepath.Join(src, "mutual")
		}, "is inside the Hugo site"},
		{"dest inside the Hugo site through a link", func(t *testing.T, src string) (string, string) {
			link := filepath.Join(filepath.Dir(src), "link")
			if err := os.Symlink(src, link); err != nil {
				t.Skip(err)
			}
			return src, filepath.Join(link, "out")
		}, "is inside the Hugo site"},
		{"dest holds the Hugo site", func(t *testing.T, src string) (string, string) {
			return src, filepath.Dir(src)
		}, "holds the Hugo site"},
		{"no Hugo site", func(t *testing.T, src string) (string, string) {
			return filepath.Join(src, "missing"), filepath.Join(filepath.Dir(src), "new")
		}, "does not exist: name the folder of the Hugo site"},
		{"Hugo site is a file", func(t *testing.T, src string) (string, string) {
			return filepath.Join(src, "hugo.toml"), filepath.Join(filepath.Dir(src), "new")
		}, "is a file: name the folder of the Hugo site"},
		{"empty names", func(t *testing.T, src string) (string, string) {
			return src, " "
		}, "name both folders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := writeSite(t, testio.ParseArchive([]byte(smallSite)))
			srcArg, dest := tt.setup(t, src)
			before := snapshot(t, filepath.Dir(src))
			r, err := Import(srcArg, dest)
			if err == nil {
				t.Fatalf("imported (%+v), want an error with %q", r, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want %q", err, tt.want)
			}
			if after := snapshot(t, filepath.Dir(src)); !equalMaps(before, after) {
				t.Errorf("a refused import changed the folders")
			}
		})
	}
}

// TestImportChecks: the import runs mutual's check on the new site and
// reports what it finds; a site the check accepts is ready to build.
func TestImportChecks(t *testing.T) {
	t.Run("clean", func(t *testing.T) {
		src := writeSite(t, testio.ParseArchive([]byte(smallSite)))
		dest := filepath.Join(filepath.Dir(src), "new")
		r, err := Import(src, dest)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Checked || len(r.Problems) > 0 || r.CheckFailed != nil {
			t.Fatalf("check: ran %v, problems %v, failed %v", r.Checked, r.Problems, r.CheckFailed)
		}
		var b strings.Builder
		r.Write(&b)
		if !strings.Contains(b.String(), "check: no problems found") {
			t.Errorf("report:\n%s", b.String())
		}
	})
	t.Run("a broken link", func(t *testing.T) {
		src := writeSite(t, testio.ParseArchive([]byte(strings.Replace(smallSite, "guides/a.md", "guides/b.md", 1))))
		dest := filepath.Join(filepath.Dir(src), "new")
		r, err := Import(src, dest)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) != 1 || !strings.HasPrefix(r.Problems[0].Error(), "content/_index.md:4:") {
			t.Fatalf("problems %v, want the broken link of content/_index.md", r.Problems)
		}
		var b strings.Builder
		r.Write(&b)
		for _, want := range []string{"check: 1 problem, listed above", "fix the problems the check found (mutual check -s " + dest + " lists them again)"} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("report without %q:\n%s", want, b.String())
			}
		}
		// The new site is kept, for the writer to fix.
		if _, err := os.Stat(filepath.Join(dest, "content", "_index.md")); err != nil {
			t.Error(err)
		}
	})
}

// TestImportIntoEmptyFolder: an empty folder is taken, and the site is
// written into it.
func TestImportIntoEmptyFolder(t *testing.T) {
	src := writeSite(t, testio.ParseArchive([]byte(smallSite)))
	dest := filepath.Join(filepath.Dir(src), "empty")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := convertSite(src, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "content", "site.yaml")); err != nil {
		t.Error(err)
	}
}

// TestImportLinks: a symbolic link in the Hugo site is followed to a file
// inside it and copied as a file; one that leads out is not followed,
// and the report says so.
func TestImportLinks(t *testing.T) {
	src := writeSite(t, testio.ParseArchive([]byte(smallSite)))
	secret := filepath.Join(filepath.Dir(src), "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o644)
	if err := os.Symlink(secret, filepath.Join(src, "content", "leak.txt")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(src, "content", "guides", "a.md"), filepath.Join(src, "content", "same.md")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(filepath.Dir(src), "new")
	r, err := convertSite(src, dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(dest, "content", "leak.txt")); err == nil {
		t.Error("a link out of the Hugo site was copied")
	}
	if st, err := os.Lstat(filepath.Join(dest, "content", "same.md")); err != nil || !st.Mode().IsRegular() {
		t.Errorf("a link inside the site is not copied as a file: %v", err)
	}
	if len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Error(), "outside the Hugo site") {
		t.Errorf("skipped %v", r.Skipped)
	}
}
