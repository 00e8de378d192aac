package i18n

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"mutual/internal/diag"
)

// SplitPath tells which page a content file translates and into which
// language. p is relative to the content folder, with slashes
// ("guides/receiving.de.md"); langs are the site's languages, the default
// first. The base is the path of the original: the path without its
// language mark.
//
// A file carries its language in one of two ways, as in Hugo:
//
//	guides/receiving.de.md       -> guides/receiving.md, de
//	worksheets/give.de.yaml      -> worksheets/give.yaml, de
//	guides/_index.de.md          -> guides/_index.md, de
//	de/guides/receiving.md       -> guides/receiving.md, de   (a content/<code>/ tree)
//	guides/receiving.md          -> guides/receiving.md, the default language
//
// Only the site's own codes count, matched without regard to case and
// returned as the site writes them: with languages en and de,
// "notes.v2.md" is the default language's "notes.v2.md", "de.md" is a page
// named de, and "fr/x.md" is a page in a section named fr. A mark of the
// default language is accepted ("receiving.en.md", "en/receiving.md").
// Both marks at once must agree: "de/receiving.de.md" is German,
// "de/receiving.fr.md" an error.
func SplitPath(p string, langs []Code) (base string, lang Code, err error) {
	if len(langs) == 0 {
		return p, "", nil
	}
	base, lang = p, langs[0]
	tree := Code("")
	if first, rest, ok := strings.Cut(p, "/"); ok {
		if c, ok := match(first, langs); ok {
			tree, base, lang = c, rest, c
		}
	}
	dir, file := path.Split(base)
	ext := path.Ext(file)
	stem := strings.TrimSuffix(file, ext)
	if i := strings.LastIndexByte(stem, '.'); i > 0 && ext != "" {
		if c, ok := match(stem[i+1:], langs); ok {
			if tree != "" && tree != c {
				return "", "", fmt.Errorf("the folder says the language is %q, the file name says %q: keep one of them", string(tree), string(c))
			}
			base, lang = dir+stem[:i]+ext, c
		}
	}
	return base, lang, nil
}

// match finds s among the codes, ignoring case.
func match(s string, langs []Code) (Code, bool) {
	for _, c := range langs {
		if strings.EqualFold(s, string(c)) {
			return c, true
		}
	}
	return "", false
}

// Versions are the files of one page in each language: base path (as
// SplitPath gives it) -> language -> the file's path as given.
type Versions map[string]map[Code]string

// Group sorts content files into their pages and languages. paths are
// relative to the content folder; shown is prepended to each in errors
// ("content"). Two files of one page in one language
// ("receiving.md" and "en/receiving.md") are an error naming both, as is a
// file whose two language marks disagree.
func Group(paths []string, langs []Code, shown string) (Versions, error) {
	type file struct {
		p, base string
		lang    Code
	}
	var files []file
	var errs diag.List
	for _, p := range paths {
		base, lang, err := SplitPath(p, langs)
		if err != nil {
			errs.Add(path.Join(shown, p), 0, 0, "%v", err)
			continue
		}
		files = append(files, file{p, base, lang})
	}
	// Unmarked files first, so that of "a.md" and "a.en.md" the second
	// is the one reported; then by path, for a stable order.
	sort.Slice(files, func(i, j int) bool {
		mi, mj := files[i].p != files[i].base, files[j].p != files[j].base
		if mi != mj {
			return !mi
		}
		return files[i].p < files[j].p
	})
	v := Versions{}
	for _, f := range files {
		p, base, lang := f.p, f.base, f.lang
		if v[base] == nil {
			v[base] = map[Code]string{}
		}
		if other, dup := v[base][lang]; dup {
			errs.Add(path.Join(shown, p), 0, 0, "a second %s version of %s (the first is %s)", lang.EnglishName(), path.Join(shown, base), path.Join(shown, other))
			continue
		}
		v[base][lang] = p
	}
	if len(errs) > 0 {
		errs.Sort()
		return v, errs
	}
	return v, nil
}
