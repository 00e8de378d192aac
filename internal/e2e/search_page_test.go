//go:build browser

package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
)

// The search page as a reader meets it after a search (the QA of s19, items
// 8 to 10): where the focus lands, how a very long query is repeated, and
// what a printout says.

// Enter in the header's field opens the search page with the focus in its
// field, the caret after the words, where the results are (↓ or Tab goes
// to them); before, the page loaded with the focus on <body>, and a keyboard
// user tabbed through the header to reach them. The focus moves before the
// count is written, so that a screen reader says the field, then the count
// once (the status announces it). Back and Forward to the page leave the
// focus where a page load leaves it.
func TestSearchPageFocusAfterSubmit(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("guides/repair/"))
	pressSlash(tab)
	tab.Key("receiving")
	tab.Key(kb.Enter)
	tab.Poll("the search page", `location.pathname === "/search/" && location.search === "?q=receiving"`, 10*time.Second)
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || r.Status == "" {
		t.Fatalf("search page for %q: results %v, status %q", "receiving", r.Hrefs, r.Status)
	}
	if got := activeID(tab); got != "search-page-q" {
		t.Errorf("after Enter in the header's field, the search page has the focus on %q, want its field", got)
	}
	if got := browsertest.Eval[[]int](tab, `[document.activeElement.selectionStart, document.activeElement.selectionEnd]`); len(got) != 2 || got[0] != len("receiving") || got[1] != len("receiving") {
		t.Errorf("the field's selection is %v, want the caret after the words", got)
	}
	tab.Key(kb.ArrowDown)
	if got := activeID(tab); !strings.HasPrefix(got, "A /guides/receiving/") {
		t.Errorf("↓ from the field focuses %q, want the first result", got)
	}
	browsertest.Eval[bool](tab, `(history.back(), true)`) // a page from the cache fires no load event
	tab.Poll("the guide", `location.pathname === "/guides/repair/" && document.readyState === "complete"`, 10*time.Second)
	browsertest.Eval[bool](tab, `(history.forward(), true)`)
	tab.Poll("the search page again", `location.pathname === "/search/" && document.readyState === "complete"`, 10*time.Second)
	waitResults(tab, pageForm)
	if got := activeID(tab); got == "search-page-q" {
		t.Errorf("Forward to the search page (focus on a result when left) moved the focus to its field")
	}
	checkProblems(t, tab, "search page after Enter", nil)
}

// A query pasted whole (2,000 characters) is repeated in the "no results"
// line only up to its 100th character, then an ellipsis, cut between two
// characters as a reader sees them (an emoji with its skin tone whole); the
// field and the address keep it all. Before, the line repeated it all: at
// 320 px, about 2,900 px of it.
func TestSearchLongQueryCut(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	head := strings.Repeat("zq ", 33) // 99 characters
	q := head + "👍🏽" + strings.Repeat(" zq", 633)
	tab.Navigate(s.URL("search/?q=" + url.QueryEscape(q)))
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) != 0 {
		t.Fatalf("results %v, want none", r.Hrefs)
	}
	got := browsertest.Eval[[]string](tab, `(() => {
		const f = document.querySelector("form[data-search-page]");
		return [f.querySelector(".search-none").textContent, f.getAttribute("data-search-none"), f.querySelector("#search-page-q").value, new URL(location.href).searchParams.get("q")];
	})()`)
	want := strings.Replace(got[1], "{q}", head+"👍🏽…", 1)
	if got[0] != want {
		t.Errorf("the line without results says\n%q\nwant\n%q", got[0], want)
	}
	if got[2] != q || got[3] != q {
		t.Errorf("the field holds %d characters and the address %d, want the whole query (%d)", len(got[2]), len(got[3]), len(q))
	}
	checkProblems(t, tab, "search page, a long query", nil)
}

