//go:build browser

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
)

// fallbackLink is the search page's link to the default language's
// search ([data-search-fallback]), as a person finds it.
type fallbackLink struct {
	There bool   `json:"there"`
	Shown bool   `json:"shown"`
	Href  string `json:"href"`
	Lang  string `json:"hreflang"`
	Text  string `json:"text"`
	Above bool   `json:"above"` // in the search form, just above its results
	Room  int    `json:"room"`  // the space it takes above the results, in px
}

func readFallbackLink(tab *browsertest.Tab) fallbackLink {
	return browsertest.Eval[fallbackLink](tab, `(() => {
		const p = document.querySelector("[data-search-fallback]");
		if (!p) return {there: false};
		const a = p.querySelector("a");
		const box = document.querySelector("form[data-search-page] [data-search-results]");
		return {there: true, shown: !p.hidden && p.checkVisibility(), href: a.getAttribute("href"),
			hreflang: a.hreflang, text: a.textContent,
			above: !!box && p.nextElementSibling === box, room: box ? Math.round(box.getBoundingClientRect().top - p.getBoundingClientRect().top) : -1};
	})()`)
}

// The shipped site's Spanish pages show "Reciprocity at work" untranslated,
// and the Spanish search leaves it out (each language searches the pages
// written in it): the Spanish search page offers the English search, with
// the words searched for, and it finds the page. The English search page
// has no such link.
func TestSearchFallbackLink(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("search/?q=colleague"))
	waitResults(tab, pageForm)
	if l := readFallbackLink(tab); l.There {
		t.Errorf("the English search page links to another search: %+v", l)
	}

	tab.Navigate(s.URL("es/search/?q=colleague"))
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) != 0 {
		t.Errorf("the Spanish search finds %v for an English word of an English-only page", r.Hrefs)
	}
	l := readFallbackLink(tab)
	want := fallbackLink{There: true, Shown: true, Href: "/search/?q=colleague", Lang: "en", Text: "Buscar en las páginas que solo están en inglés", Above: true}
	room := l.Room
	l.Room = 0
	if l != want {
		t.Fatalf("the Spanish search page's link: %+v, want %+v", l, want)
	}

	// New words: the link follows; none: it is hidden.
	browsertest.Eval[bool](tab, `(() => { const q = document.querySelector("#search-page-q"); q.value = ""; q.focus(); return true; })()`)
	tab.Key("give and take")
	tab.Key(kb.Enter)
	waitResults(tab, pageForm)
	if l := readFallbackLink(tab); !l.Shown || l.Href != "/search/?q=give+and+take" {
		t.Errorf("after a new search: %+v, want it shown with /search/?q=give+and+take", l)
	}
	tab.Key(kb.Escape) // clears the field
	tab.Poll("the link hidden", `document.querySelector("[data-search-fallback]").hidden`, 5*time.Second)
	if l := readFallbackLink(tab); l.Shown || l.Room != room || room <= 0 {
		t.Errorf("with the field empty: %+v, want it hidden, keeping its room above the results (%d px)", l, room)
	}

	// By keyboard: the link opens the English search of the same words,
	// which finds the page.
	tab.Key("colleague")
	tab.Key(kb.Enter)
	waitResults(tab, pageForm)
	tab.Do(chromedp.Focus(chromedp.CSS(`[data-search-fallback] a`)))
	tab.Key(kb.Enter)
	tab.Poll("the English search page", `location.pathname === "/search/" && new URL(location.href).searchParams.get("q") === "colleague"`, 10*time.Second)
	r = waitResults(tab, pageForm)
	found := false
	for _, h := range r.Hrefs {
		found = found || strings.HasPrefix(h, "/guides/settings/at-work/")
	}
	if !found {
		t.Errorf("the English search of %q: %v, want /guides/settings/at-work/ among them", "colleague", r.Hrefs)
	}
	checkProblems(t, tab, "search fallback", nil)
	checkTraffic(t, tab, s, "search fallback", "")
}
