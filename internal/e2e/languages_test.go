//go:build browser

package e2e

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/i18n"
	"mutual/themes"
)

// giveAndTakeES is the Spanish translation of the shipped worksheet.
const giveAndTakeES = "content/worksheets/give-and-take.es.yaml"

// interfaceJS gathers every word the worksheet page's interface holds:
// its visible text, its aria-labels and titles, and the texts the scripts
// show (data-text-* attributes), with what the worksheet itself writes
// (questions, options, sections, bands) left out, since the test compares
// interface words only.
const interfaceJS = `(() => {
	const out = [document.body.innerText];
	for (const el of document.querySelectorAll("*")) {
		for (const a of el.attributes) {
			if (a.name === "aria-label" || a.name === "title" || a.name.startsWith("data-text-")) out.push(a.value.replace(/\{[a-z-]+\}/g, ""));
		}
	}
	for (const t of document.querySelectorAll("template")) out.push(t.content.textContent);
	return out.join("\n");
})()`

// englishOnly are the English interface texts of the default theme that
// its Spanish file says differently: none of them may show on a Spanish
// page.
func englishOnly(t *testing.T) []string {
	t.Helper()
	l, err := i18n.LoadLayer(themes.Default(), "i18n", "themes/default/i18n")
	if err != nil {
		t.Fatal(err)
	}
	trs := i18n.New("en", l)
	en, es := trs.For("en"), trs.For("es")
	var out []string
	for _, key := range trs.Keys("en") {
		m, _, _ := trs.Lookup("en", key)
		if m.Plural() || len(m.Placeholders()) > 0 {
			continue // checked through their fixed words below
		}
		if strings.HasPrefix(key, "language.name.") {
			continue // "English": the switcher names each language in its own words
		}
		e, _ := en.T(key)
		s, _ := es.T(key)
		// Short words ("of", "Tag") are inside other words of any text.
		if e != s && len(e) > 4 {
			out = append(out, e)
		}
	}
	out = append(out, "answers were not restored", "answers are back", "minutes", "answered.", "You give ", "Felt balance ")
	sort.Strings(out)
	return out
}

