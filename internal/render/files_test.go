package render

import (
	"html"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"mutual/themes"
)

// TestCSPMatchesTheme ties the two places the Content-Security-Policy is
// written: CSP (the pages mutual writes itself, and the header mutual
// serve sends) and the meta tag of the default theme's base.html. A change
// to one must be made to the other.
func TestCSPMatchesTheme(t *testing.T) {
	base, err := fs.ReadFile(themes.Default(), "layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	m := re.FindAllSubmatch(base, -1)
	if len(m) != 1 {
		t.Fatalf("base.html has %d Content-Security-Policy meta tags, want 1", len(m))
	}
	// The theme lists the image origins site.yaml allows (Policy).
	got := strings.Replace(html.UnescapeString(string(m[0][1])), "{{range .Site.AllowOrigins}} {{.}}{{end}}", "", 1)
	if got != CSP {
		t.Errorf("the default theme's policy differs from render.CSP:\ntheme %s\nCSP   %s", got, CSP)
	}
	redirect := string(Redirect("en", "/a/", "https://example.org/a/", ""))
	if !strings.Contains(redirect, `<meta http-equiv="Content-Security-Policy" content="`+CSP+`">`) {
		t.Errorf("a redirect page does not carry CSP:\n%s", redirect)
	}
}
