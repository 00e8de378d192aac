//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/score"
	"mutual/internal/worksheet"
)

// fakeDate makes `new Date()` and Date.now() return window.__testNow when
// a test sets it (a date-time string), so saved results fall on the days
// a test chooses.
const fakeDate = `(() => {
	const Real = Date;
	function Fake(...a) {
		if (!new.target) return Real();
		if (a.length === 0 && window.__testNow) return new Real(window.__testNow);
		return new Real(...a);
	}
	Fake.prototype = Real.prototype;
	Fake.now = () => window.__testNow ? new Real(window.__testNow).getTime() : Real.now();
	Fake.UTC = Real.UTC;
	Fake.parse = Real.parse;
	window.Date = Fake;
})()`

const fairSheet = "content/worksheets/does-it-feel-fair.yaml"

// historyJS reads the saved results' table: per row its date (as shown),
// whether it is marked as from an earlier version, and its numbers.
const historyJS = `[...document.querySelectorAll("[data-history-rows] tr")].map(tr => {
	const cell = k => { const c = tr.querySelector('[data-result="' + k + '"]'); return c ? c.textContent : "(missing)"; };
	return {Date: tr.querySelector('[data-slot="date"]').textContent, Earlier: tr.querySelector('[data-slot="earlier"]').checkVisibility(),
		Give: cell("give"), Receive: cell("receive"), Balance: cell("balance"), Lean: cell("lean")};
})`

type historyRow struct {
	Date                         string
	Earlier                      bool
	Give, Receive, Balance, Lean string
}

func rowOf(date string, r score.Result) historyRow {
	return historyRow{Date: date, Give: showScore(r.Give), Receive: showScore(r.Receive), Balance: showScore(r.Balance), Lean: showScore(r.Lean)}
}

// downloads lets the tab's browser context save files into a new folder
// and returns it.
func downloads(t *testing.T, tab *browsertest.Tab) string {
	t.Helper()
	dir := t.TempDir()
	params := cdpbrowser.SetDownloadBehaviorParams{
		Behavior:         cdpbrowser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(tab.Context()).BrowserContextID,
		DownloadPath:     dir,
	}
	if _, err := chromedp.Call(tab.Context(), cdpbrowser.SetDownloadBehavior, params); err != nil {
		t.Fatal(err)
	}
	return dir
}

// waitFile waits for a file name to be complete in dir and returns its path.
func waitFile(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(p); err == nil && len(b) > 0 && strings.HasSuffix(string(b), "\n") {
			return p
		}
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no file %s in the downloads: %v", name, entries)
	return ""
}

// press focuses the element matching sel and presses Enter on it, as a
// person using the keyboard does.
func press(t *testing.T, tab *browsertest.Tab, sel string) {
	t.Helper()
	tab.Do(chromedp.Focus(chromedp.CSS(sel)))
	tab.Key(kb.Enter)
	settle(t, tab) // focusing scrolls, smoothly: let it end before the next click
}

func fileStatus(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `document.querySelector("[data-file-status]").textContent`)
}

func fileProblems(tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](tab, `[...document.querySelectorAll("[data-file-problem]")].filter(p => p.checkVisibility()).map(p => p.getAttribute("data-file-problem"))`)
}

