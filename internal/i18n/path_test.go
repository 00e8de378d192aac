package i18n

import (
	"strings"
	"testing"
)

func TestSplitPath(t *testing.T) {
	langs := []Code{"en", "de", "pt-BR"}
	tests := []struct {
		in, base, lang, err string
	}{
		{in: "guides/receiving.md", base: "guides/receiving.md", lang: "en"},
		{in: "guides/receiving.de.md", base: "guides/receiving.md", lang: "de"},
		{in: "guides/receiving.DE.md", base: "guides/receiving.md", lang: "de"},
		{in: "guides/receiving.en.md", base: "guides/receiving.md", lang: "en"},
		{in: "guides/receiving.pt-br.md", base: "guides/receiving.md", lang: "pt-BR"},
		{in: "worksheets/give-and-take.yaml", base: "worksheets/give-and-take.yaml", lang: "en"},
		{in: "worksheets/give-and-take.de.yaml", base: "worksheets/give-and-take.yaml", lang: "de"},
		{in: "_index.de.md", base: "_index.md", lang: "de"},
		{in: "guides/_index.de.md", base: "guides/_index.md", lang: "de"},
		{in: "notes.v2.md", base: "notes.v2.md", lang: "en"},               // v2 is no language of the site
		{in: "notes.v2.de.md", base: "notes.v2.md", lang: "de"},            // the last mark counts
		{in: "guides/notes.fr.md", base: "guides/notes.fr.md", lang: "en"}, // fr is no language of the site
		{in: "de.md", base: "de.md", lang: "en"},                           // a page named de
		{in: "guides/.de.md", base: "guides/.de.md", lang: "en"},           // a hidden file, no name
		{in: "guides/receiving.de", base: "guides/receiving.de", lang: "en"},
		{in: "de/guides/receiving.md", base: "guides/receiving.md", lang: "de"},
		{in: "de/_index.md", base: "_index.md", lang: "de"},
		{in: "DE/guides/x.md", base: "guides/x.md", lang: "de"},
		{in: "en/guides/x.md", base: "guides/x.md", lang: "en"},
		{in: "de/guides/x.de.md", base: "guides/x.md", lang: "de"},
		{in: "fr/guides/x.md", base: "fr/guides/x.md", lang: "en"}, // a section named fr
		{in: "guides/de/x.md", base: "guides/de/x.md", lang: "en"}, // only the top folder is a language
		{in: "de/guides/x.pt-BR.md", err: `the folder says the language is "de", the file name says "pt-BR": keep one of them`},
	}
	for _, tt := range tests {
		base, lang, err := SplitPath(tt.in, langs)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("SplitPath(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || base != tt.base || string(lang) != tt.lang {
			t.Errorf("SplitPath(%q) = %q, %q, %v; want %q, %q", tt.in, base, lang, err, tt.base, tt.lang)
		}
	}
	// A site without languages: every path is its own base.
	if base, lang, err := SplitPath("a.de.md", nil); base != "a.de.md" || lang != "" || err != nil {
		t.Errorf("no languages: %q, %q, %v", base, lang, err)
	}
}

func TestGroup(t *testing.T) {
	langs := []Code{"en", "de"}
	v, err := Group([]string{"a.md", "a.de.md", "de/b.md", "b.md", "c.de.md"}, langs, "content")
	if err != nil {
		t.Fatal(err)
	}
	if v["a.md"]["de"] != "a.de.md" || v["b.md"]["de"] != "de/b.md" || v["b.md"]["en"] != "b.md" || v["c.md"]["en"] != "" {
		t.Errorf("Group = %v", v)
	}
	_, err = Group([]string{"a.md", "a.en.md", "de/a.md", "a.de.md", "de/x.en.md"}, langs, "content")
	want := `content/a.en.md: a second English version of content/a.md (the first is content/a.md)
content/de/a.md: a second German version of content/a.md (the first is content/a.de.md)
content/de/x.en.md: the folder says the language is "de", the file name says "en": keep one of them`
	if err == nil || err.Error() != want {
		t.Errorf("Group errors:\n got %v\nwant %s", err, want)
	}
}

// FuzzSplitPath: the language is always one of the site's; the base of a
// marked file is shorter than the file's path, and marking the base again
// with the language found leads back to the same base and language.
func FuzzSplitPath(f *testing.F) {
	for _, s := range []string{"guides/a.de.md", "de/a.md", "notes.v2.md", "de.md", "de/a.en.md", "a..de.md", ".de.md", "de/", "x/de/y.de"} {
		f.Add(s)
	}
	langs := []Code{"en", "de", "pt-BR"}
	f.Fuzz(func(t *testing.T, p string) {
		base, lang, err := SplitPath(p, langs)
		if err != nil {
			return
		}
		if !containsCode(langs, lang) {
			t.Fatalf("SplitPath(%q) language %q is not the site's", p, lang)
		}
		if base != p && len(base) >= len(p) {
			t.Fatalf("SplitPath(%q) = %q is not shorter", p, base)
		}
		if lang == langs[0] && base != p && !strings.HasPrefix(strings.ToLower(p), "en/") && !strings.Contains(strings.ToLower(p), ".en.") {
			t.Fatalf("SplitPath(%q) = %q with no mark of the default language", p, base)
		}
		again, lang2, err := SplitPath(string(lang)+"/"+base, langs)
		if base2, _, _ := SplitPath(base, langs); base2 != base {
			return // the base carries a mark of its own ("a.de.de.md"); nothing more to hold
		}
		if err != nil || again != base || lang2 != lang {
			t.Fatalf("SplitPath(%q) = %q, %q; in the %s tree: %q, %q, %v", p, base, lang, lang, again, lang2, err)
		}
	})
}

func containsCode(list []Code, c Code) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}
