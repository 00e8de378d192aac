//go:build browser

package e2e

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
)

// marksJS describes the element sel as the scripts left it: its text, its
// lang and dir attributes, and the lang of each element inside it that
// has one, with that element's text ("en:You give 3.").
func marksJS(sel string) string {
	return `(el => ({text: el.textContent, lang: el.getAttribute("lang") || "", dir: el.getAttribute("dir") || "",
		inner: [...el.querySelectorAll("[lang]")].map(s => s.getAttribute("lang") + ":" + s.textContent)}))(document.querySelector(` + "`" + sel + "`" + `))`
}

// marks is what marksJS returns.
type marks struct {
	Text, Lang, Dir string
	Inner           []string
}

func marksOf(tab *browsertest.Tab, sel string) marks {
	return browsertest.Eval[marks](tab, marksJS(sel))
}

// TestWorksheetTextLangs: on a page in a language the theme has no texts
// for (Italian), what the worksheet scripts write into the page in the
// default language's words carries lang="en": the status line, the live
// region's announcements (a span per text when Italian and English words
// are said together), the notices after the results; a text the site
// translated itself (i18n/it.yaml) written into the same element takes
// the mark off again. On a page with every text of its own (Spanish) no
// text the scripts write is marked; on a page Spanish shows untranslated
// (its main part English), the Spanish texts are marked lang="es".
func TestWorksheetTextLangs(t *testing.T) {
	t.Parallel()
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(giveAndTake)))
	if err != nil {
		t.Fatal(err)
	}
	const ready, replaced, progress = "I punteggi si aggiornano mentre rispondi.", "Il risultato di oggi è stato sostituito.", "{answered} di {total} risposte."
	dir := copySite(t, map[string]string{
		"content/site.yaml": strings.Replace(string(cfg), "theme: default", "  - {code: it, name: Italiano}\n  - {code: ar, name: العربية}\ntheme: default", 1),
		// The worksheet translated (its own words kept), the interface not.
		"content/worksheets/give-and-take.it.yaml": string(sheet),
		"content/worksheets/give-and-take.ar.yaml": string(sheet),
		"i18n/it.yaml": "worksheet.ready: " + ready + "\nworksheet.history.replaced: " + replaced + "\nworksheet.say-progress: \"" + progress + "\"\n",
	})
	untranslated(t, dir, "does-it-feel-fair.es.yaml")
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.NewIsolated(t)
	tab.Viewport(1280, 800)
	w := parseWorksheet(t, giveAndTake)

	it := srv.URL("/", "it/worksheets/give-and-take/")
	if status := tab.Navigate(it); status != 200 {
		t.Fatalf("%s: status %d", it, status)
	}
	waitScorer(t, tab, "ready")
	if lang := browsertest.Eval[string](tab, `document.documentElement.lang + "/" + (document.querySelector("main .wrap:not(.fallback)").lang || "")`); lang != "it/" {
		t.Fatalf("the Italian page's languages: %q, want it/ (html, main part)", lang)
	}
	// The status says "ready" in the site's own Italian: no mark.
	if m := marksOf(tab, "[data-status]"); m.Text != ready || m.Lang != "" || len(m.Inner) > 0 {
		t.Errorf("the status line: %+v, want %q unmarked", m, ready)
	}

	// A plural text: its English forms, picked by English's rules, marked.
	if p := browsertest.Eval[marks](tab, `mutualWorksheet.plural(document.querySelector("[data-strings]"), "data-text-unrestored-", 2)`); p.Lang != "en" || !strings.HasPrefix(p.Text, "2 answers were not restored") {
		t.Errorf("the unrestored answers' text: %+v", p)
	}

	// An answer is announced: the progress in Italian, the scores in
	// English, each English text in a span of its own.
	ws := newSheet(w)
	answer(t, tab, ws, "listening.give", "4")
	waitScored(t, tab)
	tab.Poll("the answer announced", `document.querySelector("[data-announce]").textContent.includes("You give")`, 5*time.Second)
	m := marksOf(tab, "[data-announce]")
	if m.Lang != "" || !strings.HasPrefix(m.Text, "1 di ") {
		t.Errorf("the announcement: %+v, want the Italian progress first, the live region unmarked", m)
	}
	if len(m.Inner) == 0 || !strings.HasPrefix(m.Inner[0], "en:You give ") {
		t.Errorf("the announcement's English texts: %q, want en:You give ...", m.Inner)
	}
	for _, s := range m.Inner {
		if !strings.HasPrefix(s, "en:") {
			t.Errorf("the announcement marks %q", s)
		}
	}

	// Saving the result says so in English (lang="en"); saving it again
	// says it replaced it in the site's Italian (the mark taken off).
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the result saved", `document.querySelector("[data-more-status]").textContent !== ""`, 5*time.Second)
	if m := marksOf(tab, "[data-more-status]"); m.Lang != "en" || m.Dir != "" || len(m.Inner) > 0 || strings.Contains(m.Text, " di ") {
		t.Errorf("the saved notice: %+v, want an English text marked en", m)
	}
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the result replaced", `document.querySelector("[data-more-status]").textContent === "`+replaced+`"`, 5*time.Second)
	if m := marksOf(tab, "[data-more-status]"); m.Lang != "" || len(m.Inner) > 0 {
		t.Errorf("the replaced notice: %+v, want the Italian text unmarked", m)
	}

	// Clearing is announced in English: the whole live region is.
	clearAnswers(t, tab)
	tab.Poll("the clearing announced", `document.querySelector("[data-announce]").textContent === "Your answers are cleared."`, 5*time.Second)
	if m := marksOf(tab, "[data-announce]"); m.Lang != "en" || len(m.Inner) > 0 {
		t.Errorf("the clearing announced: %+v, want the live region marked en", m)
	}
	// The accessibility tree reads it as such: a live region in English.
	if got := browsertest.Eval[string](tab, `document.querySelector("[data-announce]").closest("[lang]").lang`); got != "en" {
		t.Errorf("the live region's language: %q", got)
	}
	checkProblems(t, tab, "Italian worksheet", nil)

	// Without its wiring (worksheet-page.js refused), the loader says
	// that scoring is unavailable, marked as well.
	// (In a tab of its own: the refusal is the only problem it has.)
	srv.refuse(func(p string) bool { return strings.Contains(p, "/js/worksheet-page.") })
	bare := browsertest.NewIsolated(t)
	if status := bare.Navigate(it); status != 200 {
		t.Fatalf("%s: status %d", it, status)
	}
	waitScorer(t, bare, "unavailable")
	if m := marksOf(bare, "[data-status]"); m.Lang != "en" || !strings.HasPrefix(m.Text, "Scoring is unavailable") || len(m.Inner) > 0 {
		t.Errorf("the status without the page's wiring: %+v, want the English text marked en", m)
	}
	srv.refuse(nil)

	// Arabic, right to left, lacks the texts too: they are English, and
	// run left to right.
	ar := srv.URL("/", "ar/worksheets/give-and-take/")
	if status := tab.Navigate(ar); status != 200 {
		t.Fatalf("%s: status %d", ar, status)
	}
	waitScorer(t, tab, "ready")
	if m := marksOf(tab, "[data-status]"); m.Lang != "en" || m.Dir != "ltr" || m.Text != "Scores update as you answer." {
		t.Errorf("the Arabic page's status: %+v, want an English text marked en, ltr", m)
	}

	// Spanish has every text of its own: nothing the scripts write is
	// marked.
	es := srv.URL("/", "es/worksheets/give-and-take/")
	if status := tab.Navigate(es); status != 200 {
		t.Fatalf("%s: status %d", es, status)
	}
	waitScorer(t, tab, "ready")
	wsES := newSheet(parseWorksheet(t, giveAndTakeES))
	answer(t, tab, wsES, "listening.give", "3")
	waitScored(t, tab)
	tab.Poll("the answer announced", `document.querySelector("[data-announce]").textContent.includes("Usted da")`, 5*time.Second)
	press(t, tab, `[data-action="snapshot"]`)
	tab.Poll("the result saved", `document.querySelector("[data-more-status]").textContent !== ""`, 5*time.Second)
	for _, sel := range []string{"[data-status]", "[data-announce]", "[data-more-status]"} {
		if m := marksOf(tab, sel); m.Text == "" || m.Lang != "" || m.Dir != "" || len(m.Inner) > 0 {
			t.Errorf("Spanish page, %s: %+v, want a text without lang", sel, m)
		}
	}
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[data-text-ready-lang], [data-text-cleared-lang], [data-text-unrestored-lang]").length`); n != 0 {
		t.Errorf("the Spanish page has %d language companions", n)
	}

	// A worksheet Spanish shows untranslated: its main part is English,
	// so the Spanish texts the scripts write are marked.
	fair := srv.URL("/", "es/worksheets/does-it-feel-fair/")
	if status := tab.Navigate(fair); status != 200 {
		t.Fatalf("%s: status %d", fair, status)
	}
	waitScorer(t, tab, "ready")
	if m := marksOf(tab, "[data-status]"); m.Lang != "es" || !strings.Contains(m.Text, "puntuaciones") {
		t.Errorf("the untranslated worksheet's status: %+v, want a Spanish text marked es", m)
	}
	checkProblems(t, tab, "Spanish page of an English worksheet", nil)
}

