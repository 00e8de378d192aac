//go:build browser

package shortcode

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/browsertest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// demoPage is a page with every component the default theme's shortcodes
// and GitHub alerts draw.
const demoPage = `# Components

{{% notice note %}}
A note with a [link](listening.md) and ` + "`code`" + `.
{{% /notice %}}

{{< hint info >}}
An info box.
{{< /hint >}}

{{< callout tip >}}
A tip.
{{< /callout >}}

{{% alert color="important" %}}
Something important.
{{% /alert %}}

{{< admonition warning "Mind this" >}}
A warning.
{{< /admonition >}}

{{% notice danger %}}
Danger.
{{% /notice %}}

{{< admonition caution "Folded" false >}}
Folded away.
{{< /admonition >}}

{{< tabs "os" >}}
{{< tab "Linux" >}}
Linux panel.
{{< /tab >}}
{{< tab "Windows" >}}
Windows panel.
{{< /tab >}}
{{< tab "Paper and pencil, which takes a longer label" >}}
Paper panel.
{{< /tab >}}
{{< /tabs >}}

{{< details summary="Details" >}}
Hidden details.
{{< /details >}}

{{% expand "Expand me" %}}
Expanded content.
{{% /expand %}}

{{< figure src="img/photo.png" alt="A grey square" caption="A *figure*" >}}

{{< columns >}}
Left column, with enough words in it to wrap on a narrow screen.
<--->
Right column.
{{< /columns >}}

{{% button href="https://example.org/" %}}A button{{% /button %}}

{{% children description="true" %}}
`

// pageHTML wraps rendered content in a page that loads the default theme's
// main.css (which holds the components' styles) under a strict Content-Security-Policy, the
// way the site's layouts do.
func pageHTML(content string) string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Components</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<main id="main"><div class="wrap"><article class="page"><div class="prose">
` + content + `
</div></article></div></main>
</body>
</html>
`
}

// onePixelPNG is a 1x1 grey PNG.
const onePixelPNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCB3CCKjQAAAABJRU5ErkJggg=="

// serveDemo renders demoPage and serves it with the theme's stylesheets.
func serveDemo(t *testing.T) string {
	t.Helper()
	r := runPipeline(t, "content/demo.md", demoPage, 0, newTestSet(t, builtinFiles(t)), newTestPage())
	if len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, css := range []string{"main.css"} {
		b, err := os.ReadFile("../../themes/default/static/css/" + css)
		if err != nil {
			t.Fatal(err)
		}
		write("css/"+css, b)
	}
	icon, err := os.ReadFile("../../themes/default/static/favicon.svg")
	if err != nil {
		t.Fatal(err)
	}
	write("favicon.svg", icon)
	png, _ := base64.StdEncoding.DecodeString(onePixelPNG)
	write("guides/img/photo.png", png)
	write("index.html", []byte(pageHTML(r.html)))
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'")
		files.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// TestComponentsInBrowser loads the page in chromium, in light and dark,
// 1024 and 320 px wide: no console error or CSP violation, AA contrast
// for every text, no sideways scrolling, each callout kind its own colour.
func TestComponentsInBrowser(t *testing.T) {
	url := serveDemo(t)
	tab := browsertest.New(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1024, 320} {
			tab.ColorScheme(scheme)
			tab.Viewport(width, 900)
			tab.Navigate(url)
			name := fmt.Sprintf("%s-%d", scheme, width)
			tab.Screenshot(name)
			for _, p := range tab.Problems() {
				t.Errorf("%s: %s", name, p)
			}
			for _, bad := range tab.LowContrast() {
				t.Errorf("%s: low contrast: %s", name, bad)
			}
			if sw := browsertest.Eval[int64](tab, `document.documentElement.scrollWidth`); sw > width {
				t.Errorf("%s: the page scrolls sideways: scrollWidth %d", name, sw)
			}
			colours := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".callout")].map(e => getComputedStyle(e).borderLeftColor + " " + getComputedStyle(e).backgroundColor)`)
			seen := map[string]bool{}
			for _, c := range colours {
				seen[c] = true
			}
			// Seven boxes: note, info, tip, important, warning, danger and
			// the folded danger.
			if len(colours) != 7 || len(seen) != 6 {
				t.Errorf("%s: callout colours %v: want 7 boxes in 6 colours", name, colours)
			}
			icons := browsertest.Eval[int](tab, `[...document.querySelectorAll(".callout-title")].filter(e => getComputedStyle(e, "::before").content.length > 2).length`)
			if icons != 7 {
				t.Errorf("%s: %d callout titles have an icon, want 7", name, icons)
			}
			tab.Forget()
		}
	}
}

