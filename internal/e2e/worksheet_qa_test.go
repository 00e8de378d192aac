//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
	"mutual/internal/score"
)

// TestWorksheetTwoTabs fills in one worksheet in two tabs at once, a
// question in each: neither tab's saving drops the other's answer, and
// each tab shows what the other answered.
func TestWorksheetTwoTabs(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	url := s.URL("/", "worksheets/give-and-take/")
	a := browsertest.New(t)
	a.Navigate(url)
	waitScorer(t, a, "ready")
	b := browsertest.New(t)
	b.Navigate(url)
	waitScorer(t, b, "ready")

	both := newSheet(w)
	answer(t, a, both, "listening.give", "4")
	answer(t, b, both, "safe-to-say-no", "3")
	answer(t, b, both, "free-choices", "2")
	a.Poll("the other tab's answers", `document.querySelector('input[name="safe-to-say-no"][value="3"]').checked`, 5*time.Second)
	checkShown(t, a, both, "the first tab")
	checkShown(t, b, both, "the second tab")
	a.Do(chromedp.Reload())
	waitScorer(t, a, "ready")
	checkShown(t, a, both, "the first tab, reloaded")

	// A reflection written in one tab, then clearing in the other: the
	// first tab follows, and its Undo is not offered for a clearing it did
	// not do.
	a.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "from tab a"))
	b.Poll("the other tab's reflection", `document.querySelector('textarea[name="next-step"]').value === "from tab a"`, 5*time.Second)
	clearAnswers(t, b)
	a.Poll("the clearing in the other tab", `document.querySelectorAll("form input:checked").length === 0 && document.querySelector('textarea[name="next-step"]').value === ""`, 5*time.Second)
	checkShown(t, a, newSheet(w), "the first tab after the second cleared")
	undoClear(t, b)
	a.Poll("the undo in the other tab", `document.querySelector('textarea[name="next-step"]').value === "from tab a"`, 5*time.Second)
	checkShown(t, a, both, "the first tab after the second's undo")
	// A result saved in one tab shows in the other's results over time
	// (and so the other's next save keeps it).
	press(t, a, `[data-action="snapshot"]`)
	b.Poll("the other tab's saved result", `document.querySelectorAll("[data-history-rows] tr").length === 1`, 5*time.Second)
	checkProblems(t, a, "first tab", nil)
	checkProblems(t, b, "second tab", nil)
}

// TestWorksheetBackForward answers a worksheet, leaves it, answers more
// in another tab, and comes back to the first through the back button (a
// page the browser kept as it was): it shows every answer, and answering
// there drops none of the other tab's.
func TestWorksheetBackForward(t *testing.T) {
	t.Parallel()
	s := newWSServer(t)
	s.keepPages()
	s.build(t, root, "/", "")
	w := parseWorksheet(t, giveAndTake)
	url := s.URL("/", "worksheets/give-and-take/")
	a := browsertest.New(t)
	a.Navigate(url)
	waitScorer(t, a, "ready")
	all := newSheet(w)
	answer(t, a, all, "listening.give", "4")
	waitScored(t, a)
	browsertest.Eval[bool](a, `(window.qaKept = true)`)
	a.Navigate(s.URL("/", "guides/"))

	b := browsertest.New(t)
	b.Navigate(url)
	waitScorer(t, b, "ready")
	answer(t, b, all, "safe-to-say-no", "3")
	waitScored(t, b)
	b.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "from the other tab"))
	b.Navigate(s.URL("/", "guides/")) // leaves (its saving is done)

	browsertest.Eval[bool](a, `(history.back(), true)`) // a page from the cache fires no load event
	a.Poll("the page back", `location.pathname === "/worksheets/give-and-take/" && document.readyState === "complete"`, 5*time.Second)
	if !browsertest.Eval[bool](a, `window.qaKept === true`) {
		t.Fatal("the browser did not keep the page in its back/forward cache: this test checks nothing")
	}
	a.Poll("the other tab's answers", `document.querySelector('input[name="safe-to-say-no"][value="3"]').checked`, 5*time.Second)
	got := checkShown(t, a, all, "back")
	if got.Texts["next-step"] != "from the other tab" {
		t.Errorf("back, the reflection reads %q", got.Texts["next-step"])
	}
	// (chromedp's view of the document is the one before: click through
	// the page itself.)
	browsertest.Eval[bool](a, `(document.querySelector('label:has(> input[name="hard-days.receive"][value="1"])').click(), true)`)
	all.pick("hard-days.receive", "1")
	checkShown(t, a, all, "back and answered")
	a.Do(chromedp.Reload())
	waitScorer(t, a, "ready")
	got = checkShown(t, a, all, "reloaded")
	if got.Texts["next-step"] != "from the other tab" {
		t.Errorf("reloaded, the reflection reads %q", got.Texts["next-step"])
	}
	checkProblems(t, a, "back and forward", nil)
}

