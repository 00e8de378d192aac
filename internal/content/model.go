package content

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/worksheet"
)

func workerCount() int { return runtime.GOMAXPROCS(0) }

// Node is one HTML page of the output.
type Node struct {
	Kind        string  // "home", "section", "page", "worksheet", "tags", "tag" or "404"
	Src         *Source // nil for pages mutual makes itself
	URL         string  // relative to the base path: "", "guides/", "guides/listening/", "404.html"
	Href        string  // URL as written in links: percent-encoded (PathEscape)
	Out         string  // output file: "guides/listening/index.html"
	Title       string
	LinkTitle   string // the shorter title of menus, breadcrumbs and lists; "" for Title
	Summary     string // plain text: the summary: key or the text before <!--more-->; "" for none
	Description string
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Minutes     int      // worksheets: how long one takes
	Tags        []*Tag   // in the order written, without repeats
	Section     *Section // the section a page is in; for a section page, its own section
	Prev, Next  *Node    // neighbours in the section's list
	Aliases     []Alias  // the page's valid aliases
	Tag         *Tag     // Kind "tag": the tag it lists
	sortTitle   string   // the title in lower case, for ordering lists

	// Tree is the language the page belongs to; Key names the page
	// across languages (the content path of the original, "guides/x.md",
	// or of what mutual makes: "tags/", "tags/<slug>/", "404.html"), so
	// that Model.Versions finds its other languages.
	Tree *Tree
	Key  string
	// Fallback is set on a page of a language other than the default that
	// shows the default language's page because it has no translation:
	// its Src is the original's.
	Fallback bool
	// OutOfStep is set on such a page whose language has a translation
	// that is not shown: a worksheet translation out of step with its
	// original (Model.OutOfStep).
	OutOfStep bool
	// Worksheet is the worksheet a "worksheet" page shows: its source's,
	// or for a translation, the translation with the original's
	// fingerprints (worksheet.Translate).
	Worksheet *worksheet.Worksheet
	// Type and Layout choose the page's layout: Type is the front matter's
	// type or else the first folder of the page's path ("guides"), Layout
	// the front matter's layout ("" for the kind's own).
	Type, Layout string
	Params       map[string]any // the front matter's own keys (FrontMatter.Params)

	// A section's or a tag's list longer than its paginate (site.yaml's,
	// or a section's own) is cut into pages of PageSize entries: the
	// list's page is the first (PageNum 1), and each further one is a Node
	// of the same Kind, Section and Tag at the first's URL + "page/N/",
	// with First set to the list's page and no Src (its body is the
	// first's alone). PageNum is 0 on every page whose list is not cut.
	PageNum, PageCount, PageSize int
	First                        *Node
}

// ListPage reports whether n is a further page of a cut list (page/2/
// and on), which no search index, sitemap or count of pages includes.
func (n *Node) ListPage() bool { return n.First != nil }

// Linked is the title that lists, menus and breadcrumbs show: LinkTitle,
// or Title.
func (n *Node) Linked() string {
	if n.LinkTitle != "" {
		return n.LinkTitle
	}
	return n.Title
}

// Section is a folder of content/; the root folder is the home page's.
type Section struct {
	Dir    string // "" for the root, "guides", "guides/work"
	Node   *Node  // its page (the home page for the root)
	Parent *Section
	Pages  []*Node // pages and worksheets directly in the folder, in list order
	Subs   []*Section
}

// Tag is a tag pages carry, and its page /tags/<slug>/.
type Tag struct {
	Name  string  // as the first page (in model order) that carries it writes it
	Slug  string  // its URL segment: tagSlug of the name
	Nodes []*Node // the pages that carry it, in list order
	Node  *Node   // its page
}

// Tree is the pages of one language: its home page, sections and tags.
// A site without languages has one, the default; a site with languages
// has one per language, in the order site.yaml lists them. Every
// language's tree has the default language's pages: its translation of
// each, or the original itself (Node.Fallback).
type Tree struct {
	Lang   i18n.Code // the language; "" for the tree of a site without languages
	Index  int       // its place in site.yaml's languages
	Prefix string    // the folder of its pages: "" for the default language, "de/"
	// ByRel finds its pages by the content path of their original
	// ("guides/receiving.md" for guides/receiving.de.md too).
	ByRel  map[string]*Node
	Drafts map[string]bool // content paths (of originals) of drafts left out
	// Unpublished are the content paths (of originals) of the pages left
	// out, with why: "draft", "headless", "future:2027-01-01" (its
	// publishDate), "future-date:2027-01-01" (its date, without a
	// publishDate) or "expired:2026-01-01".
	Unpublished map[string]string
	Sections    map[string]*Section
	Tags        []*Tag // by slug
	Home        *Node
	Nodes       []*Node // its pages, in model order
	// Menu are the language's own pages (translations and pages only it
	// has, not what it shows untranslated) that put themselves in the
	// site menu (menu: main), in model order.
	Menu []MenuPage
}

// Model is the site's structure, built from its sources; cheap to rebuild.
// ByRel, Drafts, Sections, Tags and Home are the default language's tree;
// Trees has every language's.
type Model struct {
	Nodes    []*Node             // every page of every language, in a stable order
	ByRel    map[string]*Node    // content-relative source path -> page
	Files    map[string]*Source  // content files copied as they are
	Drafts   map[string]bool     // content-relative paths of drafts left out
	Sections map[string]*Section // by folder: "", "guides", "guides/work"
	Tags     []*Tag              // by slug
	ByURL    map[string]*Node
	Home     *Node
	Trees    []*Tree          // one per language, the default first
	Src      map[string]*Node // by a source's own content path: the page it makes in its own language
	versions map[string][]*Node
	bases    map[string]string // a translation's content path -> its original's

	// Warnings are what making the model found worth saying but not
	// wrong: pages a translationKey cannot pair, worksheet translations
	// out of step with their originals (languages.go).
	Warnings diag.List
	// OutOfStep holds the worksheet translations (by content path) that
	// differ from their originals in what scores: their languages show
	// the originals instead.
	OutOfStep map[string]bool

	// FileOut is each content file's output path: its path under content/,
	// or for a bundle's file its path under the bundle's page URL.
	FileOut map[string]string
	Static  map[string]*Source // the site's static/ files, by path under static/ (output path: StaticOut)
	// Unpublished are the default language's pages (and their bundles'
	// files) left out of this build, with why (Tree.Unpublished).
	Unpublished map[string]string
	// Menu are the default language's pages with an entry in the site
	// menu (menu: main), in model order, and their entries (Tree.Menu;
	// Trees has every language's).
	Menu []MenuPage
	// Unreadable are the folders of content/ and static/ that could not
	// be read, as their errors name them ("content/guides/private/",
	// "static/img/"; UnreadableFolders): a link into one says so, not
	// that its file is missing, which nobody could know.
	Unreadable []string

	// fileVersions are the language versions of a bundle's files
	// (about/photo.es.jpg): by the content path of the name they stand
	// for ("about/photo.jpg"), each language's version by Tree.Index (""
	// where it has none). fileLang is each version's language and the
	// name it stands for, by its own content path.
	fileVersions map[string][]string
	fileLang     map[string]fileVersion

	outFiles  map[string]bool // output paths of Files and Static
	hintOnce  sync.Once
	linkHints *linkHints // see hints
}

