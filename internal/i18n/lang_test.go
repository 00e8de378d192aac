package i18n

import (
	"slices"
	"testing"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "en", want: "en"},
		{in: "DE", want: "de"},
		{in: "pt-br", want: "pt-BR"},
		{in: "PT-BR", want: "pt-BR"},
		{in: "zh-hant", want: "zh-Hant"},
		{in: "zh-Hant-TW", want: "zh-Hant-TW"},
		{in: "sr-latn-rs", want: "sr-Latn-RS"},
		{in: "es-419", want: "es-419"},
		{in: "ckb", want: "ckb"},
		{in: "de-CH-1996", want: "de-CH-1996"},
		{in: "sl-rozaj", want: "sl-rozaj"},
		{in: "", err: `the language code is empty: use a short code such as "en", "de" or "pt-BR"`},
		{in: "en_US", err: `"en_US" is not a language code: subtags are joined by a hyphen, as in "en-US"`},
		{in: "english", err: `"english" is not a language code (did you mean "en"?)`},
		{in: "Deutsch", err: `"Deutsch" is not a language code (did you mean "de"?)`},
		{in: "e", err: `"e" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
		{in: "en-", err: `"en-" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
		{in: "en-US-x", err: `"en-US-x" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
		{in: "12", err: `"12" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
		{in: "de/../x", err: `"de/../x" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
		{in: "fr CA", err: `"fr CA" is not a language code: use a two- or three-letter code, optionally with a region, such as "en", "de" or "pt-BR"`},
	}
	for _, tt := range tests {
		got, err := ParseCode(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseCode(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCodeParts(t *testing.T) {
	c := MustCode("zh-Hant-TW")
	if c.Base() != "zh" || c.Script() != "Hant" {
		t.Errorf("Base, Script = %q, %q", c.Base(), c.Script())
	}
	if got, want := c.Chain(), []Code{"zh-Hant-TW", "zh-Hant", "zh"}; !slices.Equal(got, want) {
		t.Errorf("Chain = %q, want %q", got, want)
	}
	if MustCode("pt-BR").Script() != "" {
		t.Error("pt-BR has no script")
	}
	if got := Code("").Chain(); got != nil {
		t.Errorf("empty Chain = %q", got)
	}
	for code, want := range map[Code]string{"de": "German", "pt-BR": "Brazilian Portuguese", "de-AT": "German (de-AT)", "xx": `language "xx"`} {
		if got := code.EnglishName(); got != want {
			t.Errorf("%s.EnglishName() = %q, want %q", code, got, want)
		}
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		code string
		want Dir
	}{
		{"en", LTR}, {"de", LTR}, {"pt-BR", LTR},
		{"ar", RTL}, {"he", RTL}, {"fa", RTL}, {"ur", RTL}, {"ar-EG", RTL}, {"yi", RTL},
		{"az-Arab", RTL}, {"ku-Latn", LTR}, {"pa-Arab-PK", RTL}, {"uz-Cyrl", LTR},
	}
	for _, tt := range tests {
		if got := MustCode(tt.code).Direction(); got != tt.want {
			t.Errorf("%s: Direction = %s, want %s", tt.code, got, tt.want)
		}
	}
	// The site's dir: wins over the default, either way.
	if got := (Language{Code: "ar", Dir: LTR}).Direction(); got != LTR {
		t.Errorf("ar with dir ltr = %s", got)
	}
	if got := (Language{Code: "en", Dir: RTL}).Direction(); got != RTL {
		t.Errorf("en with dir rtl = %s", got)
	}
	if got := (Language{Code: "he"}).Direction(); got != RTL {
		t.Errorf("he without dir = %s", got)
	}
}

func TestParseDir(t *testing.T) {
	for _, ok := range []string{"ltr", "rtl"} {
		if d, err := ParseDir(ok); err != nil || string(d) != ok {
			t.Errorf("ParseDir(%q) = %q, %v", ok, d, err)
		}
	}
	tests := map[string]string{
		"rlt":   `dir must be "ltr" or "rtl", not "rlt" (did you mean "rtl"?)`,
		"right": `dir must be "ltr" or "rtl", not "right"`,
		"RTL":   `dir must be "ltr" or "rtl", not "RTL" (did you mean "rtl"?)`,
	}
	for in, want := range tests {
		if _, err := ParseDir(in); err == nil || err.Error() != want {
			t.Errorf("ParseDir(%q) = %v, want %s", in, err, want)
		}
	}
}

// FuzzParseCode: a code that parses is canonical (parsing it again gives
// it back) and matches its own chain; nothing panics.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"en", "pt-br", "zh-Hant-TW", "en_US", "english", "", "de-CH-1996", "a-b-c-d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		again, err := ParseCode(string(c))
		if err != nil || again != c {
			t.Fatalf("ParseCode(%q) = %q, but ParseCode(%q) = %q, %v", s, c, c, again, err)
		}
		chain := c.Chain()
		if chain[0] != c || chain[len(chain)-1] != c.Base() {
			t.Fatalf("Chain(%q) = %q", c, chain)
		}
		_ = c.Direction()
	})
}