// TestWorksheetHistoryAndFile saves results on three (simulated) days, sees
// them in the chart's table with the numbers package score computes,
// replaces one, opens one read-only and deletes one, all with the
// keyboard; keeps a comparison; saves everything to a file (read back with
// package worksheet's reader), clears, opens the file and finds everything
// back, in this browser and in another; refuses files of another
// worksheet, damaged ones and others; and makes no request all along.
func TestWorksheetHistoryAndFile(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fairSheet)
	m := w.Model()
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	tab := browsertest.NewIsolated(t)
	dir := downloads(t, tab)
	initScript(t, tab, fakeDate)
	open(t, tab, page)
	tab.Forget()
	s.forget()
	day := func(d string) {
		browsertest.Eval[bool](tab, `(window.__testNow = "`+d+`T12:00:00", true)`)
	}
	saveResult := func(want string) {
		t.Helper()
		press(t, tab, `[data-action="snapshot"]`)
		tab.Poll("the status "+want, `document.querySelector("[data-more-status]").textContent === `+strconv.Quote(want), 5*time.Second)
	}

	ws := newSheet(w)
	answer(t, tab, ws, "overall", "-2")
	answer(t, tab, ws, "unwell.give", "na")
	answer(t, tab, ws, "unwell.receive", "3")
	tick(t, tab, ws, "i-did", "meal")
	checkShown(t, tab, ws, "first day")
	day("2026-03-01")
	saveResult("Today's result is saved.")
	first := score.Compute(m, ws.a)

	answer(t, tab, ws, "overall", "1")
	answer(t, tab, ws, "attention", "-3")
	tick(t, tab, ws, "they-did", "arranged")
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="surprised-me"]`), "The week matched."))
	checkShown(t, tab, ws, "second day")
	day("2026-03-15")
	saveResult("Today's result is saved.")
	second := score.Compute(m, ws.a)
	answer(t, tab, ws, "feel-valued", "6")
	waitScored(t, tab)
	saveResult("Today's result is saved, in place of the earlier one.")
	second = score.Compute(m, ws.a)

	answer(t, tab, ws, "ask-freely", "na")
	answer(t, tab, ws, "effort", "3")
	day("2026-04-02")
	waitScored(t, tab)
	saveResult("Today's result is saved.")
	third := score.Compute(m, ws.a)

	for _, width := range []int{1280, 320} {
		tab.Viewport(int64(width), 800)
		tab.Poll("the chart drawn for the width", `(s => Math.abs(s.viewBox.baseVal.width - s.getBoundingClientRect().width) < 2)(document.querySelector("[data-history-chart]"))`, 5*time.Second)
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			checkNarrow(t, tab, "results over time", scheme, width)
			checkContrast(t, tab, "results over time", scheme)
			shotOf(t, tab, "#ws-history", fmt.Sprintf("history-%d-%s", width, scheme))
		}
	}
	tab.Viewport(1280, 800)
	tab.ColorScheme("light")
	rows := browsertest.Eval[[]historyRow](tab, historyJS)
	want := []historyRow{rowOf("Mar 1, 2026", first), rowOf("Mar 15, 2026", second), rowOf("Apr 2, 2026", third)}
	if !slices.Equal(rows, want) {
		t.Errorf("the table shows\n%+v\nwant\n%+v", rows, want)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-history-chart] circle.ws-hist-lean").length`); n != 3 {
		t.Errorf("the chart has %d points of felt balance, want 3", n)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-history-chart] path").length`); n < 2 {
		t.Errorf("the chart has %d lines", n)
	}
	if styled := browsertest.Eval[int](tab, `document.querySelectorAll("[data-history-chart] [style]").length`); styled > 0 {
		t.Errorf("the chart has %d style attributes, which the CSP forbids", styled)
	}

	// Open the first read-only: its numbers and its answers; Close.
	if names := axNames(t, tab, "[data-history-rows]", "button"); !slices.Equal(names, []string{"Open the result of Mar 1, 2026", "Open the result of Mar 15, 2026", "Open the result of Apr 2, 2026"}) {
		t.Errorf("the rows' buttons are named %q", names)
	}
	press(t, tab, `[data-history-rows] tr:first-child [data-action="open"]`)
	view := browsertest.Eval[map[string]string](tab, `(v => ({shown: String(v.checkVisibility()), focus: String(v === document.activeElement), title: v.querySelector("h3").textContent,
		lean: v.querySelector('[data-result="lean"]').textContent, answers: v.querySelector('[data-slot="answers"]').innerText}))(document.querySelector("[data-snapshot-view]"))`)
	if view["shown"] != "true" || view["focus"] != "true" || view["title"] != "Your answers on March 1, 2026" || view["lean"] != showScore(first.Lean) ||
		!strings.Contains(view["answers"], "Made or brought them a meal") || strings.Contains(view["answers"], "The week matched.") || !strings.Contains(view["answers"], "Does not apply") {
		t.Errorf("the first result opened: %v", view)
	}
	if got := checkShown(t, tab, ws, "a result opened"); len(got.Texts) != 1 {
		t.Errorf("opening a saved result changed the answers: %v", got.Texts)
	}
	press(t, tab, `[data-snapshot-view] [data-action="close"]`)
	tab.Poll("the view closed", `!document.querySelector("[data-snapshot-view]").checkVisibility()`, 5*time.Second)

	// Delete the second, from where it opens.
	press(t, tab, `[data-history-rows] tr:nth-child(2) [data-action="open"]`)
	press(t, tab, `[data-snapshot-view] [data-action="delete"]`)
	tab.Poll("the deletion said", `document.querySelector("[data-more-status]").textContent === "The result of March 15, 2026 is deleted."`, 5*time.Second)
	rows = browsertest.Eval[[]historyRow](tab, historyJS)
	if want := []historyRow{rowOf("Mar 1, 2026", first), rowOf("Apr 2, 2026", third)}; !slices.Equal(rows, want) {
		t.Errorf("after deleting, the table shows %+v, want %+v", rows, want)
	}
	if f := browsertest.Eval[string](tab, `document.activeElement.textContent`); f != "Open the result of Apr 2, 2026" {
		t.Errorf("after deleting the focus is on %q, want the next result", f)
	}

	// Undo brings it back in its place, stored (a reload shows it), and
	// says so; deleting it again leaves the two others for what follows.
	undo := `document.querySelector("[data-history-undo]")`
	if got := browsertest.Eval[string](tab, `(u => u.checkVisibility() ? u.innerText.replace(/\s+/g, " ") : "hidden")(`+undo+`)`); got != "The result of March 15, 2026 is deleted. Undo" {
		t.Errorf("after deleting, the undo box shows %q", got)
	}
	press(t, tab, `[data-action="undo-delete"]`)
	tab.Poll("the undo said", `document.querySelector("[data-more-status]").textContent === "The result of March 15, 2026 is back."`, 5*time.Second)
	if got := browsertest.Eval[[]historyRow](tab, historyJS); !slices.Equal(got, want) {
		t.Errorf("after undo, the table shows %+v, want %+v", got, want)
	}
	if f := browsertest.Eval[string](tab, `document.activeElement.textContent`); f != "Open the result of Mar 15, 2026" {
		t.Errorf("after undo the focus is on %q, want the result brought back", f)
	}
	if browsertest.Eval[bool](tab, undo+`.checkVisibility()`) {
		t.Error("the undo box stays after undo")
	}
	tab.Do(chromedp.Reload())
	tab.Poll("the history after a reload", `document.querySelectorAll("[data-history-rows] tr").length === 3`, 10*time.Second)
	if got := browsertest.Eval[[]historyRow](tab, historyJS); !slices.Equal(got, want) {
		t.Errorf("after undo and a reload, the table shows %+v, want %+v", got, want)
	}
	press(t, tab, `[data-history-rows] tr:nth-child(2) [data-action="open"]`)
	press(t, tab, `[data-snapshot-view] [data-action="delete"]`)
	tab.Poll("deleted again", `document.querySelectorAll("[data-history-rows] tr").length === 2`, 5*time.Second)

	// Print: the table shows, the buttons do not.
	tab.Media("print")
	if p := browsertest.Eval[map[string]bool](tab, `({table: document.querySelector(".ws-history-table").checkVisibility(), buttons: document.querySelector('[data-action="snapshot"]').checkVisibility()})`); !p["table"] || p["buttons"] {
		t.Errorf("printed: %v, want the table without the buttons", p)
	}
	tab.Media("")

	// A kept comparison, to go into the file too.
	other := score.Answers{"overall": 3, "unwell.give": 4, "unwell.receive": 1, "i-did": 1, "i-did.job": 1}
	code, _ := score.EncodeCode(m, w.Slug, other)
	tab.Do(chromedp.Navigate("about:blank"))
	tab.Navigate(page + "#compare=" + code)
	waitScorer(t, tab, "ready")
	checkCompared(t, tab, w, ws.a, other, "compared before the file")
	press(t, tab, `[data-action="keep"]`)
	tab.Poll("kept", `document.querySelector("[data-kept]").checkVisibility()`, 5*time.Second)
	open(t, tab, page)
	tab.Forget()
	s.forget()

	// Save to a file: read back with package worksheet, as written.
	day("2026-04-03")
	press(t, tab, `[data-action="save-file"]`)
	path := waitFile(t, dir, w.Slug+"-2026-04-03.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := worksheet.ReadFile(data)
	if err != nil {
		t.Fatalf("the saved file does not read: %v\n%s", err, data)
	}
	if f.Worksheet != w.Slug || f.Fingerprint != score.Fingerprint(m) || f.Saved != "2026-04-03" || f.Title != w.Title {
		t.Errorf("the file says worksheet %q, fingerprint %q, saved %q, title %q", f.Worksheet, f.Fingerprint, f.Saved, f.Title)
	}
	restored, changed, err := f.For(w)
	if err != nil || changed != 0 || restored["surprised-me"].Values["surprised-me"].Text != "The week matched." ||
		restored["unwell"].Values["unwell.give"].Text != "na" || !slices.Equal(restored["i-did"].Values["i-did"].List, []string{"meal"}) {
		t.Errorf("the file's answers: %+v (changed %d, %v)", restored, changed, err)
	}
	if len(f.Snapshots) != 2 || f.Snapshots[0].Date != "2026-03-01" || f.Snapshots[1].Date != "2026-04-02" ||
		!reflect.DeepEqual([]worksheet.Scores{f.Snapshots[0].Scores, f.Snapshots[1].Scores}, []worksheet.Scores{worksheet.ScoresOf(first), worksheet.ScoresOf(third)}) {
		t.Errorf("the file's results: %+v", f.Snapshots)
	}
	if len(f.Comparisons) != 1 || f.Comparisons[0].Code != code {
		t.Errorf("the file's comparisons: %+v", f.Comparisons)
	}
	if !strings.Contains(fileStatus(tab), w.Slug+"-2026-04-03.json") {
		t.Errorf("after saving the page says %q", fileStatus(tab))
	}

	// Clear, then open the file: everything back, with Undo.
	clearAnswers(t, tab)
	checkShown(t, tab, newSheet(w), "cleared")
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{path}))
	tab.Poll("the file open", `document.querySelector("[data-file-status]").textContent.startsWith("The file is open")`, 5*time.Second)
	got := checkShown(t, tab, ws, "the file opened")
	if got.Texts["surprised-me"] != "The week matched." {
		t.Errorf("after opening the file the reflection reads %q", got.Texts["surprised-me"])
	}
	if st := fileStatus(tab); st != "The file is open: "+strconv.Itoa(len(restored))+" answers are back." {
		t.Errorf("after opening the file the page says %q", st)
	}
	if rows := browsertest.Eval[[]historyRow](tab, historyJS); len(rows) != 2 {
		t.Errorf("after opening the file %d saved results", len(rows))
	}
	checkCompared(t, tab, w, ws.a, other, "the kept comparison, from the file")
	press(t, tab, `[data-action="undo-open"]`)
	checkShown(t, tab, newSheet(w), "the opening undone")
	tab.Poll("the undo said", `document.querySelector("[data-file-status]").textContent === "Your answers from before the file are back."`, 5*time.Second)
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{path}))
	tab.Poll("the file open again", `document.querySelector("[data-file-status]").textContent.startsWith("The file is open")`, 5*time.Second)
	checkShown(t, tab, ws, "the file opened again")

	// Files the page refuses, changing nothing.
	bad := filepath.Join(t.TempDir(), "bad.json")
	other2 := *f
	other2.Worksheet = "give-and-take"
	otherData, _ := other2.Marshal()
	for _, tc := range []struct {
		data, problem string
	}{
		{"this is not JSON", "not-answers"},
		{`{"format": "something else"}`, "not-answers"},
		{strings.Replace(string(data), `"saved": "2026-04-03"`, `"saved": "April"`, 1), "damaged"},
		{strings.Replace(string(data), `"version": 1`, `"version": 7`, 1), "newer"},
		{string(otherData), "other-worksheet"},
	} {
		writeFile(t, bad, tc.data)
		tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{bad}))
		tab.Poll("the sentence for "+tc.problem, `[...document.querySelectorAll("[data-file-problem]")].filter(p => p.checkVisibility()).map(p => p.getAttribute("data-file-problem")).join() === "`+tc.problem+`"`, 5*time.Second)
		// Said to screen readers as well: the focus is on "Open a file".
		tab.Poll("the sentence for "+tc.problem+" announced", `document.querySelector("[data-announce]").textContent === document.querySelector('[data-file-problem="`+tc.problem+`"]').textContent.replace(/\s+/g, " ").trim()`, 5*time.Second)
		browsertest.Eval[bool](tab, `(document.querySelector("[data-announce]").textContent = "", true)`)
		checkShown(t, tab, ws, tc.problem+" file: nothing changed")
	}
	if reqs := pageRequests(tab); len(reqs) > 0 {
		t.Errorf("requests while saving and opening files: %v", reqs)
	}
	if reqs := serverRequests(s); len(reqs) > 0 {
		t.Errorf("the server got requests while saving and opening files: %v", reqs)
	}
	checkProblems(t, tab, "results over time and files", nil)

	// Another browser: the file brings everything.
	other3 := browsertest.NewIsolated(t)
	open(t, other3, page)
	other3.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{path}))
	other3.Poll("the file open", `document.querySelector("[data-file-status]").textContent.startsWith("The file is open")`, 5*time.Second)
	checkShown(t, other3, ws, "the file in another browser")
	if rows := browsertest.Eval[[]historyRow](other3, historyJS); !slices.Equal(rows, []historyRow{rowOf("Mar 1, 2026", first), rowOf("Apr 2, 2026", third)}) {
		t.Errorf("in another browser the results are %+v", rows)
	}
	checkCompared(t, other3, w, ws.a, other, "the kept comparison in another browser")
	checkProblems(t, other3, "the file in another browser", nil)
}

