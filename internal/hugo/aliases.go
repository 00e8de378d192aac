package hugo

import (
	"bytes"
	"cmp"
	"os"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/yamldoc"
)

// aliasPlan is what the import adds to pages so that their Hugo addresses
// redirect to their new ones.
type aliasPlan struct {
	data  map[string][]byte // the new text of each page that gets aliases, by its path in the new site
	count int               // the aliases added
	notes diag.List         // pages that get none though their address changed, with why
}

// aliasSite is what planAliases needs of the site: its languages (the
// default first, Hugo's and the new site's), whether the default one is
// under /<code>/ in Hugo, and whether addresses keep their case.
type aliasSite struct {
	hugoLangs []i18n.Code // every enabled language, the default first
	siteLangs []i18n.Code // the new site's languages (content.Config.Langs), the default first
	inSubdir  bool        // defaultContentLanguageInSubdir
	keepCase  bool        // disablePathToLower
	rules     []permalinkRule
	langRules map[string][]permalinkRule // a language's own, which replace rules for its pages
	dates     []string                   // frontmatter.date (readDateSources)
	noAccents bool                       // removePathAccents
	// ugly says whether Hugo's uglyURLs is on for the pages of a top
	// section ("" for the root's); nil when it is off.
	ugly func(section string) bool
}

