//go:build browser

package e2e

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/score"
)

// gapSentence is what the English page says for a gap: about the same
// within 5 points, else how many points less or more; an em dash when
// either score is empty.
func gapSentence(kind string, s score.Score) string {
	if !s.Valid {
		return "—"
	}
	n, word := s.Value, "more"
	if n < 0 {
		n, word = -n, "less"
	}
	points := strconv.Itoa(n) + " points"
	if n == 1 {
		points = "1 point"
	}
	switch {
	case n <= 5 && kind == "give":
		return "About the same: they feel they get about what you feel you give."
	case n <= 5:
		return "About the same: you feel you get about what they feel they give."
	case kind == "give":
		return "They feel they get " + points + " " + word + " than you feel you give."
	}
	return "You feel you get " + points + " " + word + " than they feel they give."
}

// visibleWith lists the shown elements whose own text holds s (the
// innermost ones: a paragraph, not the section around it).
const visibleWithJS = `(s => [...document.querySelectorAll("body *")].filter(e => e.checkVisibility() && !e.closest("[data-announce]") && e.textContent.includes(s) && ![...e.children].some(c => c.textContent.includes(s))).map(e => e.tagName + "." + e.className))`

// TestWorksheetOwnLink opens, in a second tab of the same browser, the
// link the first tab offers: the page says it is the person's own link,
// to send on, and compares nothing (no "Them", no Keep). A link of
// someone else's answers still compares.
func TestWorksheetOwnLink(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	a := browsertest.New(t)
	open(t, a, page)
	sa := newSheet(w)
	answer(t, a, sa, "listening.give", "4")
	answer(t, a, sa, "listening.receive", "0")
	link := shareLink(t, a, w, sa.a, page)

	b := browsertest.New(t) // the same browser: the same saved answers
	open(t, b, link)
	b.Poll("the own-link sentence", `(e => !!e && e.checkVisibility() && e.textContent.includes("This is your own link"))(document.querySelector("[data-compare-own]"))`, 10*time.Second)
	got := browsertest.Eval[compared](b, comparedJS)
	if got.Shown || got.Notice != "" || len(got.Problems) > 0 {
		t.Errorf("own link: comparison shown %v, notice %q, problems %v; want none", got.Shown, got.Notice, got.Problems)
	}
	if browsertest.Eval[bool](b, `document.querySelector('[data-action="keep"]').checkVisibility()`) {
		t.Errorf("own link: Keep this comparison is offered")
	}
	b.Poll("the own-link sentence said", `document.querySelector("[data-more-status]").textContent.includes("This is your own link")`, 5*time.Second)

	// Someone else's answers in the same browser: compared as before.
	theirs := score.Answers{"listening.give": 1, "listening.receive": 4}
	code, err := score.EncodeCode(w.Model(), w.Slug, theirs)
	if err != nil {
		t.Fatal(err)
	}
	open(t, b, page+"#compare="+code)
	checkCompared(t, b, w, sa.a, theirs, "another person's link")
	if browsertest.Eval[bool](b, `document.querySelector("[data-compare-own]").checkVisibility()`) {
		t.Errorf("another person's link is called the person's own")
	}
	checkProblems(t, b, "own link", nil)
}