// StaticOut is the output path of the file of static/ at rel (its path
// under static/), its letters composed as content files' published names
// are (nfc): a static/café.png saved on a Mac, decomposed, is published
// as café.png composed, the name a link typed elsewhere has.
func StaticOut(rel string) string { return nfc(rel) }

// hasOutFile reports that out (an output path) is a content file's or a
// static file's.
func (m *Model) hasOutFile(out string) bool { return m.outFiles[out] }

// MenuPage is a page's entry in the site menu.
type MenuPage struct {
	Node *Node
	PageMenu
}

// ModelOptions say which sources make pages, and how URLs are written.
type ModelOptions struct {
	Drafts  bool      // include drafts
	Future  bool      // include pages whose publishDate (or else date) is after Now
	Expired bool      // include pages whose expiryDate is Now or before
	Now     time.Time // the build's time; zero for time.Now()
	// SiteTitle titles a home page without an _index.md or a title (when
	// the site has no languages).
	SiteTitle string
	// LowercaseURLs writes URLs made from paths and slugs in lower case
	// (Config.LowercaseURLs).
	LowercaseURLs bool
}

// fileOut is the output path of the content file at rel that is no
// bundle's: beside the pages of its folder, whose path is written as a
// section's address is (pathURL, and lower case unless LowercaseURLs is
// off: "self care/" is self-care/), under its own name as written, as Hugo
// publishes a section's files under the section's address. A handout
// linked from a page of self care/ is then /self-care/Week 1.pdf, beside
// the page, not /self care/Week 1.pdf.
func (o ModelOptions) fileOut(rel string) string {
	dir, name := path.Split(rel)
	if dir == "" {
		return rel
	}
	return o.lower(pathURL(dir)) + name
}

func (o ModelOptions) lower(u string) string {
	if o.LowercaseURLs {
		return strings.ToLower(u)
	}
	return u
}

// Versions are n's page in every language of the site, by Tree.Index:
// the translation, the original, a fallback, or nil where the language has
// no such page.
func (m *Model) Versions(n *Node) []*Node {
	if v := m.versions[n.Key]; v != nil {
		return v
	}
	return make([]*Node, len(m.Trees))
}

// Add registers a page the build makes itself (the search page) and that
// is already in m.Nodes and its tree's Nodes: its output file, its URL and
// its place among the versions of its key, for the language switcher.
func (m *Model) Add(n *Node) {
	n.Out = OutFile(n.URL)
	n.Href = PathEscape(n.URL)
	m.ByURL[n.URL] = n
	m.addVersion(n)
}

// addVersion records n among the versions of its key, one per language,
// on a site with several.
func (m *Model) addVersion(n *Node) {
	if len(m.Trees) > 1 {
		v := m.versions[n.Key]
		if v == nil {
			v = make([]*Node, len(m.Trees))
			m.versions[n.Key] = v
		}
		v[n.Tree.Index] = n
	}
}

// Base is the content path of the original of the source at rel: rel
// itself but for translations.
func (m *Model) Base(rel string) string {
	if b, ok := m.bases[rel]; ok {
		return b
	}
	return rel
}

// pageURL is the URL of the page at rel: its folder for an _index.md or a
// bundle's index.md, the file's name (or slug) as a folder otherwise. The
// parts that come from the path are hyphenated (pathURL); a slug is kept as
// written.
func pageURL(rel string, fm *FrontMatter) string {
	dir, file := path.Split(rel)
	if file == "_index.md" || rel == "index.md" {
		return pathURL(dir)
	}
	if file == "index.md" {
		dir, file = path.Split(strings.TrimSuffix(dir, "/"))
		file += ".md"
	}
	name := pathURL(strings.TrimSuffix(file, path.Ext(file)))
	if fm != nil && fm.Slug != "" {
		name = fm.Slug
	}
	return pathURL(dir) + name + "/"
}

// PathURL is pathURL, for the importer, which writes the addresses mutual
// will give the pages it converts.
func PathURL(p string) string { return pathURL(p) }

// pathURL is the address made of a content path p (folders, a file's name
// without its extension): in each part, every run of spaces is one "-" and
// spaces at either end are left out, as Hugo makes "self care.md" the page
// /self-care/ rather than /self%20care/. A part that is only spaces is kept
// as it is, so that it cannot vanish from the address. Letters are
// composed (nfc): a folder or file named on a Mac, decomposed, has the
// address typed elsewhere.
func pathURL(p string) string {
	p = nfc(p)
	if !strings.ContainsFunc(p, unicode.IsSpace) {
		return p
	}
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if f := strings.Fields(part); len(f) > 0 {
			parts[i] = strings.Join(f, "-")
		}
	}
	return strings.Join(parts, "/")
}

