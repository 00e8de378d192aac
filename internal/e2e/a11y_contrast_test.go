//go:build browser

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
	"mutual/internal/score"
)

// contrastMode emulates a reader's system settings: prefers-contrast
// ("more" or "no-preference") in the light or dark scheme.
func contrastMode(t *testing.T, tab *browsertest.Tab, contrast, scheme string) {
	t.Helper()
	_, err := chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-contrast", Value: contrast}, {Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatalf("browser: prefers-contrast %s, %s: %v", contrast, scheme, err)
	}
	want := contrast == "more"
	if browsertest.Eval[bool](tab, `matchMedia("(prefers-contrast: more)").matches`) != want {
		t.Fatalf("prefers-contrast: more is not %v", want)
	}
}

// contrastJS measures the page as drawn: the lowest contrast of any
// visible text (outside code blocks) against what lies behind it,
// the lowest contrast of the borders of form controls, cards, entries,
// rules, worksheet questions and results against theirs, and links
// without an underline outside the header's framed navigation, buttons,
// tags, breadcrumbs and search results (whose title is underlined). Each
// lowest value names the element it was found on.
const contrastJS = `(() => {
` + browsertest.ColourJS + `	const behind = (el) => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const b = rgba(getComputedStyle(e).backgroundColor);
			if (b[3] > 0) layers.push(b);
			if (b[3] === 1) break;
		}
		let bg = rgba(getComputedStyle(document.body).backgroundColor);
		for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
		return bg;
	};
	const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
	const out = {text: 99, textAt: "", border: 99, borderAt: "", borders: 0, bare: []};
	for (const el of document.body.querySelectorAll("*")) {
		if (el.closest("svg, pre") || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
		const r = el.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1) continue;
		const st = getComputedStyle(el);
		if (Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) {
			const bg = behind(el), got = ratio(over(rgba(st.color), bg), bg);
			if (got < out.text) { out.text = got; out.textAt = name(el) + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + " " + st.color; }
		}
		if (el.matches("input:not([type=radio]):not([type=checkbox]), select, textarea, .card, .entry, hr, fieldset, .ws-question, .ws-results, .search-input") && parseFloat(st.borderTopWidth) > 0 && rgba(st.borderTopColor)[3] > 0) {
			const bg = behind(el.parentElement), got = ratio(over(rgba(st.borderTopColor), bg), bg);
			out.borders++;
			if (got < out.border) { out.border = got; out.borderAt = name(el) + " " + st.borderTopColor; }
		}
		if (el.matches("a[href]") && !el.closest(".site-nav, .languages, .skip-link, .search-result, .button, .site-title, .anchor, sup, .tag, .breadcrumbs") && !el.matches(".button, .skip-link, .anchor") && !st.textDecorationLine.includes("underline")) {
			if (out.bare.length < 5) out.bare.push(name(el) + " " + JSON.stringify(el.textContent.trim().slice(0, 30)));
		}
	}
	return out;
})()`

// ring focuses the first link in the page's main part, or its first
// field, and reads the width of its focus ring (before any click: after
// one, focus() shows no ring).
const ring = `(() => {
	const el = document.querySelector("main p a[href], main li a[href]:not(.card-title a), main input:not([type=radio])");
	if (!el) return "no link";
	el.focus();
	const w = getComputedStyle(el).outlineWidth;
	el.blur();
	return w === "4px" || w === "3px" && !matchMedia("(prefers-contrast: more)").matches ? w : w + " on " + el.outerHTML.slice(0, 80);
})()`

// calloutsPage is a guide with a callout box of each kind.
const calloutsPage = `---
title: Boxes
date: 2026-01-01
---
> [!NOTE]
> A note to read.

> [!TIP]
> A tip to try.

> [!IMPORTANT]
> Something that matters.

> [!WARNING]
> Something to watch.

> [!CAUTION]
> Something to avoid.

{{< callout type="info" >}}
Some information.
{{< /callout >}}
`

