//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// TestTagLinks: tags whose names hold "+", "#" and "/" (C++, C#, CI/CD)
// have pages of their own, apart from the tag "c" (and "C", the same tag),
// and a person who clicks one of a page's tags lands on that tag's page,
// served by a plain static server; every address of the sitemap answers.
func TestTagLinks(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/site.yaml": "title: Tags\nbaseURL: https://example.org/\n",
		"content/a.md":      "---\ntitle: A\ntags: [Care, \"C++\", \"C#\", \"CI/CD\"]\n---\nA page.\n",
		"content/b.md":      "---\ntitle: B\ntags: [care, c, C]\n---\nB page.\n",
	})
	s, err := serveBuilt(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	for _, tt := range []struct {
		page string
		nth  int // the tag link's place in the page's list, from 1
		path string
		name string
	}{
		{"a/", 1, "/tags/care/", "Care"},
		{"a/", 2, "/tags/c++/", "C++"},
		{"a/", 3, "/tags/c-sharp/", "C#"},
		{"a/", 4, "/tags/ci-cd/", "CI/CD"},
		{"b/", 1, "/tags/care/", "Care"},
		{"b/", 2, "/tags/c/", "c"},
	} {
		if status := tab.Navigate(s.URL(tt.page)); status != http.StatusOK {
			t.Fatalf("/%s answers %d", tt.page, status)
		}
		tab.Do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`.page-meta .tags li:nth-child(%d) a`, tt.nth))))
		tab.Poll("the page of tag "+tt.name, `location.pathname === `+strconv.Quote(tt.path)+
			` && document.readyState === "complete" && document.querySelector("h1").textContent === `+strconv.Quote(tt.name), 10*time.Second)
		checkTraffic(t, tab, s, tt.path, "")
		checkProblems(t, tab, tt.path, nil)
		tab.Forget()
	}
	sitemap, err := os.ReadFile(filepath.Join(s.Out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	locs := regexp.MustCompile(`<loc>`+regexp.QuoteMeta(s.Base)+`([^<]*)</loc>`).FindAllSubmatch(sitemap, -1)
	if len(locs) != 9 {
		t.Errorf("the sitemap has %d addresses, want 9 (home, a, b, tags and 5 tags):\n%s", len(locs), sitemap)
	}
	for _, l := range locs {
		resp, err := http.Get(s.URL(string(l[1])))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("the sitemap's /%s answers %d", l[1], resp.StatusCode)
		}
	}
}
