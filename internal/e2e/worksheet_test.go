//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/score"
	"mutual/internal/worksheet"
)

// giveAndTake is the shipped worksheet most tests fill in.
const giveAndTake = "content/worksheets/give-and-take.yaml"

func parseWorksheet(t *testing.T, rel string) *worksheet.Worksheet {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	w, errs := worksheet.Parse(rel, src)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", rel, errs)
	}
	return w
}

// shipped serves the shipped site at the root of a new server.
func shipped(t *testing.T) *wsServer {
	t.Helper()
	s := newWSServer(t)
	s.build(t, root, "/", "")
	return s
}

func TestWorksheet(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	tab.ColorScheme("light")
	url := s.URL("/", "worksheets/"+w.Slug+"/")
	if status := tab.Navigate(url); status != 200 {
		t.Fatalf("%s: status %d", url, status)
	}
	waitScorer(t, tab, "ready")
	if !slices.ContainsFunc(s.requests(), func(p string) bool { return strings.HasSuffix(p, ".wasm") }) {
		t.Errorf("no .wasm request while loading: %v", s.requests())
	}
	checkProblems(t, tab, "worksheet load", nil)
	ws := newSheet(w)
	checkShown(t, tab, ws, "blank")

	// From here on, no request of any kind (by the page or its worker)
	// until the reload.
	tab.Forget()
	s.forget()
	for _, a := range []struct {
		key string
		v   int
	}{
		{"listening.give", 4}, {"listening.receive", 1},
		{"hard-days.give", 3}, {"hard-days.receive", 2},
		{"comfort.give", 3}, // receive left empty
		{"shared-tasks.give", 2}, {"shared-tasks.receive", 3},
		{"making-time.give", 0}, {"making-time.receive", 4},
		{"curiosity.give", 4}, {"curiosity.receive", 1},
		{"honesty.receive", 2}, // give left empty
		{"thanks.give", 3}, {"thanks.receive", 3},
		{"speaking-well.give", 4}, {"speaking-well.receive", 2},
		{"safe-to-say-no", 3},                           // agreement; alert only at 0..1
		{"good-news.give", 3}, {"good-news.receive", 2}, // half of each side: a band
		{"worries.give", 4}, {"worries.receive", 1},
		{"listening.give", 2}, // changed mind: the same group again
	} {
		answer(t, tab, ws, a.key, strconv.Itoa(a.v))
	}
	note := "Call Sam on Sunday, and ask about the move."
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), note))
	got := checkShown(t, tab, ws, "filled in")
	if r := score.Compute(w.Model(), ws.a); r.Band < 0 || r.Gap < 0 || r.Alert || !r.Balance.Valid || r.Balance.Value >= 0 {
		t.Fatalf("the chosen answers should give a negative balance, a band and a gap and no alert: %+v", r)
	}
	if got.Alert {
		t.Errorf("the safety notice shows with no alert answer")
	}

	// An answer in an alert range raises the safety notice.
	answer(t, tab, ws, "free-choices", "1")
	if got := checkShown(t, tab, ws, "alert raised"); !got.Alert {
		t.Errorf("answering free-choices = 1 (alert: [0, 1]) does not show [data-result=alert]")
	}

	// The filled-in page, in every view.
	for _, width := range []int{1280, 375, 320} {
		tab.Viewport(int64(width), 800)
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			checkScheme(t, tab, "filled worksheet", scheme)
			checkContrast(t, tab, "filled worksheet", scheme)
			checkNarrow(t, tab, "filled worksheet", scheme, width)
			shot(tab, width, scheme)
		}
	}
	tab.Viewport(1280, 800)
	tab.ColorScheme("light")

	if reqs := pageRequests(tab); len(reqs) > 0 {
		t.Errorf("requests while filling in the worksheet: %v", reqs)
	}
	if reqs := serverRequests(s); len(reqs) > 0 {
		t.Errorf("the server got requests while the worksheet was filled in: %v", reqs)
	}
	checkProblems(t, tab, "filling in", nil)

	// Reload: the answers come back.
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	got = checkShown(t, tab, ws, "after reload")
	if got.Texts["next-step"] != note {
		t.Errorf("after reload the reflection next-step reads %q, want %q", got.Texts["next-step"], note)
	}
	if len(got.Texts) != 1 {
		t.Errorf("after reload the reflections are %q, want only next-step", got.Texts)
	}
	if note := browsertest.Eval[bool](tab, `document.querySelector("[data-restore-note]").checkVisibility()`); note {
		t.Errorf("an unchanged worksheet says some answers were not restored")
	}
	checkProblems(t, tab, "reload", nil)

	// Clear: nothing checked, nothing shown, nothing stored.
	tab.Forget()
	s.forget()
	clearAnswers(t, tab)
	ws = newSheet(w)
	got = checkShown(t, tab, ws, "cleared")
	if len(got.Texts) > 0 {
		t.Errorf("after clearing the reflections are %q", got.Texts)
	}
	if keys := browsertest.Eval[[]string](tab, `Object.keys(localStorage)`); len(keys) > 0 {
		t.Errorf("after clearing localStorage still holds %q", keys)
	}
	if reqs := serverRequests(s); len(reqs) > 0 {
		t.Errorf("requests while clearing: %v", reqs)
	}
	checkProblems(t, tab, "clearing", nil)

	// And a reload after clearing restores nothing: leaving the page ends
	// the chance to undo.
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "reload after clearing")
	if browsertest.Eval[bool](tab, `document.querySelector("[data-cleared]").checkVisibility()`) {
		t.Errorf("after a reload the page still offers to undo the clearing")
	}
}

