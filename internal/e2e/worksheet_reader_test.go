//go:build browser

package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// TestWorksheetPromiseWithoutJavaScript: without scripts a worksheet saves
// nothing, so its page must not promise to keep the answers "so you can
// come back to them": it says, in the page's language, that this browser
// is not saving them. With scripts, the promise shows as before.
func TestWorksheetPromiseWithoutJavaScript(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	shown := `[...document.querySelectorAll(".ws-promise")].filter(p => p.checkVisibility()).map(p => p.textContent)`
	for _, path := range []string{"worksheets/give-and-take/", "es/worksheets/give-and-take/"} {
		for _, scripts := range []bool{true, false} {
			tab := browsertest.New(t)
			if !scripts {
				if _, err := chromedp.Call(tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
					t.Fatal(err)
				}
			}
			tab.Navigate(s.URL("/", path))
			want := browsertest.Eval[string](tab, `document.querySelector("[data-promise]").textContent`)
			if !scripts {
				want = browsertest.Eval[string](tab, `document.querySelector("[data-strings]").getAttribute("data-text-not-saving")`)
			}
			got := browsertest.Eval[[]string](tab, shown)
			if len(got) != 1 || got[0] != want {
				t.Errorf("%s with scripts %v: the page shows %q, want only %q", path, scripts, got, want)
			}
		}
	}
}