type contrastSeen struct {
	Text     float64  `json:"text"`
	TextAt   string   `json:"textAt"`
	Border   float64  `json:"border"`
	BorderAt string   `json:"borderAt"`
	Borders  int      `json:"borders"`
	Bare     []string `json:"bare"`
}

// TestContrastMore: a reader whose system asks for more contrast gets it
// on every kind of page, light and dark: all text (secondary text too) at
// 7:1 or more against what lies behind it, the borders of fields, cards,
// entries and rules at 3:1 or more, a thicker focus ring and underlined
// links; without the setting, the theme's colours are those it always had.
func TestContrastMore(t *testing.T) {
	t.Parallel()
	// The shipped guides have no callout box: a page of them, every kind.
	s := newWSServer(t)
	s.build(t, copySite(t, map[string]string{"content/guides/callouts.md": calloutsPage}), "/", "")
	w := parseWorksheet(t, giveAndTake)
	code, err := score.EncodeCode(w.Model(), w.Slug, score.Answers{"listening.give": 1, "listening.receive": 4})
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Viewport(1280, 900)
	pages := []struct {
		name, path string
		results    bool
	}{
		{"home", "", false},
		{"list", "guides/", false},
		{"guide", "guides/receiving/", false},
		{"callouts", "guides/callouts/", false},
		{"worksheet", "worksheets/give-and-take/", false},
		{"results", "worksheets/give-and-take/", true},
		{"compare", "worksheets/give-and-take/#compare=" + code, true},
		{"search", "search/?q=receiving", false},
		{"404", "no-such-page/", false},
	}
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			// Normal mode keeps the theme's colours.
			contrastMode(t, tab, "no-preference", scheme)
			tab.Navigate(s.URL("/", ""))
			normal := map[string]string{"light": "#56605f #85837b 3px", "dark": "#a7b0ac #6e7a78 3px"}[scheme]
			if got := browsertest.Eval[string](tab, `["--muted", "--border"].map(v => getComputedStyle(document.documentElement).getPropertyValue(v).trim()).join(" ")`) + " " + browsertest.Eval[string](tab, ring); got != normal {
				t.Errorf("without prefers-contrast: --muted, --border and the focus ring are %q, want %q", got, normal)
			}

			contrastMode(t, tab, "more", scheme)
			for _, p := range pages {
				tab.Do(chromedp.Navigate("about:blank"))
				tab.Navigate(s.URL("/", p.path))
				if p.name == "worksheet" || p.name == "results" || p.name == "compare" {
					waitScorer(t, tab, "ready")
				}
				if ring := browsertest.Eval[string](tab, ring); ring != "4px" {
					t.Errorf("%s, %s, more contrast: the focus ring is %s, want 4px", p.name, scheme, ring)
				}
				if p.results {
					answer(t, tab, nil, "listening.give", "4")
					answer(t, tab, nil, "listening.receive", "1")
					waitScored(t, tab)
					tab.Poll("the chart", `document.querySelector("[data-results] [data-chart] .ws-chart-receive") !== null`, 5*time.Second)
				}
				if p.name == "search" {
					tab.Poll("search results", `document.querySelector(".search-result") !== null`, 10*time.Second)
				}
				got := browsertest.Eval[contrastSeen](tab, contrastJS)
				if got.Text < 7 {
					t.Errorf("%s, %s, more contrast: text at %.2f:1, want 7 or more: %s", p.name, scheme, got.Text, got.TextAt)
				}
				if got.Borders > 0 && got.Border < 3 {
					t.Errorf("%s, %s, more contrast: a border at %.2f:1, want 3 or more: %s", p.name, scheme, got.Border, got.BorderAt)
				}
				if len(got.Bare) > 0 {
					t.Errorf("%s, %s, more contrast: links without an underline: %v", p.name, scheme, got.Bare)
				}
				tab.Screenshot("more-" + scheme + "-" + p.name)
				if p.results {
					clearAnswers(t, tab)
				}
			}
		})
	}
}
