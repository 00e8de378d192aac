//go:build browser

package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
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

// comparedJS reads the comparison through its contract: data-compare,
// data-compare-total, data-compare-area (in page order), data-person,
// data-result, data-compare-question and data-side with data-value.
const comparedJS = `(() => {
	const box = document.querySelector("[data-compare]");
	const txt = el => el ? el.textContent.trim() : "(missing)";
	const block = el => {
		if (!el) return null;
		const person = who => {
			const row = el.querySelector('[data-person="' + who + '"]');
			const o = {};
			for (const k of ["give", "receive", "balance", "lean"]) {
				const c = row && row.querySelector('[data-result="' + k + '"]');
				o[k] = c ? txt(c) : "(missing)";
			}
			return o;
		};
		const link = el.querySelector("a[href]");
		return {Me: person("me"), Them: person("them"), GapGive: txt(el.querySelector('[data-result="gap-give"]')),
			GapReceive: txt(el.querySelector('[data-result="gap-receive"]')), See: link && link.checkVisibility() ? link.getAttribute("href") : ""};
	};
	const questions = {};
	for (const q of box ? box.querySelectorAll("[data-compare-question]") : []) {
		const sides = {};
		for (const d of q.querySelectorAll("[data-side]")) sides[d.getAttribute("data-side")] = {Value: d.getAttribute("data-value"), Text: d.textContent.trim()};
		questions[q.getAttribute("data-compare-question")] = sides;
	}
	const problems = [...document.querySelectorAll("[data-compare-problem]")].filter(p => p.checkVisibility()).map(p => p.getAttribute("data-compare-problem"));
	const notice = document.querySelector("[data-compare-notice]");
	return {
		Shown: !!box && box.checkVisibility(),
		Total: block(box && box.querySelector("[data-compare-total]")),
		Areas: box ? [...box.querySelectorAll("[data-compare-area]")].map(el => Object.assign(block(el), {ID: el.getAttribute("data-compare-area")})) : [],
		Questions: questions,
		Problems: problems,
		Notice: !!notice && notice.checkVisibility() ? notice.innerText : "",
	};
})()`

type comparedBlock struct {
	Me, Them            map[string]string
	GapGive, GapReceive string
	See                 string
	ID                  string
}

type compared struct {
	Shown     bool
	Total     *comparedBlock
	Areas     []comparedBlock
	Questions map[string]map[string]struct{ Value, Text string }
	Problems  []string
	Notice    string
}

// optionText is what the comparison shows for an answer to a question's
// scale: the option's label, or, unlabeled, what screen readers hear.
func optionText(q *worksheet.Question, v int) string {
	if v == score.NA {
		for _, o := range q.Scale.Options {
			if o.NA {
				return o.Label
			}
		}
	}
	for _, o := range q.Scale.Options {
		if !o.NA && o.Value == v {
			if o.Label != "" {
				return o.Label
			}
			if q.Scale.Min() < 0 {
				return showScore(score.Score{Value: v, Valid: true}) + ", on a scale from " + showScore(score.Score{Value: q.Scale.Min(), Valid: true}) + " to " + showScore(score.Score{Value: q.Scale.Max(), Valid: true})
			}
			return strconv.Itoa(v) + " of " + strconv.Itoa(q.Scale.Max())
		}
	}
	return "(not an option)"
}

