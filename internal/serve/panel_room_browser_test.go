//go:build browser

package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mutual/internal/browsertest"
)

// roomJS scrolls the page's scroller (the document, or a body that scrolls
// itself) to its end and says what the warnings panel hides there: "" when
// every element of the page ends above the panel, which is on the screen;
// else what it covers.
const roomJS = `(() => {
	const html = document.documentElement, body = document.body;
	const scroller = body.scrollHeight > body.clientHeight + 1 && getComputedStyle(body).overflowY !== "visible" ? body : html;
	scroller.scrollTo({top: scroller.scrollHeight, behavior: "instant"});
	const p = document.getElementById("mutual-warnings");
	if (!p) { return "no panel"; }
	const pr = p.getBoundingClientRect();
	if (pr.height === 0 || pr.top >= innerHeight || pr.bottom > innerHeight + 0.5) {
		return "the panel is not on the screen: " + pr.top + "-" + pr.bottom + " of " + innerHeight;
	}
	const hidden = [];
	for (const el of body.querySelectorAll("*")) {
		if (p.contains(el) || el.id === "mutual-status") { continue; }
		const r = el.getBoundingClientRect();
		if (r.height === 0 || r.width === 0 || getComputedStyle(el).visibility === "hidden") { continue; }
		if (r.bottom > pr.top + 0.5) {
			hidden.push(el.tagName + (el.className ? "." + el.className : "") + " ends at " + Math.round(r.bottom) + ", the panel starts at " + Math.round(pr.top));
		}
	}
	return hidden.slice(0, 3).join("; ");
})()`

// onScreenJS says whether the panel is on the screen with the page
// scrolled to its top: a person sees the warnings without looking for them.
const onScreenJS = `(() => {
	document.documentElement.scrollTo({top: 0, behavior: "instant"});
	document.body.scrollTo({top: 0, behavior: "instant"});
	const p = document.getElementById("mutual-warnings");
	if (!p) { return false; }
	const r = p.getBoundingClientRect();
	return r.height > 0 && r.top < innerHeight && r.bottom <= innerHeight + 0.5;
})()`

