package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"mutual/internal/diag"
	"mutual/internal/markdown"
)

func readFS(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

// siteData is the Site every page shares. It renders the help block.
func (bd *build) siteData() *Site {
	cfg := bd.cfg
	s := &Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     cfg.BaseURL,
		Language:    cfg.Language,
		FeedURL:     bd.basePath + "feed.xml",
		Generator:   "mutual " + Version,
	}
	for _, e := range cfg.Menu {
		u, _, _, msg := bd.res.resolve("site.yaml", e.URL)
		if msg != "" {
			bd.errs.Add(ConfigPath, e.Line, e.Col, "menu entry %q: %s", e.Name, msg)
			continue
		}
		s.Menu = append(s.Menu, MenuItem{Name: e.Name, URL: u})
	}
	if cfg.Help != "" {
		buf := getBuffer()
		defer putBuffer(buf)
		var links []linkRec
		r, err := bd.b.md.Render(buf, []byte(cfg.Help), markdown.Context{
			Path: ConfigPath, LineOffset: cfg.HelpLine - 1, ColOffset: cfg.HelpCol - 1, Indent: cfg.HelpIndent,
			Resolve: bd.linkFunc("site.yaml", ConfigPath, &links),
		})
		if err != nil {
			bd.errs.Add(ConfigPath, cfg.HelpLine, cfg.HelpCol, "cannot render help: %v", err)
		}
		bd.errs = append(bd.errs, r.Errors...)
		bd.warns = append(bd.warns, r.Warnings...)
		bd.links = append(bd.links, links...)
		s.Help = template.HTML(buf.String())
	}
	return s
}

func (bd *build) assetURL(name string) string {
	if a := bd.assets[name]; a != nil {
		return bd.basePath + pathEscape(a.out)
	}
	return ""
}

// funcs are the template functions every layout may use.
func (bd *build) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			if a := bd.assets[strings.TrimPrefix(name, "/")]; a != nil {
				return bd.basePath + pathEscape(a.out), nil
			}
			var known []string
			for k := range bd.assets {
				known = append(known, k)
			}
			return "", fmt.Errorf("no static file %q in the theme%s", name, diag.Hint(name, known))
		},
		"hasAsset": func(name string) bool { return bd.assets[strings.TrimPrefix(name, "/")] != nil },
		"relURL":   func(p string) string { return bd.basePath + strings.TrimPrefix(p, "/") },
		"absURL":   func(p string) string { return bd.cfg.Origin() + bd.basePath + strings.TrimPrefix(p, "/") },
		"active":   func(item MenuItem, p *Page) bool { return item.URL != "" && item.URL == p.ActiveMenu },
		"date":     func(t time.Time) string { return t.Format("2 January 2006") },
		"isodate":  func(t time.Time) string { return t.Format("2006-01-02") },
		"year":     func() int { return bd.latest.Year() },
	}
}

