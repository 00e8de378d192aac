package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOwnRobots: a site's static/robots.txt is published as written in
// place of mutual's, which names the sitemap; a serve session's rebuilds
// follow the file as it comes and goes.
func TestOwnRobots(t *testing.T) {
	const generated = "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
	const own = "User-agent: *\nDisallow: /private/\n"
	for _, tc := range []struct {
		name  string
		steps []string // static/robots.txt at each build: "" for none
	}{
		{"generated", []string{""}},
		{"the site's own", []string{own}},
		{"serve: added", []string{"", own}},
		{"serve: removed", []string{own, ""}},
		{"serve: changed", []string{own, own + "Disallow: /drafts/\n", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := minimalSite(t)
			b := New(Options{Dir: dir, Watch: true})
			for i, robots := range tc.steps {
				p := filepath.Join(dir, "static", "robots.txt")
				if robots == "" {
					os.Remove(p)
				} else {
					writeFile(t, dir, "static/robots.txt", robots)
				}
				if _, err := b.Build(); err != nil {
					t.Fatalf("build %d: %v", i, err)
				}
				want := robots
				if want == "" {
					want = generated
				}
				if got, _ := os.ReadFile(filepath.Join(dir, "public", "robots.txt")); string(got) != want {
					t.Errorf("build %d: robots.txt = %q, want %q", i, got, want)
				}
			}
		})
	}
}
