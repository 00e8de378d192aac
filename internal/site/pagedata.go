package site

import (
	"cmp"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/render"
	"mutual/internal/search"
	"mutual/internal/theme"
)

// world is what every page's data is made of, read-only while pages
// render.
type world struct {
	cfg      *content.Config
	model    *content.Model
	res      *content.Resolver
	assets   theme.Assets
	site     *Site
	basePath string
	scripts  []string // Options.Scripts
	sc       *render.Shortcodes
	scSite   *render.ShortcodeSite
	image    func(dest string) error // images' origins, checked (imageCheck)
}

// siteData is the Site every page shares: the configuration, the menu
// with its links resolved and the help block rendered. It returns the
// help's links to headings, and the errors and warnings of both.
func siteData(cfg *content.Config, res *content.Resolver, md *markdown.Markdown) (*Site, []content.LinkRef, diag.List, diag.List) {
	var errs, warns diag.List
	var links []content.LinkRef
	s := &Site{
		Title:        cfg.Title,
		Description:  cfg.Description,
		BaseURL:      cfg.BaseURL,
		Language:     cfg.Language,
		FeedURL:      cfg.BasePath() + "feed.xml",
		Generator:    "mutual " + Version,
		Params:       cfg.Params,
		AllowOrigins: cfg.AllowOrigins,
	}
	if searchOn(cfg) {
		if lang, err := search.LangFolder(cfg.Language); err == nil {
			s.SearchIndex = cfg.BasePath() + searchDir + lang + "/"
		}
	}
	var weights []int
	for _, e := range cfg.Menu {
		u, _, _, msg := res.Resolve("site.yaml", e.URL)
		if msg != "" {
			errs.Add(cfg.Path, e.Line, e.Col, "menu entry %q: %s", e.Name, msg)
			continue
		}
		s.Menu = append(s.Menu, MenuItem{Name: e.Name, URL: u})
		weights = append(weights, e.Weight)
	}
	s.Menu = withPageMenus(s.Menu, weights, res)
	if cfg.Help != "" {
		s.Help, links, errs, warns = render.Markdown(md, cfg.Help, "site.yaml", cfg.Path, cfg.HelpLine, cfg.HelpCol, cfg.HelpIndent, res)
	}
	return s, links, errs, warns
}

// homeGuides is how many guides the home page lists at most.
const homeGuides = 12

