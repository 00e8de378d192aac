package render

import (
	"bytes"
	"html/template"
	"strings"
	"time"
)

// The parts below are ready-made HTML for the default theme's partials
// that run on every page and need many template actions for little
// markup (Page.Pager, Page.TimeTag): html/template calls a function by
// reflection for every value it prints and for each escaper it puts after
// it, so that the pager alone took a quarter of a guide page's layout.
// Each writes, byte for byte, what the partial it replaces wrote;
// TestPager and TestTimeTag hold them to it.

// PagerLink is a neighbour a pager links to.
type PagerLink struct{ URL, Title string }

// PagerTexts are a pager's words as the layout printed them: Label
// escaped for an attribute's value, Previous and Next for an element's
// content. Make them with NewPagerTexts.
type PagerTexts struct{ Label, Previous, Next string }

// NewPagerTexts escapes the results of {{T "pager.label"}},
// {{T "pager.previous"}} and {{T "pager.next"}} (a string, or
// template.HTML for a text marked with its language) where the pager
// prints them: by html/template itself, so that a marked text in the
// attribute loses its markup exactly as it would in the layout. A build
// makes them once per language.
func NewPagerTexts(label, previous, next any) PagerTexts {
	return PagerTexts{Label: inAttr(label), Previous: inText(previous), Next: inText(next)}
}

var (
	attrValue = template.Must(template.New("attr").Parse(`<a title="{{.}}">`))
	textValue = template.Must(template.New("text").Parse(`{{.}}`))
)

// inAttr is v as html/template prints it in a double-quoted attribute.
func inAttr(v any) string {
	var b bytes.Buffer
	mustPrint(attrValue.Execute(&b, v))
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a title="`), `">`)
}

// mustPrint panics on an error of a template that prints one value into a
// buffer, which no value can cause.
func mustPrint(err error) {
	if err != nil {
		panic(err)
	}
}

// inText is v as html/template prints it in an element's content: a
// string escaped, template.HTML as it is.
func inText(v any) string {
	switch v := v.(type) {
	case string:
		return textEscaper.Replace(v)
	case template.HTML:
		return string(v)
	}
	var b bytes.Buffer
	mustPrint(textValue.Execute(&b, v))
	return b.String()
}

// Pager is the default theme's partials/pager.html (Page.Pager): the
// links to the previous and next page of the section, nil for none, in a
// <nav>; "" when there is neither. It wrote:
//
//	{{- if or .Prev .Next -}}
//	<nav class="pager" aria-label="{{T "pager.label"}}">
//	{{- with .Prev}}
//	<a class="pager-prev" href="{{.URL}}" rel="prev"><span class="pager-label">{{T "pager.previous"}}</span> <span class="pager-title">{{.Title}}</span></a>
//	{{- end}}
//	{{- with .Next}}
//	<a class="pager-next" href="{{.URL}}" rel="next"><span class="pager-label">{{T "pager.next"}}</span> <span class="pager-title">{{.Title}}</span></a>
//	{{- end}}
//	</nav>
//	{{- end -}}
func Pager(prev, next *PagerLink, t PagerTexts) template.HTML {
	if prev == nil && next == nil {
		return ""
	}
	var b strings.Builder
	n := 64 + len(t.Label)
	for _, l := range []*PagerLink{prev, next} {
		if l != nil {
			n += 140 + len(t.Previous) + 2*len(l.URL) + 2*len(l.Title)
		}
	}
	b.Grow(n)
	b.WriteString(`<nav class="pager" aria-label="`)
	b.WriteString(t.Label)
	b.WriteString(`">`)
	link := func(l *PagerLink, class, rel, label string) {
		b.WriteString("\n<a class=\"")
		b.WriteString(class)
		b.WriteString(`" href="`)
		textEscaper.WriteString(&b, urlAttr(l.URL))
		b.WriteString(`" rel="`)
		b.WriteString(rel)
		b.WriteString(`"><span class="pager-label">`)
		b.WriteString(label)
		b.WriteString(`</span> <span class="pager-title">`)
		textEscaper.WriteString(&b, l.Title)
		b.WriteString(`</span></a>`)
	}
	if prev != nil {
		link(prev, "pager-prev", "prev", t.Previous)
	}
	if next != nil {
		link(next, "pager-next", "next", t.Next)
	}
	b.WriteString("\n</nav>")
	return template.HTML(b.String())
}