// OutFile is the output file of a page at url: "index.html" under a folder
// URL, the URL itself otherwise ("404.html").
func OutFile(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// humanize turns a folder name into a title: "getting-started" -> "Getting started".
func humanize(name string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(name)
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// tagKey is what makes two tags one: the name in lower case, its spaces
// trimmed and each run of them one space ("Self  Care" is "self care"),
// so that names that differ only in case are one tag, as in Hugo.
func tagKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}

// tagSlug makes a tag's URL segment from its name: letters, digits and
// "_" in lower case; spaces, "-", "/" and "\" a single "-" between words
// ("CI/CD" is ci-cd); "+" kept, as Hugo keeps it (c++); "#" spelled
// "sharp" as a word (C# is c-sharp), since a "#" ends a URL's path; other
// punctuation dropped. Every character of the result is safe in a folder
// name and a URL path as it is. A name with none of these (".." or "!!!")
// gives "": it can have no page, an error (checkTags). Two names tagKey
// tells apart that give one segment ("care" and "care!") are one tag, with
// a warning (newTree).
func tagSlug(name string) string {
	var b strings.Builder
	dash := false // a "-" is owed before the next word
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '+':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '#':
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString("sharp")
			dash = true
		case unicode.IsSpace(r) || r == '-' || r == '/' || r == '\\':
			dash = true
		}
	}
	return b.String()
}

// checkTags reports the tags of s that can have no page: those tagSlug
// makes no address of.
func checkTags(errs *diag.List, s *Source) {
	names, at := sourceTags(s)
	for i, name := range names {
		if tagSlug(name) == "" {
			errs.Add(s.Path(), at[i].Line, at[i].Col, "tag %q has no letter or digit, so its page can have no address (/tags/<name>/): write the tag as a word, or remove it", name)
		}
	}
}

// sourceTags are the tags a page or worksheet source writes, with where
// each is written.
func sourceTags(s *Source) ([]string, []Pos) {
	switch s.Kind {
	case PageSource, IndexSource:
		fm := &s.FrontMatter
		if len(fm.tagPos) != len(fm.Tags) {
			return fm.Tags, make([]Pos, len(fm.Tags)) // a Source made in Go, not parsed
		}
		return fm.Tags, fm.tagPos
	case WorksheetSource:
		w := s.Worksheet
		if w == nil {
			return nil, nil
		}
		at := make([]Pos, len(w.Tags))
		for i := range at {
			if i < len(w.TagsAt) {
				at[i] = Pos{w.TagsAt[i].Line, w.TagsAt[i].Col}
			}
		}
		return w.Tags, at
	}
	return nil, nil
}

// NewModel makes the page structure of srcs (sorted by path) and of the
// site's static files for a site in one language, leaving out the pages
// opts does not include. A home page without an _index.md is titled
// opts.SiteTitle.
func NewModel(srcs, static []*Source, opts ModelOptions) (*Model, diag.List) {
	return NewSiteModel(srcs, static, opts, &Config{Title: opts.SiteTitle})
}

// member is one page source as a language's tree holds it.
type member struct {
	src *Source
	rel string // the original's content path
	// own is the content path (without language mark) whose name makes
	// the page's address, when it is not rel's: a translation paired by
	// translationKey keeps the address of its own file, as in Hugo.
	own      string
	fallback bool
	// outOfStep: a fallback because its translation differs from the
	// original in what scores (a worksheet).
	outOfStep bool
	sheet     *worksheet.Worksheet // the worksheet it shows, for worksheets
}

// treeSpec is what makes one language's tree besides its members.
type treeSpec struct {
	paginate int // site.yaml's paginate
	lang     i18n.Code
	index    int
	prefix   string
	title    string // of a home page without _index.md
	opts     ModelOptions
	now      time.Time
}

