package site

import (
	"cmp"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"mutual/internal/content"
	"mutual/internal/render"
	"mutual/internal/theme"
	"mutual/internal/worksheet"
)

// world is what every page's data is made of, read-only while pages
// render.
type world struct {
	cfg      *content.Config
	model    *content.Model
	res      *content.Resolver
	assets   theme.Assets
	basePath string
	scripts  []string    // Options.Scripts
	langs    []*language // the site's languages, one per tree of model
	sc       *render.Shortcodes
	scSite   *render.ShortcodeSite
	image    func(dest string) error // images' origins, checked (imageCheck)
	// pointedBy are, for each guide, the worksheets of its language whose
	// areas or results send readers to it (see:), most links first
	// (pointers, Page.LinkedWorksheets).
	pointedBy map[*content.Node][]*content.Node
}

// seeLinks are the links a worksheet's areas and results give (see:),
// in the order written.
func seeLinks(w *worksheet.Worksheet) []worksheet.Link {
	var links []worksheet.Link
	for _, a := range w.Areas {
		if a.See != nil {
			links = append(links, *a.See)
		}
	}
	for _, b := range w.Results {
		links = append(links, b.See...)
	}
	return links
}

// pointers finds, for each guide of m, the worksheets whose see: links
// lead to it, each once: those with the most links to it first (the ones
// most about its subject), then in model order.
func pointers(m *content.Model, res *content.Resolver) map[*content.Node][]*content.Node {
	out := map[*content.Node][]*content.Node{}
	count := map[[2]*content.Node]int{} // guide, worksheet: links
	for _, n := range m.Nodes {
		if n.Kind != "worksheet" || n.Worksheet == nil || n.Src == nil {
			continue
		}
		r := res.In(n.Tree, n.Fallback)
		for _, l := range seeLinks(n.Worksheet) {
			_, target, _, msg := r.Resolve(n.Src.Rel, l.Dest)
			if msg == "" && target != nil && target.Tree != n.Tree {
				// A heading of a page shown untranslated is the default
				// language's page's: its page in this language lists it.
				target = m.Versions(target)[n.Tree.Index]
			}
			if msg != "" || target == nil || target.Kind != "page" {
				continue
			}
			if count[[2]*content.Node{target, n}]++; count[[2]*content.Node{target, n}] == 1 {
				out[target] = append(out[target], n)
			}
		}
	}
	for g, ws := range out {
		slices.SortStableFunc(ws, func(a, b *content.Node) int {
			return count[[2]*content.Node{g, b}] - count[[2]*content.Node{g, a}]
		})
	}
	return out
}

// titleKeys are the interface texts that title the pages mutual makes
// (language.titlePages).
var titleKeys = map[string]string{"tags": "tags", "404": "not-found.title", "search": "search.title"}

// homeGuides is how many guides the home page lists at most.
const homeGuides = 12

