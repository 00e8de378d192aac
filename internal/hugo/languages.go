package hugo

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/i18n"
)

// A Hugo site in several languages lists them under languages, each with
// its settings (languageName, title, weight, contentDir, menus, params,
// languageDirection, disabled). The import turns the enabled ones into
// site.yaml's languages, the default language first (it lives at the
// site's root in both), the others in Hugo's order: by weight, languages
// without one last, then by code. A language with a content folder of its
// own (contentDir = "content/de") has it copied to content/<code>/, where
// mutual reads a language's own tree; translations by file name
// (about.de.md) are copied with the rest of the content as they are.

// hugoLang is one enabled language of the Hugo site.
type hugoLang struct {
	key    string // as written under languages
	code   string // mutual's code for it: the key, lowercased, as Hugo reads it
	node   *node  // its settings; nil for a default language not listed
	keyPos pos
	weight int
}

// siteLanguages are the Hugo site's enabled languages, the default first,
// or only the default when the site lists no other. Disabled languages
// (disabled = true, or named in disableLanguages) are left out with a note.
func siteLanguages(root *node, defaultLang string, note func(pos, string, ...any)) []hugoLang {
	disabled := map[string]pos{}
	if e := root.get("disableLanguages"); e != nil {
		switch e.val.kind {
		case list:
			for _, it := range e.val.items {
				if it.kind == scalar {
					disabled[strings.ToLower(it.text)] = it.pos
				}
			}
		case scalar:
			disabled[strings.ToLower(e.val.text)] = e.val.pos
		}
	}
	def := hugoLang{key: defaultLang, code: defaultLang}
	var others []hugoLang
	langs := root.get("languages")
	if langs != nil && langs.val.kind != table && langs.val.kind != null {
		note(langs.keyPos, "languages must be keys and values, one per language: left out")
	}
	for _, l := range langs.valOrNil().entriesOrNil() {
		code := strings.ToLower(l.key)
		if code == defaultLang {
			if l.val.kind == table {
				def.key, def.node, def.keyPos = l.key, l.val, l.keyPos
			}
			continue
		}
		if l.val.kind != table {
			note(l.keyPos, "languages.%s must be keys and values (languageName, title, weight...): left out", l.key)
			continue
		}
		if at, ok := disabled[code]; ok {
			note(at, "%s", disabledNote(l.key, code))
			continue
		}
		if e := l.val.get("disabled"); e != nil && e.val.kind == scalar && e.val.text == "true" {
			note(e.keyPos, "%s", disabledNote(l.key, code))
			continue
		}
		if _, err := i18n.ParseCode(code); err != nil {
			note(l.keyPos, "languages.%s: %v; mutual names a language by its code in file names and addresses (about.de.md, /de/), so this one is left out", l.key, err)
			continue
		}
		h := hugoLang{key: l.key, code: code, node: l.val, keyPos: l.keyPos}
		if e := l.val.get("weight"); e != nil && e.val.kind == scalar {
			n, err := strconv.Atoi(e.val.text)
			if err != nil {
				note(e.val.pos, "languages.%s.weight %q is not a whole number: taken as no weight", l.key, e.val.text)
			}
			h.weight = n
		}
		others = append(others, h)
	}
	// Hugo's order of languages: by weight, those without one last, then
	// by code.
	slices.SortStableFunc(others, func(a, b hugoLang) int {
		switch {
		case a.weight == b.weight:
			return cmp.Compare(a.code, b.code)
		case a.weight == 0:
			return 1
		case b.weight == 0:
			return -1
		}
		return cmp.Compare(a.weight, b.weight)
	})
	return append([]hugoLang{def}, others...)
}

// disabledNote says what becomes of a language disabled in Hugo.
func disabledNote(key, code string) string {
	return fmt.Sprintf("languages.%s is disabled in Hugo: left out of site.yaml's languages; its pages (such as about.%s.md) are copied, and mutual check names each: add the code %q to languages to publish them in that language, or delete them", key, code, code)
}

func (e *entry) valOrNil() *node {
	if e == nil {
		return nil
	}
	return e.val
}

// langConfig is one language of site.yaml's languages.
type langConfig struct {
	Code, Name, Title, Description, Dir string
	Menu                                []menuItem
	// NameComment is written above the language when Hugo gave no name.
	NameComment string
}

// languageCodeNote says why a site with several languages drops Hugo's
// languageCode (key, its value) of the language code: mutual tags a
// language's pages with its code, which also names its files and addresses.
func languageCodeNote(key, value, code string) string {
	return fmt.Sprintf("%s %q: on a site with several languages, mutual marks each language's pages with the code that names its files (about.%s.md), lang=%q here: the rest of %q is left out", key, value, code, code, value)
}

// languageKeysUsed are the keys of a language's settings the import reads
// (params only for its description).
var languageKeysUsed = []string{"title", "languagename", "label", "languagedirection", "weight", "contentdir", "menus", "params", "disabled", "languagecode", "locale", "permalinks", "description"}

