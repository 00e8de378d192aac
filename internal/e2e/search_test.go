//go:build browser

package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
)

// Search (issue 15) on the shipped site, as a person uses it.

// results is what a search form's [data-search-results] shows: the hrefs
// of its result links in order, and the status line.
type results struct {
	Hrefs  []string `json:"hrefs"`
	Status string   `json:"status"`
	Hidden bool     `json:"hidden"`
	Marks  int      `json:"marks"`
}

func readResults(tab *browsertest.Tab, form string) results {
	return browsertest.Eval[results](tab, `(() => {
		const f = document.querySelector(`+"`"+form+"`"+`);
		const box = f.querySelector("[data-search-results]");
		return {
			hrefs: Array.from(box.querySelectorAll("a")).map(a => a.getAttribute("href")),
			status: (f.querySelector("[data-search-status]") || {}).textContent || "",
			hidden: box.hidden,
			marks: box.querySelectorAll("mark").length,
		};
	})()`)
}

const headerForm = `header form[role=search]`
const pageForm = `form[data-search-page]`

// waitResults waits until the form shows the results of the query now in
// its field (search.js marks them with data-search-for).
func waitResults(tab *browsertest.Tab, form string) results {
	tab.Poll("search results", `(() => {
		const f = document.querySelector(`+"`"+form+"`"+`);
		return !!f && f.querySelector("[data-search-results]").getAttribute("data-search-for") === f.querySelector("input[name=q]").value;
	})()`, 10*time.Second)
	return readResults(tab, form)
}

func activeID(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `(() => { const a = document.activeElement; return a ? (a.id || a.tagName + " " + (a.getAttribute("href") || "")) : ""; })()`)
}