// TestWorksheetStoreFillsUp runs the worksheet in a browser whose store
// takes small records but refuses a large one, as a store nearly full
// does: the page keeps its promise, says that it is no longer saving the
// answers once a save fails (in the promise, and to screen readers), and
// says the promise again once saving works again. What was saved before
// stays saved.
func TestWorksheetStoreFillsUp(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	initScript(t, tab, `(() => {
		const set = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (String(v).length > 400) throw new DOMException("full", "QuotaExceededError");
			return set.call(this, k, v);
		};
	})();`)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	promise := func() string {
		return browsertest.Eval[string](tab, `document.querySelector("[data-promise]").textContent`)
	}
	before := promise()
	if strings.Contains(before, "not saving") {
		t.Fatalf("a store with room: the page says %q", before)
	}
	ws := newSheet(w)
	answer(t, tab, ws, "listening.give", "4")
	waitScored(t, tab)
	if p := promise(); p != before {
		t.Errorf("saved: the promise reads %q, want %q", p, before)
	}
	// A long note: its first words typed, the rest pasted at once (as
	// the browser inserts text a person pastes: one input event, where
	// typing it key by key made 600, and took most of this test's time).
	long := strings.Repeat("a long note ", 50)
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), long[:12]))
	if _, err := chromedp.Call(tab.Context(), input.InsertText, input.InsertTextParams{Text: long[12:]}); err != nil {
		t.Fatal(err)
	}
	if v := browsertest.Eval[string](tab, `document.querySelector('textarea[name="next-step"]').value`); v != long {
		t.Fatalf("the note reads %q, want %q", v, long)
	}
	if p := promise(); !strings.Contains(p, "This browser is not saving them") {
		t.Errorf("a save refused: the promise reads %q", p)
	}
	tab.Poll("the refusal announced", `document.querySelector("[data-announce]").textContent.includes("This browser is not saving them")`, 5*time.Second)
	stored := browsertest.Eval[string](tab, `localStorage.getItem("mutual:/worksheets/give-and-take/") || ""`)
	if !strings.Contains(stored, `"listening.give":"4"`) {
		t.Errorf("the answer saved before is gone: %q", stored)
	}
	// Room again (the note taken out): the promise is back.
	browsertest.Eval[bool](tab, `(ta => (ta.value = "", ta.dispatchEvent(new Event("input", {bubbles: true})), true))(document.querySelector('textarea[name="next-step"]'))`)
	answer(t, tab, ws, "listening.receive", "2")
	waitScored(t, tab)
	if p := promise(); p != before {
		t.Errorf("saving again: the promise reads %q, want %q", p, before)
	}
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "reloaded")
	checkProblems(t, tab, "a full store", nil)
}

