//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/search"
)

// The index holds only the opening of each part of a page; a result whose
// passage marks none of the query's words is made again, a moment later,
// from its page's data-search-body (issue 15: "the best matching passage
// with the terms marked").

// deepWord is a word the shipped site's /guides/what-reciprocity-is/ holds
// only past the opening of a section: the index finds the page by it,
// and its passage there shows the description, unmarked.
const (
	deepWord = "partner"
	deepPage = "/guides/what-reciprocity-is/"
)

// passageOf is what a result link for a page shows.
type passageOf struct {
	Href    string   `json:"href"`
	Marks   []string `json:"marks"`
	Heading string   `json:"heading"`
	Count   int      `json:"count"`
	Status  string   `json:"status"`
}

func readPassage(tab *browsertest.Tab, form, page string) passageOf {
	return browsertest.Eval[passageOf](tab, fmt.Sprintf(`(() => {
		const f = document.querySelector(%q);
		const links = Array.from(f.querySelectorAll("[data-search-results] a.search-result"));
		const a = links.find(a => a.getAttribute("href").split("#")[0] === %q);
		const status = f.querySelector("[data-search-status]").textContent;
		if (!a) return {href: "", marks: [], heading: "", count: links.length, status};
		const s = a.querySelector(".search-result-section");
		return {
			href: a.getAttribute("href"),
			marks: Array.from(a.querySelectorAll(".search-result-passage mark")).map(m => m.textContent.toLowerCase()),
			heading: s ? s.textContent : "",
			count: links.length,
			status,
		};
	})()`, form, page))
}

// resultShown is a result link: its href and whether its passage marks a
// word.
type resultShown struct {
	Href   string `json:"href"`
	Marked bool   `json:"marked"`
	Any    bool   `json:"any"` // a mark anywhere: title, heading or passage
}

func readShown(tab *browsertest.Tab, form string) []resultShown {
	return browsertest.Eval[[]resultShown](tab, fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map(a => ({href: a.getAttribute("href"), marked: !!a.querySelector(".search-result-passage mark"), any: !!a.querySelector("mark")}))`, form+" a.search-result"))
}

// watchResults records, from now on, each result link of the last query
// as the form first shows it, and whether it changes later; watched
// returns them.
func watchResults(tab *browsertest.Tab, form string) {
	browsertest.Eval[bool](tab, fmt.Sprintf(`(() => {
		const box = document.querySelector(%q);
		window.firstShown = [];
		window.changedShown = [];
		const seen = new Map();
		new MutationObserver((records) => {
			for (const r of records) {
				// A new query's results: the box is emptied first.
				if (Array.from(r.removedNodes).some(n => n.nodeName === "OL")) {
					window.firstShown = [];
					window.changedShown = [];
					seen.clear();
				}
				for (const n of r.addedNodes) {
					const a = n.nodeType === 1 && (n.matches("a.search-result") ? n : n.querySelector && n.querySelector("a.search-result"));
					if (a && n.matches("li")) {
						seen.set(a, window.firstShown.length);
						window.firstShown.push({href: a.getAttribute("href"), marked: !!a.querySelector(".search-result-passage mark"), any: !!a.querySelector("mark")});
						window.changedShown.push(false);
					}
				}
				const a = r.target.closest && r.target.closest("a.search-result");
				if (a && seen.has(a)) window.changedShown[seen.get(a)] = true;
			}
		}).observe(box, {childList: true, subtree: true, attributes: true, characterData: true});
		return true;
	})()`, form+" [data-search-results]"))
}

func watched(tab *browsertest.Tab) ([]resultShown, []bool) {
	return browsertest.Eval[[]resultShown](tab, `window.firstShown`), browsertest.Eval[[]bool](tab, `window.changedShown`)
}

// submitQuery puts q in the search page's field and submits it: one query,
// run at once.
func submitQuery(tab *browsertest.Tab, form, q string) {
	browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const f = document.querySelector(%q); f.querySelector("input[name=q]").value = %q; f.requestSubmit(); return true; })()`, form, q))
}

// searchPageFor opens the search page, watches its results, submits q
// and returns the results, which must hold page.
func searchPageFor(t *testing.T, tab *browsertest.Tab, s *served, q, page string) results {
	t.Helper()
	tab.Navigate(s.URL("search/"))
	watchResults(tab, pageForm)
	submitQuery(tab, pageForm, q)
	r := waitResults(tab, pageForm)
	if indexOf(r.Hrefs, page) < 0 {
		t.Fatalf("%q: results %v do not hold %s", q, r.Hrefs, page)
	}
	return r
}

