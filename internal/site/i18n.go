package site

import (
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/markdown"
	"mutual/internal/render"
	"mutual/internal/search"
	"mutual/internal/theme"
)

// Languages: how a site's languages reach its pages.
//
// content makes one tree of pages per language (content.Tree: a site
// without languages has one); here each gets a language: its translator
// (the interface texts of the site's i18n/ and its theme chain), the
// template functions bound to it (T, plurals, date, textLang, textDir),
// its own copy of the layouts (theme.Templates.With: partialCached keeps
// one cache per language), and its Site (title, description, menu, help and feed in
// that language). A page runs its language's layouts with its language's
// Site; its data adds the language switcher (Page.Translations), the
// hreflang links of its versions, and marks what is shown in the default
// language because it has no translation yet (Page.Fallback, Entry.Lang).

// language is one language of the site as its pages see it.
type language struct {
	index int
	code  i18n.Code
	name  string // as the switcher shows it
	dir   i18n.Dir
	// defaultCode and defaultDir are the default language's code and
	// direction, for the texts this language shows in it (mark).
	defaultCode i18n.Code
	defaultDir  i18n.Dir
	tree        *content.Tree
	tr          *i18n.Translator
	plain       map[string]any   // its texts without plural forms or placeholders, resolved once (t)
	funcs       template.FuncMap // T, i18n, plurals, date, textLang and textDir
	site        *Site
	templates   *theme.Templates
	// fallbackFuncs and fallbackTemplates are funcs and templates for the
	// pages the language shows untranslated (tOnFallback); nil for the
	// default language, and for a language without such pages.
	fallbackFuncs     template.FuncMap
	fallbackTemplates *theme.Templates
	// defaultName names the default language in this language's words
	// (Entry.LangName): the interface text language.name.<code> of the
	// default language's code, or else its name in site.yaml.
	defaultName string
	// ready holds the words of the ready-made parts for the language's
	// own pages and for those it shows untranslated (readyTexts).
	ready [2]struct {
		once  sync.Once
		texts readyTexts
	}
}

// newLanguages makes the languages of cfg's site, one per tree of m.
func newLanguages(cfg *content.Config, m *content.Model, trs *i18n.Translations) []*language {
	codes := cfg.Langs()
	out := make([]*language, len(m.Trees))
	for i, t := range m.Trees {
		l := &language{index: i, code: codes[i], tree: t, dir: codes[i].Direction()}
		if i < len(cfg.Languages) {
			l.name, l.dir = cfg.Languages[i].Name, cfg.Languages[i].Direction()
		}
		l.tr = trs.For(l.code)
		l.defaultCode, l.defaultDir = codes[0], codes[0].Direction()
		if len(cfg.Languages) > 0 {
			l.defaultDir = cfg.Languages[0].Direction()
		}
		l.plain = map[string]any{}
		for _, key := range trs.Originals() {
			msg, _, ok := trs.Lookup(l.code, key)
			if !ok || msg.Plural() || len(msg.Placeholders()) > 0 {
				continue
			}
			if v, err := l.t(key, nil); err == nil {
				l.plain[key] = v
			}
		}
		if len(cfg.Languages) > 0 {
			l.defaultName = cfg.Languages[0].Name
		}
		if msg, _, ok := trs.Lookup(l.code, "language.name."+string(codes[0])); ok && !msg.Plural() && len(msg.Placeholders()) == 0 {
			if s, err := l.tr.T("language.name." + string(codes[0])); err == nil {
				l.defaultName = s
			}
		}
		// i18n is Hugo's name for T, so that layouts written for Hugo
		// work; as in Hugo it gives plain text, never marked (see t).
		l.funcs = template.FuncMap{"T": l.t, "i18n": l.tr.T, "plurals": l.tr.Forms, "date": l.tr.Date, "textLang": l.textLangOf, "textDir": l.textDirOf}
		if i > 0 {
			l.fallbackFuncs = template.FuncMap{"T": l.tOnFallback, "i18n": l.tr.T, "plurals": l.tr.Forms, "date": l.dateOnFallback, "textLang": l.textLangOnFallback, "textDir": l.textDirOf}
		}
		out[i] = l
	}
	return out
}

