package i18n

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"mutual/internal/diag"
)

// Doc is one content file as the coverage report sees it.
type Doc struct {
	Path      string    // relative to the content folder: "guides/receiving.de.md"
	Worksheet bool      // a worksheet; anything else counts as a page
	Modified  time.Time // lastmod from its front matter, else the file's time; zero if unknown
	// FileTime says Modified is the file's time, not a lastmod: files
	// written together (a checkout, a copy) are seconds apart in any
	// order, so a translation counts as older than its original by file
	// times only when it is older by more than FileTimeSlack.
	FileTime bool
	// Original is the path of the page this one translates when that is
	// not what its path says ("guides/listening.md" for
	// "es/guides/escuchar.md", paired by translationKey); "" otherwise.
	Original string
	// OutOfStep says this worksheet translation differs from its original
	// in what scores, so its language shows the original: it counts as
	// untranslated, and the report names it.
	OutOfStep bool
}

// FileTimeSlack is how much older than its original a translation must be,
// by file time, to count as older (see Doc.FileTime).
const FileTimeSlack = 10 * time.Minute

// Coverage is how far one language has come: what the site's report line
// says about it.
type Coverage struct {
	Lang                        Code
	Pages, PagesTotal           int      // originals (default-language pages) translated, and all of them
	Worksheets, WorksheetsTotal int      // the same for worksheets
	Untranslated                []string // originals without this language, as shown paths, sorted
	MissingKeys                 []string // interface keys this language lacks, sorted
	Stale                       []string // translations older than their original, as shown paths, sorted
	OutOfStep                   []string // worksheet translations not shown, out of step with their original, sorted
}

// CoverageOf computes the coverage of every language but the default
// (langs[0]), in the site's order. docs are the content files (drafts left
// out by the caller); shown is the content folder as the report names
// files ("content"); missingKeys gives each language's missing interface
// keys (Translations.MissingKeys). A page counts as translated into a
// language when a file of it in that language exists; a translation is
// older than its original when both times are known and the translation's
// is earlier (by more than FileTimeSlack for file times). Translations without an original in the default language
// are pages of their own language and count nowhere. Duplicate or
// contradictory language marks are Group's errors, returned as they are.
func CoverageOf(langs []Code, docs []Doc, shown string, missingKeys func(Code) []string) ([]Coverage, error) {
	paths := make([]string, len(docs))
	byPath := make(map[string]Doc, len(docs))
	for i, d := range docs {
		paths[i] = d.Path
		byPath[d.Path] = d
	}
	versions, err := Group(paths, langs, shown)
	if err != nil {
		return nil, err
	}
	if len(langs) == 0 {
		return nil, nil
	}
	// Translations paired with an original of another name join its page.
	for _, d := range docs {
		if d.Original == "" {
			continue
		}
		base, lang, err := SplitPath(d.Path, langs)
		orig := versions[d.Original]
		if err != nil || orig == nil || versions[base][lang] != d.Path {
			continue
		}
		if _, taken := orig[lang]; taken {
			continue
		}
		orig[lang] = d.Path
		delete(versions[base], lang)
		if len(versions[base]) == 0 {
			delete(versions, base)
		}
	}
	def := langs[0]
	var out []Coverage
	for _, lang := range langs[1:] {
		c := Coverage{Lang: lang}
		if missingKeys != nil {
			c.MissingKeys = missingKeys(lang)
		}
		for _, base := range sortedKeys(versions) {
			byLang := versions[base]
			orig, ok := byLang[def]
			if !ok {
				continue
			}
			od := byPath[orig]
			if od.Worksheet {
				c.WorksheetsTotal++
			} else {
				c.PagesTotal++
			}
			tr, ok := byLang[lang]
			if ok && byPath[tr].OutOfStep {
				c.OutOfStep = append(c.OutOfStep, path.Join(shown, tr))
				continue
			}
			if !ok {
				c.Untranslated = append(c.Untranslated, path.Join(shown, orig))
				continue
			}
			if od.Worksheet {
				c.Worksheets++
			} else {
				c.Pages++
			}
			td := byPath[tr]
			slack := time.Duration(0)
			if td.FileTime || od.FileTime {
				slack = FileTimeSlack
			}
			if !td.Modified.IsZero() && !od.Modified.IsZero() && td.Modified.Add(slack).Before(od.Modified) {
				c.Stale = append(c.Stale, path.Join(shown, tr))
			}
		}
		sort.Strings(c.Untranslated)
		sort.Strings(c.Stale)
		sort.Strings(c.OutOfStep)
		out = append(out, c)
	}
	return out, nil
}

func sortedKeys(v Versions) []string {
	out := make([]string, 0, len(v))
	for k := range v {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// String is the language's line of `mutual check`'s report:
//
//	de: 9/12 pages, 2/4 worksheets, 0 interface keys missing; 1 translation older than its original: content/guides/receiving.de.md
//
// The part after the semicolon appears only when some translation is
// older than its original; another names the worksheet translations out
// of step with their originals (not shown: their languages show the
// originals), counted as untranslated.
func (c Coverage) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d/%d pages, %d/%d worksheets, %s missing", c.Lang, c.Pages, c.PagesTotal,
		c.Worksheets, c.WorksheetsTotal, countNoun(len(c.MissingKeys), "interface key", "interface keys"))
	switch n := len(c.Stale); {
	case n == 1:
		fmt.Fprintf(&b, "; 1 translation older than its original: %s", c.Stale[0])
	case n > 1:
		fmt.Fprintf(&b, "; %d translations older than their originals: %s", n, strings.Join(c.Stale, ", "))
	}
	switch n := len(c.OutOfStep); {
	case n == 1:
		fmt.Fprintf(&b, "; 1 worksheet translation out of step with its original, not shown: %s", c.OutOfStep[0])
	case n > 1:
		fmt.Fprintf(&b, "; %d worksheet translations out of step with their originals, not shown: %s", n, strings.Join(c.OutOfStep, ", "))
	}
	return b.String()
}

func countNoun(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, other)
}

// Complete reports whether the language has every page, worksheet and
// interface key, and no translation older than its original.
func (c Coverage) Complete() bool {
	return len(c.Untranslated) == 0 && len(c.MissingKeys) == 0 && len(c.Stale) == 0 && len(c.OutOfStep) == 0
}

// Gaps are the language's gaps as errors, one per gap, for
// `mutual check --strict-i18n`: each untranslated original, each missing
// interface key, each translation older than its original.
func (c Coverage) Gaps() diag.List {
	var errs diag.List
	name := c.Lang.EnglishName()
	for _, p := range c.Untranslated {
		errs.Add(p, 0, 0, "no %s translation", name)
	}
	for _, k := range c.MissingKeys {
		errs.Add("", 0, 0, "%s: interface key %q has no %s translation", c.Lang, k, name)
	}
	for _, p := range c.Stale {
		errs.Add(p, 0, 0, "this %s translation is older than its original", name)
	}
	for _, p := range c.OutOfStep {
		errs.Add(p, 0, 0, "this %s translation is out of step with its original (see the warnings above), so the %s page shows the original", name, name)
	}
	errs.Sort()
	return errs
}
