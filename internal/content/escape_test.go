package content

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// FuzzPaths checks the two ways a writer's path becomes a URL: a path
// escaped for a link unescapes back to itself and holds nothing a URL
// cannot, and an accepted alias (as written, and as pageAlias reads it in a
// page's front matter) is a clean site path with no part a static
// host hides (.git) and no "?" or "#".
func FuzzPaths(f *testing.F) {
	for _, s := range []string{"guides/a b/", "notes#1.txt", "100%.txt", "é/ü?.md", "/old/path/", "/.git/x", "/a/../b", "/x%2F..%2F/", "/%2e%2e/", "old", "../old", "./x/../../y", "a%2F..%2F..%2Fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := PathEscape(s)
		if back, err := url.PathUnescape(e); err != nil || back != s {
			t.Fatalf("PathEscape(%q) = %q, unescaped %q (%v)", s, e, back, err)
		}
		if strings.ContainsAny(e, " #?\"<>\\^`{|}") || strings.ContainsFunc(e, func(r rune) bool { return r > 126 || r < 33 }) {
			t.Fatalf("PathEscape(%q) = %q holds a character a URL cannot", s, e)
		}
		check := func(u, msg, page string) {
			if msg != "" {
				return
			}
			out := OutFile(u)
			if out != path.Clean(out) || strings.HasPrefix(out, "/") || strings.HasPrefix(out, "../") || out == ".." || strings.ContainsAny(u, "?#") {
				t.Fatalf("alias %q of /%s gives the output path %q", s, page, out)
			}
			for _, seg := range strings.Split(out, "/") {
				if strings.HasPrefix(seg, ".") {
					t.Fatalf("alias %q of /%s gives the output path %q, with a dot part", s, page, out)
				}
			}
		}
		u, msg := aliasURL(s)
		check(u, msg, "")
		// The same alias in a page's front matter, read from the page's
		// folder when it has no leading "/".
		for _, page := range []string{"", "es/", "guides/a/", "es/guides/a/", "x.html"} {
			prefix := ""
			if strings.HasPrefix(page, "es/") {
				prefix = "es/"
			}
			u, msg := pageAlias(s, page, prefix)
			check(u, msg, page)
		}
	})
}
