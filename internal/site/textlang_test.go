package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// textAttrRE finds the data-text-* attributes of a page.
var textAttrRE = regexp.MustCompile(`\sdata-text-([a-z-]+)="([^"]*)"`)

// partRE names the element holding texts: its data-part, or "strings".
var partRE = regexp.MustCompile(`data-part="([a-z]+)"|data-(strings)`)

// chartRE finds a chart (an image with a label) and its lang.
var chartRE = regexp.MustCompile(`<svg [^>]*role="img" aria-label="[^"]*"(?: lang="([a-z]+)")?`)

// pluralRE is a plural form's category at the end of a text's name.
var pluralRE = regexp.MustCompile(`-(zero|one|two|few|many|other)$`)

// scriptTexts reads the texts a page hands its scripts: for each text
// (its name: "ready", "opened" for the forms "opened-one"...) within each
// element, its language and direction companions ("" when absent), by
// element and name: "strings.ready" (the data-strings element), "compare.ready"
// (data-part="compare"); name@position for any other element.
func scriptTexts(t *testing.T, html string) (langs, dirs map[string]string) {
	t.Helper()
	langs, dirs = map[string]string{}, map[string]string{}
	for i, tag := range strings.Split(html, "<") {
		attrs := map[string]string{}
		for _, m := range textAttrRE.FindAllStringSubmatch(tag, -1) {
			if _, dup := attrs[m[1]]; dup {
				t.Fatalf("data-text-%s twice in one element", m[1])
			}
			attrs[m[1]] = m[2]
		}
		for name := range attrs {
			if strings.HasSuffix(name, "-lang") || strings.HasSuffix(name, "-dir") {
				base := strings.TrimSuffix(strings.TrimSuffix(name, "-lang"), "-dir")
				_, text := attrs[base]
				_, forms := attrs[base+"-other"]
				if !text && !forms {
					t.Errorf("data-text-%s stands for no text", name)
				}
				continue
			}
			base := name
			if _, forms := attrs[pluralRE.ReplaceAllString(name, "-other")]; pluralRE.MatchString(name) && forms {
				base = pluralRE.ReplaceAllString(name, "")
			}
			key := base + "@" + strconv.Itoa(i)
			if m := partRE.FindStringSubmatch(tag); m != nil {
				key = m[1] + m[2] + "." + base
			}
			langs[key], dirs[key] = attrs[base+"-lang"], attrs[base+"-dir"]
		}
	}
	return langs, dirs
}

// TestScriptTextLangs: each text a worksheet page hands its scripts has a
// companion data-text-*-lang (and -dir) exactly when the text is not in
// the language of the page's content around it: none on a page whose
// language has its texts (English, Spanish), the default language's code
// on a page whose language lacks them (Italian, which the theme does not
// ship; -dir too where the directions differ: Arabic), except for the
// texts the site translates itself (i18n/it.yaml); and the page's own
// language on a page it shows untranslated (Spanish around an English
// worksheet). Plural texts have one companion for all their forms. The
// charts' labels are marked likewise, with lang on the chart.
func TestScriptTextLangs(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n  - {code: it, name: Italiano}\n  - {code: ar, name: العربية}\nhelp: Call someone you trust.\n")
	writeFile(t, dir, "i18n/it.yaml", "worksheet.ready: I punteggi si aggiornano mentre rispondi.\nworksheet.file.opened:\n  one: File aperto, 1 risposta.\n  many: File aperto, {count} di risposte.\n  other: File aperto, {count} risposte.\n")
	for _, f := range []string{"give-and-take.yaml", "give-and-take.es.yaml", "does-it-feel-fair.yaml"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "content", "worksheets", f))
		if err != nil {
			t.Fatal(err)
		}
		sheet := guideRE.ReplaceAllString(string(src), "../guides/a.md")
		writeFile(t, dir, "content/worksheets/"+f, sheet)
		if f == "give-and-take.yaml" {
			// Italian: the worksheet translated (its texts as they are),
			// the interface not.
			writeFile(t, dir, "content/worksheets/give-and-take.it.yaml", sheet)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page      string
		lang, dir string            // every text's companions
		own       map[string]string // texts with a language of their own: "strings.ready" -> lang
	}{
		{page: "worksheets/give-and-take/index.html"},
		{page: "es/worksheets/give-and-take/index.html"},
		{page: "worksheets/does-it-feel-fair/index.html"},
		{page: "es/worksheets/does-it-feel-fair/index.html", lang: "es"},
		{page: "it/worksheets/give-and-take/index.html", lang: "en", own: map[string]string{"strings.ready": "", "file.opened": ""}},
		{page: "it/worksheets/does-it-feel-fair/index.html", lang: "en", own: map[string]string{"strings.ready": "it", "file.opened": "it"}},
		{page: "ar/worksheets/give-and-take/index.html", lang: "en", dir: "ltr"},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
			if err != nil {
				t.Fatal(err)
			}
			langs, dirs := scriptTexts(t, string(data))
			if len(langs) < 27 { // give-and-take has no felt balance: no say-lean

				t.Fatalf("only %d texts for the scripts found: %v", len(langs), langs)
			}
			seen := map[string]bool{}
			for key, lang := range langs {
				name, _, _ := strings.Cut(key, "@")
				want := tt.lang
				if l, ok := tt.own[name]; ok {
					want, seen[name] = l, true
				}
				if lang != want {
					t.Errorf("data-text-%s: lang %q, want %q", name, lang, want)
				}
				wantDir := tt.dir
				if want == "" || want == "it" {
					wantDir = ""
				}
				if dirs[key] != wantDir {
					t.Errorf("data-text-%s: dir %q, want %q", name, dirs[key], wantDir)
				}
			}
			// The charts, images whose only words are their labels, take
			// the labels' language.
			charts := chartRE.FindAllStringSubmatch(string(data), -1)
			if len(charts) != 2 {
				t.Errorf("%d charts, want 2", len(charts))
			}
			for _, m := range charts {
				if m[1] != tt.lang {
					t.Errorf("a chart's label %q has lang %q, want %q", m[0], m[1], tt.lang)
				}
			}
			for name := range tt.own {
				if !seen[name] {
					t.Errorf("no text %q on the page", name)
				}
			}
		})
	}
	// A page in the default language carries no companion at all: no
	// byte more than before they existed.
	data, err := os.ReadFile(filepath.Join(out, "worksheets", "give-and-take", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`data-text-[a-z-]+-(lang|dir)=`).FindString(string(data)); m != "" {
		t.Errorf("the English page has %s", m)
	}
}
