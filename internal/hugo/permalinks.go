package hugo

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"mutual/internal/content"
	"mutual/internal/yamldoc"
)

// A Hugo site's pages may live at other addresses than their files'
// (permalinks, defaultContentLanguageInSubdir), where mutual puts every
// page at its file's address. So that old links keep working, the import
// computes each page's address as Hugo gave it and, where it differs from
// the new one, adds the old one to the page's aliases (aliases.go), for
// which mutual writes a redirect page.

// permalinkRule is one pattern of Hugo's permalinks: for the pages of one
// kind ("page" or "section") in a section and every section below it.
type permalinkRule struct {
	kind    string // "page" or "section"
	section string // the section's path, lower case, "" for the root's pages ("/")
	pattern string
	at      pos    // where the pattern is written
	unknown string // the first token Hugo's permalinks do not know, "" when all are known
}

// permalinkToken matches a token of a pattern, as Hugo finds them: a colon,
// a word, and a slice for :sections ([1:], [last]).
var permalinkToken = regexp.MustCompile(`:\w+(\[.+?\])?`)

// permalinkNames are the tokens the import expands, each as Hugo does.
var permalinkNames = []string{
	"year", "month", "monthname", "day", "weekday", "weekdayname", "yearday",
	"section", "sections", "sectionslug", "sectionslugs", "title", "slug", "slugorfilename", "filename",
	"contentbasename", "slugorcontentbasename",
}

// refTime is a time whose every field differs from Go's layout reference
// (Mon Jan 2 15:04:05 MST 2006): a token that formats it to something else
// is a date layout (:2006), which Hugo formats the page's date with.
var refTime = time.Date(2019, time.November, 9, 23, 1, 42, 1, time.UTC)

// tokenKnown says whether Hugo's permalinks expand tok (":slug",
// ":sections[1:]", ":2006"), as far as the import computes it.
func tokenKnown(tok string) bool {
	name := tok[1:]
	if slices.Contains(permalinkNames, name) {
		return true
	}
	for _, pre := range []string{"sections[", "sectionslugs["} {
		if s, ok := strings.CutPrefix(name, pre); ok && strings.HasSuffix(s, "]") {
			return true
		}
	}
	return refTime.Format(name) != name
}

// readPermalinks reads Hugo's permalinks table: section = pattern (the
// older form, for pages), and page.<section> = pattern, section.<section>
// = pattern. Patterns for tag and other taxonomy pages are noted: mutual
// keeps those at /tags/. A pattern with a token the import does not know
// is noted, and its pages get no alias.
func readPermalinks(e *entry, note func(pos, string, ...any)) []permalinkRule {
	if e == nil || e.val.kind == null {
		return nil
	}
	if e.val.kind != table {
		note(e.keyPos, "permalinks must be keys and patterns, not %s: pages get no alias for their Hugo addresses", kindWord(e.val.kind))
		return nil
	}
	var rules []permalinkRule
	add := func(kind string, s *entry, where string) {
		if s.val.kind != scalar {
			note(s.keyPos, "%s must be a pattern such as \"/:year/:month/:slug/\", not %s: left out", where, kindWord(s.val.kind))
			return
		}
		r := permalinkRule{kind: kind, section: strings.ToLower(strings.Trim(s.key, " /")), pattern: s.val.text, at: s.val.pos}
		for _, tok := range permalinkToken.FindAllString(strings.ReplaceAll(r.pattern, `\:`, ""), -1) {
			if !tokenKnown(tok) {
				r.unknown = tok
				note(s.val.pos, "%s: the import does not know the token %s, so the pages it gives addresses to get no alias for them: add their old addresses to their aliases yourself", where, tok)
				break
			}
		}
		rules = append(rules, r)
	}
	for _, s := range e.val.entries {
		k := strings.ToLower(s.key)
		switch {
		case s.val.kind == scalar:
			add("page", s, "permalinks."+s.key)
		case s.val.kind == table && (k == "page" || k == "section"):
			for _, t := range s.val.entries {
				add(k, t, "permalinks."+s.key+"."+t.key)
			}
		case s.val.kind == table && (k == "taxonomy" || k == "term"):
			if len(s.val.entries) > 0 {
				note(s.keyPos, "permalinks.%s: mutual keeps the tags page at /tags/ and each tag's at /tags/<tag>/; these addresses get no redirect", s.key)
			}
		default:
			note(s.keyPos, "permalinks.%s: not a pattern Hugo's permalinks take (a section's pattern, or page, section, taxonomy, term): left out", s.key)
		}
	}
	return rules
}

