package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseLanguages: site.yaml's languages, the default first, each with
// its own title, menu, help and direction.
func TestParseLanguages(t *testing.T) {
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n" +
		"  - {code: en, name: English}\n" +
		"  - code: de\n    name: Deutsch\n    title: T auf Deutsch\n    menu: []\n    help: Rufen Sie an.\n" +
		"  - {code: fa, name: فارسی}\n  - {code: pt-BR, name: Português, dir: ltr}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cfg.Language != "en" || len(cfg.Languages) != 4 || cfg.Prefix(0) != "" || cfg.Prefix(1) != "de/" || cfg.Prefix(3) != "pt-br/" {
		t.Fatalf("got %+v", cfg)
	}
	de := cfg.Languages[1]
	if de.Title != "T auf Deutsch" || !de.HasMenu || len(de.Menu) != 0 || de.Help != "Rufen Sie an." || de.Line != 5 {
		t.Errorf("de: %+v", de)
	}
	if cfg.Languages[2].Direction() != "rtl" || cfg.Languages[3].Direction() != "ltr" || cfg.Languages[1].Direction() != "ltr" {
		t.Errorf("directions: %s %s %s", cfg.Languages[1].Direction(), cfg.Languages[2].Direction(), cfg.Languages[3].Direction())
	}
	if got := cfg.Langs(); len(got) != 4 || got[0] != "en" || got[3] != "pt-BR" {
		t.Errorf("Langs() = %q", got)
	}
}

// TestLanguagesErrors: every mistake in languages is reported at its line.
func TestLanguagesErrors(t *testing.T) {
	const head = "title: T\nbaseURL: https://example.org/\n"
	tests := []struct{ name, src, want string }{
		{"not a list", "languages: en", "content/site.yaml:3:12: languages must be a list of languages"},
		{"empty", "languages: []", "content/site.yaml:3:1: languages is empty"},
		{"no code", "languages:\n  - {name: English}", "content/site.yaml:4:5: a language needs a code"},
		{"no name", "languages:\n  - {code: en}", `content/site.yaml:4:5: language "en" needs a name, as the language switcher shows it, such as name: English`},
		{"bad code", "languages:\n  - {code: english, name: English}", `content/site.yaml:4:12: "english" is not a language code (did you mean "en"?)`},
		{"twice", "languages:\n  - {code: en, name: English}\n  - {code: en, name: Again}", `content/site.yaml:5:12: language "en" is listed twice (first at line 4)`},
		{"unknown key", "languages:\n  - {code: en, name: English, titel: X}", `titel`},
		{"bad dir", "languages:\n  - {code: en, name: English, dir: up}", `content/site.yaml:4:36: dir must be "ltr" or "rtl", not "up"`},
		{"language disagrees", "language: de\nlanguages:\n  - {code: en, name: English}", "content/site.yaml:3:11: language: de, but languages starts with en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseConfig([]byte(head + tt.src + "\n"))
			if len(errs) == 0 {
				t.Fatalf("no error")
			}
			if !strings.Contains(errs.Error(), tt.want) {
				t.Errorf("got\n%v\nwant %q", errs, tt.want)
			}
		})
	}
}

// TestTranslationFiles: files find their language by name or folder, and
// every language has every page of the default language, a fallback where
// it has no translation of its own.
// TestLanguagesCodesAlone: languages written as codes alone, as
// [en, es], is one error for each, saying what to write, not two.
func TestLanguagesCodesAlone(t *testing.T) {
	_, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages: [en, es, 7]\n"))
	want := "content/site.yaml:3:13: each language is a code and a name, not a code alone: write - {code: en, name: English}\n" +
		"content/site.yaml:3:17: each language is a code and a name, not a code alone: write - {code: es, name: Spanish}\n" +
		"content/site.yaml:3:21: each language is a code and a name, such as {code: de, name: Deutsch}"
	if got := errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTranslationFiles(t *testing.T) {
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var srcs []*Source
	for _, rel := range []string{"_index.md", "_index.de.md", "de/guides/only.md", "guides/a.md", "guides/a.de.md", "guides/b.md", "guides/notes.v2.md"} {
		s := &Source{Rel: rel, Kind: classify(rel, []string{"en", "de"})}
		s.FrontMatter.Title = rel
		srcs = append(srcs, s)
	}
	m, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]string{}
	for _, n := range m.Nodes {
		src, mark := "-", ""
		if n.Src != nil {
			src = n.Src.Rel
		}
		if n.Fallback {
			mark = " (fallback)"
		}
		got[n.URL] = n.Kind + " " + src + mark
	}
	for url, want := range map[string]string{
		"":                 "home _index.md",
		"de/":              "home _index.de.md",
		"guides/a/":        "page guides/a.md",
		"de/guides/a/":     "page guides/a.de.md",
		"de/guides/b/":     "page guides/b.md (fallback)",
		"de/guides/only/":  "page de/guides/only.md",
		"guides/notes.v2/": "page guides/notes.v2.md",
		"de/guides/":       "section - (fallback)",
	} {
		if g := got[url]; g != want && !(url == "de/guides/" && strings.HasPrefix(g, "section")) {
			t.Errorf("%s: %q, want %q", url, g, want)
		}
	}
	if _, ok := got["guides/only/"]; ok {
		t.Error("a page only German has is in English too")
	}
	v := m.Versions(m.ByURL["guides/a/"])
	if len(v) != 2 || v[1] != m.ByURL["de/guides/a/"] {
		t.Errorf("versions of guides/a: %v", v)
	}
	// Two files of one page in one language are an error naming both.
	srcs = append(srcs, &Source{Rel: "de/guides/a.md", Kind: PageSource})
	if _, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg); !strings.Contains(errs.Error(), "content/de/guides/a.md") {
		t.Errorf("two German files of one page: %v", errs)
	}
}