// pageData assembles what a layout sees of n, all but its body. It reads
// other pages only through a pageView, which records them when asked
// (record): the pages n shows are what its memo key covers (memo.go), and
// a one-off build, which makes no key, does not ask.
func (w *world) pageData(n *content.Node, record bool) (*Page, []*content.Node) {
	l := w.langs[n.Tree.Index]
	v := &pageView{world: w, lang: l, fallback: n.Fallback && l.fallbackTemplates != nil, record: record}
	if record {
		v.shown = make([]*content.Node, 0, 8)
	}
	p := &Page{
		Kind:        n.Kind,
		Title:       n.Title,
		Description: n.Description,
		URL:         w.basePath + n.Href,
		Permalink:   w.permalink(w.basePath + n.Href),
		Date:        n.Date,
		Lastmod:     n.Lastmod,
		Tags:        v.tagLinks(n),
		Prev:        v.link(n.Prev),
		Next:        v.link(n.Next),
		Site:        l.site,
		LinkTitle:   n.Linked(),
		Summary:     n.Summary,
		Params:      n.Params,
	}
	p.Original = p.URL
	if key := titleKeys[n.Kind]; key != "" {
		if title, lang := l.textLang(key); title == n.Title {
			p.TitleLang = lang
		}
	}
	p.ActiveMenu = activeMenu(l.site, p.URL)
	if n.Kind == "home" && p.Description == "" {
		p.Description = l.site.Description
	}
	home := w.basePath + l.tree.Prefix
	// Breadcrumbs: home, then each parent section.
	if n.Kind != "home" && n.Kind != "404" {
		var trail []Link
		sec := n.Section
		if n.Kind == "section" && sec != nil {
			sec = sec.Parent
		}
		// Made from the parent up, then turned round.
		if n.Kind == "tag" {
			tags, lang := l.textLang("tags")
			trail = append(trail, w.linkTo(tags, home+"tags/", lang))
		}
		for ; sec != nil; sec = sec.Parent {
			lk := w.linkTo(sec.Node.Linked(), w.basePath+sec.Node.Href, "")
			v.show(sec.Node)
			if sec.Dir == "" {
				lk.Title, lk.Lang = l.textLang("home")
			} else if sec.Node.Fallback {
				lk.Lang = string(w.langs[0].code)
			}
			trail = append(trail, lk)
		}
		if n.Kind == "tags" || n.Kind == "tag" {
			title, lang := l.textLang("home")
			trail = append(trail, w.linkTo(title, home, lang))
		}
		slices.Reverse(trail)
		if n.First != nil {
			// A further page of a cut list: its first page is one up.
			v.show(n.First)
			lk := w.linkTo(n.First.Linked(), w.basePath+n.First.Href, "")
			if n.Fallback {
				lk.Lang = string(w.langs[0].code)
			}
			trail = append(trail, lk)
		}
		if n.Fallback {
			// The page's text is the default language's (base.html):
			// the trail's titles in the page's language say so.
			for i := range trail {
				if trail[i].Lang == "" {
					trail[i].Lang = string(l.code)
				}
			}
		}
		p.Breadcrumbs = trail
	}
	switch n.Kind {
	case "home":
		p.Sections = v.sectionEntries(n.Section.Subs)
		// The home page lists the language's own guides, as its feed
		// does; the section pages show the rest (listOwn).
		guides := ownPages(l.tree.Guides())
		if len(guides) > homeGuides {
			guides = guides[:homeGuides]
		}
		p.Pages = v.entries(guides)
	case "section":
		p.Pages = v.entries(w.cut(n, p, n.Section.Pages))
		if n.PageNum <= 1 {
			p.Sections = v.sectionEntries(n.Section.Subs)
		}
	case "tag":
		p.Pages = v.entries(w.cut(n, p, n.Tag.Nodes))
	case "tags":
		for _, t := range l.tree.Tags {
			v.show(t.Node)
			u := w.basePath + t.Node.Href
			p.Pages = append(p.Pages, Entry{Title: t.Name, URL: u, Permalink: w.permalink(u), Kind: "tag", Count: len(t.Nodes)})
		}
	case "search", "404":
		// Places to go on from: the 404 page lists guides/ only when
		// the language has it (a Hugo site's posts/ has no guides/).
		if home := w.model.ByURL[l.tree.Prefix]; home != nil && home.Section != nil {
			p.Sections = v.sectionEntries(home.Section.Subs)
		}
		if tags := w.model.ByURL[l.tree.Prefix+"tags/"]; tags != nil && n.Kind == "search" {
			p.Pages = []Entry{v.entry(tags)}
		}
		if n.Kind == "search" {
			p.FallbackSearch = v.fallbackSearch()
		}
	case "page":
		if ws := w.pointedBy[n]; len(ws) > 0 {
			p.LinkedWorksheets = v.entries(ws)
		}
	case "worksheet":
		// The scorer runs in a Web Worker, which loads wasm_exec.js itself.
		p.Scripts = append(p.Scripts, w.assets.URL(w.basePath, "js/worksheet.js"))
	}
	if n.Fallback {
		// The page's text is the default language's (base.html): the
		// entries in the page's own language say so, as its breadcrumbs do.
		for _, list := range [][]Entry{p.Pages, p.Sections, p.LinkedWorksheets} {
			for i := range list {
				if list[i].Lang == "" {
					list[i].Lang = string(l.code)
				}
			}
		}
	}
	if l.site.SearchIndex != "" {
		p.Scripts = append(p.Scripts, w.assets.URL(w.basePath, "js/search.js"))
	}
	p.Scripts = append(p.Scripts, w.scripts...)
	// A page without a description is described by its summary, as in
	// Hugo's themes.
	meta := render.Meta{Kind: p.Kind, Title: p.Title, Description: cmp.Or(p.Description, p.Summary),
		Permalink: p.Permalink, Date: p.Date, SiteTitle: l.site.Title, SiteDescription: l.site.Description}
	if n.Kind == "tag" {
		meta.TagTitle = l.text("tag") + ": " + p.Title
	}
	if p.Paginator != nil {
		meta.Part = l.text("pagination.page-of", "page", p.Paginator.PageNumber, "pages", p.Paginator.TotalPages)
	}
	if len(w.langs) > 1 {
		p.Translations, meta.Alternates = v.translations(n)
		if d := w.model.Versions(n)[0]; d != nil && d != n {
			v.show(d)
			p.Original = w.basePath + d.Href
		}
		if n.Fallback {
			p.Fallback = string(w.langs[0].code)
			p.FallbackOutdated = n.OutOfStep
			// A guide or worksheet shown untranslated is the original's
			// text: search engines should index the original. A list
			// (the home page, a section) shows the language's own pages
			// and is its own.
			if d := w.model.Versions(n)[0]; d != nil && !ownPage(n) {
				v.show(d)
				meta.Canonical = w.cfg.Origin() + w.basePath + d.Href
			}
		}
	}
	p.MetaTags = render.MetaTags(meta)
	p.Pager, p.TimeTag = l.readyMade(p, v.fallback)
	return p, v.shown
}