// NewSiteModel makes the page structure of srcs (sorted by path) for the
// site cfg describes: one tree per language (see Tree, and languages.go
// for how files find their language), and of the site's static files,
// leaving out the pages opts does not include (drafts, headless pages,
// pages before their publishDate or from their expiryDate on). Errors:
// duplicate URLs and aliases, bad url: values, Markdown files inside a
// page bundle, two files of one page in one language, and translated
// worksheets that would not score as their original does.
func NewSiteModel(srcs, static []*Source, opts ModelOptions, cfg *Config) (*Model, diag.List) {
	var errs diag.List
	drafts := opts.Drafts
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	m := &Model{
		Files:     map[string]*Source{},
		ByURL:     map[string]*Node{},
		Src:       map[string]*Node{},
		versions:  map[string][]*Node{},
		bases:     map[string]string{},
		OutOfStep: map[string]bool{},
		FileOut:   map[string]string{},
		Static:    map[string]*Source{},
	}
	for _, s := range static {
		m.Static[s.Rel] = s
	}
	specs := []treeSpec{{title: cfg.Title, opts: opts, now: now, paginate: cfg.Paginate}}
	if len(cfg.Languages) > 0 {
		specs = specs[:0]
		for i, l := range cfg.Languages {
			title := l.Title
			if title == "" {
				title = cfg.Title
			}
			specs = append(specs, treeSpec{lang: l.Code, index: i, prefix: cfg.Prefix(i), title: title, opts: opts, now: now, paginate: cfg.Paginate})
		}
	}
	// Leaf bundles: a folder with an index.md is one page, and everything
	// else under it is that page's. On a site with languages, as in Hugo,
	// an index.<code>.md makes a bundle too (about/index.en.md and
	// about/index.de.md, without an index.md): the bundle's page is then
	// its default language's, or else the first language's that has one.
	langs := cfg.Langs()
	indexLang := func(s *Source) int { // -1: s makes no bundle
		if s.Bundle() {
			return 0
		}
		if len(cfg.Languages) == 0 || s.Kind != PageSource {
			return -1
		}
		base, lang, err := i18n.SplitPath(s.Rel, langs)
		if err != nil || path.Base(base) != "index.md" {
			return -1
		}
		return slices.Index(langs, lang)
	}
	bundles := map[string]*Source{} // folder -> its index.md
	bundleLang := map[string]int{}  // folder -> the language of its index.md
	for _, s := range srcs {
		if li := indexLang(s); li >= 0 {
			dir := path.Dir(s.Rel)
			if b := bundles[dir]; b == nil || li < bundleLang[dir] {
				bundles[dir], bundleLang[dir] = s, li
			}
		}
	}
	// bundleURL is the URL of the page of the bundle whose index is b in
	// the language whose folder is prefix, published or not.
	bundleURL := func(b *Source, prefix string) string {
		key := b.Rel
		if !b.Bundle() {
			key, _, _ = i18n.SplitPath(b.Rel, langs)
		}
		fm := &b.FrontMatter
		if fm.URL != "" {
			if u, msg := aliasURL(fm.URL); msg == "" {
				return prefix + u
			}
		}
		return prefix + opts.lower(pageURL(key, fm))
	}
	bundleOf := func(rel string) *Source {
		for dir := path.Dir(rel); dir != "." && dir != ""; dir = path.Dir(dir) {
			if b := bundles[dir]; b != nil && b.Rel != rel {
				return b
			}
		}
		return nil
	}
	// A bundle's index.<code>.md (about/index.es.md) is its page in that
	// language, not a file of the bundle.
	translates := func(s, b *Source) bool {
		if len(cfg.Languages) == 0 || s.Kind != PageSource || path.Dir(s.Rel) != path.Dir(b.Rel) {
			return false
		}
		base, lang, err := i18n.SplitPath(s.Rel, langs)
		bbase, _, _ := i18n.SplitPath(b.Rel, langs)
		return err == nil && base == bbase && lang != langs[0]
	}
	var pages, resources []*Source
	for _, s := range srcs {
		if b := bundleOf(s.Rel); b != nil {
			if s.Kind == FileSource {
				resources = append(resources, s)
				continue
			}
			if translates(s, b) {
				pages = append(pages, s)
				continue
			}
			dir := path.Dir(b.Rel)
			errs.Add(s.Path(), 0, 0, "%s is inside the page bundle %s/ (its %s makes the folder one page, and the files in it that page's files), so it is not a page: move it out of %s/, or rename %s to _index.md to make the folder a section", path.Base(s.Rel), dir, path.Base(b.Rel), dir, b.Path())
			continue
		}
		if s.Kind == FileSource {
			m.Files[s.Rel] = s
			m.FileOut[s.Rel] = opts.fileOut(s.Rel)
			continue
		}
		if s.Kind == PageSource || s.Kind == IndexSource {
			if fm := &s.FrontMatter; fm.URL != "" {
				if _, msg := aliasURL(fm.URL); msg != "" {
					errs.Add(s.Path(), fm.urlPos.Line, fm.urlPos.Col, "url %q %s", fm.URL, msg)
				}
			}
		}
		checkTags(&errs, s)
		pages = append(pages, s)
	}
	var members [][]member
	if len(cfg.Languages) == 0 {
		ms := make([]member, 0, len(pages))
		for _, s := range pages {
			ms = append(ms, member{src: s, rel: s.Rel, sheet: s.Worksheet})
		}
		members = [][]member{ms}
	} else {
		var gerrs diag.List
		members, gerrs = m.languageMembers(pages, drafts, cfg)
		errs = append(errs, gerrs...)
	}
	for i, spec := range specs {
		t := newTree(spec, members[i], &errs, &m.Warnings)
		m.Trees = append(m.Trees, t)
		m.Nodes = append(m.Nodes, t.Nodes...)
	}
	m.Warnings.Sort()
	def := m.Trees[0]
	for _, t := range m.Trees[1:] {
		for _, n := range t.Nodes {
			if o := def.ByRel[n.Key]; n.Fallback && o != nil {
				n.Tags = o.Tags // the original's, whose pages are in its language
			}
		}
	}
	m.ByRel, m.Drafts, m.Sections, m.Tags, m.Home = def.ByRel, def.Drafts, def.Sections, def.Tags, def.Home
	m.Unpublished = def.Unpublished
	for _, t := range m.Trees {
		for _, n := range t.Nodes {
			if n.Src != nil && !n.Fallback && (n.Src.Kind == PageSource || n.Src.Kind == IndexSource) && n.Src.FrontMatter.Menu != nil {
				t.Menu = append(t.Menu, MenuPage{Node: n, PageMenu: *n.Src.FrontMatter.Menu})
			}
		}
	}
	m.Menu = def.Menu
	// A bundle's files are published under its page's URL, unless the page
	// is left out (a headless page's files are published: other pages show
	// them).
	for _, s := range resources {
		b := bundleOf(s.Rel)
		if li, shared, ok := m.languageVersion(s, langs, &errs); ok {
			// A language's version of a bundle's file: published under
			// that language's page, as Hugo does, by its own name.
			t := m.Trees[li]
			key := m.Base(b.Rel)
			var dir string
			if n := t.ByRel[key]; n != nil {
				dir = path.Dir(OutFile(n.URL))
			} else {
				why := t.Unpublished[key]
				if why == "" {
					why = m.Unpublished[key]
				}
				if why != "" && why != "headless" {
					m.Unpublished[s.Rel] = why
					m.addFileVersion(shared, s.Rel, li)
					continue
				}
				dir = path.Dir(OutFile(bundleURL(b, t.Prefix)))
			}
			m.addFileVersion(shared, s.Rel, li)
			m.Files[s.Rel] = s
			rest := strings.TrimPrefix(s.Rel, path.Dir(b.Rel)+"/")
			if dir == "." {
				m.FileOut[s.Rel] = rest
			} else {
				m.FileOut[s.Rel] = dir + "/" + rest
			}
			continue
		}
		why, u := m.Unpublished[b.Rel], ""
		if b.Bundle() {
			u = opts.pageURL(b)
			if _, lang, err := i18n.SplitPath(b.Rel, langs); err == nil && len(langs) > 1 && lang != langs[0] {
				// A bundle of a content/<code>/ tree: left out with its
				// page in that language (a draft's files stay private).
				why = m.Trees[slices.Index(langs, lang)].Unpublished[m.Base(b.Rel)]
			}
		} else {
			li := bundleLang[path.Dir(b.Rel)]
			why, u = m.Trees[li].Unpublished[m.Base(b.Rel)], bundleURL(b, cfg.Prefix(li))
		}
		if why != "" && why != "headless" {
			m.Unpublished[s.Rel] = why
			continue
		}
		base := path.Dir(OutFile(u))
		rest := strings.TrimPrefix(s.Rel, path.Dir(b.Rel)+"/")
		m.Files[s.Rel] = s
		if base == "." {
			m.FileOut[s.Rel] = rest
		} else {
			m.FileOut[s.Rel] = base + "/" + rest
		}
	}
	// Published names are composed as addresses are (nfc), whatever
	// system the files were saved on.
	for rel, out := range m.FileOut {
		m.FileOut[rel] = nfc(out)
	}
	m.outFiles = make(map[string]bool, len(m.FileOut)+len(m.Static))
	for _, out := range m.FileOut {
		m.outFiles[out] = true
	}
	for rel := range m.Static {
		m.outFiles[StaticOut(rel)] = true
	}
	// URLs must be unique, aliases included.
	owner := map[string]*Node{}
	for _, n := range m.Nodes {
		n.Out = OutFile(n.URL)
		n.Href = PathEscape(n.URL)
		if o := owner[n.URL]; o != nil {
			// Two copies a language shows untranslated clash only where
			// their originals do, which is reported once, in the default
			// language.
			if !(n.Fallback && o.Fallback) {
				reportDuplicate(&errs, n, o, n.URL, Pos{})
			}
			continue
		}
		owner[n.URL] = n
		m.ByURL[n.URL] = n
		m.addVersion(n)
		if n.Src != nil && !n.Fallback {
			m.Src[n.Src.Rel] = n
		}
	}
	for _, n := range m.Nodes {
		if n.Src == nil || n.Fallback || (n.Src.Kind != PageSource && n.Src.Kind != IndexSource) {
			continue
		}
		fm := &n.Src.FrontMatter
		for i, a := range fm.Aliases {
			at := fm.aliasPos[i]
			u, msg := pageAlias(a, n.URL, n.Tree.Prefix)
			if msg != "" {
				errs.Add(n.Src.Path(), at.Line, at.Col, "alias %q %s", a, msg)
				continue
			}
			if o := owner[u]; o == n {
				errs.Add(n.Src.Path(), at.Line, at.Col, "alias %q is this page's own address, /%s: remove it", a, u)
				continue
			} else if o != nil {
				reportDuplicate(&errs, n, o, u, at)
				continue
			}
			owner[u] = n
			n.Aliases = append(n.Aliases, Alias{Written: a, URL: u, Line: at.Line, Col: at.Col})
		}
	}
	return m, errs
}