// newest is the latest date in the content, so that output depends on the
// input alone and not on when it was built. Use bd.latest, computed once.
func (bd *build) newest() time.Time {
	var t time.Time
	for _, n := range bd.m.nodes {
		if n.date.After(t) {
			t = n.date
		}
		if n.lastmod.After(t) {
			t = n.lastmod
		}
	}
	if t.IsZero() {
		t = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func (bd *build) link(n *node) *Link {
	if n == nil {
		return nil
	}
	return &Link{Title: n.title, URL: bd.basePath + n.href}
}

func (bd *build) tagLinks(n *node) []Link {
	var out []Link
	for _, t := range n.tags {
		out = append(out, Link{Title: t.name, URL: bd.basePath + t.node.href})
	}
	return out
}

func (bd *build) entry(n *node) Entry {
	return Entry{Title: n.title, URL: bd.basePath + n.href, Description: n.description, Date: n.date,
		Tags: bd.tagLinks(n), Kind: n.kind, Minutes: n.minutes}
}

func (bd *build) entries(ns []*node) []Entry {
	out := make([]Entry, 0, len(ns))
	for _, n := range ns {
		out = append(out, bd.entry(n))
	}
	return out
}

func (bd *build) sectionEntries(secs []*section) []Entry {
	out := make([]Entry, 0, len(secs))
	for _, s := range secs {
		e := bd.entry(s.node)
		e.Count = len(s.pages)
		out = append(out, e)
	}
	return out
}

// pageData assembles what a layout sees, except the rendered body.
func (bd *build) pageData(n *node) *Page {
	p := &Page{
		Kind:        n.kind,
		Title:       n.title,
		Description: n.description,
		URL:         bd.basePath + n.href,
		Permalink:   bd.cfg.Origin() + bd.basePath + n.href,
		Date:        n.date,
		Lastmod:     n.lastmod,
		Tags:        bd.tagLinks(n),
		Prev:        bd.link(n.prev),
		Next:        bd.link(n.next),
		Site:        bd.site,
	}
	p.ActiveMenu = bd.activeMenu(p.URL)
	if n.kind == "home" && p.Description == "" {
		p.Description = bd.cfg.Description
	}
	// Breadcrumbs: home, then each parent section.
	if n.kind != "home" && n.kind != "404" {
		var trail []Link
		sec := n.section
		if n.kind == "section" && sec != nil {
			sec = sec.parent
		}
		for ; sec != nil; sec = sec.parent {
			title := sec.node.title
			if sec.dir == "" {
				title = "Home"
			}
			trail = append([]Link{{Title: title, URL: bd.basePath + sec.node.href}}, trail...)
		}
		if n.kind == "tag" {
			trail = append(trail, Link{Title: "Tags", URL: bd.basePath + "tags/"})
		}
		if n.kind == "tags" || n.kind == "tag" {
			trail = append([]Link{{Title: "Home", URL: bd.basePath}}, trail...)
		}
		p.Breadcrumbs = trail
	}
	switch n.kind {
	case "home":
		p.Sections = bd.sectionEntries(n.section.subs)
		guides := bd.guides()
		if len(guides) > homeGuides {
			guides = guides[:homeGuides]
		}
		p.Pages = bd.entries(guides)
	case "section":
		p.Pages = bd.entries(n.section.pages)
		p.Sections = bd.sectionEntries(n.section.subs)
	case "tag":
		p.Pages = bd.entries(n.tag.nodes)
	case "tags":
		for _, t := range bd.m.tags {
			p.Pages = append(p.Pages, Entry{Title: t.name, URL: bd.basePath + t.node.href, Kind: "tag", Count: len(t.nodes)})
		}
	case "worksheet":
		// The scorer runs in a Web Worker, which loads wasm_exec.js itself.
		p.Scripts = append(p.Scripts, bd.assetURL("js/worksheet.js"))
	}
	p.Scripts = append(p.Scripts, bd.b.opts.Scripts...)
	p.MetaTags = metaTags(p)
	return p
}

// metaTags writes the per-page tags of <head>, as the default theme's
// base.html used to with a dozen template actions a page (half the time
// of a guide page's layout): the title (the site's title alone on the home
// page, "Tag: name" on a tag page, then " · " and the site's title), the
// description (the site's when the page has none), OpenGraph's title and
// description, the canonical URL and og:url (not on the 404 page) and
// article:published_time (dated pages). Escaped exactly as html/template
// escapes the same values in the same places; TestMetaTags holds it to that.
func metaTags(p *Page) template.HTML {
	site := p.Site
	if site == nil {
		site = &Site{}
	}
	title := p.Title
	switch p.Kind {
	case "home":
		title = site.Title
	case "tag":
		title = "Tag: " + p.Title
	}
	description := site.Description
	if p.Description != "" {
		description = p.Description
	}
	var b strings.Builder
	b.WriteString("<title>")
	textEscaper.WriteString(&b, title)
	if p.Kind != "home" {
		b.WriteString(" · ")
		textEscaper.WriteString(&b, site.Title)
	}
	b.WriteString("</title>\n<meta name=\"description\" content=\"")
	textEscaper.WriteString(&b, description)
	b.WriteString("\">\n<meta property=\"og:title\" content=\"")
	textEscaper.WriteString(&b, title)
	b.WriteString("\">\n<meta property=\"og:description\" content=\"")
	textEscaper.WriteString(&b, description)
	b.WriteString("\">")
	if p.Kind != "404" {
		b.WriteString("\n<link rel=\"canonical\" href=\"")
		textEscaper.WriteString(&b, urlAttr(p.Permalink))
		b.WriteString("\">\n<meta property=\"og:url\" content=\"")
		textEscaper.WriteString(&b, p.Permalink)
		b.WriteString("\">")
	}
	if p.Kind == "page" && !p.Date.IsZero() {
		b.WriteString("\n<meta property=\"article:published_time\" content=\"")
		b.WriteString(p.Date.Format("2006-01-02"))
		b.WriteString("\">")
	}
	return template.HTML(b.String())
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
	return percentEncode(s, func(i int) bool {
		c := s[i]
		return unreserved(c) || strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0 ||
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	})
}

// activeMenu is the URL of the menu entry a page at url is under: the entry
// for the page itself, else the entry whose URL is the longest prefix of
// it. The home page's entry only counts for the home page.
func (bd *build) activeMenu(url string) string {
	best := ""
	for _, item := range bd.site.Menu {
		switch {
		case item.URL == url:
			return url
		case item.URL != bd.basePath && strings.HasPrefix(item.URL, bd.basePath) &&
			strings.HasPrefix(url, item.URL) && len(item.URL) > len(best):
			best = item.URL
		}
	}
	return best
}

// textEscaper escapes text as html/template does in HTML text: what it
// writes matches what a layout printing the same string would.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// fragmentEscape percent-encodes s as html/template does in a URL after
// "#": every byte but RFC 3986's unreserved ones, in lower-case hex.
func fragmentEscape(s string) string {
	return percentEncode(s, func(i int) bool { return unreserved(s[i]) })
}

// pathEscape percent-encodes a path of the site for a URL: every byte but
// RFC 3986's unreserved ones, its sub-delimiters, ":", "@" and "/", so that
// a file name with "#", "?", "%", a space or letters outside ASCII gives
// a link that leads to it (lower-case hex, as html/template writes). A
// path with nothing to encode is returned as it is.
func pathEscape(s string) string {
	return percentEncode(s, func(i int) bool {
		c := s[i]
		return unreserved(c) || c == '/' || strings.IndexByte("!$&'()*+,;=:@", c) >= 0
	})
}

// unreserved is RFC 3986's unreserved set: letters, digits and "-._~".
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// percentEncode writes each byte s[i] that keep(i) refuses as %xx in
// lower-case hex, as html/template does, and returns s itself when it
// refuses none.
func percentEncode(s string, keep func(i int) bool) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(s); i++ {
		if keep(i) {
			if b != nil {
				b = append(b, s[i])
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+8), s[:i]...)
		}
		b = append(b, '%', hex[s[i]>>4], hex[s[i]&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}

// tableOfContents renders a page's TOC as an ordered list, one item per
// heading with its level as a class, for .TableOfContents: the same markup
// a layout ranging over .TOC would write, without the cost of running it.
func tableOfContents(toc []markdown.Heading) template.HTML {
	if len(toc) == 0 {
		return ""
	}
	var b strings.Builder
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

// homeGuides is how many guides the home page lists at most.
const homeGuides = 12

// guides are the pages the home page lists and the feed carries: every
// Markdown page under content/guides/, or every page when there is no such
// folder, in section order.
func (bd *build) guides() []*node {
	var out []*node
	var walk func(s *section)
	walk = func(s *section) {
		for _, n := range s.pages {
			if n.kind == "page" {
				out = append(out, n)
			}
		}
		for _, sub := range s.subs {
			walk(sub)
		}
	}
	if g := bd.m.sections["guides"]; g != nil {
		walk(g)
	} else {
		walk(bd.m.sections[""])
	}
	return out
}

// pageKey is a fingerprint of everything a page's output depends on.
func (bd *build) pageKey(n *node, p *Page, bodyKey string) string {
	h := newKeyer(bd.b.seed)
	h.str(bd.gen)
	h.str(bodyKey)
	if n.kind == "worksheet" {
		h.bytes(n.src.sum[:])
		h.str(bd.titles)
	}
	hashPage(h, p)
	return h.sum()
}

func hashPage(h *keyer, p *Page) {
	w := h.str
	links := func(ls []Link) {
		h.int(int64(len(ls)))
		for _, l := range ls {
			w(l.Title)
			w(l.URL)
		}
	}
	ptr := func(l *Link) {
		if l == nil {
			w("-")
			return
		}
		w(l.Title)
		w(l.URL)
	}
	ents := func(es []Entry) {
		h.int(int64(len(es)))
		for _, e := range es {
			w(e.Title)
			w(e.URL)
			w(e.Description)
			h.time(e.Date)
			links(e.Tags)
			w(e.Kind)
			h.int(int64(e.Minutes))
			h.int(int64(e.Count))
		}
	}
	w(p.Kind)
	w(p.Title)
	w(p.Description)
	w(p.URL)
	w(p.Permalink)
	h.time(p.Date)
	h.time(p.Lastmod)
	links(p.Tags)
	links(p.Breadcrumbs)
	ptr(p.Prev)
	ptr(p.Next)
	ents(p.Pages)
	ents(p.Sections)
	for _, s := range p.Scripts {
		w(s)
	}
}

// aliasPage redirects an old address to url. It carries the same
// Content-Security-Policy as the theme's pages, and the site's icon so
// browsers do not ask for /favicon.ico.
func aliasPage(lang, url, permalink, icon string) []byte {
	esc := template.HTMLEscapeString
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(lang))
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n")
	fmt.Fprintf(&b, "<title>Moved</title>\n<link rel=\"canonical\" href=\"%s\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n", esc(permalink), esc(url))
	if icon != "" {
		fmt.Fprintf(&b, "<link rel=\"icon\" href=\"%s\">\n", esc(icon))
	}
	fmt.Fprintf(&b, "</head>\n<body>\n<p>This page has moved to <a href=\"%s\">%s</a>.</p>\n</body>\n</html>\n", esc(url), esc(permalink))
	return b.Bytes()
}

// csp is the Content-Security-Policy of every page mutual writes itself;
// the default theme sets the same one.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'"

// sitemap lists every page but the 404 page, by URL.
func (bd *build) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	nodes := append([]*node(nil), bd.m.nodes...)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].url < nodes[j].url })
	for _, n := range nodes {
		if n.kind == "404" {
			continue
		}
		b.WriteString("  <url><loc>")
		xml.EscapeText(&b, []byte(bd.cfg.Origin()+bd.basePath+n.href))
		b.WriteString("</loc>")
		if t := later(n.date, n.lastmod); !t.IsZero() {
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

// feed is an Atom feed of the guides, newest first.
func (bd *build) feed() []byte {
	guides := append([]*node(nil), bd.guides()...)
	sort.SliceStable(guides, func(i, j int) bool {
		a, b := later(guides[i].date, guides[i].lastmod), later(guides[j].date, guides[j].lastmod)
		if !a.Equal(b) {
			return a.After(b)
		}
		return guides[i].url < guides[j].url
	})
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	site := bd.cfg.Origin() + bd.basePath
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(bd.cfg.Language))
	fmt.Fprintf(&b, "  <title>%s</title>\n", esc(bd.cfg.Title))
	if bd.cfg.Description != "" {
		fmt.Fprintf(&b, "  <subtitle>%s</subtitle>\n", esc(bd.cfg.Description))
	}
	fmt.Fprintf(&b, "  <id>%s</id>\n  <link href=\"%s\"/>\n  <link rel=\"self\" href=\"%sfeed.xml\"/>\n", esc(site), esc(site), esc(site))
	fmt.Fprintf(&b, "  <updated>%s</updated>\n", bd.latest.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "  <generator version=\"%s\">mutual</generator>\n", Version)
	for _, n := range guides {
		updated := later(n.date, n.lastmod)
		if updated.IsZero() {
			updated = bd.latest
		}
		fmt.Fprintf(&b, "  <entry>\n    <title>%s</title>\n    <id>%s</id>\n    <link href=\"%s\"/>\n    <updated>%s</updated>\n",
			esc(n.title), esc(site+n.href), esc(site+n.href), updated.UTC().Format(time.RFC3339))
		if !n.date.IsZero() {
			fmt.Fprintf(&b, "    <published>%s</published>\n", n.date.UTC().Format(time.RFC3339))
		}
		if n.description != "" {
			fmt.Fprintf(&b, "    <summary>%s</summary>\n", esc(n.description))
		}
		fmt.Fprintf(&b, "    <author><name>%s</name></author>\n  </entry>\n", esc(bd.cfg.Title))
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}
