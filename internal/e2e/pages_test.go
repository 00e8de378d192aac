//go:build browser

package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// page is one page of the shipped site to load.
type page struct {
	name   string
	path   string // under the base URL
	status int64  // of the document
}

func TestPages(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	pages := []page{
		{"home", "", http.StatusOK},
		{"section", "guides/", http.StatusOK},
		{"guide", "guides/receiving/", http.StatusOK},
		{"nested guide", "guides/settings/at-work/", http.StatusOK},
		{"tags", "tags/", http.StatusOK},
		{"tag", s.firstTag(t), http.StatusOK},
		{"worksheets", "worksheets/", http.StatusOK},
		{"worksheet", "worksheets/give-and-take/", http.StatusOK},
		{"404", "no/such/page/", http.StatusNotFound},
		// The Spanish side: translated pages, a page shown in English with
		// a notice, and the Spanish worksheet.
		{"home es", "es/", http.StatusOK},
		{"guide es", "es/guides/receiving/", http.StatusOK},
		{"fallback guide es", "es/guides/settings/at-work/", http.StatusOK},
		{"translated guide es", "es/guides/repair/", http.StatusOK},
		{"tags es", "es/tags/", http.StatusOK},
		{"worksheet es", "es/worksheets/give-and-take/", http.StatusOK},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			checkPage(t, s, p)
		})
	}
}

// TestSubPath serves the site under /help/, as https://example.org/help/
// would: every request, link and asset must stay under it and work.
func TestSubPath(t *testing.T) {
	t.Parallel()
	s := serve(t, "/help/")
	for _, p := range []page{
		{"home", "", http.StatusOK},
		{"guide", "guides/asking-and-offering/", http.StatusOK},
		{"worksheet", "worksheets/open-to-receiving/", http.StatusOK},
		{"404", "guides/gone/", http.StatusNotFound},
	} {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			checkPage(t, s, p)
		})
	}
}

// checkPage loads one page and runs every check on it: keyboard, traffic,
// links, both colour schemes at 1280 and 320 px, and the console.
func checkPage(t *testing.T, s *served, p page) {
	tab := browsertest.New(t)
	url := s.URL(p.path)
	tab.Viewport(1280, 800)
	tab.ColorScheme("light")
	if status := tab.Navigate(url); status != p.status {
		t.Fatalf("%s: status %d, want %d", url, status, p.status)
	}
	if strings.HasPrefix(p.path, "worksheets/") && strings.Count(p.path, "/") == 2 {
		// Let the scorer load: its fetch belongs to the page load.
		tab.Poll("the scorer", `document.querySelector("[data-results]").getAttribute("data-scoring") === "ready"`, 10e9)
	}
	checkSkipLink(t, tab, p.name)
	for _, width := range []int{1280, 320} {
		tab.Viewport(int64(width), 800)
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			checkScheme(t, tab, p.name, scheme)
			if width == 1280 {
				checkContrast(t, tab, p.name, scheme)
			}
			checkNarrow(t, tab, p.name, scheme, width)
			shot(tab, width, scheme)
		}
	}
	doc404 := ""
	if p.status == http.StatusNotFound {
		doc404 = url
	}
	checkTraffic(t, tab, s, p.name, doc404)
	checkLinks(t, tab, s, p.name)
	checkProblems(t, tab, p.name, func(m browsertest.Message) bool {
		// The browser logs the 404 status of the 404 page itself.
		return doc404 != "" && m.Kind == "log" && m.URL == doc404 && strings.Contains(m.Text, "404")
	})
}

