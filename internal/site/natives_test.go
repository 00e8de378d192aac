package site

import (
	"bytes"
	"testing"
	"time"

	"mutual/internal/content"
	"mutual/internal/theme"
)

// nativeSets are the layouts of a Spanish page, its own or one shown
// untranslated (fb), twice: with the built-in tags.html and entry.html,
// which run as Go (natives), and with copies of them, which run as
// templates. Its layout shows an entry (partial entry.html) and its
// tags (partial tags.html).
func nativeSets(t testing.TB, fb bool) (native, tmpl *theme.Templates) {
	cfg, err := content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := content.NewSiteModel(nil, nil, content.ModelOptions{}, cfg)
	sets := [2]*theme.Templates{}
	for i, copies := range []bool{false, true} {
		dir := t.TempDir()
		files := map[string]string{
			"theme.yaml":        "extends: default\n",
			"layouts/base.html": `{{block "main" .}}{{end}}`,
			"layouts/page.html": `{{define "main"}}{{partial "entry.html" .}}|{{partial "tags.html" .Tags}}{{end}}`,
		}
		if copies {
			files["layouts/partials/tags.html"] = builtinLayout(t, "layouts/partials/tags.html")
			files["layouts/partials/entry.html"] = builtinLayout(t, "layouts/partials/entry.html")
		}
		for name, body := range files {
			writeFile(t, dir, "themes/mine/"+name, body)
		}
		chain, errs := theme.LoadChain(dir, "mine", ConfigPath, 0, 0)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		trs, _, errs := chain.Translations(dir, "", cfg.Lang, nil)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		l := newLanguages(cfg, m, trs)[1]
		funcs := theme.Funcs(theme.FuncEnv{})
		funcs["active"] = func(MenuItem, *Page) bool { return false }
		lf := l.funcs
		if fb {
			lf = l.fallbackFuncs
		}
		for name, f := range lf {
			funcs[name] = f
		}
		ts, errs := chain.Templates(funcs)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		ts.UseNatives(l.natives(fb))
		sets[i] = ts
	}
	return sets[0], sets[1]
}

// TestNativesMatchTemplates holds the Go tag list and entry (natives.go)
// to the built-in templates they stand in for, for entries of every kind
// and texts and URLs html/template escapes, on a page of the language and
// on one shown untranslated.
func TestNativesMatchTemplates(t *testing.T) {
	date := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	tags := []Link{{Title: "give & take", URL: "/es/tags/give-take/"}, {Title: "l'autre + <b>", URL: "/tags/x y/?a=1&b='2'", Lang: "en"}}
	entries := []Entry{
		{},
		{Kind: "page", Title: "Escuchar", URL: "/es/guides/listening/", Summary: "Oír.", Tags: tags, Date: date},
		{Kind: "page", Title: `Code & <more> "q" 'a' +`, URL: "javascript:alert(1)", Description: "Desc & <b>", Lang: "en", LangName: "inglés", Tags: tags[:1]},
		{Kind: "worksheet", Title: "Check", URL: "/es/worksheets/check/", Minutes: 5, Description: "d", Summary: "s"},
		{Kind: "worksheet", Title: "Check", URL: "/es/worksheets/check/", Minutes: 1, Lang: "en", LangName: "inglés"},
		{Kind: "worksheet", Title: "Check", URL: "/w/"},
		{Kind: "section", Title: "Guías", URL: "/es/guides/", Date: date, Tags: []Link{}},
		{Kind: `"odd" <kind>`, Title: "\x00nul", URL: "/ä ö/%zz/", Lang: `e"n`, LangName: "<x>"},
	}
	for _, fb := range []bool{false, true} {
		native, tmpl := nativeSets(t, fb)
		for _, e := range entries {
			if !e.Date.IsZero() {
				e.TimeTag = `<time datetime="2026-03-14">14 de marzo de 2026</time>`
			}
			var got, want bytes.Buffer
			if err := tmpl.Execute(&want, "page", e); err != nil {
				t.Fatal(err)
			}
			if err := native.Execute(&got, "page", e); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("fallback %v, %+v:\n got %s\nwant %s", fb, e, got.String(), want.String())
			}
		}
	}
}

// FuzzNatives holds the Go entry and tag list to their templates for any
// texts, URL, kind and language.
func FuzzNatives(f *testing.F) {
	f.Add("page", "Title & <more>", "/a b/", "d 'q'", "", "", "tag + x", 0, false)
	f.Add("worksheet", "W", "javascript:x", "", "en", "inglés", "", 5, true)
	sets := [2][2]*theme.Templates{}
	for i, fb := range []bool{false, true} {
		sets[i][0], sets[i][1] = nativeSets(f, fb)
	}
	f.Fuzz(func(t *testing.T, kind, title, url, text, lang, langName, tag string, minutes int, fb bool) {
		e := Entry{Kind: kind, Title: title, URL: url, Description: text, Lang: lang, LangName: langName, Minutes: minutes}
		if tag != "" {
			e.Tags = []Link{{Title: tag, URL: url + tag, Lang: lang}}
		}
		if minutes%2 == 0 {
			e.TimeTag = `<time datetime="2026-03-14">14 de marzo de 2026</time>`
		}
		set := sets[0]
		if fb {
			set = sets[1]
		}
		var got, want bytes.Buffer
		werr := set[1].Execute(&want, "page", e)
		gerr := set[0].Execute(&got, "page", e)
		if (werr != nil) != (gerr != nil) || got.String() != want.String() {
			t.Errorf("%+v:\n got %s (%v)\nwant %s (%v)", e, got.String(), gerr, want.String(), werr)
		}
	})
}

// TestWithoutHack: make bench turns the natives off by name, alone or in a
// list, and nothing else does.
func TestWithoutHack(t *testing.T) {
	for _, c := range []struct {
		env  string
		want bool
	}{
		{"", false},
		{"natives", true},
		{"gctune,natives", true},
		{"natives,gctune", true},
		{"gctune", false},
		{"natives2", false},
		{"native", false},
	} {
		t.Setenv("MUTUAL_BENCH_WITHOUT", c.env)
		if got := withoutHack("natives"); got != c.want {
			t.Errorf("MUTUAL_BENCH_WITHOUT=%q: without natives %v, want %v", c.env, got, c.want)
		}
	}
}