// TestTranslationNameTitles: a page without a title or a heading is
// titled by its file name, and a translation by its original's name,
// without the language code (receiving.de.md is "Receiving", a bundle's
// index.de.md takes its folder's name).
func TestTranslationNameTitles(t *testing.T) {
	dir := t.TempDir()
	for rel, body := range map[string]string{
		"guides/receiving.md":         "Text.\n",
		"guides/receiving.de.md":      "Text.\n",
		"guides/only-german.de.md":    "Text.\n",
		"about-us/index.de.md":        "Text.\n",
		"about-us/index.md":           "Text.\n",
		"guides/headed.de.md":         "# Überschrift\n\nText.\n",
		"guides/titled.de.md":         "---\ntitle: Mit Titel\n---\nText.\n",
		"guides/photo.v2.md":          "Text.\n",
		"guides/not-a-language.xx.md": "Text.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	srcs, errs, err := Scan(dir, dir, nil, nil, "de")
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	m, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for url, want := range map[string]string{
		"guides/receiving/":         "Receiving",
		"de/guides/receiving/":      "Receiving",
		"de/guides/only-german/":    "Only german",
		"about-us/":                 "About us",
		"de/about-us/":              "About us",
		"de/guides/headed/":         "Überschrift",
		"de/guides/titled/":         "Mit Titel",
		"guides/photo.v2/":          "Photo.v2",
		"guides/not-a-language.xx/": "Not a language.xx",
	} {
		n := m.ByURL[url]
		if n == nil {
			t.Errorf("no page at /%s", url)
			continue
		}
		if n.Title != want {
			t.Errorf("/%s is titled %q, want %q", url, n.Title, want)
		}
	}
}

// TestLanguageLookalikes: a page or worksheet named with the code of a
// language the site does not have gets a warning saying what it became;
// the site's own codes, names that are no language, unknown codes and
// other files do not.
func TestLanguageLookalikes(t *testing.T) {
	two := &Config{Lang: "en", Languages: []Language{{Code: "en"}, {Code: "es"}}}
	one := &Config{Lang: "en"}
	tests := []struct {
		name string
		cfg  *Config
		src  Source
		want string
	}{
		{"a language the site lacks", two, Source{Rel: "guides/receiving.fr.md", Kind: PageSource},
			`content/guides/receiving.fr.md: "fr" is the code of French, which is not one of the site's languages (en, es): this file is a page of its own named "receiving.fr"; to make it a translation, add fr to languages: in site.yaml`},
		{"a worksheet in a site of one language", one, Source{Rel: "worksheets/w.de.yaml", Kind: WorksheetSource},
			`content/worksheets/w.de.yaml: "de" is the code of German, which is not one of the site's languages (en): this file is a page of its own named "w.de"; to make it a translation, add de to languages: in site.yaml`},
		{"a section page", two, Source{Rel: "guides/_index.pt.md", Kind: IndexSource},
			`content/guides/_index.pt.md: "pt" is the code of Portuguese, which is not one of the site's languages (en, es): this file is a page of its own named "_index.pt"; to make it a translation, add pt to languages: in site.yaml`},
		{"the site's own code", two, Source{Rel: "guides/receiving.es.md", Kind: PageSource}, ""},
		{"the default language's code", one, Source{Rel: "guides/receiving.en.md", Kind: PageSource}, ""},
		{"no language", two, Source{Rel: "guides/notes.v2.md", Kind: PageSource}, ""},
		{"a code mutual does not know", two, Source{Rel: "guides/notes.qq.md", Kind: PageSource}, ""},
		{"a content file", two, Source{Rel: "guides/photo.fr.jpg", Kind: FileSource}, ""},
		{"no mark", two, Source{Rel: "guides/receiving.md", Kind: PageSource}, ""},
	}
	for _, tt := range tests {
		got := LanguageLookalikes([]*Source{&tt.src}, tt.cfg).Error()
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