// languageVersion tells whether s, a file of a page bundle,
// is one language's version of a file of the bundle: its name carries one
// of the site's language codes before its extension (photo.es.jpg is the
// Spanish version of photo.jpg; photo.v2.jpg and jquery.min.js are
// ordinary files). It returns the language's Tree.Index and the content
// path of the name the version stands for, as a link from the original's
// folder names it ("about/photo.jpg", for content/es/about/photo.es.jpg
// too). A name and a content/<code>/ folder that disagree are an error.
func (m *Model) languageVersion(s *Source, langs []i18n.Code, errs *diag.List) (int, string, bool) {
	if len(m.Trees) < 2 {
		return 0, "", false
	}
	name := path.Base(s.Rel)
	if base, _, _ := i18n.SplitPath(name, langs); base == name {
		return 0, "", false
	}
	shared, lang, err := i18n.SplitPath(s.Rel, langs)
	if err != nil {
		errs.Add(s.Path(), 0, 0, "%v", err)
		return 0, "", false
	}
	li := slices.Index(langs, lang)
	if other := m.fileVersions[shared]; other != nil && other[li] != "" {
		errs.Add(s.Path(), 0, 0, "a second %s version of %s (the first is content/%s)", lang.EnglishName(), "content/"+shared, other[li])
		return 0, "", false
	}
	return li, shared, true
}

// fileVersion is one language's version of a bundle's file.
type fileVersion struct {
	lang   int    // Tree.Index
	shared string // the content path of the name it stands for
}

// addFileVersion records rel as the version of the file shared (a content
// path) in the language of Tree.Index li.
func (m *Model) addFileVersion(shared, rel string, li int) {
	if m.fileVersions == nil {
		m.fileVersions, m.fileLang = map[string][]string{}, map[string]fileVersion{}
	}
	v := m.fileVersions[shared]
	if v == nil {
		v = make([]string, len(m.Trees))
		m.fileVersions[shared] = v
	}
	v[li] = rel
	m.fileLang[rel] = fileVersion{lang: li, shared: shared}
}