// cut is the part of list, the entries of n's list, that n shows: all of
// it, or on a list cut into pages (content.Node.PageNum) its page's part,
// with p.Paginator set to say where that page is.
func (w *world) cut(n *content.Node, p *Page, list []*content.Node) []*content.Node {
	if n.PageNum == 0 {
		return list
	}
	first := n
	if n.First != nil {
		first = n.First
	}
	url := func(num int) string {
		if num == 1 {
			return w.basePath + first.Href
		}
		return w.basePath + first.Href + "page/" + strconv.Itoa(num) + "/"
	}
	pg := &Paginator{PageNumber: n.PageNum, TotalPages: n.PageCount, PageSize: n.PageSize, TotalEntries: len(list),
		First: url(1), Last: url(n.PageCount)}
	if n.PageNum > 1 {
		pg.Prev = url(n.PageNum - 1)
	}
	if n.PageNum < n.PageCount {
		pg.Next = url(n.PageNum + 1)
	}
	// The first and the last page, and two on either side of this one; a
	// gap of a single page shows that page rather than "…".
	shown := []int{1}
	for num := max(2, n.PageNum-2); num <= min(n.PageCount, n.PageNum+2); num++ {
		shown = append(shown, num)
	}
	if shown[len(shown)-1] != n.PageCount {
		shown = append(shown, n.PageCount)
	}
	for i, num := range shown {
		if i > 0 {
			switch prev := shown[i-1]; {
			case num == prev+2:
				pg.Links = append(pg.Links, PageLink{Number: prev + 1, URL: url(prev + 1)})
			case num > prev+2:
				pg.Links = append(pg.Links, PageLink{Gap: true})
			}
		}
		pg.Links = append(pg.Links, PageLink{Number: num, URL: url(num), Current: num == n.PageNum})
	}
	p.Paginator = pg
	lo := (n.PageNum - 1) * n.PageSize
	return list[lo:min(lo+n.PageSize, len(list))]
}

// readyMade are p's pager and date as the default theme's partials wrote
// them (Page.Pager, Page.TimeTag), with the T and date functions p's
// layout runs with (templatesFor): fb for a page the language shows
// untranslated, whose texts are marked.
func (l *language) readyMade(p *Page, fb bool) (pager, timeTag template.HTML) {
	if p.Prev != nil || p.Next != nil {
		var prev, next *render.PagerLink
		if p.Prev != nil {
			prev = &render.PagerLink{URL: p.Prev.URL, Title: p.Prev.Title}
		}
		if p.Next != nil {
			next = &render.PagerLink{URL: p.Next.URL, Title: p.Next.Title}
		}
		pager = render.Pager(prev, next, l.readyTexts(fb).pager)
	}
	return pager, l.timeTag(p.Date, fb)
}

// timeTag is date as the layouts of a page wrote it with the function
// date (Page.TimeTag, Entry.TimeTag): fb on a page the language shows
// untranslated, whose dates are marked.
func (l *language) timeTag(date time.Time, fb bool) template.HTML {
	if date.IsZero() {
		return ""
	}
	var shown any = l.tr.Date(date)
	if fb {
		shown = l.dateOnFallback(date)
	}
	return render.TimeTag(date, shown)
}

// readyTexts are the words of the ready-made parts as the layouts print
// them.
type readyTexts struct {
	pager render.PagerTexts
	toc   render.TOCTexts
}

// readyTexts are the ready-made parts' words, made once a build for the
// language's own pages and once for those it shows untranslated
// (fallback), with T as their layouts call it.
func (l *language) readyTexts(fallback bool) readyTexts {
	i := 0
	if fallback {
		i = 1
	}
	c := &l.ready[i]
	c.once.Do(func() {
		t := l.t
		if fallback {
			t = l.tOnFallback
		}
		text := func(key string) any {
			v, err := t(key)
			if err != nil {
				return key // no arguments: T fails on none
			}
			return v
		}
		c.texts = readyTexts{
			pager: render.NewPagerTexts(text("pager.label"), text("pager.previous"), text("pager.next")),
			toc:   render.NewTOCTexts(text("toc.title")),
		}
	})
	return c.texts
}

