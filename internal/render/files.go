package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"mutual/internal/content"
)

// CSP is the Content-Security-Policy of every page mutual writes itself
// (the redirect pages); the default theme's base.html sets the same one in
// its meta tag, and TestCSPMatchesTheme holds the two together.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

// Policy is CSP with img-src widened to origins, the other sites
// site.yaml's allowOrigins lets pages show images from; CSP itself for
// none.
func Policy(origins []string) string {
	if len(origins) == 0 {
		return CSP
	}
	return strings.Replace(CSP, "img-src 'self' data:", "img-src 'self' data: "+strings.Join(origins, " "), 1)
}

// Redirect is the page at an old address (an alias) that sends browsers to
// url, absolute as permalink. It carries CSP, and the site's icon so that
// browsers do not ask for /favicon.ico. Its words are English; see
// RedirectIn.
func Redirect(lang, url, permalink, icon string) []byte {
	return RedirectIn(RedirectWords{Lang: lang, Title: "Moved", Before: "This page has moved to ", After: "."}, url, permalink, icon)
}

// RedirectWords are what a redirect page says, in its language: its title,
// and the sentence around the link to the page's new address.
type RedirectWords struct {
	Lang, Dir            string // Dir: "rtl", or "" for left to right
	Title, Before, After string
}

// RedirectIn is Redirect in the language of words.
func RedirectIn(words RedirectWords, url, permalink, icon string) []byte {
	esc := template.HTMLEscapeString
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\"", esc(words.Lang))
	if words.Dir != "" {
		fmt.Fprintf(&b, " dir=\"%s\"", esc(words.Dir))
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<link rel=\"canonical\" href=\"%s\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n", esc(words.Title), esc(permalink), esc(url))
	if icon != "" {
		fmt.Fprintf(&b, "<link rel=\"icon\" href=\"%s\">\n", esc(icon))
	}
	fmt.Fprintf(&b, "</head>\n<body>\n<p>%s<a href=\"%s\">%s</a>%s</p>\n</body>\n</html>\n", esc(words.Before), esc(url), esc(permalink), esc(words.After))
	return b.Bytes()
}

// Robots is robots.txt: everything allowed, and where the sitemap is; site
// is the site's absolute URL ("https://example.org/help/").
func Robots(site string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + site + "sitemap.xml\n")
}

// Alternate is a page's version in one language, for hreflang links: the
// language's code (or "x-default") and the version's absolute URL.
type Alternate struct {
	Lang, URL string
}

// Sitemap lists every page but the 404 and search pages, the guides and
// worksheets shown in a language that has no translation of them
// (content.Node.Fallback: their text is the original's, while a section
// or home page shown so lists the language's own pages) and the further
// pages of a list cut into pages (content.Node.ListPage: search engines
// find them from its first), by URL, with its latest date. alternates,
// when not nil, gives a page's versions in the site's languages: each is
// listed as an xhtml:link, as search engines read them.
func Sitemap(nodes []*content.Node, site string, alternates func(*content.Node) []Alternate) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
	if alternates != nil {
		b.WriteString(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"")
	}
	b.WriteString(">\n")
	nodes = slices.Clone(nodes)
	slices.SortFunc(nodes, func(a, b *content.Node) int { return strings.Compare(a.URL, b.URL) })
	for _, n := range nodes {
		if n.Kind == "404" || n.Kind == "search" || n.Fallback && n.Kind != "home" && n.Kind != "section" || n.ListPage() {
			continue
		}
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(site+n.Href))
		b.WriteString("</loc>")
		if t := later(n.Date, n.Lastmod); !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
		}
		if alternates != nil {
			for _, a := range alternates(n) {
				b.WriteString("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
				xml.EscapeText(&b, []byte(a.Lang))
				b.WriteString("\" href=\"")
				xml.EscapeText(&b, []byte(a.URL))
				b.WriteString("\"/>")
			}
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// FeedInfo is what the feed says of the site.
type FeedInfo struct {
	Site string // the site's absolute URL: "https://example.org/help/"
	// Home is the absolute URL of the home page of the feed's language,
	// whose feed.xml the feed is: "https://example.org/help/de/"; "" is Site.
	Home        string
	Title       string
	Description string
	Language    string
	Latest      time.Time // the newest date in the content: the feed's own date when it has no entries
	Generator   string    // mutual's version
}

// Feed is an Atom feed of the guides (content.Model.Guides) that have a
// date (date, publishDate or lastmod), newest first. Atom requires each
// entry's <updated>, the last time it changed, and a guide without a date
// has none to tell: any date written for it would be made up (it used to
// be the site's newest date, so that every new guide showed every undated
// one as changed again in feed readers), and a file's time or a git
// commit's would make the output depend on more than the input. So, as in
// Zola, an undated guide is left out of the feed (it is in its section, the
// sitemap and search as ever). The feed's own <updated> is its newest
// entry's, or info.Latest when it has none.
func Feed(guides []*content.Node, info FeedInfo) []byte {
	guides = slices.DeleteFunc(slices.Clone(guides), func(n *content.Node) bool { return later(n.Date, n.Lastmod).IsZero() })
	slices.SortStableFunc(guides, func(x, y *content.Node) int {
		a, b := later(x.Date, x.Lastmod), later(y.Date, y.Lastmod)
		if !a.Equal(b) {
			return b.Compare(a)
		}
		return strings.Compare(x.URL, y.URL)
	})
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	site, home := info.Site, info.Home
	if home == "" {
		home = site
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(info.Language))
	fmt.Fprintf(&b, "  <title>%s</title>\n", esc(info.Title))
	if info.Description != "" {
		fmt.Fprintf(&b, "  <subtitle>%s</subtitle>\n", esc(info.Description))
	}
	fmt.Fprintf(&b, "  <id>%s</id>\n  <link href=\"%s\"/>\n  <link rel=\"self\" href=\"%sfeed.xml\"/>\n", esc(home), esc(home), esc(home))
	updated := info.Latest
	if len(guides) > 0 {
		updated = later(guides[0].Date, guides[0].Lastmod)
	}
	fmt.Fprintf(&b, "  <updated>%s</updated>\n", updated.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "  <generator version=\"%s\">mutual</generator>\n", info.Generator)
	for _, n := range guides {
		updated := later(n.Date, n.Lastmod)
		fmt.Fprintf(&b, "  <entry>\n    <title>%s</title>\n    <id>%s</id>\n    <link href=\"%s\"/>\n    <updated>%s</updated>\n",
			esc(n.Title), esc(site+n.Href), esc(site+n.Href), updated.UTC().Format(time.RFC3339))
		if !n.Date.IsZero() {
			fmt.Fprintf(&b, "    <published>%s</published>\n", n.Date.UTC().Format(time.RFC3339))
		}
		if sum := cmp.Or(n.Summary, n.Description); sum != "" {
			fmt.Fprintf(&b, "    <summary>%s</summary>\n", esc(sum))
		}
		fmt.Fprintf(&b, "    <author><name>%s</name></author>\n  </entry>\n", esc(info.Title))
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}