// TestSearchTextLangs: the search page of a language the theme has no
// texts for (Italian) writes its English count and "no results" text
// with lang="en" (the form's data-search-*-lang), and a translated page
// (Spanish) writes its own unmarked.
func TestSearchTextLangs(t *testing.T) {
	t.Parallel()
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copySite(t, map[string]string{
		"content/site.yaml": strings.Replace(string(cfg), "theme: default", "  - {code: it, name: Italiano}\ntheme: default", 1),
	})
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.NewIsolated(t)
	tab.Viewport(1280, 800)
	for _, tt := range []struct {
		page, lang string
	}{
		{"it/search/", "en"},
		{"es/search/", ""},
	} {
		if status := tab.Navigate(srv.URL("/", tt.page+"?q=reciprocity")); status != 200 {
			t.Fatalf("%s: status %d", tt.page, status)
		}
		waitResults(tab, pageForm)
		tab.Poll("the count", `document.querySelector("#search-page-status").textContent !== ""`, 5*time.Second)
		if m := marksOf(tab, "#search-page-status"); m.Lang != tt.lang {
			t.Errorf("%s: the count %+v, want lang %q", tt.page, m, tt.lang)
		}
		browsertest.Eval[bool](tab, `(document.querySelector("#search-page-q").value = "", true)`)
		browsertest.Eval[bool](tab, `(document.querySelector("#search-page-q").focus(), true)`)
		tab.Key("zzqqxxv")
		waitResults(tab, pageForm)
		got := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("#search-page-results *, #search-page-status")].filter(e => e.textContent.trim()).map(e => (e.getAttribute("lang") || "") + ":" + e.textContent.trim().slice(0, 12))`)
		if len(got) == 0 {
			t.Errorf("%s: no text for no results", tt.page)
		}
		for _, s := range got {
			if !strings.HasPrefix(s, tt.lang+":") {
				t.Errorf("%s: %q, want lang %q", tt.page, s, tt.lang)
			}
		}
	}
	checkProblems(t, tab, "search pages", nil)
}

// untranslated removes a worksheet's translation (name, under
// content/worksheets) from a copy of the site, so that its page in that
// language shows the original, untranslated (the shipped site may
// translate every worksheet; a translation already missing is fine).
func untranslated(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, "content", "worksheets", name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}
