//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// TestChildThemeWorksheetCSS: a child theme's own worksheet.css (linked on
// worksheet pages) and custom.css have the last word over the default
// theme's stylesheets, worksheet-more.css included, which the scripts load
// long after the page: a rule of the child's for the row of buttons after
// the results wins over the default's for the same element, while the
// default's other rules there still apply.
func TestChildThemeWorksheetCSS(t *testing.T) {
	t.Parallel()
	dir := childThemeSite(t)
	// Both the same specificity as worksheet-more.css's rules.
	writeFile(t, filepath.Join(dir, "themes/brand/static/css/worksheet.css"), ".ws-more-buttons { margin: 3rem 0 0; }\n")
	writeFile(t, filepath.Join(dir, "themes/brand/static/css/custom.css"), ".ws-more { max-width: 30rem; }\n")
	tab := openWorksheet(t, dir)
	waitScorer(t, tab, "ready") // the parts and their stylesheet have loaded
	got := browsertest.Eval[map[string]string](tab, `(() => {
		const row = getComputedStyle(document.querySelector(".ws-more-buttons"));
		const more = getComputedStyle(document.querySelector(".ws-more"));
		const status = getComputedStyle(document.querySelector(".ws-more > .ws-status"));
		return {row: row.marginTop, more: more.maxWidth, status: status.marginTop,
			sheets: [...document.querySelectorAll("link[rel=stylesheet]")].map(l => l.getAttribute("href").replace(/^\/css\/|\.[0-9a-f]{10}\.css$/g, "")).join(" ")};
	})()`)
	if got["row"] != "48px" {
		t.Errorf("the child's worksheet.css: the row's margin %s, want 48px (3rem)", got["row"])
	}
	if got["more"] != "480px" {
		t.Errorf("the child's custom.css: max-width %s, want 480px (30rem)", got["more"])
	}
	if got["status"] != "0px" {
		t.Errorf("worksheet-more.css's own rules: the status line's margin %s, want 0px", got["status"])
	}
	if got["sheets"] != "main worksheet-more worksheet custom" {
		t.Errorf("stylesheets in order: %s", got["sheets"])
	}
	checkProblems(t, tab, "worksheet of a child theme", nil)
}

// TestChildThemeOldSayScores: a child theme whose worksheet.html was made
// from the default's before each score had a text of its own
// (data-text-say-give...) hands the scripts one data-text-say-scores;
// the answer's announcement still says the scores.
func TestChildThemeOldSayScores(t *testing.T) {
	t.Parallel()
	dir := childThemeSite(t)
	layout, err := os.ReadFile(filepath.Join(root, "themes/default/layouts/worksheet.html"))
	if err != nil {
		t.Fatal(err)
	}
	scores := regexp.MustCompile(`(?s)\{\{- if \$w\.HasGive\}\}\n data-text-say-give=.*?\n data-text-say-alert=`)
	if !scores.Match(layout) {
		t.Fatal("the default worksheet.html has no data-text-say-give... before data-text-say-alert: update this test")
	}
	old := scores.ReplaceAll(layout, []byte(` data-text-say-scores="{{if $$w.HasGive}}{{T "worksheet.say-give" "give" "{give}"}} {{end}}{{if $$w.HasReceive}}{{T "worksheet.say-receive" "receive" "{receive}"}}{{end}}"`+"\n data-text-say-alert="))
	writeFile(t, filepath.Join(dir, "themes/brand/layouts/worksheet.html"), string(old))
	tab := openWorksheet(t, dir)
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-text-say-give]").length`); n != 0 {
		t.Fatalf("the child's layout still has data-text-say-give")
	}
	waitScorer(t, tab, "ready")
	answer(t, tab, nil, "q", "4")
	waitScored(t, tab)
	tab.Poll("the scores announced", `document.querySelector("[data-announce]").textContent.includes("You give")`, 5*time.Second)
	checkProblems(t, tab, "worksheet of a child theme's older layout", nil)
}

// childThemeSite is a site of one worksheet (w, one rating question q on
// the frequency scale) with the theme brand, a child of the default.
func childThemeSite(t *testing.T) string {
	t.Helper()
	dir := minimalSite(t, map[string]string{
		"w.yaml": "title: W\nsections:\n  - title: S\n    questions:\n      - {id: q, type: rating, side: give, text: I listen., scale: frequency}\n",
	})
	writeFile(t, filepath.Join(dir, "content/site.yaml"), "title: Test site\nbaseURL: https://example.org/\ntheme: brand\n")
	writeFile(t, filepath.Join(dir, "themes/brand/theme.yaml"), "extends: default\n")
	return dir
}

// openWorksheet builds the site in dir, serves it and opens its worksheet
// w at 1280 px.
func openWorksheet(t *testing.T, dir string) *browsertest.Tab {
	t.Helper()
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	if status := tab.Navigate(srv.URL("/", "worksheets/w/")); status != 200 {
		t.Fatalf("status %d", status)
	}
	return tab
}
