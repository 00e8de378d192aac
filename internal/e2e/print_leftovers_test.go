//go:build browser

package e2e

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// TestPrintedBandNeeded: a partly answered worksheet has no result band
// yet; the sentence the screen shows instead (how many more answers it
// needs) prints too, on A4 and Letter, so the paper says why there is
// no band.
func TestPrintedBandNeeded(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	answer(t, tab, nil, "listening.give", "3")
	waitScored(t, tab)
	tab.Poll("the sentence on how many answers are needed", `(p => !!p && p.checkVisibility() && p.textContent.trim() !== "")(document.querySelector("[data-band-needed]"))`, 5*time.Second)
	needed := browsertest.Eval[string](tab, `document.querySelector("[data-band-needed]").textContent`)
	want := strings.ToLower(squeeze(needed))
	for _, p := range papers {
		got := strings.Join(printed(t, tab, p, "give-and-take partly answered"), "")
		if !strings.Contains(got, want) {
			t.Errorf("partly answered, on %s: %q is not printed", p.name, needed)
		}
	}
	clearAnswers(t, tab)
	checkProblems(t, tab, "give-and-take partly answered", nil)
}

// ruledLines counts the ruled lines in a PNG: runs of rows whose pixels
// are mostly dark, across most of the width.
func ruledLines(t *testing.T, shot []byte) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	lines, in := 0, false
	for y := b.Min.Y; y < b.Max.Y; y++ {
		dark := 0
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0xa000 {
				dark++
			}
		}
		rule := dark > (b.Dx())*8/10
		if rule && !in {
			lines++
		}
		in = rule
	}
	return lines
}

// TestPrintedReflectionLines: in print, a reflection question leaves
// room to write by hand, three ruled lines or more on a blank handout
// (and backgrounds kept on paper, as the lines are drawn so); a filled
// one prints all its text.
func TestPrintedReflectionLines(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	tab.Navigate(s.URL("/", "worksheets/give-and-take/"))
	waitScorer(t, tab, "ready")
	const box = `textarea[name="thank-them-for"]`
	_, err := chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(tab.Context(), chromedp.Screenshot(chromedp.CSS(box)))
	if err != nil {
		t.Fatal(err)
	}
	if n := ruledLines(t, shot); n < 3 {
		t.Errorf("a blank reflection prints %d ruled lines, want 3 or more", n)
	}
	if got := browsertest.Eval[string](tab, `getComputedStyle(document.querySelector('`+box+`')).printColorAdjust`); got != "exact" {
		t.Errorf("a reflection's print-color-adjust is %q: the printer may drop its lines", got)
	}
	tab.Screenshot("print-blank")
	_, err = chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	if err != nil {
		t.Fatal(err)
	}

	text := "Cooking on the evenings I work late. Asking how my mother is, every week, and listening to the answer. " +
		"Remembering the small things I told them in passing, and bringing them up again later, which tells me they heard."
	tab.Do(chromedp.SendKeys(chromedp.CSS(box), text))
	tab.Poll("the note kept", `document.querySelector('`+box+`').value.length > 100`, 5*time.Second)
	for _, p := range papers {
		got := strings.Join(printed(t, tab, p, "give-and-take reflection"), "")
		if want := strings.ToLower(squeeze(text)); !strings.Contains(got, want) {
			t.Errorf("a filled reflection on %s: its text is not all printed", p.name)
		}
	}
	clearAnswers(t, tab)
	checkProblems(t, tab, "give-and-take reflection", nil)
}