// planAliases computes, for each page the import copies (pages: their
// copies, to paths content/...), its address in Hugo and in the new site;
// where they differ, the Hugo address becomes one of the page's aliases.
// Pages with a url keep it in both; an address that is another page's, or
// that two pages had, gets no alias and is noted.
func planAliases(pages []fileCopy, s aliasSite) aliasPlan {
	plan := aliasPlan{data: map[string][]byte{}}
	type pageInfo struct {
		c      fileCopy
		src    []byte
		fm     content.FrontMatter
		newURL string // the new site's address
		old    string // Hugo's, when it differs
	}
	var infos []*pageInfo
	// Hugo's sections: the folders with an _index.md, and every top folder.
	sections := map[string]bool{}
	for _, c := range pages {
		rel := strings.TrimPrefix(c.to, "content/")
		base, _, err := i18n.SplitPath(rel, s.hugoLangs)
		if err == nil && path.Base(base) == "_index.md" {
			sections[path.Dir(base)] = true
		}
	}
	// The names of the section pages, for :sectionslugs.
	secNames := sectionNames{}
	for _, c := range pages {
		rel := strings.TrimPrefix(c.to, "content/")
		base, lang, err := i18n.SplitPath(rel, s.hugoLangs)
		if err != nil || path.Base(base) != "_index.md" || path.Dir(base) == "." {
			continue
		}
		src, err := os.ReadFile(c.from)
		if err != nil {
			continue
		}
		if fm, _, errs := content.ParseFrontMatter(c.to, src); len(errs) == 0 {
			if secNames[lang] == nil {
				secNames[lang] = map[string]string{}
			}
			secNames[lang][path.Dir(base)] = cmp.Or(fm.Slug, fm.Title)
		}
	}
	// Leaf bundles: a folder with an index.md, whose other Markdown files
	// are the bundle's resources in Hugo, not pages.
	bundles := map[string]bool{}
	for _, c := range pages {
		rel := strings.TrimPrefix(c.to, "content/")
		if base, _, err := i18n.SplitPath(rel, s.hugoLangs); err == nil && path.Base(base) == "index.md" && path.Dir(base) != "." {
			bundles[path.Dir(base)] = true
		}
	}
	inBundle := func(base string) bool {
		for d := path.Dir(base); d != "." && d != "/"; d = path.Dir(d) {
			if bundles[d] && !(path.Base(base) == "index.md" && path.Dir(base) == d) {
				return true
			}
		}
		return false
	}
	taken := map[string]string{} // new addresses and aliases, to the page that has them
	home := false                // the default language's home page has a file
	for _, c := range pages {
		rel := strings.TrimPrefix(c.to, "content/")
		src, err := os.ReadFile(c.from)
		if err != nil {
			continue // the copy reports it
		}
		fm, _, errs := content.ParseFrontMatter(c.to, src)
		if len(errs) > 0 {
			continue // the check reports it
		}
		info := &pageInfo{c: c, src: src, fm: fm}
		infos = append(infos, info)
		// The new address, as mutual makes it.
		key, lang, err := i18n.SplitPath(rel, s.siteLangs)
		if err != nil {
			continue
		}
		prefix := "/"
		if len(s.siteLangs) > 0 && lang != s.siteLangs[0] {
			prefix += string(lang) + "/"
		}
		if fm.URL != "" {
			info.newURL = siteAddress(prefix + fm.URL)
		} else {
			info.newURL = siteAddress(prefix + lowerIf(!s.keepCase, fileAddress(key, fm.Slug)))
		}
		taken[info.newURL] = c.to
		for _, a := range fm.Aliases {
			if strings.HasPrefix(a, "/") {
				taken[siteAddress(a)] = c.to
			}
		}
		if fm.URL != "" || fm.Headless {
			continue
		}
		// Hugo's address.
		hbase, hlang, err := i18n.SplitPath(rel, s.hugoLangs)
		if err != nil || inBundle(hbase) {
			continue
		}
		p := hugoPageOf(hbase, fm, sections, s.keepCase, s.dates)
		p.noAccents = s.noAccents
		secNames.names(p, hlang)
		if p.kind == "home" && hlang == s.hugoLangs[0] {
			home = true
		}
		raw := fileAddress(hbase, p.slug)
		if p.kind != "home" {
			rules := s.rules
			if own, ok := s.langRules[string(hlang)]; ok {
				rules = own
			}
			if r := ruleFor(rules, p.kind, lowerIf(!s.keepCase, p.dir)); r != nil {
				if r.unknown != "" {
					continue // noted with the configuration
				}
				raw = p.expand(r.pattern)
				if p.usedDate && p.dateUnknown {
					continue // noted with frontmatter.date
				}
			}
		}
		hprefix := ""
		if hlang != s.hugoLangs[0] || s.inSubdir {
			hprefix = string(hlang)
		}
		first := ""
		if len(p.sections) > 0 {
			first = p.sections[0]
		}
		old := p.address(hprefix, raw, s.ugly != nil && s.ugly(first))
		if old != info.newURL {
			info.old = old
		} else {
			info.src = nil // kept only for the pages to edit
		}
	}
	// Aliases that would land on a page, or that two pages share, are left
	// out: one address cannot redirect to two pages.
	olds := map[string]int{}
	for _, in := range infos {
		if in.old != "" {
			olds[in.old]++
		}
	}
	for _, in := range infos {
		if in.old == "" {
			continue
		}
		if other, ok := taken[in.old]; ok && other != in.c.to {
			plan.notes.Add(in.c.to, 0, 0, "Hugo published this page at %s, which is now the address of %s: no redirect from it", in.old, other)
			continue
		}
		if why := aliasProblem(in.old); why != "" {
			plan.notes.Add(in.c.to, 0, 0, "Hugo published this page at %s, where mutual writes no redirect: %s", in.old, why)
			continue
		}
		if olds[in.old] > 1 {
			plan.notes.Add(in.c.to, 0, 0, "%d pages had the address %s in Hugo, which published only one of them there: no redirect from it", olds[in.old], in.old)
			continue
		}
		if slices.ContainsFunc(in.fm.Aliases, func(a string) bool { return siteAddress(a) == in.old }) {
			continue
		}
		out, msg := withAlias(in.src, in.fm, in.c.to, aliasText(in.old))
		if msg != "" {
			plan.notes.Add(in.c.to, 0, 0, "Hugo published this page at %s; %s: add %s to its aliases yourself", in.old, msg, in.old)
			continue
		}
		plan.data[in.c.to] = out
		plan.count++
	}
	if s.inSubdir && !home {
		plan.notes.Add("content/_index.md", 0, 0, "Hugo published the home page at /%s/, and the site has no _index.md to hold that alias: write one with aliases: [/%s/] for a redirect to /", s.hugoLangs[0], s.hugoLangs[0])
	}
	plan.notes.Sort()
	return plan
}

// siteAddress writes a site path as mutual reads a url or an alias: one
// slash at its start and between its parts, and one at its end unless its
// last part has an extension (/old.html).
func siteAddress(s string) string {
	t := strings.Trim(path.Clean("/"+s), "/")
	if t == "" {
		return "/"
	}
	if strings.HasSuffix(s, "/") || path.Ext(t) == "" {
		return "/" + t + "/"
	}
	return "/" + t
}

// aliasProblem says why mutual cannot redirect from addr, as its aliases
// refuse it, or "".
func aliasProblem(addr string) string {
	if strings.ContainsAny(addr, "#?\\") || strings.ContainsFunc(addr, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "a # or ? in an address ends its path, and a \\ is no part of one"
	}
	for _, part := range strings.Split(addr, "/") {
		if strings.HasPrefix(part, ".") {
			return "static hosts hide a part of an address that starts with \".\" (" + part + ")"
		}
	}
	return ""
}

func lowerIf(lower bool, s string) string {
	if lower {
		return strings.ToLower(s)
	}
	return s
}

