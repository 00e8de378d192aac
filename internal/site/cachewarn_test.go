package site

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"mutual/themes"
)

// TestCacheWarned: a theme that copies every layout of the default theme
// (as mutual new layout does, file by file) builds without a warning about
// cached partials, with the build's own functions (active, T); its footer
// printing the page's title, which base.html shows with partialCached once
// a build, is a warning at the {{.Site.Title}}, and the build goes on.
func TestCacheWarned(t *testing.T) {
	t.Parallel()
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: brand\nmenu:\n  - name: Guides\n    url: guides/_index.md\n")
	writeFile(t, dir, "content/guides/_index.md", "---\ntitle: Guides\n---\n")
	writeFile(t, dir, "themes/brand/theme.yaml", "extends: default\n")
	def := themes.Default()
	var footer, base string
	fs.WalkDir(def, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(def, p)
			writeFile(t, dir, "themes/brand/"+p, string(b))
			switch p {
			case "layouts/partials/footer.html":
				footer = string(b)
			case "layouts/base.html":
				base = string(b)
			}
		}
		return nil
	})
	// One Builder, as mutual serve keeps, through every step: the
	// warnings it keeps between builds follow the layouts.
	b := New(Options{Dir: dir})
	warnings := func() []string {
		t.Helper()
		return builderWarnings(t, b)
	}
	if got := warnings(); len(got) > 0 {
		t.Errorf("the default theme's layouts, copied, warn:\n%s", strings.Join(got, "\n"))
	}

	const mark = `<div class="footer-meta">`
	if !strings.Contains(footer, mark) {
		t.Fatalf("the default footer.html has no %s", mark)
	}
	line := strings.Count(footer[:strings.Index(footer, mark)], "\n") + 1
	call := strings.Index(base, `{{partialCached "footer.html" .}}`)
	if call < 0 {
		t.Fatal("the default base.html does not cache footer.html")
	}
	callLine := strings.Count(base[:call], "\n") + 1
	writeFile(t, dir, "themes/brand/layouts/partials/footer.html", strings.Replace(footer, mark, mark+"<p>{{.Title}}</p>", 1))
	got := warnings()
	want := []string{
		"themes/brand/layouts/partials/footer.html:" + strconv.Itoa(line) + ":" + strconv.Itoa(len(mark)+6) +
			`: .Title differs from page to page, but base.html:` + strconv.Itoa(callLine) + ` shows footer.html with partialCached: it is made once, for whichever page comes first, and every page shows that. Call it with {{partial "footer.html" .}} there, or add .Title to its variants: {{partialCached "footer.html" . .Title}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// An edit of a page keeps the warning; the footer put right ends it.
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A, edited\n---\nHello.\n")
	if got := warnings(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after a page's edit, warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	writeFile(t, dir, "themes/brand/layouts/partials/footer.html", footer)
	if got := warnings(); len(got) > 0 {
		t.Errorf("the footer put right, warnings:\n%s", strings.Join(got, "\n"))
	}
}