// TestAlias follows an old URL (content/guides/what-reciprocity-is.md has
// `aliases: [/reciprocity/]`) on a sub-path site: it must land on the guide
// without a request outside the site.
func TestAlias(t *testing.T) {
	t.Parallel()
	s := serve(t, "/help/")
	// Whether chromium asks for the icon of a page that redirects at once
	// depends on timing, so look at the page too: without an icon link a
	// browser asks for /favicon.ico at the server's root, outside the site.
	src, err := os.ReadFile(filepath.Join(s.Out, "reciprocity", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<link rel="?icon"?[^>]* href=`).Match(src) {
		t.Errorf("the alias page reciprocity/index.html has no <link rel=\"icon\">, so browsers request /favicon.ico at the server root (outside %s):\n%s", s.Base, src)
	}
	tab := browsertest.New(t)
	if status := tab.Navigate(s.URL("reciprocity/")); status != http.StatusOK {
		t.Fatalf("the alias answers %d", status)
	}
	want := s.URL("guides/what-reciprocity-is/")
	tab.Poll("the redirect to "+want, `location.href === `+strconv.Quote(want)+` && document.readyState === "complete"`, 10*time.Second)
	time.Sleep(200 * time.Millisecond) // a favicon request may trail the load
	checkTraffic(t, tab, s, "alias", "")
	checkProblems(t, tab, "alias", nil)
}

// TestPrintedLinks prints pages of a site under /help/: a link to another
// page of the site prints its full address after its words, base path
// included, as a paper reader must type it (its href is only a path): in
// the text and a page's tags, in a worksheet's results (the guides its
// bands and its biggest gap send to), and in the lists of pages, sections
// and tags (home, a section, a tag, all tags). A link within the page, and
// every link on screen, print nothing.
func TestPrintedLinks(t *testing.T) {
	t.Parallel()
	s := serve(t, "/help/")
	tab := browsertest.New(t)
	// A card's ::after is on screen the empty box that makes the whole
	// card its link (content ""), never an address.
	after := `(sel => [...document.querySelectorAll(sel)].map(a => [a.href, getComputedStyle(a, "::after").content, a.closest(".card-title") ? '""' : "none"]))`
	type link = []string
	for _, tt := range []struct{ path, links string }{
		{"guides/receiving/", ".prose a[href^='/'], .page-meta .tags a"},
		{"worksheets/give-and-take/", ".ws-see a, .ws-gap a, .page-meta .tags a"},
		{"", ".card-title a, .entry-title a, .entry-meta .tags a"},
		{"guides/", ".card-title a, .entry-title a, .entry-meta .tags a"},
		{"tags/friendship/", ".entry-title a"},
		{"tags/", ".tag-cloud a"},
	} {
		tab.Navigate(s.URL(tt.path))
		if strings.HasPrefix(tt.path, "worksheets/") {
			// Answered (a blank worksheet prints no results), with every
			// band and gap shown: a hidden element has no ::after to read.
			tab.Poll("the scorer", `document.querySelector("[data-results]").getAttribute("data-scoring") === "ready"`, 10*time.Second)
			browsertest.Eval[bool](tab, `(() => { const r = document.querySelector("input[type=radio]"); r.checked = true; r.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
			tab.Poll("the answer scored", `document.querySelector("[data-results]").getAttribute("data-answered") === "1"`, 10*time.Second)
			browsertest.Eval[bool](tab, `(document.querySelectorAll(".ws-see a, .ws-gap a").forEach(a => { for (let h; (h = a.closest("[hidden]")); ) h.removeAttribute("hidden"); }), true)`)
		}
		for _, media := range []string{"", "print"} {
			tab.Media(media)
			inside := browsertest.Eval[[]link](tab, after+`(`+strconv.Quote(tt.links)+`)`)
			if len(inside) < 3 {
				t.Fatalf("%s, media %q: %d links to other pages of the site (%s), want 3 or more", tt.path, media, len(inside), tt.links)
			}
			for _, l := range inside {
				want := l[2]
				if media == "print" {
					want = `" (` + l[0] + `)"`
				}
				if !strings.HasPrefix(l[0], s.Base) {
					t.Errorf("link %s is not under %s", l[0], s.Base)
				}
				if l[1] != want {
					t.Errorf("media %q: the link to %s prints %s, want %s", media, l[0], l[1], want)
				}
			}
			for _, l := range browsertest.Eval[[]link](tab, after+`(".prose a[href^='#']:not(.anchor)")`) {
				if l[1] != "none" {
					t.Errorf("media %q: the link within the page to %s prints %s, want nothing", media, l[0], l[1])
				}
			}
		}
	}
	tab.Media("")
}
