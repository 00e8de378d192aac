package site

import (
	"html/template"
	"time"

	"mutual/internal/markdown"
	"mutual/internal/render"
	"mutual/internal/worksheet"
)

// Page is what every layout receives as ".". Its fields are the theme
// contract: a theme may rely on each of them.
type Page struct {
	Kind        string // "home", "section", "page", "worksheet", "tags", "tag", "404" or "search"
	Title       string
	Description string
	URL         string // root-relative, with the baseURL's path: "/help/guides/listening/"
	Permalink   string // absolute: "https://example.org/help/guides/listening/"
	Date        time.Time
	Lastmod     time.Time
	Tags        []Link             // tag name and the URL of its page
	Content     template.HTML      // the rendered body
	TOC         []markdown.Heading // set when the page has three or more headings
	// TableOfContents is TOC as ready-made HTML: <ol> with one
	// <li class="toc-hN"><a href="#id">text</a></li> per heading.
	TableOfContents template.HTML
	// TOCNav is TableOfContents as the default theme shows it, ready-made:
	// in <nav class="toc"> with its heading, <h2 class="toc-title">, and
	// the heading's words (T "toc.title") as the nav's aria-label; "" when
	// TableOfContents is.
	TOCNav      template.HTML
	Breadcrumbs []Link // from home to the parent section; not the page itself
	ActiveMenu  string // URL of the menu entry the page is under ("" for none): the one to mark current
	Prev, Next  *Link  // neighbours within the section
	// Pager is Prev and Next as ready-made HTML, the default theme's
	// pager: <nav class="pager"> with an <a class="pager-prev"> and an
	// <a class="pager-next">, each with its label (T "pager.previous",
	// "pager.next") and the neighbour's title; "" when there is neither.
	Pager template.HTML
	// TimeTag is Date as ready-made HTML: <time datetime="2006-01-02">
	// and the date as the function date writes it in the page's language;
	// "" for an undated page.
	TimeTag template.HTML
	Pages   []Entry // home: the guides; section: its pages; tag: tagged pages; tags: every tag; search: the tags page (when the site has tags); on a list cut into pages, this page's part
	// Paginator says where the page is in a section's or a tag's list cut
	// into pages (site.yaml's paginate, or the section's own); nil when
	// the list is whole. Pages then holds this page's part of the list,
	// and Sections (a section's sub-sections) are on its first page only.
	Paginator *Paginator
	Sections  []Entry         // home and section: (sub)sections; search and 404: the home page's sections
	Worksheet *worksheet.View // Kind "worksheet" only
	// LinkedWorksheets are, on a guide (Kind "page"), the worksheets of its
	// language whose areas or results send readers to it (see:), as list
	// entries: the self-assessments on its subject. The default theme
	// lists them after the guide's text.
	LinkedWorksheets []Entry
	// Scripts are the URLs of the page's scripts; each stands alone and
	// waits for what it needs. The default theme loads them at the end of
	// <body>, without async (see StyleLinks).
	Scripts []string
	// StyleLinks are the page's stylesheets as ready-made HTML, as the
	// default theme's base.html links them after head.html: css/chroma.css
	// where Content has highlighted code (class="chroma"), the theme's
	// css/worksheet.css on worksheet pages and its css/custom.css when it
	// has them; each on a line of its own after a line break. The default
	// theme's scripts come last in <body>, without async: a browser then
	// finishes parsing the page only once these stylesheets have arrived,
	// and lays the page out once. (Parsed to the end first, a page with a
	// form was laid out without its stylesheets as soon as the parser
	// finished, in chromium, and again when they arrived: twice the
	// layout work before the first paint.)
	StyleLinks template.HTML
	links      render.Links // for HeadLinks
	// MetaTags is the per-page part of <head> as ready-made HTML: <title>,
	// the description, OpenGraph's title, description and URL, the
	// canonical link and, on dated pages, article:published_time.
	MetaTags template.HTML
	Site     *Site
	// Translations are the page in every language of the site, in
	// site.yaml's order, for the language switcher; empty for a site in
	// one language. See Translation.
	Translations []Translation
	// Original is the URL of the page in the site's default language: its
	// own URL on a site in one language, in the default language, or for a
	// page no default-language page has. A worksheet saves its answers
	// under it, so that every language of the worksheet shares them.
	Original string
	// Fallback is set on a page shown in a language that has no
	// translation of it: the code of the language its own texts (title,
	// description, body) are in, the default language's, for a lang
	// attribute and a notice; "" on every other page.
	Fallback string
	// FallbackSearch is, on the search page of a language that shows
	// pages of the default language untranslated (Fallback), the default
	// language's search, which finds them: each language's index holds
	// only the pages written in it. nil otherwise.
	FallbackSearch *FallbackSearch
	// FallbackOutdated is set on such a page whose language has a
	// translation that is not shown because it is out of step with the
	// original (a worksheet that gained a question): the notice says the
	// translation is being updated rather than missing.
	FallbackOutdated bool
	// TitleLang is the language of Title when it is not the page's: the
	// default language's code on a page mutual makes (tags, 404, search),
	// titled by an interface text the page's language lacks; else "".
	TitleLang string
	// LinkTitle is the shorter title menus, breadcrumbs and lists show:
	// the front matter's linkTitle, or Title.
	LinkTitle string
	// Summary is the page's summary, plain text: its summary: key or the
	// text before its <!--more--> divider; "" for neither.
	Summary string
	// Params are the front matter's own keys (Hugo's .Params), keys in
	// lower case: {{.Params.icon}}. Param looks one up here, then in
	// site.yaml's params.
	Params map[string]any
}

