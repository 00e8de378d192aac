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

// chartAskedJS counts the times the results' chart is measured while the
// page handles a message from the scorer's worker: each would make the
// browser lay out the page at once, in that task (a forced layout).
const chartAskedJS = `(() => {
	window.chartAsked = 0;
	const measure = Element.prototype.getBoundingClientRect;
	let inMessage = false;
	Element.prototype.getBoundingClientRect = function () {
		if (inMessage && this.matches("[data-chart]")) window.chartAsked++;
		return measure.call(this);
	};
	Object.defineProperty(Worker.prototype, "onmessage", {
		set(fn) {
			this.addEventListener("message", (e) => {
				inMessage = true;
				try { fn.call(this, e); } finally { inMessage = false; }
			});
		},
	});
})()`

// TestWorksheetChartWidth: the results' chart learns its width from a
// ResizeObserver (so a result that comes in never makes the page lay out
// at once: the chart is not measured while the page handles the scorer's
// message), and is drawn for the width it is shown at: below the form on
// a phone, scrolled to, and beside the form on a wide screen, after the
// window changes either way; and it shows the scores the page shows.
func TestWorksheetChartWidth(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	ws := newSheet(w)
	tab := browsertest.New(t)
	initScript(t, tab, chartAskedJS)
	tab.Viewport(600, 800)
	tab.Navigate(s.URL("/", "worksheets/"+w.Slug+"/"))
	waitScorer(t, tab, "ready")
	answer(t, tab, ws, "listening.give", "3")
	waitScored(t, tab)
	browsertest.Eval[bool](tab, `(document.getElementById("ws-results").scrollIntoView(), true)`)
	tab.Poll("the chart drawn for the results' width below the form", chartFitsJS, 5*time.Second)
	checkShown(t, tab, ws, "scrolled to the results")
	tab.Viewport(1280, 800)
	tab.Poll("the chart drawn for the results' width beside the form", chartFitsJS, 5*time.Second)
	answer(t, tab, ws, "listening.receive", "1")
	waitScored(t, tab)
	tab.Poll("the chart redrawn beside the form", chartFitsJS, 5*time.Second)
	tab.Viewport(360, 800)
	tab.Poll("the chart drawn for the results' width on a phone", chartFitsJS, 5*time.Second)
	checkShown(t, tab, ws, "on a phone")
	if n := browsertest.Eval[int](tab, `window.chartAsked`); n != 0 {
		t.Errorf("the chart was measured %d times while a result came in (a forced layout each)", n)
	}
	checkProblems(t, tab, "the chart's width", nil)
}
