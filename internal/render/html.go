package render

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"mutual/internal/content"
	"mutual/internal/markdown"
)

// Meta is what a page's meta tags say.
type Meta struct {
	Kind        string // as Page.Kind
	Title       string
	Description string
	Permalink   string
	Date        time.Time
	SiteTitle   string
	// SiteDescription stands in for a page without a description.
	SiteDescription string
	// TagTitle is a tag page's title in the page's language ("Tag: x");
	// "" writes it in English.
	TagTitle string
	// Part is, on a page of a list cut into pages, which page it is ("Page
	// 2 of 5"): the title is followed by it.
	Part string
	// Canonical is the URL search engines should index for the page, when
	// not its own Permalink: a page shown in a language that has no
	// translation of it names the original.
	Canonical string
	// Alternates are the page's versions in the site's languages, for
	// hreflang links (a site in one language has none).
	Alternates []Alternate
}

// MetaTags writes the per-page tags of <head> (Page.MetaTags), as the
// default theme's base.html used to with a dozen template actions a page
// (half the time of a guide page's layout): the title (the site's title
// alone on the home page, "Tag: name" on a tag page, then " · " and the
// Part of a page of a list cut into pages, then " · " and the site's
// title), the description (the site's when the page has none),
// OpenGraph's title and description, the canonical URL and og:url (not on
// the 404 page), the page's versions in other languages (hreflang) and
// article:published_time (dated pages). Escaped exactly
// as html/template escapes the same values in the same places; TestMetaTags
// holds it to that.
func MetaTags(m Meta) template.HTML {
	title := m.Title
	switch m.Kind {
	case "home":
		title = m.SiteTitle
	case "tag":
		title = "Tag: " + m.Title
		if m.TagTitle != "" {
			title = m.TagTitle
		}
	}
	description := m.SiteDescription
	if m.Description != "" {
		description = m.Description
	}
	var b strings.Builder
	b.Grow(320 + 2*(len(title)+len(description)+len(m.Permalink)) + len(m.SiteTitle))
	b.WriteString("<title>")
	textEscaper.WriteString(&b, title)
	if m.Part != "" {
		b.WriteString(" · ")
		textEscaper.WriteString(&b, m.Part)
	}
	if m.Kind != "home" {
		b.WriteString(" · ")
		textEscaper.WriteString(&b, m.SiteTitle)
	}
	b.WriteString("</title>\n<meta name=\"description\" content=\"")
	textEscaper.WriteString(&b, description)
	b.WriteString("\">\n<meta property=\"og:title\" content=\"")
	textEscaper.WriteString(&b, title)
	b.WriteString("\">\n<meta property=\"og:description\" content=\"")
	textEscaper.WriteString(&b, description)
	b.WriteString("\">")
	if m.Kind != "404" {
		canonical := m.Permalink
		if m.Canonical != "" {
			canonical = m.Canonical
		}
		b.WriteString("\n<link rel=\"canonical\" href=\"")
		textEscaper.WriteString(&b, urlAttr(canonical))
		b.WriteString("\">\n<meta property=\"og:url\" content=\"")
		textEscaper.WriteString(&b, canonical)
		b.WriteString("\">")
		for _, a := range m.Alternates {
			b.WriteString("\n<link rel=\"alternate\" hreflang=\"")
			textEscaper.WriteString(&b, a.Lang)
			b.WriteString("\" href=\"")
			textEscaper.WriteString(&b, urlAttr(a.URL))
			b.WriteString("\">")
		}
	}
	if m.Kind == "page" && !m.Date.IsZero() {
		b.WriteString("\n<meta property=\"article:published_time\" content=\"")
		b.WriteString(m.Date.Format("2006-01-02"))
		b.WriteString("\">")
	}
	return template.HTML(b.String())
}

// TableOfContents renders a page's headings (Page.TOC) as an ordered list,
// one item per heading with its level as a class (Page.TableOfContents):
// the same markup a layout ranging over .TOC would write, without the cost
// of running it.
func TableOfContents(toc []markdown.Heading) template.HTML {
	if len(toc) == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(16 + 64*len(toc))
	b.WriteString("<ol>")
	for _, h := range toc {
		b.WriteString("\n<li class=\"toc-h")
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString("\"><a href=\"#")
		b.WriteString(fragmentEscape(h.ID))
		b.WriteString("\">")
		textEscaper.WriteString(&b, h.Text)
		b.WriteString("</a></li>")
	}
	b.WriteString("\n</ol>")
	return template.HTML(b.String())
}

// TOC keeps the headings a table of contents lists: levels 2 to 4.
func TOC(hs []markdown.Heading) []markdown.Heading {
	n := 0
	for _, h := range hs {
		if h.Level >= 2 && h.Level <= 4 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]markdown.Heading, 0, n)
	for _, h := range hs {
		if h.Level >= 2 && h.Level <= 4 {
			out = append(out, h)
		}
	}
	return out
}

// urlAttr filters and normalises a URL as html/template does before it
// escapes it into an href: a scheme other than http, https or mailto gives
// "#ZgotmplZ", and bytes outside RFC 3986's reserved and unreserved sets
// (and '%' not starting an escape) are percent-encoded in lower-case hex.
func urlAttr(s string) string {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		return "#ZgotmplZ"
	}
	isHex := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	return content.PercentEncode(s, func(i int) bool {
		c := s[i]
		return content.Unreserved(c) || strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0 ||
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	})
}

// textEscaper escapes text as html/template does in HTML text: what it
// writes matches what a layout printing the same string would.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// fragmentEscape percent-encodes s as html/template does in a URL after
// "#": every byte but RFC 3986's unreserved ones, in lower-case hex.
func fragmentEscape(s string) string {
	return content.PercentEncode(s, func(i int) bool { return content.Unreserved(s[i]) })
}
