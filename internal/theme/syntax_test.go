package theme

import (
	"strings"
	"testing"
)

// TestAllSyntaxErrors: a syntax error in one file stops no other file's
// check: one build reports every layout's and partial's syntax errors,
// sorted by file, line and column, each in plain words at its place.
func TestAllSyntaxErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each error's "path:line:col" prefix, in order
	}{
		{"a partial and two layouts", map[string]string{
			"base.html":            `{{block "main" .}}{{end}}`,
			"partials/footer.html": "ok",
			"partials/nav.html":    "<nav>\n{{if .Title}}",
			"page.html":            `{{define "main"}}{{.Title}{{end}}`,
			"section.html":         "{{define \"main\"}}\n\n  {{range .Pages}}{{end}}{{end}}{{end}}",
			"home.html":            `{{define "main"}}{{partial "footer.html" .}}{{end}}`,
		}, []string{
			"themes/t/layouts/page.html:1:",
			"themes/t/layouts/partials/nav.html:2:",
			"themes/t/layouts/section.html:3:",
		}},
		{"base.html and a layout", map[string]string{
			"base.html":      "<main>{{block \"main\" .}}{{end}}\n{{end}}",
			"page.html":      `{{define "main"}}{{.Title{{end}}`,
			"wide.html":      `{{define "main"}}{{nosuch .}}{{end}}`,
			"search.html":    `{{define "main"}}ok{{end}}`,
			"docs/page.html": "{{define \"main\"}}\n{{else}}{{end}}",
		}, []string{
			"themes/t/layouts/base.html:2:",
			"themes/t/layouts/docs/page.html:2:",
			"themes/t/layouts/page.html:1:",
			"themes/t/layouts/wide.html:1:",
		}},
		{"two partials", map[string]string{
			"base.html":       `{{block "main" .}}{{end}}`,
			"partials/b.html": "{{else}}",
			"partials/a.html": "\n{{with}}{{end}}",
			"page.html":       `{{define "main"}}{{partial "a.html" .}}{{end}}`,
		}, []string{
			"themes/t/layouts/partials/a.html:2:",
			"themes/t/layouts/partials/b.html:1:",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseTestTheme(t, tc.files, nil)
			if err == nil {
				t.Fatal("no error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("%d errors, want %d", len(lines), len(tc.want))
			}
			for i, l := range lines {
				if !strings.HasPrefix(l, tc.want[i]) {
					t.Errorf("error %d: %s\nwant it at %s", i, l, tc.want[i])
				}
				for _, jargon := range []string{"template: ", "EOF", "in command", "got ", "<"} {
					if strings.Contains(l, jargon) {
						t.Errorf("error %d says %q: %s", i, jargon, l)
					}
				}
			}
		})
	}
}

// TestBaseNotUTF8: a base.html that is not UTF-8 is one error at its
// place, not also "the theme chain has no layouts/base.html".
func TestBaseNotUTF8(t *testing.T) {
	_, err := parseTestTheme(t, map[string]string{"base.html": "ok\n\xff", "page.html": `{{define "main"}}{{end}}`}, nil)
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.HasPrefix(err.Error(), "themes/t/layouts/base.html:2:1: ") {
		t.Errorf("got %v", err)
	}
}

// TestOutsideMain: a layout that defines no template but holds text or
// actions (a whole page, written as Hugo writes a layout without a base
// template) is an error at its first text or action: base.html makes
// every page and shows only the "main" a layout defines, so its pages
// used to come out empty without a word. A layout that defines main (by
// define or block), and one that holds only comments and spaces, is fine;
// base.html and partials are not layouts of a kind.
func TestOutsideMain(t *testing.T) {
	const msg = `this layout defines no {{define "main"}}, so its pages show none of it: base.html makes every page and shows the "main" a layout defines; put what the page shows between {{define "main"}} and {{end}}`
	for _, tt := range []struct {
		name, file, body, want string // want: the error's "path:line:col", "" for none
	}{
		{"a kind's layout, text first", "page.html", "<h1>{{.Title}}</h1>\n{{.Content}}\n", "themes/t/layouts/page.html:1:1"},
		{"after blank lines", "section.html", "\n\n  <article>{{.Content}}</article>\n", "themes/t/layouts/section.html:3:3"},
		{"an action first, after a comment", "home.html", "{{/* the home page */}}\n  {{- range .Pages}}{{.Title}}{{end}}\n", "themes/t/layouts/home.html:2:3"},
		{"a type's layout", "docs/page.html", "{{.Content}}", "themes/t/layouts/docs/page.html:1:1"},
		{"a layout by name", "wide.html", "<div class=\"wide\">{{.Content}}</div>", "themes/t/layouts/wide.html:1:1"},
		{"define", "page.html", "{{define \"main\"}}<h1>{{.Title}}</h1>{{end}}\n", ""},
		{"block", "page.html", "{{block \"main\" .}}<h1>{{.Title}}</h1>{{end}}\n", ""},
		{"define, and a comment outside", "page.html", "{{/* Dot: *site.Page */}}\n{{define \"main\"}}x{{end}}\n", ""},
		{"another define", "page.html", "{{define \"extra\"}}x{{end}}", ""},
		{"comments and spaces only", "page.html", "{{/* nothing yet */}}\n\n", ""},
		{"a partial", "partials/card.html", "<div>{{.Title}}</div>", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"base.html": `<main>{{block "main" .}}{{end}}</main>`, tt.file: tt.body}
			_, err := parseTestTheme(t, files, nil)
			got := ""
			if err != nil {
				got = err.Error()
			}
			want := ""
			if tt.want != "" {
				want = tt.want + ": " + msg
			}
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