// TestWorksheetModuleFails refuses one of the page's modules while
// another is slow to come: the page still starts with the modules it has,
// its saved answers restored, and says that scoring is unavailable.
func TestWorksheetModuleFails(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	url := s.URL("/", "worksheets/give-and-take/")
	tab.Navigate(url)
	waitScorer(t, tab, "ready")
	ws := newSheet(w)
	answer(t, tab, ws, "listening.give", "4")
	answer(t, tab, ws, "safe-to-say-no", "1")
	waitScored(t, tab)

	s.refuse(func(p string) bool { return strings.Contains(p, "/js/worksheet-results.") })
	s.delay(func(p string) bool { return strings.Contains(p, "/js/worksheet-page.") })
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "unavailable")
	tab.Poll("the saved answers", `document.querySelectorAll("form input:checked").length === 2`, 5*time.Second)
	if got := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("form input:checked")].map(i => i.name + "=" + i.value).sort()`); strings.Join(got, " ") != "listening.give=4 safe-to-say-no=1" {
		t.Errorf("restored %q", got)
	}
	// Answering still saves.
	answer(t, tab, nil, "hard-days.receive", "2")
	if stored := browsertest.Eval[string](tab, `localStorage.getItem("mutual:/worksheets/give-and-take/") || ""`); !strings.Contains(stored, `"hard-days.receive":"2"`) {
		t.Errorf("a new answer is not saved: %q", stored)
	}
	checkProblems(t, tab, "a module refused", func(m browsertest.Message) bool {
		return strings.Contains(m.Text, "503") || strings.Contains(m.Text, "/js/worksheet-results.")
	})
}

// TestWorksheetDateLangs: the dates the history writes outside its texts
// (the table's, the chart's, the opened result's) are in the language of
// the texts they stand with, and marked so: English on an Italian page the
// theme has no words for; Spanish on a Spanish page of a worksheet shown
// untranslated (its main part English); Spanish on a translated one.
func TestWorksheetDateLangs(t *testing.T) {
	t.Parallel()
	dir := copySite(t, map[string]string{
		"content/site.yaml":                        readRoot(t, "content/site.yaml", "theme: default", "  - {code: it, name: Italiano}\ntheme: default"),
		"content/worksheets/give-and-take.it.yaml": readRoot(t, giveAndTake, "", ""),
	})
	untranslated(t, dir, "does-it-feel-fair.es.yaml")
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.NewIsolated(t)
	tab.Viewport(1280, 900)
	kept := `{"v":1,"comparisons":[{"code":"AAAA","kept":"2026-03-14"}]}`
	history := `{"v":1,"snapshots":[{"date":"2026-03-14","fingerprint":"old","scores":{"answered":1,"total":40,"give":75,"receive":null,"balance":null,"lean":null},"answers":{}}]}`
	for _, tc := range []struct{ path, lang string }{
		{"it/worksheets/give-and-take/", "en"},
		{"es/worksheets/does-it-feel-fair/", "es"},
		{"es/worksheets/give-and-take/", "es"},
		{"worksheets/give-and-take/", "en"},
	} {
		url := srv.URL("/", tc.path)
		tab.Navigate(url)
		browsertest.Eval[bool](tab, `(k => (localStorage.setItem(k + "#history", `+strconv.Quote(history)+`), localStorage.setItem(k + "#compare", `+strconv.Quote(kept)+`), true))(document.querySelector("form[data-store-key]").getAttribute("data-store-key"))`)
		tab.Do(chromedp.Reload())
		waitScorer(t, tab, "ready")
		tab.Poll("the saved result", `document.querySelector("[data-history-rows] tr") !== null && document.querySelector("[data-kept-list] li") !== null`, 5*time.Second)
		type dated struct{ Text, Lang, Want string }
		got := browsertest.Eval[map[string]dated](tab, `(() => {
			const want = (lang, opts) => new Intl.DateTimeFormat(lang, opts).format(new Date(2026, 2, 14));
			const lang = el => el.closest("[lang]").getAttribute("lang");
			const row = document.querySelector('[data-history-rows] [data-slot="date"]');
			const kept = [...document.querySelectorAll('[data-kept-list] [data-slot="date"]')];
			const labels = [...document.querySelectorAll("[data-history-chart] text")];
			const label = labels[labels.length - 1];
			document.querySelector('[data-history-rows] [data-action="open"]').click();
			const view = document.querySelector('[data-snapshot-view] [data-slot="date"]');
			const l = `+strconv.Quote(tc.lang)+`;
			return {
				row: {Text: row.textContent, Lang: lang(row), Want: want(l, {year: "numeric", month: "short", day: "numeric"})},
				chart: {Text: label.textContent, Lang: lang(label), Want: want(l, {month: "short", day: "numeric"})},
				view: {Text: view.textContent, Lang: lang(view), Want: want(l, {year: "numeric", month: "long", day: "numeric"})},
				...Object.fromEntries(kept.map((d, i) => ["kept comparison " + i, {Text: d.textContent, Lang: lang(d), Want: want(l, {year: "numeric", month: "long", day: "numeric"})}])),
			};
		})()`)
		for where, d := range got {
			if d.Text != d.Want || d.Lang != tc.lang {
				t.Errorf("%s, the date in the %s: %q in %q, want %q in %q", tc.path, where, d.Text, d.Lang, d.Want, tc.lang)
			}
		}
		checkProblems(t, tab, tc.path, nil)
	}
}

// readRoot returns the shipped site's file rel with old replaced by new.
func readRoot(t *testing.T, rel, old, new string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	if old == "" {
		return string(src)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%s has no %q", rel, old)
	}
	return strings.Replace(string(src), old, new, 1)
}

// brokenWordsJS lists the words inside the elements matching a selector
// that the page breaks across lines (one word, two lines), as
// "text: word".
func brokenWordsJS(sel string) string {
	return `(() => {
		const out = [];
		for (const el of document.querySelectorAll(` + strconv.Quote(sel) + `)) {
			if (!el.checkVisibility()) continue;
			const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				for (const m of n.nodeValue.matchAll(/\S+/g)) {
					const r = document.createRange();
					r.setStart(n, m.index);
					r.setEnd(n, m.index + m[0].length);
					const tops = new Set([...r.getClientRects()].map(q => Math.round(q.top)));
					if (tops.size > 1) out.push(el.textContent.trim() + ": " + m[0]);
				}
			}
		}
		return out;
	})()`
}

// TestWorksheetScoreWords: the names of the scores above the results
// (Answered, You give...) never break inside a word, in English or in
// Spanish, whose "Respondidas" is longer, on a phone or beside the form.
func TestWorksheetScoreWords(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	for _, path := range []string{"worksheets/give-and-take/", "es/worksheets/give-and-take/", "worksheets/does-it-feel-fair/", "es/worksheets/does-it-feel-fair/"} {
		tab.Navigate(s.URL("/", path))
		waitScorer(t, tab, "ready")
		for _, width := range []int64{320, 375, 768, 1024, 1280} {
			tab.Viewport(width, 900)
			if broken := browsertest.Eval[[]string](tab, brokenWordsJS(".ws-scores dt, .ws-scores dd")); len(broken) > 0 {
				t.Errorf("%s at %d px: words broken across lines: %q", path, width, broken)
			}
		}
	}
	checkProblems(t, tab, "score words", nil)
}

// TestWorksheetPrintedHistory prints saved results of a worksheet with all
// four scores: on paper, in black and grey, each score's line, points and
// key still look different from every other's (on screen too), so the
// printed chart can be read without colour.
func TestWorksheetPrintedHistory(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/does-it-feel-fair/"))
	snap := func(date string, g, r, b, l int) string {
		return `{"date":"` + date + `","fingerprint":"x","scores":{"answered":4,"total":9,"give":` + strconv.Itoa(g) + `,"receive":` + strconv.Itoa(r) + `,"balance":` + strconv.Itoa(b) + `,"lean":` + strconv.Itoa(l) + `},"answers":{}}`
	}
	history := `{"v":1,"snapshots":[` + snap("2026-03-14", 80, 40, -40, -20) + `,` + snap("2026-03-21", 60, 50, -10, 10) + `]}`
	browsertest.Eval[bool](tab, `(localStorage.setItem(document.querySelector("form[data-store-key]").getAttribute("data-store-key") + "#history", `+strconv.Quote(history)+`), true)`)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	tab.Poll("the saved results", `document.querySelectorAll("[data-history-chart] path.ws-hist-line").length === 4`, 5*time.Second)
	looks := `(() => {
		const out = {};
		for (const k of ["give", "receive", "balance", "lean"]) {
			const key = getComputedStyle(document.querySelector("[data-part=history] .ws-key-" + k), "::before");
			const dot = getComputedStyle(document.querySelector("[data-history-chart] circle.ws-hist-" + k));
			const line = getComputedStyle(document.querySelector("[data-history-chart] path.ws-hist-" + k));
			out[k] = {
				Key: [key.borderTopColor, key.borderTopWidth, key.width, key.borderRadius].join(" "),
				Dot: [dot.fill, dot.stroke].join(" "),
				Line: [line.stroke, line.strokeWidth, line.strokeDasharray].join(" "),
			};
		}
		return out;
	})()`
	type look struct{ Key, Dot, Line string }
	for _, media := range []string{"", "print"} {
		tab.Media(media)
		got := browsertest.Eval[map[string]look](tab, looks)
		kinds := []string{"give", "receive", "balance", "lean"}
		for i, a := range kinds {
			for _, b := range kinds[i+1:] {
				if got[a].Key == got[b].Key {
					t.Errorf("media %q: the key shows %s and %s alike: %s", media, a, b, got[a].Key)
				}
				if got[a].Dot == got[b].Dot {
					t.Errorf("media %q: the points of %s and %s look alike: %s", media, a, b, got[a].Dot)
				}
				if got[a].Line == got[b].Line {
					t.Errorf("media %q: the lines of %s and %s look alike: %s", media, a, b, got[a].Line)
				}
			}
		}
	}
	tab.Media("")
	checkProblems(t, tab, "printed history", nil)
}

// TestWorksheetLongReflection pastes a reflection longer than the page
// keeps (20,000 characters, as an answer file allows): the box takes what
// it keeps, and what it shows comes back after a reload, in full; the page
// never saves a text it would then refuse to restore.
func TestWorksheetLongReflection(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	text := strings.Repeat("Ninety-nine words of thanks. ", 700) // 20,300 characters
	tab.Do(chromedp.Focus(chromedp.CSS(`textarea[name="next-step"]`)))
	if _, err := chromedp.Call(tab.Context(), input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		t.Fatal(err)
	}
	shown := browsertest.Eval[string](tab, `document.querySelector('textarea[name="next-step"]').value`)
	if len(shown) == 0 || len(shown) > 20000 {
		t.Errorf("the reflection holds %d characters, want 1 to 20,000", len(shown))
	}
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	if back := browsertest.Eval[string](tab, `document.querySelector('textarea[name="next-step"]').value`); back != shown {
		t.Errorf("after a reload the reflection holds %d characters, want the %d it showed", len(back), len(shown))
	}
	checkProblems(t, tab, "a long reflection", nil)
}

// TestWorksheetKeepRefused keeps a comparison in a browser that will not
// store it (its store takes answers, not comparisons): the page says the
// comparison could not be kept, offers Keep again, and lists nothing,
// instead of saying it is kept.
func TestWorksheetKeepRefused(t *testing.T) {
	t.Parallel()
	tab := comparingTab(t, `(() => {
		const set = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (String(k).endsWith("#compare")) throw new DOMException("full", "QuotaExceededError");
			return set.call(this, k, v);
		};
	})();`)
	press(t, tab, `[data-action="keep"]`)
	tab.Poll("a word about keeping", `document.querySelector("[data-more-status]").textContent !== "" && document.querySelector("[data-more-status]").textContent !== "The comparison is ready."`, 5*time.Second)
	if st := browsertest.Eval[string](tab, `document.querySelector("[data-more-status]").textContent`); st != "This browser is not saving, so the comparison could not be kept." {
		t.Errorf("keeping refused, the page says %q", st)
	}
	if !browsertest.Eval[bool](tab, `document.querySelector('[data-action="keep"]').checkVisibility()`) {
		t.Errorf("keeping refused, Keep is no longer offered")
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-kept-list] li").length`); n != 0 {
		t.Errorf("keeping refused, %d kept comparisons listed", n)
	}
	checkProblems(t, tab, "keeping refused", nil)
}

