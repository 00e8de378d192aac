package hugo

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// siteConfig is what the import writes into content/site.yaml.
type siteConfig struct {
	Title       string
	Description string
	BaseURL     string
	Language    string // "" leaves mutual's default, en
	Theme       string
	Menu        []menuItem
	// Languages are the site's languages when it has more than one, the
	// default first; then Language is "".
	Languages []langConfig
	Params    *node // Hugo's params, the default language's merged over the site's
	// Paginate is Hugo's pagination.pagerSize (or older paginate): how
	// many entries a page of a list shows; 0 when the site sets none.
	Paginate int
	// KeepCase is Hugo's disablePathToLower: site.yaml says
	// lowercaseURLs: false.
	KeepCase bool
	// Comments written above a key, to say what the writer must check.
	TitleComment, BaseURLComment string
}

// menuItem is one entry of the menu site.yaml gets. Weight is Hugo's (0
// for none), written so that the page entries of front matter (menu: main
// with a weight) take their places among these as in Hugo.
type menuItem struct {
	Name, URL string
	Weight    int
}

// converted says what became of the configuration, for the report.
type converted struct {
	cfg        siteConfig
	used       []string  // what went into site.yaml, in words: "title", "languageCode as language"
	ignored    diag.List // keys with no place in a mutual site, each with why
	hugoThemes []string  // the Hugo themes the site names (theme = ...)
	// permalinks are Hugo's permalink patterns and inSubdir its
	// defaultContentLanguageInSubdir: what made pages' Hugo addresses,
	// which become aliases (planAliases).
	permalinks []permalinkRule
	// langPermalinks are the permalinks of the languages that have their
	// own (languages.<code>.permalinks), which replace the site's for
	// their pages.
	langPermalinks map[string][]permalinkRule
	inSubdir       bool
	dateSources    []string                  // frontmatter.date, nil for Hugo's default
	noAccents      bool                      // removePathAccents
	ugly           func(section string) bool // uglyURLs, nil when off
}

// Why each top-level key Hugo knows has no place in a mutual site, for the
// keys a Hugo site commonly sets. Keys not listed get a general reason.
var ignoredWhy = map[string]string{
	"markup":          "mutual renders Markdown with its own settings (see the README's Markdown section)",
	"paginatepath":    "the further pages of a list are at page/2/, page/3/...",
	"outputs":         "mutual writes HTML pages, a sitemap and one Atom feed",
	"outputformats":   "mutual writes HTML pages, a sitemap and one Atom feed",
	"mediatypes":      "mutual writes HTML pages, a sitemap and one Atom feed",
	"enablerobotstxt": "mutual always writes robots.txt",
	"sitemap":         "mutual always writes sitemap.xml",
	"services":        "a mutual site loads nothing from other sites: no analytics, comments or embeds",
	"googleanalytics": "a mutual site loads nothing from other sites: no analytics, comments or embeds",
	"disqusshortname": "a mutual site loads nothing from other sites: no analytics, comments or embeds",
	"privacy":         "a mutual site loads nothing from other sites: no analytics, comments or embeds",
	"module":          "Hugo modules are not fetched; content/ and static/ come from the site's own folders",
	"copyright":       "site.yaml has no copyright line: write it in a footer partial of the theme (themes/" + themeName + "/layouts/partials/footer.html)",
	"relativeurls":    "mutual writes every link from the site's root, under baseURL's path",
	"canonifyurls":    "mutual writes every link from the site's root, under baseURL's path",
	"builddrafts":     "build with mutual build --drafts instead",
	"summarylength":   "a summary is a page's summary key or the text before <!--more-->",
	"enableemoji":     "mutual does not turn :shortcodes: into emoji",
	"enablegitinfo":   "mutual takes dates from front matter",
	"timezone":        "dates without a zone are read as UTC",
	"hascjklanguage":  "mutual does not count words",
	"disablekinds":    "mutual makes every kind of page it knows",
	"minify":          "mutual does not minify its output",
	"imaging":         "mutual does not process images",
	"security":        "mutual runs no external programs",
	"build":           "mutual has no build options in site.yaml",
	"caches":          "mutual keeps no cache on disk",
	"related":         "mutual does not list related pages",
	"frontmatter":     "mutual reads date and lastmod from front matter (a date in a file's name, 2024-03-05-slug.md, gives only its Hugo address, as an alias)",
	"cascade":         "front matter is not passed down to pages below a section; write it in each page",
	"author":          "site.yaml has no author; a theme may show one",
	"publishdir":      "mutual builds into public/ (or the folder given with -o)",
	"themesdir":       "a mutual site keeps its themes in themes/",
	"layoutdir":       "a mutual site keeps its theme's layouts in themes/<name>/layouts/",
	"assetdir":        "Hugo Pipes assets are not used by mutual",
	"datadir":         "mutual has no data files",
	"i18ndir":         "a mutual site keeps its own interface texts in i18n/<code>.yaml, with the keys of mutual's themes",
	"archetypedir":    "mutual new writes its own starter pages",
	"ignorefiles":     "mutual skips files whose names start with a dot and editors' backup files",
}

