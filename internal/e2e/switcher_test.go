//go:build browser

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/browsertest"
)

// TestSwitcherAligned: the entries of the language switcher, the current
// one's pill and the plain links beside it, sit on one line: the entries
// on the first's line share its top and its text's baseline, within half a
// pixel, at 320 px
// and on a desktop, light and dark, left to right and right to left.
// (The prose rule li + li once pushed every entry after the first 4 px
// down.)
func TestSwitcherAligned(t *testing.T) {
	t.Parallel()
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copySite(t, map[string]string{
		"content/site.yaml": strings.Replace(string(cfg), "theme: default", "  - code: ar\n    name: العربية\n    title: موقع\ntheme: default", 1),
	})
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.New(t)
	// The pill is the current language's entry: the first on the English
	// page, the second on the Spanish, the third on the Arabic one.
	for _, p := range []string{"guides/receiving/", "es/guides/receiving/", "ar/"} {
		for _, width := range []int64{320, 1280} {
			for _, scheme := range []string{"light", "dark"} {
				tab.Viewport(width, 800)
				tab.ColorScheme(scheme)
				if status := tab.Navigate(srv.URL("/", p)); status != 200 {
					t.Fatalf("%s: status %d", p, status)
				}
				view := fmt.Sprintf("%s at %d px, %s", p, width, scheme)
				// Each entry's box top and bottom, and its first line's
				// baseline (the bottom of an empty inline-block put before
				// the text).
				got := browsertest.Eval[[][]float64](tab, `[...document.querySelectorAll("nav.languages a")].map(a => {
					const probe = document.createElement("span");
					probe.style.display = "inline-block";
					a.prepend(probe);
					const base = probe.getBoundingClientRect().bottom;
					probe.remove();
					const r = a.getBoundingClientRect();
					return [r.top, base, r.bottom];
				})`)
				if len(got) != 3 {
					t.Fatalf("%s: %d switcher entries, want 3", view, len(got))
				}
				for i, g := range got[1:] {
					if g[0] >= got[0][2] {
						continue // wrapped to a line of its own: a narrow screen's long "(home page; ...)" note
					}
					if d := g[0] - got[0][0]; d > 0.5 || d < -0.5 {
						t.Errorf("%s: entry %d is %.1f px below the first", view, i+2, d)
					}
					if d := g[1] - got[0][1]; d > 0.5 || d < -0.5 {
						t.Errorf("%s: the text of entry %d sits %.1f px below the first's", view, i+2, d)
					}
				}
				if width == 320 {
					checkNarrow(t, tab, view, scheme, 320)
				}
			}
		}
	}
}