// fallbackSearch is the default language's search (Page.FallbackSearch)
// when the page's language shows a page of the default language
// untranslated, which its own index leaves out (indexed); nil otherwise.
// It records every page of the language that its index could hold: a
// translation added or taken away changes that page's card (Fallback).
func (v *pageView) fallbackSearch() *FallbackSearch {
	l, d := v.lang, v.langs[0]
	if l.index == 0 || l.site.SearchURL == "" || d.site.SearchURL == "" {
		return nil
	}
	shows := false
	for _, n := range l.tree.Nodes {
		if n.Kind == "page" || n.Kind == "section" || n.Kind == "worksheet" {
			v.show(n)
			shows = shows || n.Fallback
		}
	}
	if !shows {
		return nil
	}
	return &FallbackSearch{URL: d.site.SearchURL, Lang: langTag(v.cfg, d.tree), Name: l.defaultName}
}

// pageView reads the pages one page shows, recording each when record is set.
type pageView struct {
	*world
	shown  []*content.Node
	record bool
	// lang is the page's language, fallback set when the page is shown
	// untranslated: its list entries' dates are written as its layout
	// writes dates (Entry.TimeTag).
	lang     *language
	fallback bool
}

// permalink is the full address of url, a path of the site with its base
// path: what a printed page shows after a link's words (data-url).
func (w *world) permalink(url string) string { return w.cfg.Origin() + url }

// linkTo is a Link to url, a path of the site with its base path.
func (w *world) linkTo(title, url, lang string) Link {
	return Link{Title: title, URL: url, Permalink: w.permalink(url), Lang: lang}
}

func (v *pageView) show(n *content.Node) {
	if v.record {
		v.shown = append(v.shown, n)
	}
}

func (v *pageView) link(n *content.Node) *Link {
	if n == nil {
		return nil
	}
	v.show(n)
	lk := v.linkTo(n.Linked(), v.basePath+n.Href, "")
	return &lk
}

// tagLinks are n's tags with the URLs of their pages. The tags' names and
// slugs are part of n's card (memo.go), so n itself is what is shown.
func (v *pageView) tagLinks(n *content.Node) []Link {
	if len(n.Tags) == 0 {
		return nil
	}
	out := make([]Link, 0, len(n.Tags))
	for _, t := range n.Tags {
		lk := v.linkTo(t.Name, v.basePath+t.Node.Href, "")
		if t.Node.Tree != n.Tree {
			lk.Lang = string(v.langs[t.Node.Tree.Index].code)
		}
		out = append(out, lk)
	}
	return out
}

func (v *pageView) entry(n *content.Node) Entry {
	v.show(n)
	u := v.basePath + n.Href
	e := Entry{Title: n.Linked(), URL: u, Permalink: v.permalink(u), Description: n.Description, Date: n.Date,
		Tags: v.tagLinks(n), Kind: n.Kind, Minutes: n.Minutes, Summary: n.Summary}
	if v.lang != nil {
		e.TimeTag = v.lang.timeTag(n.Date, v.fallback)
	}
	if n.Fallback {
		l := v.langs[n.Tree.Index]
		e.Lang, e.LangName = string(v.langs[0].code), l.defaultName
		if l.defaultDir != l.dir {
			e.Dir = string(l.defaultDir)
		}
	}
	return e
}

func (v *pageView) entries(ns []*content.Node) []Entry {
	out := make([]Entry, 0, len(ns))
	for _, n := range ns {
		out = append(out, v.entry(n))
	}
	return out
}

// sectionEntries are sections as list entries, each with the number of
// its pages in the list's language, not counting the pages shown there in
// the default language (part of a section page's card).
func (v *pageView) sectionEntries(secs []*content.Section) []Entry {
	out := make([]Entry, 0, len(secs))
	for _, s := range secs {
		e := v.entry(s.Node)
		e.Count = len(ownPages(s.Pages))
		out = append(out, e)
	}
	return out
}

// activeMenu is the URL of the menu entry a page at url is under: the entry
// for the page itself, else the entry whose URL is the longest prefix of
// it. The entry of the home page of the page's language only counts for
// that home page.
func activeMenu(site *Site, url string) string {
	best := ""
	for _, item := range site.Menu {
		switch {
		case item.URL == url:
			return url
		case item.URL != site.Home && strings.HasPrefix(item.URL, site.Home) &&
			strings.HasPrefix(url, item.URL) && len(item.URL) > len(best):
			best = item.URL
		}
	}
	return best
}

func fsRead(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func quote(s string) string { return strconv.Quote(s) }
