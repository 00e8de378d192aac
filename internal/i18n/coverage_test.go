package i18n

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }

// coverageSite is twelve pages and four worksheets in English; German has
// nine of the pages (one of them older than its original) and two
// worksheets; Spanish has one guide in a content/es/ tree.
func coverageSite() []Doc {
	docs := []Doc{
		{Path: "_index.md", Modified: day(1)},
		{Path: "_index.de.md", Modified: day(2)},
		{Path: "guides/_index.md", Modified: day(1)},
		{Path: "guides/_index.de.md", Modified: day(1)}, // same day: not older
		{Path: "guides/receiving.md", Modified: day(10)},
		{Path: "guides/receiving.de.md", Modified: day(3)}, // older than its original
		{Path: "guides/repair.md", Modified: day(1)},
		{Path: "guides/repair.de.md"}, // time unknown: never older
		{Path: "guides/small-gestures.md", Modified: day(1)},
		{Path: "guides/small-gestures.de.md", Modified: day(5)},
		{Path: "guides/self-awareness.md", Modified: day(1)},
		{Path: "guides/self-awareness.de.md", Modified: day(5)},
		{Path: "guides/what-reciprocity-is.md", Modified: day(1)},
		{Path: "guides/what-reciprocity-is.de.md", Modified: day(5)},
		{Path: "guides/needs-and-boundaries.md", Modified: day(1)},
		{Path: "guides/needs-and-boundaries.de.md", Modified: day(5)},
		{Path: "guides/asking-and-offering.md", Modified: day(1)},
		{Path: "guides/asking-and-offering.de.md", Modified: day(5)},
		{Path: "guides/settings/_index.md", Modified: day(1)},
		{Path: "guides/settings/at-work.md", Modified: day(1)},
		{Path: "guides/settings/in-families.md", Modified: day(1)},
		{Path: "guides/nur-auf-deutsch.de.md", Modified: day(1)}, // no original: counts nowhere
		{Path: "worksheets/give-and-take.yaml", Worksheet: true, Modified: day(1)},
		{Path: "worksheets/give-and-take.de.yaml", Worksheet: true, Modified: day(2)},
		{Path: "worksheets/weekly-gestures.yaml", Worksheet: true, Modified: day(1)},
		{Path: "worksheets/weekly-gestures.de.yaml", Worksheet: true, Modified: day(2)},
		{Path: "worksheets/open-to-receiving.yaml", Worksheet: true, Modified: day(1)},
		{Path: "worksheets/check-in.yaml", Worksheet: true, Modified: day(1)},
		{Path: "es/guides/receiving.md", Modified: day(1)},
	}
	return docs
}

func TestCoverage(t *testing.T) {
	missing := map[Code][]string{"es": {"pager.next", "toc.title"}}
	got, err := CoverageOf([]Code{"en", "de", "es"}, coverageSite(), "content", func(c Code) []string { return missing[c] })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"de: 9/12 pages, 2/4 worksheets, 0 interface keys missing; 1 translation older than its original: content/guides/receiving.de.md",
		"es: 1/12 pages, 0/4 worksheets, 2 interface keys missing; 1 translation older than its original: content/es/guides/receiving.md",
	}
	var lines []string
	for _, c := range got {
		lines = append(lines, c.String())
	}
	if !slices.Equal(lines, want) {
		t.Errorf("report:\n got %q\nwant %q", lines, want)
	}
	de := got[0]
	if wantU := []string{"content/guides/settings/_index.md", "content/guides/settings/at-work.md",
		"content/guides/settings/in-families.md", "content/worksheets/check-in.yaml", "content/worksheets/open-to-receiving.yaml"}; !slices.Equal(de.Untranslated, wantU) {
		t.Errorf("de untranslated = %q", de.Untranslated)
	}
	if de.Complete() {
		t.Error("de is not complete")
	}
	gaps := got[1].Gaps().Error()
	for _, line := range []string{
		"es: interface key \"pager.next\" has no Spanish translation",
		"content/_index.md: no Spanish translation",
		"content/es/guides/receiving.md: this Spanish translation is older than its original",
	} {
		if !containsLine(gaps, line) {
			t.Errorf("gaps lack %q:\n%s", line, gaps)
		}
	}
}