// The printed search page says what the results are for: the field and the
// count do not print, and a line that shows only in print (p.search-printed,
// the form's data-search-printed) names the words. Before, a printout of
// results did not say what was searched.
func TestSearchPagePrinted(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("search/?q=receiving"))
	if r := waitResults(tab, pageForm); len(r.Hrefs) == 0 {
		t.Fatalf("no results for %q", "receiving")
	}
	shown := `(() => { const p = document.querySelector("form[data-search-page] .search-printed"); return p ? (p.checkVisibility() ? p.textContent : "(hidden)") : "(none)"; })()`
	if got := browsertest.Eval[string](tab, shown); got != "(hidden)" {
		t.Errorf("on screen, the line for print shows %q, want it hidden", got)
	}
	tab.Media("print")
	want := strings.Replace(browsertest.Eval[string](tab, `document.querySelector("form[data-search-page]").getAttribute("data-search-printed")`), "{q}", "receiving", 1)
	if got := browsertest.Eval[string](tab, shown); got != want || want == "receiving" {
		t.Errorf("in print, the line says %q, want %q", got, want)
	}
	if browsertest.Eval[bool](tab, `document.querySelector("form[data-search-page] [data-search-status]").checkVisibility()`) {
		t.Errorf("in print, the count shows")
	}
	// A result focused by the keyboard has its ring on screen, not on paper.
	tab.Media("")
	tab.Do(chromedp.Focus(chromedp.CSS("#search-page-q")))
	tab.Key(kb.ArrowDown)
	ring := `(() => { const a = document.activeElement; return a.matches(".search-result:focus-visible") ? getComputedStyle(a).outlineStyle : "(not a result: " + a.outerHTML.slice(0, 80) + ")"; })()`
	if got := browsertest.Eval[string](tab, ring); got != "solid" {
		t.Fatalf("on screen, the focused result's outline is %q, want solid", got)
	}
	tab.Media("print")
	if got := browsertest.Eval[string](tab, ring); got != "none" {
		t.Errorf("in print, the focused result's outline is %q, want none", got)
	}
	tab.Media("")
	checkProblems(t, tab, "search page, printed", nil)
}

// Back to a page after following a result of its header's search: the
// field holds the words typed, as a form's field does after Back, and
// focusing it shows their results again. Before, the field was empty
// (where the browser does not keep the page whole in its back/forward
// cache, as under automation): autocomplete=off, which keeps the browser's
// list of past entries off the results, also kept it from saving the words.
func TestSearchHeaderWordsAfterBack(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("guides/repair/"))
	pressSlash(tab)
	tab.Key("receiving")
	if r := waitResults(tab, headerForm); len(r.Hrefs) == 0 {
		t.Fatalf("typing %q: no results", "receiving")
	}
	// Out of the back/forward cache (which keeps the page whole, words
	// and all): an unload listener keeps a page out of Chromium's.
	browsertest.Eval[bool](tab, `(window.addEventListener("unload", () => {}), window.kept = true)`)
	tab.Key(kb.ArrowDown)
	target := browsertest.Eval[string](tab, `document.activeElement.href`)
	tab.Key(kb.Enter)
	tab.Poll("the result's page", `location.href === `+"`"+target+"`"+` && document.readyState === "complete"`, 10*time.Second)
	browsertest.Eval[bool](tab, `(history.back(), true)`)
	tab.Poll("the guide again", `location.pathname === "/guides/repair/" && document.readyState === "complete"`, 10*time.Second)
	if browsertest.Eval[bool](tab, `window.kept === true`) {
		t.Fatalf("the page came back from the back/forward cache: the test needs it loaded again")
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#search-header-q").value`); got != "receiving" {
		t.Fatalf("after Back, the header's field holds %q, want %q", got, "receiving")
	}
	browsertest.Eval[bool](tab, `(document.querySelector("#search-header-q").focus(), true)`)
	if r := waitResults(tab, headerForm); len(r.Hrefs) == 0 || r.Hidden {
		t.Errorf("focusing the field after Back: results %v (hidden %v), want them shown", r.Hrefs, r.Hidden)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#search-header-q").getAttribute("autocomplete") || ""`); got != "off" {
		t.Errorf("after Back, the field's autocomplete is %q, want off", got)
	}
	checkProblems(t, tab, "Back after a header result", nil)
}