// Typing in the header's field shows the expected guide first, and the
// keyboard alone goes from "/" to the guide.
func TestSearchHeaderKeyboard(t *testing.T) {
	s := serve(t, "/help/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("guides/repair/"))
	// "/" focuses the field, and is not typed into it.
	pressSlash(tab)
	if got := activeID(tab); got != "search-header-q" {
		t.Fatalf(`after "/", the focus is on %q, want the search field`, got)
	}
	if v := browsertest.Eval[string](tab, `document.activeElement.value`); v != "" {
		t.Errorf(`after "/", the field holds %q, want it empty`, v)
	}
	tab.Key("letting yourself recei")
	r := waitResults(tab, headerForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/help/guides/receiving/") {
		t.Fatalf("typing %q: results %v, want /help/guides/receiving/ first", "letting yourself recei", r.Hrefs)
	}
	if r.Hidden || r.Marks == 0 {
		t.Errorf("the results are hidden (%v) or mark no word (%d marks)", r.Hidden, r.Marks)
	}
	n := len(r.Hrefs)
	if !strings.HasSuffix(r.Status, "results") && !strings.HasSuffix(r.Status, "result") {
		t.Errorf("status %q does not announce the count", r.Status)
	}
	role := browsertest.Eval[string](tab, `document.querySelector("header [data-search-status]").getAttribute("aria-live")`)
	if role != "polite" {
		t.Errorf("the status line is not announced (aria-live %q)", role)
	}
	// Arrows move through the results and back to the field.
	tab.Key(kb.ArrowDown)
	first := activeID(tab)
	if !strings.Contains(first, r.Hrefs[0]) {
		t.Fatalf("ArrowDown: focus on %q, want the first result %s", first, r.Hrefs[0])
	}
	if n > 1 {
		tab.Key(kb.ArrowDown)
		if got := activeID(tab); !strings.Contains(got, r.Hrefs[1]) {
			t.Errorf("second ArrowDown: focus on %q, want %s", got, r.Hrefs[1])
		}
		tab.Key(kb.ArrowUp)
	}
	tab.Key(kb.ArrowUp)
	if got := activeID(tab); got != "search-header-q" {
		t.Errorf("ArrowUp from the first result: focus on %q, want the field", got)
	}
	// Escape closes the results, and keeps the focus in the field.
	tab.Key(kb.Escape)
	if r := readResults(tab, headerForm); !r.Hidden {
		t.Errorf("Escape left the results open")
	}
	if got := activeID(tab); got != "search-header-q" {
		t.Errorf("after Escape the focus is on %q", got)
	}
	// Enter on a result follows it, to the heading of its passage.
	tab.Key(kb.ArrowDown)
	tab.Key(kb.ArrowDown)
	target := browsertest.Eval[string](tab, `document.activeElement.href`)
	tab.Key(kb.Enter)
	tab.Poll("the result's page", fmt.Sprintf(`location.href === %q && document.readyState === "complete"`, target), 10*time.Second)
	if u, _ := url.Parse(target); u.Fragment != "" {
		if !browsertest.Eval[bool](tab, fmt.Sprintf(`!!document.getElementById(%q)`, u.Fragment)) {
			t.Errorf("the result links to #%s, which its page does not have", u.Fragment)
		}
	}
	checkTraffic(t, tab, s, "search from the header", "")
	checkProblems(t, tab, "search from the header", nil)
}

// Enter in the header's field opens the search page with the query, which
// shows the same results; a misspelled word still finds its guide.
func TestSearchPage(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL(""))
	tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
	tab.Key("recieve")
	tab.Key(kb.Enter)
	tab.Poll("the search page", `location.pathname === "/search/" && location.search === "?q=recieve"`, 10*time.Second)
	r := waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/guides/receiving/") {
		t.Fatalf("search page for %q: results %v, want /guides/receiving/ first", "recieve", r.Hrefs)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#search-page-q").value`); got != "recieve" {
		t.Errorf("the page's field holds %q", got)
	}
	if browsertest.Eval[bool](tab, `(() => { const n = document.querySelector("[data-search-nojs]"); return !!n && n.checkVisibility(); })()`) {
		t.Errorf("the explanation for browsers without JavaScript is shown with it")
	}
	// Typing on the page updates the results and the address.
	tab.Do(chromedp.Click(chromedp.CSS(`#search-page-q`)))
	browsertest.Eval[bool](tab, `(document.querySelector("#search-page-q").value = "", true)`)
	tab.Key(`"blocking care"`)
	r = waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/guides/receiving/#what-blocking-care-looks-like") {
		t.Errorf("the phrase query: results %v, want the heading \"What blocking care looks like\" of /guides/receiving/ first", r.Hrefs)
	}
	for _, h := range r.Hrefs {
		if !strings.HasPrefix(h, "/guides/receiving/") && !strings.HasPrefix(h, "/guides/self-awareness/") {
			t.Errorf("the phrase query shows %s, which does not hold the phrase", h)
		}
	}
	tab.Poll("the address follows the field", `new URL(location.href).searchParams.get("q") === '"blocking care"'`, 5*time.Second)
	// The same words the other way round are no phrase of the site.
	browsertest.Eval[bool](tab, `(document.querySelector("#search-page-q").value = "", true)`)
	tab.Key(`"care blocking"`)
	if r = waitResults(tab, pageForm); len(r.Hrefs) != 0 {
		t.Errorf("the phrase \"care blocking\" found %v; no page has it", r.Hrefs)
	}
	checkTraffic(t, tab, s, "search page", "")
	checkProblems(t, tab, "search page", nil)
}