// newTree makes one language's pages from its members (sorted by rel),
// adding to errs two tags that would share a page.
func newTree(spec treeSpec, members []member, errs, warns *diag.List) *Tree {
	opts := spec.opts
	drafts := opts.Drafts
	t := &Tree{
		Lang:        spec.lang,
		Index:       spec.index,
		Prefix:      spec.prefix,
		ByRel:       map[string]*Node{},
		Drafts:      map[string]bool{},
		Unpublished: map[string]string{},
		Sections:    map[string]*Section{},
	}
	var getSection func(dir string) *Section
	getSection = func(dir string) *Section {
		if s := t.Sections[dir]; s != nil {
			return s
		}
		s := &Section{Dir: dir}
		t.Sections[dir] = s
		if dir != "" {
			parent := path.Dir(dir)
			if parent == "." {
				parent = ""
			}
			s.Parent = getSection(parent)
			s.Parent.Subs = append(s.Parent.Subs, s)
		}
		return s
	}
	getSection("")
	for _, mb := range members {
		s := mb.src
		n := &Node{Src: s, Tree: t, Key: mb.rel, Fallback: mb.fallback, OutOfStep: mb.outOfStep}
		switch s.Kind {
		case PageSource, IndexSource:
			fm := &s.FrontMatter
			if why := unpublished(fm, opts, spec.now); why != "" {
				if why == "draft" {
					t.Drafts[mb.rel] = true
				}
				t.Unpublished[mb.rel] = why
				continue
			}
			n.Kind = "page"
			n.URL = t.Prefix + opts.lower(pageURL(cmp.Or(mb.own, mb.rel), fm))
			if fm.URL != "" {
				if u, msg := aliasURL(fm.URL); msg == "" {
					// Exact, as written (reported in NewSiteModel
					// otherwise), for the page in its own language; a
					// language that shows it untranslated shows it
					// under its folder, as it does every page it has no
					// translation of (and as slug: does).
					n.URL = u
					if mb.fallback {
						n.URL = t.Prefix + u
					}
				}
			}
			n.Title, n.LinkTitle, n.Description, n.Summary = fm.Title, fm.LinkTitle, fm.Description, s.Summary
			if s.TitleFromName && mb.rel != s.Rel {
				n.Title = PageTitle(cmp.Or(mb.own, mb.rel), nil) // the name without its language code
			}
			n.Date, n.Lastmod, n.Weight = fm.Date, fm.Lastmod, fm.Weight
			if n.Date.IsZero() {
				n.Date = fm.PublishDate
			}
			n.Layout, n.Params = fm.Layout, fm.Params
			dir := path.Dir(mb.rel)
			if dir == "." {
				dir = ""
			}
			if s.Kind != IndexSource && path.Base(mb.rel) == "index.md" {
				// A bundle's page is in its folder's parent section.
				if dir = path.Dir(dir); dir == "." {
					dir = ""
				}
			}
			if s.Kind == IndexSource {
				n.Kind = "section"
				if dir == "" {
					n.Kind = "home"
				}
				sec := getSection(dir)
				sec.Node = n
				n.Section = sec
			} else {
				n.Section = getSection(dir)
				n.Section.Pages = append(n.Section.Pages, n)
				if fm.PaginateSet && !mb.fallback {
					at := fm.PaginatePos
					warns.Add(s.Path(), at.Line, at.Col, "paginate has no effect here: it cuts a section's list of pages, so it goes in the section's _index.md (or in site.yaml for every section and tag)")
				}
			}
			n.Type = fm.Type
			if n.Type == "" {
				n.Type, _, _ = strings.Cut(n.Section.Dir, "/")
			}
		case WorksheetSource:
			w := mb.sheet
			if w == nil {
				// Its errors are reported; a link to it says so, rather
				// than that the file is missing.
				t.Unpublished[mb.rel] = "broken"
				continue
			}
			if w.Draft && !drafts {
				t.Drafts[mb.rel] = true
				t.Unpublished[mb.rel] = "draft"
				continue
			}
			n.Kind = "worksheet"
			n.Worksheet = w
			// Its address is its path as it is, spaces included (not
			// pathURL): the answers people saved are kept under it.
			n.URL = t.Prefix + opts.lower(strings.TrimSuffix(strings.TrimSuffix(mb.rel, ".yaml"), ".yml")+"/")
			n.Title, n.Description, n.Minutes = w.Title, w.Summary, w.Minutes
			dir := path.Dir(mb.rel)
			n.Section = getSection(dir)
			n.Section.Pages = append(n.Section.Pages, n)
			n.Type, _, _ = strings.Cut(dir, "/")
		}
		t.ByRel[mb.rel] = n
		t.Nodes = append(t.Nodes, n)
	}
	// Sections without an _index.md still get a page.
	for _, dir := range slices.Sorted(maps.Keys(t.Sections)) {
		sec := t.Sections[dir]
		if sec.Node != nil {
			continue
		}
		n := &Node{Kind: "section", URL: t.Prefix + opts.lower(pathURL(dir)+"/"), Title: humanize(path.Base(dir)), Section: sec, Tree: t, Key: dir + "/_index.md"}
		n.Type, _, _ = strings.Cut(dir, "/")
		if dir == "" {
			n.Kind, n.URL, n.Title, n.Key = "home", t.Prefix, "", "_index.md"
		}
		sec.Node = n
		t.Nodes = append(t.Nodes, n)
	}
	t.Home = t.Sections[""].Node
	if t.Home.Title == "" {
		t.Home.Title = spec.title
	}
	// Order lists and link neighbours.
	for _, sec := range t.Sections {
		sortNodes(sec.Pages)
		sort.SliceStable(sec.Subs, func(i, j int) bool { return lessNode(sec.Subs[i].Node, sec.Subs[j].Node) })
		// A language's own pages lead to one another, and the pages it
		// shows in the default language to one another: previous and
		// next stay in the language the reader is reading.
		var prev [2]*Node
		for _, n := range sec.Pages {
			i := 0
			if n.Fallback {
				i = 1
			}
			n.Prev = prev[i]
			if prev[i] != nil {
				prev[i].Next = n
			}
			prev[i] = n
		}
	}
	// Tags: of the language's own pages only. A page it shows in the
	// default language keeps the default language's tags (NewSiteModel).
	// Names that differ only in case are one tag (tagKey); two that
	// differ otherwise but share an address ("self care", "self-care";
	// "node.js", "nodejs") are one tag too, as in Hugo, named as the first
	// names it, with a warning at the later one (tagSlug).
	type tagAt struct {
		tag *Tag
		key string
		src *Source
		at  Pos
	}
	bySlug := map[string]tagAt{}
	for _, n := range t.Nodes {
		if n.Src == nil || n.Fallback {
			continue
		}
		names, at := sourceTags(n.Src)
		if n.Src.Kind == WorksheetSource {
			names = n.Worksheet.Tags // a translation's as Translate made it
		}
		var seen []*Tag
		for i, name := range names {
			slug := tagSlug(name)
			if slug == "" {
				continue // reported by checkTags
			}
			var pos Pos
			if i < len(at) {
				pos = at[i]
			}
			key := tagKey(name)
			first, ok := bySlug[slug]
			if !ok {
				first = tagAt{&Tag{Name: name, Slug: slug}, key, n.Src, pos}
				bySlug[slug] = first
				t.Tags = append(t.Tags, first.tag)
			} else if first.key != key {
				warns.Add(n.Src.Path(), pos.Line, pos.Col, "tag %q is one tag with %q (%s:%d:%d): they share the page /%stags/%s/, which shows the name %q; write them the same way to choose the name, or make them differ by a letter or digit to have two tags", name, first.tag.Name, first.src.Path(), first.at.Line, first.at.Col, t.Prefix, slug, first.tag.Name)
			}
			if slices.Contains(seen, first.tag) {
				continue
			}
			seen = append(seen, first.tag)
			first.tag.Nodes = append(first.tag.Nodes, n)
			n.Tags = append(n.Tags, first.tag)
		}
	}
	sort.Slice(t.Tags, func(i, j int) bool { return t.Tags[i].Slug < t.Tags[j].Slug })
	if len(t.Tags) > 0 {
		t.Nodes = append(t.Nodes, &Node{Kind: "tags", URL: t.Prefix + "tags/", Title: "Tags", Tree: t, Key: "tags/"})
		for _, tag := range t.Tags {
			sortNodes(tag.Nodes)
			tag.Node = &Node{Kind: "tag", URL: t.Prefix + "tags/" + tag.Slug + "/", Title: tag.Name, Tag: tag, Tree: t, Key: "tags/" + tag.Slug + "/"}
			t.Nodes = append(t.Nodes, tag.Node)
		}
	}
	// Lists cut into pages: a section's by its _index.md's paginate, or
	// else site.yaml's; a tag's by site.yaml's. The home page lists the
	// newest guides, a dozen at most, and is never cut.
	for _, dir := range slices.Sorted(maps.Keys(t.Sections)) {
		sec := t.Sections[dir]
		size := spec.paginate
		if s := sec.Node.Src; s != nil && s.FrontMatter.PaginateSet {
			size = s.FrontMatter.Paginate
			if sec.Node.Kind == "home" && !sec.Node.Fallback {
				at := s.FrontMatter.PaginatePos
				warns.Add(s.Path(), at.Line, at.Col, "paginate has no effect on the home page, which lists the newest guides (a dozen at most): set it in the _index.md of the section to cut, or in site.yaml for every section and tag")
			}
		}
		if sec.Node.Kind != "section" {
			continue
		}
		if u := sec.Node.URL; size > 0 && len(sec.Pages) > size && !strings.HasSuffix(u, "/") {
			// url: /shelf.html: a file's address has no folder for
			// page/2/ to go in ("shelf.htmlpage/2/"); the list stays
			// whole, and the writer hears why.
			if s := sec.Node.Src; s != nil && !sec.Node.Fallback {
				fm := &s.FrontMatter
				warns.Add(s.Path(), fm.urlPos.Line, fm.urlPos.Col, "url %q is a file's address, so the section's list cannot go on at page/2/: it is listed whole, paginate: %d notwithstanding; give the section a folder's address, such as %q, to cut its list into pages",
					fm.URL, size, strings.TrimSuffix(fm.URL, path.Ext(fm.URL))+"/")
			}
			continue
		}
		t.cutList(sec.Node, len(sec.Pages), size)
	}
	for _, tag := range t.Tags {
		t.cutList(tag.Node, len(tag.Nodes), spec.paginate)
	}
	t.Nodes = append(t.Nodes, &Node{Kind: "404", URL: t.Prefix + "404.html", Title: "Page not found", Tree: t, Key: "404.html"})
	return t
}