// t is the template function T: the interface text of key in the
// language. A text the language lacks, shown in the default language,
// comes marked with that language, as HTML: <span lang="en">...</span>
// (with dir when the directions differ), its text escaped, so that a
// screen reader reads it with the right voice. html/template writes it
// as it is in an element's content and drops the span (keeping the
// escaped text) in an attribute's value, so T stays safe in both; in
// <title>, <textarea>, a URL or a script, or through print, a layout
// wants i18n, which is never marked. A text without arguments comes from
// the texts resolved once (plain), so that a layout's words cost a map
// lookup; newLanguages fills plain by calling t with one nil argument.
func (l *language) t(key string, args ...any) (any, error) {
	if len(args) == 0 {
		if v, ok := l.plain[key]; ok {
			return v, nil
		}
	}
	if len(args) == 1 && args[0] == nil {
		args = nil
	}
	s, from, err := l.tr.Text(key, args...)
	if err != nil || from == "" {
		return s, err
	}
	return l.mark(s, from), nil
}

// tOnFallback is T on a page the language shows untranslated, whose own
// texts are the default language's (base.html marks them with its lang):
// every interface text is marked with its language, the page's own
// (lang="es") as much as one it lacks (lang="en"), so that the words of
// the interface around and inside the untranslated text are read in
// their own voice.
func (l *language) tOnFallback(key string, args ...any) (any, error) {
	s, from, err := l.tr.Text(key, args...)
	if err != nil {
		return s, err
	}
	if from == "" {
		return l.own(s), nil
	}
	return l.mark(s, from), nil
}

// dateOnFallback is date on a page the language shows untranslated: the
// date in the language's words, marked as such (see tOnFallback).
func (l *language) dateOnFallback(t time.Time) template.HTML { return l.own(l.tr.Date(t)) }

// own is s, a text in the language, marked as being in it.
func (l *language) own(s string) template.HTML {
	return template.HTML(`<span lang="` + template.HTMLEscapeString(string(l.code)) + `">` + template.HTMLEscapeString(s) + `</span>`)
}

// mark is s, a text in language from, marked as being in it.
func (l *language) mark(s string, from i18n.Code) template.HTML {
	dir := ""
	if d := l.dirOf(from); d != l.dir {
		dir = ` dir="` + string(d) + `"`
	}
	return template.HTML(`<span lang="` + template.HTMLEscapeString(string(from)) + `"` + dir + `>` + template.HTMLEscapeString(s) + `</span>`)
}

// dirOf is the direction of language from's texts on this language's
// pages: the default language's as site.yaml gives it, else the code's.
func (l *language) dirOf(from i18n.Code) i18n.Dir {
	if from == l.defaultCode {
		return l.defaultDir
	}
	return from.Direction() // i18n.Source's
}

// textLangOf is the template function textLang: the language of key's
// text, as T would show it, when it is not the page's (the default
// language's code for a text the language lacks), else "". It is what
// T's mark says, for the places a mark cannot go: an attribute's value.
// A layout that hands texts to scripts in attributes gives each one a
// companion attribute with the text's language only where it has one,
//
//	data-text-ready="{{T "worksheet.ready"}}"{{with textLang "worksheet.ready"}} data-text-ready-lang="{{.}}"{{end}}
//
// so that a fully translated page carries none, and the script marks the
// element it writes the text into (lang). The key alone is enough: the
// values that fill a text's placeholders do not change its language, nor
// does the count of a plural message (plurals's forms).
func (l *language) textLangOf(key string) string { return string(l.tr.From(key)) }

// textLangOnFallback is textLang on a page the language shows
// untranslated, whose main part is in the default language (see
// tOnFallback): every text has a language there, the page's own ("es")
// as much as the default language's.
func (l *language) textLangOnFallback(key string) string {
	if from := l.tr.From(key); from != "" {
		return string(from)
	}
	return string(l.code)
}

// textDirOf is the template function textDir: the direction of key's
// text ("ltr", "rtl") when it is not the page's, else "". A text in the
// default language of a site whose languages run both ways has one (an
// English text on an Arabic page: "ltr"); a text in the page's own
// language never does. Its companion attribute is data-text-*-dir.
func (l *language) textDirOf(key string) string {
	from := l.tr.From(key)
	if from == "" {
		return ""
	}
	if d := l.dirOf(from); d != l.dir {
		return string(d)
	}
	return ""
}

// text is the interface text of key, for Go code; with values as T takes
// them. A mistake in the values (a bug) shows the key.
func (l *language) text(key string, args ...any) string {
	s, err := l.tr.T(key, args...)
	if err != nil {
		return key
	}
	return s
}

