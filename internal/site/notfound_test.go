package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNotFoundLinks builds sites of several shapes and follows every link
// of each 404 page's list of places to continue: each leads to a page the
// build wrote. A site without a guides/ folder (a Hugo site's posts/, say)
// has no "All guides" entry, where it used to link to a /guides/ that was
// not there.
func TestNotFoundLinks(t *testing.T) {
	for _, tt := range []struct {
		name   string
		files  map[string]string
		pages  []string // the 404 pages to read
		guides bool     // whether "All guides" is listed
	}{
		{
			name: "guides",
			files: map[string]string{
				"content/site.yaml":   "title: T\nbaseURL: https://example.org/help/\n",
				"content/guides/a.md": "---\ntitle: A\n---\nA.\n",
			},
			pages:  []string{"404.html"},
			guides: true,
		},
		{
			name: "posts, as a Hugo site has them",
			files: map[string]string{
				"content/site.yaml":  "title: T\nbaseURL: https://example.org/help/\nmenu:\n  - {name: Posts, url: /posts/}\n",
				"content/posts/a.md": "---\ntitle: A\n---\nA.\n",
			},
			pages: []string{"404.html"},
		},
		{
			name: "pages at the top only",
			files: map[string]string{
				"content/site.yaml": "title: T\nbaseURL: https://example.org/\n",
				"content/about.md":  "---\ntitle: About\n---\nA.\n",
			},
			pages: []string{"404.html"},
		},
		{
			name: "guides, in two languages",
			files: map[string]string{
				"content/site.yaml":   "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n",
				"content/guides/a.md": "---\ntitle: A\n---\nA.\n",
			},
			pages:  []string{"404.html", "es/404.html"},
			guides: true,
		},
		{
			name: "posts, in two languages",
			files: map[string]string{
				"content/site.yaml":     "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
				"content/posts/a.md":    "---\ntitle: A\n---\nA.\n",
				"content/posts/a.de.md": "---\ntitle: A\n---\nA.\n",
			},
			pages: []string{"404.html", "de/404.html"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tt.files {
				writeFile(t, dir, name, body)
			}
			out := filepath.Join(t.TempDir(), "public")
			if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
				t.Fatal(err)
			}
			base := "/"
			if strings.Contains(tt.files["content/site.yaml"], "/help/") {
				base = "/help/"
			}
			for _, page := range tt.pages {
				html, err := os.ReadFile(filepath.Join(out, page))
				if err != nil {
					t.Fatal(err)
				}
				list := regexp.MustCompile(`(?s)<ul class="not-found-links">(.*?)</ul>`).FindSubmatch(html)
				if list == nil {
					t.Fatalf("%s: no list of places to continue", page)
				}
				hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllSubmatch(list[1], -1)
				if len(hrefs) == 0 {
					t.Errorf("%s: the list links nowhere", page)
				}
				guides := false
				for _, h := range hrefs {
					u := string(h[1])
					if !strings.HasPrefix(u, base) {
						t.Errorf("%s: link %s is outside the site's %s", page, u, base)
						continue
					}
					if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(u, base)), "index.html")); err != nil {
						t.Errorf("%s: link %s leads to no page", page, u)
					}
					guides = guides || strings.HasSuffix(u, "/guides/")
				}
				if guides != tt.guides {
					t.Errorf("%s: lists all guides: %v, want %v", page, guides, tt.guides)
				}
			}
		})
	}
}