// HeadLinks are StyleLinks followed by each of Scripts with async, as
// the default theme's base.html linked them all in <head> until
// 2026-11-30; a theme's base.html may still print them.
func (p *Page) HeadLinks() template.HTML { return render.HeadLinks(p.links) }

// Param returns a parameter of the page's front matter, or else of
// site.yaml's params (Hugo's .Param); nil when neither sets it. A dotted
// key ("contact.email") reads into maps.
func (p *Page) Param(key string) any {
	if v, ok := render.LookupParam(p.Params, key); ok {
		return v
	}
	if p.Site != nil {
		if v, ok := render.LookupParam(p.Site.Params, key); ok {
			return v
		}
	}
	return nil
}

// Translation is a page in one language, as the language switcher offers
// it.
type Translation struct {
	Lang string // the language's code: "de"
	Name string // the language's name, as site.yaml gives it: "Deutsch"
	Dir  string // "rtl" for a language written right to left, else ""
	URL  string // the page in that language, or that language's home page (HomeOnly)
	// Current marks the page's own language.
	Current bool
	// HomeOnly is set when the language has no version of the page: URL
	// is then its home page, and HomeOnlyNote says so in that language
	// (the interface text language.home-only).
	HomeOnly     bool
	HomeOnlyNote string
	// HomeOnlyNoteLang is the language of HomeOnlyNote when that language
	// lacks the text and it shows in the default language's; else "".
	HomeOnlyNoteLang string
}

// Link is a title and a URL.
type Link struct {
	Title string
	URL   string
	// Permalink is URL as a full address, "https://example.org/help/tags/teams/":
	// paper cannot follow a link, so a printed page shows it after the
	// link's words (the default theme writes it as data-url).
	Permalink string
	// Lang is the language of the link's title when it is not the
	// language of the page that shows the link, for the link's lang: a tag
	// of a page shown in the default language (whose tag page is the
	// default language's: hreflang too), a breadcrumb to a section shown
	// in the default language, or an interface word ("Home") the language
	// lacks; and on a page shown untranslated, whose text is the default
	// language's, a breadcrumb titled in the page's language. "" otherwise.
	Lang string
}

