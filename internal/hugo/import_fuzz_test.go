package hugo

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/testio"
)

// FuzzImportConfig: whatever a Hugo site's configuration holds (in TOML,
// YAML or JSON), and whatever the front matter of one of its pages,
// convertSite comes back (no panic, no hang): with errors that name a
// file of the Hugo site, or with a new site whose site.yaml mutual reads
// without an error. Seeded with the configurations of testdata/import/.
func FuzzImportConfig(f *testing.F) {
	names, _ := filepath.Glob("testdata/import/*.txt")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for file, src := range testio.ParseArchive(data).Files {
			if i := configFormat(file); i >= 0 && !strings.Contains(file, "/") {
				f.Add(uint8(i), src, "---\ntitle: A\n---\nHello.\n")
			}
		}
	}
	f.Add(uint8(0), "title = 'a'\n[permalinks]\nposts = '/:year/:slug/'\n[menus]\n[[menus.main]]\nname = 'A'\npageRef = '/a'\n", "+++\ntitle = 'A'\naliases = ['/old/']\n+++\n")
	f.Add(uint8(1), "languages:\n  en: {weight: 1}\n  de: {contentDir: content/de}\n", "{\"title\": \"A\", \"url\": \"/x/\"}\n")
	f.Add(uint8(3), `{"baseURL": "https://example.org/", "params": {"description": "d"}, "taxonomies": {"tag": "tags"}}`, "---\ntitle: [A]\n---\n")
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, format uint8, config, page string) {
		n++
		src := filepath.Join(dir, "src", strconv.Itoa(n))
		dest := filepath.Join(dir, "dest", strconv.Itoa(n))
		defer os.RemoveAll(src)
		defer os.RemoveAll(dest)
		name := rootConfigNames[int(format)%4]
		for file, body := range map[string]string{name: config, "content/posts/a.md": page} {
			p := filepath.Join(src, filepath.FromSlash(file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := convertSite(src, dest)
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				return // the folders, said in words
			}
			for _, e := range list {
				if e.Path == "" || filepath.IsAbs(e.Path) || e.Msg == "" {
					t.Errorf("an error without its file or words: %q", e.Error())
				}
			}
			return
		}
		data, rerr := os.ReadFile(filepath.Join(dest, "content", "site.yaml"))
		if rerr != nil {
			t.Fatalf("imported, with no site.yaml: %v", rerr)
		}
		if _, errs := content.ParseConfig(data); len(errs) > 0 {
			t.Errorf("the site.yaml written has errors:\n%s\n---\n%s", errs.Error(), data)
		}
	})
}

// configFormat is the place in rootConfigNames of a root configuration
// file's name, or -1.
func configFormat(file string) int {
	for i, n := range rootConfigNames {
		if n == file {
			return i % 4
		}
	}
	return -1
}