// handledKeys are the top-level keys convert reads.
var handledKeys = []string{"title", "baseurl", "languagecode", "defaultcontentlanguage", "menus", "params", "taxonomies", "theme", "contentdir", "staticdir", "languages", "disablelanguages", "description", "disablepathtolower", "permalinks", "defaultcontentlanguageinsubdir", "uglyurls", "removepathaccents", "paginate", "pagination"}

// convert turns a Hugo configuration into site.yaml. index holds the
// content files of the site (paths relative to its content folder, by
// their lowercased paths), to resolve menu entries that name a page
// (pageRef). fallbackTitle is the title when the configuration has none.
func convert(h *hugoConfig, fallbackTitle string, index map[string]string) *converted {
	c := &converted{}
	c.cfg.Theme = themeName
	root := h.root
	note := func(p pos, format string, args ...any) {
		c.ignored = append(c.ignored, &diag.Error{Path: p.file, Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)})
	}
	text := func(e *entry) (string, bool) {
		if e == nil {
			return "", false
		}
		if e.val.kind != scalar {
			if e.val.kind != null {
				note(e.keyPos, "%s must be a single value, not %s: left out", e.key, kindWord(e.val.kind))
			}
			return "", false
		}
		return e.val.text, true
	}

	// The site's own language: Hugo's languages.<default> overrides the
	// top level for title, languageCode, params and menus.
	defaultLang := defaultLangCode(root)
	langs := siteLanguages(root, defaultLang, note)
	lang := langs[0].node
	var otherCodes []string // the other languages, whose trees content/<code>/ are theirs
	for _, l := range langs[1:] {
		otherCodes = append(otherCodes, l.code)
	}
	pick := func(key string) *entry {
		if e := lang.get(key); e != nil {
			return e
		}
		return root.get(key)
	}

	// title
	if s, ok := text(pick("title")); ok && strings.TrimSpace(s) != "" {
		c.cfg.Title = s
		c.used = append(c.used, "title")
	} else {
		c.cfg.Title = fallbackTitle
		c.cfg.TitleComment = "Hugo's configuration has no title: this one is the folder's name."
	}

	// baseURL
	raw, _ := text(root.get("baseURL"))
	var probe content.Config
	if err := probe.SetBaseURL(raw); raw != "" && err == nil {
		c.cfg.BaseURL = probe.BaseURL
		c.used = append(c.used, "baseURL")
	} else {
		c.cfg.BaseURL = "https://example.org/"
		if raw == "" {
			c.cfg.BaseURLComment = "Hugo's configuration has no baseURL: write the address the site is published at."
		} else {
			c.cfg.BaseURLComment = fmt.Sprintf("Hugo's baseURL is %s, which is not a full address: write the address the site is published at.", strconv.Quote(raw))
		}
	}

	// language
	if s, ok := text(pick("languageCode")); ok && s != "" {
		c.cfg.Language = s
		c.used = append(c.used, "languageCode as language")
	} else if root.get("defaultContentLanguage") != nil || lang != nil {
		c.cfg.Language = defaultLang
		c.used = append(c.used, "defaultContentLanguage as language")
	}

	// params, as they are (templates read them as .Site.Params); the
	// description is also the site's.
	params := &node{kind: table}
	for _, e := range []*entry{root.get("params"), lang.get("params")} {
		switch {
		case e == nil || e.val.kind == null:
		case e.val.kind == table:
			merge(params, e.val)
		default:
			note(e.keyPos, "params must be keys and values, not %s: left out", kindWord(e.val.kind))
		}
	}
	dropEmptyKeys(params, note)
	if n := len(params.entries); n > 0 {
		c.cfg.Params = params
		c.used = append(c.used, fmt.Sprintf("params (%d %s)", n, plural(n, "key", "keys")))
	}
	if s, ok := text(params.get("description")); ok && s != "" {
		c.cfg.Description = s
		c.used = append(c.used, "params.description as description")
	} else if s, ok := text(pick("description")); ok && s != "" {
		c.cfg.Description = s
		c.used = append(c.used, "description")
	}

	// menus
	menus := &node{kind: table}
	for _, t := range []*node{root.value("menus"), lang.value("menus")} {
		if t != nil && t.kind == table {
			merge(menus, t)
		}
	}
	for _, m := range menus.entries {
		if !strings.EqualFold(m.key, "main") {
			note(m.keyPos, "menus.%s: a mutual site has one menu, the main one; this one is left out", m.key)
			continue
		}
		c.cfg.Menu = convertMenu(m, languageIndex(index, "", otherCodes), note)
		if n := len(c.cfg.Menu); n > 0 {
			c.used = append(c.used, fmt.Sprintf("menus.main as menu (%d %s)", n, plural(n, "entry", "entries")))
		}
	}

	// languages
	if len(langs) > 1 {
		codes := append([]string{defaultLang}, otherCodes...)
		for i, l := range langs {
			c.cfg.Languages = append(c.cfg.Languages, convertLanguage(l, i == 0, languageIndex(index, l.code, otherCodes), note))
			if i > 0 {
				noteLanguageKeys(l, note)
			}
		}
		c.cfg.Language = ""
		c.used = slices.DeleteFunc(c.used, func(u string) bool { return strings.HasSuffix(u, " as language") })
		// The default language's own languageCode is named by
		// convertLanguage; the site's is its default.
		if e := root.get("languageCode"); e != nil && lang.get("languageCode") == nil {
			if s, ok := text(e); ok && s != "" && !strings.EqualFold(s, defaultLang) {
				note(e.keyPos, "%s", languageCodeNote("languageCode", s, defaultLang))
			}
		}
		c.used = append(c.used, fmt.Sprintf("languages (%s)", strings.Join(codes, ", ")))
	}

	// disablePathToLower: mutual lowercases addresses made from file
	// names as Hugo does, and keeps their case on the same request.
	if e := root.get("disablePathToLower"); e != nil {
		switch s, _ := text(e); s {
		case "true":
			c.cfg.KeepCase = true
			c.used = append(c.used, "disablePathToLower as lowercaseURLs: false")
		case "false", "":
		default:
			note(e.val.pos, "disablePathToLower must be true or false, not %q: left out", s)
		}
	}

	// pagination.pagerSize (paginate before Hugo 0.128): mutual cuts
	// section and tag lists into pages of as many entries. Hugo cuts only
	// the lists whose template asks for a paginator, and its default of
	// 10 when the site sets none; mutual lists whole unless told.
	// The default language's own settings win over the site's, as in
	// Hugo ([languages.en.pagination]).
	var size *entry
	for i, t := range []*node{root, lang} {
		where := ""
		if i == 1 {
			where = "languages." + defaultLang + "."
		}
		if e := t.get("paginate"); e != nil {
			size = e
		}
		p := t.get("pagination")
		if p == nil {
			continue
		}
		if p.val.kind != table {
			text(p)
			continue
		}
		if e := p.val.get("pagerSize"); e != nil {
			size = e
		}
		if e := p.val.get("path"); e != nil {
			if s, ok := text(e); ok && s != "page" {
				note(e.keyPos, "%spagination.path: the further pages of a list are at page/2/, page/3/... in mutual, not %s/2/: left out", where, s)
			}
		}
		for _, e := range p.val.entries {
			if !strings.EqualFold(e.key, "pagerSize") && !strings.EqualFold(e.key, "path") {
				note(e.keyPos, "%spagination.%s has no equivalent in mutual: left out", where, e.key)
			}
		}
	}
	if s, ok := text(size); ok {
		if n, err := strconv.Atoi(s); err == nil && n >= 0 {
			c.cfg.Paginate = n
			if strings.EqualFold(size.key, "paginate") {
				c.used = append(c.used, "paginate")
			} else {
				c.used = append(c.used, "pagination.pagerSize as paginate")
			}
		} else {
			note(size.val.pos, "%s must be a whole number of entries such as 10, not %q: left out", size.key, s)
		}
	}

	// permalinks and defaultContentLanguageInSubdir: mutual gives each
	// page its file's address, and the Hugo one becomes an alias.
	if e := root.get("permalinks"); e != nil {
		c.permalinks = readPermalinks(e, note)
		if len(c.permalinks) > 0 {
			c.used = append(c.used, "permalinks as aliases")
		}
	}
	if e := root.get("frontmatter"); e != nil {
		c.dateSources = readDateSources(e, note)
	}
	for _, l := range langs {
		if e := l.node.get("permalinks"); e != nil {
			if c.langPermalinks == nil {
				c.langPermalinks = map[string][]permalinkRule{}
			}
			c.langPermalinks[l.code] = readPermalinks(e, note)
			c.used = append(c.used, "languages."+l.key+".permalinks as aliases")
		}
	}
	if e := root.get("defaultContentLanguageInSubdir"); e != nil {
		switch s, _ := text(e); s {
		case "true":
			c.inSubdir = true
			c.used = append(c.used, fmt.Sprintf("defaultContentLanguageInSubdir as aliases (/%s/... to /...)", defaultLang))
		case "false", "":
		default:
			note(e.val.pos, "defaultContentLanguageInSubdir must be true or false, not %q: left out", s)
		}
	}

	// removePathAccents: mutual keeps the letters of file names; Hugo's
	// address without their accents becomes an alias.
	if e := root.get("removePathAccents"); e != nil {
		switch s, _ := text(e); s {
		case "true":
			c.noAccents = true
			c.used = append(c.used, "removePathAccents as aliases (/cafe/ to /café/)")
		case "false", "":
		default:
			note(e.val.pos, "removePathAccents must be true or false, not %q: left out", s)
		}
	}

	// uglyURLs: mutual writes each page as a folder; Hugo's file
	// (/posts/a.html) becomes an alias. true for every section, or a
	// table of sections.
	if e := root.get("uglyURLs"); e != nil {
		switch e.val.kind {
		case scalar:
			switch e.val.text {
			case "true":
				c.ugly = func(string) bool { return true }
			case "false", "":
			default:
				note(e.val.pos, "uglyURLs must be true or false, not %q: left out", e.val.text)
			}
		case table:
			on := map[string]bool{}
			for _, t := range e.val.entries {
				if s, _ := text(t); s == "true" {
					on[strings.ToLower(strings.Trim(t.key, "/"))] = true
				}
			}
			if len(on) > 0 {
				c.ugly = func(section string) bool { return on[section] }
			}
		}
		if c.ugly != nil {
			c.used = append(c.used, "uglyURLs as aliases (/a.html to /a/)")
		}
	}

	// taxonomies
	if e := root.get("taxonomies"); e != nil && e.val.kind == table {
		hasTags := false
		for _, t := range e.val.entries {
			if s, _ := text(t); s == "tags" {
				hasTags = true
				c.used = append(c.used, "taxonomies."+t.key+" as tags")
				continue
			}
			plural, _ := text(t)
			note(t.keyPos, "taxonomies.%s: mutual makes pages for tags only; pages keep their %q in front matter, as parameters (.Params.%s) without pages", t.key, plural, plural)
		}
		if !hasTags {
			note(e.keyPos, "taxonomies has no tags: mutual makes a page for each tag that pages list in their front matter all the same")
		}
	}

	// theme
	if e := root.get("theme"); e != nil {
		var names []string
		switch e.val.kind {
		case scalar:
			names = []string{e.val.text}
		case list:
			for _, it := range e.val.items {
				if it.kind == scalar {
					names = append(names, it.text)
				}
			}
		}
		c.hugoThemes = names
		if len(names) > 0 {
			note(e.keyPos, "theme %s: Hugo themes do not run in mutual; the site has the theme %s, which extends mutual's default theme", quoteList(names), themeName)
		}
	}

	// The default language's other settings, and every other top-level key.
	for _, e := range lang.entriesOrNil() {
		switch strings.ToLower(e.key) {
		case "title", "languagecode", "params", "menus", "contentdir", "weight", "languagename", "languagedirection", "label", "locale", "disabled", "permalinks", "description", "paginate", "pagination":
			continue
		}
		note(e.keyPos, "languages.%s.%s: %s", defaultLang, e.key, why(e.key))
	}
	for _, e := range root.entries {
		k := strings.ToLower(e.key)
		if slices.Contains(handledKeys, k) {
			continue
		}
		note(e.keyPos, "%s: %s", e.key, why(e.key))
		if k == "markup" {
			if u := e.val.value("goldmark").value("renderer").get("unsafe"); u != nil && u.val.kind == scalar && u.val.text == "true" {
				note(u.keyPos, "markup.goldmark.renderer.unsafe: raw HTML in Markdown stays off in mutual; set trustHTML: true in site.yaml only if you trust every file of the site as you would a program")
			}
		}
	}
	c.ignored = append(c.ignored, h.notes...)
	c.ignored.Sort()
	return c
}

