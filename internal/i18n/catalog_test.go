package i18n

import (
	"html/template"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// testTranslations builds the translations of a site from file texts:
// the site's i18n/ first, then a child theme, then the default theme.
func testTranslations(t testing.TB, def string, layers ...map[string]string) *Translations {
	t.Helper()
	var ls []Layer
	for i, files := range layers {
		fsys := fstest.MapFS{}
		for name, src := range files {
			fsys["i18n/"+name] = &fstest.MapFile{Data: []byte(src)}
		}
		l, err := LoadLayer(fsys, "i18n", "layer"+string(rune('0'+i))+"/i18n")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	return New(MustCode(def), ls...)
}

var (
	siteI18n = map[string]string{
		"de.yaml": "pager.next: Weiter geht's\n",
		"en.yaml": "footer.help: Where to find help\n",
	}
	childTheme = map[string]string{
		"de.yaml": "pager.next: Nächste\npager.previous: Vorige\n",
	}
	baseTheme = map[string]string{
		"en.yaml": "pager.next: Next\npager.previous: Previous\nfooter.help: If you need support\ntoc.title: On this page\n" +
			"minutes:\n  one: About {count} minute\n  other: About {count} minutes\nsection.more: More in {section}\n",
		"de.yaml": "pager.next: Nächster Artikel\npager.previous: Vorheriger\nfooter.help: Unterstützung\n" +
			"minutes:\n  one: Etwa eine Minute\n  other: Etwa {count} Minuten\n",
		"pt.yaml":    "pager.next: Seguinte\ntoc.title: Nesta página\n",
		"pt-BR.yaml": "pager.next: Próximo\n",
	}
)

// TestLookupOrder: the site's key beats the child theme's, which beats
// the parent theme's, for the same language; any file of the reader's
// language (or its parent) beats the default language; a key nobody has
// is shown as itself.
func TestLookupOrder(t *testing.T) {
	tr := testTranslations(t, "en", siteI18n, childTheme, baseTheme)
	tests := []struct {
		lang, key, want, from string
	}{
		{"de", "pager.next", "Weiter geht's", "de"},       // site override of one key
		{"de", "pager.previous", "Vorige", "de"},          // child theme beats parent
		{"de", "footer.help", "Unterstützung", "de"},      // site's en override does not beat the theme's de
		{"de", "toc.title", "On this page", "en"},         // missing in de: default language
		{"en", "footer.help", "Where to find help", "en"}, // site override in the default language
		{"en", "pager.next", "Next", "en"},
		{"pt-BR", "pager.next", "Próximo", "pt-BR"},
		{"pt-BR", "toc.title", "Nesta página", "pt"}, // parent language before the default
		{"pt-PT", "pager.next", "Seguinte", "pt"},
		{"pt-BR", "footer.help", "Where to find help", "en"},
		{"fr", "pager.previous", "Previous", "en"}, // a language with no file at all
	}
	for _, tt := range tests {
		m, from, ok := tr.Lookup(MustCode(tt.lang), tt.key)
		if !ok {
			t.Errorf("%s %s: not found", tt.lang, tt.key)
			continue
		}
		got, err := m.Format(MustCode(tt.lang), nil, nil)
		if err != nil || got != tt.want || string(from) != tt.from {
			t.Errorf("%s %s = %q from %s, %v; want %q from %s", tt.lang, tt.key, got, from, err, tt.want, tt.from)
		}
	}
	if _, _, ok := tr.Lookup("de", "no.such"); ok {
		t.Error("found a key nobody has")
	}
}

func TestT(t *testing.T) {
	trs := testTranslations(t, "en", siteI18n, childTheme, baseTheme)
	de, en := trs.For("de"), trs.For("en")
	tests := []struct {
		tr   *Translator
		key  string
		args []any
		want string
		err  string
	}{
		{tr: de, key: "pager.next", want: "Weiter geht's"},
		{tr: de, key: "minutes", args: []any{1}, want: "Etwa eine Minute"},
		{tr: de, key: "minutes", args: []any{1200}, want: "Etwa 1.200 Minuten"},
		{tr: de, key: "minutes", args: []any{"count", 3}, want: "Etwa 3 Minuten"},
		{tr: de, key: "minutes", args: []any{map[string]any{"count": 2.5}}, want: "Etwa 2,5 Minuten"},
		{tr: en, key: "minutes", args: []any{1}, want: "About 1 minute"},
		{tr: en, key: "minutes", args: []any{int64(1)}, want: "About 1 minute"},
		// Fallen back to English: English words, English plural rules and numbers.
		{tr: de, key: "section.more", args: []any{"section", "Leitfäden"}, want: "More in Leitfäden"},
		{tr: de, key: "section.more", args: []any{map[string]any{"section": "X"}}, want: "More in X"},
		{tr: de, key: "no.such.key", want: "no.such.key"},
		{tr: de, key: "minutes", err: `T "minutes": this message has plural forms and needs a count`},
		{tr: de, key: "section.more", err: `T "section.more": no value for {section}`},
		{tr: de, key: "minutes", args: []any{"three"}, err: `T "minutes": one value after the key must be the count, a number; three (string) is not one (use name/value pairs for other values)`},
		{tr: de, key: "minutes", args: []any{"count", 1, "x"}, err: `T "minutes": after the key comes the count alone, or name/value pairs; 3 values is an odd number`},
		{tr: de, key: "minutes", args: []any{"Count", 1}, err: `T "minutes": Count is not a placeholder name`},
		{tr: de, key: "minutes", args: []any{1, 1}, err: `T "minutes": 1 is not a placeholder name`},
		{tr: de, key: "minutes", args: []any{"count", "x"}, err: `T "minutes": the count must be a number: "x" is not a number`},
		{tr: de, key: "section.more", args: []any{"section", template.HTML("<i>x</i>")}, err: `T "section.more": the value of {section}: messages are plain text, so a value cannot be HTML; pass the text itself`},
		{tr: de, key: "no.such.key", args: []any{"x"}, err: `T "no.such.key": one value after the key must be the count, a number; x (string) is not one (use name/value pairs for other values)`},
	}
	for _, tt := range tests {
		got, err := tt.tr.T(tt.key, tt.args...)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("T(%q, %v) error = %v, want %s", tt.key, tt.args, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: T(%q, %v) = %q, %v; want %q", tt.tr.Lang(), tt.key, tt.args, got, err, tt.want)
		}
	}
	if got := de.NotFound(); !slices.Equal(got, []string{"no.such.key"}) {
		t.Errorf("NotFound = %q", got)
	}
	if got := en.NotFound(); len(got) != 0 {
		t.Errorf("en NotFound = %q", got)
	}
}

// TestSpeaker: a parent language's file read on a regional page counts as
// the regional language for plurals and numbers: pt says "0 minuto"
// (0 is one in pt), pt-PT "0 minutos".
func TestSpeaker(t *testing.T) {
	trs := testTranslations(t, "en", map[string]string{
		"en.yaml": "m:\n  one: \"{count} minute\"\n  many: x\n  other: \"{count} minutes\"\n",
		"pt.yaml": "m:\n  one: \"{count} minuto\"\n  many: \"{count} de minutos\"\n  other: \"{count} minutos\"\n",
	})
	tests := []struct{ lang, want string }{
		{"pt", "0 minuto"},
		{"pt-BR", "0 minuto"},
		{"pt-PT", "0 minutos"},
	}
	for _, tt := range tests {
		if got, err := trs.For(MustCode(tt.lang)).T("m", 0); err != nil || got != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.lang, got, err, tt.want)
		}
	}
	if got, _ := trs.For("pt-PT").T("m", 12345); got != "12\u00a0345 minutos" {
		t.Errorf("pt-PT number: %q", got)
	}
}