// The search page at 320 px, light and dark: nothing sticks out, text has
// AA contrast, the results read, with the line that names a corrected
// word too.
func TestSearchPageNarrowDark(t *testing.T) {
	s := serve(t, "/")
	for _, scheme := range []string{"light", "dark"} {
		tab := browsertest.New(t)
		tab.Viewport(320, 800)
		tab.ColorScheme(scheme)
		tab.Navigate(s.URL("search/?q=recieve"))
		r := waitResults(tab, pageForm)
		if len(r.Hrefs) == 0 {
			t.Fatalf("%s: no results", scheme)
		}
		if !browsertest.Eval[bool](tab, `(() => { const p = document.querySelector("p.search-corrected"); return !!p && p.checkVisibility(); })()`) {
			t.Errorf("%s: no line names the corrected word", scheme)
		}
		checkNarrow(t, tab, "search page", scheme, 320)
		checkScheme(t, tab, "search page", scheme)
		checkContrast(t, tab, "search page", scheme)
		shot(tab, 320, scheme)
		// The header's dropdown on a guide, too.
		tab.Navigate(s.URL("guides/receiving/"))
		tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
		tab.Key("recieve")
		waitResults(tab, headerForm)
		checkNarrow(t, tab, "header results", scheme, 320)
		checkContrast(t, tab, "header results", scheme)
		shot(tab, 320, scheme+"-header")
		checkTraffic(t, tab, s, "search at 320 px "+scheme, "")
		checkProblems(t, tab, "search at 320 px "+scheme, nil)
	}
}