// TestWorksheetFileChanged opens a file written by package worksheet for a
// worksheet whose questions have changed since: the unchanged answers come
// back and the page says how many did not, as after a worksheet change;
// results saved under another fingerprint are marked as from an earlier
// version.
func TestWorksheetFileChanged(t *testing.T) {
	t.Parallel()
	dir := minimalSite(t, map[string]string{"w.yaml": changingV2})
	s := newWSServer(t)
	s.build(t, dir, "/", "")
	v1, v2 := parseSrc(t, "w.yaml", changingV1), parseSrc(t, "w.yaml", changingV2)
	fp := func(w *worksheet.Worksheet, id string) string {
		for _, q := range w.Sections[0].Questions {
			if q.ID == id {
				return q.Fingerprint
			}
		}
		t.Fatalf("no question %s", id)
		return ""
	}
	rec := func(id string, values map[string]worksheet.Answer) worksheet.Record {
		return worksheet.Record{Fingerprint: fp(v1, id), Values: values}
	}
	answers := worksheet.Records{
		"a": rec("a", map[string]worksheet.Answer{"a": {Text: "3"}}),
		"b": rec("b", map[string]worksheet.Answer{"b": {Text: "1"}}),                                // changed in v2
		"p": rec("p", map[string]worksheet.Answer{"p.give": {Text: "2"}, "p.receive": {Text: "4"}}), // changed in v2
		"c": rec("c", map[string]worksheet.Answer{"c": {List: []string{"x"}, IsList: true}}),
		"r": rec("r", map[string]worksheet.Answer{"r": {Text: "from the file"}}),
	}
	file := &worksheet.File{Worksheet: "w", Title: "Changing", Fingerprint: score.Fingerprint(v1.Model()), Saved: "2026-02-01", Answers: answers,
		Snapshots: []worksheet.Snapshot{{Date: "2026-01-20", Fingerprint: score.Fingerprint(v1.Model()), Scores: worksheet.Scores{Answered: 1, Total: 7}, Answers: worksheet.Records{}}}}
	data, err := file.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "answers.json")
	writeFile(t, path, string(data))
	restored, changed, err := file.For(v2)
	if err != nil || changed != 2 || len(restored) != 3 {
		t.Fatalf("For: %d restored, %d changed, %v", len(restored), changed, err)
	}

	tab := browsertest.NewIsolated(t)
	open(t, tab, s.URL("/", "worksheets/w/"))
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{path}))
	tab.Poll("the file open", `document.querySelector("[data-file-status]").textContent.startsWith("The file is open")`, 5*time.Second)
	if st, want := fileStatus(tab), "The file is open: 3 answers are back. 2 answers were not restored: those questions have changed."; st != want {
		t.Errorf("the page says %q, want %q", st, want)
	}
	ws := newSheet(v2)
	ws.pick("a", "3")
	ws.tick("c", "x", true)
	if got := checkShown(t, tab, ws, "the file on a changed worksheet"); got.Texts["r"] != "from the file" {
		t.Errorf("the reflection reads %q", got.Texts["r"])
	}
	rows := browsertest.Eval[[]historyRow](tab, historyJS)
	if len(rows) != 1 || !rows[0].Earlier || rows[0].Date != "Jan 20, 2026" {
		t.Errorf("the file's result: %+v, want one marked as from an earlier version", rows)
	}
	if len(fileProblems(tab)) > 0 {
		t.Errorf("sentences shown: %v", fileProblems(tab))
	}
	checkProblems(t, tab, "a file on a changed worksheet", nil)
}