// textLang is text, and the language of the text when it is not this
// language (a text it lacks, in the default language), else "".
func (l *language) textLang(key string, args ...any) (string, string) {
	s, from, err := l.tr.Text(key, args...)
	if err != nil {
		return key, ""
	}
	return s, string(from)
}

// dirAttr is a direction as the theme's dir attributes take it: "rtl", or
// "" for left to right, HTML's default.
func dirAttr(d i18n.Dir) string {
	if d == i18n.RTL {
		return string(d)
	}
	return ""
}

// titlePages names the pages mutual makes itself in the language: the
// tags page, the 404 page and the search page take their titles from the
// interface texts (titleKeys; Page.TitleLang marks one the language
// lacks).
func (l *language) titlePages() {
	for _, n := range l.tree.Nodes {
		if key := titleKeys[n.Kind]; key != "" {
			n.Title = l.text(key)
		}
	}
}

// siteData is the Site the language's pages share: the configuration
// (with the language's own title, description, menu and help when it has
// them), the menu with its links resolved and the help block rendered.
// It returns the help's links to headings, and the errors and warnings of
// both. A language that shows the site's own menu or help resolves their
// links to its own pages, and leaves their errors to the default
// language, which reports them once.
func (l *language) siteData(cfg *content.Config, res *content.Resolver, md *markdown.Markdown) (*Site, []content.LinkRef, diag.List, diag.List) {
	var errs, warns diag.List
	var links []content.LinkRef
	s := &Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     cfg.BaseURL,
		Language:    cfg.Language,
		FeedURL:     cfg.BasePath() + l.tree.Prefix + "feed.xml",
		Home:        cfg.BasePath() + l.tree.Prefix,
		Generator:   "mutual " + Version,
		Dir:         dirAttr(l.dir),
		Params:      cfg.Params,
		// The policy's img-src: site.yaml's allowOrigins.
		AllowOrigins: cfg.AllowOrigins,
	}
	if l.index > 0 {
		s.Language = string(l.code)
	}
	// Each language searches its own pages (see Site.SearchIndex).
	if searchOn(cfg) {
		if lang, err := search.LangFolder(langTag(cfg, l.tree)); err == nil {
			s.SearchIndex = cfg.BasePath() + searchDir + lang + "/"
			s.SearchURL = cfg.BasePath() + l.tree.Prefix + searchDir
		}
	}
	menu, help := cfg.Menu, cfg.Help
	helpLine, helpCol, helpIndent := cfg.HelpLine, cfg.HelpCol, cfg.HelpIndent
	ownMenu, ownHelp := l.index == 0, l.index == 0
	if l.index < len(cfg.Languages) {
		lc := &cfg.Languages[l.index]
		if lc.Title != "" {
			s.Title = lc.Title
		}
		if lc.Description != "" {
			s.Description = lc.Description
		}
		if lc.HasMenu {
			menu, ownMenu = lc.Menu, true
		}
		if lc.Help != "" {
			help, helpLine, helpCol, helpIndent, ownHelp = lc.Help, lc.HelpLine, lc.HelpCol, lc.HelpIndent, true
		}
	}
	var weights []int
	for _, e := range menu {
		u, _, _, msg := res.In(l.tree, !ownMenu).Resolve("site.yaml", e.URL)
		if msg != "" {
			if ownMenu {
				errs.Add(cfg.Path, e.Line, e.Col, "menu entry %q: %s", e.Name, msg)
			}
			continue
		}
		s.Menu = append(s.Menu, MenuItem{Name: e.Name, URL: u})
		weights = append(weights, e.Weight)
	}
	// Pages put themselves in the menu of their language.
	s.Menu = withPageMenus(s.Menu, weights, menuPages(res.Model, l, !ownMenu || l.index == 0), res)
	if help != "" {
		var herrs, hwarns diag.List
		var hlinks []content.LinkRef
		s.Help, hlinks, herrs, hwarns = render.Markdown(md, help, "site.yaml", cfg.Path, helpLine, helpCol, helpIndent, res.In(l.tree, !ownHelp))
		if ownHelp {
			links, errs, warns = hlinks, append(errs, herrs...), hwarns
		}
	}
	return s, links, errs, warns
}