// dropEmptyKeys leaves out the keys that are empty texts ("" = 1 in
// TOML), which a YAML key cannot be in mutual, at every depth of n.
func dropEmptyKeys(n *node, note func(pos, string, ...any)) {
	switch n.kind {
	case table:
		kept := n.entries[:0]
		for _, e := range n.entries {
			if e.key == "" {
				note(e.keyPos, "params: a key that is empty is left out")
				continue
			}
			dropEmptyKeys(e.val, note)
			kept = append(kept, e)
		}
		n.entries = kept
	case list:
		for _, it := range n.items {
			dropEmptyKeys(it, note)
		}
	}
}

func (n *node) entriesOrNil() []*entry {
	if n == nil || n.kind != table {
		return nil
	}
	return n.entries
}

// folder is a folder of the Hugo site that the import copies, relative to
// the site, and where the configuration names it (nowhere for a default).
type folder struct {
	path string
	at   pos
}

// siteFolders are the Hugo site's content folder (contentDir: the default
// language's, the top-level one, or content) and static folders
// (staticDir: one folder or a list; static by default).
func siteFolders(root *node) (contentDir folder, staticDirs []folder) {
	contentDir = folder{path: "content"}
	lang := defaultLanguage(root)
	for _, t := range []*node{lang, root} {
		if e := t.get("contentDir"); e != nil && e.val.kind == scalar && e.val.text != "" {
			contentDir = folder{path: e.val.text, at: e.keyPos}
			break
		}
	}
	e := root.get("staticDir")
	switch {
	case e != nil && e.val.kind == scalar && e.val.text != "":
		staticDirs = []folder{{path: e.val.text, at: e.keyPos}}
	case e != nil && e.val.kind == list:
		for _, it := range e.val.items {
			if it.kind == scalar && it.text != "" {
				staticDirs = append(staticDirs, folder{path: it.text, at: it.pos})
			}
		}
	default:
		staticDirs = []folder{{path: "static"}}
	}
	return contentDir, staticDirs
}

