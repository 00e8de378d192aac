package i18n

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"mutual/internal/diag"
)

// Check compares every message of every layer with its original, the
// default language's message it translates, and reports each difference
// at the message's line, sorted:
//
//   - a key the default language does not have (a typo, with a hint);
//   - plural forms where the original has none, or none where it has them;
//   - a plural form the language needs but lacks (with a count that needs
//     it), or one the language never uses;
//   - a placeholder the original does not have, or one it has that a form
//     leaves out. Only the zero, one and two forms may leave out {count},
//     since their words already say the number ("eine Minute"); every other
//     placeholder belongs in every form.
//
// The original of a default-language message in one layer is the message
// it overrides in the layers below; a default-language key no lower layer
// has is a new key, and is its own original. The original of a message in
// another language is the default language's in its own layer or the
// nearest below, else in the layers above. Missing keys are not problems
// here: they fall back to the default language and MissingKeys counts them.
//
// A translation that T could not show (plural forms where its original
// has none or the other way round, a placeholder its original does not
// have, which no layout gives a value) is reported here once and is then
// left out of every lookup: the pages show the text it would have
// replaced (the layer below, else the default language), rather than
// failing at every layout that asks for it with the same mistake again.
// New runs the check; Check returns its errors.
func (t *Translations) Check() diag.List { return slices.Clone(t.errs) }

// check is Check's work, and the messages it finds unusable.
func (t *Translations) check() (diag.List, map[*Message]bool) {
	var errs diag.List
	broken := map[*Message]bool{}
	for k, layer := range t.layers {
		for _, lang := range sortedCodes(layer) {
			cat := layer[lang]
			for _, key := range cat.Keys() {
				m := cat.Messages[key]
				path := m.Path
				if path == "" {
					path = cat.Path
				}
				ref, refLang, ok := t.original(k, lang, key)
				if !ok && !t.isDefault(lang) {
					if t.BrokenOriginal(key) {
						continue // its original has a mistake, reported in its file
					}
					errs.Add(path, m.Line, m.Col, "unknown key %q: %s has no such key%s", key, t.originalName(), diag.Hint(key, t.KnownKeys()))
					continue
				}
				checkForms(&errs, path, key, lang, m)
				if ok && !checkAgainst(&errs, path, key, lang, m, ref, refLang) {
					broken[m] = true
				}
			}
		}
	}
	errs.Sort()
	return errs, broken
}

// BrokenOriginal reports whether an original file (the default
// language's, or Source's) holds key in a message with a mistake, which
// ParseFile reported and left out of its catalog: the key exists, and a
// lookup of it that finds nothing needs no word of its own.
func (t *Translations) BrokenOriginal(key string) bool {
	for _, layer := range t.layers {
		for _, c := range t.originals() {
			if cat := layer[c]; cat != nil && cat.broken[key] {
				return true
			}
		}
	}
	return false
}

// isDefault reports whether lang is the default language or one of its
// parents (a site whose default is pt-BR may keep its texts in pt.yaml).
func (t *Translations) isDefault(lang Code) bool {
	for _, c := range t.def.Chain() {
		if c == lang {
			return true
		}
	}
	return false
}

// original is the default-language message that the message key of layer
// k in lang translates or overrides.
func (t *Translations) original(k int, lang Code, key string) (*Message, Code, bool) {
	if t.isDefault(lang) {
		sub := &Translations{def: t.def, layers: t.layers[k+1:]}
		if m, c, ok := sub.lookup(key, t.def.Chain()); ok {
			return m, c, true
		}
		// A default-language key no lower layer has is a new key, its own
		// original: Source does not hold it to its words.
		return nil, "", false
	}
	// A translation translates the original of its own layer and those
	// below: a site's en.yaml that changes the default theme's English
	// words does not make the default theme's de.yaml wrong.
	own := &Translations{def: t.def, layers: t.layers[k:]}
	if m, c, ok := own.lookup(key, t.def.Chain()); ok {
		return m, c, true
	}
	all := &Translations{def: t.def, layers: t.layers}
	if m, c, ok := all.lookup(key, t.def.Chain()); ok {
		return m, c, true
	}
	return all.lookup(key, t.originals())
}

// originalName names the language whose keys every translation has: the
// default language, or Source when no layer has a file for it.
func (t *Translations) originalName() string {
	if len(t.Keys(t.def)) == 0 {
		return Source.EnglishName()
	}
	return t.def.EnglishName()
}

func sortedCodes(l Layer) []Code {
	out := make([]Code, 0, len(l))
	for c := range l {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// checkForms holds a plural message to its language's categories.
func checkForms(errs *diag.List, path, key string, lang Code, m *Message) {
	if !m.Plural() {
		return
	}
	need := Categories(lang)
	for _, c := range need {
		if _, ok := m.Form(c); !ok {
			// Every category but Other (which the reader demands of every
			// plural message) has a whole-number example.
			n, _ := Example(lang, c)
			errs.Add(path, m.Line, m.Col, "%q lacks the %q form, which %s uses for counts such as %d", key, c.String(), lang.EnglishName(), n)
		}
	}
	for _, c := range m.Forms() {
		if !containsCategory(need, c) {
			line, col := m.position(c)
			errs.Add(path, line, col, "%q has a %q form, which %s does not use (its forms: %s)", key, c.String(), lang.EnglishName(), categoryList(need))
		}
	}
}

// checkAgainst holds a message to its original: plural or not, and the
// same placeholders. usable is false when a layout calling T as the
// original wants could not show the message.
func checkAgainst(errs *diag.List, path, key string, lang Code, m, ref *Message, refLang Code) (usable bool) {
	switch {
	case m.Plural() && !ref.Plural():
		errs.Add(path, m.Line, m.Col, "%q has plural forms, but its original in %s has none: write one text", key, refLang.EnglishName())
		return false
	case !m.Plural() && ref.Plural() && len(Categories(lang)) > 1:
		errs.Add(path, m.Line, m.Col, "%q needs plural forms in %s (%s), as its original in %s has them", key, lang.EnglishName(), categoryList(Categories(lang)), refLang.EnglishName())
		return false
	}
	usable = true
	want := ref.Placeholders()
	need := Categories(lang)
	for _, c := range m.Forms() {
		if m.Plural() && !containsCategory(need, c) {
			continue // checkForms reported the form itself
		}
		text, _ := m.Form(c)
		line, col := m.position(c)
		where := fmt.Sprintf("%q", key)
		if m.Plural() {
			where = fmt.Sprintf("the %q form of %q", c.String(), key)
		}
		// A misspelt placeholder is one mistake, not two: "{sektion}"
		// explains the missing {section}.
		explained := map[string]bool{}
		for _, name := range text.Placeholders() {
			if containsString(want, name) {
				continue
			}
			hint := ""
			if s := diag.Suggest(name, want); s != "" && !text.uses(s) {
				hint = fmt.Sprintf(" (did you mean {%s}?)", s)
				explained[s] = true
			}
			errs.Add(path, line, col, "%s uses {%s}, which its original does not have%s", where, name, hint)
			usable = false
		}
		for _, name := range want {
			if text.uses(name) || explained[name] || name == CountName && (c == Zero || c == One || c == Two) {
				continue
			}
			errs.Add(path, line, col, "%s leaves out {%s}, which its original has", where, name)
		}
	}
	return usable
}

func containsCategory(list []Category, c Category) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func categoryList(cs []Category) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.String()
	}
	return strings.Join(names, ", ")
}