// Without JavaScript the header's form is a plain GET form to /search/,
// and the search page (a plain form too) says search needs JavaScript and
// links to the sections and tags.
func TestSearchWithoutJavaScript(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tab.Navigate(s.URL("guides/"))
	tab.Do(chromedp.SendKeys(chromedp.CSS(`#search-header-q`), "receive\n"))
	tab.Poll("the search page", `location.pathname === "/search/" && location.search === "?q=receive" && document.readyState === "complete" && !!document.querySelector("form[data-search-page]")`, 10*time.Second)
	visible := browsertest.Eval[bool](tab, `document.querySelector("[data-search-nojs]").checkVisibility()`)
	formShown := browsertest.Eval[bool](tab, `document.querySelector("form[data-search-page]").checkVisibility()`)
	if !visible || !formShown {
		t.Errorf("without JavaScript: explanation visible %v, search form visible %v", visible, formShown)
	}
	links := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll("[data-search-nojs] a")).map(a => a.getAttribute("href"))`)
	want := []string{"/guides/", "/worksheets/", "/tags/"}
	for _, w := range want {
		found := false
		for _, l := range links {
			found = found || l == w
		}
		if !found {
			t.Errorf("without JavaScript the search page does not link to %s (links: %v)", w, links)
		}
	}
	checkTraffic(t, tab, s, "search without JavaScript", "")
}

// On the Spanish pages of the shipped site, the header's form searches the
// Spanish index: a Spanish query finds the Spanish guide first, and no
// result is an English-only page (neither the English page nor its
// fallback copy under /es/); Enter opens the Spanish search page.
func TestSearchSpanish(t *testing.T) {
	// The guides only English has: those without a .es.md beside them,
	// in any folder of guides/.
	guides := filepath.Join("..", "..", "content", "guides")
	englishOnly := map[string]bool{}
	err := filepath.WalkDir(guides, func(n string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		base := filepath.Base(n)
		if filepath.Ext(base) != ".md" || strings.Count(base, ".") > 1 || base == "_index.md" {
			return nil
		}
		slug := strings.TrimSuffix(base, ".md")
		if _, err := os.Stat(filepath.Join(filepath.Dir(n), slug+".es.md")); err != nil {
			rel, _ := filepath.Rel(guides, filepath.Join(filepath.Dir(n), slug))
			englishOnly["/es/guides/"+filepath.ToSlash(rel)+"/"] = true
			englishOnly["/guides/"+filepath.ToSlash(rel)+"/"] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(englishOnly) == 0 {
		t.Fatal("the shipped site has no English-only guide: the test shows nothing")
	}
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL("es/"))
	if got := browsertest.Eval[string](tab, `document.querySelector("header form[role=search]").getAttribute("data-search-index")`); got != "/search/es/" {
		t.Fatalf("the Spanish header form searches %q, want /search/es/", got)
	}
	tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
	tab.Key("dejarse cuid")
	r := waitResults(tab, headerForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/es/guides/receiving/") {
		t.Fatalf("typing %q on /es/: results %v, want /es/guides/receiving/ first", "dejarse cuid", r.Hrefs)
	}
	for _, h := range r.Hrefs {
		path, _, _ := strings.Cut(h, "#")
		if !strings.HasPrefix(h, "/es/") || englishOnly[path] {
			t.Errorf("a Spanish search shows %s, which is not a Spanish page", h)
		}
	}
	if !strings.Contains(r.Status, "resultado") {
		t.Errorf("status %q is not in Spanish", r.Status)
	}
	tab.Key(kb.Enter)
	tab.Poll("the Spanish search page", `location.pathname === "/es/search/" && new URL(location.href).searchParams.get("q") === "dejarse cuid"`, 10*time.Second)
	r = waitResults(tab, pageForm)
	if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/es/guides/receiving/") {
		t.Errorf("the Spanish search page: results %v, want /es/guides/receiving/ first", r.Hrefs)
	}
	if got := browsertest.Eval[string](tab, `document.documentElement.lang + " " + document.querySelector("h1").textContent`); got != "es Buscar" {
		t.Errorf("the Spanish search page: lang and title %q", got)
	}
	checkTraffic(t, tab, s, "Spanish search", "")
	checkProblems(t, tab, "Spanish search", nil)
}

// pressSlash presses "/" as a keyboard does: one keydown carrying the text,
// whose default action types the character, so a script that cancels the
// keydown also cancels the character. (tab.Key sends the character as an
// event of its own, which no keydown handler can cancel.)
func pressSlash(tab *browsertest.Tab) {
	key := input.DispatchKeyEventParams{Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
	down, up := key, key
	down.Type, down.Text, down.UnmodifiedText = kb.KeyDown, "/", "/"
	up.Type = kb.KeyUp
	tab.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, k := range []input.DispatchKeyEventParams{down, up} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, k); err != nil {
				return err
			}
		}
		return nil
	}))
}

// indexOf is the place of the first href to the page path (any anchor),
// or -1.
func indexOf(hrefs []string, path string) int {
	for i, h := range hrefs {
		if p, _, _ := strings.Cut(h, "#"); p == path {
			return i
		}
	}
	return -1
}

// Pages with the word (or another form of it) in their title or a heading
// come before pages that only mention it, on the search page and typed in
// the header; a result's passage is the one that holds most of the words.
func TestSearchTitlesFirst(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	// Pages that hold "receiving" only in their description or text.
	lists := []string{"/guides/", "/guides/settings/", "/worksheets/"}
	check := func(where string, r results) {
		t.Helper()
		worksheet := indexOf(r.Hrefs, "/worksheets/open-to-receiving/")
		if len(r.Hrefs) == 0 || !strings.HasPrefix(r.Hrefs[0], "/guides/receiving/") || worksheet < 0 {
			t.Fatalf("%s: results %v, want /guides/receiving/ first and /worksheets/open-to-receiving/ among them", where, r.Hrefs)
		}
		for _, l := range lists {
			if i := indexOf(r.Hrefs, l); i >= 0 && i < worksheet {
				t.Errorf("%s: %s (the word in its description) comes before \"Am I open to receiving?\" (in its title): %v", where, l, r.Hrefs)
			}
		}
	}
	tab.Navigate(s.URL("search/?q=receive"))
	check("/search/?q=receive", waitResults(tab, pageForm))
	tab.Navigate(s.URL("guides/repair/"))
	tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
	tab.Key("receive")
	check(`"receive" typed in the header`, waitResults(tab, headerForm))

	// Both words are in /guides/repair/'s description, one in a heading's
	// opening: the description shows, both words marked.
	tab.Navigate(s.URL("search/?q=resentment+burnout"))
	waitResults(tab, pageForm)
	marked := browsertest.Eval[[]string](tab, `(() => {
		const a = document.querySelector('[data-search-results] a[href^="/guides/repair/"]');
		return a ? Array.from(a.querySelectorAll(".search-result-passage mark")).map(m => m.textContent.toLowerCase()) : null;
	})()`)
	if strings.Join(marked, " ") != "resentment burnout" {
		t.Errorf(`"resentment burnout": /guides/repair/'s passage marks %q, want both words`, marked)
	}
	checkTraffic(t, tab, s, "titles first", "")
	checkProblems(t, tab, "titles first", nil)
}