// waitMarked waits until the result for page marks a word in its passage.
func waitMarked(t *testing.T, tab *browsertest.Tab, form, page string) passageOf {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		p := readPassage(tab, form, page)
		if len(p.Marks) > 0 {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the result for %s never marks a word in its passage: %+v", form, page, p)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestSearchPassageFromPage(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)

	// The search page: the result shows at once as the index has it,
	// then the passage with the word, linked to its section.
	// (The whole word at once: typed, each prefix's results would be
	// shown, and their pages fetched, too.)
	r := searchPageFor(t, tab, s, deepWord, deepPage)
	before := readResults(tab, pageForm)
	p := waitMarked(t, tab, pageForm, deepPage)
	initial, changed := watched(tab)
	if len(initial) != len(before.Hrefs) {
		t.Fatalf("the results first shown: %v, now %v", initial, before.Hrefs)
	}
	if initial[indexOf(before.Hrefs, deepPage)].Marked {
		t.Errorf("%s's result marked a word as the index has it: %q is no word found only deep in a section", deepPage, deepWord)
	}
	for i, x := range initial {
		if x.Marked && changed[i] {
			t.Errorf("result %d (%s) marked a word at once and changed later", i, x.Href)
		}
	}
	path, anchor, _ := strings.Cut(p.Href, "#")
	if path != deepPage || anchor == "" {
		t.Errorf("the refined result links to %s, want a heading of %s", p.Href, deepPage)
	}
	for _, m := range p.Marks {
		if !strings.HasPrefix(m, deepWord) {
			t.Errorf("the refined passage marks %q, want forms of %q", p.Marks, deepWord)
		}
	}
	after := readResults(tab, pageForm)
	if p.Count != len(before.Hrefs) || after.Status != before.Status {
		t.Errorf("refining changed the results: %d links %q before, %d %q after", len(before.Hrefs), before.Status, p.Count, after.Status)
	}
	// The other results keep their place and links (only the refined
	// one's anchor changes).
	for i := range before.Hrefs {
		b, _, _ := strings.Cut(before.Hrefs[i], "#")
		a, _, _ := strings.Cut(after.Hrefs[i], "#")
		if a != b {
			t.Errorf("result %d moved: %s before, %s after", i, before.Hrefs[i], after.Hrefs[i])
		}
	}
	// Only pages of results shown whose passage marked nothing were
	// fetched, each once.
	fetched := map[string]int{}
	for _, q := range tab.Requests() {
		if q.Type == "Fetch" && !strings.Contains(q.URL, "/search/") {
			fetched[strings.TrimPrefix(q.URL, strings.TrimSuffix(s.Base, "/"))]++
		}
	}
	if fetched[deepPage] != 1 {
		t.Errorf("pages fetched: %v, want %s once", fetched, deepPage)
	}
	for u, n := range fetched {
		i := indexOf(before.Hrefs, u)
		if n != 1 || i < 0 || initial[i].Marked {
			t.Errorf("%s fetched %d times; want once, and only for a result shown whose passage marked nothing (%v)", u, n, initial)
		}
	}
	// Its anchor is the heading of the part that holds the word.
	tab.Navigate(s.URL(strings.TrimPrefix(p.Href, "/")))
	if !browsertest.Eval[bool](tab, fmt.Sprintf(`(() => {
		const h = document.getElementById(%q);
		if (!h || !/^H[1-6]$/.test(h.tagName)) return false;
		let text = "";
		for (let n = h.nextElementSibling; n && !/^H[1-6]$/.test(n.tagName); n = n.nextElementSibling) text += n.textContent;
		return text.toLowerCase().includes(%q);
	})()`, anchor, deepWord)) {
		t.Errorf("%s: no heading there, or its section does not hold %q", p.Href, deepWord)
	}
	checkTraffic(t, tab, s, "refined passage", "")
	checkProblems(t, tab, "refined passage", nil)

	// The header's dropdown, by keyboard: focus on a result stays where
	// it is while the passage changes, and Enter follows the refined link.
	tab = browsertest.New(t)
	tab.Navigate(s.URL("guides/repair/"))
	tab.Do(chromedp.Click(chromedp.CSS(`#search-header-q`)))
	tab.Key(deepWord)
	r = waitResults(tab, headerForm)
	i := indexOf(r.Hrefs, deepPage)
	if i < 0 {
		t.Fatalf("header %q: results %v do not hold %s", deepWord, r.Hrefs, deepPage)
	}
	tab.Key(kb.ArrowDown)
	focused := activeID(tab)
	p = waitMarked(t, tab, headerForm, deepPage)
	if got := activeID(tab); got != focused && !(i == 0 && strings.Contains(got, deepPage)) {
		t.Errorf("the focus moved from %q to %q when the passage was refined", focused, got)
	}
	for range i {
		tab.Key(kb.ArrowDown)
	}
	if got := activeID(tab); !strings.Contains(got, p.Href) {
		t.Fatalf("ArrowDown to result %d: focus on %q, want %s", i, got, p.Href)
	}
	target := browsertest.Eval[string](tab, `document.activeElement.href`)
	tab.Key(kb.Enter)
	tab.Poll("the refined result's page", fmt.Sprintf(`location.href === %q && document.readyState === "complete"`, target), 10*time.Second)
	checkTraffic(t, tab, s, "refined passage in the header", "")
	checkProblems(t, tab, "refined passage in the header", nil)
}

// A quoted phrase marks the phrase, as one piece, in every result's
// passage, at once or a moment later: the passage is a part that holds
// the phrase, never one that holds more of its words apart ("Asking for
// help" has "thank you" in one section and "you" all over another, whose
// passage marked nothing, then or later).
func TestSearchPhrasePassage(t *testing.T) {
	const q = `"thank you"`
	s := serve(t, "/")
	tab := browsertest.New(t)
	r := searchPageFor(t, tab, s, q, "/guides/asking-and-offering/")
	if len(r.Hrefs) < 3 {
		t.Fatalf("%s: results %v, want 3 or more", q, r.Hrefs)
	}
	for _, h := range r.Hrefs {
		page, _, _ := strings.Cut(h, "#")
		p := waitMarked(t, tab, pageForm, page)
		for _, m := range p.Marks {
			if strings.Join(strings.FieldsFunc(m, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' }), " ") != "thank you" {
				t.Errorf("%s: the result %s marks %q, want the phrase as one piece", q, p.Href, p.Marks)
				break
			}
		}
	}
	checkTraffic(t, tab, s, "phrase passage", "")
	checkProblems(t, tab, "phrase passage", nil)
}

// A worksheet found by a word of a question deep in one of its sections
// shows, a moment later, the passage of that section that holds it (read
// from the worksheet page's data-search-body elements), linked to the
// section.
func TestSearchPassageFromWorksheet(t *testing.T) {
	const (
		word    = "genuinely" // only in two questions of Give and take, past its first section's opening
		wsPage  = "/worksheets/give-and-take/"
		section = "section-1"
	)
	s := serve(t, "/")
	tab := browsertest.New(t)
	r := searchPageFor(t, tab, s, word, wsPage)
	p := waitMarked(t, tab, pageForm, wsPage)
	initial, _ := watched(tab)
	if i := indexOf(r.Hrefs, wsPage); i >= len(initial) || initial[i].Marked {
		t.Errorf("%s's result marked a word as the index has it (%v): %q is no word found only deep in a section", wsPage, initial, word)
	}
	if p.Href != wsPage+"#"+section {
		t.Errorf("the refined result links to %s, want %s#%s", p.Href, wsPage, section)
	}
	if len(p.Marks) == 0 || p.Marks[0] != word {
		t.Errorf("the refined passage marks %q, want %q", p.Marks, word)
	}
	if !strings.HasSuffix(p.Heading, "Emotional support") {
		t.Errorf("the refined result names the section %q, want Emotional support", p.Heading)
	}
	// The words around it are the question's, not an answer's or a label's.
	passage := browsertest.Eval[string](tab, fmt.Sprintf(`(() => {
		const a = Array.from(document.querySelectorAll(%q)).find(a => a.getAttribute("href").startsWith(%q));
		return a.querySelector(".search-result-passage").textContent;
	})()`, pageForm+" a.search-result", wsPage))
	if !strings.Contains(passage, "I am genuinely glad with them") {
		t.Errorf("the refined passage is %q, want the question that holds %q", passage, word)
	}
	for _, label := range []string{"Never", "Often", "Does not apply", "Them They"} {
		if strings.Contains(passage, label) {
			t.Errorf("the refined passage %q holds %q, not a question's words", passage, label)
		}
	}
	checkTraffic(t, tab, s, "refined worksheet passage", "")
	checkProblems(t, tab, "refined worksheet passage", nil)

	// The link leads to the section, which holds the word.
	tab.Navigate(s.URL(strings.TrimPrefix(p.Href, "/")))
	if !browsertest.Eval[bool](tab, fmt.Sprintf(`(() => {
		const f = document.getElementById(%q);
		return !!f && f.tagName === "FIELDSET" && f.textContent.toLowerCase().includes(%q);
	})()`, section, word)) {
		t.Errorf("%s: no section there, or it does not hold %q", p.Href, word)
	}
	checkProblems(t, tab, "the worksheet's section", nil)
}

// A page that cannot be fetched leaves its result as the index has it,
// without an error.
func TestSearchPassageFetchFails(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.BlockURLs("*://*:*" + deepPage)
	tab.Navigate(s.URL("search/?q=" + deepWord))
	r := waitResults(tab, pageForm)
	if indexOf(r.Hrefs, deepPage) < 0 {
		t.Fatalf("%q: results %v do not hold %s", deepWord, r.Hrefs, deepPage)
	}
	first := readPassage(tab, pageForm, deepPage)
	// Wait until the page's fetch has failed (else nothing has been tried
	// yet), then a moment for the script to hear of it, and for the other
	// results' pages, fetched too.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(25 * time.Millisecond) {
		failed := false
		for _, r := range tab.Responses() {
			failed = failed || (r.Failed != "" && strings.HasPrefix(r.URL, s.URL(deepPage)))
		}
		if failed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the blocked fetch of %s never failed: %v", deepPage, tab.Responses())
		}
	}
	time.Sleep(time.Second)
	if p := readPassage(tab, pageForm, deepPage); !reflect.DeepEqual(p, first) || p.Href != deepPage || len(p.Marks) != 0 {
		t.Errorf("with its page blocked, the result changed from %+v to %+v", first, p)
	}
	checkProblems(t, tab, "blocked page", func(m browsertest.Message) bool {
		return strings.Contains(m.Text, "ERR_BLOCKED_BY_CLIENT")
	})
}