// translations are the switcher's entries for n, and the hreflang links
// of its versions (none when fewer than two languages have one of their
// own, ownPage). v records the pages it shows.
func (v *pageView) translations(n *content.Node) ([]Translation, []render.Alternate) {
	if len(v.langs) < 2 {
		return nil, nil
	}
	versions := v.model.Versions(n)
	site := v.cfg.Origin() + v.basePath
	out := make([]Translation, len(v.langs))
	var alts []render.Alternate
	for i, l := range v.langs {
		t := Translation{Lang: string(l.code), Name: l.name, Dir: dirAttr(l.dir), Current: i == n.Tree.Index}
		x := versions[i]
		same := true
		if t.Current {
			x = n // a page of one language only (the search page)
		} else if x == nil && n.First != nil {
			// A page of a cut list that the language's list is too
			// short to have: the list's first page there.
			x, same = v.model.Versions(n.First)[i], false
		}
		if x != nil && same && ownPage(x) {
			v.show(x)
			alts = append(alts, render.Alternate{Lang: string(l.code), URL: site + x.Href})
		}
		if x != nil && (!x.Fallback || t.Current) {
			v.show(x)
			t.URL = v.basePath + x.Href
		} else {
			home := l.tree.Home
			v.show(home)
			t.URL, t.HomeOnly = v.basePath+home.Href, true
			t.HomeOnlyNote, t.HomeOnlyNoteLang = l.textLang("language.home-only")
		}
		out[i] = t
	}
	if len(alts) < 2 || !ownPage(n) {
		return out, nil
	}
	if d := versions[0]; d != nil && !d.Fallback {
		alts = append(alts, render.Alternate{Lang: "x-default", URL: site + d.Href})
	}
	return out, alts
}

// ownPage reports whether n is its language's own page for search
// engines: a translated page, or a home or section page shown
// untranslated, which lists the language's own pages and so is its own
// canonical page and in the sitemap (render.Sitemap), while a guide or
// worksheet shown untranslated names the original as canonical.
func ownPage(n *content.Node) bool {
	return !n.Fallback || n.Kind == "home" || n.Kind == "section"
}

// alternates are n's versions for the sitemap: as its hreflang links.
func (w *world) alternates(n *content.Node) []render.Alternate {
	v := &pageView{world: w}
	_, alts := v.translations(n)
	return alts
}

// redirectWords are what an alias's redirect page says, in the language
// of the page it leads to.
func (l *language) redirectWords() render.RedirectWords {
	const mark = "\x00"
	sentence, from := l.textLang("redirect.moved", "page", mark)
	before, after, _ := strings.Cut(sentence, mark)
	w := render.RedirectWords{Lang: string(l.code), Dir: dirAttr(l.dir), Title: l.text("redirect.title"), Before: before, After: after}
	if from != "" {
		// The language lacks the words: the page is in the default
		// language's.
		w.Lang, w.Dir = from, dirAttr(l.defaultDir)
	}
	return w
}

// coverage is how far each language but the default has come (see
// i18n.CoverageOf): pages and worksheets translated, interface keys
// missing, translations older than their originals (by lastmod, else the
// file's time), pairs made by translationKey counted as the model makes
// them; the keys strayKeys warns of count nowhere. Drafts count only when drafts are built. A site in one
// language has none.
func coverage(cfg *content.Config, m *content.Model, srcs []*content.Source, drafts bool, trs *i18n.Translations, stray map[string]bool) ([]i18n.Coverage, error) {
	if len(cfg.Languages) < 2 {
		return nil, nil
	}
	var docs []i18n.Doc
	for _, s := range srcs {
		d := i18n.Doc{Path: s.Rel, Modified: s.Mod, FileTime: true}
		if m != nil && m.Base(s.Rel) != s.Rel {
			if own, _, err := i18n.SplitPath(s.Rel, cfg.Langs()); err == nil && own != m.Base(s.Rel) {
				d.Original = m.Base(s.Rel) // paired by translationKey
			}
		}
		switch s.Kind {
		case content.PageSource, content.IndexSource:
			if s.FrontMatter.Draft && !drafts {
				continue
			}
			if !s.FrontMatter.Lastmod.IsZero() {
				d.Modified, d.FileTime = s.FrontMatter.Lastmod, false
			}
		case content.WorksheetSource:
			if s.Worksheet == nil || s.Worksheet.Draft && !drafts {
				continue
			}
			d.Worksheet = true
			d.OutOfStep = m != nil && m.OutOfStep[s.Rel]
		default:
			continue
		}
		docs = append(docs, d)
	}
	// A key strayKeys warns of is a mistake, not a text to translate.
	missing := func(c i18n.Code) []string {
		return slices.DeleteFunc(trs.MissingKeys(c), func(k string) bool { return stray[k] })
	}
	return i18n.CoverageOf(cfg.Langs(), docs, "content", missing)
}

