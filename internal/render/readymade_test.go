package render

import (
	"bytes"
	"html/template"
	"testing"
	"time"

	"mutual/themes"
)

// pagerWords are the three texts as T gives them: strings, or
// template.HTML marked with a language as T marks a text it borrows.
type pagerWords struct{ label, previous, next any }

// pagerLayout is what the default theme's partials/pager.html wrote
// before Page.Pager, as its comment shows it (themes.Former), with T giving
// texts: Pager must write the same bytes.
func pagerLayout(t *testing.T) string {
	s, err := themes.Former("layouts/partials/pager.html")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func checkPager(t *testing.T, prev, next *PagerLink, w pagerWords) {
	t.Helper()
	texts := map[string]any{"pager.label": w.label, "pager.previous": w.previous, "pager.next": w.next}
	tmpl := template.Must(template.New("pager").Funcs(template.FuncMap{
		"T": func(key string) any { return texts[key] },
	}).Parse(pagerLayout(t)))
	var want bytes.Buffer
	if err := tmpl.Execute(&want, struct{ Prev, Next *PagerLink }{prev, next}); err != nil {
		t.Fatal(err)
	}
	if got := string(Pager(prev, next, NewPagerTexts(w.label, w.previous, w.next))); got != want.String() {
		t.Errorf("Pager(%+v, %+v, %+v):\n got %s\nwant %s", prev, next, w, got, want.String())
	}
}

func TestPager(t *testing.T) {
	plain := pagerWords{"Previous and next page", "Previous", "Next"}
	odd := pagerWords{`Pages "before" & 'after' + <more>`, "Zurück <&> 'x' + \"y\"", "Weiter\x00"}
	marked := pagerWords{
		template.HTML(`<span lang="en" dir="ltr">Page &amp; &#39;next&#39; + &lt;b&gt;</span>`),
		template.HTML(`<span lang="en">Previous &amp; more</span>`),
		template.HTML(`<span lang="es">Siguiente</span>`),
	}
	links := []*PagerLink{
		nil,
		{URL: "/help/guides/listening/", Title: "Listening"},
		{URL: "/guides/ä ö/?q=1&r=[2]#frag'(x)\"<y>", Title: `Quotes "and" 'these' & <tags> + plus`},
		{URL: "javascript:alert(1)", Title: "Ünïcode\x00 nul"},
		{URL: "/a%20b/%zz/100%/", Title: ""},
		{},
	}
	for _, w := range []pagerWords{plain, odd, marked} {
		for _, prev := range links {
			for _, next := range links {
				checkPager(t, prev, next, w)
			}
		}
	}
}

// FuzzPager holds Pager to the layout it replaces for any title, URL
// and label.
func FuzzPager(f *testing.F) {
	f.Add("Previous", "Next", "Pages", "/a b/", "Title & <more>", "javascript:x", "'+'")
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, previous, next, label, prevURL, prevTitle, nextURL, nextTitle string) {
		w := pagerWords{label, previous, next}
		if len(label)%2 == 1 {
			w.label = template.HTML(`<span lang="en">` + template.HTMLEscapeString(label) + `</span>`)
		}
		var prev, nx *PagerLink
		if len(prevURL)%3 != 2 {
			prev = &PagerLink{prevURL, prevTitle}
		}
		if len(nextURL)%3 != 1 {
			nx = &PagerLink{nextURL, nextTitle}
		}
		checkPager(t, prev, nx, w)
	})
}