// TestFrom: From names the language of a text exactly when Text does,
// plural messages included (without a count), and never records a key.
func TestFrom(t *testing.T) {
	trs := testTranslations(t, "en", siteI18n, childTheme, baseTheme)
	tests := []struct {
		lang, key, want string
	}{
		{"de", "pager.next", ""},   // the site's own German
		{"de", "toc.title", "en"},  // German lacks it
		{"de", "minutes", ""},      // plural, German's own
		{"fr", "minutes", "en"},    // plural, fallen back, asked without a count
		{"pt-BR", "toc.title", ""}, // the parent language's file counts as the reader's
		{"pt-BR", "footer.help", "en"},
		{"en", "toc.title", ""},
		{"de", "no.such.key", ""}, // shown as itself
	}
	for _, tt := range tests {
		tr := trs.For(MustCode(tt.lang))
		if got := tr.From(tt.key); string(got) != tt.want {
			t.Errorf("%s: From(%q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
		if tt.key == "minutes" {
			continue // Text needs a count
		}
		if _, from, err := tr.Text(tt.key); err != nil || string(from) != tt.want {
			t.Errorf("%s: Text(%q) says %q, %v; From says %q", tt.lang, tt.key, from, err, tt.want)
		}
	}
	de := trs.For("de")
	de.From("no.such.key")
	if got := de.NotFound(); len(got) != 0 {
		t.Errorf("From recorded %q as missing", got)
	}
	if _, from, _ := trs.For("fr").Text("minutes", 2); from != "en" {
		t.Errorf("fr: Text(minutes, 2) says %q", from)
	}
}

// TestTemplate runs T and date through html/template as a site will: the
// layouts parsed once, cloned per language with that language's Funcs.
// T's text is escaped like any string.
func TestTemplate(t *testing.T) {
	trs := testTranslations(t, "en", map[string]string{
		"en.yaml": "hello: Hello <{name}> & welcome\nminutes:\n  one: About {count} minute\n  other: About {count} minutes\n",
		"fr.yaml": "hello: Bonjour <{name}> & bienvenue\nminutes:\n  one: Environ {count} minute\n  many: Environ {count} de minutes\n  other: Environ {count} minutes\n",
	})
	placeholder := template.FuncMap{"T": func(string, ...any) (string, error) { return "", nil }, "date": func(time.Time) string { return "" }}
	base := template.Must(template.New("page").Funcs(placeholder).Parse(
		`<p title="{{T "hello" "name" .Name}}">{{T "hello" "name" .Name}}</p> {{T "minutes" .Minutes}} <time>{{date .Date}}</time>`))
	data := map[string]any{"Name": `Ann "A" <b>`, "Minutes": 1, "Date": time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	tests := map[string]string{
		"en": `<p title="Hello &lt;Ann &#34;A&#34; &lt;b&gt;&gt; &amp; welcome">Hello &lt;Ann &#34;A&#34; &lt;b&gt;&gt; &amp; welcome</p> About 1 minute <time>1 March 2026</time>`,
		"fr": `<p title="Bonjour &lt;Ann &#34;A&#34; &lt;b&gt;&gt; &amp; bienvenue">Bonjour &lt;Ann &#34;A&#34; &lt;b&gt;&gt; &amp; bienvenue</p> Environ 1 minute <time>1er mars 2026</time>`,
	}
	var wg sync.WaitGroup
	for lang, want := range tests {
		tmpl := template.Must(base.Clone()).Funcs(trs.For(MustCode(lang)).Funcs())
		for range 4 { // the same clone, many pages at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				var b strings.Builder
				if err := tmpl.Execute(&b, data); err != nil {
					t.Error(err)
					return
				}
				if b.String() != want {
					t.Errorf("%s:\n got %s\nwant %s", lang, b.String(), want)
				}
			}()
		}
	}
	wg.Wait()
	// A wrong call is a template error naming the template and the key.
	bad := template.Must(template.Must(template.New("bad").Funcs(placeholder).Parse(`{{T "minutes"}}`)).Clone()).Funcs(trs.For("en").Funcs())
	err := bad.Execute(&strings.Builder{}, nil)
	if err == nil || !strings.Contains(err.Error(), `bad:1:2: executing "bad" at <T "minutes">: error calling T: T "minutes": this message has plural forms and needs a count`) {
		t.Errorf("bad call: %v", err)
	}
}

func TestKeysAndMissing(t *testing.T) {
	trs := testTranslations(t, "en", siteI18n, childTheme, baseTheme)
	if got, want := trs.Keys("en"), []string{"footer.help", "minutes", "pager.next", "pager.previous", "section.more", "toc.title"}; !slices.Equal(got, want) {
		t.Errorf("Keys(en) = %q, want %q", got, want)
	}
	tests := map[Code][]string{
		"en":    nil,
		"de":    {"section.more", "toc.title"},
		"pt-BR": {"footer.help", "minutes", "pager.previous", "section.more"},
		"fr":    {"footer.help", "minutes", "pager.next", "pager.previous", "section.more", "toc.title"},
	}
	for lang, want := range tests {
		if got := trs.MissingKeys(lang); !slices.Equal(got, want) {
			t.Errorf("MissingKeys(%s) = %q, want %q", lang, got, want)
		}
	}
	if got := Missing([]string{"b", "a", "c", "a"}, []string{"c"}); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Missing = %q", got)
	}
}

// TestNewSkipsNil: a theme without an i18n folder is a nil layer.
func TestNewSkipsNil(t *testing.T) {
	trs := New("en", nil, Layer{"en": {Lang: "en", Messages: map[string]*Message{"a": mustMessage(t, "A")}}}, nil)
	if got, _ := trs.For("en").T("a"); got != "A" || trs.Default() != "en" {
		t.Errorf("T(a) = %q", got)
	}
}

// TestForms: plurals gives a script every form the reader's language
// uses, each filled with its values and the count's marker, and falls back
// as T does.
func TestForms(t *testing.T) {
	tr := testTranslations(t, "en", map[string]string{
		"en.yaml": "lost:\n  one: 1 answer was lost in {place}.\n  other: \"{count} answers were lost in {place}.\"\nplain: Hello\nfallback:\n  one: one thing\n  other: \"{count} things\"\n",
		"pl.yaml": "lost:\n  one: Zgubiono 1 odpowiedź w {place}.\n  few: Zgubiono {count} odpowiedzi w {place}.\n  many: Zgubiono {count} odpowiedzi w {place}!\n  other: Zgubiono {count} odpowiedzi w {place}?\n",
	})
	tests := []struct {
		lang, key string
		want      []Form
	}{
		{"en", "lost", []Form{{"one", "1 answer was lost in X."}, {"other", "{n} answers were lost in X."}}},
		{"pl", "lost", []Form{{"one", "Zgubiono 1 odpowiedź w X."}, {"few", "Zgubiono {n} odpowiedzi w X."}, {"many", "Zgubiono {n} odpowiedzi w X!"}, {"other", "Zgubiono {n} odpowiedzi w X?"}}},
		{"en", "plain", []Form{{"other", "Hello"}}},
		{"pl", "fallback", []Form{{"one", "one thing"}, {"other", "{n} things"}}}, // English's forms
		{"en", "nobody.has", []Form{{"other", "nobody.has"}}},
	}
	for _, tt := range tests {
		got, err := tr.For(MustCode(tt.lang)).Forms(tt.key, "count", "{n}", "place", "X")
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s %s = %q, %v; want %q", tt.lang, tt.key, got, err, tt.want)
		}
	}
	if _, err := tr.For("en").Forms("lost", "count", "{n}"); err == nil {
		t.Error("a placeholder without a value passed")
	}
	if _, err := tr.For("en").Forms("lost", "count"); err == nil {
		t.Error("an odd list of values passed")
	}
	// The category names are Intl.PluralRules's, usable in attribute names.
	page := template.Must(template.New("x").Funcs(tr.For("pl").Funcs()).Parse(`<p{{range plurals "lost" "count" "{n}" "place" "X"}} {{.Attr "data-text-"}}{{end}}>`))
	var b strings.Builder
	if err := page.Execute(&b, nil); err != nil {
		t.Fatal(err)
	}
	if want := `<p data-text-one="Zgubiono 1 odpowiedź w X." data-text-few="Zgubiono {n} odpowiedzi w X." data-text-many="Zgubiono {n} odpowiedzi w X!" data-text-other="Zgubiono {n} odpowiedzi w X?">`; b.String() != want {
		t.Errorf("got %s\nwant %s", b.String(), want)
	}
	for _, bad := range []string{"", "on", "onclick-", "Data-", "data text", "data-\"x"} {
		if _, err := (Form{"one", "x"}).Attr(bad); err == nil {
			t.Errorf("Attr(%q) passed", bad)
		}
	}
	if a, _ := (Form{"other", `a "b" & <c> +1`}).Attr("x-"); a != `x-other="a &#34;b&#34; &amp; &lt;c&gt; &#43;1"` {
		t.Errorf("escaped as %s", a)
	}
}
