//go:build browser

package serve

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
)

// panelJS reads the warnings panel as one line ("none" without one,
// "hidden" while it waits for its stylesheet): its tag, what labels it,
// its title, whether its list is open, its position, whether it is the
// body's last element, whether the error overlay is there, and its items.
const panelJS = `(() => {
	const p = document.getElementById("mutual-warnings");
	if (!p) { return "none"; }
	// Until its stylesheet has loaded the panel is hidden, and a Tab
	// would pass it by.
	if (p.hidden) { return "hidden"; }
	const label = document.getElementById(p.getAttribute("aria-labelledby"));
	const toggle = p.querySelector("button[aria-controls]");
	const list = document.getElementById(toggle.getAttribute("aria-controls"));
	return [p.tagName, label ? label.innerText : "no label", toggle.getAttribute("aria-expanded"), list.hidden ? "list hidden" : "list shown",
		getComputedStyle(p).position, p === document.body.lastElementChild ? "last" : "not last",
		document.getElementById("mutual-overlay") ? "overlay" : "no overlay",
		...Array.from(p.querySelectorAll("li"), li => li.innerText)].join("|");
})()`

// statusJS is what the live region for screen readers says ("" when it
// is not there).
const statusJS = `(document.getElementById("mutual-status") || {textContent: ""}).textContent`

