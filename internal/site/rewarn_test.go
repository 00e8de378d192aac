package site

import (
	"path/filepath"
	"testing"
)

// TestRebuildKeepsWarnings: a rebuild after an edit reports the warnings
// a full build of the same files reports, those of the pages it keeps
// included: a Markdown link a page or a worksheet shows as written, a key
// a layout asks T for that no translation has.
func TestRebuildKeepsWarnings(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
	writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
	writeFile(t, dir, "themes/t/layouts/page.html", `{{define "main"}}<p>{{T "pager.nxt"}}</p>{{.Content}}{{end}}`)
	writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\n---\nSee ![a photo](my photo.png).\n")
	writeFile(t, dir, "content/worksheets/w.yaml", "title: W\nintro: See ![a photo](my photo.png).\nsections:\n  - title: S\n    questions:\n      - {id: n, type: reflection, text: Notes}\n")
	b := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out"), Watch: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	full := b.Warnings().Error()
	if full == "" {
		t.Fatal("the site has no warnings to keep")
	}
	for i, edit := range []string{"Hello again.\n", "Hello once more.\n"} {
		writeFile(t, dir, "content/_index.md", "---\ntitle: Home\n---\n"+edit)
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		if got := b.Warnings().Error(); got != full {
			t.Errorf("rebuild %d: warnings\n%s\nwant those of the full build:\n%s", i+1, got, full)
		}
	}
}
