package content

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"mutual/internal/diag"

	"mutual/internal/i18n"
	"mutual/internal/worksheet"
	"mutual/internal/yamldoc"
)

// Language is one entry of site.yaml's languages: the first is the
// default language, whose pages live at the root of the site; each other
// one lives under /<code>/ (the code in lower case). Title, Description,
// Menu and Help replace the site's own for that language's pages; left
// out, the site's are used (a menu's entries then lead to that language's
// version of each page).
type Language struct {
	Code        i18n.Code
	Name        string   // as the language switcher shows it: "Deutsch"
	Dir         i18n.Dir // "" when not given: the code's own direction
	Title       string
	Description string
	Menu        []MenuEntry
	HasMenu     bool // menu: given (an empty one removes the menu)
	Help        string
	HelpLine    int // where the help text starts, as Config.HelpLine
	HelpCol     int
	HelpIndent  int
	Line, Col   int // where the entry starts
}

// Direction is the language's writing direction: its dir:, or the code's.
func (l *Language) Direction() i18n.Dir {
	return i18n.Language{Code: l.Code, Dir: l.Dir}.Direction()
}

// Prefix is the folder of the language's pages in the site: "" for the
// default language, "de/" for the others.
func (c *Config) Prefix(i int) string {
	if i == 0 || i >= len(c.Languages) {
		return ""
	}
	return strings.ToLower(string(c.Languages[i].Code)) + "/"
}

