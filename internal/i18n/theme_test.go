package i18n

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"mutual/themes"
)

// shipped are the languages the default theme ships, English first.
var shipped = []Code{"en", "de", "es", "fr", "pt"}

func defaultTheme(t *testing.T) *Translations {
	t.Helper()
	l, err := LoadLayer(themes.Default(), "i18n", "themes/default/i18n")
	if err != nil {
		t.Fatal(err)
	}
	var codes []Code
	for c := range l {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	want := slices.Clone(shipped)
	slices.Sort(want)
	if !slices.Equal(codes, want) {
		t.Fatalf("the default theme ships %q, want %q", codes, want)
	}
	return New("en", l)
}

// TestDefaultThemeComplete: every key of en.yaml is in every shipped
// language's own file, with every plural form the language needs and no
// other, and with the same placeholders; and every shipped language has
// plural rules, dates and numbers.
func TestDefaultThemeComplete(t *testing.T) {
	trs := defaultTheme(t)
	if errs := trs.Check(); len(errs) > 0 {
		t.Errorf("the default theme's translations:\n%v", errs)
	}
	en := trs.Keys("en")
	if len(en) < 40 {
		t.Fatalf("en.yaml has only %d keys", len(en))
	}
	for _, lang := range shipped {
		if missing := trs.MissingKeys(lang); len(missing) > 0 {
			t.Errorf("%s lacks %q", lang, missing)
		}
		if extra := Missing(trs.Keys(lang), en); len(extra) > 0 {
			t.Errorf("%s has keys en.yaml lacks: %q", lang, extra)
		}
		if !Known(lang) {
			t.Errorf("%s: no plural rules, dates or numbers", lang)
		}
		// Every plural message has exactly the language's forms, each one
		// formats, and no text is left empty or English by accident.
		tr := trs.For(lang)
		for _, key := range en {
			m, from, _ := trs.Lookup(lang, key)
			if from != lang {
				t.Errorf("%s: %q comes from %s", lang, key, from)
			}
			if m.Plural() && !slices.Equal(m.Forms(), Categories(lang)) {
				t.Errorf("%s: %q has forms %v, want %v", lang, key, m.Forms(), Categories(lang))
			}
			args := []any{}
			for _, n := range m.Placeholders() {
				if n != CountName {
					args = append(args, n, "X")
				}
			}
			if m.Plural() {
				args = append(args, CountName, 2)
			}
			got, err := tr.T(key, args...)
			if err != nil || strings.TrimSpace(got) == "" {
				t.Errorf("%s: T(%q) = %q, %v", lang, key, got, err)
			}
		}
	}
	// The scales: the same word in two languages is a slip, except where
	// languages share it (Spanish and Portuguese "Nunca").
	for _, key := range en {
		if !strings.HasPrefix(key, "scale.") {
			continue
		}
		enText, _ := trs.For("en").T(key)
		for _, lang := range shipped[1:] {
			if got, _ := trs.For(lang).T(key); got == enText {
				t.Errorf("%s: %q is still English: %q", lang, key, got)
			}
		}
	}
}

// layoutText is one literal text of a default-theme layout and the key
// that replaces it: the layout holds Before + the English text + After,
// until it calls {{T "key"}} instead.
type layoutText struct {
	key, file, before, after string
	args                     []any // template expressions as values, e.g. "section", "{{$.Title}}"
}

// layoutTexts is the mapping from today's layouts to keys (the report of
// issue 14 lists it). Checking it here keeps it true: each English text
// is, byte for byte, what the layout shows now, so switching a layout to
// T changes no English output.
var layoutTexts = []layoutText{
	{key: "skip-to-content", file: "layouts/base.html", before: `<a class="skip-link" href="#main">`, after: `</a>`},
	{key: "nav.main", file: "layouts/partials/header.html", before: `<nav class="site-nav" aria-label="`, after: `">`},
	{key: "nav.breadcrumb", file: "layouts/partials/breadcrumbs.html", before: `<nav class="breadcrumbs" aria-label="`, after: `">`},
	{key: "home.sections", file: "layouts/home.html", before: `<h2 id="home-sections-title" class="visually-hidden">`, after: `</h2>`},
	{key: "home.start-reading", file: "layouts/home.html", before: `<h2 id="home-pages-title">`, after: `</h2>`},
	{key: "section.pages", file: "layouts/section.html", before: `<h2 id="section-pages-title">`, after: `</h2>`},
	{key: "section.more", file: "layouts/section.html", before: `<h2 id="section-sections-title">`, after: `</h2>`, args: []any{"section", "{{$.Title}}"}},
	{key: "entry.worksheet", file: "layouts/partials/entry.html", before: `<span class="badge">`, after: `</span>`},
	{key: "toc.title", file: "layouts/partials/toc.html", before: `<nav class="toc" aria-label="`, after: `">`},
	{key: "toc.title", file: "layouts/partials/toc.html", before: `<h2 class="toc-title">`, after: `</h2>`},
	{key: "pager.label", file: "layouts/partials/pager.html", before: `<nav class="pager" aria-label="`, after: `">`},
	{key: "pager.previous", file: "layouts/partials/pager.html", before: `<span class="pager-label">`, after: `</span> <span class="pager-title">{{.Title}}</span></a>` + "\n{{- end}}\n{{- with .Next}}"},
	{key: "pager.next", file: "layouts/partials/pager.html", before: `rel="next"><span class="pager-label">`, after: `</span>`},
	{key: "tags", file: "layouts/partials/tags.html", before: `<ul class="tags" aria-label="`, after: `">`},
	{key: "tag", file: "layouts/partials/list-intro.html", before: `<p class="eyebrow">`, after: `</p>`},
	{key: "tag.pages", file: "layouts/tag.html", before: `<h2 id="tag-pages-title" class="visually-hidden">`, after: `</h2>`, args: []any{"tag", "{{$.Title}}"}},
	{key: "tags.all", file: "layouts/tag.html", before: `<a href="{{relURL "/tags/"}}">`, after: `</a>`},
	{key: "tags.none", file: "layouts/tags.html", before: `<p>`, after: `</p>`},
	{key: "not-found.eyebrow", file: "layouts/404.html", before: `<p class="eyebrow">`, after: `</p>`},
	{key: "not-found.title", file: "layouts/404.html", before: `{{else}}`, after: `{{end}}</h1>`},
	{key: "not-found.lede", file: "layouts/404.html", before: `<p class="lede">`, after: `</p>`},
	{key: "not-found.continue", file: "layouts/404.html", before: `<p>`, after: `</p>`},
	{key: "not-found.home", file: "layouts/404.html", before: `<li><a href="{{$home}}">`, after: `</a></li>`},
	{key: "not-found.guides", file: "layouts/404.html", before: `<li><a href="{{$guides}}">`, after: `</a></li>`},
	{key: "footer.help", file: "layouts/partials/footer.html", before: `<h2 id="help-title">`, after: `</h2>`},
	{key: "footer.feed", file: "layouts/partials/footer.html", before: `type="application/atom+xml">`, after: `</a>`},
	{key: "footer.made-with", file: "layouts/partials/footer.html", before: `<p class="generator">`, after: `</p>`, args: []any{"generator", "{{.}}"}},
}

// pluralLayoutTexts are the literals that choose a word by number in
// template logic today; T "key" N replaces each, and the English forms
// give the same words for 1 and for any other number.
var pluralLayoutTexts = []struct {
	key, file, literal string
	one, other         string // what the layout shows for 1 and for 5
}{
	{"minutes", "layouts/partials/entry.html", `About {{.}} {{if eq . 1}}minute{{else}}minutes{{end}}`, "About 1 minute", "About 5 minutes"},
	{"tags.pages", "layouts/tags.html", `{{if eq .Count 1}}page{{else}}pages{{end}}`, "page", "pages"},
}

func TestDefaultThemeMapping(t *testing.T) {
	trs := defaultTheme(t)
	en := trs.For("en")
	read := func(file string) string {
		src, err := fs.ReadFile(themes.Default(), file)
		if err != nil {
			t.Fatal(err)
		}
		return string(src)
	}
	calls := func(src, key string) bool { return strings.Contains(src, `T "`+key+`"`) }
	for _, lt := range layoutTexts {
		src := read(lt.file)
		if calls(src, lt.key) {
			continue
		}
		text, err := en.T(lt.key, lt.args...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(src, lt.before+text+lt.after) {
			t.Errorf("%s does not show %q (key %q) where the mapping says", lt.file, text, lt.key)
		}
	}
	for _, p := range pluralLayoutTexts {
		src := read(p.file)
		if !calls(src, p.key) && !strings.Contains(src, p.literal) {
			t.Errorf("%s no longer holds %q (key %q)", p.file, p.literal, p.key)
		}
		if got, _ := en.T(p.key, 1); got != p.one {
			t.Errorf("T(%q, 1) = %q, the layout shows %q", p.key, got, p.one)
		}
		if got, _ := en.T(p.key, 5); got != p.other {
			t.Errorf("T(%q, 5) = %q, the layout shows %q", p.key, got, p.other)
		}
	}
	if len(en.NotFound()) > 0 {
		t.Errorf("keys not in en.yaml: %q", en.NotFound())
	}
}
