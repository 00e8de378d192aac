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

// Search when things go wrong (the QA of s19): what a reader sees when the
// network or the published files fail them.

// A search that failed because an index file could not be fetched (the
// network gone a moment, as on a phone) works when tried again, as the
// error message says: Enter with the same words, then other words, show
// results once the files can be fetched. Before, the engine kept the failed
// fetch of a term file (search/en/t/) and failed every search until the page
// was loaded again; internal/search's TestRetryAfterFailedFetchInNode holds
// the same for each kind of index file.
func TestSearchRetryAfterFailedFetch(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("search/"))
	tab.BlockURLs("*://*:*/search/en/t/*")
	tab.Do(chromedp.Click(chromedp.CSS(`#search-page-q`)))
	tab.Key("receiving")
	tab.Key(kb.Enter)
	tab.Poll("the error", `(() => {
		const f = document.querySelector("form[data-search-page]");
		return f.querySelector("[data-search-status]").textContent === f.getAttribute("data-search-error");
	})()`, 10*time.Second)
	if r := readResults(tab, pageForm); len(r.Hrefs) != 0 {
		t.Errorf("with the index's term files blocked, results %v", r.Hrefs)
	}
	tab.BlockURLs()
	tab.Key(kb.Enter)
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/guides/receiving/") {
		t.Fatalf("Enter again once the files can be fetched: results %v (status %q), want /guides/receiving/ first", r.Hrefs, r.Status)
	}
	browsertest.Eval[bool](tab, `(document.querySelector("#search-page-q").value = "", true)`)
	tab.Key("listening")
	if r = waitResults(tab, pageForm); len(r.Hrefs) == 0 {
		t.Errorf("other words once the files can be fetched: no results (status %q)", r.Status)
	}
	checkProblems(t, tab, "search page, a file blocked once", func(m browsertest.Message) bool {
		return strings.Contains(m.Text, "ERR_BLOCKED_BY_CLIENT")
	})
}

// The search page whose engine (js/search-engine.js) cannot load (the
// network gone a moment, a file missing from an upload, a blocker) says that
// search could not load, with the reader's words from the address in the
// field; before, it showed an empty field and nothing else, and Enter only
// loaded the same silent page again. Once the file can be fetched, Enter
// (a plain GET submit, which loads the page again) shows the results.
func TestSearchPageEngineMissing(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.BlockURLs("*://*:*/js/search-engine.*")
	tab.Navigate(s.URL("search/?q=receiving"))
	tab.Poll("the error", `(() => {
		const f = document.querySelector("form[data-search-page]");
		return f.querySelector("[data-search-status]").textContent === f.getAttribute("data-search-error");
	})()`, 10*time.Second)
	if got := browsertest.Eval[string](tab, `document.querySelector("#search-page-q").value`); got != "receiving" {
		t.Errorf("without the engine, the field holds %q, want the address's words %q", got, "receiving")
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("form[data-search-page] [data-search-status]").getAttribute("role") + " " + document.querySelector("form[data-search-page] [data-search-status]").getAttribute("aria-live")`); got != "status polite" {
		t.Errorf("the error is in an element with role and aria-live %q, want a polite status", got)
	}
	tab.BlockURLs()
	tab.Do(chromedp.Click(chromedp.CSS(`#search-page-q`)))
	tab.Key(kb.Enter)
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/guides/receiving/") {
		t.Errorf("Enter once the engine can be fetched: results %v (status %q), want /guides/receiving/ first", r.Hrefs, r.Status)
	}
	checkProblems(t, tab, "search page, its engine blocked", func(m browsertest.Message) bool {
		return strings.Contains(m.Text, "ERR_BLOCKED_BY_CLIENT")
	})
}

// Escape on a result of the header's search closes the results and puts the
// focus back in the field, as it does from the field. Before, the results
// closed, and focusing the field opened them again: a second Escape was
// needed.
func TestSearchHeaderEscapeFromResult(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("guides/repair/"))
	pressSlash(tab)
	tab.Key("receiving")
	if r := waitResults(tab, headerForm); len(r.Hrefs) < 2 {
		t.Fatalf("typing %q: results %v, want two or more", "receiving", r.Hrefs)
	}
	for _, down := range []int{1, 2} {
		for range down {
			tab.Key(kb.ArrowDown)
		}
		from := activeID(tab)
		tab.Key(kb.Escape)
		if r := readResults(tab, headerForm); !r.Hidden {
			t.Errorf("Escape on result %d (%s) left the results open", down, from)
		}
		if got := activeID(tab); got != "search-header-q" {
			t.Errorf("after Escape on result %d the focus is on %q, want the field", down, got)
		}
	}
	checkProblems(t, tab, "Escape from a result", nil)
}
