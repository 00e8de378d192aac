//go:build browser

package e2e

import (
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// TestPrintedScoresLine: a blank worksheet printed as a handout ends by
// saying where answers given on paper get their scores (the worksheet's
// own address, in the page's language); a filled one prints its results
// instead, and a cleared one the line again. Never on screen.
func TestPrintedScoresLine(t *testing.T) {
	t.Parallel()
	srv := newWSServer(t)
	srv.build(t, root, "/", "")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	const line = `(() => {
		const p = document.querySelector(".ws-printed-scores");
		return p.checkVisibility() ? p.textContent : "";
	})()`
	for _, tt := range []struct{ path, words string }{
		{"worksheets/give-and-take/", "Your scores: enter these answers at "},
		{"es/worksheets/give-and-take/", "Sus puntuaciones: introduzca estas respuestas en "},
	} {
		want := tt.words + srv.URL("/", tt.path)
		tab.Navigate(srv.URL("/", tt.path))
		waitScorer(t, tab, "ready")
		if got := browsertest.Eval[string](tab, line); got != "" {
			t.Errorf("%s: the scores line shows on screen: %q", tt.path, got)
		}
		tab.Media("print")
		if got := browsertest.Eval[string](tab, line); !strings.HasPrefix(got, want) {
			t.Errorf("%s, blank, printed: scores line %q, want it to start %q", tt.path, got, want)
		}
		tab.Media("")
		pages := printed(t, tab, papers[0], tt.path+"blank")
		if last := pages[len(pages)-1] + pages[max(0, len(pages)-2)]; !strings.Contains(strings.Join(pages, ""), strings.ToLower(squeeze(want))) {
			t.Errorf("%s, blank, on %s: no %q near the end:\n%s", tt.path, papers[0].name, want, last)
		}
		answer(t, tab, newSheet(w), "listening.give", "3")
		waitScored(t, tab)
		tab.Media("print")
		if got := browsertest.Eval[string](tab, line); got != "" {
			t.Errorf("%s, filled in, printed: the scores line shows beside the results: %q", tt.path, got)
		}
		tab.Media("")
		clearAnswers(t, tab)
		tab.Poll("the results of no answers", `document.querySelector("[data-results]").getAttribute("data-answered") === "0"`, 5*time.Second)
		tab.Media("print")
		if got := browsertest.Eval[string](tab, line); !strings.HasPrefix(got, want) {
			t.Errorf("%s, cleared, printed: scores line %q, want it back", tt.path, got)
		}
		tab.Media("")
	}
	checkProblems(t, tab, "printed scores line", nil)
}

// TestPrintedScoresLineCostsNoSheet: the scores line of a blank handout
// takes no sheet of its own on the shipped worksheets, in English and
// Spanish, on A4 and Letter: each prints on as many sheets as without it
// (the help block that ends the page went to a sheet of its own before
// the line and the footer were made tighter on paper).
func TestPrintedScoresLineCostsNoSheet(t *testing.T) {
	t.Parallel()
	srv := newWSServer(t)
	srv.build(t, root, "/", "")
	tab := browsertest.New(t)
	for _, lang := range []string{"", "es/"} {
		for _, w := range []string{"give-and-take", "does-it-feel-fair", "open-to-receiving", "weekly-gestures"} {
			path := lang + "worksheets/" + w + "/"
			for _, p := range papers {
				tab.Navigate(srv.URL("/", path))
				waitScorer(t, tab, "ready")
				with := len(printed(t, tab, p, path+"with"))
				browsertest.Eval[bool](tab, `document.querySelector(".ws-printed-scores").remove() === undefined`)
				without := len(printed(t, tab, p, path+"without"))
				if with != without {
					t.Errorf("%s on %s: %d sheets with the scores line, %d without", path, p.name, with, without)
				}
			}
		}
	}
}