// TestTabsInBrowser switches tabs with the mouse and the keyboard: one
// panel shows at a time, the arrow keys move between tabs, the focused tab
// shows a focus ring; on paper every panel shows under its title.
func TestTabsInBrowser(t *testing.T) {
	url := serveDemo(t)
	tab := browsertest.New(t)
	tab.Viewport(1024, 900)
	tab.Navigate(url)
	visible := func() string {
		return browsertest.Eval[string](tab, `[...document.querySelectorAll(".tab-panel")].filter(p => p.checkVisibility()).map(p => p.textContent.trim()).join("|")`)
	}
	if got := visible(); got != "Linux panel." {
		t.Fatalf("at first: visible panels %q, want the first only", got)
	}
	// The labels sit in one row above the panel.
	row := browsertest.Eval[bool](tab, `(() => { const l = [...document.querySelectorAll(".tab-label")].map(e => e.getBoundingClientRect()); const p = document.querySelector(".tab-panel").getBoundingClientRect(); return l[0].top === l[1].top && l[1].bottom <= p.top + 1 })()`)
	if !row {
		t.Error("the tab labels are not in a row above the panel")
	}
	// Keyboard first (a click would turn the focus ring off): focus the
	// checked tab, then arrow right and left.
	browsertest.Eval[bool](tab, `(document.querySelector(".tab-radio").focus(), true)`)
	tab.Key(kbArrowRight)
	if got := visible(); got != "Windows panel." {
		t.Errorf("after ArrowRight: visible panels %q", got)
	}
	ring := browsertest.Eval[string](tab, `(() => { const r = document.activeElement; const l = r && r.nextElementSibling; return r.className + " " + r.id.replace(/^tabs-\d+-/, "") + " " + (l ? getComputedStyle(l).outlineStyle : "") })()`)
	if ring != "tab-radio 1 solid" {
		t.Errorf("the focused tab shows no focus ring: %q", ring)
	}
	tab.Key(kbArrowRight)
	tab.Key(kbArrowRight) // wraps around to the first
	if got := visible(); got != "Linux panel." {
		t.Errorf("after ArrowRight twice more: visible panels %q", got)
	}
	tab.Key(kbArrowLeft)
	if got := visible(); got != "Paper panel." {
		t.Errorf("after ArrowLeft: visible panels %q", got)
	}
	browsertest.Eval[bool](tab, `(document.querySelectorAll(".tab-label")[1].click(), true)`)
	if got := visible(); got != "Windows panel." {
		t.Errorf("after clicking Windows: visible panels %q", got)
	}
	for _, p := range tab.Problems() {
		t.Error(p)
	}
	tab.Media("print")
	if got := visible(); got != "Linux panel.|Windows panel.|Paper panel." {
		t.Errorf("print: visible panels %q, want all", got)
	}
	radios := browsertest.Eval[int](tab, `[...document.querySelectorAll(".tab-radio")].filter(r => r.checkVisibility()).length`)
	if radios != 0 {
		t.Errorf("print: %d radio buttons show", radios)
	}
	tab.Media("")
}

// TestDisclosuresInBrowser opens details and expand by keyboard, and
// checks their content shows on paper.
func TestDisclosuresInBrowser(t *testing.T) {
	url := serveDemo(t)
	tab := browsertest.New(t)
	tab.Viewport(1024, 900)
	tab.Navigate(url)
	shown := func(text string) bool {
		return browsertest.Eval[bool](tab, `[...document.querySelectorAll("details p")].some(p => p.textContent.trim() === `+jsString(text)+` && p.checkVisibility())`)
	}
	if shown("Hidden details.") || shown("Expanded content.") || shown("Folded away.") {
		t.Fatal("closed disclosures show their content")
	}
	browsertest.Eval[bool](tab, `(document.querySelector("details.disclosure > summary").focus(), true)`)
	tab.Key("\r")
	if !shown("Hidden details.") {
		t.Error("Enter on the summary does not open the details")
	}
	tab.Media("print")
	for _, text := range []string{"Expanded content.", "Folded away."} {
		if !shown(text) {
			t.Errorf("print: %q does not show", text)
		}
	}
	tab.Media("")
}

// Keys for browsertest.Tab.Key: chromedp/kb's ArrowRight and ArrowLeft.
const (
	kbArrowRight = "\u0303"
	kbArrowLeft  = "\u0302"
)

func jsString(s string) string { return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"" }