// TestWorksheetCompareWords opens the link of the QA report and answers:
// each gap is a sentence that says the difference in words (the number of
// points, "less" or "more", "about the same" near 0), never a bare number
// under a label that reads like a score; two answers that differ say so
// in words, shown, printed and in the accessibility tree; the Spanish page
// says the gaps in Spanish.
func TestWorksheetCompareWords(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	const code = "1k4rySgcWVCDEFGCDEFGCDEFGCDEFGCDEFGCDEFGCDEFGCDEFGDLloHc"
	theirs, err := score.DecodeCode(w.Model(), w.Slug, code)
	if err != nil {
		t.Fatalf("the report's code: %v", err)
	}
	tab := browsertest.NewIsolated(t)
	open(t, tab, page+"#compare="+code)
	mine := newSheet(w)
	for k, v := range map[string]string{"listening.give": "4", "listening.receive": "0", "hard-days.give": "2", "hard-days.receive": "2", "thanks.give": "3"} {
		answer(t, tab, mine, k, v)
	}
	got := checkCompared(t, tab, w, mine.a, theirs, "the report's link")
	for _, b := range append([]comparedBlock{*got.Total}, got.Areas...) {
		for _, g := range []string{b.GapGive, b.GapReceive} {
			if _, err := strconv.Atoi(strings.Trim(strings.ReplaceAll(g, "−", "-"), " ")); err == nil {
				t.Errorf("block %q: a gap reads as a bare number %q", b.ID, g)
			}
		}
	}
	if txt := browsertest.Eval[string](tab, `document.querySelector("[data-compare-total] .ws-gaps").innerText`); strings.Contains(txt, "as they feel it") {
		t.Errorf("the gaps' labels still read like scores: %q", txt)
	}

	// Differing answers: the words after them, only there.
	const differJS = `[...document.querySelectorAll("[data-compare-question] dl")].map(dl => {
		const n = dl.nextElementSibling;
		const shown = !!n && n.hasAttribute("data-differ-note") && n.checkVisibility();
		return (dl.hasAttribute("data-differ") ? "differ" : "same") + ":" + (shown ? n.textContent.trim() : "");
	})`
	check := func(when string) {
		t.Helper()
		differs := 0
		for _, d := range browsertest.Eval[[]string](tab, differJS) {
			switch d {
			case "differ:You chose different answers here.":
				differs++
			case "same:":
			default:
				t.Errorf("%s: a pair's sides read %q", when, d)
			}
		}
		if differs == 0 {
			t.Errorf("%s: no pair of answers is marked as differing", when)
		}
	}
	check("on screen")
	// ...and screen readers get the words (not only a colour).
	if said := axNames(t, tab, "[data-compare-question] [data-differ-note]:not([hidden])", "StaticText"); !slices.Contains(said, "You chose different answers here.") {
		t.Errorf("screen readers are not told the answers differ: the note reads %q", said)
	}
	tab.Media("print")
	check("printed")
	tab.Media("")
	checkProblems(t, tab, "the report's link", nil)

	// Spanish: the same sentence in Spanish, with its plural.
	wes := parseWorksheet(t, "content/worksheets/give-and-take.es.yaml")
	esTheirs := score.Answers{"listening.give": 4, "listening.receive": 0}
	them := browsertest.NewIsolated(t)
	esPage := s.URL("/", "es/worksheets/"+w.Slug+"/")
	open(t, them, esPage)
	answer(t, them, nil, "listening.give", "4")
	answer(t, them, nil, "listening.receive", "0")
	them.Poll("the Spanish link", `document.querySelector("[data-share-link]").value.includes("#compare=")`, 10*time.Second)
	es := browsertest.NewIsolated(t)
	open(t, es, browsertest.Eval[string](them, `document.querySelector("[data-share-link]").value`))
	answer(t, es, nil, "listening.give", "4")
	answer(t, es, nil, "listening.receive", "0")
	c := score.Compare(wes.Model(), score.Answers{"listening.give": 4, "listening.receive": 0}, esTheirs)
	n, word := c.Total.Give.Value, " puntos más"
	if n < 0 {
		n, word = -n, " puntos menos"
	}
	if n <= 5 {
		t.Fatalf("the Spanish case should make a gap: %+v", c.Total)
	}
	want := "La otra persona siente que recibe " + strconv.Itoa(n) + word + " de lo que usted siente que da."
	es.Poll("the Spanish gap "+want, `document.querySelector('[data-compare-total] [data-result="gap-give"]').textContent === `+strconv.Quote(want), 10*time.Second)
}

// TestWorksheetBandWaits answers one question of a side and one of the
// other: the results show no verdict, and say how many more answers it
// waits for (the number score.Compute gives, also its rule for the band);
// once half of each side is answered, the verdict shows. Same on "Open to
// receiving".
func TestWorksheetBandWaits(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	for _, sheetPath := range []string{giveAndTake, "content/worksheets/open-to-receiving.yaml"} {
		w := parseWorksheet(t, sheetPath)
		tab := browsertest.NewIsolated(t)
		open(t, tab, s.URL("/", "worksheets/"+w.Slug+"/"))
		ws := newSheet(w)
		m := w.Model()
		// The first give item and the first receive item, at their ends.
		var order []score.Item
		for _, side := range []score.Side{score.Give, score.Receive, score.Lean} {
			for _, it := range m.Items {
				if it.Side == side && it.Checklist == "" {
					order = append(order, it)
				}
			}
		}
		pick := func(it score.Item) {
			v := it.Max
			if it.Side == score.Receive {
				v = it.Min
			}
			name, value := it.Key, strconv.Itoa(v)
			answer(t, tab, ws, name, value)
		}
		pick(order[0])
		for _, it := range order[1:] {
			if it.Side != order[0].Side {
				pick(it)
				break
			}
		}
		r := score.Compute(m, ws.a)
		if r.Band != -1 || r.Needed == 0 {
			t.Fatalf("%s: score.Compute after two answers: band %d, needed %d", w.Slug, r.Band, r.Needed)
		}
		checkShown(t, tab, ws, w.Slug+" after two answers")
		want := strconv.Itoa(r.Needed) + " more answers are needed"
		tab.Poll(w.Slug+": "+want, `(e => e.checkVisibility() && e.textContent.startsWith(`+strconv.Quote(want)+`))(document.querySelector("[data-band-needed]"))`, 10*time.Second)
		if n := browsertest.Eval[int](tab, `[...document.querySelectorAll("[data-band]")].filter(e => e.checkVisibility()).length`); n != 0 {
			t.Errorf("%s: %d verdicts shown after two answers", w.Slug, n)
		}
		// Answer until the rule is met: the verdict shows, the count goes.
		for _, it := range order {
			if score.Compute(m, ws.a).Needed == 0 {
				break
			}
			if _, done := ws.a[it.Key]; !done {
				pick(it)
			}
		}
		checkShown(t, tab, ws, w.Slug+" with enough answers")
		if r := score.Compute(m, ws.a); r.Band < 0 {
			t.Errorf("%s: no band with enough answers: %+v", w.Slug, r)
		}
		tab.Poll(w.Slug+": the count gone", `!document.querySelector("[data-band-needed]").checkVisibility()`, 10*time.Second)
		checkProblems(t, tab, w.Slug, nil)
	}
}