// TestWorksheetFileUnsaid opens a broken file, then a good one: the
// sentence that nothing was opened, said to screen readers, leaves their
// live region with the one beside the buttons, so that a screen reader
// reading the results does not come upon it once the file is open.
func TestWorksheetFileUnsaid(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fairSheet)
	file := &worksheet.File{Worksheet: w.Slug, Title: w.Title, Fingerprint: score.Fingerprint(w.Model()), Saved: "2026-02-01", Answers: worksheet.Records{}}
	data, err := file.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.json"), filepath.Join(dir, "bad.json")
	writeFile(t, good, string(data))
	writeFile(t, bad, "this is not JSON")
	tab := browsertest.NewIsolated(t)
	open(t, tab, s.URL("/", "worksheets/"+w.Slug+"/"))
	const said = `document.querySelector("[data-announce]").textContent`
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{bad}))
	tab.Poll("the refusal said", said+`.includes("nothing was opened")`, 5*time.Second)
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{good}))
	tab.Poll("the file open", `document.querySelector("[data-file-status]").textContent.startsWith("The file is open")`, 5*time.Second)
	if got := browsertest.Eval[string](tab, said); strings.Contains(got, "nothing was opened") {
		t.Errorf("the file is open, and the live region still says %q", got)
	}
	if p := fileProblems(tab); len(p) > 0 {
		t.Errorf("the file is open, and the page shows %v", p)
	}
	checkProblems(t, tab, "a refused file, then a good one", nil)
}

