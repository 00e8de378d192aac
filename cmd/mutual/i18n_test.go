package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckCoverage: mutual check reports, per language, the pages and
// worksheets translated, the interface keys missing and the translations
// older than their originals; --strict-i18n turns each gap into an error.
func TestCheckCoverage(t *testing.T) {
	sheet := "title: W\nsections:\n  - title: S\n    questions:\n      - {id: q, type: rating, side: give, text: I give., scale: frequency}\n"
	dir := writeSite(t, map[string]string{
		"content/site.yaml":            "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n  - {code: sv, name: Svenska}\n",
		"content/_index.md":            "---\ntitle: Home\n---\nHi.\n",
		"content/_index.de.md":         "---\ntitle: Start\n---\nHallo.\n",
		"content/guides/a.md":          "---\ntitle: A\nlastmod: 2026-05-01\n---\nA.\n",
		"content/guides/a.de.md":       "---\ntitle: A\nlastmod: 2026-04-01\n---\nA.\n",
		"content/guides/b.md":          "---\ntitle: B\n---\nB.\n",
		"content/guides/c.md":          "---\ntitle: C\ndraft: true\n---\nC.\n",
		"content/worksheets/w.yaml":    sheet,
		"content/worksheets/w.de.yaml": strings.Replace(sheet, "I give.", "Ich gebe.", 1),
		"content/sv/guides/b.md":       "---\ntitle: B\n---\nB.\n",
	})
	// The Swedish page is older than its original by file time.
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "content/sv/guides/b.md"), old, old); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-s", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr.String())
	}
	// Swedish: the default theme has no Swedish interface texts, so every
	// key is missing (the pages show them in English).
	want := "de: 2/3 pages, 1/1 worksheets, 0 interface keys missing; 1 translation older than its original: content/guides/a.de.md\n"
	if !strings.HasPrefix(stdout.String(), want) {
		t.Errorf("the report reads\n%s\nwant it to start with\n%s", stdout.String(), want)
	}
	if !strings.Contains(stdout.String(), "\nsv: 1/3 pages, 0/1 worksheets, ") || !strings.Contains(stdout.String(), "1 translation older than its original: content/sv/guides/b.md\n") {
		t.Errorf("the Swedish line is missing or wrong:\n%s", stdout.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"check", "-s", dir, "--strict-i18n"}, &stdout, &stderr); code != 1 {
		t.Fatalf("check --strict-i18n: exit %d, want 1\n%s", code, stderr.String())
	}
	for _, w := range []string{
		"content/guides/a.de.md: this German translation is older than its original",
		"content/guides/b.md: no German translation",
		`content/worksheets/w.yaml: no language "sv" translation`,
		`sv: interface key "pager.next" has no language "sv" translation`,
	} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("--strict-i18n does not say %q:\n%s", w, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "guides/c.md") {
		t.Errorf("a draft counts as untranslated:\n%s", stderr.String())
	}
	// A site in one language has no report.
	one := writeSite(t, map[string]string{"content/site.yaml": "title: T\nbaseURL: https://example.org/\n"})
	stdout.Reset()
	if code := run([]string{"check", "-s", one, "--strict-i18n"}, &stdout, &stderr); code != 0 || stdout.String() != "no problems found\n" {
		t.Errorf("one language: exit %d, %q", code, stdout.String())
	}
}
