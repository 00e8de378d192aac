//go:build browser

package e2e

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/site"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// root is the shipped site: the repository root.
const root = "../.."

// reporter is what the checks below need of a *testing.T, so that a test
// can also run them on pages made to fail them (see checks_test.go).
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// served is the shipped site, built for and served by a local server.
type served struct {
	Base string // the site's base URL: "http://127.0.0.1:port/" or ".../help/"
	Out  string // the output folder
}

// serve builds the shipped site with its base URL under prefix ("/" or
// "/help/") of a new local server, and serves it there. A missing file gets
// 404.html with status 404, as a static host would serve it; anything
// outside prefix gets a bare 404.
func serve(t *testing.T, prefix string) *served {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	s := &served{Out: out}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), files(out)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	browsertest.ForgetOrigin(t, srv.URL)
	s.Base = srv.URL + prefix
	if _, err := site.New(site.Options{Dir: root, Out: out, BaseURL: s.Base}).Build(); err != nil {
		t.Fatalf("building the shipped site for %s: %v", s.Base, err)
	}
	return s
}

// files serves dir, with dir/404.html for what it does not hold.
func files(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			body, err := os.ReadFile(filepath.Join(dir, "404.html"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(body)
			return
		}
		fs.ServeHTTP(w, r)
	})
}

// URL is the absolute URL of a site path such as "guides/".
func (s *served) URL(p string) string { return s.Base + strings.TrimPrefix(p, "/") }

// firstTag returns the path of one tag page of the built site.
func (s *served) firstTag(t *testing.T) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(s.Out, "tags"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			return "tags/" + e.Name() + "/"
		}
	}
	t.Fatal("the built site has no tag page")
	return ""
}

// checkTraffic fails the test for any request outside the site (data: URLs
// aside) and any response of status 400 or more (or a failed request),
// except the document itself when allowDoc404 names it.
func checkTraffic(t reporter, tab *browsertest.Tab, s *served, page, allowDoc404 string) {
	t.Helper()
	for _, r := range tab.Requests() {
		if !strings.HasPrefix(r.URL, s.Base) && !strings.HasPrefix(r.URL, "data:") {
			t.Errorf("%s: request outside the site %s: %s %s (%s)", page, s.Base, r.Method, r.URL, r.Type)
		}
	}
	for _, r := range tab.Responses() {
		if r.URL == allowDoc404 && r.Status == http.StatusNotFound {
			continue
		}
		if r.Failed != "" || r.Status >= 400 {
			t.Errorf("%s: %s: status %d %s", page, r.URL, r.Status, r.Failed)
		}
	}
}

// checkProblems fails the test for console errors and warnings, exceptions
// and browser log errors (CSP violations among them). ignore says which
// messages a test expects.
func checkProblems(t reporter, tab *browsertest.Tab, page string, ignore func(browsertest.Message) bool) {
	t.Helper()
	for _, m := range tab.Problems() {
		if ignore != nil && ignore(m) {
			continue
		}
		t.Errorf("%s: %s", page, m)
	}
}

// colours is what the page shows: the background behind the body (the
// first opaque background of body, html) and the body's text colour, as
// sRGB 0..255, converted by a canvas so any CSS colour syntax works.
type colours struct {
	Background []float64 `json:"background"`
	Text       []float64 `json:"text"`
	Where      string    `json:"where"`
}

