package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCheck: every way a translation can differ from its original, each
// reported at its line and column.
func TestCheck(t *testing.T) {
	theme := map[string]string{
		"en.yaml": `pager.next: Next
minutes:
  one: About {count} minute
  other: About {count} minutes
section.more: More in {section}
tags.count:
  one: "{count} page tagged {tag}"
  other: "{count} pages tagged {tag}"
`,
	}
	tests := []struct {
		name string
		site map[string]string // the site's i18n/ over the theme
		want string
	}{
		{"complete", map[string]string{"de.yaml": `pager.next: Weiter
minutes:
  one: Etwa eine Minute
  other: Etwa {count} Minuten
section.more: Mehr in {section}
tags.count:
  one: "Eine Seite zum Schlagwort {tag}"
  other: "{count} Seiten zum Schlagwort {tag}"
`}, ""},
		{"an override of one key", map[string]string{"en.yaml": "pager.next: Onward\n", "de.yaml": "pager.next: Weiter\n"}, ""},
		{"japanese needs only other, plain is fine", map[string]string{"ja.yaml": "minutes: 約{count}分\n"}, ""},
		{"arabic with all six", map[string]string{"ar.yaml": "minutes:\n  zero: أقل من دقيقة\n  one: دقيقة\n  two: دقيقتان\n  few: \"{count} دقائق\"\n  many: \"{count} دقيقة\"\n  other: \"{count} دقيقة\"\n"}, ""},
		{"unknown key", map[string]string{"de.yaml": "pager.nxet: Weiter\n"},
			`layer0/i18n/de.yaml:1:13: unknown key "pager.nxet": English has no such key (did you mean "pager.next"?)`},
		{"plural where the original has none", map[string]string{"de.yaml": "pager.next:\n  one: Weiter\n  other: Weiter\n"},
			`layer0/i18n/de.yaml:2:3: "pager.next" has plural forms, but its original in English has none: write one text`},
		{"plain where the original is plural", map[string]string{"de.yaml": "minutes: Etwa {count} Minuten\n"},
			`layer0/i18n/de.yaml:1:10: "minutes" needs plural forms in German (one, other), as its original in English has them`},
		{"a form the language needs", map[string]string{"es.yaml": "minutes:\n  one: Un minuto\n  other: Unos {count} minutos\n"},
			`layer0/i18n/es.yaml:2:3: "minutes" lacks the "many" form, which Spanish uses for counts such as 1000000`},
		{"russian needs few", map[string]string{"ru.yaml": "minutes:\n  one: \"{count} минута\"\n  many: \"{count} минут\"\n  other: \"{count} минуты\"\n"},
			`layer0/i18n/ru.yaml:2:3: "minutes" lacks the "few" form, which Russian uses for counts such as 2`},
		{"a form the language does not use", map[string]string{"de.yaml": "minutes:\n  one: Eine Minute\n  few: Ein paar Minuten\n  other: \"{count} Minuten\"\n"},
			`layer0/i18n/de.yaml:3:8: "minutes" has a "few" form, which German does not use (its forms: one, other)`},
		{"an unknown placeholder", map[string]string{"de.yaml": "section.more: Mehr in {sektion}\n"},
			`layer0/i18n/de.yaml:1:15: "section.more" uses {sektion}, which its original does not have (did you mean {section}?)`},
		{"an extra placeholder", map[string]string{"de.yaml": "section.more: Mehr in {section} von {site}\n"},
			`layer0/i18n/de.yaml:1:15: "section.more" uses {site}, which its original does not have`},
		{"a form without a named placeholder", map[string]string{"de.yaml": "tags.count:\n  one: Eine Seite\n  other: \"{count} Seiten zum Schlagwort {tag}\"\n"},
			`layer0/i18n/de.yaml:2:8: the "one" form of "tags.count" leaves out {tag}, which its original has`},
		{"other without the count", map[string]string{"de.yaml": "minutes:\n  one: Eine Minute\n  other: Einige Minuten\n"},
			`layer0/i18n/de.yaml:3:10: the "other" form of "minutes" leaves out {count}, which its original has`},
		{"many without the count", map[string]string{"fr.yaml": "minutes:\n  one: Une minute\n  many: Des millions de minutes\n  other: \"{count} minutes\"\n"},
			`layer0/i18n/fr.yaml:3:9: the "many" form of "minutes" leaves out {count}, which its original has`},
		{"the default language's own forms", map[string]string{"en.yaml": "extra:\n  one: x\n  two: y\n  other: z\n"},
			`layer0/i18n/en.yaml:3:8: "extra" has a "two" form, which English does not use (its forms: one, other)`},
		{"an override of the original keeps its placeholders", map[string]string{"en.yaml": "section.more: See also {sectoin}\n"},
			`layer0/i18n/en.yaml:1:15: "section.more" uses {sectoin}, which its original does not have (did you mean {section}?)`},
	}
	for _, tt := range tests {
		trs := testTranslations(t, "en", tt.site, theme)
		if got := trs.Check().Error(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestCheckLayers: a translation is held to the original of its own
// layer (or the nearest below), so one mistake is reported once.
func TestCheckLayers(t *testing.T) {
	for _, tt := range []struct {
		name    string
		site    map[string]string
		want    string
		themeDE string // the theme's de.yaml
	}{
		// The site's English changes a placeholder: its own file is wrong,
		// the theme's German (which translates the theme's English) is not.
		{"an override's mistake is its own", map[string]string{"en.yaml": "section.more: See also {sectoin}\n"},
			`layer0/i18n/en.yaml:1:15: "section.more" uses {sectoin}, which its original does not have (did you mean {section}?)`,
			"section.more: Mehr in {section}\n"},
		{"the theme's German held to the theme's English", nil,
			`layer1/i18n/de.yaml:1:15: "section.more" uses {sektion}, which its original does not have (did you mean {section}?)`,
			"section.more: Mehr in {sektion}\n"},
		{"a site's German held to the site's English", map[string]string{"en.yaml": "section.more: See {section}\n", "de.yaml": "section.more: Siehe {sektion}\n"},
			`layer0/i18n/de.yaml:1:15: "section.more" uses {sektion}, which its original does not have (did you mean {section}?)`,
			"section.more: Mehr in {section}\n"},
	} {
		theme := map[string]string{"en.yaml": "section.more: More in {section}\n", "de.yaml": tt.themeDE}
		trs := testTranslations(t, "en", tt.site, theme)
		if got := trs.Check().Error(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestBrokenTranslationLeftOut: a translation Check reports as one T
// could not show is left out of lookups, so the pages show the text it
// would have replaced (the theme's own translation, else the original)
// and no layout fails on it again; a translation with a mistake T can
// live with stays in use.
func TestBrokenTranslationLeftOut(t *testing.T) {
	theme := map[string]string{
		"en.yaml": "minutes:\n  one: About {count} minute\n  other: About {count} minutes\nsection.more: More in {section}\npager.next: Next\n",
		"es.yaml": "minutes:\n  one: Un minuto\n  many: Unos {count} de minutos\n  other: Unos {count} minutos\nsection.more: Más en {section}\n",
	}
	tests := []struct {
		name    string
		site    map[string]string
		key     string
		args    []any
		want    string
		wantErr string // Check's one error
	}{
		{"a plain text where the original is plural", map[string]string{"es.yaml": "minutes: Unos {cuenta} minutos\n"},
			"minutes", []any{5}, "Unos 5 minutos",
			`layer0/i18n/es.yaml:1:10: "minutes" needs plural forms in Spanish (one, many, other), as its original in English has them`},
		{"an unknown placeholder", map[string]string{"es.yaml": "section.more: Más de {seccion}\n"},
			"section.more", []any{"section", "Guías"}, "Más en Guías",
			`layer0/i18n/es.yaml:1:15: "section.more" uses {seccion}, which its original does not have (did you mean {section}?)`},
		{"plural forms where the original has none, no theme translation below", map[string]string{"es.yaml": "pager.next:\n  one: Siguiente\n  many: Siguientes\n  other: Siguientes\n"},
			"pager.next", nil, "Next",
			`layer0/i18n/es.yaml:2:3: "pager.next" has plural forms, but its original in English has none: write one text`},
		{"a left-out placeholder stays in use", map[string]string{"es.yaml": "section.more: Más\n"},
			"section.more", []any{"section", "Guías"}, "Más",
			`layer0/i18n/es.yaml:1:15: "section.more" leaves out {section}, which its original has`},
		{"a good override", map[string]string{"es.yaml": "section.more: Ver {section}\n"},
			"section.more", []any{"section", "Guías"}, "Ver Guías", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trs := testTranslations(t, "en", tt.site, theme)
			if got := trs.Check().Error(); got != tt.wantErr {
				t.Errorf("check:\n got %s\nwant %s", got, tt.wantErr)
			}
			got, err := trs.For("es").T(tt.key, tt.args...)
			if err != nil || got != tt.want {
				t.Errorf("T %q = %q, %v; want %q", tt.key, got, err, tt.want)
			}
		})
	}
}

// TestCheckBrokenOriginal: a translation's misspelt key gets its "did
// you mean" from every key the original has, those whose messages have
// a mistake too (reported in their own file and left out of the
// catalog): a text in the wrong shape does not take its key's name away.
// The key itself, spelt right, is no second error.
func TestCheckBrokenOriginal(t *testing.T) {
	theme := map[string]string{"en.yaml": "pager.next: Next\nfooter.help: Help\n"}
	tests := []struct {
		name       string
		site       map[string]string // the site's i18n/ over the theme
		themeToo   map[string]string // added to the theme's
		want, load string
	}{
		{"misspelt, the site's new original broken",
			map[string]string{"en.yaml": "footer.thanks: \"Thanks {\"\n", "de.yaml": "footer.thnks: Danke\n"}, nil,
			`layer0/i18n/de.yaml:1:15: unknown key "footer.thnks": English has no such key (did you mean "footer.thanks"?)`,
			`layer0/i18n/en.yaml:1:16: "footer.thanks": a brace opens a placeholder that never closes: "{" (write {{ for a brace itself)`},
		{"misspelt, the theme's original broken",
			map[string]string{"de.yaml": "sharing.titel: Teilen\n"}, map[string]string{"en.yaml": "pager.next: Next\nsharing.title:\n  one: x\n"},
			`layer0/i18n/de.yaml:1:16: unknown key "sharing.titel": English has no such key (did you mean "sharing.title"?)`,
			`layer1/i18n/en.yaml:3:3: "sharing.title" has no "other" form, which every language needs`},
		{"spelt right, the original broken",
			map[string]string{"en.yaml": "footer.thanks: \"Thanks {\"\n", "de.yaml": "footer.thanks: Danke\n"}, nil,
			"",
			`layer0/i18n/en.yaml:1:16: "footer.thanks": a brace opens a placeholder that never closes: "{" (write {{ for a brace itself)`},
		{"misspelt, nothing near",
			map[string]string{"en.yaml": "footer.thanks: \"Thanks {\"\n", "de.yaml": "colophon: Impressum\n"}, nil,
			`layer0/i18n/de.yaml:1:11: unknown key "colophon": English has no such key`,
			`layer0/i18n/en.yaml:1:16: "footer.thanks": a brace opens a placeholder that never closes: "{" (write {{ for a brace itself)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := map[string]string{}
			for k, v := range theme {
				th[k] = v
			}
			for k, v := range tt.themeToo {
				th[k] = v
			}
			var layers []Layer
			var load []string
			for i, files := range []map[string]string{tt.site, th} {
				fsys := fstest.MapFS{}
				for name, src := range files {
					fsys["i18n/"+name] = &fstest.MapFile{Data: []byte(src)}
				}
				l, err := LoadLayer(fsys, "i18n", "layer"+string(rune('0'+i))+"/i18n")
				if err != nil {
					load = append(load, err.Error())
				}
				layers = append(layers, l)
			}
			if got := strings.Join(load, "\n"); got != tt.load {
				t.Errorf("load:\n got %s\nwant %s", got, tt.load)
			}
			if got := New(MustCode("en"), layers...).Check().Error(); got != tt.want {
				t.Errorf("check:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}