// Entry is a page as it appears in a list.
type Entry struct {
	Title string
	URL   string
	// Permalink is URL as a full address, for print (data-url), as a
	// Link's.
	Permalink   string
	Description string
	Date        time.Time
	// TimeTag is Date as ready-made HTML, as Page.TimeTag is the page's:
	// <time datetime="2006-01-02"> and the date as the function date
	// writes it on the page that lists the entry; "" for an undated page.
	TimeTag template.HTML
	Tags    []Link
	Kind    string
	Minutes int // worksheets: how long it takes
	Count   int // tags page: how many pages carry the tag
	// Summary is the page's summary (Page.Summary): lists show it before
	// the description.
	Summary string
	// Lang is the language of the entry's texts when it is not the
	// language of the text around it: a page shown in the default
	// language because it has no translation yet; or, on a page shown
	// untranslated (whose text is the default language's), a page in the
	// page's own language. "" otherwise.
	Lang string
	// LangName names Lang in the language of the page that lists the
	// entry ("inglés" on a Spanish page), for the marker the default theme
	// writes after its title: {{T "entry.fallback" "language" .LangName}},
	// "(en inglés)". "" when Lang is.
	LangName string
	// Dir is the direction of the entry's texts, "ltr" or "rtl", when
	// Lang is set and runs the other way than the page's language (an
	// English page shown untranslated, listed on an Arabic page: "ltr"),
	// else "".
	Dir string
}

// Site is what every page knows about the whole site, in the page's
// language: a site with languages has one Site per language, with the
// language's title, description, menu, help and feed.
type Site struct {
	Title       string
	Description string
	BaseURL     string
	Language    string // the language of the page: its code
	Menu        []MenuItem
	Help        template.HTML
	FeedURL     string
	Generator   string
	// Home is the URL of the home page of the page's language: the base
	// path for the default language, "/de/" for German.
	Home string
	// Dir is "rtl" when the page's language is written right to left, and
	// "" otherwise (left to right, HTML's default).
	Dir string
	// Params are site.yaml's params: (Hugo's .Site.Params), keys in lower
	// case.
	Params map[string]any
	// AllowOrigins are the other sites pages may show images from
	// (site.yaml's allowOrigins): the policy's img-src lists them.
	AllowOrigins []string
	// SearchIndex is the URL of the folder of the site's search index
	// ("/search/en/": the language tag lowercased), which the search form
	// gives js/search.js; "" when site.yaml says search: false, and then
	// the site has no search form and no search page. On a site with
	// several languages each language has its own index ("/search/es/"),
	// of its own pages.
	SearchIndex string
	// SearchURL is the URL of the language's search page, where the
	// search form goes: "/search/", "/es/search/"; "" when search is off.
	SearchURL string
}

// FallbackSearch is the default language's search, as the search page
// of another language offers it (Page.FallbackSearch).
type FallbackSearch struct {
	URL  string // its search page: "/search/"
	Lang string // the default language's code, for hreflang: "en"
	// Name names the default language in the page's language
	// ("Englisch"), as Entry.LangName does.
	Name string
}

// Paginator is where a page is in a list cut into pages: the first at the
// list's own URL ("/guides/"), the others at page/N/ under it
// ("/guides/page/2/").
type Paginator struct {
	PageNumber   int    // this page's, from 1
	TotalPages   int    // how many pages the list has
	PageSize     int    // how many entries a page lists (paginate)
	TotalEntries int    // how many entries the whole list has
	First, Last  string // the URLs of the list's first and last pages
	Prev, Next   string // the URLs of the pages before and after this one; "" at either end
	// Links are the pages a pager offers, in order: the first, the last,
	// and up to two on either side of this one; a Gap stands for the
	// pages left out between two of them (two or more: a single page
	// left out is offered instead).
	Links []PageLink
}

// PageLink is a page of a cut list, as a pager offers it.
type PageLink struct {
	Number  int    // from 1; 0 for a Gap
	URL     string // "" for a Gap
	Current bool   // the page that shows the pager
	Gap     bool   // pages left out: the default theme writes "…"
}

// MenuItem is a resolved menu entry.
type MenuItem struct {
	Name string
	URL  string
}