// convertLanguage turns the settings of one language into site.yaml's
// entry for it. For the default language only the code and name are
// written there: its title, description and menu are the site's own.
// langIndex resolves the pageRefs of the language's menu.
func convertLanguage(l hugoLang, isDefault bool, langIndex map[string]string, note func(pos, string, ...any)) langConfig {
	text := func(key string) (string, *entry) {
		e := l.node.get(key)
		if e == nil || e.val.kind != scalar {
			return "", e
		}
		return e.val.text, e
	}
	c := langConfig{Code: l.code}
	if s, _ := text("languageName"); strings.TrimSpace(s) != "" {
		c.Name = s
	} else if s, _ := text("label"); strings.TrimSpace(s) != "" {
		c.Name = s
	} else {
		code, _ := i18n.ParseCode(l.code)
		c.Name = code.EnglishName()
		if strings.HasPrefix(c.Name, "language ") {
			c.Name = l.code
		}
		c.NameComment = "Hugo's configuration gives this language no languageName: write its name as the language switcher shows it."
	}
	switch s, e := text("languageDirection"); s {
	case "":
	case "rtl", "ltr":
		c.Dir = s
	default:
		note(e.val.pos, "languages.%s.languageDirection must be rtl or ltr, not %q: left out", l.key, s)
	}
	if s, e := text("languageCode"); s != "" && !strings.EqualFold(s, l.code) {
		note(e.keyPos, "%s", languageCodeNote("languages."+l.key+".languageCode", s, l.code))
	}
	if isDefault {
		return c
	}
	if s, _ := text("title"); strings.TrimSpace(s) != "" {
		c.Title = s
	}
	if s, _ := text("description"); strings.TrimSpace(s) != "" {
		c.Description = s // Hugo's newer place for it; params.description wins
	}
	if params := l.node.get("params"); params != nil && params.val.kind == table {
		for _, p := range params.val.entries {
			if strings.EqualFold(p.key, "description") && p.val.kind == scalar {
				c.Description = p.val.text
				continue
			}
			note(p.keyPos, "languages.%s.params.%s: a mutual site has one set of params, the default language's: left out", l.key, p.key)
		}
	}
	if menus := l.node.value("menus"); menus != nil && menus.kind == table {
		for _, m := range menus.entries {
			if !strings.EqualFold(m.key, "main") {
				note(m.keyPos, "languages.%s.menus.%s: a mutual site has one menu, the main one; this one is left out", l.key, m.key)
				continue
			}
			c.Menu = convertMenu(m, langIndex, note)
		}
	}
	return c
}

// noteLanguageKeys names the settings of a language the import does not
// convert, with why.
func noteLanguageKeys(l hugoLang, note func(pos, string, ...any)) {
	for _, e := range l.node.entriesOrNil() {
		if slices.Contains(languageKeysUsed, strings.ToLower(e.key)) {
			continue
		}
		if k := strings.ToLower(e.key); k == "pagination" || k == "paginate" {
			note(e.keyPos, "languages.%s.%s: a mutual site's paginate is one for every language (the default language's); a section's %s may set its own", l.key, e.key, "_index."+l.code+".md")
			continue
		}
		note(e.keyPos, "languages.%s.%s: %s", l.key, e.key, why(e.key))
	}
}

// languageIndex is the index of content files that a language's menu
// entries resolve against: the language's own tree (content/<code>/, its
// paths without that folder, written back with it) over the files of the
// default language's folder, which mutual's menus lead to that language's
// version of.
func languageIndex(index map[string]string, code string, codes []string) map[string]string {
	out := map[string]string{}
	for low, f := range index {
		first, _, _ := strings.Cut(low, "/")
		if slices.Contains(codes, first) {
			continue // another language's tree, or this one's (below)
		}
		out[low] = f
	}
	prefix := code + "/"
	for low, f := range index {
		if rest, ok := strings.CutPrefix(low, prefix); ok && rest != "" {
			out[rest] = f
		}
	}
	return out
}

// langFolder is a language's own content folder and where it is copied.
type langFolder struct {
	code string
	dir  folder
	to   string // content/<code>
}

// languageFolders are the content folders of the languages after the
// first that have one of their own (contentDir), other than the default
// language's.
func languageFolders(langs []hugoLang, contentDir folder) []langFolder {
	var out []langFolder
	for _, l := range langs[1:] {
		e := l.node.get("contentDir")
		if e == nil || e.val.kind != scalar || strings.TrimSpace(e.val.text) == "" {
			continue
		}
		if path.Clean(e.val.text) == path.Clean(contentDir.path) {
			continue
		}
		out = append(out, langFolder{code: l.code, dir: folder{path: e.val.text, at: e.keyPos}, to: "content/" + l.code})
	}
	return out
}

// nestedIn is the path of dir inside parent ("de" for content/de in
// content), or false when dir is not inside it.
func nestedIn(dir, parent string) (string, bool) {
	d, p := path.Clean(dir), path.Clean(parent)
	rest, ok := strings.CutPrefix(d, p+"/")
	return rest, ok && rest != ""
}

// defaultLangCode is the site's default language (defaultContentLanguage,
// en by default), lowercased as Hugo reads it.
func defaultLangCode(root *node) string {
	if e := root.get("defaultContentLanguage"); e != nil && e.val.kind == scalar && strings.TrimSpace(e.val.text) != "" {
		return strings.ToLower(e.val.text)
	}
	return "en"
}