// fileAddress is the address mutual gives the page at rel (a path in its
// language's tree, without the language's mark): its folder for an
// _index.md or a bundle's index.md, its name (or slug) as a folder
// otherwise; a space in the path is a "-", as in content.PathURL.
func fileAddress(rel, slug string) string {
	dir, file := path.Split(rel)
	if file == "_index.md" || rel == "index.md" {
		return "/" + content.PathURL(dir)
	}
	if file == "index.md" {
		dir, file = path.Split(strings.TrimSuffix(dir, "/"))
		file += ".md"
	}
	name := content.PathURL(strings.TrimSuffix(file, path.Ext(file)))
	if slug != "" {
		name = slug
	}
	return "/" + content.PathURL(dir) + name + "/"
}

// hugoPageOf gathers what Hugo's permalinks read of the page at base (its
// path in the content folder, without its language's mark).
// dates are Hugo's sources of a page's date (readDateSources; nil for
// its default).
func hugoPageOf(base string, fm content.FrontMatter, sections map[string]bool, keepCase bool, dates []string) *hugoPage {
	p := &hugoPage{title: fm.Title, slug: fm.Slug, keepCase: keepCase}
	dir, file := path.Split(base)
	dir = strings.TrimSuffix(dir, "/")
	name := strings.TrimSuffix(file, path.Ext(file))
	switch {
	case base == "_index.md":
		p.kind = "home"
	case name == "_index":
		p.kind, p.dir, p.base = "section", dir, path.Base(dir)
		if p.title == "" {
			p.title = capital(p.base) // as Hugo titles a section
		}
	case name == "index" && dir != "":
		p.kind, p.dir, p.name, p.base = "page", dir, path.Base(dir), path.Base(dir)
	default:
		p.kind, p.dir, p.name, p.base = "page", dir, name, name
	}
	var slug string
	var ok bool
	p.date, slug, ok = pageDate(dates, fm, p.name)
	p.dateUnknown = !ok
	if p.slug == "" && p.kind == "page" {
		p.slug = slug
	}
	// The current section: the page's own for a section page; otherwise
	// the nearest folder above it that is a section (a top folder always
	// is).
	cur := p.dir
	if p.kind == "page" && name == "index" {
		cur = path.Dir(p.dir)
	}
	for cur != "" && cur != "." && !sections[cur] && strings.Contains(cur, "/") {
		cur = path.Dir(cur)
	}
	if cur != "" && cur != "." {
		p.sections = strings.Split(lowerIf(!keepCase, cur), "/")
		// The section pages above it, and its own: each folder of the
		// path that is a section.
		parts := strings.Split(cur, "/")
		for i := range parts {
			if d := strings.Join(parts[:i+1], "/"); i == 0 || sections[d] {
				p.sectionDirs = append(p.sectionDirs, d)
			}
		}
	}
	return p
}

// sectionNames are what :sectionslug and :sectionslugs read of each
// section page: its slug, else its title, by language and folder.
type sectionNames map[i18n.Code]map[string]string

// names gives p the names of its sections in lang, as Hugo's
// :sectionslugs reads them: a section page's slug, else its title, else
// (a section without an _index.md, or without a title) its folder's name
// with a capital, as Hugo titles it.
func (n sectionNames) names(p *hugoPage, lang i18n.Code) {
	p.sectionSlugs = nil
	for _, d := range p.sectionDirs {
		name := n[lang][d]
		if name == "" {
			name = capital(path.Base(d))
		}
		p.sectionSlugs = append(p.sectionSlugs, p.urlize(name))
	}
}

