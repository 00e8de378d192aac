package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
	"mutual/internal/score"
	"mutual/internal/worksheet"
)

// giveAndTake is the shipped worksheet the tests fill in.
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

// shown is what the results of a worksheet page show, read through the
// contract of issue 3 (data-result, data-area, names and values).
type shown struct {
	Progress, Give, Receive, Balance string
	Band                             string // visible text of [data-result=band]
	Gap                              string // visible text of [data-result=gap], "" when hidden
	Alert                            bool   // [data-result=alert] present and visible
	Areas                            map[string]map[string]string
	Checked                          []string          // "name=value" of checked radios, sorted
	Texts                            map[string]string // non-empty textareas by name
	Scoring                          string            // data-scoring of the results
}

const shownJS = `(() => {
	const txt = el => el ? el.textContent.trim() : "(missing)";
	const summary = name => {
		const els = [...document.querySelectorAll('[data-result="' + name + '"]')].filter(e => !e.closest("[data-area]"));
		return els.length === 1 ? txt(els[0]) : "(" + els.length + " elements)";
	};
	const vis = el => !!el && el.checkVisibility();
	const areas = {};
	for (const a of document.querySelectorAll("[data-area]")) {
		areas[a.getAttribute("data-area")] = {
			give: txt(a.querySelector('[data-result="give"]')),
			receive: txt(a.querySelector('[data-result="receive"]')),
			balance: txt(a.querySelector('[data-result="balance"]')),
		};
	}
	const band = document.querySelector('[data-result="band"]');
	const gap = document.querySelector('[data-result="gap"]');
	const texts = {};
	for (const ta of document.querySelectorAll("textarea")) if (ta.value) texts[ta.name] = ta.value;
	const results = document.querySelector("[data-results]");
	return {
		Progress: summary("progress"), Give: summary("give"), Receive: summary("receive"), Balance: summary("balance"),
		Band: band ? band.innerText : "(missing)",
		Gap: vis(gap) ? gap.innerText : "",
		Alert: vis(document.querySelector('[data-result="alert"]')),
		Areas: areas,
		Checked: [...document.querySelectorAll("input[type=radio]:checked")].map(i => i.name + "=" + i.value).sort(),
		Texts: texts,
		Scoring: results ? results.getAttribute("data-scoring") || "" : "",
	};
})()`

// showScore is how a page shows a score: its number, or an em dash.
func showScore(s score.Score) string {
	if !s.Valid {
		return "—"
	}
	return strconv.Itoa(s.Value)
}

// checkShown compares what the page shows with what package score computes
// for the same answers.
func checkShown(t *testing.T, tab *browsertest.Tab, w *worksheet.Worksheet, answers score.Answers, when string) shown {
	t.Helper()
	got := browsertest.Eval[shown](tab, shownJS)
	r := score.Compute(w.Model(), answers)
	want := map[string][2]string{
		"progress": {got.Progress, strconv.Itoa(r.Answered) + " of " + strconv.Itoa(r.Total)},
		"give":     {got.Give, showScore(r.Give)},
		"receive":  {got.Receive, showScore(r.Receive)},
		"balance":  {got.Balance, showScore(r.Balance)},
	}
	for _, a := range r.Areas {
		g := got.Areas[a.ID]
		want["area "+a.ID+" give"] = [2]string{g["give"], showScore(a.Give)}
		want["area "+a.ID+" receive"] = [2]string{g["receive"], showScore(a.Receive)}
		want["area "+a.ID+" balance"] = [2]string{g["balance"], showScore(a.Balance)}
	}
	if len(got.Areas) != len(r.Areas) {
		t.Errorf("%s: the page shows areas %v, the worksheet has %d", when, got.Areas, len(r.Areas))
	}
	for k, v := range want {
		// A worksheet with one side only has no element for the other
		// side's score or the balance: that is fine when it would be empty.
		if v[0] != v[1] && !(v[1] == "—" && (v[0] == "(0 elements)" || v[0] == "(missing)")) {
			t.Errorf("%s: [data-result] %s shows %q, score.Compute gives %q", when, k, v[0], v[1])
		}
	}
	for i, b := range w.Results {
		has := strings.Contains(got.Band, b.Title)
		if i == r.Band && !has {
			t.Errorf("%s: band %q not shown; [data-result=band] reads %q", when, b.Title, got.Band)
		}
		if i != r.Band && has {
			t.Errorf("%s: band %q shown, want band %d; [data-result=band] reads %q", when, b.Title, r.Band, got.Band)
		}
	}
	switch {
	case r.Gap < 0 && got.Gap != "":
		t.Errorf("%s: [data-result=gap] shows %q, but no area has a balance", when, got.Gap)
	case r.Gap >= 0 && r.Areas[r.Gap].Balance.Value != 0 && !strings.Contains(got.Gap, w.Areas[r.Gap].Label):
		t.Errorf("%s: [data-result=gap] shows %q, want the area %q", when, got.Gap, w.Areas[r.Gap].Label)
	}
	if got.Alert != r.Alert {
		t.Errorf("%s: [data-result=alert] visible = %v, score.Compute says alert = %v", when, got.Alert, r.Alert)
	}
	var checked []string
	for k, v := range answers {
		checked = append(checked, k+"="+strconv.Itoa(v))
	}
	slices.Sort(checked)
	if !slices.Equal(got.Checked, checked) && !(len(got.Checked) == 0 && len(checked) == 0) {
		t.Errorf("%s: checked radios %v, want %v", when, got.Checked, checked)
	}
	return got
}