// Langs are the site's language codes, the default first: those of
// languages:, or the one of language: for a site without languages.
func (c *Config) Langs() []i18n.Code {
	if len(c.Languages) == 0 {
		return []i18n.Code{c.Lang}
	}
	out := make([]i18n.Code, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

var languageKeys = []string{"code", "name", "title", "description", "menu", "help", "dir"}

// parseLanguages reads site.yaml's languages: a list of entries with a
// code and a name, each code once.
func parseLanguages(d *yamldoc.Decoder, f yamldoc.Field) []Language {
	if f.Value.Kind != yamldoc.List {
		if f.Value.Kind != yamldoc.Null && f.Value.Kind != yamldoc.Refused {
			d.Errorf(f.Value, "languages must be a list of languages, each with a code and a name, such as - {code: en, name: English}")
		}
		return nil
	}
	var out []Language
	seen := map[i18n.Code]int{}
	for _, item := range f.Value.Content {
		l := Language{Line: item.Line, Col: item.Col}
		if item.Kind != yamldoc.Map {
			// One error for the entry, not also the reader's "must be
			// key: value pairs": languages: [en, es] is two mistakes.
			if item.Kind == yamldoc.Scalar {
				if c, err := i18n.ParseCode(item.Value); err == nil {
					d.Errorf(item, "each language is a code and a name, not a code alone: write - {code: %s, name: %s}", string(c), nameHint(c))
					continue
				}
			}
			if item.Kind != yamldoc.Refused {
				d.Errorf(item, "each language is a code and a name, such as {code: de, name: Deutsch}")
			}
			continue
		}
		var codeNode *yamldoc.Node
		for _, g := range d.Map(item, "language", languageKeys, nil) {
			switch g.Key.Value {
			case "code":
				s, ok := d.Text(g)
				if !ok {
					continue
				}
				codeNode = g.Value
				c, err := i18n.ParseCode(s)
				if err != nil {
					d.Errorf(g.Value, "%v", err)
					continue
				}
				l.Code = c
			case "name":
				l.Name, _ = d.Text(g)
			case "title":
				l.Title, _ = d.Text(g)
			case "description":
				l.Description, _ = d.Text(g)
			case "menu":
				l.HasMenu = true
				l.Menu = parseMenu(d, g)
			case "help":
				l.Help, _ = d.Text(g)
				l.HelpLine, l.HelpCol = g.Value.TextPos()
				l.HelpIndent = g.Value.TextIndent()
			case "dir":
				s, ok := d.Text(g)
				if !ok {
					continue
				}
				dir, err := i18n.ParseDir(s)
				if err != nil {
					d.Errorf(g.Value, "%v", err)
					continue
				}
				l.Dir = dir
			}
		}
		if codeNode == nil {
			d.Errorf(item, "a language needs a code, such as code: de")
			continue
		}
		if l.Code == "" {
			continue // reported
		}
		if l.Name == "" {
			d.Errorf(item, "language %q needs a name, as the language switcher shows it, such as name: %s", string(l.Code), nameHint(l.Code))
		}
		if first, dup := seen[l.Code]; dup {
			d.Errorf(codeNode, "language %q is listed twice (first at line %d)", string(l.Code), first)
			continue
		}
		seen[l.Code] = codeNode.Line
		out = append(out, l)
	}
	if len(f.Value.Content) == 0 {
		d.Errorf(f.Key, "languages is empty: list the site's languages, the default first, or remove it")
	}
	return out
}

// nameHint is an example name for a language's switcher entry.
func nameHint(c i18n.Code) string {
	if n := c.EnglishName(); !strings.HasPrefix(n, "\"") {
		return n
	}
	return "Deutsch"
}

// checkLanguages holds language: and languages: together: with both, the
// first of languages is the language.
func (c *Config) checkLanguages(d *yamldoc.Decoder, langNode *yamldoc.Node) {
	if len(c.Languages) == 0 || langNode == nil || c.Lang == "" {
		if len(c.Languages) > 0 {
			c.Lang = c.Languages[0].Code
			c.Language = string(c.Lang)
		}
		return
	}
	if first := c.Languages[0].Code; first != c.Lang {
		d.Errorf(langNode, "language: %s, but languages starts with %s: the first of languages is the site's default language, so remove language: or list %s first", string(c.Lang), string(first), string(c.Lang))
	}
	c.Lang = c.Languages[0].Code
	c.Language = string(c.Lang)
}

// languageMembers sorts the page sources of a site with languages into
// each language's tree. A file's language is its mark (SplitPath:
// guides/receiving.de.md, or content/de/guides/receiving.md); its page is
// the original's content path. Every language has a member for each page
// of the default language: its translation when there is one (published:
// not a draft, unless drafts are built), else the original itself, as a
// fallback. A translated worksheet is held to its original
// (worksheet.Translate): one that differs in what scores is a fallback
// too, its differences warnings, and is noted in m.OutOfStep. Pages only
// one language has are that language's.
func (m *Model) languageMembers(pages []*Source, drafts bool, cfg *Config) ([][]member, diag.List) {
	langs := cfg.Langs()
	var errs diag.List
	rels := make([]string, len(pages))
	bySrc := make(map[string]*Source, len(pages))
	for i, s := range pages {
		rels[i] = s.Rel
		bySrc[s.Rel] = s
	}
	versions, err := i18n.Group(rels, langs, "content")
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			errs = append(errs, list...)
		} else {
			errs.Add("content", 0, 0, "%v", err)
		}
	}
	own := m.pairByKey(versions, bySrc, langs)
	published := func(s *Source) bool {
		switch s.Kind {
		case WorksheetSource:
			return s.Worksheet != nil && (drafts || !s.Worksheet.Draft)
		default:
			return drafts || !s.FrontMatter.Draft
		}
	}
	members := make([][]member, len(langs))
	for _, base := range slices.Sorted(maps.Keys(versions)) {
		files := versions[base]
		orig := bySrc[files[langs[0]]] // nil when the default language has no such page
		for i, lang := range langs {
			rel, ok := files[lang]
			if !ok || i > 0 && !published(bySrc[rel]) && orig != nil && published(orig) {
				if i > 0 && orig != nil && published(orig) {
					members[i] = append(members[i], member{src: orig, rel: base, fallback: true, sheet: orig.Worksheet})
				}
				continue
			}
			s := bySrc[rel]
			if rel != base {
				m.bases[rel] = base
			}
			mb := member{src: s, rel: base, own: own[rel], sheet: s.Worksheet}
			if i > 0 && s.Kind == WorksheetSource && orig != nil && orig.Kind == WorksheetSource &&
				s.Worksheet != nil && orig.Worksheet != nil && len(s.Errs) == 0 && len(orig.Errs) == 0 {
				sheet, terrs := worksheet.Translate(orig.Worksheet, s.Worksheet)
				if len(terrs) > 0 {
					// Out of step with its original (which gained a
					// question, say): its language shows the original,
					// as for a missing translation, until they match.
					for _, e := range terrs {
						w := *e
						w.Msg += fmt.Sprintf(", so the %s page shows the original until they match", lang.EnglishName())
						m.Warnings = append(m.Warnings, &w)
					}
					m.OutOfStep[rel] = true
					members[i] = append(members[i], member{src: orig, rel: base, fallback: true, outOfStep: true, sheet: orig.Worksheet})
					continue
				}
				mb.sheet = sheet
			} else if s.Kind == WorksheetSource && s.Worksheet != nil && rel != base {
				// A worksheet of its own language: its slug is its page's.
				mb.sheet = s.Worksheet.WithSlug(path.Base(strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")))
			}
			members[i] = append(members[i], mb)
		}
	}
	return members, errs
}

// pairByKey pairs the pages that Hugo pairs by translationKey: a page of
// one language whose front matter has the key of a page of another
// language at another path in the same folder (posts/listening.md and
// de/posts/zuhoeren.md, or posts/zuhoeren.de.md) becomes that page's
// translation, as if it were named like it, and keeps the address its own
// name gives (/de/posts/zuhoeren/). The page a key pairs the others with is
// the default language's, else that of the first language that has one.
// It moves such pages in versions and returns, for each, the path its
// address comes from. What it cannot pair is a warning in m.Warnings,
// and the page stays a page of its own language: a key on two pages of
// one language, a page in another folder or a bundle (mutual keeps a
// language's tree in the original's folders), and a language that has a
// version of the page by its path already.
func (m *Model) pairByKey(versions i18n.Versions, bySrc map[string]*Source, langs []i18n.Code) map[string]string {
	type version struct {
		rel, base string
		lang      int
		src       *Source
	}
	byKey := map[string][]version{}
	var keys []string
	for base, files := range versions {
		for lang, rel := range files {
			s := bySrc[rel]
			if s == nil || s.Kind != PageSource || s.FrontMatter.TranslationKey == "" {
				continue
			}
			k := s.FrontMatter.TranslationKey
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], version{rel: rel, base: base, lang: slices.Index(langs, lang), src: s})
		}
	}
	slices.Sort(keys)
	own := map[string]string{}
	warn := func(v version, format string, args ...any) {
		p := v.src.FrontMatter.keyPos
		m.Warnings.Add(v.src.Path(), p.Line, p.Col, format, args...)
	}
	for _, k := range keys {
		vs := byKey[k]
		slices.SortFunc(vs, func(a, b version) int { return cmp.Or(cmp.Compare(a.lang, b.lang), cmp.Compare(a.rel, b.rel)) })
		anchor := vs[0]
		for i, v := range vs[1:] {
			if v.lang == vs[i].lang {
				warn(v, "translationKey %q is also on %s, a page in the same language: a key pairs one page per language, so this one is not paired", k, bySrc[vs[i].rel].Path())
				continue
			}
			if v.lang == anchor.lang || v.base == anchor.base {
				continue
			}
			switch {
			case path.Base(anchor.base) == "index.md" || path.Base(v.base) == "index.md":
				warn(v, "translationKey %q would make this the %s version of %s, but mutual pairs page bundles by their folder: give this bundle the folder name of that one (and a slug to keep its address)", k, langs[v.lang].EnglishName(), anchor.src.Path())
				continue
			case path.Dir(v.base) != path.Dir(anchor.base):
				warn(v, "translationKey %q would make this the %s version of %s, which is in another folder: mutual pairs translations in the same folder only, so move it there (with a slug or url to keep its address)", k, langs[v.lang].EnglishName(), anchor.src.Path())
				continue
			}
			if have, ok := versions[anchor.base][langs[v.lang]]; ok {
				warn(v, "translationKey %q would make this the %s version of %s, which has one already: %s", k, langs[v.lang].EnglishName(), anchor.src.Path(), bySrc[have].Path())
				continue
			}
			versions[anchor.base][langs[v.lang]] = v.rel
			delete(versions[v.base], langs[v.lang])
			if len(versions[v.base]) == 0 {
				delete(versions, v.base)
			}
			own[v.rel] = v.base
		}
	}
	m.Warnings.Sort()
	return own
}

