//go:build browser

package theme

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"mutual/internal/browsertest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// cssomJS is the rules of the page's first and second stylesheet as the
// browser reads them, with the white space that means nothing taken out:
// values that hold var() are kept as written, so "var(--a, 1px)" and
// "var(--a,1px)" differ only there.
const cssomJS = `(() => {
	const norm = (s) => s.replace(/\s+/g, " ").replace(/ ?, ?/g, ",");
	const text = (sheet) => norm(Array.from(sheet.cssRules, (r) => r.cssText).join("\n"));
	const [a, b] = document.styleSheets;
	return [a.cssRules.length, text(a) === text(b) ? "same" : text(a) + "\n=====\n" + text(b)];
})()`

// The default theme's stylesheets, compacted, are the same rules to
// Chromium as their source: its CSS object model of both is the same.
func TestCompactCSSSameRulesInBrowser(t *testing.T) {
	for _, name := range []string{"main.css", "worksheet-more.css"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("../../themes/default/static/css/" + name)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{
				"/":      []byte(`<!doctype html><title>x</title><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css">`),
				"/a.css": src,
				"/b.css": compactCSS(src),
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				data, ok := files[r.URL.Path]
				if !ok {
					http.NotFound(w, r)
					return
				}
				if r.URL.Path == "/" {
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
				} else {
					w.Header().Set("Content-Type", "text/css; charset=utf-8")
				}
				w.Write(data)
			}))
			defer srv.Close()
			tab := browsertest.New(t)
			if status := tab.Navigate(srv.URL + "/"); status != 200 {
				t.Fatalf("status %d", status)
			}
			got := browsertest.Eval[[]any](tab, cssomJS)
			if n, _ := got[0].(float64); n < 10 {
				t.Fatalf("%s: only %v rules read", name, got[0])
			}
			if got[1] != "same" {
				t.Errorf("%s: the browser reads other rules once compacted:\n%v", name, got[1])
			}
		})
	}
}
