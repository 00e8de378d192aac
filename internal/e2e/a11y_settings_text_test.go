//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// fontSize sets the tab's default text size, as a reader with low vision
// does in the browser's settings (16 px is the usual one). Media queries
// in rem follow it, as they do in a browser so set.
func fontSize(t *testing.T, tab *browsertest.Tab, px int64) {
	t.Helper()
	if _, err := chromedp.Call(tab.Context(), cdppage.SetFontSizes, cdppage.SetFontSizesParams{FontSizes: &cdppage.FontSizes{Standard: px, Fixed: 13}}); err != nil {
		t.Fatalf("browser: font size %d: %v", px, err)
	}
}

// spillJS lists the worksheet's boxes whose own text runs out of them:
// an option or checklist label wider inside than its frame, a question's
// or section's legend wider than its fieldset, a column name wider than
// its cell, a table box that has to scroll; and the page scrolling
// sideways.
const spillJS = `(() => {
	const out = [];
	const name = el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : "") + " " + JSON.stringify(el.textContent.trim().slice(0, 30));
	const de = document.documentElement;
	if (de.scrollWidth > de.clientWidth) out.push("the page scrolls sideways: " + de.scrollWidth + " px in " + de.clientWidth);
	for (const el of document.querySelectorAll(".ws-options > label, label.ws-option, .ws-check, .ws-area-table thead th")) {
		if (el.checkVisibility() && el.scrollWidth > el.clientWidth + 1) out.push(name(el) + ": " + el.scrollWidth + " px of text in " + el.clientWidth);
	}
	for (const el of document.querySelectorAll("fieldset > legend")) {
		const f = el.parentElement.getBoundingClientRect(), l = el.getBoundingClientRect();
		if (el.checkVisibility() && (l.right > f.right + 1 || l.left < f.left - 1)) out.push(name(el) + ": " + Math.round(l.left) + "–" + Math.round(l.right) + " outside its fieldset " + Math.round(f.left) + "–" + Math.round(f.right));
	}
	for (const el of document.querySelectorAll(".ws-areas .ws-table-scroll")) {
		if (el.checkVisibility() && el.scrollWidth > el.clientWidth) out.push(name(el) + ": the table scrolls, " + el.scrollWidth + " px in " + el.clientWidth);
	}
	return out;
})()`

// TestSettingsLargeText: a reader whose browser shows text at 20 or 24 px
// (instead of 16) on a 320 px phone, or at 400% zoom, gets every
// worksheet whole: short scales, chosen to be one row at 16 px, stack
// when the row would run off the screen; long option labels and section
// titles ("Uncomfortable", "Communication") break rather than stick out
// of their frames; the page never scrolls sideways.
func TestSettingsLargeText(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	for _, sheet := range []string{"give-and-take", "does-it-feel-fair", "open-to-receiving", "weekly-gestures"} {
		for _, tc := range []struct {
			width int64
			font  int64
		}{
			{320, 20}, {320, 24}, {360, 24}, {640, 24},
		} {
			t.Run(fmt.Sprintf("%s/%dpx/%dpx-text", sheet, tc.width, tc.font), func(t *testing.T) {
				tab.Viewport(tc.width, 800)
				fontSize(t, tab, tc.font)
				tab.Navigate(s.URL("/", "worksheets/"+sheet+"/"))
				waitScorer(t, tab, "ready")
				for _, bad := range browsertest.Eval[[]string](tab, spillJS) {
					t.Error(bad)
				}
				tab.Screenshot(fmt.Sprintf("%s-%d-%d", sheet, tc.width, tc.font))
			})
		}
	}
	fontSize(t, tab, 16)
	checkProblems(t, tab, "large text", nil)
}

// TestSettingsLongWords: in the theme's languages whose words run long
// (German above all: "Bekommen", "Ausgleich", "Gefühlter Ausgleich"), the
// results table of a filled-in worksheet keeps its column names in their
// columns at 320 px, and no box of the worksheet has text sticking out.
func TestSettingsLongWords(t *testing.T) {
	t.Parallel()
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copySite(t, map[string]string{
		"content/site.yaml": strings.Replace(string(cfg), "theme: default", "  - {code: de, name: Deutsch}\n  - {code: fr, name: Français}\n  - {code: pt, name: Português}\ntheme: default", 1),
	})
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.New(t)
	tab.Viewport(320, 800)
	outer := t // shotOf names its file after the test, which a subtest's slash would make a folder
	for _, lang := range []string{"de", "fr", "pt", "es"} {
		t.Run(lang, func(t *testing.T) {
			tab.Navigate(srv.URL("/", lang+"/worksheets/does-it-feel-fair/"))
			waitScorer(t, tab, "ready")
			answer(t, tab, nil, "effort", "2")
			answer(t, tab, nil, "attention", "-3")
			answer(t, tab, nil, "unwell.give", "3")
			answer(t, tab, nil, "unwell.receive", "1")
			waitScored(t, tab)
			tab.Poll("the results table", `document.querySelector(".ws-areas .ws-table-scroll").checkVisibility()`, 5*time.Second)
			for _, bad := range browsertest.Eval[[]string](tab, spillJS) {
				t.Error(bad)
			}
			shotOf(outer, tab, ".ws-areas .ws-table-scroll", "table-"+lang)
			clearAnswers(t, tab)
		})
	}
	checkProblems(t, tab, "long words", nil)
}