// cutList cuts the list of first, entries long, into pages of size
// entries (Node.PageNum) when it is longer: first becomes the list's
// first page, and the others are added to t.
func (t *Tree) cutList(first *Node, entries, size int) {
	if size <= 0 || entries <= size {
		return
	}
	count := (entries + size - 1) / size
	first.PageNum, first.PageCount, first.PageSize = 1, count, size
	for i := 2; i <= count; i++ {
		num := strconv.Itoa(i)
		t.Nodes = append(t.Nodes, &Node{
			Kind: first.Kind, URL: first.URL + "page/" + num + "/", Key: first.Key + "#page/" + num,
			Title: first.Title, LinkTitle: first.LinkTitle, Description: first.Description,
			Section: first.Section, Tag: first.Tag, Tree: t, Fallback: first.Fallback,
			Type: first.Type, Layout: first.Layout, Params: first.Params,
			PageNum: i, PageCount: count, PageSize: size, First: first,
		})
	}
}

// Alias is an old address of a page, which gets a page redirecting to it.
type Alias struct {
	Written   string // as written in the front matter
	URL       string // the site path it answers, as Node.URL: "old/path/", "old.html"
	Line, Col int
}

// aliasURL turns an alias as written ("/old/path/", "old/path",
// "/old.html", "/old%20page/") into the site path it answers, or says why
// it cannot be one.
func aliasURL(a string) (string, string) {
	u := strings.TrimPrefix(a, "/")
	if strings.ContainsAny(u, "?#") || strings.Contains(u, "://") || strings.HasPrefix(u, "/") {
		return "", "is not a site path such as /old/address/"
	}
	dec, err := url.PathUnescape(u)
	if err != nil {
		return "", "is not a site path such as /old/address/"
	}
	u = dec
	if strings.ContainsAny(u, "?#\\") || strings.ContainsFunc(u, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "", "is not a site path such as /old/address/"
	}
	if u == "" {
		return "", "is the home page's address"
	}
	if !strings.HasSuffix(u, "/") && path.Ext(u) == "" {
		u += "/"
	}
	for _, seg := range strings.Split(strings.TrimSuffix(u, "/"), "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", "is not a site path such as /old/address/"
		case strings.HasPrefix(seg, "."):
			return "", "has a part that starts with \".\" (" + seg + "): static hosts hide such files and folders or give them a meaning of their own (.git, .well-known); choose another address"
		}
	}
	return u, ""
}

// reportDuplicate reports that n's url (or alias, written at at) is also
// o's. A page's own URL comes from its path, or from its url or slug when
// it has one: the error is there, or names the file. A copy a language
// shows untranslated says so, so that no message reads as a file being
// its own duplicate.
func reportDuplicate(errs *diag.List, n, o *Node, url string, at Pos) {
	if n.First != nil && o.First == nil {
		// A further page of a cut list (appended after the content's
		// pages): the error is at the page that took its address.
		n, o = o, n
	}
	var where func(x *Node) string
	where = func(x *Node) string {
		if x.First != nil {
			list := "/" + x.First.URL
			if x.First.Src != nil {
				list = where(x.First)
			}
			return fmt.Sprintf("page %d of the list of %s (paginate: %d cuts it into pages)", x.PageNum, list, x.PageSize)
		}
		if x.Src != nil && x.Fallback {
			return x.Src.Path() + " as the " + string(x.Tree.Lang) + " pages show it until it is translated"
		}
		if x.Src != nil {
			return x.Src.Path()
		}
		return "the " + x.Kind + " page"
	}
	if at == (Pos{}) && n.Src != nil && o.Src != nil && n.Src.URLPos() == (Pos{}) && o.Src.URLPos() != (Pos{}) && !o.Fallback {
		// n's address comes from its file's path, o's from its url: or
		// slug:, which chose an address already taken: the mistake is
		// there, so the error is too.
		n, o = o, n
	}
	p := "content"
	if n.Src != nil {
		p = n.Src.Path()
		if at == (Pos{}) {
			at = n.Src.URLPos()
		}
	}
	if n.Src != nil && n.Fallback {
		// The error is at the original's url: or slug:, which gives the
		// original another address: say which copy has this one.
		errs.Add(p, at.Line, at.Col, "duplicate URL /%s: the address the %s pages give this page until it is translated is also the address of %s", url, n.Tree.Lang, where(o))
		return
	}
	hint := ""
	if n.Src != nil && o.Src != nil && n.Src.URLPos() == (Pos{}) && o.Src.URLPos() == (Pos{}) &&
		(strings.ContainsFunc(n.Src.Rel, unicode.IsSpace) || strings.ContainsFunc(o.Src.Rel, unicode.IsSpace)) {
		hint = " (a space in a file or folder name is a \"-\" in its address): rename one of them, or give one a slug:"
	}
	if n.Src != nil && o.Src != nil && n.Src.Rel != o.Src.Rel && nfc(n.Src.Rel) == nfc(o.Src.Rel) {
		// The two names print alike: say how they differ.
		hint = " (the two names differ only in how their accented letters are saved, as a Mac saves them and as other systems do): keep one of them"
	}
	errs.Add(p, at.Line, at.Col, "duplicate URL /%s: also the address of %s%s", url, where(o), hint)
}