// TestLanguagesWorksheet: the Spanish worksheet shows no English word of
// the interface, scores exactly as the English one with the same answers,
// and answers saved on one language's page come back on the other's.
func TestLanguagesWorksheet(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	w := parseWorksheet(t, giveAndTake)
	wES := parseWorksheet(t, giveAndTakeES)
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	en, es := s.URL("/", "worksheets/give-and-take/"), s.URL("/", "es/worksheets/give-and-take/")

	if status := tab.Navigate(es); status != 200 {
		t.Fatalf("%s: status %d", es, status)
	}
	waitScorer(t, tab, "ready")
	if lang := browsertest.Eval[string](tab, `document.documentElement.lang`); lang != "es" {
		t.Errorf("the Spanish worksheet has lang=%q", lang)
	}
	answers := []struct {
		key string
		v   int
	}{
		{"listening.give", 4}, {"listening.receive", 1}, {"hard-days.give", 3}, {"hard-days.receive", 2},
		{"shared-tasks.give", 2}, {"shared-tasks.receive", 3}, {"curiosity.give", 4}, {"curiosity.receive", 1},
		{"thanks.give", 3}, {"speaking-well.receive", 2}, {"free-choices", 1},
	}
	ws := newSheet(wES)
	for _, a := range answers {
		answer(t, tab, ws, a.key, strconv.Itoa(a.v))
	}
	waitScored(t, tab)
	spanish := browsertest.Eval[shown](tab, shownJS)
	esBand := bandOf(tab)
	// Everything the scripts add is on the page now: the results, the
	// safety notice, the buttons, the status lines.
	words := browsertest.Eval[string](tab, interfaceJS)
	for _, e := range englishOnly(t) {
		if strings.Contains(words, e) {
			t.Errorf("the Spanish worksheet shows the English %q", e)
		}
	}
	if spanish.Scoring != "ready" || !spanish.Alert {
		t.Fatalf("the Spanish worksheet is not scored (%q) or shows no safety notice: %+v", spanish.Scoring, spanish)
	}
	checkProblems(t, tab, "Spanish worksheet", nil)

	// The English page: the same answers are there (saved under one
	// key for both languages), and the same scores.
	if status := tab.Navigate(en); status != 200 {
		t.Fatalf("%s: status %d", en, status)
	}
	waitScorer(t, tab, "ready")
	wsEN := newSheet(w)
	for _, a := range answers {
		wsEN.pick(a.key, strconv.Itoa(a.v))
	}
	english := checkShown(t, tab, wsEN, "English page after answering the Spanish one")
	for name, pair := range map[string][2]string{
		"give": {english.Give, spanish.Give}, "receive": {english.Receive, spanish.Receive},
		"balance": {english.Balance, spanish.Balance}, "lean": {english.Lean, spanish.Lean},
		"progress digits": {digits(english.Progress), digits(spanish.Progress)},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s: English %q, Spanish %q", name, pair[0], pair[1])
		}
	}
	for id, cells := range english.Areas {
		for k, v := range cells {
			if spanish.Areas[id][k] != v {
				t.Errorf("area %s %s: English %q, Spanish %q", id, k, v, spanish.Areas[id][k])
			}
		}
	}
	if english.Alert != spanish.Alert || english.Gap == "" != (spanish.Gap == "") {
		t.Errorf("alert or gap differ: English %v %q, Spanish %v %q", english.Alert, english.Gap, spanish.Alert, spanish.Gap)
	}
	if enBand := bandOf(tab); enBand != esBand {
		t.Errorf("band %s in English, %s in Spanish", enBand, esBand)
	}

	// An answer changed in English shows on the Spanish page.
	answer(t, tab, wsEN, "making-time.give", "0")
	waitScored(t, tab)
	if status := tab.Navigate(es); status != 200 {
		t.Fatalf("%s: status %d", es, status)
	}
	waitScorer(t, tab, "ready")
	waitScored(t, tab)
	back := browsertest.Eval[shown](tab, shownJS)
	if !strings.Contains(strings.Join(back.Checked, " "), "making-time.give=0") {
		t.Errorf("an answer given on the English page is not on the Spanish page: %v", back.Checked)
	}
	if note := browsertest.Eval[bool](tab, `document.querySelector("[data-restore-note]").checkVisibility()`); note {
		t.Errorf("the Spanish page says answers were not restored: %q", restoreNote(tab))
	}
	checkProblems(t, tab, "Spanish worksheet again", nil)

	// A link made on the English page opens on the Spanish page of
	// someone else: the answers are recognised as this worksheet's.
	if status := tab.Navigate(en); status != 200 {
		t.Fatalf("%s: status %d", en, status)
	}
	waitScorer(t, tab, "ready")
	link := shareLink(t, tab, w, wsEN.a, en)
	other := browsertest.NewIsolated(t)
	other.Viewport(1280, 800)
	open(t, other, es+link[strings.Index(link, "#"):])
	other.Poll("the comparison notice", `document.querySelector("[data-compare-notice]").checkVisibility()`, 10*time.Second)
	if bad := browsertest.Eval[[]string](other, `[...document.querySelectorAll("[data-compare-problem]")].filter(e => e.checkVisibility()).map(e => e.getAttribute("data-compare-problem"))`); len(bad) > 0 {
		t.Errorf("an English share link on the Spanish page is refused: %v", bad)
	}
	checkProblems(t, other, "English link on the Spanish page", nil)
}

// bandOf is the index of the band the results show.
func bandOf(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `document.querySelector('[data-result="band"]').getAttribute("data-band-index")`)
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == ' ' {
			return r
		}
		return -1
	}, strings.Join(strings.Fields(s), " "))
}