// hasFallbacks reports that the language shows a page untranslated.
func (l *language) hasFallbacks() bool {
	for _, n := range l.tree.Nodes {
		if n.Fallback {
			return true
		}
	}
	return false
}

// templatesFor are the layouts n renders with: the fallback ones for a
// page the language shows untranslated (see tOnFallback).
func (l *language) templatesFor(n *content.Node) *theme.Templates {
	if n.Fallback && l.fallbackTemplates != nil {
		return l.fallbackTemplates
	}
	return l.templates
}

// missingKeys are the keys the layouts of this build asked T for that no
// translation has, and, while the layouts and translations are the same
// as the last build's (the memo's site key), those the pages it kept asked
// for then; the Builder remembers them for the next build.
func (b *Builder) missingKeys(langs []*language, site string) map[string]bool {
	missing := map[string]bool{}
	for _, l := range langs {
		if l.tr != nil {
			for _, k := range l.tr.NotFound() {
				missing[k] = true
			}
		}
	}
	if site != "" && b.tMissingSite == site {
		for k := range b.tMissing {
			missing[k] = true
		}
	}
	b.tMissing, b.tMissingSite = missing, site
	return missing
}

// unknownKeys warns of each missing key, one a layout asked T (or plurals)
// for that no translation file has: the pages show the key itself. The
// warning is at the first layout that holds the key in quotes, with a
// hint. A rebuild's missing keys include those of the pages it kept
// (Builder.tMissing), so that it warns as a full build would.
func unknownKeys(missing map[string]bool, ts *theme.Templates, trs *i18n.Translations) diag.List {
	var warns diag.List
	var originals []string
	if trs != nil {
		originals = trs.KnownKeys()
	}
	for _, key := range slices.Sorted(maps.Keys(missing)) {
		if trs != nil && trs.BrokenOriginal(key) {
			// Its original text has a mistake, an error in its file:
			// "no translation file has the key" would be wrong.
			continue
		}
		p, line, col, ok := ts.Locate(strconv.Quote(key))
		if !ok {
			p = "themes"
		}
		warns.Add(p, line, col, "no translation file has the key %q%s, so the pages show the key itself", key, diag.Hint(key, originals))
	}
	return warns
}

// notAt is warns without those at the place of one of errs: a key of
// another language's file that the default language lacks is an error
// there (i18n's check), and the stray key's warning at the same place
// would name the same mistake a second time.
func notAt(warns, errs diag.List) diag.List {
	if len(errs) == 0 {
		return warns
	}
	type at struct {
		path      string
		line, col int
	}
	taken := map[at]bool{}
	for _, e := range errs {
		taken[at{e.Path, e.Line, e.Col}] = true
	}
	return slices.DeleteFunc(warns, func(w *diag.Error) bool { return taken[at{w.Path, w.Line, w.Col}] })
}

// strayKeys warns of each key that only the site's own translation files
// (i18n/), or only a theme's over the themes it extends, define, that no
// layout names, and that is a letter or two from a key below it (the
// default theme's, say): a misspelt key (pager.nxt for pager.next, in the
// site's i18n/ or in themes/brand/i18n/) overrides nothing, and the pages
// go on showing the text below. A key like no key below is taken as
// meant, for a layout that makes its keys. The keys warned of are
// returned too: no language counts them as missing (coverage).
func strayKeys(ts *theme.Templates, trs *i18n.Translations) (diag.List, map[string]bool) {
	if trs == nil {
		return nil, nil
	}
	var warns diag.List
	stray := map[string]bool{}
	for _, d := range trs.Added() {
		if _, _, _, named := ts.Locate(strconv.Quote(d.Key)); named {
			continue
		}
		if hint := diag.Hint(d.Key, d.Below); hint != "" {
			warns.Add(d.Path, d.Line, d.Col, "no layout asks for the key %q%s: this text is never shown", d.Key, hint)
			stray[d.Key] = true
		}
	}
	return warns, stray
}