// A corrected word is named above the results and after the count, in the
// page's language, and marked in the results; a query spelt right has no
// such line.
func TestSearchCorrection(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	type corr struct {
		Line   string   `json:"line"`
		Strong string   `json:"strong"`
		Status string   `json:"status"`
		Lang   string   `json:"lang"`
		Marks  []string `json:"marks"`
		Before bool     `json:"before"`
	}
	read := func(form string) corr {
		return browsertest.Eval[corr](tab, `(() => {
			const f = document.querySelector(`+"`"+form+"`"+`);
			const box = f.querySelector("[data-search-results]");
			const p = box.querySelector("p.search-corrected");
			const list = box.querySelector("ol");
			return {
				line: p ? p.textContent : "",
				strong: p && p.querySelector("strong") ? p.querySelector("strong").textContent : "",
				status: f.querySelector("[data-search-status]").textContent,
				lang: p ? (p.closest("[lang]").getAttribute("lang")) : "",
				marks: Array.from(box.querySelectorAll("a.search-result mark")).map(m => m.textContent.toLowerCase()),
				before: !!p && !!list && !!(p.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING),
			};
		})()`)
	}
	tests := []struct {
		path, form, typed, line, strong, status, lang, mark string
	}{
		{"search/?q=recieve", pageForm, "", "Showing results for receive", "receive", "14 results Showing results for receive", "en", "receive"},
		{"guides/repair/", headerForm, "recieve", "Showing results for receive", "receive", "14 results Showing results for receive", "en", "receive"},
		{"search/?q=partnr+listens", pageForm, "", "Showing results for partner listens", "partner listens", "", "en", "partner"},
		{"es/search/?q=dejarse+cuidr", pageForm, "", "Mostrando resultados de dejarse cuidar", "dejarse cuidar", "", "es", "cuidar"},
		{"search/?q=receive", pageForm, "", "", "", "", "", "receive"},
	}
	for _, tt := range tests {
		tab.Navigate(s.URL(tt.path))
		if tt.typed != "" {
			tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
			tab.Key(tt.typed)
		}
		if r := waitResults(tab, tt.form); len(r.Hrefs) == 0 {
			t.Errorf("%s %q: no results", tt.path, tt.typed)
			continue
		}
		c := read(tt.form)
		if c.Line != tt.line || c.Strong != tt.strong {
			t.Errorf("%s %q: line %q (%q in bold), want %q (%q)", tt.path, tt.typed, c.Line, c.Strong, tt.line, tt.strong)
		}
		if tt.line != "" && (!c.Before || c.Lang != tt.lang) {
			t.Errorf("%s %q: the line is above the list %v, in language %q, want above, %q", tt.path, tt.typed, c.Before, c.Lang, tt.lang)
		}
		if tt.status != "" && c.Status != tt.status {
			t.Errorf("%s %q: status %q, want %q", tt.path, tt.typed, c.Status, tt.status)
		}
		if tt.line != "" && !strings.Contains(c.Status, tt.line) {
			t.Errorf("%s %q: status %q does not say %q", tt.path, tt.typed, c.Status, tt.line)
		}
		if tt.line == "" && strings.Contains(c.Status, "Showing") {
			t.Errorf("%s: status %q names a correction", tt.path, c.Status)
		}
		found := false
		for _, m := range c.Marks {
			found = found || strings.HasPrefix(m, tt.mark)
		}
		if !found {
			t.Errorf("%s %q: the results mark %q, not %q", tt.path, tt.typed, c.Marks, tt.mark)
		}
	}
	checkTraffic(t, tab, s, "corrections", "")
	checkProblems(t, tab, "corrections", nil)
}