// keptLink opens page with someone's answers in a fresh tab (of the
// shared browser when same, else of a browser of its own), answers one
// question and keeps the comparison.
func keptLink(t *testing.T, s *wsServer, same bool) (*browsertest.Tab, string, *sheet) {
	t.Helper()
	w := parseWorksheet(t, giveAndTake)
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	theirs := score.Answers{"listening.give": 1, "listening.receive": 4, "thanks.give": 2}
	code, err := score.EncodeCode(w.Model(), w.Slug, theirs)
	if err != nil {
		t.Fatal(err)
	}
	a := browsertest.NewIsolated(t)
	if same {
		a = browsertest.New(t)
	}
	open(t, a, page+"#compare="+code)
	sa := newSheet(w)
	answer(t, a, sa, "listening.give", "4")
	a.Poll("the comparison", `document.querySelector("[data-compare]").checkVisibility()`, 10*time.Second)
	press(t, a, `[data-action="keep"]`)
	a.Poll("kept", `document.querySelector("[data-more-status]").textContent.includes("This comparison is kept in this browser.")`, 5*time.Second)
	return a, page, sa
}

// TestWorksheetKeptRemoved removes a kept comparison: its sentence shows
// once (beside Undo), and screen readers are told it; Undo takes it out of
// their live region, where it would no longer be true.
func TestWorksheetKeptRemoved(t *testing.T) {
	t.Parallel()
	a, _, _ := keptLink(t, shipped(t), false)
	press(t, a, `[data-kept-list] [data-action="forget"]`)
	a.Poll("the Undo of the removal", `document.querySelector("[data-kept-undo]").checkVisibility()`, 5*time.Second)
	if where := browsertest.Eval[[]string](a, visibleWithJS+`("The kept comparison is removed.")`); len(where) != 1 {
		t.Errorf("the removal is shown %d times: %v", len(where), where)
	}
	a.Poll("the removal said", `document.querySelector("[data-announce]").textContent.includes("The kept comparison is removed.")`, 5*time.Second)
	press(t, a, `[data-action="undo-forget"]`)
	a.Poll("the comparison kept again", `document.querySelector("[data-more-status]").textContent === "This comparison is kept in this browser."`, 5*time.Second)
	if said := browsertest.Eval[string](a, `document.querySelector("[data-announce]").textContent`); strings.Contains(said, "removed") {
		t.Errorf("after Undo the live region still says %q", said)
	}
	checkProblems(t, a, "removing", nil)
}

// TestWorksheetOtherTabHush has two tabs of one browser: the first opened
// a link, answered and kept the comparison; the second removes it and
// clears the answers. The first follows, and none of its status lines
// (nor what it last said to screen readers) still speaks of what was.
func TestWorksheetOtherTabHush(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	a, page, sa := keptLink(t, s, true)
	answer(t, a, sa, "listening.receive", "1")
	a.Poll("the result said", `document.querySelector("[data-announce]").textContent.includes("2 of")`, 5*time.Second)

	b := browsertest.New(t)
	open(t, b, page)
	b.Poll("the kept comparison", `document.querySelectorAll("[data-kept-list] li").length === 1`, 10*time.Second)
	press(t, b, `[data-kept-list] [data-action="forget"]`)
	clearAnswers(t, b)

	a.Poll("tab 1 follows", `document.querySelector("[data-results]").getAttribute("data-answered") === "0" && document.querySelectorAll("[data-kept-list] li").length === 0`, 10*time.Second)
	stale := browsertest.Eval[map[string]string](a, `({more: document.querySelector("[data-more-status]").textContent, said: document.querySelector("[data-announce]").textContent,
		share: document.querySelector("[data-share-status]").textContent, file: document.querySelector("[data-file-status]").textContent})`)
	for where, txt := range stale {
		if strings.TrimSpace(txt) != "" {
			t.Errorf("tab 1's %s status still says %q after the other tab's changes", where, txt)
		}
	}
	checkProblems(t, a, "tab 1", nil)
	checkProblems(t, b, "tab 2", nil)
}