// LanguageLookalikes warns about each page or worksheet file whose name
// ends in the code of a language mutual knows but the site does not have,
// such as receiving.fr.md on a site in English and Spanish. As documented,
// only the site's own codes count, so such a file is a page of its own,
// named "receiving.fr", in the default language: rarely what its writer
// meant, who forgot to add the language, or typed another's code.
func LanguageLookalikes(srcs []*Source, cfg *Config) diag.List {
	have := map[i18n.Code]bool{cfg.Lang: true}
	var codes []string
	for _, l := range cfg.Languages {
		have[l.Code] = true
		codes = append(codes, string(l.Code))
	}
	if len(codes) == 0 {
		codes = []string{string(cfg.Lang)}
	}
	var warns diag.List
	for _, s := range srcs {
		if s.Kind != PageSource && s.Kind != IndexSource && s.Kind != WorksheetSource {
			continue
		}
		name := path.Base(s.Rel)
		stem := strings.TrimSuffix(name, path.Ext(name))
		i := strings.LastIndex(stem, ".")
		if i < 0 {
			continue
		}
		code, err := i18n.ParseCode(stem[i+1:])
		if err != nil || have[code] || !i18n.Known(code) {
			continue
		}
		warns.Add(s.Path(), 0, 0, "%q is the code of %s, which is not one of the site's languages (%s): this file is a page of its own named %q; to make it a translation, add %s to languages: in site.yaml",
			stem[i+1:], code.EnglishName(), strings.Join(codes, ", "), stem, string(code))
	}
	return warns
}
