package theme

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTranslationsLayers: the site's own i18n/ beats its theme's, which
// beats the default theme's, key by key; what none of them has comes from
// the default language.
func TestTranslationsLayers(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"i18n/de.yaml":                        "footer.feed: Newsfeed\n",
		"themes/mine/theme.yaml":              "extends: default\n",
		"themes/mine/i18n/de.yaml":            "footer.feed: Abo\npager.next: Weiter geht's\n",
		"themes/mine/i18n/en.yaml":            "pager.next: Onwards\n",
		"themes/mine/layouts/partials/x.html": "",
	})
	chain, errs := LoadChain(dir, "mine", "content/site.yaml", 1, 1)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	trs, hash, errs := chain.Translations(dir, dir, "en", nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	de, en := trs.For("de"), trs.For("en")
	for _, c := range []struct{ got, want string }{
		{must(de.T("footer.feed")), "Newsfeed"},          // the site's own
		{must(de.T("pager.next")), "Weiter geht's"},      // the child theme's
		{must(de.T("pager.previous")), "Zurück"},         // the default theme's
		{must(en.T("pager.next")), "Onwards"},            // the child theme's English
		{must(trs.For("sv").T("pager.next")), "Onwards"}, // a language nobody has: the default language
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	// The hash follows every file read.
	writeTree(t, dir, map[string]string{"i18n/de.yaml": "footer.feed: Feed\n"})
	if _, h2, _ := chain.Translations(dir, dir, "en", nil); string(h2) == string(hash) {
		t.Error("editing the site's translation file leaves the hash as it was")
	}
}

func must(s string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return s
}

// TestTranslationsErrors: a site translation file that is not a language's,
// too big, leads out of the site, or breaks its original is an error.
func TestTranslationsErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		link  [2]string // a symbolic link to make: name, target
		want  string
	}{
		{"not a code", map[string]string{"i18n/german.yaml": "pager.next: Weiter\n"}, [2]string{}, `i18n/german.yaml`},
		{"unknown key", map[string]string{"i18n/de.yaml": "pager.nxt: Weiter\n"}, [2]string{}, `pager.nxt`},
		{"too big", map[string]string{"i18n/de.yaml": "pager.next: " + strings.Repeat("x", 1<<20) + "\n"}, [2]string{}, "a translation file may be at most 1024 KB"},
		{"link out", nil, [2]string{"i18n", "/etc"}, "symbolic link to /etc, which is outside the site folder"},
		{"file linked out", map[string]string{"i18n/.keep": ""}, [2]string{"i18n/de.yaml", "/etc/hostname"}, "i18n/de.yaml: symbolic link to /etc/hostname"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			if tt.link[0] != "" {
				if err := os.Symlink(tt.link[1], filepath.Join(dir, tt.link[0])); err != nil {
					t.Fatal(err)
				}
			}
			chain, errs := LoadChain(dir, "default", "content/site.yaml", 1, 1)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			_, _, errs = chain.Translations(dir, dir, "en", nil)
			if !strings.Contains(errs.Error(), tt.want) {
				t.Errorf("errors %q lack %q", errs.Error(), tt.want)
			}
		})
	}
}

// TestTranslationsEveryErrorOfAFile: a file with a message in the wrong
// shape is still checked against its original, so its misspelt keys come
// in the same run, each at its line:col; and a key whose only original is
// broken is not called unknown in its translations.
func TestTranslationsEveryErrorOfAFile(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"shape and typo", map[string]string{"i18n/fr.yaml": "home: [Accueil]\nfooter.hlep: Aide\npager.next: Suivant\n"},
			`i18n/fr.yaml:1:7: "home" must be a text, or its plural forms (one:, other: ...)
i18n/fr.yaml:2:14: unknown key "footer.hlep": English has no such key (did you mean "footer.help"?)`},
		{"typo before shape", map[string]string{"i18n/fr.yaml": "pager.nxt: Suivant\nhome: {count}\n"},
			`i18n/fr.yaml:1:12: unknown key "pager.nxt": English has no such key (did you mean "pager.next"?)
i18n/fr.yaml:2:7: "home": a text that starts with "{" goes in quotes, as in home: "{count} pages"`},
		{"broken original", map[string]string{"i18n/en.yaml": "own.key: [x]\n", "i18n/de.yaml": "own.key: y\nown.kye: z\n"},
			`i18n/de.yaml:2:10: unknown key "own.kye": English has no such key (did you mean "own.key"?)
i18n/en.yaml:1:10: "own.key" must be a text, or its plural forms (one:, other: ...)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			chain, errs := LoadChain(dir, "default", "content/site.yaml", 1, 1)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			_, _, errs = chain.Translations(dir, dir, "en", nil)
			if got := errs.Error(); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestThemeYAMLKeys: the metadata keys of a Hugo or Zola theme.toml are
// accepted (and not read) in theme.yaml, while a misspelt key of mutual's
// own stays an error with its hint, and so do colours.
func TestThemeYAMLKeys(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"hugo metadata", `name: Mine
license: MIT
licenselink: https://example.org/LICENSE
description: A calm theme
homepage: https://example.org/
demosite: https://example.org/demo/
tags: [blog, minimal]
features: [dark mode]
min_version: "0.120"
author:
  name: Ana
  homepage: https://example.org/ana
authors:
  - name: Ben
original:
  author: Someone
  homepage: https://example.org/orig
  repo: https://example.org/orig.git
extends: default
`, ""},
		{"zola metadata", "name: mine\ndescription: x\nlicense: MIT\nhomepage: https://example.org\nmin_version: 0.17.0\ndemo: https://example.org/demo\nauthor: {name: Ana, homepage: https://example.org}\n", ""},
		{"typo of extends", "extend: default\nlicense: MIT\n", `themes/mine/theme.yaml:1:1: unknown key "extend" in theme.yaml (did you mean "extends"?)`},
		{"typo of name", "nmae: Mine\n", `themes/mine/theme.yaml:1:1: unknown key "nmae" in theme.yaml (did you mean "name"?)`},
		{"colours", "colors: {accent: red}\n", `themes/mine/theme.yaml:1:1: unknown key "colors" in theme.yaml: a theme's colours are custom properties`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"themes/mine/theme.yaml": tt.yaml})
			_, errs := LoadChain(dir, "mine", "content/site.yaml", 1, 1)
			got := errs.Error()
			if tt.want == "" && len(errs) > 0 || !strings.HasPrefix(got, tt.want) {
				t.Errorf("errors %q, want %q", got, tt.want)
			}
		})
	}
}