// pageData assembles what a layout sees of n, all but its body. It reads
// other pages only through a pageView, which records them: the pages n
// shows are what its memo key covers (memo.go).
func (w *world) pageData(n *content.Node) (*Page, []*content.Node) {
	v := &pageView{world: w}
	p := &Page{
		Kind:        n.Kind,
		Title:       n.Title,
		Description: n.Description,
		URL:         w.basePath + n.Href,
		Permalink:   w.cfg.Origin() + w.basePath + n.Href,
		Date:        n.Date,
		Lastmod:     n.Lastmod,
		Tags:        v.tagLinks(n),
		Prev:        v.link(n.Prev),
		Next:        v.link(n.Next),
		Site:        w.site,
		LinkTitle:   n.Linked(),
		Summary:     n.Summary,
		Params:      n.Params,
	}
	p.ActiveMenu = w.activeMenu(p.URL)
	if n.Kind == "home" && p.Description == "" {
		p.Description = w.cfg.Description
	}
	// Breadcrumbs: home, then each parent section.
	if n.Kind != "home" && n.Kind != "404" {
		var trail []Link
		sec := n.Section
		if n.Kind == "section" && sec != nil {
			sec = sec.Parent
		}
		for ; sec != nil; sec = sec.Parent {
			l := *v.link(sec.Node)
			if sec.Dir == "" {
				l.Title = "Home"
			}
			trail = append([]Link{l}, trail...)
		}
		if n.Kind == "tag" {
			trail = append(trail, Link{Title: "Tags", URL: w.basePath + "tags/"})
		}
		if n.Kind == "tags" || n.Kind == "tag" {
			trail = append([]Link{{Title: "Home", URL: w.basePath}}, trail...)
		}
		p.Breadcrumbs = trail
	}
	switch n.Kind {
	case "home":
		p.Sections = v.sectionEntries(n.Section.Subs)
		guides := w.model.Guides()
		if len(guides) > homeGuides {
			guides = guides[:homeGuides]
		}
		p.Pages = v.entries(guides)
	case "section":
		p.Pages = v.entries(n.Section.Pages)
		p.Sections = v.sectionEntries(n.Section.Subs)
	case "tag":
		p.Pages = v.entries(n.Tag.Nodes)
	case "tags":
		for _, t := range w.model.Tags {
			v.show(t.Node)
			p.Pages = append(p.Pages, Entry{Title: t.Name, URL: w.basePath + t.Node.Href, Kind: "tag", Count: len(t.Nodes)})
		}
	case "search":
		if home := w.model.ByURL[""]; home != nil && home.Section != nil {
			p.Sections = v.sectionEntries(home.Section.Subs)
		}
		if tags := w.model.ByURL["tags/"]; tags != nil {
			p.Pages = []Entry{v.entry(tags)}
		}
	case "worksheet":
		// The scorer runs in a Web Worker, which loads wasm_exec.js itself.
		p.Scripts = append(p.Scripts, w.assets.URL(w.basePath, "js/worksheet.js"))
	}
	if w.site.SearchIndex != "" {
		p.Scripts = append(p.Scripts, w.assets.URL(w.basePath, "js/search.js"))
	}
	p.Scripts = append(p.Scripts, w.scripts...)
	// A page without a description is described by its summary, as in
	// Hugo's themes.
	p.MetaTags = render.MetaTags(render.Meta{Kind: p.Kind, Title: p.Title, Description: cmp.Or(p.Description, p.Summary),
		Permalink: p.Permalink, Date: p.Date, SiteTitle: w.site.Title, SiteDescription: w.site.Description})
	return p, v.shown
}

// pageView reads the pages one page shows, recording each.
type pageView struct {
	*world
	shown []*content.Node
}

func (v *pageView) show(n *content.Node) { v.shown = append(v.shown, n) }

func (v *pageView) link(n *content.Node) *Link {
	if n == nil {
		return nil
	}
	v.show(n)
	return &Link{Title: n.Linked(), URL: v.basePath + n.Href}
}

// tagLinks are n's tags with the URLs of their pages. The tags' names and
// slugs are part of n's card (memo.go), so n itself is what is shown.
func (v *pageView) tagLinks(n *content.Node) []Link {
	var out []Link
	for _, t := range n.Tags {
		out = append(out, Link{Title: t.Name, URL: v.basePath + t.Node.Href})
	}
	return out
}

func (v *pageView) entry(n *content.Node) Entry {
	v.show(n)
	return Entry{Title: n.Linked(), URL: v.basePath + n.Href, Description: n.Description, Date: n.Date,
		Tags: v.tagLinks(n), Kind: n.Kind, Minutes: n.Minutes, Summary: n.Summary}
}

func (v *pageView) entries(ns []*content.Node) []Entry {
	out := make([]Entry, 0, len(ns))
	for _, n := range ns {
		out = append(out, v.entry(n))
	}
	return out
}

// sectionEntries are sections as list entries, each with the number of
// its pages (part of a section page's card).
func (v *pageView) sectionEntries(secs []*content.Section) []Entry {
	out := make([]Entry, 0, len(secs))
	for _, s := range secs {
		e := v.entry(s.Node)
		e.Count = len(s.Pages)
		out = append(out, e)
	}
	return out
}

// activeMenu is the URL of the menu entry a page at url is under: the entry
// for the page itself, else the entry whose URL is the longest prefix of
// it. The home page's entry only counts for the home page.
func (w *world) activeMenu(url string) string {
	best := ""
	for _, item := range w.site.Menu {
		switch {
		case item.URL == url:
			return url
		case item.URL != w.basePath && strings.HasPrefix(item.URL, w.basePath) &&
			strings.HasPrefix(url, item.URL) && len(item.URL) > len(best):
			best = item.URL
		}
	}
	return best
}

func fsRead(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func quote(s string) string { return strconv.Quote(s) }
