//go:build browser

package e2e

import (
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// chartFitsJS is true once the results' chart is drawn for the width it
// is shown at (one viewBox unit per CSS pixel), with its bars.
const chartFitsJS = `(s => s.getBoundingClientRect().width > 0 && Math.abs(s.viewBox.baseVal.width - s.getBoundingClientRect().width) < 2 && s.querySelectorAll("rect.ws-chart-bar").length > 0)(document.querySelector("[data-chart]"))`

// TestWorksheetLongPage holds what the browser skips on a long worksheet
// to what a person sees: the questions and results off screen are neither
// laid out nor painted until they come near it (content-visibility), and
// the chart learns its width without making the page lay out at once
// (ResizeObserver). A result that comes in while the results are off
// screen is drawn for their width once they are scrolled to, and again
// when the window changes; a question far down takes the focus and shows;
// and printing shows every question and the results.
func TestWorksheetLongPage(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	ws := newSheet(w)
	tab := browsertest.New(t)
	tab.Viewport(600, 800)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")

	if !browsertest.Eval[bool](tab, `[...document.querySelectorAll(".ws-question, .ws-results")].every(e => getComputedStyle(e).contentVisibility === "auto")`) {
		t.Errorf("the questions and the results are not content-visibility: auto")
	}
	answer(t, tab, ws, "feel-valued", "4")
	waitScored(t, tab)
	if !browsertest.Eval[bool](tab, `(r => r.getBoundingClientRect().top > innerHeight)(document.getElementById("ws-results"))`) {
		t.Fatalf("the results are on screen at 600 px: this test wants them below")
	}
	browsertest.Eval[bool](tab, `(document.getElementById("ws-results").scrollIntoView(), true)`)
	tab.Poll("the chart drawn for the results' width, once scrolled to", chartFitsJS, 5*time.Second)
	checkShown(t, tab, ws, "scrolled to the results")
	tab.Viewport(1280, 800)
	tab.Poll("the chart drawn for the results' width beside the form", chartFitsJS, 5*time.Second)
	tab.Viewport(600, 800)
	tab.Poll("the chart drawn for the results' width below the form", chartFitsJS, 5*time.Second)

	// A question far below takes the focus, and shows.
	browsertest.Eval[bool](tab, `(window.scrollTo(0, 0), true)`)
	last := `[...document.querySelectorAll(".ws-question")].pop().querySelector("input, textarea")`
	browsertest.Eval[bool](tab, `(`+last+`.focus(), true)`)
	if !browsertest.Eval[bool](tab, `(e => document.activeElement === e && e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().bottom > 0 && e.getBoundingClientRect().top < innerHeight)(`+last+`)`) {
		t.Errorf("the last question's field, focused, is not on screen")
	}

	// Paper shows everything.
	tab.Media("print")
	if n := browsertest.Eval[int](tab, `[...document.querySelectorAll(".ws-question, .ws-results")].filter(e => getComputedStyle(e).contentVisibility !== "visible").length`); n != 0 {
		t.Errorf("printed, %d questions or results may be skipped (content-visibility not visible)", n)
	}
	tab.Media("")
	checkProblems(t, tab, "a long worksheet", nil)
}
