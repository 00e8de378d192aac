//go:build browser

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"mutual/internal/browsertest"
)

// record collects what a check reports, instead of failing the test.
type record struct{ msgs []string }

func (r *record) Helper() {}
func (r *record) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestChecksCatch runs each check of site_test.go on a page made to fail
// it, so that a passing site test means something.
func TestChecksCatch(t *testing.T) {
	t.Parallel()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer other.Close()
	pages := map[string]string{
		"/wide":     `<div style="width:600px">wide</div>`,
		"/faint":    `<p style="color:#aaa;background:#fff">faint</p>`,
		"/light":    `<p>always light</p>`,
		"/noskip":   `<a href="/elsewhere">first link</a><main id="main">x</main>`,
		"/hidden":   `<a href="#main" style="position:absolute;left:-999px">Skip to content</a><main id="main">x</main>`,
		"/outside":  `<img src="` + other.URL + `/x.png" alt="">`,
		"/broken":   `<img src="/missing.png" alt=""><a href="/gone/">gone</a><a href="#nowhere">nowhere</a>`,
		"/error":    `<script>console.error("boom")</script>`,
		"/contrast": `<p>dark text on dark</p>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		style := `body{background:#fff;color:#222}`
		if r.URL.Path == "/contrast" {
			style = `body{background:#fff;color:#222}@media (prefers-color-scheme: dark){body{background:#111;color:#333}}`
		}
		fmt.Fprintf(w, `<!doctype html><html><head><meta charset=utf-8><link rel=icon href="data:,"><style>%s</style></head><body>%s</body></html>`, style, body)
	}))
	defer srv.Close()
	s := &served{Base: srv.URL + "/"}
	tab := browsertest.New(t)

	for _, tc := range []struct {
		path  string
		check func(r reporter, tab *browsertest.Tab)
		want  string
	}{
		{"/wide", func(r reporter, tab *browsertest.Tab) {
			tab.Viewport(320, 600)
			checkNarrow(r, tab, "wide", "light", 320)
		}, "scrollWidth"},
		{"/faint", func(r reporter, tab *browsertest.Tab) { checkContrast(r, tab, "faint", "light") }, "low contrast"},
		{"/light", func(r reporter, tab *browsertest.Tab) {
			tab.ColorScheme("dark")
			checkScheme(r, tab, "light", "dark")
		}, "not dark"},
		{"/contrast", func(r reporter, tab *browsertest.Tab) {
			tab.ColorScheme("dark")
			checkScheme(r, tab, "contrast", "dark")
		}, "below 4.5"},
		{"/noskip", func(r reporter, tab *browsertest.Tab) { checkSkipLink(r, tab, "noskip") }, "first Tab"},
		{"/hidden", func(r reporter, tab *browsertest.Tab) { checkSkipLink(r, tab, "hidden") }, "not visible"},
		{"/outside", func(r reporter, tab *browsertest.Tab) { checkTraffic(r, tab, s, "outside", "") }, "outside the site"},
		{"/broken", func(r reporter, tab *browsertest.Tab) { checkTraffic(r, tab, s, "broken", "") }, "status 404"},
		{"/broken", func(r reporter, tab *browsertest.Tab) { checkLinks(r, tab, s, "broken") }, "answers 404"},
		{"/broken", func(r reporter, tab *browsertest.Tab) { checkLinks(r, tab, s, "broken") }, "names no element"},
		{"/error", func(r reporter, tab *browsertest.Tab) { checkProblems(r, tab, "error", nil) }, "boom"},
	} {
		// One tab for all: a tab costs more than a page on this machine.
		tab.Viewport(1280, 800)
		tab.ColorScheme("light")
		tab.Forget()
		tab.Navigate(srv.URL + tc.path)
		var r record
		tc.check(&r, tab)
		if !slices.ContainsFunc(r.msgs, func(m string) bool { return strings.Contains(m, tc.want) }) {
			t.Errorf("%s: the check missed it: want a report with %q, got %q", tc.path, tc.want, r.msgs)
		}
	}
}