// TestTimeTag checks the ready-made date against the layout it replaces,
// for a date function giving a string (escaped) or marked HTML (as it is).
func TestTimeTag(t *testing.T) {
	layout := `{{if not .Date.IsZero}}<time datetime="{{isodate .Date}}">{{date .Date}}</time>{{end}}`
	dates := []time.Time{
		{},
		time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC),
		time.Date(12026, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 14, 23, 30, 0, 0, time.FixedZone("x", -11*3600)),
	}
	shown := []any{
		"14 March 2026",
		"14 <März> & 'so' + \"on\"\x00",
		template.HTML(`<span lang="en">14 March &amp; 2026</span>`),
		42,
	}
	for _, d := range dates {
		for _, s := range shown {
			tmpl := template.Must(template.New("date").Funcs(template.FuncMap{
				"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
				"date":    func(time.Time) any { return s },
			}).Parse(layout))
			var want bytes.Buffer
			if err := tmpl.Execute(&want, struct{ Date time.Time }{d}); err != nil {
				t.Fatal(err)
			}
			if got := string(TimeTag(d, s)); got != want.String() {
				t.Errorf("TimeTag(%v, %#v):\n got %s\nwant %s", d, s, got, want.String())
			}
		}
	}
}

// TestHeadLinks checks the ready-made stylesheets (StyleLinks) and
// stylesheets and scripts (HeadLinks) against the part of base.html they
// replace, for URLs html/template filters, normalises and escapes.
func TestHeadLinks(t *testing.T) {
	styles := `{{- with .Chroma}}
<link rel="stylesheet" href="{{.}}">
{{- end}}
{{- with .Worksheet}}
<link rel="stylesheet" href="{{.}}">
{{- end}}
{{- with .Custom}}
<link rel="stylesheet" href="{{.}}">
{{- end}}`
	scripts := `{{- range .Scripts}}
{{- with .}}
<script src="{{.}}" async></script>
{{- end}}
{{- end}}`
	urls := []string{"", "/help/css/chroma.1a2b3c4d5e.css", "/a b/ä/%zz/100%/?q=1&r='2'+\"3\"<x>", "javascript:alert(1)", "HTTPS://example.org/x.js"}
	for _, c := range []struct {
		name   string
		layout string
		f      func(Links) template.HTML
	}{
		{"StyleLinks", styles, StyleLinks},
		{"HeadLinks", styles + "\n" + scripts, HeadLinks},
	} {
		tmpl := template.Must(template.New("links").Parse(c.layout))
		for _, u := range urls {
			for _, l := range []Links{
				{Chroma: u},
				{Worksheet: u, Custom: "/css/custom.css"},
				{Custom: u, Scripts: []string{u, "", "/js/search.js"}},
				{Chroma: "/c.css", Worksheet: "/w.css", Custom: "/x.css", Scripts: []string{u}},
				{},
			} {
				var want bytes.Buffer
				if err := tmpl.Execute(&want, l); err != nil {
					t.Fatal(err)
				}
				if got := string(c.f(l)); got != want.String() {
					t.Errorf("%s(%+v):\n got %q\nwant %q", c.name, l, got, want.String())
				}
			}
		}
	}
}

// TestTOCNav checks the ready-made table of contents against toc.html as
// it was, for a title T gives as a string or marked with its language.
func TestTOCNav(t *testing.T) {
	layout := `{{- with .TableOfContents -}}
{{- $title := T "toc.title" -}}
<nav class="toc" aria-label="{{$title}}">
<h2 class="toc-title">{{$title}}</h2>
{{.}}
</nav>
{{- end -}}`
	tocs := []template.HTML{"", `<ol>
<li class="toc-h2"><a href="#a">A &amp; b</a></li>
</ol>`}
	titles := []any{"On this page", `"In" & 'on' <this> + page`, template.HTML(`<span lang="en" dir="ltr">On &#39;this&#39; + &lt;page&gt;</span>`)}
	for _, toc := range tocs {
		for _, title := range titles {
			tmpl := template.Must(template.New("toc").Funcs(template.FuncMap{"T": func(string) any { return title }}).Parse(layout))
			var want bytes.Buffer
			if err := tmpl.Execute(&want, struct{ TableOfContents template.HTML }{toc}); err != nil {
				t.Fatal(err)
			}
			if got := string(TOCNav(toc, NewTOCTexts(title))); got != want.String() {
				t.Errorf("TOCNav(%q, %#v):\n got %q\nwant %q", toc, title, got, want.String())
			}
		}
	}
}