// engineCore makes the query engine (search-engine.js's core, as Node
// requires it) window.searchCore in tab.
func engineCore(t *testing.T, tab *browsertest.Tab, s *served) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(s.Out, "js", "search-engine.*.js"))
	if err != nil || len(names) != 1 {
		t.Fatalf("search-engine.js in the output: %v %v", names, err)
	}
	src, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Eval[bool](tab, `(() => { const module = {exports: {}}; `+string(src)+`; window.searchCore = module.exports; return true; })()`)
}

// The page reads a page's data-search-body into the parts the index was
// made from (internal/search's Parts of the same HTML), on every page of
// the shipped site that has one. (A worksheet's index is made from its
// file, not from HTML: internal/site's TestWorksheetSearchPartsMatchPage
// holds its page's data-search-body elements to it.)
func TestSearchPassagePartsMatchIndex(t *testing.T) {
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL(""))
	engineCore(t, tab, s)
	type page struct {
		URL   string      `json:"url"`
		HTML  string      `json:"html"`
		Parts [][3]string `json:"parts"`
	}
	pages := browsertest.Eval[[]page](tab, `(async () => {
		const sm = new DOMParser().parseFromString(await (await fetch("/sitemap.xml")).text(), "application/xml");
		const out = [];
		for (const loc of sm.querySelectorAll("loc")) {
			const u = new URL(loc.textContent);
			const doc = new DOMParser().parseFromString(await (await fetch(u.pathname)).text(), "text/html");
			const b = doc.querySelectorAll("[data-search-body]");
			if (b.length === 1 && !b[0].querySelector("[data-search-part], [data-search-skip]")) out.push({url: u.pathname, html: b[0].innerHTML, parts: searchCore.partsOf(b)});
		}
		return out;
	})()`)
	if len(pages) < 20 {
		t.Fatalf("only %d pages of the shipped site have a data-search-body", len(pages))
	}
	for _, p := range pages {
		var want [][3]string
		for _, part := range search.Parts(p.HTML) {
			want = append(want, [3]string{part.Anchor, part.Heading, part.Text})
		}
		if !reflect.DeepEqual(p.Parts, want) {
			t.Errorf("%s: the page reads parts\n%q\nthe index\n%q", p.URL, p.Parts, want)
		}
	}
}