// answer clicks the label of the radio named name with value v.
func answer(t *testing.T, tab *browsertest.Tab, name string, v int) {
	t.Helper()
	sel := `input[type=radio][name="` + name + `"][value="` + strconv.Itoa(v) + `"]`
	id := browsertest.Eval[string](tab, `(document.querySelector(`+strconv.Quote(sel)+`) || {}).id || ""`)
	if id == "" {
		t.Fatalf("no radio %s with an id", sel)
	}
	tab.Do(chromedp.Click(chromedp.CSS(`label[for="` + id + `"]`)))
	if !browsertest.Eval[bool](tab, `document.getElementById(`+strconv.Quote(id)+`).checked`) {
		t.Fatalf("clicking the label of %s did not check it", sel)
	}
}

// pageRequests returns the requests the tab recorded, without the page's
// icon: the browser fetches it by itself some time after the load, which
// is part of loading the page, not something filling it in does.
func pageRequests(tab *browsertest.Tab) []browsertest.Request {
	icon := browsertest.Eval[string](tab, `(document.querySelector("link[rel~=icon]") || {}).href || ""`)
	var out []browsertest.Request
	for _, r := range tab.Requests() {
		if r.URL != icon {
			out = append(out, r)
		}
	}
	return out
}

// waitScorer waits until the page has loaded its scorer (or given up on it).
func waitScorer(t *testing.T, tab *browsertest.Tab, want string) {
	t.Helper()
	tab.Poll("scoring "+want, `(document.querySelector("[data-results]") || {getAttribute() {}}).getAttribute("data-scoring") === "`+want+`"`, 15*time.Second)
}

func TestWorksheet(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	tab.ColorScheme("light")
	url := s.URL("worksheets/" + w.Slug + "/")
	if status := tab.Navigate(url); status != 200 {
		t.Fatalf("%s: status %d", url, status)
	}
	waitScorer(t, tab, "ready")
	var wasm bool
	for _, r := range tab.Requests() {
		wasm = wasm || strings.HasSuffix(r.URL, ".wasm")
	}
	if !wasm {
		t.Errorf("no .wasm request while loading: %v", tab.Requests())
	}
	checkTraffic(t, tab, s, "worksheet load", "")
	checkProblems(t, tab, "worksheet load", nil)
	checkShown(t, tab, w, score.Answers{}, "blank")

	// From here on, no request of any kind until the reload.
	tab.Forget()
	answers := score.Answers{}
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
		{"safe-to-say-no", 3}, // agreement; alert only at 0..1
		{"listening.give", 2}, // changed mind: the same group again
	} {
		answer(t, tab, a.key, a.v)
		answers[a.key] = a.v
	}
	note := "Call Sam on Sunday, and ask about the move."
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), note))
	got := checkShown(t, tab, w, answers, "filled in")
	if r := score.Compute(w.Model(), answers); r.Band < 0 || r.Gap < 0 || r.Alert {
		t.Fatalf("the chosen answers should give a band and a gap and no alert: %+v", r)
	}
	if got.Alert {
		t.Errorf("the safety notice shows with no alert answer")
	}

	// An answer in an alert range raises the safety notice.
	answer(t, tab, "free-choices", 1)
	answers["free-choices"] = 1
	if got := checkShown(t, tab, w, answers, "alert raised"); !got.Alert {
		t.Errorf("answering free-choices = 1 (alert: [0, 1]) does not show [data-result=alert]")
	}

	// The filled-in page, in every view.
	for _, width := range []int{1280, 320} {
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
	checkProblems(t, tab, "filling in", nil)

	// Reload: the answers come back.
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	got = checkShown(t, tab, w, answers, "after reload")
	if got.Texts["next-step"] != note {
		t.Errorf("after reload the reflection next-step reads %q, want %q", got.Texts["next-step"], note)
	}
	if len(got.Texts) != 1 {
		t.Errorf("after reload the reflections are %q, want only next-step", got.Texts)
	}
	checkProblems(t, tab, "reload", nil)

	// Clear: nothing checked, nothing shown, nothing stored.
	tab.Forget()
	tab.Do(chromedp.Click(chromedp.Search(`//button[normalize-space()="Clear my answers"]`)))
	got = checkShown(t, tab, w, score.Answers{}, "cleared")
	if len(got.Texts) > 0 {
		t.Errorf("after clearing the reflections are %q", got.Texts)
	}
	if keys := browsertest.Eval[[]string](tab, `Object.keys(localStorage).filter(k => k.includes(`+strconv.Quote(w.Slug)+`))`); len(keys) > 0 {
		t.Errorf("after clearing localStorage still holds %q", keys)
	}
	if reqs := pageRequests(tab); len(reqs) > 0 {
		t.Errorf("requests while clearing: %v", reqs)
	}
	checkProblems(t, tab, "clearing", nil)

	// And a reload after clearing restores nothing.
	tab.Do(chromedp.Reload())
	waitScorer(t, tab, "ready")
	checkShown(t, tab, w, score.Answers{}, "reload after clearing")
}