// compareDiffs lists how the page's comparison differs from what
// score.Compare gives for mine (the viewer's) and theirs.
func compareDiffs(w *worksheet.Worksheet, got compared, mine, theirs score.Answers) []string {
	m := w.Model()
	c := score.Compare(m, mine, theirs)
	var diffs []string
	want := func(what, got, want string) {
		if got != want {
			diffs = append(diffs, fmt.Sprintf("%s shows %q, score.Compare gives %q", what, got, want))
		}
	}
	if !got.Shown {
		return []string{"the comparison is not shown"}
	}
	give, receive, lean := w.Scores()
	person := func(what string, shown map[string]string, r score.Result, a *score.AreaResult) {
		scores := map[string]score.Score{"give": r.Give, "receive": r.Receive, "balance": r.Balance, "lean": r.Lean}
		if a != nil {
			scores = map[string]score.Score{"give": a.Give, "receive": a.Receive, "balance": a.Balance, "lean": a.Lean}
		}
		has := map[string]bool{"give": give, "receive": receive, "balance": give && receive, "lean": lean}
		for k, s := range scores {
			if !has[k] || (a != nil && k == "lean" && shown[k] == "(missing)") {
				continue
			}
			want(what+" "+k, shown[k], showScore(s))
		}
	}
	if got.Total == nil {
		return []string{"no data-compare-total"}
	}
	person("total me", got.Total.Me, c.Me, nil)
	person("total them", got.Total.Them, c.Them, nil)
	want("total gap-give", got.Total.GapGive, gapSentence("give", c.Total.Give))
	want("total gap-receive", got.Total.GapReceive, gapSentence("receive", c.Total.Receive))
	var order []string
	for _, i := range c.Order {
		order = append(order, m.Areas[i])
	}
	var shownOrder []string
	for _, a := range got.Areas {
		shownOrder = append(shownOrder, a.ID)
	}
	if !slices.Equal(order, shownOrder) {
		diffs = append(diffs, fmt.Sprintf("areas in order %v, score.Compare orders %v", shownOrder, order))
	}
	for _, a := range got.Areas {
		i := slices.Index(m.Areas, a.ID)
		if i < 0 {
			diffs = append(diffs, "unknown area "+a.ID)
			continue
		}
		person("area "+a.ID+" me", a.Me, c.Me, &c.Me.Areas[i])
		person("area "+a.ID+" them", a.Them, c.Them, &c.Them.Areas[i])
		want("area "+a.ID+" gap-give", a.GapGive, gapSentence("give", c.Areas[i].Give))
		want("area "+a.ID+" gap-receive", a.GapReceive, gapSentence("receive", c.Areas[i].Receive))
		if w.Areas[i].See != nil && a.See == "" {
			diffs = append(diffs, "area "+a.ID+" has no guide link")
		}
	}
	pairs := 0
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			if q.Type != worksheet.Pair {
				continue
			}
			pairs++
			sides := got.Questions[q.ID]
			for side, a := range map[string]score.Answers{"mine-give": mine, "mine-receive": mine, "theirs-give": theirs, "theirs-receive": theirs} {
				key := worksheet.PairKey(q.ID, score.Side(side[strings.Index(side, "-")+1:]))
				v, ok := a[key]
				value, text := "", "—"
				if ok {
					value, text = strconv.Itoa(v), optionText(q, v)
					if v == score.NA {
						value = "na"
					}
				}
				want("question "+q.ID+" "+side+" data-value", sides[side].Value, value)
				want("question "+q.ID+" "+side, sides[side].Text, text)
			}
		}
	}
	if len(got.Questions) != pairs {
		diffs = append(diffs, fmt.Sprintf("%d data-compare-question, the worksheet has %d pair questions", len(got.Questions), pairs))
	}
	return diffs
}

