//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
	"mutual/internal/worksheet"
)

// changing is a worksheet in two versions: v2 changes the text of "b" and
// the scale of "p", adds "d" and leaves "a", "c" and "r" as they were.
const changingV1 = `title: Changing
sections:
  - title: S
    questions:
      - {id: a, type: rating, side: give, text: I help them., scale: agreement}
      - {id: b, type: rating, side: receive, text: They help me., scale: agreement}
      - {id: p, type: pair, give: I listen., receive: They listen., scale: frequency}
      - id: c
        type: checklist
        text: This week
        options: [{id: x, label: I called them, side: give}, {id: y, label: They called me, side: receive}]
      - {id: r, type: reflection, text: A note}
results:
  - {title: Any}
`

var changingV2 = strings.NewReplacer(
	"text: They help me.", "text: They help me when I ask.",
	"receive: They listen., scale: frequency}", "receive: They listen., scale: frequency-na}",
	"      - {id: r,", "      - {id: d, type: rating, side: give, text: New question., scale: agreement}\n      - {id: r,",
).Replace(changingV1)

func parseSrc(t *testing.T, name, src string) *worksheet.Worksheet {
	t.Helper()
	w, errs := worksheet.Parse("content/worksheets/"+name, []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return w
}

func restoreNote(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `(n => n && n.checkVisibility() ? n.textContent : "")(document.querySelector("[data-restore-note]"))`)
}

