//go:build browser

package e2e

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"mutual/internal/browsertest"
)

// componentsPage is a guide written as Hugo content: every callout (the
// shortcodes' and GitHub's alerts), tabs, details and expand, and a
// figure of an image beside the page.
const componentsPage = `+++
title = "Components"
description = "Every component the shortcodes draw."
+++
{{< hint info >}}An info box with a [link](receiving.md).{{< /hint >}}

{{% notice note %}}A note with ` + "`code`" + `.{{% /notice %}}

{{< callout tip >}}A tip.{{< /callout >}}

{{< alert type="warning" >}}A warning.{{< /alert >}}

{{< admonition danger "Mind this" >}}Danger.{{< /admonition >}}

> [!IMPORTANT]
> Something important, as a GitHub alert.

> [!CAUTION]
> A caution.

{{< tabs "how" >}}
{{< tab "In person" >}}Face to face.{{< /tab >}}
{{< tab "By letter, which takes a longer label" >}}On paper.{{< /tab >}}
{{< /tabs >}}

{{< details "More about it" >}}Hidden details.{{< /details >}}

{{% expand "Expand me" %}}Expanded *content*.{{% /expand %}}

{{< figure src="img/components.png" alt="A grey square" caption="A *figure* with a caption" >}}
`

// onePixelPNG is a 1x1 grey PNG.
const onePixelPNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3CCKjQAAAABJRU5ErkJggg=="

// TestShortcodeComponents builds the shipped site with a guide that uses
// each component shortcodes draw, and loads it as a reader would: in light
// and dark, at 1280 and 320 px, without a console error or a violation of
// the site's Content-Security-Policy, with AA contrast, no sideways
// scrolling, no request outside the site; the tabs switch with a click and
// the disclosures open.
func TestShortcodeComponents(t *testing.T) {
	t.Parallel()
	png, _ := base64.StdEncoding.DecodeString(onePixelPNG)
	dir := copySite(t, map[string]string{
		"content/guides/components.md":      componentsPage,
		"content/guides/img/components.png": string(png),
	})
	s, err := serveBuilt(t, dir)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	tab := browsertest.New(t)
	url := s.URL("guides/components/")
	tab.Viewport(1280, 800)
	if status := tab.Navigate(url); status != http.StatusOK {
		t.Fatalf("%s: status %d", url, status)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".prose .callout").length`); n != 7 {
		t.Errorf("%d callouts on the page, want 7", n)
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll(".prose figure img").length`); n != 1 {
		t.Errorf("%d figure images, want 1", n)
	}
	if w := browsertest.Eval[int](tab, `document.querySelector(".prose figure img").naturalWidth`); w != 1 {
		t.Errorf("the figure's image did not load (natural width %d)", w)
	}
	if body := browsertest.Eval[string](tab, `document.querySelector("main").innerText`); strings.Contains(body, "{{") {
		t.Errorf("the page shows shortcode text: %q", body)
	}
	for _, width := range []int{1280, 320} {
		tab.Viewport(int64(width), 800)
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			checkScheme(t, tab, "components", scheme)
			checkContrast(t, tab, "components", scheme)
			checkNarrow(t, tab, "components", scheme, width)
			shot(tab, width, scheme)
		}
	}
	// Tabs: the first panel shows; a click on the second label shows its
	// panel and hides the first.
	visible := `[...document.querySelectorAll(".tab-panel")].map(p => p.checkVisibility())`
	if got := browsertest.Eval[[]bool](tab, visible); len(got) != 2 || !got[0] || got[1] {
		t.Errorf("tab panels visible %v, want [true false]", got)
	}
	click(t, tab, `.tab:nth-child(2) .tab-label`)
	if got := browsertest.Eval[[]bool](tab, visible); len(got) != 2 || got[0] || !got[1] {
		t.Errorf("after a click on the second tab, panels visible %v, want [false true]", got)
	}
	// Details and expand: closed, then open on a click of their summary.
	if open := browsertest.Eval[[]bool](tab, `[...document.querySelectorAll("details.disclosure")].map(d => d.open)`); len(open) != 2 || open[0] || open[1] {
		t.Errorf("disclosures open %v, want two closed", open)
	}
	click(t, tab, `details.disclosure summary`)
	if open := browsertest.Eval[bool](tab, `document.querySelector("details.disclosure").open`); !open {
		t.Errorf("a click on the summary did not open the disclosure")
	}
	checkTraffic(t, tab, s, "components", "")
	checkProblems(t, tab, "components", nil)
}