// capital is s with its first letter in upper case.
func capital(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// aliasText is an address as an alias holds it: mutual reads aliases
// percent-decoded, so a % of the address is written %25.
func aliasText(addr string) string {
	return strings.ReplaceAll(addr, "%", "%25")
}

// withAlias returns the page src with alias added to the aliases of its
// front matter: to the list it has (as its first entry), or as a new
// aliases key at the top of the front matter, in the front matter's own
// format; a page without front matter gets one. The rest of the file is
// left as it was. msg says why it could not be done (the page then stays
// as it was); the result is read back to be sure.
func withAlias(src []byte, fm content.FrontMatter, name, alias string) (out []byte, msg string) {
	bom := ""
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom, src = "\xef\xbb\xbf", src[3:]
	}
	nl := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		nl = "\r\n"
	}
	q := quoteAlias(alias)
	// start is where the front matter begins: after blank lines above it.
	start := 0
	if fm.Format != "" {
		t := bytes.TrimLeft(src, " \t\r\n")
		start = len(src) - len(t)
		if i := bytes.LastIndexByte(src[:start], '\n'); start > 0 {
			start = i + 1
		}
	}
	var b []byte
	switch fm.Format {
	case "":
		b = slices.Concat([]byte("---"+nl+"aliases: ["+q+"]"+nl+"---"+nl), src)
	case "yaml", "toml":
		first := bytes.IndexByte(src[start:], '\n')
		if first < 0 {
			return nil, "its front matter is not closed"
		}
		textAt := start + first + 1
		// The front matter's text ends at its closing line.
		end := textAt
		for end < len(src) {
			line := src[end:]
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i+1]
			}
			t := strings.TrimRight(string(line), " \t\r\n")
			if t == string(src[start:start+3]) || fm.Format == "yaml" && t == "..." {
				break
			}
			end += len(line)
		}
		text := src[textAt:end]
		var root *yamldoc.Node
		if fm.Format == "toml" {
			root, _ = yamldoc.ParseTOML(text, yamldoc.Options{Path: name})
		} else {
			root, _ = yamldoc.Parse(text, yamldoc.Options{Path: name})
		}
		b, msg = insertAlias(src, textAt, text, root, q, fm.Format, nl)
		if msg != "" {
			return nil, msg
		}
	case "json":
		root, end, _ := yamldoc.ParseJSON(src[start:], yamldoc.Options{Path: name})
		if end < 0 {
			return nil, "its JSON front matter does not read"
		}
		b, msg = insertAlias(src, start, src[start:start+end], root, q, "json", nl)
		if msg != "" {
			return nil, msg
		}
	default:
		return nil, "its front matter is in a format the import does not edit"
	}
	b = slices.Concat([]byte(bom), b)
	got, _, errs := content.ParseFrontMatter(name, b)
	if len(errs) > 0 || len(got.Aliases) != len(fm.Aliases)+1 || !slices.Contains(got.Aliases, alias) {
		return nil, "its front matter could not be given an aliases key the import could read back"
	}
	return b, ""
}

// insertAlias inserts q (a quoted alias) into the aliases of root, the
// front matter whose text starts at byte at of src: into its list, or as
// a new key at the top.
func insertAlias(src []byte, at int, text []byte, root *yamldoc.Node, q, format, nl string) ([]byte, string) {
	if root != nil && root.Kind != yamldoc.Map && root.Kind != yamldoc.Null { // nil: empty
		return nil, "its front matter is not keys and values"
	}
	var list *yamldoc.Node
	if root != nil && root.Kind == yamldoc.Map {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if strings.EqualFold(root.Content[i].Value, "aliases") {
				list = root.Content[i+1]
			}
		}
	}
	off := func(n *yamldoc.Node) int { return offsetOf(text, n.Line, n.Col) }
	switch {
	case list == nil:
		var line string
		switch format {
		case "toml":
			line = "aliases = [" + q + "]" + nl
		case "yaml":
			line = "aliases: [" + q + "]" + nl
		case "json":
			// After the object's "{".
			i := at + 1
			rest := bytes.TrimLeft(src[i:], " \t\r\n")
			sep := ","
			if bytes.HasPrefix(rest, []byte("}")) {
				sep = ""
			}
			return slices.Concat(src[:i], []byte(nl+"  \"aliases\": ["+q+"]"+sep), src[i:]), ""
		}
		return slices.Concat(src[:at], []byte(line), src[at:]), ""
	case list.Kind == yamldoc.List:
		o := off(list)
		if o < 0 {
			return nil, "its aliases could not be found"
		}
		if text[o] == '[' {
			sep := ", "
			if len(list.Content) == 0 {
				sep = ""
			}
			i := at + o + 1
			return slices.Concat(src[:i], []byte(q+sep), src[i:]), ""
		}
		// A YAML list of "- " lines: a line like its first, before it.
		if len(list.Content) == 0 {
			return nil, "its aliases could not be found"
		}
		fo := off(list.Content[0])
		if fo < 0 {
			return nil, "its aliases could not be found"
		}
		ls := bytes.LastIndexByte(text[:fo], '\n') + 1
		lead := string(text[ls:fo])
		if strings.TrimSpace(lead) != "-" {
			return nil, "its aliases are written in a form the import does not edit"
		}
		i := at + ls
		return slices.Concat(src[:i], []byte(lead+q+nl), src[i:]), ""
	default:
		return nil, "its aliases are not a list"
	}
}

// offsetOf is the byte offset in text of line and col (from 1, col in
// characters), or -1.
func offsetOf(text []byte, line, col int) int {
	o := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(text[o:], '\n')
		if i < 0 {
			return -1
		}
		o += i + 1
	}
	for c := 1; c < col; c++ {
		if o >= len(text) || text[o] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRune(text[o:])
		o += size
	}
	if o >= len(text) {
		return -1
	}
	return o
}

// quoteAlias writes an alias as a double-quoted text that YAML, TOML and
// JSON read alike.
func quoteAlias(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