// TestWorksheetChanged answers a worksheet, changes two of its questions
// and adds one: the unchanged answers come back and the page says how many
// did not; changed back, the worksheet gets every answer back, since the
// answers of changed questions were kept.
func TestWorksheetChanged(t *testing.T) {
	t.Parallel()
	if changingV2 == changingV1 || strings.Count(changingV2, "id:") != strings.Count(changingV1, "id:")+1 {
		t.Fatal("changingV2 does not change what it should")
	}
	dir := minimalSite(t, map[string]string{"w.yaml": changingV1})
	s := newWSServer(t)
	out := s.build(t, dir, "/", "")
	tab := browsertest.New(t)
	url := s.URL("/", "worksheets/w/")
	tab.Navigate(url)
	waitScorer(t, tab, "ready")

	v1 := newSheet(parseSrc(t, "w.yaml", changingV1))
	answer(t, tab, v1, "a", "3")
	answer(t, tab, v1, "b", "1")
	answer(t, tab, v1, "p.give", "2")
	answer(t, tab, v1, "p.receive", "4")
	tick(t, tab, v1, "c", "x")
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="r"]`), "keep this"))
	checkShown(t, tab, v1, "v1 filled in")

	// The changed worksheet.
	writeFile(t, filepath.Join(dir, "content/worksheets/w.yaml"), changingV2)
	s.build(t, dir, "/", out)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	v2 := newSheet(parseSrc(t, "w.yaml", changingV2))
	v2.pick("a", "3")
	v2.tick("c", "x", true)
	got := checkShown(t, tab, v2, "v2: the unchanged answers")
	if got.Texts["r"] != "keep this" {
		t.Errorf("the unchanged reflection reads %q", got.Texts["r"])
	}
	if note, want := restoreNote(tab), "2 answers were not restored: those questions have changed."; note != want {
		t.Errorf("the page says %q, want %q", note, want)
	}
	// Answering a changed question replaces its kept answer; the other
	// stays kept.
	answer(t, tab, v2, "d", "2")
	checkShown(t, tab, v2, "v2: a new answer")

	// Back to the first version: every answer returns.
	writeFile(t, filepath.Join(dir, "content/worksheets/w.yaml"), changingV1)
	s.build(t, dir, "/", out)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	got = checkShown(t, tab, v1, "v1 again: everything back")
	if got.Texts["r"] != "keep this" {
		t.Errorf("the reflection reads %q", got.Texts["r"])
	}
	if note := restoreNote(tab); note != "" {
		t.Errorf("every question as it was, the page says %q", note)
	}
	// The answer to d, which this version does not have, is kept: the
	// second version gets it back, and b and p have changed again.
	writeFile(t, filepath.Join(dir, "content/worksheets/w.yaml"), changingV2)
	s.build(t, dir, "/", out)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, v2, "v2 again")
	if note, want := restoreNote(tab), "2 answers were not restored: those questions have changed."; note != want {
		t.Errorf("the page says %q, want %q", note, want)
	}
	// One changed question answered anew: one answer is not restored,
	// which the note says at once, and after a reload.
	answer(t, tab, v2, "b", "4")
	if note, want := restoreNote(tab), "1 answer was not restored: that question has changed."; note != want {
		t.Errorf("b answered anew, the page says %q, want %q", note, want)
	}
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, v2, "v2 with b answered anew")
	if note, want := restoreNote(tab), "1 answer was not restored: that question has changed."; note != want {
		t.Errorf("the page says %q, want %q", note, want)
	}
	// Another tab answers the last changed question anew: this tab's
	// note goes at once.
	other := browsertest.New(t)
	other.Navigate(url)
	waitScorer(t, other, "ready")
	answer(t, other, v2, "p.give", "1")
	answer(t, other, v2, "p.receive", "3")
	tab.Poll("the note gone after the other tab's answers", `!document.querySelector("[data-restore-note]").checkVisibility()`, 5*time.Second)
	checkProblems(t, tab, "changed worksheet", nil)
}

// TestWorksheetClearUndo clears a worksheet with boxes, radios and
// reflections: Undo, a focused button that is announced, brings all of it
// back, in the page and in storage; answering again (or leaving) ends the
// chance to undo.
func TestWorksheetClearUndo(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, "content/worksheets/weekly-gestures.yaml")
	tab := browsertest.New(t)
	tab.Viewport(375, 800)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	ws := newSheet(w)
	tick(t, tab, ws, "i-did", "check-in")
	tick(t, tab, ws, "i-did", "thanks")
	tick(t, tab, ws, "came-back", worksheet.NoneOption)
	notes := map[string]string{"kept-with-me": "A call from Ana.", "next-week": "Write to Leo on Tuesday."}
	for name, text := range notes {
		tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="`+name+`"]`), text))
	}
	checkShown(t, tab, ws, "filled in")
	stored := browsertest.Eval[string](tab, `JSON.stringify(Object.entries(localStorage))`)

	// Clear and Undo sit apart from Print, and Clear weighs less.
	layout := browsertest.Eval[map[string]float64](tab, `(() => {
		const c = document.querySelector('[data-action="clear"]'), p = document.querySelector('[data-action="print"]');
		const cs = getComputedStyle(c), ps = getComputedStyle(p);
		return {apart: c.getBoundingClientRect().top - p.getBoundingClientRect().bottom, shared: c.parentElement === p.parentElement ? 1 : 0,
			clearBorder: parseFloat(cs.borderTopWidth), printBorder: parseFloat(ps.borderTopWidth),
			clearWeight: parseFloat(cs.fontWeight), printWeight: parseFloat(ps.fontWeight)};
	})()`)
	if layout["shared"] == 1 || layout["apart"] < 16 || layout["clearBorder"] >= layout["printBorder"] || layout["clearWeight"] >= layout["printWeight"] {
		t.Errorf("Clear my answers should sit apart from Print, with less visual weight: %v", layout)
	}

	clearAnswers(t, tab)
	cleared := newSheet(w)
	got := checkShown(t, tab, cleared, "cleared")
	if len(got.Texts) > 0 {
		t.Errorf("after clearing the reflections read %q", got.Texts)
	}
	if keys := browsertest.Eval[[]string](tab, `Object.keys(localStorage)`); len(keys) > 0 {
		t.Errorf("after clearing localStorage holds %q", keys)
	}
	if f := browsertest.Eval[string](tab, `document.activeElement.getAttribute("data-action") || document.activeElement.tagName`); f != "undo" {
		t.Errorf("after clearing the focus is on %s, want the Undo button", f)
	}
	if name := axNames(t, tab, "[data-cleared]", "button"); !slices.Equal(name, []string{"Undo"}) {
		t.Errorf("the undo button is named %q", name)
	}
	tab.Poll("the clearing announced", `document.querySelector("[data-announce]").textContent === "Your answers are cleared."`, 5*time.Second)

	// Enter on the focused Undo brings everything back.
	undoClear(t, tab)
	got = checkShown(t, tab, ws, "undone")
	for name, text := range notes {
		if got.Texts[name] != text {
			t.Errorf("after Undo the reflection %s reads %q, want %q", name, got.Texts[name], text)
		}
	}
	if again := browsertest.Eval[string](tab, `JSON.stringify(Object.entries(localStorage))`); again != stored {
		t.Errorf("after Undo localStorage holds\n%s\nwant\n%s", again, stored)
	}
	tab.Poll("the undo announced", `document.querySelector("[data-announce]").textContent === "Your answers are back."`, 5*time.Second)
	if browsertest.Eval[bool](tab, `document.querySelector("[data-cleared]").checkVisibility()`) {
		t.Errorf("Undo still shows after undoing")
	}
	if f := browsertest.Eval[string](tab, `document.activeElement.getAttribute("data-action") || ""`); f != "clear" {
		t.Errorf("after Undo the focus is on %q, want the Clear button", f)
	}

	// Clear, then answer again: nothing to undo any more.
	clearAnswers(t, tab)
	tick(t, tab, cleared, "came-back", "thanks")
	if browsertest.Eval[bool](tab, `document.querySelector("[data-cleared]").checkVisibility()`) {
		t.Errorf("Undo still offered after a new answer")
	}
	checkShown(t, tab, cleared, "a new answer after clearing")
	checkProblems(t, tab, "clear and undo", nil)
}