// TestCoveragePairs: a translation paired with an original of another
// name (by translationKey: Doc.Original) counts as its translation, is
// compared with it for age, and is no page of its own.
func TestCoveragePairs(t *testing.T) {
	old, recent := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	docs := []Doc{
		{Path: "guides/listening.md", Modified: recent},
		{Path: "es/guides/escuchar.md", Modified: old, Original: "guides/listening.md"},
		{Path: "guides/giving.md", Modified: old},
		{Path: "guides/dar.es.md", Modified: recent, Original: "guides/giving.md"},
		{Path: "guides/alone.md", Modified: old},
		// An original that is no page: the document stays its own.
		{Path: "guides/solo.es.md", Modified: old, Original: "guides/missing.md"},
	}
	got, err := CoverageOf([]Code{"en", "es"}, docs, "content", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "es: 2/3 pages, 0/0 worksheets, 0 interface keys missing; 1 translation older than its original: content/es/guides/escuchar.md"
	if len(got) != 1 || got[0].String() != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
	if u := got[0].Untranslated; !slices.Equal(u, []string{"content/guides/alone.md"}) {
		t.Errorf("untranslated %q", u)
	}
}

func TestCoverageLine(t *testing.T) {
	tests := []struct {
		c    Coverage
		want string
	}{
		{Coverage{Lang: "de", Pages: 12, PagesTotal: 12, Worksheets: 4, WorksheetsTotal: 4},
			"de: 12/12 pages, 4/4 worksheets, 0 interface keys missing"},
		{Coverage{Lang: "pt-BR", Pages: 1, PagesTotal: 1, MissingKeys: []string{"x"}},
			"pt-BR: 1/1 pages, 0/0 worksheets, 1 interface key missing"},
		{Coverage{Lang: "fr", Stale: []string{"content/a.fr.md", "content/b.fr.md"}},
			"fr: 0/0 pages, 0/0 worksheets, 0 interface keys missing; 2 translations older than their originals: content/a.fr.md, content/b.fr.md"},
		{Coverage{Lang: "es", WorksheetsTotal: 1, OutOfStep: []string{"content/w.es.yaml"}},
			"es: 0/0 pages, 0/1 worksheets, 0 interface keys missing; 1 worksheet translation out of step with its original, not shown: content/w.es.yaml"},
		{Coverage{Lang: "es", Stale: []string{"content/a.es.md"}, OutOfStep: []string{"content/v.es.yaml", "content/w.es.yaml"}},
			"es: 0/0 pages, 0/0 worksheets, 0 interface keys missing; 1 translation older than its original: content/a.es.md; 2 worksheet translations out of step with their originals, not shown: content/v.es.yaml, content/w.es.yaml"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
	if !tests[0].c.Complete() || tests[1].c.Complete() || tests[2].c.Complete() || tests[3].c.Complete() {
		t.Error("Complete is wrong")
	}
}

// TestCoverageOutOfStep: a worksheet translation out of step with its
// original (Doc.OutOfStep: not shown) counts as untranslated but is
// listed as such, not among the originals without a translation, and is a
// gap of its own for --strict-i18n.
func TestCoverageOutOfStep(t *testing.T) {
	docs := []Doc{
		{Path: "worksheets/w.yaml", Worksheet: true},
		{Path: "worksheets/w.es.yaml", Worksheet: true, OutOfStep: true},
		{Path: "worksheets/v.yaml", Worksheet: true},
		{Path: "worksheets/v.es.yaml", Worksheet: true},
	}
	got, err := CoverageOf([]Code{"en", "es"}, docs, "content", nil)
	if err != nil {
		t.Fatal(err)
	}
	c := got[0]
	if c.Worksheets != 1 || c.WorksheetsTotal != 2 || len(c.Untranslated) != 0 ||
		!slices.Equal(c.OutOfStep, []string{"content/worksheets/w.es.yaml"}) {
		t.Errorf("got %+v", c)
	}
	if want := "content/worksheets/w.es.yaml: this Spanish translation is out of step with its original (see the warnings above), so the Spanish page shows the original"; c.Gaps().Error() != want {
		t.Errorf("gaps:\n%s\nwant\n%s", c.Gaps().Error(), want)
	}
}

func TestCoverageErrors(t *testing.T) {
	_, err := CoverageOf([]Code{"en", "de"}, []Doc{{Path: "a.md"}, {Path: "en/a.md"}}, "content", nil)
	if err == nil || err.Error() != "content/en/a.md: a second English version of content/a.md (the first is content/a.md)" {
		t.Errorf("duplicate: %v", err)
	}
	got, err := CoverageOf([]Code{"en"}, []Doc{{Path: "a.md"}}, "content", nil)
	if err != nil || len(got) != 0 {
		t.Errorf("one language: %v, %v", got, err)
	}
}

func containsLine(text, line string) bool {
	return slices.Contains(strings.Split(text, "\n"), line)
}

// TestCoverageFileTimes: by file times, a translation written a little
// before its original (files of one checkout) is not older; one written
// long before is.
func TestCoverageFileTimes(t *testing.T) {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	docs := []Doc{
		{Path: "a.md", Modified: at, FileTime: true},
		{Path: "a.de.md", Modified: at.Add(-time.Minute), FileTime: true},
		{Path: "b.md", Modified: at, FileTime: true},
		{Path: "b.de.md", Modified: at.Add(-time.Hour), FileTime: true},
		{Path: "c.md", Modified: at},
		{Path: "c.de.md", Modified: at.Add(-time.Minute)}, // lastmod: exact
	}
	got, err := CoverageOf([]Code{"en", "de"}, docs, "content", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/b.de.md", "content/c.de.md"}; !slices.Equal(got[0].Stale, want) {
		t.Errorf("stale %q, want %q", got[0].Stale, want)
	}
}
