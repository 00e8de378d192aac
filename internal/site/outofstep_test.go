package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWorksheetTranslationOutOfStep: a worksheet translation that differs
// from its original in what scores (the original gained a question, a
// weight changed...) is not published: the build succeeds, each
// difference is a warning at its line, the translation's page shows the
// original with the fallback notice, the coverage report counts it as
// untranslated and names it, and --strict-i18n makes it an error. Once
// the translation matches again, its page is the translation.
func TestWorksheetTranslationOutOfStep(t *testing.T) {
	const original = `title: W
sections:
  - title: S
    questions:
      - {id: q, type: rating, side: give, text: I give., scale: frequency}
      - {id: r, type: rating, side: receive, text: I get., scale: frequency, weight: 2}
results:
  - {title: Any}
`
	// The translation in step: texts only.
	de := strings.NewReplacer("title: W\n", "title: W auf Deutsch\n", "I give.", "Ich gebe.", "I get.", "Ich bekomme.", "Any", "Alles").Replace(original)
	tests := []struct {
		name        string
		translation string
		warnings    []string // each a line of b.Warnings()
		report      string
	}{
		{
			name: "differs in side, scale and weight",
			translation: strings.NewReplacer("side: give, text: Ich gebe., scale: frequency", "side: receive, text: Ich gebe., scale: agreement",
				"weight: 2", "weight: 3").Replace(de),
			warnings: []string{
				`content/worksheets/w.de.yaml:5:37: question "q": side receive here, give in the original (content/worksheets/w.yaml:5:37); a translation changes only texts, so the German page shows the original until they match`,
				`content/worksheets/w.de.yaml:5:70: question "q": scale agreement here, frequency in the original (content/worksheets/w.yaml:5:65); a translation changes only texts, so the German page shows the original until they match`,
				`content/worksheets/w.de.yaml:6:92: question "r": weight 3 here, 2 in the original (content/worksheets/w.yaml:6:86); a translation changes only texts, so the German page shows the original until they match`,
			},
			report: "de: 0/1 pages, 0/1 worksheets, 0 interface keys missing; 1 worksheet translation out of step with its original, not shown: content/worksheets/w.de.yaml",
		},
		{
			name:        "the original gained a question",
			translation: regexp.MustCompile(`(?m)^.*id: r,.*\n`).ReplaceAllString(de, ""),
			warnings: []string{
				`content/worksheets/w.de.yaml:3:5: the original's question "r" (content/worksheets/w.yaml:6:9) is missing here; a translation changes only texts, so the German page shows the original until they match`,
			},
			report: "de: 0/1 pages, 0/1 worksheets, 0 interface keys missing; 1 worksheet translation out of step with its original, not shown: content/worksheets/w.de.yaml",
		},
		{
			name:        "in step",
			translation: de,
			report:      "de: 0/1 pages, 1/1 worksheets, 0 interface keys missing",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n")
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\nA.\n")
			writeFile(t, dir, "content/worksheets/w.yaml", original)
			writeFile(t, dir, "content/worksheets/w.de.yaml", tt.translation)
			out := filepath.Join(t.TempDir(), "public")
			b := New(Options{Dir: dir, Out: out})
			if _, err := b.Build(); err != nil {
				t.Fatalf("the build failed: %v", err)
			}
			var got []string
			for _, w := range b.Warnings() {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.warnings, "\n"))
			}
			if r := strings.Join(b.Coverage(), "\n"); r != tt.report {
				t.Errorf("coverage:\n%s\nwant:\n%s", r, tt.report)
			}
			page, err := os.ReadFile(filepath.Join(out, "de", "worksheets", "w", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			shown := !strings.Contains(string(page), "fallback-notice")
			if translated := len(tt.warnings) == 0; shown != translated {
				t.Errorf("/de/worksheets/w/ shows the translation: %v, want %v", shown, translated)
			}
			if !shown && (strings.Contains(string(page), "Ich gebe") || !strings.Contains(string(page), "I give.")) {
				t.Errorf("/de/worksheets/w/ does not show the original's questions")
			}
			// Its notice says the translation is being updated, in
			// German; a page with no translation says it has none.
			if outdated := strings.Contains(string(page), "wird gerade aktualisiert"); outdated == shown {
				t.Errorf("/de/worksheets/w/ says its translation is being updated: %v, want %v", outdated, !shown)
			}
			if guide, err := os.ReadFile(filepath.Join(out, "de", "guides", "a", "index.html")); err != nil ||
				!strings.Contains(string(guide), "Diese Seite gibt es noch nicht auf Deutsch") || strings.Contains(string(guide), "aktualisiert") {
				t.Errorf("/de/guides/a/ does not say it has no German version (%v)", err)
			}

			strict := New(Options{Dir: dir, Out: out, StrictI18n: true}).Check()
			wantStrict := len(tt.warnings) > 0
			if gotStrict := strict != nil && strings.Contains(strict.Error(),
				"content/worksheets/w.de.yaml: this German translation is out of step with its original"); gotStrict != wantStrict {
				t.Errorf("--strict-i18n: %v, want the out-of-step error: %v", strict, wantStrict)
			}
		})
	}
}
