//go:build browser

package e2e

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/score"
	"mutual/internal/worksheet"
)

// fair is the shipped worksheet that uses every feature of issue 9: lean
// questions (with areas, weights and "does not apply"), scales with
// unlabeled middle points, checklists with scored and recorded options and
// their "None of these", frequency-na and agreement-na, and bands on lean,
// balance and nothing.
const fair = "content/worksheets/does-it-feel-fair.yaml"

// axNames returns the accessible names of the elements of role under the
// element matching sel, as the browser computes them for screen readers.
func axNames(t *testing.T, tab *browsertest.Tab, sel, role string) []string {
	t.Helper()
	ev, err := chromedp.Call(tab.Context(), runtime.Evaluate, runtime.EvaluateParams{Expression: `document.querySelector(` + strconv.Quote(sel) + `)`})
	if err != nil || ev.Result == nil || ev.Result.ObjectID == "" {
		t.Fatalf("no element %s: %v", sel, err)
	}
	res, err := chromedp.Call(tab.Context(), accessibility.QueryAXTree, accessibility.QueryAXTreeParams{ObjectID: ev.Result.ObjectID, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range res.Nodes {
		if n.Name != nil {
			var s string
			if err := jsonString(n.Name.Value, &s); err == nil {
				names = append(names, s)
			}
		}
	}
	return names
}

// TestWorksheetFeatures fills in the worksheet with every new feature by
// clicking labels, as a person does, and compares the page with
// score.Compute at each step: lean scores (with the minus sign), "does not
// apply" counted as answered and never scored, checklist boxes counted
// once their list is answered, "None of these" clearing the other boxes
// and the other way round, and the bands chosen by lean and balance.
func TestWorksheetFeatures(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fair)
	tab := browsertest.New(t)
	tab.Viewport(375, 800)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	s.forget()
	ws := newSheet(w)
	checkShown(t, tab, ws, "blank")

	// Unlabeled middle options show their value and say "3 of 7" (or, on
	// a scale below zero, where they lie on it).
	if got := axNames(t, tab, "#q-feel-valued_answer", "radio"); !slices.Equal(got, []string{"Not at all", "2 of 7", "3 of 7", "4 of 7", "5 of 7", "6 of 7", "Completely"}) {
		t.Errorf("the radios of feel-valued are named %q", got)
	}
	if got := axNames(t, tab, "#q-effort_answer", "radio"); !slices.Equal(got, []string{
		"I put in far more", "−2, on a scale from −3 to 3", "−1, on a scale from −3 to 3", "About even",
		"1, on a scale from −3 to 3", "2, on a scale from −3 to 3", "They put in far more", "Does not apply",
	}) {
		t.Errorf("the radios of effort are named %q", got)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector('label:has(> input[name="effort"][value="-2"]) [aria-hidden="true"]').textContent`); got != "−2" {
		t.Errorf("the unlabeled option -2 shows %q", got)
	}

	answer(t, tab, ws, "overall", "-1")
	checkShown(t, tab, ws, "one lean answer")
	answer(t, tab, ws, "effort", "-2")
	answer(t, tab, ws, "attention", "na")
	got := checkShown(t, tab, ws, "does not apply")
	if r := score.Compute(w.Model(), ws.a); r.Answered != 3 || !strings.HasPrefix(got.Lean, "−") {
		t.Errorf("after three lean answers, one of them \"does not apply\": answered %d (want 3), lean shows %q (want a minus sign)", r.Answered, got.Lean)
	}
	answer(t, tab, ws, "keeping-track", "3")
	checkShown(t, tab, ws, "all lean questions")

	// Checklists: scored boxes count once the list is answered.
	tick(t, tab, ws, "i-did", "meal")
	if r := score.Compute(w.Model(), ws.a); r.Answered != 8 || r.Give.Value != 20 {
		t.Errorf("one box of four (weights 1, 1, 1, 2) ticked: answered %d, give %v; want 8 and 20", r.Answered, r.Give)
	}
	checkShown(t, tab, ws, "one box")
	tick(t, tab, ws, "i-did", "arranged")
	tick(t, tab, ws, "they-did", worksheet.NoneOption)
	checkShown(t, tab, ws, "none of these")
	tick(t, tab, ws, "they-did", "job") // clears "None of these"
	got = checkShown(t, tab, ws, "a box after none of these")
	if slices.Contains(got.Checked, "they-did=none") {
		t.Errorf("ticking a box left \"None of these\" ticked: %v", got.Checked)
	}
	tick(t, tab, ws, "i-did", worksheet.NoneOption) // clears the others
	got = checkShown(t, tab, ws, "none of these after boxes")
	if slices.Contains(got.Checked, "i-did=meal") || slices.Contains(got.Checked, "i-did=arranged") {
		t.Errorf("\"None of these\" left other boxes ticked: %v", got.Checked)
	}
	tick(t, tab, ws, "i-did", "meal")
	tick(t, tab, ws, "i-did", "checked-in")
	tick(t, tab, ws, "together", "laughed") // recorded, never scored
	checkShown(t, tab, ws, "a recorded box")

	answer(t, tab, ws, "unwell.give", "3")
	answer(t, tab, ws, "unwell.receive", "na")
	answer(t, tab, ws, "ask-freely", "na")
	checkShown(t, tab, ws, "pair and rating with does not apply")
	answer(t, tab, ws, "feel-valued", "5")
	answer(t, tab, ws, "ask-freely", "0")
	got = checkShown(t, tab, ws, "everything")
	r := score.Compute(w.Model(), ws.a)
	if !r.Alert || r.Answered != r.Total || r.Band < 0 || !got.Alert {
		t.Errorf("everything answered: %+v; want all %d answered, the alert raised and a band", r, r.Total)
	}

	// Filled in, in every view, and printed.
	for _, width := range []int{320, 375, 1280} {
		tab.Viewport(int64(width), 800)
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			checkScheme(t, tab, "features", scheme)
			checkContrast(t, tab, "features", scheme)
			checkNarrow(t, tab, "features", scheme, width)
			shot(tab, width, scheme)
		}
	}
	tab.Media("print")
	checkScheme(t, tab, "features printed", "light")
	checkContrast(t, tab, "features printed", "light")
	tab.Screenshot("print")
	tab.Media("")
	tab.Viewport(375, 800)

	// The same answers give the same page after a reload.
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, ws, "reload")
	checkProblems(t, tab, "features", nil)
	clearAnswers(t, tab)
}

// TestWorksheetKeyboardFeatures completes a checklist and a lean question
// with the keyboard alone: Tab reaches each box and Space ticks it, Tab
// reaches the lean question's radios, the arrow keys choose along the
// scale, and the page scores every step like package score.
func TestWorksheetKeyboardFeatures(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fair)
	tab := browsertest.New(t)
	tab.Viewport(375, 800)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	ws := newSheet(w)

	// The lean question: Tab into the group lands on its first radio
	// (nothing is chosen yet); Space chooses it, arrows move along.
	tabTo(t, tab, `#q-overall_answer input[value="-3"]`, 60)
	focused := func() (string, string, bool) {
		return browsertest.Eval[string](tab, `document.activeElement.name`), browsertest.Eval[string](tab, `document.activeElement.value`),
			browsertest.Eval[bool](tab, `document.activeElement.checked`)
	}
	tab.Key(" ")
	name, v, on := focused()
	if name != "overall" || v != "-3" || !on {
		t.Fatalf("Space on the first radio of overall: %s=%s checked %v", name, v, on)
	}
	ws.pick(name, v)
	checkShown(t, tab, ws, "Space on the lean question")
	for i := 0; i < 4; i++ {
		tab.Key(kb.ArrowRight)
	}
	name, v, on = focused()
	if name != "overall" || v != "1" || !on {
		t.Fatalf("four ArrowRight later: %s=%s checked %v, want overall=1", name, v, on)
	}
	ws.pick(name, v)
	if got := checkShown(t, tab, ws, "arrows on the lean question"); got.Lean != showScore(score.Compute(w.Model(), ws.a).Lean) {
		t.Errorf("lean shows %q", got.Lean)
	}

	// The checklist: each box is a Tab stop; Space ticks it.
	tabTo(t, tab, "#q-i-did_meal", 80)
	tab.Key(" ")
	ws.tick("i-did", "meal", true)
	checkShown(t, tab, ws, "Space on a box")
	tab.Key("\t")
	tab.Key("\t") // past job, to checked-in
	if id := browsertest.Eval[string](tab, `document.activeElement.id`); id != "q-i-did_checked-in" {
		t.Fatalf("two Tabs from the first box reach #%s", id)
	}
	tab.Key(" ")
	ws.tick("i-did", "checked-in", true)
	checkShown(t, tab, ws, "Space on a second box")
	tabTo(t, tab, "#q-i-did_none", 4)
	tab.Key(" ")
	ws.tick("i-did", worksheet.NoneOption, true)
	got := checkShown(t, tab, ws, "Space on None of these")
	if want := []string{"i-did=none", "overall=1"}; !slices.Equal(got.Checked, want) {
		t.Errorf("after None of these the checked inputs are %v, want %v", got.Checked, want)
	}
	checkProblems(t, tab, "keyboard features", nil)
}

// jsonString decodes a JSON string value.
func jsonString(raw []byte, s *string) error { return json.Unmarshal(raw, s) }