// checkCompared waits until the page's comparison is what score.Compare
// gives for the viewer's answers mine and the other person's theirs, and
// reports the differences if it never is.
func checkCompared(t *testing.T, tab *browsertest.Tab, w *worksheet.Worksheet, mine, theirs score.Answers, when string) compared {
	t.Helper()
	waitScored(t, tab)
	var got compared
	var diffs []string
	for deadline := time.Now().Add(10 * time.Second); ; {
		got = browsertest.Eval[compared](tab, comparedJS)
		if diffs = compareDiffs(w, got, mine, theirs); len(diffs) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, d := range diffs {
		t.Errorf("%s: %s", when, d)
	}
	return got
}

// shareLink waits until the page offers the link made of a's code and
// returns it.
func shareLink(t *testing.T, tab *browsertest.Tab, w *worksheet.Worksheet, a score.Answers, page string) string {
	t.Helper()
	code, err := score.EncodeCode(w.Model(), w.Slug, a)
	if err != nil {
		t.Fatal(err)
	}
	want := page + "#compare=" + code
	// The link is kept from the first answer on; "Compare with them" shows it.
	tab.Poll("Compare with them", `document.querySelector('[data-action="compare"]').checkVisibility()`, 10*time.Second)
	if browsertest.Eval[string](tab, `document.querySelector('[data-action="compare"]').getAttribute("aria-expanded")`) != "true" {
		press(t, tab, `[data-action="compare"]`) // with the keyboard
		if f := browsertest.Eval[string](tab, `document.activeElement.hasAttribute("data-share-link") ? "link" : document.activeElement.outerHTML.slice(0, 80)`); f != "link" {
			t.Errorf("after Compare with them the focus is on %s, want the link", f)
		}
	}
	tab.Poll("the share link "+want, `(i => !!i && i.checkVisibility() && i.readOnly && i.value === `+strconv.Quote(want)+`)(document.querySelector("input[data-share-link]"))`, 10*time.Second)
	return want
}

// open loads a page afresh (a link that differs only in its fragment would
// not load it again) and waits for its scorer.
func open(t *testing.T, tab *browsertest.Tab, link string) {
	t.Helper()
	tab.Do(chromedp.Navigate("about:blank"))
	tab.Navigate(link)
	waitScorer(t, tab, "ready")
}

// TestWorksheetCompare is two people, each in a browser of their own. A
// fills in "Give and take" and makes a link; B opens it, is told that
// answers are attached, fills in the same worksheet and sees the
// comparison score.Compare computes; B's link shows A the same comparison
// from A's side; a tampered link gets its sentence and no comparison; no
// request is made after a page has loaded; the comparison prints; kept,
// it survives a reload without the link and goes with "Clear my answers"
// (and comes back with Undo).
func TestWorksheetCompare(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	a, b := browsertest.NewIsolated(t), browsertest.NewIsolated(t)
	quiet := func(tab *browsertest.Tab, when string) {
		t.Helper()
		if reqs := pageRequests(tab); len(reqs) > 0 {
			t.Errorf("%s: requests after the page loaded: %v", when, reqs)
		}
		if reqs := serverRequests(s); len(reqs) > 0 {
			t.Errorf("%s: the server got requests after the page loaded: %v", when, reqs)
		}
	}

	// A fills in and makes a link. Nothing to compare yet: no link before
	// the first answer.
	open(t, a, page)
	if browsertest.Eval[bool](a, `document.querySelector('[data-action="compare"]').checkVisibility() || !!document.querySelector("[data-share-link]").value`) {
		t.Errorf("a share link is offered before anything is answered")
	}
	a.Forget()
	s.forget()
	sa := newSheet(w)
	for k, v := range map[string]string{
		"listening.give": "4", "listening.receive": "1", "hard-days.give": "3", "hard-days.receive": "3",
		"shared-tasks.give": "4", "shared-tasks.receive": "0", "unasked-help.give": "3",
		"curiosity.give": "2", "curiosity.receive": "2", "thanks.give": "4", "thanks.receive": "1", "speaking-well.receive": "3",
	} {
		answer(t, a, sa, k, v)
	}
	a.Do(chromedp.SendKeys(chromedp.CSS(`textarea[name="next-step"]`), "Ask Sam about the move."))
	linkA := shareLink(t, a, w, sa.a, page)
	code := strings.TrimPrefix(linkA, page+"#compare=")
	if len(code) > 2*len(w.Model().Items)+16 {
		t.Errorf("the code is %d characters for %d items", len(code), len(w.Model().Items))
	}
	if u, err := url.Parse(linkA); err != nil || u.Fragment != "compare="+code || u.RawQuery != "" {
		t.Errorf("the link %q does not carry its code in the fragment alone", linkA)
	}
	if browsertest.Eval[bool](a, `document.querySelector("[data-compare]").checkVisibility()`) {
		t.Errorf("A sees a comparison with nobody")
	}
	quiet(a, "A filling in and making a link")

	// B opens A's link: a notice, and no comparison until B answers.
	open(t, b, linkA)
	b.Forget()
	s.forget()
	b.Poll("the notice", `document.querySelector("[data-compare-notice]").checkVisibility()`, 10*time.Second)
	got := browsertest.Eval[compared](b, comparedJS)
	if !strings.Contains(got.Notice, "They are only in this link; nothing was sent anywhere.") || !strings.Contains(got.Notice, "Fill in") || got.Shown {
		t.Errorf("B before answering: notice %q, comparison shown %v", got.Notice, got.Shown)
	}
	// ...which screen readers are told too (the notice shows far from the
	// focus, which is at the top of the page).
	b.Poll("the notice said", `document.querySelector("[data-more-status]").textContent.includes("Answers from someone else are attached to this link.")`, 5*time.Second)
	if keys := browsertest.Eval[string](b, `JSON.stringify(Object.entries(localStorage))`); strings.Contains(keys, code) {
		t.Errorf("A's answers are stored in B's browser before B keeps them: %s", keys)
	}
	sb := newSheet(w)
	for k, v := range map[string]string{
		"listening.give": "2", "listening.receive": "4", "hard-days.give": "3", "hard-days.receive": "1",
		"shared-tasks.give": "1", "shared-tasks.receive": "4", "unasked-help.receive": "4", "making-time.give": "2",
		"curiosity.receive": "2", "thanks.give": "1", "thanks.receive": "4", "speaking-well.give": "0",
	} {
		answer(t, b, sb, k, v)
	}
	checkShown(t, b, sb, "B's own results")
	got = checkCompared(t, b, w, sb.a, sa.a, "B compares")
	if strings.Contains(got.Notice, "Fill in") {
		t.Errorf("B has answered, the notice still asks to fill in: %q", got.Notice)
	}
	if r := score.Compare(w.Model(), sb.a, sa.a); !r.Total.Give.Valid || !r.Total.Receive.Valid || r.Total.Give.Value == 0 {
		t.Fatalf("the answers should give two gaps, one not 0: %+v", r.Total)
	}
	linkB := shareLink(t, b, w, sb.a, page)
	quiet(b, "B answering and comparing")
	if keys := browsertest.Eval[string](b, `JSON.stringify(Object.entries(localStorage))`); strings.Contains(keys, code) {
		t.Errorf("A's answers are stored in B's browser: %s", keys)
	}

	// Printed, the comparison shows, the link and its buttons do not.
	b.Media("print")
	if p := browsertest.Eval[map[string]bool](b, `({compare: document.querySelector("[data-compare]").checkVisibility(), share: document.querySelector("[data-share-link]").checkVisibility()})`); !p["compare"] || p["share"] {
		t.Errorf("printed: %v, want the comparison without the share link", p)
	}
	b.Media("")
	quiet(b, "B printing")

	// A opens B's link: the same comparison, from A's side.
	open(t, a, linkB)
	a.Forget()
	s.forget()
	checkShown(t, a, sa, "A's answers, restored")
	checkCompared(t, a, w, sa.a, sb.a, "A compares with B's link")
	fromA := score.Compare(w.Model(), sa.a, sb.a)
	fromB := score.Compare(w.Model(), sb.a, sa.a)
	if fromA.Total.Give != fromB.Total.Receive || fromA.Total.Receive != fromB.Total.Give {
		t.Errorf("A's gaps %+v are not B's swapped %+v", fromA.Total, fromB.Total)
	}
	quiet(a, "A comparing")

	// Tampered links: a sentence each, no comparison, and the worksheet
	// still scores.
	bad := []struct{ code, problem string }{
		{code[:len(code)-3], "truncated"},
		{code[:12] + map[bool]string{true: "B", false: "A"}[code[12] == 'A'] + code[13:], "altered"},
		{"not%20a%20code", "not-a-code"},
		{"9" + code[1:], "newer"},
	}
	other := *w.Model()
	other.Wording = "an earlier wording"
	earlier, _ := score.EncodeCode(&other, w.Slug, sb.a)
	bad = append(bad, struct{ code, problem string }{earlier, "other-version"})
	elsewhere, _ := score.EncodeCode(w.Model(), "weekly-gestures", sb.a)
	bad = append(bad, struct{ code, problem string }{elsewhere, "other-worksheet"})
	for _, tc := range bad {
		open(t, a, page+"#compare="+tc.code)
		a.Poll("the sentence for "+tc.problem, `[...document.querySelectorAll("[data-compare-problem]")].filter(p => p.checkVisibility()).map(p => p.getAttribute("data-compare-problem")).join() === "`+tc.problem+`"`, 10*time.Second)
		// Said to screen readers too: the sentence is far below.
		a.Poll("the sentence for "+tc.problem+" announced", `document.querySelector("[data-announce]").textContent === document.querySelector('[data-compare-problem="`+tc.problem+`"]').textContent.replace(/\s+/g, " ").trim()`, 5*time.Second)
		if got := browsertest.Eval[compared](a, comparedJS); got.Shown || len(got.Problems) != 1 {
			t.Errorf("%s link: comparison shown %v, sentences %v", tc.problem, got.Shown, got.Problems)
		}
		checkShown(t, a, sa, tc.problem+" link: the worksheet still works")
	}
	// A link changed in the page (a person pasting another one) is read too.
	a.Forget()
	s.forget()
	browsertest.Eval[bool](a, `(location.hash = "#compare=`+code[:10]+`", true)`)
	a.Poll("the sentence after a hash change", `document.querySelector('[data-compare-problem="truncated"]').checkVisibility()`, 10*time.Second)
	a.Poll("the sentence after a hash change announced", `document.querySelector("[data-announce]").textContent.startsWith(document.querySelector('[data-compare-problem="truncated"]').textContent.trim().slice(0, 20))`, 5*time.Second)
	browsertest.Eval[bool](a, `(location.hash = "#compare=`+strings.TrimPrefix(linkB, page+"#compare=")+`", true)`)
	checkCompared(t, a, w, sa.a, sb.a, "A after the hash changed back")
	// A jump within the page (the skip link) keeps the comparison.
	// (hashchange comes a task later: once a listener added after the
	// page's has heard it, the page's has run.)
	browsertest.Eval[bool](a, `(addEventListener("hashchange", () => { window.__jumped = true; }, {once: true}), location.hash = "#main", true)`)
	a.Poll("the jump to #main", `window.__jumped === true`, 10*time.Second)
	time.Sleep(200 * time.Millisecond)
	checkCompared(t, a, w, sa.a, sb.a, "A after following the skip link")
	quiet(a, "A reading tampered links")

	// Keep this comparison (with the keyboard): it survives a reload
	// without the link; Clear my answers takes it, Undo brings it back.
	a.Do(chromedp.Focus(chromedp.CSS(`[data-action="keep"]`)))
	a.Key(kb.Enter)
	a.Poll("the comparison kept", `!!localStorage.getItem(document.querySelector("form[data-store-key]").getAttribute("data-store-key") + "#compare")`, 5*time.Second)
	if f := browsertest.Eval[string](a, `document.activeElement.closest("[data-kept]") ? "kept" : document.activeElement.tagName`); f != "kept" {
		t.Errorf("after Keep the focus is on %s, want the kept comparisons", f)
	}
	open(t, a, page)
	checkCompared(t, a, w, sa.a, sb.a, "A's kept comparison, without the link")
	if got := browsertest.Eval[compared](a, comparedJS); got.Notice != "" {
		t.Errorf("a kept comparison shows the link notice %q", got.Notice)
	}
	clearAnswers(t, a)
	if n := browsertest.Eval[int](a, `Object.keys(localStorage).length`); n != 0 {
		t.Errorf("after clearing, localStorage holds %d keys", n)
	}
	a.Poll("the comparison gone with the answers", `!document.querySelector("[data-compare]").checkVisibility() && !document.querySelector("[data-kept]").checkVisibility()`, 5*time.Second)
	undoClear(t, a)
	checkCompared(t, a, w, sa.a, sb.a, "A after Undo")

	// Remove the kept comparison (with the keyboard): Undo beside the
	// message brings it back, stored.
	stored := `!!localStorage.getItem(document.querySelector("form[data-store-key]").getAttribute("data-store-key") + "#compare")`
	a.Do(chromedp.Focus(chromedp.CSS(`[data-kept-list] [data-action="forget"]`)))
	a.Key(kb.Enter)
	a.Poll("the kept comparison removed", `!`+stored+` && document.querySelector("[data-kept-undo]").checkVisibility()`, 5*time.Second)
	a.Do(chromedp.Focus(chromedp.CSS(`[data-action="undo-forget"]`)))
	a.Key(kb.Enter)
	a.Poll("the kept comparison back", stored+` && !document.querySelector("[data-kept-undo]").checkVisibility() && document.querySelectorAll("[data-kept-list] li").length === 1`, 5*time.Second)
	if f := browsertest.Eval[string](a, `document.activeElement.closest("[data-kept]") ? "kept" : document.activeElement.tagName`); f != "kept" {
		t.Errorf("after Undo the focus is on %s, want the kept comparisons", f)
	}
	open(t, a, page)
	checkCompared(t, a, w, sa.a, sb.a, "A's kept comparison brought back")
	checkProblems(t, a, "comparing, A", nil)
	checkProblems(t, b, "comparing, B", nil)
}

// TestWorksheetCompareViews compares two people on "Does it feel fair?",
// whose pair offers "does not apply" and whose felt balance has areas: the
// comparison shows "na" answers and both felt balances side by side as
// package score computes them; with a saved result, the share link, the
// comparison and the chart read well at 1280, 375 and 320 px, light and
// dark, without sideways scrolling.
func TestWorksheetCompareViews(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fairSheet)
	page := s.URL("/", "worksheets/"+w.Slug+"/")
	a, b := browsertest.NewIsolated(t), browsertest.NewIsolated(t)
	open(t, a, page)
	sa := newSheet(w)
	answer(t, a, sa, "overall", "-3")
	answer(t, a, sa, "effort", "na")
	answer(t, a, sa, "attention", "2")
	answer(t, a, sa, "unwell.give", "na")
	answer(t, a, sa, "unwell.receive", "1")
	tick(t, a, sa, "i-did", "meal")
	tick(t, a, sa, "i-did", "arranged")
	tick(t, a, sa, "they-did", worksheet.NoneOption)
	link := shareLink(t, a, w, sa.a, page)

	open(t, b, link)
	sb := newSheet(w)
	answer(t, b, sb, "overall", "2")
	answer(t, b, sb, "keeping-track", "-2")
	answer(t, b, sb, "unwell.give", "3")
	answer(t, b, sb, "unwell.receive", "na")
	tick(t, b, sb, "they-did", "job")
	answer(t, b, sb, "ask-freely", "1")
	got := checkCompared(t, b, w, sb.a, sa.a, "B compares")
	if q := got.Questions["unwell"]; q["theirs-give"].Value != "na" || q["theirs-give"].Text != "Does not apply" || q["mine-receive"].Value != "na" {
		t.Errorf("the pair with does not apply: %+v", q)
	}
	if got.Total.Me["lean"] == got.Total.Them["lean"] || got.Total.Them["lean"] == "—" {
		t.Errorf("the felt balances side by side: %v and %v", got.Total.Me, got.Total.Them)
	}
	press(t, b, `[data-action="snapshot"]`)
	b.Poll("a result saved", `document.querySelector("[data-history-rows] tr") !== null`, 5*time.Second)
	shareLink(t, b, w, sb.a, page)
	for _, width := range []int{1280, 375, 320} {
		b.Viewport(int64(width), 800)
		for _, scheme := range []string{"light", "dark"} {
			b.ColorScheme(scheme)
			when := fmt.Sprintf("comparing at %d px", width)
			checkScheme(t, b, when, scheme)
			checkContrast(t, b, when, scheme)
			checkNarrow(t, b, when, scheme, width)
			shot(b, width, scheme)
			shotOf(t, b, "[data-more]", fmt.Sprintf("more-%d-%s", width, scheme))
		}
	}
	checkProblems(t, b, "comparing, B", nil)
	checkProblems(t, a, "comparing, A", nil)
}

// shotOf saves a screenshot of the element matching sel when
// MUTUAL_SCREENSHOTS is set, for a person to look at.
func shotOf(t *testing.T, tab *browsertest.Tab, sel, name string) {
	t.Helper()
	dir := browsertest.ScreenshotDir()
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tab.Context(), chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, t.Name()+"-"+name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