// TestWorksheetEarlyAnswer answers before the page's scripts have started
// (they come late: a slow phone, a slow network) and does nothing else:
// the answer is saved once they start, and scored, so it is back after a
// reload.
func TestWorksheetEarlyAnswer(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	s.delay(func(p string) bool { return strings.Contains(p, "/js/worksheet-page.") })
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	if started := browsertest.Eval[bool](tab, `!!(window.mutualWorksheet && window.mutualWorksheet.start)`); started {
		t.Fatal("the page started before the test could answer: this test checks nothing")
	}
	ws := newSheet(w)
	answer(t, tab, ws, "listening.give", "4")
	if started := browsertest.Eval[bool](tab, `!!(window.mutualWorksheet && window.mutualWorksheet.start)`); started {
		t.Fatal("the page started before the answer: this test checks nothing")
	}
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "answered early")
	s.delay(nil)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "reloaded")
	checkProblems(t, tab, "an early answer", nil)
}

// TestWorksheetPrintedReflection prints a long reflection (a few pages'
// worth): the printed box is as tall as its text, so the handout shows all
// of it, and on screen the box is back to its size after printing.
func TestWorksheetPrintedReflection(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Viewport(1280, 900)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	para := strings.Repeat("What I want to say to them, in my own words. ", 30)
	text := strings.TrimSpace(strings.Repeat(para+"\n", 5)) + "\nThe end."
	tab.Do(chromedp.Focus(chromedp.CSS(`textarea[name="next-step"]`)))
	if _, err := chromedp.Call(tab.Context(), input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		t.Fatal(err)
	}
	const fits = `(ta => ta.scrollHeight <= ta.clientHeight + 2)(document.querySelector('textarea[name="next-step"]'))`
	screenRows := browsertest.Eval[int](tab, `document.querySelector('textarea[name="next-step"]').rows`)
	// What printing does: beforeprint, the print layout, afterprint.
	browsertest.Eval[bool](tab, `dispatchEvent(new Event("beforeprint"))`)
	for _, width := range []int64{1280, 600} {
		tab.Viewport(width, 900)
		tab.Media("print")
		if !browsertest.Eval[bool](tab, fits) {
			h := browsertest.Eval[[]float64](tab, `(ta => [ta.scrollHeight, ta.clientHeight, ta.rows])(document.querySelector('textarea[name="next-step"]'))`)
			t.Errorf("printed %d px wide, the reflection is cut: it needs %v px, shows %v (rows %v)", width, h[0], h[1], h[2])
		}
		tab.Media("")
	}
	browsertest.Eval[bool](tab, `dispatchEvent(new Event("afterprint"))`)
	if rows := browsertest.Eval[int](tab, `document.querySelector('textarea[name="next-step"]').rows`); rows != screenRows {
		t.Errorf("after printing the reflection has %d rows, before %d", rows, screenRows)
	}
	checkProblems(t, tab, "a long reflection printed", nil)
}