// TestWorksheetWithoutWasm blocks the scorer: the form must stay usable
// and say that scoring is unavailable.
func TestWorksheetWithoutWasm(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.BlockURLs("*://*:*/*.wasm")
	url := s.URL("worksheets/" + w.Slug + "/")
	tab.Navigate(url)
	unavailable := regexp.MustCompile(`(?i)scoring is unavailable|scoring isn.t available|cannot score`)
	deadline := time.Now().Add(15 * time.Second)
	for {
		text := browsertest.Eval[string](tab, `document.body.innerText`)
		if unavailable.MatchString(text) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("with the .wasm blocked, the page never says that scoring is unavailable; results read:\n%s",
				browsertest.Eval[string](tab, `(document.querySelector("[data-results]") || document.body).innerText`))
		}
		time.Sleep(50 * time.Millisecond)
	}
	answer(t, tab, "listening.give", 3)
	answer(t, tab, "safe-to-say-no", 0)
	tab.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "still works"))
	got := browsertest.Eval[shown](tab, shownJS)
	if want := []string{"listening.give=3", "safe-to-say-no=0"}; !slices.Equal(got.Checked, want) {
		t.Errorf("checked radios %v, want %v", got.Checked, want)
	}
	if got.Give != "—" || got.Balance != "—" {
		t.Errorf("without a scorer the page shows give %q, balance %q; want em dashes", got.Give, got.Balance)
	}
	var blocked bool
	for _, r := range tab.Responses() {
		blocked = blocked || (strings.HasSuffix(r.URL, ".wasm") && r.Failed != "")
	}
	if !blocked {
		t.Errorf("the .wasm request was not blocked: %v", tab.Responses())
	}
	checkProblems(t, tab, "worksheet without wasm", func(m browsertest.Message) bool {
		return strings.HasSuffix(m.URL, ".wasm") && strings.Contains(m.Text, "BLOCKED")
	})
	checkNarrow(t, tab, "worksheet without wasm", "light", 1280)
}

// lookJS describes how an element and its label look, to tell whether
// focus changes anything visible.
const lookJS = `(id => {
	const look = el => { if (!el) return ""; const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor].join(" "); };
	const el = document.getElementById(id);
	return look(el) + " | " + look(el.closest("label"));
})`

// TestWorksheetKeyboard fills the first question with the keyboard only:
// Tab reaches the first radio, which shows its focus, Space picks it and
// the arrow keys move along the options.
func TestWorksheetKeyboard(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.Navigate(s.URL("worksheets/" + w.Slug + "/"))
	waitScorer(t, tab, "ready")
	first := browsertest.Eval[string](tab, `document.querySelector("form input[type=radio]").id`)
	for i := 0; ; i++ {
		if i == 60 {
			t.Fatalf("60 Tabs never reached the first radio #%s", first)
		}
		tab.Key("\t")
		if browsertest.Eval[string](tab, `document.activeElement.id`) == first {
			break
		}
	}
	look := lookJS + `(` + strconv.Quote(first) + `)`
	focused := browsertest.Eval[string](tab, look)
	browsertest.Eval[bool](tab, `(document.activeElement.blur(), true)`)
	if unfocused := browsertest.Eval[string](tab, look); unfocused == focused {
		t.Errorf("focus does not show on #%s or its label: %s", first, focused)
	}
	browsertest.Eval[bool](tab, `(document.getElementById(`+strconv.Quote(first)+`).focus(), true)`)

	answers := score.Answers{}
	pick := func(key, when string) {
		t.Helper()
		tab.Key(key)
		name := browsertest.Eval[string](tab, `document.activeElement.name`)
		v, err := strconv.Atoi(browsertest.Eval[string](tab, `document.activeElement.value`))
		if err != nil || !browsertest.Eval[bool](tab, `document.activeElement.checked`) {
			t.Fatalf("%s: the focused radio %s is not checked (value %v)", when, name, err)
		}
		answers = score.Answers{name: v} // one group: the last pick wins
		checkShown(t, tab, w, answers, when)
	}
	pick(" ", "Space on the first radio")
	pick(kb.ArrowRight, "ArrowRight")
	pick(kb.ArrowRight, "ArrowRight twice")
	if len(answers) != 1 || answers[browsertest.Eval[string](tab, `document.activeElement.name`)] != 2 {
		t.Errorf("after Space and two ArrowRight the answers are %v, want the third option (2) of the first group", answers)
	}
	checkProblems(t, tab, "keyboard", nil)
}

