package content

import (
	"cmp"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"mutual/internal/diag"
)

func workerCount() int { return runtime.GOMAXPROCS(0) }

// node is one HTML page of the output.
type node struct {
	kind        string // as Page.Kind
	src         *source
	url         string // relative to the base path: "", "guides/", "guides/listening/", "404.html"
	href        string // url as written in links: percent-encoded (pathEscape)
	out         string // output file: "guides/listening/index.html"
	title       string
	description string
	date        time.Time
	lastmod     time.Time
	weight      int
	minutes     int
	tags        []*tag
	section     *section // the section a page is in; for a section page, its own section
	prev, next  *node
	aliases     []alias // the page's valid aliases
	tag         *tag    // Kind "tag"
	sortTitle   string  // the title in lower case, for ordering lists
}

// section is a folder of content/; the root folder is the home page's.
type section struct {
	dir    string // "" for the root, "guides", "guides/work"
	node   *node
	parent *section
	pages  []*node // pages and worksheets directly in the folder, in list order
	subs   []*section
}

type tag struct {
	name  string
	slug  string
	nodes []*node
	node  *node
}

// model is the site's structure, built from its sources; cheap to rebuild.
type model struct {
	nodes    []*node            // every page, in a stable order
	byRel    map[string]*node   // content-relative source path -> page
	files    map[string]*source // content files copied as they are
	drafts   map[string]bool    // content-relative paths of drafts left out
	sections map[string]*section
	tags     []*tag
	byURL    map[string]*node
	home     *node
}

func pageURL(rel string, fm *FrontMatter) string {
	dir, file := path.Split(rel)
	if file == "_index.md" {
		return dir
	}
	name := strings.TrimSuffix(file, path.Ext(file))
	if fm != nil && fm.Slug != "" {
		name = fm.Slug
	}
	return dir + name + "/"
}