// TestWorksheetHistoryLabels saves results on many days: the chart's day
// labels never run into each other nor out of the chart, in English and in
// Spanish, on a phone and beside the form.
func TestWorksheetHistoryLabels(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	for _, path := range []string{"worksheets/does-it-feel-fair/", "es/worksheets/does-it-feel-fair/"} {
		// A tab for each language: each case loads the page again and
		// waits for its scorer, and on a busy machine the sixteen loads
		// of both took more than a tab's life (browsertest.TestTimeout).
		tab := browsertest.New(t)
		// The page is loaded once, for its store key; then each case
		// stores its results and reloads it (the page reads them as it
		// starts, and writes nothing as it goes).
		loaded := false
		for _, n := range []int{2, 8, 12, 30} {
			var snaps []string
			for i := range n {
				date := time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
				snaps = append(snaps, `{"date":"`+date+`","fingerprint":"x","scores":{"answered":4,"total":9,"give":80,"receive":40,"balance":-40,"lean":-20},"answers":{}}`)
			}
			history := `{"v":1,"snapshots":[` + strings.Join(snaps, ",") + `]}`
			for _, width := range []int64{320, 1280} {
				tab.Viewport(width, 900)
				if !loaded {
					tab.Navigate(s.URL("/", path))
					loaded = true
				}
				browsertest.Eval[bool](tab, `(localStorage.setItem(document.querySelector("form[data-store-key]").getAttribute("data-store-key") + "#history", `+strconv.Quote(history)+`), true)`)
				tab.Do(chromedp.Reload())
				waitScorer(t, tab, "ready")
				tab.Poll("the saved results", `document.querySelectorAll("[data-history-rows] tr").length === `+strconv.Itoa(n), 5*time.Second)
				bad := browsertest.Eval[[]string](tab, `(() => {
					const svg = document.querySelector("[data-history-chart]").getBoundingClientRect();
					const days = [...document.querySelectorAll("[data-history-chart] text")].filter(e => !/^[−0-9]+$/.test(e.textContent));
					const out = [];
					days.forEach((a, i) => {
						const r = a.getBoundingClientRect();
						if (r.left < svg.left - 1 || r.right > svg.right + 1) out.push(a.textContent + " outside the chart");
						for (const b of days.slice(i + 1)) {
							const q = b.getBoundingClientRect();
							if (r.right > q.left && q.right > r.left) out.push(a.textContent + " runs into " + b.textContent);
						}
					});
					if (days.length < 2) out.push("labels: " + days.map(d => d.textContent));
					return out;
				})()`)
				if len(bad) > 0 {
					t.Errorf("%s, %d results, %d px: %q", path, n, width, bad)
				}
				browsertest.Eval[bool](tab, `(localStorage.clear(), true)`)
			}
		}
		checkProblems(t, tab, "history labels "+path, nil)
	}
}