// TestWorksheetScores fills every shipped worksheet with a spread of
// answers (two items in three, cycling through each scale's options) and
// compares the page with package score: reverse items, weights and custom
// scales included.
func TestWorksheetScores(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(root, "content/worksheets/*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipped worksheets: %v", err)
	}
	s := serve(t, "/")
	tab := browsertest.New(t)
	for _, f := range files {
		w := parseWorksheet(t, "content/worksheets/"+filepath.Base(f))
		if w.Draft {
			continue
		}
		tab.Navigate(s.URL("worksheets/" + w.Slug + "/"))
		waitScorer(t, tab, "ready")
		tab.Forget()
		options := browsertest.Eval[map[string][]string](tab, `(() => {
			const m = {};
			for (const r of document.querySelectorAll("form input[type=radio]")) (m[r.name] = m[r.name] || []).push(r.value);
			return m;
		})()`)
		answers := score.Answers{}
		for i, it := range w.Model().Items {
			vals := options[it.Key]
			if len(vals) == 0 {
				t.Errorf("%s: no radios named %q", w.Slug, it.Key)
				continue
			}
			if i%3 == 2 {
				continue
			}
			v, err := strconv.Atoi(vals[(i*2)%len(vals)])
			if err != nil {
				t.Fatalf("%s: radio %s has value %q: %v", w.Slug, it.Key, vals[(i*2)%len(vals)], err)
			}
			answer(t, tab, it.Key, v)
			answers[it.Key] = v
		}
		checkShown(t, tab, w, answers, w.Slug)
		if reqs := pageRequests(tab); len(reqs) > 0 {
			t.Errorf("%s: requests while filling in: %v", w.Slug, reqs)
		}
		checkProblems(t, tab, w.Slug, nil)
		// Leave nothing behind for the next run of the same origin.
		tab.Do(chromedp.Click(chromedp.Search(`//button[normalize-space()="Clear my answers"]`)))
	}
}

// TestPrint prints (emulates print media for) a guide and the worksheet,
// from a system in dark mode: paper is light with dark text; a blank
// worksheet prints as a handout without results or buttons, a filled one
// with its results.
func TestPrint(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	tab.ColorScheme("dark")

	tab.Navigate(s.URL("guides/receiving/"))
	tab.Media("print")
	checkScheme(t, tab, "printed guide", "light")
	checkContrast(t, tab, "printed guide", "light")
	tab.Screenshot("print-guide")
	tab.Media("")

	tab.Navigate(s.URL("worksheets/" + w.Slug + "/"))
	waitScorer(t, tab, "ready")
	visible := func(sel string) bool {
		return browsertest.Eval[bool](tab, `(e => !!e && e.checkVisibility())(document.querySelector(`+strconv.Quote(sel)+`))`)
	}
	tab.Media("print")
	checkScheme(t, tab, "printed blank worksheet", "light")
	if visible("[data-results]") {
		t.Errorf("a blank worksheet prints its results; want a clean handout")
	}
	if visible(`[data-action="clear"]`) {
		t.Errorf("the printed worksheet shows the Clear my answers button")
	}
	tab.Screenshot("print-blank-worksheet")
	tab.Media("")

	answer(t, tab, "listening.give", 3)
	answer(t, tab, "listening.receive", 1)
	tab.Media("print")
	checkScheme(t, tab, "printed filled worksheet", "light")
	checkContrast(t, tab, "printed filled worksheet", "light")
	if !visible("[data-results]") || !visible(`[data-result="balance"]`) {
		t.Errorf("a filled-in worksheet prints without its results")
	}
	checkShown(t, tab, w, score.Answers{"listening.give": 3, "listening.receive": 1}, "printed")
	tab.Screenshot("print-filled-worksheet")
	tab.Media("") // the button does not print, so it cannot be clicked in print
	tab.Do(chromedp.Click(chromedp.Search(`//button[normalize-space()="Clear my answers"]`)))
}