// TestWorksheetFileReflections: a worksheet of reflections alone has no
// scorer and nothing to compare, and still keeps a file of its notes.
func TestWorksheetFileReflections(t *testing.T) {
	t.Parallel()
	dir := minimalSite(t, map[string]string{"notes.yaml": `title: Notes
sections:
  - title: S
    questions:
      - {id: one, type: reflection, text: One thing I noticed.}
      - {id: two, type: reflection, text: Another.}
`})
	s := newWSServer(t)
	s.build(t, dir, "/", "")
	tab := browsertest.NewIsolated(t)
	downloadDir := downloads(t, tab)
	initScript(t, tab, fakeDate)
	tab.Navigate(s.URL("/", "worksheets/notes/"))
	tab.Poll("the file buttons", `document.querySelector('[data-action="save-file"]').checkVisibility()`, 10*time.Second)
	// The page loads its parts' modules once, after its first paint; wait
	// for that load to end before counting requests (a busy machine may
	// show the buttons before the module has arrived).
	tab.Poll("the file module", `performance.getEntriesByType("resource").some((e) => e.name.includes("/js/worksheet-file.")) && document.readyState === "complete"`, 10*time.Second)
	waitListener(t, tab, `[data-action="save-file"]`, "click") // its script runs after the response, its part later
	if browsertest.Eval[bool](tab, `!!document.querySelector('[data-action="compare"], [data-part="history"]')`) {
		t.Errorf("a worksheet without scores offers to compare or to save results")
	}
	tab.Forget()
	s.forget()
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="one"]`), "The kettle, again."))
	browsertest.Eval[bool](tab, `(window.__testNow = "2026-05-05T09:00:00", true)`)
	press(t, tab, `[data-action="save-file"]`)
	path := waitFile(t, downloadDir, "notes-2026-05-05.json")
	clearAnswers(t, tab)
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("[data-file-input]"), []string{path}))
	tab.Poll("the note back", `document.querySelector('textarea[name="one"]').value === "The kettle, again."`, 5*time.Second)
	if st := fileStatus(tab); st != "The file is open: 1 answer is back." {
		t.Errorf("the page says %q", st)
	}
	if reqs := serverRequests(s); len(reqs) > 0 {
		t.Errorf("requests while saving and opening: %v", reqs)
	}
	checkProblems(t, tab, "notes", nil)
}