// ruleFor is the rule that gives a page of kind in the section at dir
// (lower case, "" for the root) its address: the one for the nearest
// section, as the most specific wins; nil when none does.
func ruleFor(rules []permalinkRule, kind, dir string) *permalinkRule {
	var best *permalinkRule
	for i := range rules {
		r := &rules[i]
		if r.kind != kind {
			continue
		}
		match := r.section == "" && dir == "" && kind == "page" ||
			r.section != "" && (dir == r.section || strings.HasPrefix(dir, r.section+"/"))
		if match && (best == nil || len(r.section) > len(best.section)) {
			best = r
		}
	}
	return best
}

// hugoPage is what a page's Hugo address is made of.
type hugoPage struct {
	kind      string    // "home", "section" or "page"
	dir       string    // the folder of the page's path: "posts/2024" for posts/2024/a.md, "posts/b" for the bundle posts/b/index.md, "posts" for posts/_index.md
	name      string    // the file's name without language and extension; for a bundle, its folder's; "" for a section
	base      string    // Hugo's content base name: name, or a section's folder name
	title     string    // the front matter's title
	slug      string    // the front matter's slug
	date      time.Time // the page's date
	sections  []string  // its current section's path: the sections it is in, or for a section page, down to itself
	keepCase  bool      // disablePathToLower
	noAccents bool      // removePathAccents
	// sectionDirs are the folders of the section pages above the page
	// and of its own section, from the top; sectionSlugs their names for
	// :sectionslugs (sectionNames.names).
	sectionDirs, sectionSlugs []string
	// dateUnknown is set when Hugo took the date from a source the import
	// cannot read (git); usedDate when a pattern used the date.
	dateUnknown, usedDate bool
}