// TestWorksheetTwoSites serves the shipped site twice on one origin, at
// /a/ and /b/, as user.github.io/a/ and /b/ would be: answers on one must
// not overwrite the other's.
func TestWorksheetTwoSites(t *testing.T) {
	t.Parallel()
	s := newWSServer(t)
	s.build(t, root, "/a/", "")
	s.build(t, root, "/b/", "")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	a, b := newSheet(w), newSheet(w)
	tab.Navigate(s.URL("/a/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	answer(t, tab, a, "listening.give", "4")
	answer(t, tab, a, "safe-to-say-no", "3")
	tab.Navigate(s.URL("/b/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	checkShown(t, tab, b, "/b/ before answering")
	answer(t, tab, b, "listening.give", "1")
	tab.Navigate(s.URL("/a/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	checkShown(t, tab, a, "/a/ after /b/ was answered")
	tab.Navigate(s.URL("/b/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	checkShown(t, tab, b, "/b/ again")
	keys := browsertest.Eval[[]string](tab, `Object.keys(localStorage).sort()`)
	if want := []string{"mutual:/a/worksheets/give-and-take/", "mutual:/b/worksheets/give-and-take/"}; !slices.Equal(keys, want) {
		t.Errorf("localStorage keys %q, want %q", keys, want)
	}
	checkProblems(t, tab, "two sites", nil)
}

// TestWorksheetLegacyAnswers finds answers saved the earlier way (one
// record for the whole worksheet, under its slug and fingerprint) on a
// site at the root of its origin, and moves them to the current format;
// a site on a sub-path cannot tell whose they are and leaves them alone.
func TestWorksheetLegacyAnswers(t *testing.T) {
	t.Parallel()
	s := newWSServer(t)
	s.build(t, root, "/", "")
	s.build(t, root, "/help/", "")
	w := parseWorksheet(t, giveAndTake)
	legacyKey := "mutual:" + w.Slug + ":" + w.LegacyFingerprint
	legacy := `{"radios":{"listening.give":"3","safe-to-say-no":"4","hard-days.receive":"1"},"texts":{"next-step":"From before."}}`
	tab := browsertest.New(t)

	tab.Navigate(s.URL("/help/", "worksheets/give-and-take/"))
	browsertest.Eval[bool](tab, `(localStorage.setItem(`+strconv.Quote(legacyKey)+`, `+strconv.Quote(legacy)+`), true)`)
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, newSheet(w), "a sub-path site")
	if got := browsertest.Eval[string](tab, `localStorage.getItem(`+strconv.Quote(legacyKey)+`) || ""`); got != legacy {
		t.Errorf("a sub-path site changed the legacy record to %q", got)
	}

	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	ws := newSheet(w)
	ws.pick("listening.give", "3")
	ws.pick("safe-to-say-no", "4")
	ws.pick("hard-days.receive", "1")
	got := checkShown(t, tab, ws, "the root site")
	if got.Texts["next-step"] != "From before." {
		t.Errorf("the legacy reflection reads %q", got.Texts["next-step"])
	}
	keys := browsertest.Eval[[]string](tab, `Object.keys(localStorage).sort()`)
	if want := []string{"mutual:/worksheets/give-and-take/"}; !slices.Equal(keys, want) {
		t.Errorf("after moving the legacy answers localStorage holds %q, want %q", keys, want)
	}
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "the root site, reloaded")
	checkProblems(t, tab, "legacy answers", nil)
}

// TestWorksheetBadStorage fills localStorage with what no page wrote:
// tampered values, invalid JSON, values not on the scale, huge strings,
// records of the wrong shape. Every time the page loads, scores, shows none
// of it and throws nothing, and answering works.
func TestWorksheetBadStorage(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	legacyKey := "mutual:" + w.Slug + ":" + w.LegacyFingerprint
	key := "mutual:/worksheets/give-and-take/"
	var fp string
	for _, q := range w.Sections[0].Questions {
		if q.ID == "listening" {
			fp = q.Fingerprint
		}
	}
	huge := strings.Repeat("x", 100_000)
	for _, tc := range []struct {
		name, key, value string
	}{
		{"the issue's tampered legacy value", legacyKey, `{"radios":{"listening.give":{"toString":1}}}`},
		{"legacy texts that are no strings", legacyKey, `{"radios":{"listening.give":[3]},"texts":{"next-step":{"length":5}}}`},
		{"legacy record of the wrong shape", legacyKey, `[1,2,3]`},
		{"invalid JSON", key, `{"v":2,"q":`},
		{"a number", key, `42`},
		{"records of the wrong shape", key, `{"v":2,"q":[{"f":"x"}]}`},
		{"tampered values with the right fingerprint", key, `{"v":2,"q":{"listening":{"f":"` + fp + `","a":{"listening.give":{"toString":1},"listening.receive":"99","listening":"3"}}}}`},
		{"values not on the scale", key, `{"v":2,"q":{"listening":{"f":"` + fp + `","a":{"listening.give":"-1","listening.receive":"4.0"}}}}`},
		{"a huge reflection", key, `{"v":2,"q":{"next-step":{"f":"` + w.Sections[len(w.Sections)-1].Questions[2].Fingerprint + `","a":{"next-step":"` + huge + `"}}}}`},
		{"prototype keys", key, `{"v":2,"q":{"__proto__":{"f":"x","a":{"toString":"3"}},"constructor":{"f":1},"toString":{"f":"` + fp + `","a":{"__proto__":"1"}}}}`},
		{"an unknown version", key, `{"v":3,"q":{"listening":{"f":"` + fp + `","a":{"listening.give":"3"}}}}`},
	} {
		// One after the other: the cases share an origin, and so a store.
		t.Run(tc.name, func(t *testing.T) {
			tab := browsertest.New(t)
			// The store holds only the bad value when the page starts: the
			// tab's one page load (in the site's origin) puts it there
			// before any script of the page runs.
			initScript(t, tab, `if (location.protocol === "http:") { localStorage.clear(); localStorage.setItem(`+strconv.Quote(tc.key)+`, `+strconv.Quote(tc.value)+`); }`)
			tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
			waitScorer(t, tab, "ready")
			ws := newSheet(w)
			got := checkShown(t, tab, ws, "loaded")
			if len(got.Texts) > 0 {
				t.Errorf("the page shows stored text %.40q", got.Texts)
			}
			if note := restoreNote(tab); note != "" {
				t.Errorf("the page says %q about data it cannot read", note)
			}
			answer(t, tab, ws, "listening.give", "2")
			checkShown(t, tab, ws, "answered")
			checkProblems(t, tab, tc.name, nil)
		})
	}
}

// TestWorksheetNoStorage runs the worksheet in a browser whose
// localStorage throws, and in one whose store is full: the person can fill
// in and score the worksheet either way.
func TestWorksheetNoStorage(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	for _, tc := range []struct{ name, script, promise string }{
		{"no localStorage", `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError"); }});`,
			"This browser is not saving them"},
		{"a full store", `Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };`,
			"This browser is not saving them"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tab := browsertest.New(t)
			initScript(t, tab, tc.script)
			tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
			waitScorer(t, tab, "ready")
			if p := browsertest.Eval[string](tab, `document.querySelector("[data-promise]").textContent`); !strings.Contains(p, tc.promise) {
				t.Errorf("the page promises %q", p)
			}
			ws := newSheet(w)
			answer(t, tab, ws, "listening.give", "4")
			answer(t, tab, ws, "listening.receive", "1")
			tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "not kept"))
			checkShown(t, tab, ws, "filled in")
			clearAnswers(t, tab)
			checkShown(t, tab, newSheet(w), "cleared")
			undoClear(t, tab) // from memory
			checkShown(t, tab, ws, "undone")
			checkProblems(t, tab, tc.name, nil)
		})
	}
}

// TestWorksheetRejectedModel serves a page whose model the scorer refuses
// (a scale value beyond 2^53, which the build no longer lets through): the
// page must say so in words, never show "undefined", and stay a form.
func TestWorksheetRejectedModel(t *testing.T) {
	t.Parallel()
	s := newWSServer(t)
	out := s.build(t, root, "/", "")
	page := filepath.Join(out, "worksheets", "give-and-take", "index.html")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	tampered := strings.Replace(string(src), `"max":4`, `"max":1152921504606846976`, 1)
	if tampered == string(src) {
		t.Fatal("found no max to tamper with")
	}
	if err := os.WriteFile(page, []byte(tampered), 0o644); err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "unavailable")
	got := browsertest.Eval[shown](tab, shownJS)
	if !strings.Contains(got.Status, "Scoring is unavailable") {
		t.Errorf("the results say %q", got.Status)
	}
	answer(t, tab, nil, "listening.give", "3")
	text := browsertest.Eval[string](tab, `document.body.innerText`)
	if strings.Contains(text, "undefined") || strings.Contains(text, "NaN") {
		t.Errorf("the page shows undefined or NaN:\n%s", text)
	}
	if got := browsertest.Eval[shown](tab, shownJS); !slices.Equal(got.Checked, []string{"listening.give=3"}) {
		t.Errorf("the form no longer works: checked %v", got.Checked)
	}
	checkProblems(t, tab, "rejected model", nil)
}
