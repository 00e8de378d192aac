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
// browsers do not ask for /favicon.ico.
func Redirect(lang, url, permalink, icon string) []byte {
	esc := template.HTMLEscapeString
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(lang))
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n")
	fmt.Fprintf(&b, "<title>Moved</title>\n<link rel=\"canonical\" href=\"%s\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n", esc(permalink), esc(url))
	if icon != "" {
		fmt.Fprintf(&b, "<link rel=\"icon\" href=\"%s\">\n", esc(icon))
	}
	fmt.Fprintf(&b, "</head>\n<body>\n<p>This page has moved to <a href=\"%s\">%s</a>.</p>\n</body>\n</html>\n", esc(url), esc(permalink))
	return b.Bytes()
}

// Robots is robots.txt: everything allowed, and where the sitemap is; site
// is the site's absolute URL ("https://example.org/help/").
func Robots(site string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + site + "sitemap.xml\n")
}

// Sitemap lists every page but the 404 and search pages, by URL, with its latest date.
func Sitemap(nodes []*content.Node, site string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	nodes = slices.Clone(nodes)
	slices.SortFunc(nodes, func(a, b *content.Node) int { return strings.Compare(a.URL, b.URL) })
	for _, n := range nodes {
		if n.Kind == "404" || n.Kind == "search" {
			continue
		}
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(site+n.Href))
		b.WriteString("</loc>")
		if t := later(n.Date, n.Lastmod); !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format("2006-01-02") + "</lastmod>")
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
	Site        string // the site's absolute URL: "https://example.org/help/"
	Title       string
	Description string
	Language    string
	Latest      time.Time // the newest date in the content: the feed's own date
	Generator   string    // mutual's version
}

// Feed is an Atom feed of the guides (content.Model.Guides), newest first.
func Feed(guides []*content.Node, info FeedInfo) []byte {
	guides = slices.Clone(guides)
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
	site := info.Site
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(info.Language))
	fmt.Fprintf(&b, "  <title>%s</title>\n", esc(info.Title))
	if info.Description != "" {
		fmt.Fprintf(&b, "  <subtitle>%s</subtitle>\n", esc(info.Description))
	}
	fmt.Fprintf(&b, "  <id>%s</id>\n  <link href=\"%s\"/>\n  <link rel=\"self\" href=\"%sfeed.xml\"/>\n", esc(site), esc(site), esc(site))
	fmt.Fprintf(&b, "  <updated>%s</updated>\n", info.Latest.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "  <generator version=\"%s\">mutual</generator>\n", info.Generator)
	for _, n := range guides {
		updated := later(n.Date, n.Lastmod)
		if updated.IsZero() {
			updated = info.Latest
		}
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
