//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// forcedColors emulates Windows high contrast (forced-colors: active)
// with the light or the dark palette, which chromium then paints with.
func forcedColors(t *testing.T, tab *browsertest.Tab, scheme string) {
	t.Helper()
	_, err := chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("browser: forced colors, %s: %v", scheme, err)
	}
	if !browsertest.Eval[bool](tab, `matchMedia("(forced-colors: active)").matches`) {
		t.Fatal("forced colors are not on")
	}
}

// keyJS reads the chart's key and bars: the colour of each swatch and of
// the first bar it names.
const keyJS = `(() => {
	const out = {};
	for (const side of ["give", "receive"]) {
		const key = document.querySelector("[data-results] .ws-key-" + side);
		const bar = document.querySelector("[data-results] [data-chart] .ws-chart-" + side);
		out[side + "-key"] = key ? getComputedStyle(key, "::before").borderTopColor : "none";
		out[side + "-bar"] = bar ? getComputedStyle(bar).fill : "none";
	}
	return out;
})()`

// TestSettingsForcedColors: in Windows high contrast, light and dark, the
// chart's key still tells its bars apart (each swatch has the colour of
// the bars it names, which forced colors leave as they are), and a chosen
// answer's frame stands out from the others' in the highlight colour,
// not only by its small dot; in the header only the current section and
// language are framed.
func TestSettingsForcedColors(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			forcedColors(t, tab, scheme)
			tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
			waitScorer(t, tab, "ready")
			answer(t, tab, nil, "listening.give", "4")
			answer(t, tab, nil, "listening.receive", "1")
			waitScored(t, tab)
			tab.Poll("the chart's bars", `document.querySelector("[data-results] [data-chart] .ws-chart-receive") !== null`, 5*time.Second)
			got := browsertest.Eval[map[string]string](tab, keyJS)
			for _, side := range []string{"give", "receive"} {
				if got[side+"-key"] != got[side+"-bar"] {
					t.Errorf("the key's %q swatch is %s, its bars %s", side, got[side+"-key"], got[side+"-bar"])
				}
			}
			if got["give-key"] == got["receive-key"] {
				t.Errorf("the key's swatches are both %s", got["give-key"])
			}
			clearAnswers(t, tab)

			tab.Navigate(s.URL("/", "worksheets/open-to-receiving/"))
			waitScorer(t, tab, "ready")
			answer(t, tab, nil, "compliments", "1")
			frames := browsertest.Eval[[]string](tab, `[...document.querySelectorAll('input[name="compliments"]')].map(r => getComputedStyle(r.closest("label")).borderTopColor)`)
			if len(frames) < 3 {
				t.Fatalf("compliments: %d options", len(frames))
			}
			if frames[1] == frames[0] || frames[1] == frames[2] {
				t.Errorf("the chosen option's frame is %s, the others' %s and %s", frames[1], frames[0], frames[2])
			}
			clearAnswers(t, tab)

			// The header: only the current section and language are framed.
			tab.Navigate(s.URL("/", "guides/receiving/"))
			for _, nav := range []string{".site-nav", ".languages"} {
				got := browsertest.Eval[map[string]string](tab, `(nav => {
					const bg = getComputedStyle(document.body).backgroundColor, out = {};
					for (const a of nav.querySelectorAll("a")) out[a.textContent.trim()] = getComputedStyle(a).borderTopColor === bg ? "unframed" : (a.getAttribute("aria-current") === "page" ? "current, framed" : "framed");
					return out;
				})(document.querySelector("`+nav+`"))`)
				current := 0
				for name, how := range got {
					switch how {
					case "current, framed":
						current++
					case "framed":
						t.Errorf("%s: %q is framed like the current item", nav, name)
					}
				}
				if current != 1 {
					t.Errorf("%s: %d framed current items, want 1: %v", nav, current, got)
				}
			}
		})
	}
	checkProblems(t, tab, "forced colors", nil)
}