const coloursJS = `(() => {
	const c = document.createElement("canvas"); c.width = c.height = 1;
	const g = c.getContext("2d", {willReadFrequently: true});
	const rgba = (css) => { g.clearRect(0, 0, 1, 1); g.fillStyle = "#000"; g.fillStyle = css; g.fillRect(0, 0, 1, 1); return Array.from(g.getImageData(0, 0, 1, 1).data); };
	let bg = null, where = "";
	for (const el of [document.body, document.documentElement]) {
		const v = getComputedStyle(el).backgroundColor;
		if (rgba(v)[3] === 255) { bg = rgba(v); where = el.tagName.toLowerCase() + " " + v; break; }
	}
	return {background: bg, text: rgba(getComputedStyle(document.body).color), where};
})()`

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(rgb []float64) float64 {
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(rgb[0]) + 0.7152*lin(rgb[1]) + 0.0722*lin(rgb[2])
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b []float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// checkScheme checks that the page is dark in the dark scheme and light in
// the light one, with AA contrast between body text and background.
func checkScheme(t reporter, tab *browsertest.Tab, page, scheme string) {
	t.Helper()
	c := browsertest.Eval[colours](tab, coloursJS)
	if c.Background == nil {
		t.Errorf("%s, %s: neither body nor html has an opaque background", page, scheme)
		return
	}
	l := luminance(c.Background)
	switch {
	case scheme == "dark" && l > 0.1:
		t.Errorf("%s, dark: the background is not dark: %s (luminance %.2f)", page, c.Where, l)
	case scheme == "light" && l < 0.7:
		t.Errorf("%s, light: the background is not light: %s (luminance %.2f)", page, c.Where, l)
	}
	if r := contrast(c.Background, c.Text[:3]); r < 4.5 {
		t.Errorf("%s, %s: body text %v on %s has contrast %.2f, below 4.5", page, scheme, c.Text, c.Where, r)
	}
}

// checkContrast fails the test for text below WCAG AA contrast.
func checkContrast(t reporter, tab *browsertest.Tab, page, scheme string) {
	t.Helper()
	for _, bad := range tab.LowContrast() {
		t.Errorf("%s, %s: low contrast: %s", page, scheme, bad)
	}
}

// overflowJS lists the elements that stick out past the right edge of the
// viewport, to say what makes a page scroll sideways.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > w + 0.5 && el.checkVisibility()) {
			out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " right=" + Math.round(r.right));
		}
		if (out.length === 5) break;
	}
	return out;
})()`

// checkNarrow checks that the page does not scroll sideways at its current
// viewport width.
func checkNarrow(t reporter, tab *browsertest.Tab, page, scheme string, width int) {
	t.Helper()
	sw := browsertest.Eval[int](tab, `document.documentElement.scrollWidth`)
	if sw > width {
		t.Errorf("%s, %d px, %s: scrollWidth %d > %d; sticking out: %v", page, width, scheme, sw, width,
			browsertest.Eval[[]string](tab, overflowJS))
	}
}

// checkSkipLink presses Tab on a freshly loaded page and checks that the
// focus lands on a visible skip link to the main content.
func checkSkipLink(t reporter, tab *browsertest.Tab, page string) {
	t.Helper()
	tab.Key("\t")
	got := browsertest.Eval[string](tab, `(() => {
		const a = document.activeElement;
		if (!a || a.tagName !== "A") return "focus on " + (a ? a.tagName : "nothing");
		const h = a.getAttribute("href") || "";
		if (!h.startsWith("#") || !document.getElementById(h.slice(1))) return "focus on a link to " + h + ", not to an element of the page";
		// A skip link says so (in English) or, in any language, leads to the main content.
		if (!/skip/i.test(a.textContent) && document.getElementById(h.slice(1)).tagName !== "MAIN") return "focus on " + JSON.stringify(a.textContent.trim()) + ", not a skip link";
		return "";
	})()`)
	if got != "" {
		t.Errorf("%s: first Tab: %s", page, got)
		return
	}
	// The link may slide in with a transition (0.15 s in the default theme;
	// on a machine loaded by every browser test at once its frames can come
	// a second or more apart).
	deadline := time.Now().Add(5 * time.Second)
	for {
		why := browsertest.Eval[string](tab, `(() => {
			const a = document.activeElement, r = a.getBoundingClientRect();
			if (!a.checkVisibility({opacityProperty: true, visibilityProperty: true})) return "hidden";
			if (r.width < 2 || r.height < 2) return "too small: " + r.width + "x" + r.height;
			if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return "outside the viewport: " + JSON.stringify(r);
			return "";
		})()`)
		if why == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%s: the focused skip link is not visible: %s", page, why)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	browsertest.Eval[bool](tab, `(document.activeElement.blur(), true)`)
}

// checkLinks fetches every link and asset of the current page that points
// into the site (without the browser, so the tab's record stays clean) and
// checks that each answers 200, and that every #fragment names an element
// of its page.
func checkLinks(t reporter, tab *browsertest.Tab, s *served, page string) {
	t.Helper()
	missing := browsertest.Eval[[]string](tab, `Array.from(document.querySelectorAll("a[href]"))
		.filter(a => a.hash && a.origin + a.pathname === location.origin + location.pathname && !document.getElementById(decodeURIComponent(a.hash.slice(1))))
		.map(a => a.getAttribute("href"))`)
	for _, h := range missing {
		t.Errorf("%s: link %s names no element of the page", page, h)
	}
	urls := browsertest.Eval[[]string](tab, `[...new Set(Array.from(document.querySelectorAll("a[href], link[href], script[src], img[src]"))
		.map(e => new URL(e.href || e.src, location.href))
		.filter(u => u.origin === location.origin && u.pathname + u.search !== location.pathname + location.search)
		.map(u => u.origin + u.pathname + u.search))]`)
	for _, u := range urls {
		if !strings.HasPrefix(u, s.Base) {
			t.Errorf("%s: link outside the site's base %s: %s", page, s.Base, u)
			continue
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Errorf("%s: %s: %v", page, u, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: link %s answers %d", page, u, resp.StatusCode)
		}
	}
}

// shot saves a screenshot named after the test (which names the page) and
// the view.
func shot(tab *browsertest.Tab, width int, scheme string) {
	tab.Screenshot(fmt.Sprintf("%d-%s", width, scheme))
}
