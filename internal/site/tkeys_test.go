package site

import (
	"os"
	"strings"
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

// TestUnknownTKeyBrokenOriginal: a layout's misspelt key gets its hint
// from a key whose original text has a mistake too (an error in its own
// file, which fails the build): the key exists, its text aside; the key
// itself gets no warning, its file's error is the one.
func TestUnknownTKeyBrokenOriginal(t *testing.T) {
	tests := []struct{ name, file, key, warn string }{
		{"a brace that never closes", "footer.thanks: \"Thanks {\"\n", "footer.thnks",
			`themes/t/layouts/page.html:1:25: no translation file has the key "footer.thnks" (did you mean "footer.thanks"?), so the pages show the key itself`},
		{"plural forms without other", "footer.thanks:\n  one: Thanks\n", "footer.thnks",
			`themes/t/layouts/page.html:1:25: no translation file has the key "footer.thnks" (did you mean "footer.thanks"?), so the pages show the key itself`},
		// Spelt right: the original's error alone, no warning that the
		// key is in no file (with itself for a hint).
		{"the key itself", "footer.thanks: \"Thanks {\"\n", "footer.thanks", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			writeFile(t, dir, "themes/t/layouts/page.html", `{{define "main"}}<p>{{T "`+tt.key+`"}}</p>{{end}}`)
			writeFile(t, dir, "themes/t/i18n/en.yaml", tt.file)
			b := New(Options{Dir: dir, Out: t.TempDir()})
			if _, err := b.Build(); err == nil || !strings.HasPrefix(err.Error(), "themes/t/i18n/en.yaml:") {
				t.Fatalf("error %v, want the original's mistake", err)
			}
			if got := b.Warnings().Error(); got != tt.warn {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.warn)
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

// TestThemeStrayKeys: a key a theme's own translation files add over the
// themes it extends, that no layout names and that is a letter or two
// from a key below it, is the same warning at its line as a site's own
// (once, however many languages), and no language counts it as missing;
// a theme key its own layouts ask for is none.
func TestThemeStrayKeys(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		want     string
		coverage string
	}{
		{"a misspelt key in a theme's English",
			map[string]string{"themes/t/i18n/en.yaml": "footer.help: Need help?\nfooter.hlep: Need help?\n"},
			`themes/t/i18n/en.yaml:2:14: no layout asks for the key "footer.hlep" (did you mean "footer.help"?): this text is never shown`,
			"es: 0/3 pages, 0/0 worksheets, 0 interface keys missing"},
		{"a misspelt key in a theme's Spanish and English",
			map[string]string{"themes/t/i18n/en.yaml": "pager.nxt: Next\n", "themes/t/i18n/es.yaml": "pager.nxt: Siguiente\n"},
			`themes/t/i18n/en.yaml:1:12: no layout asks for the key "pager.nxt" (did you mean "pager.next"?): this text is never shown`,
			"es: 0/3 pages, 0/0 worksheets, 0 interface keys missing"},
		{"a key a theme's layout asks for",
			map[string]string{"themes/t/i18n/en.yaml": "pager.nxtt: Used\n", "themes/t/layouts/page.html": `{{define "main"}}<p>{{T "pager.nxtt"}}</p>{{end}}`},
			"", "es: 0/3 pages, 0/0 worksheets, 1 interface key missing"},
		{"a theme's own key like no other", map[string]string{"themes/t/i18n/en.yaml": "brand.motto: Together\n"},
			"", "es: 0/3 pages, 0/0 worksheets, 1 interface key missing"},
		{"a misspelt key of a theme over a theme",
			map[string]string{"themes/t/theme.yaml": "extends: mid\n", "themes/mid/theme.yaml": "extends: default\n",
				"themes/mid/i18n/en.yaml": "brand.motto: Together\n", "themes/t/i18n/en.yaml": "brand.moto: Together!\n"},
			`themes/t/i18n/en.yaml:1:13: no layout asks for the key "brand.moto" (did you mean "brand.motto"?): this text is never shown`,
			"es: 0/3 pages, 0/0 worksheets, 1 interface key missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			for name, body := range tt.files {
				writeFile(t, dir, name, body)
			}
			b := New(Options{Dir: dir, Out: t.TempDir()})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			if got := b.Warnings().Error(); got != tt.want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := strings.Join(b.Coverage(), "\n"); got != tt.coverage {
				t.Errorf("coverage:\n%s\nwant:\n%s", got, tt.coverage)
			}
		})
	}
}

// TestBrokenTranslationOneError: a translation T could not show (plain
// text where the original has plural forms, with a placeholder it does
// not have) is one error, at its line, and no layout or partial that asks
// for the key reports it again in Go's words.
func TestBrokenTranslationOneError(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"plain text for a plural message", "minutes: Unos {cuenta} minutos\n",
			`themes/t/i18n/es.yaml:1:10: "minutes" needs plural forms in Spanish (one, many, other), as its original in Spanish has them`},
		{"an unknown placeholder", "section.more: Más de {seccion}\n",
			`themes/t/i18n/es.yaml:1:15: "section.more" uses {seccion}, which its original does not have (did you mean {section}?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\nlanguage: es\nhelp: Llame a su consejero.\n")
			// A worksheet with its minutes, which worksheet.html and the
			// list entries (partials/entry.html) show with T "minutes".
			ws, err := os.ReadFile("../scaffold/site/content/worksheets/check-in.yaml")
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, dir, "content/guides/first-guide.md", "---\ntitle: First\n---\nFirst.\n")
			writeFile(t, dir, "content/worksheets/_index.md", "---\ntitle: Worksheets\n---\n")
			writeFile(t, dir, "content/worksheets/check-in.yaml", string(ws))
			writeFile(t, dir, "content/guides/sub/_index.md", "---\ntitle: Sub\n---\n")
			writeFile(t, dir, "content/guides/sub/d.md", "---\ntitle: D\n---\nD.\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			writeFile(t, dir, "themes/t/i18n/es.yaml", tt.file)
			err = New(Options{Dir: dir}).Check()
			if err == nil || err.Error() != tt.want {
				t.Errorf("check:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestStrayKeyInATranslation: a misspelt key in the site's file of a
// language other than the default is one mistake, said once: the error
// that the default language has no such key (the build stops), without the
// stray key's warning at the same place. In the default language's file it
// stays a warning, and the build goes on.
func TestStrayKeyInATranslation(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		err, warns string
	}{
		{"in French only", map[string]string{"i18n/fr.yaml": "footer.hlep: Aide\n"},
			`i18n/fr.yaml:1:14: unknown key "footer.hlep": English has no such key (did you mean "footer.help"?)`, ""},
		{"in English only", map[string]string{"i18n/en.yaml": "footer.hlep: Help\n"},
			"", `i18n/en.yaml:1:14: no layout asks for the key "footer.hlep" (did you mean "footer.help"?): this text is never shown`},
		{"in both", map[string]string{"i18n/en.yaml": "footer.hlep: Help\n", "i18n/fr.yaml": "footer.hlep: Aide\n"},
			"", `i18n/en.yaml:1:14: no layout asks for the key "footer.hlep" (did you mean "footer.help"?): this text is never shown`},
		{"in French, with another mistake of the file's", map[string]string{"i18n/fr.yaml": "footer.hlep: Aide\npager.nxt: Suivant\nfooter.help: Aide\n"},
			`i18n/fr.yaml:1:14: unknown key "footer.hlep": English has no such key (did you mean "footer.help"?)` + "\n" +
				`i18n/fr.yaml:2:12: unknown key "pager.nxt": English has no such key (did you mean "pager.next"?)`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n")
			for name, body := range tt.files {
				writeFile(t, dir, name, body)
			}
			b := New(Options{Dir: dir, Out: t.TempDir()})
			_, err := b.Build()
			if got := errText(err); got != tt.err {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.err)
			}
			if got := b.Warnings().Error(); got != tt.warns {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tt.warns)
			}
		})
	}
}
