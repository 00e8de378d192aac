package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// stylesheetRE finds a page's stylesheet links and the file they name.
var stylesheetRE = regexp.MustCompile(`<link rel="stylesheet" href="/css/([a-z-]+)\.[0-9a-f]{10}\.css">`)

// TestChildThemeStyles: a child theme's own static/css/worksheet.css is
// published and linked on worksheet pages only, after the default
// stylesheet and before the child's custom.css, so that custom.css has
// the last word (the worksheet scripts put the stylesheet they load later,
// worksheet-more.css, right after the first: TestChildThemeWorksheetCSS
// in package e2e). Pages of a theme without them link main.css alone.
func TestChildThemeStyles(t *testing.T) {
	const sheetCSS, customCSS = ".ws-more-buttons { margin: 3rem 0 0; }\n", ":root { --accent: #5b2a86; }\n"
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: brand\n")
	writeFile(t, dir, "themes/brand/theme.yaml", "extends: default\n")
	writeFile(t, dir, "themes/brand/static/css/worksheet.css", sheetCSS)
	writeFile(t, dir, "themes/brand/static/css/custom.css", customCSS)
	writeFile(t, dir, "content/worksheets/w.yaml", "title: W\nsections:\n  - title: S\n    questions:\n      - {id: q, type: rating, side: give, text: I listen., scale: frequency}\n")
	writeFile(t, dir, "content/worksheets/plain.yaml", "title: Plain\nsections:\n  - title: S\n    questions:\n      - {id: r, type: reflection, text: One thing.}\n")
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page string
		want []string // the stylesheets linked, in order
	}{
		{"worksheets/w/index.html", []string{"main", "worksheet", "custom"}},
		{"worksheets/plain/index.html", []string{"main", "worksheet", "custom"}}, // no scores, still a worksheet
		{"guides/a/index.html", []string{"main", "custom"}},
		{"index.html", []string{"main", "custom"}},
		{"worksheets/index.html", []string{"main", "custom"}},
		{"tags/index.html", []string{"main", "custom"}},
		{"404.html", []string{"main", "custom"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range stylesheetRE.FindAllStringSubmatch(string(data), -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("stylesheets %q, want %q", got, tt.want)
			}
		})
	}
	// The file is the child's (compacted as every stylesheet is).
	files, _ := filepath.Glob(filepath.Join(out, "css", "worksheet.*.css"))
	if len(files) != 1 {
		t.Fatalf("published worksheet stylesheets: %q", files)
	}
	if data, _ := os.ReadFile(files[0]); !strings.Contains(string(data), "margin:3rem 0 0") {
		t.Errorf("%s holds %q, not the child's rules", files[0], data)
	}

	// The default theme alone: no worksheet.css, no custom.css.
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\n")
	out2 := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out2}).Build(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out2, "worksheets", "w", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if m := stylesheetRE.FindAllStringSubmatch(string(data), -1); len(m) != 1 || m[0][1] != "main" {
		t.Errorf("the default theme's worksheet page links %q", m)
	}
}
