package render

import (
	"bytes"
	"html/template"
	"testing"
	"time"

	"mutual/internal/markdown"
)

// metaTagsLayout is what the default theme's base.html wrote before
// Page.MetaTags: MetaTags must write the same bytes for every page.
var metaTagsLayout = template.Must(template.New("head").Funcs(template.FuncMap{
	"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
}).Parse(`<head>
{{- $home := eq .Kind "home"}}
{{- $title := .Title}}{{if $home}}{{$title = .SiteTitle}}{{else if eq .Kind "tag"}}{{$title = printf "Tag: %s" .Title}}{{end}}
<title>{{$title}}{{if not $home}} · {{.SiteTitle}}{{end}}</title>
{{- $description := .SiteDescription}}{{with .Description}}{{$description = .}}{{end}}
<meta name="description" content="{{$description}}">
<meta property="og:title" content="{{$title}}">
<meta property="og:description" content="{{$description}}">
{{- if ne .Kind "404"}}
<link rel="canonical" href="{{.Permalink}}">
<meta property="og:url" content="{{.Permalink}}">
{{- end}}
{{- if and (eq .Kind "page") (not .Date.IsZero)}}
<meta property="article:published_time" content="{{isodate .Date}}">
{{- end}}
</head>`))

func checkMetaTags(t *testing.T, p *Meta) {
	t.Helper()
	var want bytes.Buffer
	if err := metaTagsLayout.Execute(&want, p); err != nil {
		t.Fatal(err)
	}
	got := "<head>\n" + string(MetaTags(*p)) + "\n</head>"
	if got != want.String() {
		t.Errorf("MetaTags(%+v):\n got %s\nwant %s", p, got, want.String())
	}
}

func TestMetaTags(t *testing.T) {

	date := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []Meta{
		{Kind: "home", Title: "Home", Permalink: "https://example.org/help/"},
		{Kind: "page", Title: "Listening", Description: "Hear them out.", Permalink: "https://example.org/help/guides/listening/", Date: date},
		{Kind: "page", Title: "Undated <draft> & 'notes' + \"more\"", Permalink: "https://example.org/guides/x/"},
		{Kind: "worksheet", Title: "Give and take", Permalink: "https://example.org/worksheets/give-and-take/", Date: date},
		{Kind: "section", Title: "Guides", Permalink: "https://example.org/guides/"},
		{Kind: "tags", Title: "Tags", Permalink: "https://example.org/tags/"},
		{Kind: "tag", Title: "self-awareness", Permalink: "https://example.org/tags/self-awareness/"},
		{Kind: "404", Title: "Page not found", Permalink: "https://example.org/404.html"},
		{Kind: "page", Title: "Ünïcode — “quotes” \x00 nul", Description: "日本語", Permalink: "https://example.org/guides/ä ö/"},
		{Kind: "page", Title: "Escapes", Permalink: "https://example.org/a%20b/%zz/%4/100%/?q=1&r=[2]#frag'(x)\"<y>`{z}|^\\"},
		{Kind: "page", Title: "Schemes", Permalink: "javascript:alert(1)"},
		{Kind: "page", Title: "Schemes", Permalink: "HTTPS://EXAMPLE.ORG/"},
		{Kind: "page", Title: "Schemes", Permalink: "mailto:someone@example.org"},
		{Kind: "page", Title: "Relative", Permalink: "/a:b/c"},
		{Kind: "page", Title: "", Permalink: ""},
	}
	for _, p := range tests {
		p.SiteTitle, p.SiteDescription = "Give & take", "A site <about> \"care\" + 'balance'."
		checkMetaTags(t, &p)
	}
}

// FuzzMetaTags holds MetaTags to html/template for any text and URL.
func FuzzMetaTags(f *testing.F) {
	f.Add("page", "Title & <more>", "", "Site", "https://example.org/a b/%41%g")
	f.Add("home", "", "Description 'quoted'", "Site + more", "javascript:x")
	f.Add("tag", "care", "d", "S", "/tags/care/")
	f.Add("404", "Not found", "", "", "https://example.org/404.html")
	f.Fuzz(func(t *testing.T, kind, title, description, siteTitle, permalink string) {
		p := &Meta{Kind: kind, Title: title, Description: description, Permalink: permalink,
			SiteTitle: siteTitle, SiteDescription: "site description"}
		if len(title)%2 == 0 {
			p.Date = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
		}
		checkMetaTags(t, p)
	})
}

func BenchmarkMetaTags(b *testing.B) {
	p := Meta{Kind: "page", Title: "Saying yes to what matters", Description: "A description of the page, with a few words.",
		Permalink: "https://example.org/help/guides/s01/page-00001/", Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		SiteTitle: "Bench", SiteDescription: "A site."}
	for b.Loop() {
		MetaTags(p)
	}
}

// TestTableOfContents checks the ready-made TOC against what a layout
// ranging over .TOC writes, for text and ids html/template escapes.
func TestTableOfContents(t *testing.T) {
	toc := []markdown.Heading{
		{Level: 2, ID: "plain", Text: "Plain"},
		{Level: 3, ID: "café-au-lait", Text: `Quotes "and" 'these' & <tags> + plus`},
		{Level: 4, ID: "a_b-1", Text: "Ünïcödé\x00 nul"},
		{Level: 2, ID: "odd/#?%20 'id'", Text: "Odd id"},
	}
	tmpl := template.Must(template.New("toc").Parse(`<ol>{{range .}}
<li class="toc-h{{.Level}}"><a href="#{{.ID}}">{{.Text}}</a></li>{{end}}
</ol>`))
	var want bytes.Buffer
	if err := tmpl.Execute(&want, toc); err != nil {
		t.Fatal(err)
	}
	if got := string(TableOfContents(toc)); got != want.String() {
		t.Errorf("got\n%s\nwant\n%s", got, want.String())
	}
	if got := TableOfContents(nil); got != "" {
		t.Errorf("no headings: got %q", got)
	}
}