// textSpacingJS adds WCAG 1.4.12's text spacing to the page the way a
// reader's bookmarklet or extension does, as a stylesheet of the reader's
// own (a constructed one, which the page's CSP has no say over): line
// height 1.5, letter spacing 0.12em, word spacing 0.16em, paragraphs 2em
// apart.
const textSpacingJS = `(() => {
	const sheet = new CSSStyleSheet();
	sheet.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }");
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	return getComputedStyle(document.body).letterSpacing !== "normal";
})()`

// overlapJS lists the labels of a row of choices whose text runs into
// the next one's.
const overlapJS = `(() => {
	const out = [];
	// ink is the box of what a label shows, its text and its radio, which
	// may be wider than the label's own box.
	// (Text for screen readers only, visually hidden, does not count.)
	const ink = el => {
		const box = {left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity};
		const add = r => { if (r.width || r.height) { box.left = Math.min(box.left, r.left); box.right = Math.max(box.right, r.right); box.top = Math.min(box.top, r.top); box.bottom = Math.max(box.bottom, r.bottom); } };
		const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			if (!n.textContent.trim() || n.parentElement.closest(".visually-hidden")) continue;
			const r = document.createRange();
			r.selectNodeContents(n);
			add(r.getBoundingClientRect());
		}
		el.querySelectorAll("input").forEach(i => add(i.getBoundingClientRect()));
		return box;
	};
	for (const row of document.querySelectorAll(".ws-options.ws-row")) {
		if (!row.checkVisibility()) continue;
		const labels = [...row.children].filter(l => l.tagName === "LABEL" && !l.classList.contains("ws-option-na"));
		for (let i = 1; i < labels.length; i++) {
			const a = ink(labels[i - 1]), b = ink(labels[i]);
			const rtl = getComputedStyle(row).direction === "rtl";
			const sameLine = a.top < b.bottom && b.top < a.bottom;
			if (sameLine && (rtl ? b.right > a.left + 0.5 : b.left < a.right - 0.5)) {
				out.push(JSON.stringify(labels[i - 1].textContent.trim()) + " runs into " + JSON.stringify(labels[i].textContent.trim()) + " (" + row.closest("[data-question]").getAttribute("data-question") + ")");
			}
		}
	}
	return out;
})()`

// TestSettingsTextSpacing: with WCAG 1.4.12's text spacing, the labels of
// a row of choices never run into each other (the columns of a row used
// to shrink to 1.5rem when the row did not fit, and "Never" and "Rarely"
// were printed over each other), a row that no longer fits stacks so that
// the page does not scroll sideways, and nothing of a worksheet is cut
// off by a box that hides what overflows it.
func TestSettingsTextSpacing(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	for _, sheet := range []string{"give-and-take", "does-it-feel-fair", "open-to-receiving", "weekly-gestures"} {
		for _, width := range []int64{320, 375, 640, 1280} {
			t.Run(fmt.Sprintf("%s/%dpx", sheet, width), func(t *testing.T) {
				tab.Viewport(width, 800)
				tab.Navigate(s.URL("/", "worksheets/"+sheet+"/"))
				waitScorer(t, tab, "ready")
				if !browsertest.Eval[bool](tab, textSpacingJS) {
					t.Fatal("the text spacing did not apply")
				}
				// The page stacks, in the next frames, each row that no
				// longer fits.
				tab.Poll("no sideways scrolling", `(de => de.scrollWidth <= de.clientWidth)(document.documentElement)`, 3*time.Second)
				for _, bad := range browsertest.Eval[[]string](tab, overlapJS) {
					t.Error(bad)
				}
				clipped := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("body *")].filter(el => {
					const cs = getComputedStyle(el);
					return /hidden|clip/.test(cs.overflowX + cs.overflowY) && !el.closest(".visually-hidden, [hidden]") && el.checkVisibility() && el.clientWidth > 1 && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
				}).map(el => el.tagName + "." + el.className + " " + JSON.stringify(el.textContent.trim().slice(0, 30)))`)
				for _, c := range clipped {
					t.Errorf("cut off: %s", c)
				}
			})
		}
	}
	checkProblems(t, tab, "text spacing", nil)
}