// TestWorksheetForgetRefused: removing a kept comparison that the store
// refuses to write away says that it is still in this browser (it said
// "removed" while the other person's answers stayed), keeps it listed,
// and after a reload it is still there, as the page said.
func TestWorksheetForgetRefused(t *testing.T) {
	t.Parallel()
	// Once refuseCompare is set, the store throws on every write of the
	// comparisons, a removal included (storage turned off mid-session).
	tab := comparingTab(t, `(() => {
		const set = Storage.prototype.setItem, remove = Storage.prototype.removeItem;
		Storage.prototype.setItem = function (k, v) {
			if (window.refuseCompare && String(k).endsWith("#compare")) throw new DOMException("refused", "SecurityError");
			return set.call(this, k, v);
		};
		Storage.prototype.removeItem = function (k) {
			if (window.refuseCompare && String(k).endsWith("#compare")) throw new DOMException("refused", "SecurityError");
			return remove.call(this, k);
		};
	})();`)
	press(t, tab, `[data-action="keep"]`)
	tab.Poll("the kept comparison", `document.querySelectorAll("[data-kept-list] li").length === 1`, 5*time.Second)

	browsertest.Eval[bool](tab, `window.refuseCompare = true`)
	press(t, tab, `[data-kept-list] [data-action="forget"]`)
	want := "This browser is not saving, so the kept comparison could not be removed: it is still in this browser."
	tab.Poll("a word about removing", `document.querySelector("[data-more-status]").textContent === `+strconv.Quote(want), 5*time.Second)
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-kept-list] li").length`); n != 1 {
		t.Errorf("removing refused, %d kept comparisons listed, want the 1 still kept", n)
	}
	if !browsertest.Eval[bool](tab, `document.querySelector("[data-kept-undo]").hidden`) {
		t.Errorf("removing refused, the page offers to bring back a comparison it did not remove")
	}
	browsertest.Eval[bool](tab, `window.refuseCompare = false`)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	tab.Poll("the comparison after a reload", `document.querySelectorAll("[data-kept-list] li").length === 1`, 5*time.Second)
	checkProblems(t, tab, "removing refused", nil)
}