func outFile(url string) string {
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

// tagSlug makes a tag's URL segment: lower case, spaces to '-', other
// punctuation dropped.
func tagSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(r)
			dash = false
		case (r == ' ' || r == '-') && !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// buildModel makes the page structure. Errors: duplicate URLs and aliases.
func buildModel(srcs []*source, drafts bool) (*model, diag.List) {
	var errs diag.List
	m := &model{
		byRel:    map[string]*node{},
		files:    map[string]*source{},
		drafts:   map[string]bool{},
		sections: map[string]*section{},
		byURL:    map[string]*node{},
	}
	var getSection func(dir string) *section
	getSection = func(dir string) *section {
		if s := m.sections[dir]; s != nil {
			return s
		}
		s := &section{dir: dir}
		m.sections[dir] = s
		if dir != "" {
			parent := path.Dir(dir)
			if parent == "." {
				parent = ""
			}
			s.parent = getSection(parent)
			s.parent.subs = append(s.parent.subs, s)
		}
		return s
	}
	getSection("")
	for _, s := range srcs {
		if s.kind == srcFile {
			m.files[s.rel] = s
			continue
		}
		n := &node{src: s}
		switch s.kind {
		case srcPage, srcIndex:
			fm := &s.fm
			if fm.Draft && !drafts {
				m.drafts[s.rel] = true
				continue
			}
			n.kind = "page"
			n.url = pageURL(s.rel, fm)
			n.title, n.description = fm.Title, fm.Description
			n.date, n.lastmod, n.weight = fm.Date, fm.Lastmod, fm.Weight
			n.aliases = nil
			dir := path.Dir(s.rel)
			if dir == "." {
				dir = ""
			}
			if s.kind == srcIndex {
				n.kind = "section"
				if dir == "" {
					n.kind = "home"
				}
				sec := getSection(dir)
				sec.node = n
				n.section = sec
			} else {
				n.section = getSection(dir)
				n.section.pages = append(n.section.pages, n)
			}
		case srcWorksheet:
			w := s.ws
			if w == nil {
				continue // its errors are reported
			}
			if w.Draft && !drafts {
				m.drafts[s.rel] = true
				continue
			}
			n.kind = "worksheet"
			n.url = strings.TrimSuffix(strings.TrimSuffix(s.rel, ".yaml"), ".yml") + "/"
			n.title, n.description, n.minutes = w.Title, w.Summary, w.Minutes
			dir := path.Dir(s.rel)
			n.section = getSection(dir)
			n.section.pages = append(n.section.pages, n)
		}
		m.byRel[s.rel] = n
		m.nodes = append(m.nodes, n)
	}
	// Sections without an _index.md still get a page.
	for _, dir := range sortedKeys(m.sections) {
		sec := m.sections[dir]
		if sec.node != nil {
			continue
		}
		n := &node{kind: "section", url: dir + "/", title: humanize(path.Base(dir)), section: sec}
		if dir == "" {
			n.kind, n.url, n.title = "home", "", ""
		}
		sec.node = n
		m.nodes = append(m.nodes, n)
	}
	m.home = m.sections[""].node
	// Order lists and link neighbours.
	for _, sec := range m.sections {
		sortNodes(sec.pages)
		sort.SliceStable(sec.subs, func(i, j int) bool { return lessNode(sec.subs[i].node, sec.subs[j].node) })
		var prev *node
		for _, n := range sec.pages {
			n.prev = prev
			if prev != nil {
				prev.next = n
			}
			prev = n
		}
	}
	// Tags.
	bySlug := map[string]*tag{}
	for _, n := range m.nodes {
		var names []string
		if n.src != nil {
			switch n.src.kind {
			case srcPage, srcIndex:
				names = n.src.fm.Tags
			case srcWorksheet:
				names = n.src.ws.Tags
			}
		}
		seen := map[string]bool{}
		for _, name := range names {
			slug := tagSlug(name)
			if slug == "" || seen[slug] {
				continue
			}
			seen[slug] = true
			t := bySlug[slug]
			if t == nil {
				t = &tag{name: name, slug: slug}
				bySlug[slug] = t
				m.tags = append(m.tags, t)
			}
			t.nodes = append(t.nodes, n)
			n.tags = append(n.tags, t)
		}
	}
	sort.Slice(m.tags, func(i, j int) bool { return m.tags[i].slug < m.tags[j].slug })
	if len(m.tags) > 0 {
		m.nodes = append(m.nodes, &node{kind: "tags", url: "tags/", title: "Tags"})
		for _, t := range m.tags {
			sortNodes(t.nodes)
			t.node = &node{kind: "tag", url: "tags/" + t.slug + "/", title: t.name, tag: t}
			m.nodes = append(m.nodes, t.node)
		}
	}
	m.nodes = append(m.nodes, &node{kind: "404", url: "404.html", title: "Page not found"})
	// URLs must be unique, aliases included.
	owner := map[string]*node{}
	for _, n := range m.nodes {
		n.out = outFile(n.url)
		n.href = pathEscape(n.url)
		if o := owner[n.url]; o != nil {
			reportDuplicate(&errs, n, o, n.url)
			continue
		}
		owner[n.url] = n
		m.byURL[n.url] = n
	}
	for _, n := range m.nodes {
		if n.src == nil || (n.src.kind != srcPage && n.src.kind != srcIndex) {
			continue
		}
		fm := &n.src.fm
		for i, a := range fm.Aliases {
			line, col := 2, 1
			if i < len(fm.aliasPos) {
				line, col = fm.aliasPos[i][0], fm.aliasPos[i][1]
			}
			u, msg := aliasURL(a)
			if msg != "" {
				errs.Add(n.src.path(), line, col, "alias %q %s", a, msg)
				continue
			}
			if o := owner[u]; o != nil {
				reportDuplicate(&errs, n, o, u)
				continue
			}
			owner[u] = n
			n.aliases = append(n.aliases, alias{written: a, url: u, line: line, col: col})
		}
	}
	return m, errs
}

// alias is an old address of a page, which gets a page redirecting to it.
type alias struct {
	written   string // as written in the front matter
	url       string // the site path it answers, as url: "old/path/", "old.html"
	line, col int
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

func reportDuplicate(errs *diag.List, n, o *node, url string) {
	where := func(x *node) string {
		if x.src != nil {
			return x.src.path()
		}
		return "the " + x.kind + " page"
	}
	p := "content"
	if n.src != nil {
		p = n.src.path()
	}
	errs.Add(p, 1, 1, "duplicate URL /%s: also the address of %s", url, where(o))
}

// sortNodes orders a list by weight (weighted pages first), then title,
// then URL.
func sortNodes(ns []*node) {
	slices.SortFunc(ns, compareNodes)
}

func lessNode(a, b *node) bool { return compareNodes(a, b) < 0 }

// compareNodes orders by weight, then title, then URL; URLs are unique, so
// the order is total.
func compareNodes(a, b *node) int {
	wa, wb := a.weight, b.weight
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
	return strings.Compare(a.url, b.url)
}

func (n *node) sortKey() string {
	if n.sortTitle == "" && n.title != "" {
		n.sortTitle = strings.ToLower(n.title)
	}
	return n.sortTitle
}