// TestWarningsPanelHidesNothing: with the warnings panel at the foot of the
// screen, a person can still read every line of the page: scrolled to its
// end, nothing ends under the panel, at 320 px and on a desktop, with the
// default theme and with themes that set overflow on html and body (which
// stop a sticky panel from following the screen) or make the body scroll
// itself. The panel is on the screen from the page's top in each. After
// Dismiss, the keyboard's focus goes back where it came from (or to the
// page's main part), not to the body.
func TestWarningsPanelHidesNothing(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own; it waits for the room, not a set time
	_, base, s, _ := liveSite(t)
	tab := browsertest.New(t)
	url := base + "guides/first-guide/"
	themes := []struct{ name, js string }{
		{"default", ``},
		{"overflow-x", `document.documentElement.style.overflowX = "hidden"; document.body.style.overflowX = "hidden";`},
		{"body-scrolls", `document.documentElement.style.overflow = "hidden"; document.documentElement.style.height = "100%"; document.body.style.height = "100%"; document.body.style.overflowY = "auto";`},
	}
	lines := []string{"content/a.md:1:1: warning: one", "content/b.md:2:2: warning: two"}
	for _, size := range [][2]int64{{320, 640}, {1280, 800}} {
		for _, th := range themes {
			name := fmt.Sprintf("%d-%s", size[0], th.name)
			tab.Viewport(size[0], size[1])
			if status := tab.Navigate(url); status != 200 {
				t.Fatalf("%s: status %d", name, status)
			}
			waitClients(t, s, 1)
			browsertest.Eval[bool](tab, `(() => { `+th.js+` return true; })()`)
			s.events.warn(nil)
			tab.Poll(name+": no panel", panelJS+` === "none"`, 5*time.Second)
			s.events.warn(lines)
			tab.Poll(name+": the panel", panelJS+`.startsWith("ASIDE|2 warnings|")`, 5*time.Second)
			// Its stylesheet loads, then the room it keeps follows its
			// height: on a busy machine that can take a while.
			if !waitFor(tab, onScreenJS) {
				t.Errorf("%s: the panel is not on the screen at the page's top", name)
			}
			if got := roomLeft(tab); got != "" {
				t.Errorf("%s: at the page's end: %s", name, got)
			}
			viewShot(t, tab, name+"-end")
			// Opened, it is taller: the room follows.
			browsertest.Eval[bool](tab, `(() => { const b = document.querySelector("#mutual-warnings button[aria-controls]"); if (b.getAttribute("aria-expanded") !== "true") { b.click(); } return true; })()`)
			if got := roomLeft(tab); got != "" {
				t.Errorf("%s, open: at the page's end: %s", name, got)
			}
			viewShot(t, tab, name+"-open-end")
			if w := browsertest.Eval[float64](tab, `document.documentElement.scrollWidth`); w > float64(size[0]) {
				t.Errorf("%s: the page is %v px wide", name, w)
			}
		}
	}

	// Dismiss with the keyboard, from the footer's last link: the focus
	// goes back to that link.
	tab.Viewport(1280, 800)
	tab.Navigate(url)
	waitClients(t, s, 1)
	s.events.warn(nil)
	tab.Poll("no panel", panelJS+` === "none"`, 5*time.Second)
	s.events.warn(lines)
	tab.Poll("the panel", panelJS+`.startsWith("ASIDE|2 warnings|")`, 5*time.Second)
	browsertest.Eval[bool](tab, `(() => { const a = Array.from(document.querySelectorAll("body a[href]")).filter(a => !a.closest("#mutual-warnings")).pop(); a.id = "last-link"; a.focus(); return true; })()`)
	tab.Key(kb.Tab)
	// Once the Tab has landed (on a loaded machine the key's effect can
	// trail the call that sent it), new warnings while the focus is in
	// the panel: the new panel takes it, and still knows where it came
	// from.
	tab.Poll("the focus in the panel", `!!document.activeElement && !!document.activeElement.closest("#mutual-warnings")`, 5*time.Second)
	s.events.warn(lines[1:])
	tab.Poll("the new panel, focus on its title", panelJS+`.startsWith("ASIDE|1 warning|") && document.activeElement.textContent === "1 warning"`, 5*time.Second)
	tab.Key(kb.Tab)
	if got := browsertest.Eval[string](tab, `document.activeElement.textContent`); got != "Dismiss" {
		t.Fatalf("Tab from the title went to %q, want Dismiss", got)
	}
	tab.Key(kb.Enter)
	tab.Poll("Dismiss to hide the panel", panelJS+` === "none"`, 5*time.Second)
	if got := browsertest.Eval[string](tab, `document.activeElement.id || document.activeElement.tagName`); got != "last-link" {
		t.Errorf("after Dismiss the focus is on %s, want the link it came from", got)
	}
	if pad := browsertest.Eval[string](tab, `document.body.style.paddingBottom`); pad != "" {
		t.Errorf("after Dismiss the body keeps a padding of %q", pad)
	}

	// Dismiss after a click into the panel (the focus came from nowhere):
	// the focus goes to the page's main part.
	// (A Tab into the panel before, then a click elsewhere: that is
	// forgotten.)
	s.events.warn(lines[:1])
	tab.Poll("the panel again", panelJS+`.startsWith("ASIDE|1 warning|")`, 5*time.Second)
	browsertest.Eval[bool](tab, `(() => { document.getElementById("last-link").focus(); return true; })()`)
	tab.Key(kb.Tab)
	browsertest.Eval[bool](tab, `(() => { document.activeElement.blur(); document.querySelector("#mutual-warnings .mutual-warnings-dismiss").focus(); return true; })()`)
	tab.Key(kb.Enter)
	tab.Poll("Dismiss to hide the panel", panelJS+` === "none"`, 5*time.Second)
	if got := browsertest.Eval[string](tab, `document.activeElement.tagName`); got != "MAIN" {
		t.Errorf("after Dismiss the focus is on %s, want MAIN", got)
	}
	for _, p := range tab.Problems() {
		t.Errorf("browser problem: %s", p)
	}
}

// roomWait is how long the panel's room may take to follow its height:
// the panel's stylesheet has to load and a ResizeObserver to fire, and on
// a machine busy with other tests that has taken more than 200 ms.
const roomWait = 5 * time.Second