// TestLanguageSwitcher: the switcher is reached and used by keyboard
// alone, leads to the same page in the other language, and offers a
// language's home page, marked, where the page has no translation.
func TestLanguageSwitcher(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Viewport(1280, 800)
	page := s.URL("guides/receiving/")
	if status := tab.Navigate(page); status != 200 {
		t.Fatalf("%s: status %d", page, status)
	}
	target := `nav.languages a[hreflang="es"]`
	for i := 0; ; i++ {
		if i == 30 {
			t.Fatalf("30 Tabs never reached the Spanish entry of the switcher (focus on %s)", browsertest.Eval[string](tab, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		tab.Key("\t")
		if browsertest.Eval[bool](tab, `document.activeElement.matches(`+strconv.Quote(target)+`)`) {
			break
		}
	}
	// The focus is visible on it.
	if outline := browsertest.Eval[string](tab, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Errorf("the focused switcher entry shows no outline")
	}
	tab.Key("\r")
	tab.Poll("the Spanish page", `location.pathname === "/es/guides/receiving/" && document.readyState === "complete"`, 10*time.Second)
	if lang := browsertest.Eval[string](tab, `document.documentElement.lang`); lang != "es" {
		t.Errorf("the Spanish page has lang=%q", lang)
	}
	if cur := browsertest.Eval[string](tab, `document.querySelector('nav.languages [aria-current="page"]').getAttribute("hreflang")`); cur != "es" {
		t.Errorf("the switcher marks %q as the current language", cur)
	}
	checkProblems(t, tab, "switching by keyboard", nil)

	// A guide with no Spanish version: its English page offers the Spanish
	// home page, and says so in Spanish.
	page = s.URL("guides/settings/at-work/")
	if status := tab.Navigate(page); status != 200 {
		t.Fatalf("%s: status %d", page, status)
	}
	got := browsertest.Eval[[]string](tab, `(a => [a.getAttribute("href"), a.innerText])(document.querySelector('nav.languages a[hreflang="es"]'))`)
	if got[0] != "/es/" || !strings.Contains(got[1], "Español") || !strings.Contains(got[1], "página de inicio") {
		t.Errorf("the Spanish entry on an untranslated guide is %q", got)
	}
	// Its Spanish fallback says it is shown in English, in Spanish.
	page = s.URL("es/guides/settings/at-work/")
	if status := tab.Navigate(page); status != 200 {
		t.Fatalf("%s: status %d", page, status)
	}
	if note := browsertest.Eval[string](tab, `(document.querySelector(".fallback-notice") || {}).innerText || ""`); !strings.Contains(note, "español") {
		t.Errorf("the fallback page's notice reads %q", note)
	}
	if lang := browsertest.Eval[string](tab, `document.querySelector("main .wrap[lang]").lang`); lang != "en" {
		t.Errorf("the fallback page's text is marked lang=%q", lang)
	}
}

// TestRightToLeft: a page in a right-to-left language mirrors and has no
// horizontal scroll at 320 px, worksheet included; so do the worksheet
// pages in the theme's other languages.
func TestRightToLeft(t *testing.T) {
	t.Parallel()
	// The shipped content with a third language, Arabic, whose pages fall
	// back to English texts inside an Arabic, right-to-left interface.
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := copySite(t, map[string]string{
		"content/site.yaml":              strings.Replace(string(cfg), "theme: default", "  - code: ar\n    name: العربية\n    title: موقع\n  - {code: de, name: Deutsch}\n  - {code: fr, name: Français}\n  - {code: pt, name: Português}\ntheme: default", 1),
		"content/guides/receiving.ar.md": "---\ntitle: التلقي\ndate: 2026-06-09\n---\nالتلقي نصف المعاملة بالمثل. " + strings.Repeat("كلمات طويلة قليلاً ", 60) + "\n",
	})
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.New(t)
	for _, p := range []string{"ar/guides/receiving/", "ar/worksheets/give-and-take/", "ar/"} {
		tab.Viewport(320, 800)
		if status := tab.Navigate(srv.URL("/", p)); status != 200 {
			t.Fatalf("%s: status %d", p, status)
		}
		if dir := browsertest.Eval[string](tab, `document.documentElement.dir`); dir != "rtl" {
			t.Errorf("%s: dir=%q", p, dir)
		}
		// Mirrored: the site title starts at the right edge.
		if right := browsertest.Eval[bool](tab, `(r => r.right > innerWidth / 2)(document.querySelector(".site-title").getBoundingClientRect())`); !right {
			t.Errorf("%s: the site title is not on the right", p)
		}
		checkNarrow(t, tab, p, "light", 320)
		checkProblems(t, tab, p, nil)
	}
	// The theme's other languages, whose words run longer than English's,
	// fit 320 px on the worksheet page, the longest of all.
	for _, lang := range []string{"de", "fr", "pt"} {
		p := lang + "/worksheets/give-and-take/"
		tab.Viewport(320, 800)
		if status := tab.Navigate(srv.URL("/", p)); status != 200 {
			t.Fatalf("%s: status %d", p, status)
		}
		waitScorer(t, tab, "ready")
		checkNarrow(t, tab, p, "light", 320)
		checkProblems(t, tab, p, nil)
	}
}