// urlize is Hugo's URL form of a text (a title, a slug): letters, digits,
// marks and . / \ _ # + ~ - @ kept, spaces between them one hyphen, the
// rest left out, in lower case unless the site keeps case; without
// accents when the site says removePathAccents.
func (p *hugoPage) urlize(s string) string {
	if p.noAccents {
		s = removeAccents(s)
	}
	var b strings.Builder
	hyphen, wasHyphen := false, false
	rs := []rune(s)
	for i, r := range rs {
		ok := strings.ContainsRune("./\\_#+~-@", r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			r == '%' && i+2 < len(rs) && isHex(rs[i+1]) && isHex(rs[i+2])
		switch {
		case ok:
			wasHyphen = r == '-'
			if hyphen && !wasHyphen {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case b.Len() > 0 && !wasHyphen && unicode.IsSpace(r):
			hyphen = true
		}
	}
	if p.keepCase {
		return b.String()
	}
	return strings.ToLower(b.String())
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

// expand is pattern with each token replaced by the page's value, as
// Hugo's permalinks expand it (address makes an address of it).
func (p *hugoPage) expand(pattern string) string {
	pattern = strings.ReplaceAll(pattern, `\:`, "\x00")
	out := permalinkToken.ReplaceAllStringFunc(pattern, func(tok string) string { return p.token(tok[1:]) })
	return strings.ReplaceAll(out, "\x00", ":")
}

// address is the page's Hugo address from raw (its expanded permalink, or
// its folder and name), under prefix (/<language>, or ""), as Hugo writes
// it: the home page at /; with uglyURLs, other pages at a file
// (/posts/a.html, /posts.html), otherwise at a folder (/posts/a/, even
// from /:slug.html); every part made a path of (urlize), as Hugo does to
// the whole address.
func (p *hugoPage) address(prefix, raw string, ugly bool) string {
	t := strings.Trim(path.Clean("/"+raw), "/")
	addr := "/"
	switch {
	case p.kind == "home" || t == "":
	case ugly:
		addr = "/" + t + ".html"
	default:
		addr = "/" + t + "/"
	}
	if prefix != "" {
		addr = strings.TrimSuffix(path.Clean("/"+prefix), "/") + addr
	}
	// Making a path of it may leave an empty part ("/!/"): cleaned away.
	u := path.Clean(p.urlize(addr))
	if u != "/" && strings.HasSuffix(addr, "/") {
		u += "/"
	}
	return u
}

func (p *hugoPage) token(name string) string {
	d := p.date
	switch name {
	case "section", "sections", "sectionslug", "sectionslugs", "title", "slug", "slugorfilename", "filename", "contentbasename", "slugorcontentbasename":
	default:
		if !strings.HasPrefix(name, "sections") {
			p.usedDate = true
		}
	}
	switch name {
	case "year":
		return strconv.Itoa(d.Year())
	case "month":
		return fmt.Sprintf("%02d", int(d.Month()))
	case "monthname":
		return d.Month().String()
	case "day":
		return fmt.Sprintf("%02d", d.Day())
	case "weekday":
		return strconv.Itoa(int(d.Weekday()))
	case "weekdayname":
		return d.Weekday().String()
	case "yearday":
		return strconv.Itoa(d.YearDay())
	case "section":
		if len(p.sections) == 0 {
			return ""
		}
		return p.sections[0]
	case "sections":
		return strings.Join(p.sections, "/")
	case "sectionslug":
		if len(p.sectionSlugs) == 0 {
			return ""
		}
		return p.sectionSlugs[0]
	case "sectionslugs":
		return strings.Join(p.sectionSlugs, "/")
	case "title":
		return p.urlize(p.title)
	case "slug":
		if p.slug != "" {
			return p.urlize(p.slug)
		}
		return p.urlize(p.title)
	case "slugorfilename":
		if p.slug != "" {
			return p.urlize(p.slug)
		}
		return p.urlize(p.name)
	case "filename":
		return p.urlize(p.name)
	case "contentbasename":
		return p.urlize(p.base)
	case "slugorcontentbasename":
		if p.slug != "" {
			return p.urlize(p.slug)
		}
		return p.urlize(p.base)
	}
	if cut, ok := strings.CutPrefix(name, "sectionslugs"); ok {
		return strings.Join(sliceSections(p.sectionSlugs, cut), "/")
	}
	if cut, ok := strings.CutPrefix(name, "sections"); ok {
		return strings.Join(sliceSections(p.sections, cut), "/")
	}
	return d.Format(name)
}

// sliceSections is the part of the sections a slice such as [1:], [:2],
// [0] or [last] names; out of range, it is empty (Hugo never fails here).
func sliceSections(s []string, cut string) []string {
	cut = strings.ToLower(strings.TrimSpace(cut))
	if len(cut) < 3 || cut[0] != '[' || cut[len(cut)-1] != ']' || len(s) == 0 {
		return nil
	}
	index := func(t string, low bool) int {
		switch {
		case t == "" && low:
			return 0
		case t == "":
			return len(s)
		case t == "last":
			return len(s) - 1
		}
		n, _ := strconv.Atoi(t)
		n = max(n, 0)
		if n >= len(s) {
			if low {
				return -1
			}
			return len(s)
		}
		return n
	}
	in := cut[1 : len(cut)-1]
	lo, hi, two := strings.Cut(in, ":")
	if !two {
		if n := index(lo, true); n >= 0 {
			return s[n : n+1]
		}
		return nil
	}
	a, b := index(lo, true), index(hi, false)
	if a < 0 || b < 0 || a > b {
		return nil
	}
	return s[a:b]
}

// hugoDateSources are where Hugo takes a page's date from, in order, when
// the configuration does not say (frontmatter.date).
var hugoDateSources = []string{"date", "publishdate", "pubdate", "published", "lastmod", "modified"}

// readDateSources reads frontmatter.date, the sources of a page's date in
// Hugo's order: front matter keys, :default (Hugo's own list), :filename
// (a name such as 2024-03-05-slug.md), :git and :filemodtime (which the
// import cannot read: noted, and a page whose date would come from them
// gets no alias from a date pattern). nil is Hugo's default.
func readDateSources(e *entry, note func(pos, string, ...any)) []string {
	d := e.valOrNil().get("date")
	if d == nil {
		return nil
	}
	var items []*node
	switch d.val.kind {
	case scalar:
		items = []*node{d.val}
	case list:
		items = d.val.items
	default:
		return nil
	}
	var out []string
	for _, it := range items {
		if it.kind != scalar {
			continue
		}
		s := strings.ToLower(strings.TrimSpace(it.text))
		switch s {
		case ":default":
			out = append(out, hugoDateSources...)
			continue
		case ":git", ":filemodtime":
			note(it.pos, "frontmatter.date: %s is not read by the import: a page whose date Hugo took from it gets no alias from a pattern with a date", it.text)
		}
		out = append(out, s)
	}
	return out
}

// filenameDate matches a file name that starts with a date, as Hugo's
// :filename date source reads it: the rest is the page's slug.
var filenameDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-?(.*)$`)

// pageDate is the page's date from the sources (nil: Hugo's default), and
// the slug a :filename date gives a page without one. ok is false when
// the date would come from a source the import cannot read.
func pageDate(sources []string, fm content.FrontMatter, name string) (date time.Time, slug string, ok bool) {
	if sources == nil {
		sources = hugoDateSources
	}
	for _, s := range sources {
		var t time.Time
		switch s {
		case "date":
			t = fm.Date
		case "publishdate":
			t = fm.PublishDate
		case "lastmod":
			t = fm.Lastmod
		case ":filename":
			if m := filenameDate.FindStringSubmatch(name); m != nil {
				if d, err := time.Parse("2006-01-02", m[1]); err == nil {
					t, slug = d, m[2]
				}
			}
		case ":git", ":filemodtime":
			return time.Time{}, "", false
		default:
			t = paramDate(fm.Params[s])
		}
		if !t.IsZero() {
			return t, slug, true
		}
	}
	return time.Time{}, "", true
}

// paramDate reads a date kept among the page's params (pubdate,
// published, modified), or the zero time.
func paramDate(v any) time.Time {
	switch v := v.(type) {
	case time.Time:
		return v
	case string:
		// As a build reads a page's date.
		if t, ok := yamldoc.ParseDate(v); ok {
			return t
		}
	}
	return time.Time{}
}

// accented are the Latin letters whose canonical decomposition is a base
// letter and marks, by base letter: Hugo's removePathAccents leaves the
// marks out of addresses (café is cafe). Letters that do not decompose
// (ø, ł, đ, ß, æ) stay, as in Hugo.
var accented = map[rune]string{
	'A': "ÀÁÂÃÄÅĀĂĄ", 'a': "àáâãäåāăą", 'C': "ÇĆĈĊČ", 'c': "çćĉċč", 'D': "Ď", 'd': "ď",
	'E': "ÈÉÊËĒĔĖĘĚ", 'e': "èéêëēĕėęě", 'G': "ĜĞĠĢ", 'g': "ĝğġģ", 'H': "Ĥ", 'h': "ĥ",
	'I': "ÌÍÎÏĨĪĬĮİ", 'i': "ìíîïĩīĭį", 'J': "Ĵ", 'j': "ĵ", 'K': "Ķ", 'k': "ķ", 'L': "ĹĻĽ", 'l': "ĺļľ",
	'N': "ÑŃŅŇ", 'n': "ñńņň", 'O': "ÒÓÔÕÖŌŎŐ", 'o': "òóôõöōŏő", 'R': "ŔŖŘ", 'r': "ŕŗř",
	'S': "ŚŜŞŠ", 's': "śŝşš", 'T': "ŢŤ", 't': "ţť", 'U': "ÙÚÛÜŨŪŬŮŰŲ", 'u': "ùúûüũūŭůűų",
	'W': "Ŵ", 'w': "ŵ", 'Y': "ÝŶŸ", 'y': "ýÿŷ", 'Z': "ŹŻŽ", 'z': "źżž",
}

// unaccent maps each letter of accented to its base letter.
var unaccent = func() map[rune]rune {
	m := map[rune]rune{}
	for base, letters := range accented {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// removeAccents is s without the marks of its accented Latin letters, and
// without combining marks (Hugo's removePathAccents).
func removeAccents(s string) string {
	return strings.Map(func(r rune) rune {
		if b, ok := unaccent[r]; ok {
			return b
		}
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
}