// TestSearchPassageShare measures, on the shipped site, the share of the
// results shown for 300 rare words (3 uses or fewer) whose passage marks
// no word, as the index has them and once refined from their pages. Set
// MUTUAL_MEASURE_PASSAGES=1 to run it (a minute or two).
func TestSearchPassageShare(t *testing.T) {
	if os.Getenv("MUTUAL_MEASURE_PASSAGES") == "" {
		t.Skip("MUTUAL_MEASURE_PASSAGES is not set")
	}
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Navigate(s.URL(""))
	engineCore(t, tab, s)
	// The words of the English pages (title, description, parts), folded.
	counts := browsertest.Eval[map[string]int](tab, `(async () => {
		const sm = new DOMParser().parseFromString(await (await fetch("/sitemap.xml")).text(), "application/xml");
		const n = {};
		for (const loc of sm.querySelectorAll("loc")) {
			const u = new URL(loc.textContent);
			if (u.pathname.startsWith("/es/")) continue;
			const doc = new DOMParser().parseFromString(await (await fetch(u.pathname)).text(), "text/html");
			let text = doc.title + " " + ((doc.querySelector("meta[name=description]") || {}).content || "");
			const b = doc.querySelectorAll("[data-search-body]");
			const body = b.length ? b : doc.querySelector("main");
			if (body) text += " " + searchCore.partsOf(body).map(p => p[1] + " " + p[2]).join(" ");
			for (const t of searchCore.tokens(text, false)) {
				if (/^[a-z]{4,}$/.test(t.w)) n[t.w] = (n[t.w] || 0) + 1;
			}
		}
		return n;
	})()`)
	var rare []string
	for w, n := range counts {
		if n <= 3 {
			rare = append(rare, w)
		}
	}
	sort.Strings(rare)
	if len(rare) > 300 {
		step := float64(len(rare)) / 300
		var pick []string
		for i := range 300 {
			pick = append(pick, rare[int(float64(i)*step)])
		}
		rare = pick
	}
	var results, unmarked, stillUnmarked, none, stillNone int
	var examples []string
	for i, w := range rare {
		if i%50 == 0 {
			// A tab has a time limit; 50 queries fit in it.
			checkProblems(t, tab, "measure", nil)
			tab = browsertest.New(t)
			tab.Navigate(s.URL("search/"))
			watchResults(tab, pageForm)
		}
		submitQuery(tab, pageForm, w)
		waitResults(tab, pageForm)
		// As first shown, before any page's text came.
		first, _ := watched(tab)
		// Wait until every page fetched for the unmarked ones has been
		// read (its fetch done, then a moment).
		var urls []string
		for _, x := range first {
			if !x.Any {
				none++
			}
			if !x.Marked {
				p, _, _ := strings.Cut(x.Href, "#")
				urls = append(urls, p)
				unmarked++
			}
		}
		results += len(first)
		if len(urls) == 0 {
			continue
		}
		tab.Poll("the pages fetched", fmt.Sprintf(`%q.split(" ").every(u => performance.getEntriesByName(new URL(u, location.href).href).some(e => e.responseEnd > 0))`, strings.Join(urls, " ")), 10*time.Second)
		time.Sleep(100 * time.Millisecond)
		for _, x := range readShown(tab, pageForm) {
			if !x.Any {
				stillNone++
			}
			if !x.Marked {
				stillUnmarked++
				if len(examples) < 10 {
					examples = append(examples, w+" -> "+x.Href)
				}
			}
		}
	}
	t.Logf("%d rare words, %d results shown: %d (%.0f%%) marked no word as the index has them, %d (%.0f%%) once refined from their pages",
		len(rare), results, unmarked, 100*float64(unmarked)/float64(max(results, 1)), stillUnmarked, 100*float64(stillUnmarked)/float64(max(results, 1)))
	t.Logf("no mark anywhere (title, heading, passage): %d (%.0f%%) as the index has them, %d (%.0f%%) once refined",
		none, 100*float64(none)/float64(max(results, 1)), stillNone, 100*float64(stillNone)/float64(max(results, 1)))
	t.Logf("passage still unmarked, e.g.: %s", strings.Join(examples, "; "))
	checkProblems(t, tab, "measure", nil)
}
