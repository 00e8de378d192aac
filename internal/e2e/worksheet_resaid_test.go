//go:build browser

package e2e

import (
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// TestWorksheetSaidAgain saves today's result three times: each save says
// its sentence in the history's status line (role=status), and the third
// ("... in place of the earlier one.") is the very sentence the line holds. Some screen reader and
// browser pairs announce only a change of text: the page empties the line,
// then says the sentence again a moment later, so that it is seen to
// change (a MutationObserver records its text after each change: empty,
// then the sentence). Before, the third save wrote the same text over
// itself. (A file refused twice for the same reason went through empty
// already: choosing a file hides the last refusal first.)
func TestWorksheetSaidAgain(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, fairSheet)
	tab := browsertest.NewIsolated(t)
	open(t, tab, s.URL("/", "worksheets/"+w.Slug+"/"))
	answer(t, tab, newSheet(w), "overall", "1")
	waitScored(t, tab)
	const status = `document.querySelector("[data-more-status]")`
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the first save said", status+`.textContent === "Today's result is saved."`, 5*time.Second)
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the second save said", status+`.textContent === "Today's result is saved, in place of the earlier one."`, 5*time.Second)
	browsertest.Eval[bool](tab, `(() => {
		const el = `+status+`;
		window.seen = [];
		new MutationObserver(() => window.seen.push(el.textContent)).observe(el, {childList: true, characterData: true, subtree: true});
		return true;
	})()`)
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the third save said", `window.seen.length > 0 && `+status+`.textContent !== ""`, 5*time.Second)
	time.Sleep(300 * time.Millisecond) // anything more the page does
	seen := browsertest.Eval[[]string](tab, `window.seen`)
	last := browsertest.Eval[string](tab, status+`.textContent`)
	if last != "Today's result is saved, in place of the earlier one." {
		t.Fatalf("the third save says %q", last)
	}
	if len(seen) < 2 || seen[0] != "" || seen[len(seen)-1] != last {
		t.Errorf("the status line, given the sentence it held again, went through %q; want it emptied, then %q", seen, last)
	}
	checkProblems(t, tab, "today's result saved twice", nil)
}