// defaultLanguage is the settings of the site's own language under
// languages (defaultContentLanguage, en by default), or nil.
func defaultLanguage(root *node) *node {
	code := "en"
	if e := root.get("defaultContentLanguage"); e != nil && e.val.kind == scalar && e.val.text != "" {
		code = e.val.text
	}
	if l := root.value("languages").get(code); l != nil && l.val.kind == table {
		return l.val
	}
	return nil
}

func why(key string) string {
	if w, ok := ignoredWhy[strings.ToLower(key)]; ok {
		return w
	}
	if w, ok := ignoredWhy[key]; ok {
		return w
	}
	return "mutual has no such setting"
}

// hugoMenuEntry is one entry of Hugo's main menu, as far as mutual uses it.
type hugoMenuEntry struct {
	name, identifier, url string
	weight                int
	at                    pos
}

// convertMenu turns Hugo's main menu into mutual's: entries with a name
// and an address, in Hugo's order (by weight, entries without a weight
// last, then by name). pageRef names a page by its path in the content
// folder ("/about", "docs/_index.md"); it becomes that content file, which
// mutual's links resolve like any other.
func convertMenu(m *entry, index map[string]string, note func(pos, string, ...any)) []menuItem {
	if m.val.kind != list {
		note(m.keyPos, "menus.main must be a list of entries: left out")
		return nil
	}
	var entries []hugoMenuEntry
	for _, item := range m.val.items {
		if item.kind != table {
			note(item.pos, "a menu entry must have keys (name, url or pageRef, weight): left out")
			continue
		}
		get := func(k string) string {
			if e := item.get(k); e != nil && e.val.kind == scalar {
				return e.val.text
			}
			return ""
		}
		e := hugoMenuEntry{name: get("name"), identifier: get("identifier"), at: item.pos}
		if len(item.entries) > 0 {
			e.at = item.entries[0].keyPos
		}
		label := cmp.Or(e.name, e.identifier, get("pageRef"), get("url"))
		if p := get("parent"); p != "" {
			note(e.at, "menu entry %q is under %q: mutual's menu has one level, so it is left out", label, p)
			continue
		}
		if w := get("weight"); w != "" {
			n, err := strconv.Atoi(w)
			if err != nil {
				note(item.get("weight").keyPos, "menu entry %q: weight %q is not a whole number; taken as no weight", label, w)
			}
			e.weight = n
		}
		ref := get("pageRef")
		switch {
		case ref != "":
			if file, ok := resolvePageRef(ref, index); ok {
				e.url = file
			} else if u := get("url"); u != "" {
				e.url = u
			} else {
				e.url = "/" + strings.Trim(ref, "/") + "/"
				if e.url == "//" {
					e.url = "/"
				}
				note(item.get("pageRef").keyPos, "menu entry %q: pageRef %q names no page of the content folder; its address is written as %s", label, ref, e.url)
			}
		case get("url") != "":
			e.url = get("url")
		default:
			note(e.at, "menu entry %q has neither url nor pageRef: left out", label)
			continue
		}
		if e.name == "" {
			e.name = e.identifier
		}
		if e.name == "" {
			base := strings.TrimSuffix(path.Base(strings.Trim(cmp.Or(ref, e.url), "/")), ".md")
			if base == "index" || base == "_index" || base == "." || base == "" {
				base = path.Base(path.Dir(strings.Trim(cmp.Or(ref, e.url), "/")))
			}
			if base == "." || base == "/" {
				base = ""
			}
			e.name = titleFromName(base)
			if e.name == "" {
				e.name = "Home"
			}
			note(e.at, "menu entry for %q has no name: it is named %q in site.yaml", cmp.Or(ref, e.url), e.name)
		}
		var extra []string
		for _, k := range item.entries {
			switch strings.ToLower(k.key) {
			case "name", "identifier", "url", "pageref", "weight", "parent":
			default:
				extra = append(extra, k.key)
			}
		}
		if len(extra) > 0 {
			note(e.at, "menu entry %q: %s left out: mutual's menu entries have a name and an address", e.name, strings.Join(extra, ", "))
		}
		entries = append(entries, e)
	}
	// Hugo's menu order.
	slices.SortStableFunc(entries, func(a, b hugoMenuEntry) int {
		if a.weight == b.weight {
			return cmp.Or(cmp.Compare(strings.ToLower(a.name), strings.ToLower(b.name)), cmp.Compare(a.name, b.name), cmp.Compare(a.identifier, b.identifier))
		}
		if a.weight == 0 {
			return 1
		}
		if b.weight == 0 {
			return -1
		}
		return cmp.Compare(a.weight, b.weight)
	})
	var out []menuItem
	for _, e := range entries {
		out = append(out, menuItem{Name: e.name, URL: e.url, Weight: e.weight})
	}
	return out
}

// resolvePageRef finds the content file a Hugo pageRef names: the path in
// the content folder, with or without its .md, or the folder of a page
// bundle (index.md) or of a section (_index.md or not). Hugo compares paths
// without case. index maps lowercased paths to the files' own.
func resolvePageRef(ref string, index map[string]string) (string, bool) {
	p := strings.Trim(strings.TrimSpace(ref), "/")
	if p == "" {
		if f, ok := index["_index.md"]; ok {
			return f, true
		}
		return "", false
	}
	p = strings.ToLower(path.Clean(p))
	for _, cand := range []string{p, p + ".md", p + "/index.md", p + "/_index.md"} {
		if f, ok := index[cand]; ok && strings.HasSuffix(f, ".md") {
			return f, true
		}
	}
	// A section without an _index.md: its folder, which mutual's links
	// resolve to the section's page.
	var found string
	for low, f := range index {
		if strings.HasPrefix(low, p+"/") && (found == "" || f < found) {
			found = f
		}
	}
	if found != "" {
		return found[:len(p)] + "/", true
	}
	return "", false
}

// titleFromName makes a title of a file or folder name: "getting-started"
// is "Getting started".
func titleFromName(name string) string {
	name = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return ""
	}
	r := []rune(name)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