// TestWorksheetEarlyNone ticks "None of these" and another box of one
// checklist before the page's scripts have started (nothing keeps them
// apart yet): once they start, the box ticked stands and "None of these"
// goes, in the page and in what is saved.
func TestWorksheetEarlyNone(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	s.delay(func(p string) bool { return strings.Contains(p, "/js/worksheet-page.") })
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/weekly-gestures/"))
	tab.Do(chromedp.Click(chromedp.CSS(`#q-i-did_none`)), chromedp.Click(chromedp.CSS(`#q-i-did_thanks`)))
	if started := browsertest.Eval[bool](tab, `!!(window.mutualWorksheet && window.mutualWorksheet.start)`); started {
		t.Fatal("the page started before the test ticked both boxes: this test checks nothing")
	}
	if !browsertest.Eval[bool](tab, `document.querySelector("#q-i-did_none").checked && document.querySelector("#q-i-did_thanks").checked`) {
		t.Fatal("both boxes should be ticked before the scripts start")
	}
	waitScorer(t, tab, "ready")
	tab.Poll("None of these untick", `!document.querySelector("#q-i-did_none").checked && document.querySelector("#q-i-did_thanks").checked`, 5*time.Second)
	s.delay(nil)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	if got := browsertest.Eval[string](tab, `Array.from(document.querySelectorAll('input[name="i-did"]:checked')).map(i => i.value).join(",")`); got != "thanks" {
		t.Errorf("after a reload, the checklist holds %q, want thanks alone", got)
	}
	checkProblems(t, tab, "early none", nil)
}

// comparingTab opens Give and take in a new tab with the init script
// storage (a change to the browser's storage, run before the page's own
// scripts), through a link with another person's answers, and answers one
// question: the comparison shows, and Keep is offered.
func comparingTab(t *testing.T, storage string) *browsertest.Tab {
	t.Helper()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	theirs := score.Answers{"listening.give": 2, "listening.receive": 4}
	code, err := score.EncodeCode(w.Model(), w.Slug, theirs)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	initScript(t, tab, storage)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/#compare="+code))
	waitScorer(t, tab, "ready")
	answer(t, tab, newSheet(w), "listening.give", "3")
	tab.Poll("the comparison", `document.querySelector("[data-compare]").checkVisibility() && document.querySelector('[data-action="keep"]').checkVisibility()`, 10*time.Second)
	return tab
}
