package i18n

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"mutual/internal/diag"
)

// Catalog is the messages of one language from one place: one file such
// as themes/default/i18n/de.yaml, or the same built by a caller.
type Catalog struct {
	Lang     Code
	Path     string // for errors, relative to the site: "i18n/de.yaml"
	Messages map[string]*Message
	// broken are the keys of the file whose messages had mistakes
	// (ParseFile reported them): they are in the file, not in Messages.
	broken map[string]bool
}

// Keys are the catalog's keys, sorted.
func (c *Catalog) Keys() []string {
	out := make([]string, 0, len(c.Messages))
	for k := range c.Messages {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Layer is one folder of translation files, by language: the site's own
// i18n/ folder, or one theme's.
type Layer map[Code]*Catalog

// Translations are every layer a site reads, most specific first, and the
// site's default language. Build it once a build; it is read-only after
// New, so any number of pages may use it at once.
type Translations struct {
	def    Code
	layers []Layer
	errs   diag.List         // Check's
	broken map[*Message]bool // messages Check found T could not show: no lookup finds them
}

// New makes the translations of a site whose default language is def;
// layers come most specific first: the site's i18n/, then its theme, then
// the theme that one extends, down to the default theme. A nil layer is
// skipped.
func New(def Code, layers ...Layer) *Translations {
	t := &Translations{def: def}
	for _, l := range layers {
		if l != nil {
			t.layers = append(t.layers, l)
		}
	}
	t.errs, t.broken = t.check()
	return t
}

// Default is the site's default language.
func (t *Translations) Default() Code { return t.def }

// Source is the language themes are written in, English: the default
// theme's en.yaml is the original its other files translate. A text the
// default language lacks (a site whose default language no theme has a
// file for, such as it) comes from it, as the last step of every lookup.
const Source Code = "en"

// originals is the chain of the languages whose texts others translate:
// the default language and its parents, then Source.
func (t *Translations) originals() []Code {
	out := t.def.Chain()
	for _, c := range Source.Chain() {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Originals are the keys of the texts every language translates, sorted:
// the default language's and, for the texts it lacks, Source's.
func (t *Translations) Originals() []string {
	seen := map[string]bool{}
	for _, c := range t.originals() {
		for _, k := range t.Keys(c) {
			seen[k] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// KnownKeys are the keys a misspelt one may have meant, sorted: Originals,
// and the keys of originals whose messages have a mistake (reported in
// their files and left out of the catalogs, Catalog.broken), which exist
// all the same: "did you mean" offers them too.
func (t *Translations) KnownKeys() []string {
	seen := map[string]bool{}
	for _, k := range t.Originals() {
		seen[k] = true
	}
	for _, layer := range t.layers {
		for _, c := range t.originals() {
			if cat := layer[c]; cat != nil {
				for k := range cat.broken {
					seen[k] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// chain is the order in which lookups for lang visit languages: lang and
// its parents, then the default language and its parents, each once.
func (t *Translations) chain(lang Code, withDefault bool) []Code {
	var out []Code
	seen := map[Code]bool{}
	add := func(cs []Code) {
		for _, c := range cs {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	add(lang.Chain())
	if withDefault {
		add(t.originals())
	}
	return out
}

// lookup finds key for lang: for each language of the chain in turn, each
// layer in turn, so the site's override of one key beats the theme's file
// for the same language, and any file of the reader's language beats the
// default language.
func (t *Translations) lookup(key string, chain []Code) (*Message, Code, bool) {
	for _, c := range chain {
		for _, l := range t.layers {
			if cat := l[c]; cat != nil {
				if m, ok := cat.Messages[key]; ok && !t.broken[m] {
					return m, c, true
				}
			}
		}
	}
	return nil, "", false
}

// Lookup finds the message key in language lang, falling back to the
// default language, and says in which language it found it.
func (t *Translations) Lookup(lang Code, key string) (m *Message, from Code, ok bool) {
	return t.lookup(key, t.chain(lang, true))
}

// Keys are the keys lang has of its own (or through a parent such as pt for
// pt-BR), without the default language's, sorted.
func (t *Translations) Keys(lang Code) []string {
	seen := map[string]bool{}
	for _, c := range t.chain(lang, false) {
		for _, l := range t.layers {
			if cat := l[c]; cat != nil {
				for k := range cat.Messages {
					seen[k] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// MissingKeys are the keys of Originals that lang lacks, sorted: on the
// site they show in the default language (or in Source's).
func (t *Translations) MissingKeys(lang Code) []string {
	return Missing(t.Originals(), t.Keys(lang))
}

// Missing are the keys of want that have is missing, sorted; both lists
// may come in any order.
func Missing(want, have []string) []string {
	got := make(map[string]bool, len(have))
	for _, k := range have {
		got[k] = true
	}
	var out []string
	for _, k := range want {
		if !got[k] {
			out = append(out, k)
			got[k] = true // each once
		}
	}
	sort.Strings(out)
	return out
}

// Translator speaks one language: it is what a page's templates call.
// It is safe for concurrent use; it records keys nobody defines.
type Translator struct {
	t     *Translations
	lang  Code
	chain []Code

	mu       sync.Mutex
	notFound map[string]bool
}

// For returns the translator for lang.
func (t *Translations) For(lang Code) *Translator {
	return &Translator{t: t, lang: lang, chain: t.chain(lang, true), notFound: map[string]bool{}}
}

// Lang is the translator's language.
func (tr *Translator) Lang() Code { return tr.lang }

// T is the template function T. After the key comes one of:
//
//	{{T "pager.next"}}                          nothing
//	{{T "minutes" .Minutes}}                    one number: the count
//	{{T "section.more" "section" .Title}}       name/value pairs
//	{{T "tags.count" "count" 3 "tag" .Title}}   pairs with the count among them
//	{{T "x" $values}}                           one map[string]any of the same
//
// The count picks the plural form and fills {count}; every other value
// fills the placeholder of its name: a string or fmt.Stringer as is, a
// number as the language writes numbers, a time.Time as a date
// (FormatDate). A value no form uses is ignored, so a translation may
// leave out what its language does not say.
//
// The result is plain text: html/template escapes it like any string, so a
// translation can never inject markup, and T never returns template.HTML.
//
// A key that no layer defines in any language of the chain renders as the
// key itself and is recorded (NotFound), so a typo shows on the page and in
// the build's report instead of failing the build. Wrong arguments (a
// plural message without a count, a placeholder without a value, an odd
// list of pairs) are a bug in the template and return an error, which
// html/template reports with the template's name and line.
func (tr *Translator) T(key string, args ...any) (string, error) {
	s, _, err := tr.Text(key, args...)
	return s, err
}

// Text is T, and says which language the text is in when it is not the
// reader's: the default language's code for a text the reader's language
// (and its parents) lacks, "" otherwise (a key nobody defines included,
// which shows as itself). A site marks such a text with its language
// (lang="en"), so that a screen reader reads it with the right voice.
func (tr *Translator) Text(key string, args ...any) (string, Code, error) {
	count, values, err := tr.args(args)
	if err != nil {
		return "", "", fmt.Errorf("T %q: %w", key, err)
	}
	m, from, ok := tr.t.lookup(key, tr.chain)
	if !ok {
		tr.mu.Lock()
		tr.notFound[key] = true
		tr.mu.Unlock()
		return key, "", nil
	}
	speaker := tr.speaker(from)
	s, err := m.Format(speaker, count, values)
	if err != nil {
		return "", "", fmt.Errorf("T %q: %w", key, err)
	}
	if speaker == tr.lang {
		return s, "", nil
	}
	return s, speaker, nil
}

// From is the language Text says the text of key is in, without making
// the text: the default language's code for a text the reader's language
// (and its parents) lacks, "" for one of its own or a key nobody defines.
// A plural message needs no count here, so a layout can ask it of the
// forms plurals gives (they all come from one message, in one language).
// Unlike Text it records no missing key: the T or plurals that shows the
// text does.
func (tr *Translator) From(key string) Code {
	_, from, ok := tr.t.lookup(key, tr.chain)
	if !ok {
		return ""
	}
	if speaker := tr.speaker(from); speaker != tr.lang {
		return speaker
	}
	return ""
}

// speaker is the language whose plural rules and number format apply to a
// message found in language from: the reader's own language when the
// message is in it or a parent of it (pt.yaml read on a pt-PT page counts
// as pt-PT), else the default language the message fell back to.
func (tr *Translator) speaker(from Code) Code {
	for _, c := range tr.lang.Chain() {
		if c == from {
			return tr.lang
		}
	}
	if slices.Contains(tr.t.def.Chain(), from) {
		return tr.t.def
	}
	return from // Source
}

// args sorts T's arguments into the count and the other values.
func (tr *Translator) args(args []any) (*Number, map[string]any, error) {
	switch {
	case len(args) == 0:
		return nil, nil, nil
	case len(args) == 1:
		if m, ok := args[0].(map[string]any); ok {
			args = make([]any, 0, 2*len(m))
			names := make([]string, 0, len(m))
			for k := range m {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				args = append(args, k, m[k])
			}
			break
		}
		n, err := NumberOf(args[0])
		if err != nil {
			return nil, nil, fmt.Errorf("one value after the key must be the count, a number; %v (%T) is not one (use name/value pairs for other values)", args[0], args[0])
		}
		return &n, nil, nil
	case len(args)%2 != 0:
		return nil, nil, fmt.Errorf("after the key comes the count alone, or name/value pairs; %d values is an odd number", len(args))
	}
	var count *Number
	values := make(map[string]any, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok || !validName(name) {
			return nil, nil, fmt.Errorf("%v is not a placeholder name", args[i])
		}
		if name == CountName {
			n, err := NumberOf(args[i+1])
			if err != nil {
				return nil, nil, fmt.Errorf("the count must be a number: %w", err)
			}
			count = &n
			continue
		}
		if _, err := formatValue(tr.lang, args[i+1]); err != nil {
			return nil, nil, fmt.Errorf("the value of {%s}: %w", name, err)
		}
		values[name] = args[i+1]
	}
	return count, values, nil
}

// Form is one plural form of a message as a script picks it: the CLDR
// category's name ("one", "few", "other") and the form's text.
type Form struct {
	Category string
	Text     string
}

// Attr writes the form as an attribute named name followed by its
// category, its text escaped as html/template escapes an attribute's
// value: {{.Attr "data-text-lost-"}} gives data-text-lost-one="...". A
// template cannot write the name itself, as data-text-lost-{{.Category}},
// because html/template refuses "one" in a name (it starts like the event
// handler attributes, onclick...). name must be lowercase letters, digits
// and "-", and not start with "on".
func (f Form) Attr(name string) (template.HTMLAttr, error) {
	valid := name != "" && !strings.HasPrefix(name, "on")
	for i := 0; i < len(name); i++ {
		c := name[i]
		valid = valid && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')
	}
	if !valid {
		return "", fmt.Errorf("%q cannot start an attribute's name: use lowercase letters, digits and \"-\", not starting with \"on\"", name)
	}
	return template.HTMLAttr(name + f.Category + `="` + attrEscaper.Replace(f.Text) + `"`), nil
}

// attrEscaper escapes an attribute's value as html/template does.
var attrEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// Forms is the template function plurals: every form of message key that
// the reader's language uses, in CLDR order, for a script that picks one
// by the count it knows only in the browser (with Intl.PluralRules, whose
// categories these are). After the key come name/value pairs that fill
// the placeholders, as for T, but the count may be any text: the marker
// the script replaces with the number.
//
//	<p{{range plurals "worksheet.unrestored" "count" "{n}"}} {{.Attr "data-text-unrestored-"}}{{end}}>
//
// A message without plural forms gives one form, "other". A message the
// reader's language lacks gives the default language's forms, as T
// falls back. A missing key gives one form holding the key, recorded as T
// records it.
func (tr *Translator) Forms(key string, args ...any) ([]Form, error) {
	if len(args)%2 != 0 {
		return nil, fmt.Errorf("plurals %q: after the key come name/value pairs; %d values is an odd number", key, len(args))
	}
	values := make(map[string]any, len(args)/2)
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok || !validName(name) {
			return nil, fmt.Errorf("plurals %q: %v is not a placeholder name", key, args[i])
		}
		values[name] = args[i+1]
	}
	m, from, ok := tr.t.lookup(key, tr.chain)
	if !ok {
		tr.mu.Lock()
		tr.notFound[key] = true
		tr.mu.Unlock()
		return []Form{{Category: Other.String(), Text: key}}, nil
	}
	lang := tr.speaker(from)
	cats := []Category{Other}
	if m.plural {
		cats = Categories(lang)
	}
	out := make([]Form, 0, len(cats))
	for _, c := range cats {
		t := m.forms[c]
		if t == nil {
			t = m.forms[Other]
		}
		s, err := t.fill(lang, nil, values)
		if err != nil {
			return nil, fmt.Errorf("plurals %q: %w", key, err)
		}
		out = append(out, Form{Category: c.String(), Text: s})
	}
	return out, nil
}

// Date is the template function date: t as the translator's language writes
// a date (FormatDate).
func (tr *Translator) Date(t time.Time) string { return FormatDate(tr.lang, t) }

// Funcs are the template functions of this language, T, plurals and date, for
// html/template's Funcs. A site binds them per language: it parses its
// layouts once and, for each language, clones the set and calls Funcs on
// the clone before executing it (html/template allows replacing a function
// on a clone that has not run yet).
func (tr *Translator) Funcs() template.FuncMap {
	return template.FuncMap{"T": tr.T, "plurals": tr.Forms, "date": tr.Date}
}

// NotFound are the keys templates asked for that no layer defines in any
// language, sorted.
func (tr *Translator) NotFound() []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	out := make([]string, 0, len(tr.notFound))
	for k := range tr.notFound {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Defined is a key a translation file defines, and where.
type Defined struct {
	Key       string
	Path      string
	Line, Col int
}

// Added are the keys a layer defines that no layer below it has, in any
// language: a site's own keys (its i18n/ over its themes) and a theme's
// (over the themes it extends), each where the first of the layer's files
// in path order defines it, with Below, the keys of the layers below, for
// hints; sorted by path and line. The last layer, the default theme, adds
// nothing: it is what the others override. An added key is one the
// layer's own layouts ask for, or a misspelt key that overrides nothing.
func (t *Translations) Added() []Added {
	var out []Added
	for k := 0; k+1 < len(t.layers); k++ {
		below := map[string]bool{}
		for _, l := range t.layers[k+1:] {
			for _, c := range l {
				for key := range c.Messages {
					below[key] = true
				}
			}
		}
		belowKeys := slices.Sorted(maps.Keys(below))
		cats := slices.Collect(maps.Values(t.layers[k]))
		slices.SortFunc(cats, func(a, b *Catalog) int { return strings.Compare(a.Path, b.Path) })
		seen := map[string]bool{}
		var layer []Added
		for _, c := range cats {
			for _, key := range c.Keys() {
				if below[key] || seen[key] {
					continue
				}
				seen[key] = true
				m := c.Messages[key]
				path := m.Path
				if path == "" {
					path = c.Path
				}
				layer = append(layer, Added{Defined: Defined{Key: key, Path: path, Line: m.Line, Col: m.Col}, Below: belowKeys})
			}
		}
		out = append(out, layer...)
	}
	slices.SortStableFunc(out, func(a, b Added) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	return out
}

// Added is a key that overrides nothing (see Translations.Added).
type Added struct {
	Defined
	Below []string // the keys of the layers below its own, sorted
}