// TimeTag is a date as the default theme's layouts wrote it (Page.TimeTag,
// Entry.TimeTag): <time datetime="{{isodate .Date}}">{{date .Date}}</time>,
// shown being what the layout's date function gave for it (a string, or
// template.HTML for a date marked with its language); "" for the zero
// time, an undated page.
func TimeTag(date time.Time, shown any) template.HTML {
	if date.IsZero() {
		return ""
	}
	text := inText(shown)
	var b strings.Builder
	b.Grow(40 + len(text))
	b.WriteString(`<time datetime="`)
	// isodate: digits and '-' only, which no escaper changes; a year
	// before 1 or after 9999 included.
	textEscaper.WriteString(&b, date.Format("2006-01-02"))
	b.WriteString(`">`)
	b.WriteString(text)
	b.WriteString(`</time>`)
	return template.HTML(b.String())
}

// Links are the stylesheets and scripts a page links besides the theme's
// head.html: a URL of "" is a stylesheet the page does not link.
type Links struct {
	Chroma    string   // the code highlighting stylesheet, where the body has highlighted code
	Worksheet string   // the theme's css/worksheet.css, on worksheet pages
	Custom    string   // the theme's css/custom.css
	Scripts   []string // Page.Scripts; "" ones are left out
}

// StyleLinks are l's stylesheets as the default theme's base.html links
// them in <head> (Page.StyleLinks), each on a line of its own after a
// line break:
//
//	{{- if in .Content `class="chroma"`}}
//	<link rel="stylesheet" href="{{asset "css/chroma.css"}}">
//	{{- end}}
//	{{- if and (eq .Kind "worksheet") (hasAsset "css/worksheet.css")}}
//	<link rel="stylesheet" href="{{asset "css/worksheet.css"}}">
//	{{- end}}
//	{{- if hasAsset "css/custom.css"}}
//	<link rel="stylesheet" href="{{asset "css/custom.css"}}">
//	{{- end}}
func StyleLinks(l Links) template.HTML {
	var b strings.Builder
	b.Grow(120 + 2*(len(l.Chroma)+len(l.Worksheet)+len(l.Custom)))
	writeStyleLinks(&b, l)
	return template.HTML(b.String())
}

// HeadLinks are StyleLinks followed by l.Scripts loaded with async, as
// the default theme's base.html linked them all in <head> until
// 2026-11-30 (Page.HeadLinks):
//
//	{{- .StyleLinks}}
//	{{- range .Scripts}}
//	{{- with .}}
//	<script src="{{.}}" async></script>
//	{{- end}}
//	{{- end}}
func HeadLinks(l Links) template.HTML {
	var b strings.Builder
	n := 120 + 2*(len(l.Chroma)+len(l.Worksheet)+len(l.Custom))
	for _, u := range l.Scripts {
		n += 40 + 2*len(u)
	}
	b.Grow(n)
	writeStyleLinks(&b, l)
	for _, u := range l.Scripts {
		if u != "" {
			b.WriteString("\n<script src=\"")
			textEscaper.WriteString(&b, urlAttr(u))
			b.WriteString(`" async></script>`)
		}
	}
	return template.HTML(b.String())
}

func writeStyleLinks(b *strings.Builder, l Links) {
	for _, u := range []string{l.Chroma, l.Worksheet, l.Custom} {
		if u != "" {
			b.WriteString("\n<link rel=\"stylesheet\" href=\"")
			textEscaper.WriteString(b, urlAttr(u))
			b.WriteString(`">`)
		}
	}
}

// TOCTexts are the words of a table of contents as the layout printed
// them: Label escaped for an attribute's value, Title for an element's
// content. Make them with NewTOCTexts.
type TOCTexts struct{ Label, Title string }

// NewTOCTexts escapes the result of {{T "toc.title"}} (a string, or
// template.HTML for a text marked with its language) where the table of
// contents prints it, as NewPagerTexts does.
func NewTOCTexts(title any) TOCTexts {
	return TOCTexts{Label: inAttr(title), Title: inText(title)}
}

// TOCNav is the default theme's partials/toc.html (Page.TOCNav): toc,
// Page.TableOfContents, with its heading in a <nav>; "" for no toc. It
// wrote:
//
//	{{- with .TableOfContents -}}
//	{{- $title := T "toc.title" -}}
//	<nav class="toc" aria-label="{{$title}}">
//	<h2 class="toc-title">{{$title}}</h2>
//	{{.}}
//	</nav>
//	{{- end -}}
func TOCNav(toc template.HTML, t TOCTexts) template.HTML {
	if toc == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(64 + len(t.Label) + len(t.Title) + len(toc))
	b.WriteString(`<nav class="toc" aria-label="`)
	b.WriteString(t.Label)
	b.WriteString("\">\n<h2 class=\"toc-title\">")
	b.WriteString(t.Title)
	b.WriteString("</h2>\n")
	b.WriteString(string(toc))
	b.WriteString("\n</nav>")
	return template.HTML(b.String())
}