// TestWorksheetWithoutWasm refuses the scorer: the form must stay usable
// and say that scoring is unavailable.
func TestWorksheetWithoutWasm(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	s.refuse(func(p string) bool { return strings.HasSuffix(p, ".wasm") })
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "unavailable")
	unavailable := regexp.MustCompile(`(?i)scoring is unavailable`)
	if text := browsertest.Eval[string](tab, `document.querySelector("[data-results]").innerText`); !unavailable.MatchString(text) {
		t.Errorf("with the .wasm refused, the page does not say that scoring is unavailable; results read:\n%s", text)
	}
	answer(t, tab, nil, "listening.give", "3")
	answer(t, tab, nil, "safe-to-say-no", "0")
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "still works"))
	got := browsertest.Eval[shown](tab, shownJS)
	if want := []string{"listening.give=3", "safe-to-say-no=0"}; !slices.Equal(got.Checked, want) {
		t.Errorf("checked radios %v, want %v", got.Checked, want)
	}
	if got.Give != "—" || got.Balance != "—" || strings.Contains(got.Progress, "undefined") {
		t.Errorf("without a scorer the page shows give %q, balance %q, progress %q; want em dashes", got.Give, got.Balance, got.Progress)
	}
	if bar := browsertest.Eval[bool](tab, `document.querySelector("[data-bar]").checkVisibility()`); bar {
		t.Errorf("without a scorer the progress bar shows")
	}
	checkProblems(t, tab, "worksheet without wasm", nil)
	checkNarrow(t, tab, "worksheet without wasm", "light", 1280)
}

// lookJS describes how an element and its label look, to tell whether
// focus changes anything visible.
const lookJS = `(sel => {
	const look = el => { if (!el) return ""; const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join(" "); };
	const el = document.querySelector(sel);
	return look(el) + " | " + look(el.closest("label"));
})`

// TestWorksheetKeyboard fills the first question with the keyboard only:
// Tab reaches the first radio, which shows its focus, Space picks it and
// the arrow keys move along the options.
func TestWorksheetKeyboard(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	first := firstRadio(tab)
	tabTo(t, tab, first, 60)
	look := lookJS + `(` + strconv.Quote(first) + `)`
	focused := browsertest.Eval[string](tab, look)
	browsertest.Eval[bool](tab, `(document.activeElement.blur(), true)`)
	if unfocused := browsertest.Eval[string](tab, look); unfocused == focused {
		t.Errorf("focus does not show on %s or its label: %s", first, focused)
	}
	browsertest.Eval[bool](tab, `(document.querySelector(`+strconv.Quote(first)+`).focus(), true)`)

	ws := newSheet(w)
	pick := func(key, when string) {
		t.Helper()
		tab.Key(key)
		name := browsertest.Eval[string](tab, `document.activeElement.name`)
		v := browsertest.Eval[string](tab, `document.activeElement.value`)
		if !browsertest.Eval[bool](tab, `document.activeElement.checked`) {
			t.Fatalf("%s: the focused radio %s=%s is not checked", when, name, v)
		}
		ws.pick(name, v)
		checkShown(t, tab, ws, when)
	}
	pick(" ", "Space on the first radio")
	pick(kb.ArrowRight, "ArrowRight")
	pick(kb.ArrowRight, "ArrowRight twice")
	if len(ws.a) != 1 || ws.a[browsertest.Eval[string](tab, `document.activeElement.name`)] != 2 {
		t.Errorf("after Space and two ArrowRight the answers are %v, want the third option (2) of the first group", ws.a)
	}
	checkProblems(t, tab, "keyboard", nil)
}

// tabTo presses Tab until the element that matches the CSS selector sel
// has the focus.
func tabTo(t *testing.T, tab *browsertest.Tab, sel string, most int) {
	t.Helper()
	for i := 0; ; i++ {
		if i == most {
			t.Fatalf("%d Tabs never reached %s (focus on %s)", most, sel, browsertest.Eval[string](tab, `document.activeElement.id || document.activeElement.name || document.activeElement.tagName`))
		}
		tab.Key("\t")
		if browsertest.Eval[bool](tab, `document.activeElement.matches(`+strconv.Quote(sel)+`)`) {
			return
		}
	}
}

