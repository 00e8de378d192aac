package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksWithTheBasePath builds a site whose site.yaml puts it in a
// subfolder (https://example.org/help/) and whose links start with that
// path, by relref and by hand: as built for its host, and as mutual serve
// builds it (another base URL, at the root), every link leads to its page
// under the base path of the build, and neither build fails.
func TestLinksWithTheBasePath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/help/\nmenu:\n  - {name: A, url: /help/guides/a/}\n")
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\n## Two\n")
	writeFile(t, dir, "content/guides/b.md", "---\ntitle: B\n---\n[relref]({{< relref \"a.md\" >}}), [by hand](/help/guides/a/#two), [plain](/guides/a/).\n")
	for _, tt := range []struct {
		baseURL, base string
	}{
		{"", "/help/"},
		{"http://127.0.0.1:1313/", "/"}, // as mutual serve builds it
		{"https://staging.example.org/preview/", "/preview/"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := New(Options{Dir: dir, Out: out, BaseURL: tt.baseURL}).Build(); err != nil {
			t.Errorf("base URL %q: %v", tt.baseURL, err)
			continue
		}
		page, _ := os.ReadFile(filepath.Join(out, "guides", "b", "index.html"))
		for _, want := range []string{
			`<a href="` + tt.base + `guides/a/">relref</a>`,
			`<a href="` + tt.base + `guides/a/#two">by hand</a>`,
			`<a href="` + tt.base + `guides/a/">plain</a>`,
			`href="` + tt.base + `guides/a/">A</a>`, // the menu
		} {
			if !strings.Contains(string(page), want) {
				t.Errorf("base URL %q: no %s in the page", tt.baseURL, want)
			}
		}
	}
}
