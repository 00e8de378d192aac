// Package i18n owns the languages of a site: language codes and writing
// direction, the interface texts of themes and their translations (with
// plural forms and placeholders), dates and numbers per language, which
// content file translates which, and how complete each language is.
//
// It knows nothing of pages, templates on disk or the build: the site
// hands it language codes, translation files (or catalogs it built),
// content paths and times, and gets back texts, template functions,
// errors and report lines. It imports internal/diag, internal/yamldoc and the standard
// library; yaml.go alone reads YAML, with internal/yamldoc, the project's
// one YAML reader.
//
// # Languages
//
// A language is a Code, a BCP 47 tag in canonical case: "en", "de",
// "pt-BR", "zh-Hant". ParseCode checks one and explains a mistake in
// words ("en_US" -> use a hyphen; "german" -> did you mean "de"?). A site
// lists its languages in order, the first being the default; a Language
// adds the name its switcher shows and an optional dir. The writing
// direction is rtl for ar, he, fa, ur (and yi, ps, sd, dv, ckb, ug, or any
// code with an Arab or Hebr script subtag) unless the site says otherwise.
//
// # Interface texts
//
// Every word a theme shows comes from a key: {{T "pager.next"}}. A theme
// ships i18n/<code>.yaml per language; the default theme's en.yaml is the
// original every other file translates. A file is a list of keys:
//
//	pager.next: Next
//	section.more: More in {section}
//	minutes:
//	  one: About {count} minute
//	  other: About {count} minutes
//
// Keys are lowercase words joined by ".", "-" or "_". A text holds
// {placeholders} (lowercase names); "{{" and "}}" write a brace itself, and
// a lone brace is an error, so "{count" never reaches a page. YAML reads a
// text that starts with "{" as something else, so quote such a text, and
// any text holding ": ".
//
// A message with plural forms maps CLDR categories (zero, one, two, few,
// many, other) to texts. The count picks the category by the rules of
// CLDR 48 for: en, de, nl, sv, it, es, fr, pt, pt-PT, ar, he, ru, uk, pl,
// fa, ur, ja, zh, ko. A regional code uses its parent's rules (pt-BR as
// pt); an unknown language gets English's (one for exactly 1). "1" and
// "1.0" differ, as in CLDR: the digits written decide. French, Spanish,
// Italian and Portuguese have a "many" form for whole millions ("1 000 000
// de pages"). The compact exponent (CLDR's e) is always 0.
//
// # Lookup and override
//
// Translations holds the layers a site reads, most specific first: the
// site's own i18n/ folder, then its theme, then the theme that one
// extends, down to the default theme. Finding a key in language L tries,
// in order:
//
//  1. L in every layer (the site's file, then each theme's);
//  2. L's parents the same way (pt for pt-BR);
//  3. the default language and its parents, the same way;
//  4. Source, English, the language the default theme is written in, so
//     that a site whose default language no layer has a file for (it)
//     still shows words; Check then holds every file to English's;
//  5. nothing: the key itself is shown, and Translator.NotFound lists it.
//
// So a site overrides one key of the theme by writing that key alone in
// its i18n/<code>.yaml; every other key still comes from the theme. A
// missing translation never fails a build: it shows in the default
// language, and MissingKeys counts it for the coverage report.
//
// Check holds every translation to its original: no unknown keys, the
// plural forms its language needs and no others, and the same
// placeholders (the zero, one and two forms may leave out {count}: "eine
// Minute"). A translation T could not show (plural where its original is
// not, or not where it is, or a placeholder the original lacks) is left
// out of lookups once Check reports it: the text below it shows instead.
// A shipped theme passes Check with no missing key; a test in
// this package holds the default theme to it.
//
// # Templates
//
// Translator.Funcs gives a language's T and date. T takes the key, then
// nothing, the count, name/value pairs, or one map:
//
//	{{T "pager.next"}}
//	{{T "minutes" .Minutes}}
//	{{T "section.more" "section" .Title}}
//	{{T "x" "count" .Count "name" .Title}}
//
// It returns plain text, which html/template escapes: a translation can
// never add markup. Numbers are written as the language writes them
// ("1.234" in German), time.Time values as dates. Calling T wrongly (no
// count for a plural message, a placeholder without a value) is a template
// bug, reported as a template error. A site parses its layouts once and,
// per language, clones them and binds that language's Funcs; cached
// partials must then be cached per language.
//
// # Dates and numbers
//
// FormatDate writes a long date per language: "14 March 2026" (English
// keeps the theme's day-month-year), "14. März 2026", "14 de marzo de
// 2026", "14 mars 2026" ("1er mars" for the first), "14 de março de 2026",
// and the same for it, nl, sv, pl, ru, uk, ar, he, ja, zh, ko. A language
// without a format gets ISO 8601, "2026-03-14". FormatNumber groups digits
// and picks the decimal sign per language, always in the digits 0-9.
// Arabic dates use one set of month names (CLDR's, "مارس"); the Levant's
// ("آذار") is not offered.
//
// # Translated content
//
// A translation sits beside its original as <name>.<code>.md,
// <name>.<code>.yaml or _index.<code>.md, or in a content/<code>/ tree.
// SplitPath tells the original and the language of a content path; only
// the site's own codes count, so notes.v2.md is no translation. Group
// collects the files of each page and reports two files of one page in
// one language.
//
// # Coverage
//
// CoverageOf counts, per language, the pages and worksheets translated,
// the interface keys missing and the translations older than their
// original (by lastmod or file time). Coverage.String is the line
// `mutual check` prints:
//
//	de: 9/12 pages, 2/4 worksheets, 0 interface keys missing; 1 translation older than its original: content/guides/receiving.de.md
//
// and Coverage.Gaps lists each gap as an error for --strict-i18n.
package i18n