// TestWarningsPanelInBrowser: a counselor who never looks at the terminal
// sees a good build's warnings in a panel at the foot of the page, as mutual
// build prints them; closes and dismisses it with the keyboard; sees it come
// back when the warnings change, give way to the error overlay while the
// site is broken, stay small and out of the way at 320 px, follow the
// colour scheme, stay off paper, and go once the warnings are fixed.
func TestWarningsPanelInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir, base, s, _ := liveSite(t)
	tab := browsertest.New(t)
	url := base + "guides/first-guide/"
	if status := tab.Navigate(url); status != 200 {
		t.Fatalf("guide: status %d", status)
	}
	// What the page shows of the warnings the stream starts with, it shows
	// once it has heard them; a live region says so 300 ms later.
	heard(t, tab, 0, "warnings")
	time.Sleep(500 * time.Millisecond)
	if got := browsertest.Eval[string](tab, panelJS+` + "|" + `+statusJS); got != "none|" {
		t.Fatalf("the new site shows or announces warnings: %s", got)
	}
	// Warnings that change without a reload (a save that changes no page)
	// update the panel in place, and keep the keyboard's focus in it.
	browsertest.Eval[bool](tab, `window.mutualMarker = true`)
	s.events.warn([]string{"content/a.md:1:1: warning: one"})
	tab.Poll("a panel without a reload", panelJS+` === "ASIDE|1 warning|true|list shown|fixed|last|no overlay|content/a.md:1:1: warning: one" && window.mutualMarker === true`, 5*time.Second)
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#mutual-warnings button[aria-controls]").focus(); return true; })()`)
	s.events.warn([]string{"content/a.md:1:1: warning: one", "content/b.md:2:2: warning: two"})
	tab.Poll("the new list in place, focus on its title", panelJS+`.startsWith("ASIDE|2 warnings|true|") && document.activeElement.textContent === "2 warnings" && window.mutualMarker === true`, 5*time.Second)
	tab.Poll("the announcement of the new list", statusJS+` === "2 warnings in the site's build"`, 5*time.Second)
	s.events.warn(nil)
	tab.Poll("no panel", panelJS+` === "none" && window.mutualMarker === true`, 5*time.Second)
	tab.Poll("the announcement that none is left", statusJS+` === "No warnings left"`, 5*time.Second)

	warnings := func() []string { // as mutual prints them, from the builder
		var lines []string
		for _, e := range s.b.(warner).Warnings() {
			lines = append(lines, e.Warning())
		}
		return lines
	}

	// A link mutual cannot read (a space in its address) is a warning: the
	// page shows it in the panel, open on a wide screen.
	guide := filepath.Join(dir, "content", "guides", "first-guide.md")
	edit(t, guide, "with your own. Plain", "with your own. See [the next guide](next guide.md). Plain")
	const first = "content/guides/first-guide.md:10:35: warning: this link or image is not read as one and shows as written: "
	tab.Poll("the warnings panel", panelJS+`.includes(`+jsString(first)+`) && `+panelJS+`.includes("fixed")`, 10*time.Second)
	lines := warnings()
	if len(lines) != 1 || !strings.HasPrefix(lines[0], first) {
		t.Fatalf("the builder's warnings: %q, want one starting %q", lines, first)
	}
	if got, want := browsertest.Eval[string](tab, panelJS), "ASIDE|1 warning|true|list shown|fixed|last|no overlay|"+lines[0]; got != want {
		t.Errorf("panel:\n%s\nwant\n%s", got, want)
	}
	tab.Poll("the announcement", statusJS+` === "1 warning in the site's build"`, 5*time.Second)
	tab.Screenshot("1280")

	// Keyboard: Escape closes the list, Enter opens it, Dismiss hides the
	// panel, and it stays hidden after a reload while the warnings are the
	// same.
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#mutual-warnings button[aria-controls]").focus(); return true; })()`)
	tab.Key(kb.Escape)
	tab.Poll("Escape to close the list", panelJS+`.startsWith("ASIDE|1 warning|false|list hidden|") && document.activeElement.getAttribute("aria-expanded") === "false"`, 5*time.Second)
	tab.Key(kb.Enter)
	tab.Poll("Enter to open the list", panelJS+`.startsWith("ASIDE|1 warning|true|list shown|")`, 5*time.Second)
	tab.Key(kb.Tab)
	if got := browsertest.Eval[string](tab, `document.activeElement.textContent`); got != "Dismiss" {
		t.Fatalf("Tab from the title went to %q, want Dismiss", got)
	}
	tab.Key(kb.Enter)
	tab.Poll("Dismiss to hide the panel", panelJS+` === "none"`, 5*time.Second)
	from := len(tab.Streamed())
	tab.Navigate(url)
	heard(t, tab, from, "warnings")
	time.Sleep(500 * time.Millisecond) // for the live region, were it to speak
	if got := browsertest.Eval[string](tab, panelJS+` + "|" + `+statusJS); got != "none|" {
		t.Errorf("after a reload, the dismissed panel shows again, or the same warnings are announced again: %s", got)
	}

	// One more warning: a new list, so the panel is back, open.
	edit(t, guide, "End a guide with one small thing", "End a [guide](other guide.md) with one small thing")
	tab.Poll("the panel with two warnings", panelJS+`.startsWith("ASIDE|2 warnings|true|list shown|fixed|last|no overlay|")`, 10*time.Second)
	lines = warnings()
	if got, want := browsertest.Eval[string](tab, panelJS), "ASIDE|2 warnings|true|list shown|fixed|last|no overlay|"+strings.Join(lines, "|"); got != want {
		t.Errorf("panel:\n%s\nwant\n%s", got, want)
	}
	tab.Poll("the announcement of two", statusJS+` === "2 warnings in the site's build"`, 5*time.Second)

	// A broken build shows the error overlay, not the panel; mended, the
	// panel is back.
	ws := filepath.Join(dir, "content", "worksheets", "check-in.yaml")
	edit(t, ws, "\ntitle: A quick check-in", "\ntitel: A quick check-in")
	tab.Poll("the error overlay instead of the panel", `!!document.getElementById("mutual-overlay") && `+panelJS+` === "none"`, 10*time.Second)
	edit(t, ws, "\ntitel: A quick check-in", "\ntitle: A quick check-in")
	tab.Poll("the panel after the fix", panelJS+`.startsWith("ASIDE|2 warnings|true|list shown|fixed|last|no overlay|")`, 10*time.Second)

	// 320 px: the panel starts closed, a single line that the page does
	// not scroll sideways for; at the page's end it sits below the footer,
	// covering nothing; opened, its list takes at most 30% of the height.
	tab.Viewport(320, 640)
	tab.Navigate(url)
	tab.Poll("the panel at 320 px", panelJS+`.startsWith("ASIDE|2 warnings|false|list hidden|fixed|")`, 10*time.Second)
	narrow := browsertest.Eval[string](tab, `(() => {
		window.scrollTo({top: document.documentElement.scrollHeight, behavior: "instant"});
		const p = document.getElementById("mutual-warnings").getBoundingClientRect();
		const f = document.querySelector("footer").getBoundingClientRect();
		return [document.documentElement.scrollWidth <= 320, p.height <= 60, f.bottom <= p.top + 0.5, p.bottom <= innerHeight + 0.5].join("|");
	})()`)
	if narrow != "true|true|true|true" {
		t.Errorf("at 320 px (no sideways scroll, one line high, below the footer at the end, on screen): %s", narrow)
	}
	tab.Screenshot("320")
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#mutual-warnings button[aria-controls]").click(); return true; })()`)
	if h := browsertest.Eval[float64](tab, `document.getElementById("mutual-warnings-list").getBoundingClientRect().height`); h <= 0 || h > 0.3*640+1 {
		t.Errorf("at 320 px the open list is %v px high, want at most 30%% of 640", h)
	}
	if w := browsertest.Eval[float64](tab, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("at 320 px with the list open the page is %v px wide", w)
	}
	tab.Screenshot("320-open")

	// Colour scheme and print.
	bg := `getComputedStyle(document.getElementById("mutual-warnings")).backgroundColor`
	light := browsertest.Eval[string](tab, bg)
	tab.ColorScheme("dark")
	if dark := browsertest.Eval[string](tab, bg); dark == light || dark != "rgb(43, 34, 19)" {
		t.Errorf("dark scheme: background %s (light %s), want rgb(43, 34, 19)", dark, light)
	}
	tab.Screenshot("320-dark")
	tab.ColorScheme("light")
	tab.Media("print")
	if d := browsertest.Eval[string](tab, `getComputedStyle(document.getElementById("mutual-warnings")).display`); d != "none" {
		t.Errorf("printed: the panel's display is %q, want none", d)
	}
	tab.Media("")

	// A worksheet's progress bar, stuck to the bottom of the screen too,
	// sits above the panel rather than under it.
	tab.Navigate(base + "worksheets/check-in/")
	tab.Poll("the panel on the worksheet", panelJS+`.startsWith("ASIDE|2 warnings|")`, 10*time.Second)
	browsertest.Eval[bool](tab, `(() => {
		const q = document.querySelector('input[name="listening.give"][value="3"]');
		q.scrollIntoView({block: "center", behavior: "instant"});
		q.click();
		return true;
	})()`)
	tab.Poll("the progress bar above the panel", `(() => {
		const b = document.querySelector(".ws-bar"), p = document.getElementById("mutual-warnings");
		if (!b || b.hidden || getComputedStyle(b).display === "none") { return false; }
		const br = b.getBoundingClientRect(), pr = p.getBoundingClientRect();
		return br.bottom <= pr.top + 0.5 && br.bottom > 0 && pr.bottom <= innerHeight + 0.5;
	})()`, 5*time.Second)
	tab.Screenshot("320-worksheet")
	// The keyboard's focus is never hidden under the panel or the bar: Tab
	// along the form (without smooth scrolling, so each step has landed).
	if _, err := chromedp.Call(tab.Context(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatal(err)
	}
	var hidden []string
	for range 8 {
		tab.Key(kb.Tab)
		if where := browsertest.Eval[string](tab, `(() => {
			const q = document.activeElement, r = q.getBoundingClientRect();
			const b = document.querySelector(".ws-bar").getBoundingClientRect();
			const p = document.getElementById("mutual-warnings").getBoundingClientRect();
			const top = Math.min(p.top, b.height > 0 ? b.top : Infinity);
			if (q.closest(".ws-bar, #mutual-warnings") || r.height === 0) { return ""; }
			return r.bottom > top + 0.5 ? q.tagName + " " + (q.name || q.textContent) + " ends at " + r.bottom + ", under what starts at " + top : "";
		})()`); where != "" {
			hidden = append(hidden, where)
		}
	}
	if len(hidden) > 0 {
		t.Errorf("at 320 px, the keyboard's focus went under the panel or the progress bar: %q", hidden)
	}
	tab.ColorScheme("light") // and no reduced motion
	tab.Viewport(1280, 800)
	tab.Navigate(url)

	// Both fixed: the panel goes and does not come back.
	edit(t, guide, "See [the next guide](next guide.md). ", "")
	edit(t, guide, "End a [guide](other guide.md) with", "End a guide with")
	tab.Poll("the panel to go", `document.readyState === "complete" && `+panelJS+` === "none" && !document.body.innerText.includes("other guide.md")`, 10*time.Second)
	tab.Poll("the announcement that none is left", statusJS+` === "No warnings left"`, 5*time.Second)
	from = len(tab.Streamed())
	tab.Navigate(url)
	heard(t, tab, from, "warnings")
	time.Sleep(500 * time.Millisecond) // for the live region, were it to speak
	if got := browsertest.Eval[string](tab, panelJS+` + "|" + `+statusJS); got != "none|" {
		t.Errorf("after the fix and a reload: %s", got)
	}
	if lines := warnings(); len(lines) != 0 {
		t.Errorf("the builder still warns: %q", lines)
	}
	for _, p := range tab.Problems() {
		t.Errorf("browser problem: %s", p)
	}
}
