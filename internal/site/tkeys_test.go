package site

import (
	"testing"
)

// TestUnknownTKeys: a key a layout asks T for that no translation file
// has shows as itself and is a warning at the layout, with a hint; a key
// the site's own i18n file adds is no warning, and neither is the build
// without such a key.
func TestUnknownTKeys(t *testing.T) {
	tests := []struct {
		name   string
		layout string // themes/t/layouts/page.html
		want   string
	}{
		{"a misspelt key", `{{define "main"}}<p>{{T "pager.nxt"}}</p>{{end}}`,
			`themes/t/layouts/page.html:1:25: no translation file has the key "pager.nxt" (did you mean "pager.next"?), so the pages show the key itself`},
		{"a key of the site's own", `{{define "main"}}<p>{{T "my.own"}}</p>{{end}}`, ""},
		{"known keys", `{{define "main"}}<p>{{T "pager.next"}}</p>{{end}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			writeFile(t, dir, "themes/t/layouts/page.html", tt.layout)
			writeFile(t, dir, "i18n/en.yaml", "my.own: Mine\n")
			b := New(Options{Dir: dir, Out: t.TempDir()})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			if got := b.Warnings().Error(); got != tt.want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestStrayKeys: a key only the site's own translation files define, that
// no layout names and that is a letter or two from a theme's key, is a
// warning at its line in the file: it overrides nothing.
func TestStrayKeys(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"a misspelt key", "pager.next: Onwards\npager.nxt: Next one\n",
			`i18n/en.yaml:2:12: no layout asks for the key "pager.nxt" (did you mean "pager.next"?): this text is never shown`},
		{"a key of the site's own, like no theme key", "my.own: Mine\n", ""},
		{"a key a layout of the site names (pager.nxtt, in every case)", "", ""},
		{"a theme's key", "pager.next: Onwards\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			writeFile(t, dir, "themes/t/layouts/page.html", `{{define "main"}}<p>{{T "pager.nxtt"}}</p>{{end}}`)
			writeFile(t, dir, "i18n/en.yaml", tt.file+"pager.nxtt: Used\n")
			b := New(Options{Dir: dir, Out: t.TempDir()})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			if got := b.Warnings().Error(); got != tt.want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