// firstRadio is a CSS selector of the worksheet's first radio, by its
// name and value: radios carry no id (the label around each names it).
func firstRadio(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `(r => 'input[name="' + r.name + '"][value="' + r.value + '"]')(document.querySelector("form input[type=radio]"))`)
}

// TestWorksheetScores fills every shipped worksheet with a spread of
// answers (two items in three, cycling through each scale's options, "does
// not apply" included; a checklist's boxes in turn) and compares the page
// with package score: reverse items, weights, lean questions, checklists
// and custom scales included.
func TestWorksheetScores(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(root, "content/worksheets/*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipped worksheets: %v", err)
	}
	s := shipped(t)
	for _, f := range files {
		if strings.Count(filepath.Base(f), ".") > 1 {
			continue // a translation (give-and-take.es.yaml): TestLanguagesWorksheet
		}
		w := parseWorksheet(t, "content/worksheets/"+filepath.Base(f))
		if w.Draft {
			continue
		}
		// A tab for each worksheet: on a busy machine, filling in all of
		// them took most of a tab's life (browsertest.TestTimeout).
		tab := browsertest.New(t)
		tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
		waitScorer(t, tab, "ready")
		tab.Forget()
		s.forget()
		ws := newSheet(w)
		options := browsertest.Eval[map[string][]string](tab, `(() => {
			const m = {};
			for (const r of document.querySelectorAll("form input[type=radio], form input[type=checkbox]")) (m[r.name] = m[r.name] || []).push(r.value);
			return m;
		})()`)
		i := 0
		for _, sec := range w.Sections {
			for _, q := range sec.Questions {
				switch q.Type {
				case worksheet.Checklist:
					for j, o := range q.Options {
						if (i+j)%2 == 0 {
							tick(t, tab, ws, q.ID, o.ID)
						}
					}
					i++
				case worksheet.Reflection:
				default:
					names := []string{q.ID}
					if q.Type == worksheet.Pair {
						names = []string{worksheet.PairKey(q.ID, score.Give), worksheet.PairKey(q.ID, score.Receive)}
					}
					for _, name := range names {
						vals := options[name]
						if len(vals) == 0 {
							t.Errorf("%s: no radios named %q", w.Slug, name)
						}
						if i%3 != 2 && len(vals) > 0 {
							answer(t, tab, ws, name, vals[(i*2)%len(vals)])
						}
						i++
					}
				}
			}
		}
		checkShown(t, tab, ws, w.Slug)
		if reqs := serverRequests(s); len(reqs) > 0 {
			t.Errorf("%s: requests while filling in: %v", w.Slug, reqs)
		}
		checkProblems(t, tab, w.Slug, nil)
		// Leave nothing behind for the next run of the same origin.
		clearAnswers(t, tab)
	}
}

// TestPrint prints (emulates print media for) a guide and the worksheet,
// from a system in dark mode: paper is light with dark text; a blank
// worksheet prints as a handout without results or buttons, a filled one
// with its results.
func TestPrint(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.ColorScheme("dark")

	tab.Navigate(s.URL("/", "guides/receiving/"))
	tab.Media("print")
	checkScheme(t, tab, "printed guide", "light")
	checkContrast(t, tab, "printed guide", "light")
	tab.Screenshot("print-guide")
	tab.Media("")

	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	visible := func(sel string) bool {
		return browsertest.Eval[bool](tab, `(e => !!e && e.checkVisibility())(document.querySelector(`+strconv.Quote(sel)+`))`)
	}
	tab.Media("print")
	checkScheme(t, tab, "printed blank worksheet", "light")
	if visible("[data-results]") {
		t.Errorf("a blank worksheet prints its results; want a clean handout")
	}
	for _, sel := range []string{`[data-action="clear"]`, `[data-action="print"]`, `[data-bar]`} {
		if visible(sel) {
			t.Errorf("the printed worksheet shows %s", sel)
		}
	}
	tab.Screenshot("print-blank-worksheet")
	tab.Media("")

	ws := newSheet(w)
	answer(t, tab, ws, "listening.give", "3")
	answer(t, tab, ws, "listening.receive", "1")
	waitScored(t, tab)
	tab.Media("print")
	checkScheme(t, tab, "printed filled worksheet", "light")
	checkContrast(t, tab, "printed filled worksheet", "light")
	if !visible("[data-results]") || !visible(`[data-result="balance"]`) {
		t.Errorf("a filled-in worksheet prints without its results")
	}
	checkShown(t, tab, ws, "printed")
	tab.Screenshot("print-filled-worksheet")
	tab.Media("") // the button does not print, so it cannot be clicked in print
	clearAnswers(t, tab)
}
