//go:build browser

package e2e

import (
	"regexp"
	"testing"

	"mutual/internal/browsertest"
)

// TestParserWaitsForStylesheets: the browser finishes parsing a page only
// once its stylesheet has arrived, however late it comes, so that the page
// is laid out once, with its styles. With the scripts loaded async in
// <head>, chromium finished parsing a page with a form (every page has the
// search form) before main.css arrived, laid it out without its styles, and
// again when they came: on the worksheet page, 800 elements styled and 1,400
// boxes laid out twice before the first paint. The default theme's scripts
// now come last in <body>, without async, and hold the parser until the
// stylesheets above them are in.
func TestParserWaitsForStylesheets(t *testing.T) {
	t.Parallel()
	s := newWSServer(t)
	s.build(t, root, "/", "")
	main := regexp.MustCompile(`/css/main\.[0-9a-f]+\.css$`)
	s.delay(func(p string) bool { return main.MatchString(p) })
	tab := browsertest.New(t)
	for _, page := range []string{"", "guides/receiving/", "worksheets/give-and-take/", "search/?q=listening"} {
		tab.Navigate(s.URL("/", page))
		got := browsertest.Eval[map[string]float64](tab, `(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			const css = performance.getEntriesByType("resource").find(e => /\/css\/main\.[0-9a-f]+\.css$/.test(e.name));
			return {parsed: nav.domInteractive, css: css ? css.responseEnd : -1,
				scripts: document.querySelectorAll("body > script[src]:not([async])").length,
				async: document.querySelectorAll("head script[async]").length};
		})()`)
		switch {
		case got["css"] < 0:
			t.Errorf("/%s: no main.css among the page's resources", page)
		case got["parsed"] < got["css"]:
			t.Errorf("/%s: parsed at %.0f ms, before main.css arrived at %.0f ms: the page is laid out without its styles first", page, got["parsed"], got["css"])
		}
		if got["scripts"] == 0 || got["async"] != 0 {
			t.Errorf("/%s: %v scripts at the end of <body>, %v async in <head>; want the page's scripts last in <body>, none async in <head>", page, got["scripts"], got["async"])
		}
	}
}
