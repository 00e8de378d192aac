package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// attrRE finds the attributes whose values are interface texts, which
// must stay plain text (the scripts read data-text-* as text).
var attrRE = regexp.MustCompile(`\s(data-text-[a-z-]+|data-search-[a-z-]+|aria-label|placeholder|title)="([^"]*)"`)

var guideRE = regexp.MustCompile(`\.\./guides/[a-z/-]+\.md`)

// TestFallbackMarks: interface texts a language lacks are marked with the
// default language's lang in the content of elements, never in
// attributes; a language with all its texts gets no marks on its own
// pages, and marks its own words on the pages it shows untranslated.
func TestFallbackMarks(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n  - {code: it, name: Italiano}\nhelp: Call someone you trust.\n")
	sheet, err := os.ReadFile(filepath.Join("..", "..", "content", "worksheets", "give-and-take.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/worksheets/give-and-take.yaml", guideRE.ReplaceAllString(string(sheet), "../guides/a.md"))
	writeFile(t, dir, "content/guides/a.es.md", "---\ntitle: A en español\n---\nHola.\n")
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page         string
		minEN, minES int  // at least this many <span lang="en">, <span lang="es">
		noEN, noES   bool // none at all
	}{
		{page: "guides/a/index.html", noEN: true, noES: true},
		{page: "worksheets/give-and-take/index.html", noEN: true, noES: true},
		{page: "es/guides/a/index.html", noEN: true, noES: true},
		// Spanish shows b and the worksheet untranslated: its own words
		// are marked there.
		{page: "es/guides/b/index.html", minES: 5, noEN: true},
		{page: "es/worksheets/give-and-take/index.html", minES: 40, noEN: true},
		// Italian has no theme texts: every interface word is English.
		{page: "it/guides/a/index.html", minEN: 5, noES: true},
		{page: "it/worksheets/give-and-take/index.html", minEN: 40, noES: true},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
			if err != nil {
				t.Fatal(err)
			}
			html := string(data)
			en, es := strings.Count(html, `<span lang="en">`), strings.Count(html, `<span lang="es">`)
			if en < tt.minEN || tt.noEN && en > 0 {
				t.Errorf("%d texts marked lang=en, want at least %d (none: %v)", en, tt.minEN, tt.noEN)
			}
			if es < tt.minES || tt.noES && es > 0 {
				t.Errorf("%d texts marked lang=es, want at least %d (none: %v)", es, tt.minES, tt.noES)
			}
			n := 0
			for _, m := range attrRE.FindAllStringSubmatch(html, -1) {
				n++
				if strings.Contains(m[2], "span") || strings.Contains(m[2], "<") || strings.Contains(m[2], "&lt;") {
					t.Errorf("attribute %s holds markup: %q", m[1], m[2])
				}
			}
			if strings.Contains(tt.page, "worksheet") && n < 30 {
				t.Errorf("only %d text attributes found: the pattern misses the page's", n)
			}
		})
	}
}