// pageAlias is the site path (as Node.URL) the alias a, as written in the
// front matter of the page at pageURL (a Node.URL) of the language whose
// folder is prefix, answers; or why it cannot be one. As in Hugo, an
// alias with a leading "/" is a site path, under the language's folder
// (inLanguage); one without is read from the folder the page's address is
// in: "old" in guides/receiving/ is guides/old/, "../old" is old/, and in
// es/guides/receiving/ "old" is es/guides/old/. The home page's folder is
// the site's root (es/'s too, as Hugo reads it). An alias that climbs
// above the root is an error.
func pageAlias(a, pageURL, prefix string) (string, string) {
	if a == "" || strings.HasPrefix(a, "/") {
		u, msg := aliasURL(a)
		if msg != "" {
			return "", msg
		}
		return inLanguage(u, prefix), ""
	}
	if strings.Contains(a, "://") || strings.ContainsAny(a, "?#\\") {
		return "", "is not a site path such as /old/address/"
	}
	dir := path.Dir("/" + strings.TrimSuffix(pageURL, "/"))
	base := strings.TrimPrefix(dir, "/")
	if base != "" {
		base += "/"
	}
	if climbsOut(base, a) {
		return "", "climbs above the site's root: an alias without a leading \"/\" is read from the folder of the page's address (/" + base + "), as Hugo reads it"
	}
	joined := path.Join(dir, a)
	if strings.HasSuffix(a, "/") && joined != "/" {
		joined += "/"
	}
	return aliasURL(joined)
}

// inLanguage is the address an alias u (as aliasURL gives it) of a page
// of the language whose folder is prefix ("es/"; "" for the default
// language) answers: u under that folder, as Hugo resolves aliases under
// the page's language. An alias already under the folder (written
// /es/old/, as Hugo before its content dimensions needed it) stays where
// it is, in the folder's own case.
func inLanguage(u, prefix string) string {
	if prefix == "" {
		return u
	}
	if len(u) >= len(prefix) && strings.EqualFold(u[:len(prefix)], prefix) {
		return prefix + u[len(prefix):]
	}
	return prefix + u
}

// sortNodes orders a list by weight (weighted pages first), then title,
// then URL.
func sortNodes(ns []*Node) {
	slices.SortFunc(ns, compareNodes)
}

func lessNode(a, b *Node) bool { return compareNodes(a, b) < 0 }

// compareNodes orders by weight, then title, then URL; URLs are unique, so
// the order is total.
func compareNodes(a, b *Node) int {
	wa, wb := a.Weight, b.Weight
	if (wa == 0) != (wb == 0) {
		if wa != 0 {
			return -1
		}
		return 1
	}
	if wa != wb {
		return cmp.Compare(wa, wb)
	}
	if c := strings.Compare(a.sortKey(), b.sortKey()); c != 0 {
		return c
	}
	return strings.Compare(a.URL, b.URL)
}

func (n *Node) sortKey() string {
	if n.sortTitle == "" && n.Title != "" {
		n.sortTitle = strings.ToLower(n.Title)
	}
	return n.sortTitle
}

// Guides are the pages the home page lists and the feed carries: every
// Markdown page under content/guides/, or every page when there is no such
// folder, in section order (the default language's; see Tree.Guides).
func (m *Model) Guides() []*Node { return m.Trees[0].Guides() }

// Guides are the language's pages the home page lists and the feed
// carries: every Markdown page under its guides/, or every page when there
// is no such folder, in section order.
func (m *Tree) Guides() []*Node {
	var out []*Node
	var walk func(s *Section)
	walk = func(s *Section) {
		for _, n := range s.Pages {
			if n.Kind == "page" {
				out = append(out, n)
			}
		}
		for _, sub := range s.Subs {
			walk(sub)
		}
	}
	if g := m.Sections["guides"]; g != nil {
		walk(g)
	} else {
		walk(m.Sections[""])
	}
	return out
}

// Newest is the latest date or lastmod of the content, or 1 January 2026
// when no page has one: what "year" shows and the feed is dated, so that
// the output depends on the input alone and not on when it was built.
func (m *Model) Newest() time.Time {
	var t time.Time
	for _, n := range m.Nodes {
		if n.Date.After(t) {
			t = n.Date
		}
		if n.Lastmod.After(t) {
			t = n.Lastmod
		}
	}
	if t.IsZero() {
		t = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// pageURL is the URL of the page of s (a page source) in the default
// language, published or not: its url:, or its path's (lower case as opts
// says).
func (o ModelOptions) pageURL(s *Source) string {
	fm := &s.FrontMatter
	if fm.URL != "" {
		if u, msg := aliasURL(fm.URL); msg == "" {
			return u
		}
	}
	return o.lower(pageURL(s.Rel, fm))
}

// unpublished says why a page is left out of a build with opts at now, or
// "" when it is in. A page is published from its publishDate on, or from
// its date when it has no publishDate (Hugo's fallback), until its
// expiryDate.
func unpublished(fm *FrontMatter, opts ModelOptions, now time.Time) string {
	switch {
	case fm.Draft && !opts.Drafts:
		return "draft"
	case fm.Headless:
		return "headless"
	case !fm.PublishDate.IsZero() && fm.PublishDate.After(now) && !opts.Future:
		return "future:" + fm.PublishDate.Format("2006-01-02")
	case fm.PublishDate.IsZero() && fm.Date.After(now) && !opts.Future:
		// As in Hugo, a page without a publishDate is published on its
		// date: an imported blog's scheduled posts wait for their day.
		return "future-date:" + fm.Date.Format("2006-01-02")
	case !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(now) && !opts.Expired:
		return "expired:" + fm.ExpiryDate.Format("2006-01-02")
	}
	return ""
}