// roomLeft runs roomJS until nothing is hidden, for at most roomWait, and
// returns what it said last ("" once nothing is hidden).
func roomLeft(tab *browsertest.Tab) string {
	deadline := time.Now().Add(roomWait)
	for {
		got := browsertest.Eval[string](tab, roomJS)
		if got == "" || time.Now().After(deadline) {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor runs js, a boolean expression, until it holds, for at most
// roomWait, and says whether it did.
func waitFor(tab *browsertest.Tab, js string) bool {
	deadline := time.Now().Add(roomWait)
	for {
		if browsertest.Eval[bool](tab, js) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// viewShot saves what the screen shows (not the whole page, as
// tab.Screenshot does: there a panel fixed to the screen's foot shows at
// the page's end) when MUTUAL_SCREENSHOTS is set.
func viewShot(t *testing.T, tab *browsertest.Tab, name string) {
	t.Helper()
	dir := browsertest.ScreenshotDir()
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tab.Context(), chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, t.Name()+"-"+name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// langJS is the language and direction of the page and of what mutual
// adds to it: the panel, the error overlay and the live region.
const langJS = `["html", "mutual-warnings", "mutual-overlay", "mutual-status"].map(id => {
	const el = id === "html" ? document.documentElement : document.getElementById(id);
	return el ? id + "=" + el.lang + "/" + (el.dir || getComputedStyle(el).direction) : id + " absent";
}).join(" ")`

// TestDevChromeInEnglish: on the page of a site whose language is Spanish,
// the warnings panel, the error overlay and the live region say mutual's
// words, in English like the terminal and the lines they show, and mark
// them so (lang="en", dir="ltr"), for screen readers to switch voice.
func TestDevChromeInEnglish(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir, base, s, _ := liveSite(t)
	tab := browsertest.New(t)
	edit(t, filepath.Join(dir, "content", "site.yaml"), "\nlanguage: en\n", "\nlanguage: es\n")
	url := base + "guides/first-guide/"
	for i := 0; ; i++ { // until the site is rebuilt in Spanish
		tab.Navigate(url)
		// The rebuild's reload may empty the document between the two.
		if browsertest.Eval[string](tab, `document.documentElement ? document.documentElement.lang : ""`) == "es" {
			break
		}
		if i == 50 {
			t.Fatal("the page is not in Spanish after the change of site.yaml")
		}
		time.Sleep(200 * time.Millisecond)
	}
	waitClients(t, s, 1)
	s.events.warn([]string{"content/a.md:1:1: warning: one"})
	tab.Poll("the panel", panelJS+`.startsWith("ASIDE|1 warning|")`, 5*time.Second)
	tab.Poll("the live region", statusJS+` !== ""`, 5*time.Second)
	if got, want := browsertest.Eval[string](tab, langJS), "html=es/ltr mutual-warnings=en/ltr mutual-overlay absent mutual-status=en/ltr"; got != want {
		t.Errorf("with warnings: %s, want %s", got, want)
	}
	ws := filepath.Join(dir, "content", "worksheets", "check-in.yaml")
	edit(t, ws, "\ntitle: A quick check-in", "\ntitel: A quick check-in")
	tab.Poll("the error overlay", `!!document.getElementById("mutual-overlay")`, 10*time.Second)
	if got, want := browsertest.Eval[string](tab, langJS), "html=es/ltr mutual-warnings absent mutual-overlay=en/ltr mutual-status=en/ltr"; got != want {
		t.Errorf("with errors: %s, want %s", got, want)
	}
	for _, p := range tab.Problems() {
		t.Errorf("browser problem: %s", p)
	}
}

// TestOverlayHideFocus: the error overlay's Hide, reached with the
// keyboard from the page's last link, gives the focus back to that link.
func TestOverlayHideFocus(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir, base, s, _ := liveSite(t)
	tab := browsertest.New(t)
	tab.Navigate(base + "guides/first-guide/")
	waitClients(t, s, 1)
	ws := filepath.Join(dir, "content", "worksheets", "check-in.yaml")
	edit(t, ws, "\ntitle: A quick check-in", "\ntitel: A quick check-in")
	tab.Poll("the error overlay", `!!document.getElementById("mutual-overlay")`, 10*time.Second)
	browsertest.Eval[bool](tab, `(() => { const a = Array.from(document.querySelectorAll("body a[href]")).filter(a => !a.closest("#mutual-overlay")).pop(); a.id = "last-link"; a.focus(); return true; })()`)
	tab.Key(kb.Tab)
	if got := browsertest.Eval[string](tab, `document.activeElement.textContent`); got != "Hide" {
		t.Fatalf("Tab from the page's last link went to %q, want Hide", got)
	}
	tab.Key(kb.Enter)
	tab.Poll("Hide to hide the overlay", `document.getElementById("mutual-overlay").hidden`, 5*time.Second)
	if got := browsertest.Eval[string](tab, `document.activeElement.id || document.activeElement.tagName`); got != "last-link" {
		t.Errorf("after Hide the focus is on %s, want the link it came from", got)
	}
	for _, p := range tab.Problems() {
		t.Errorf("browser problem: %s", p)
	}
}
