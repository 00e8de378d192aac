//go:build browser

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// paper is a sheet size a counselor or a client prints on, in inches.
type paper struct {
	name          string
	width, height float64
}

var papers = []paper{
	{"A4", 8.27, 11.69},
	{"Letter", 8.5, 11},
}

// printPDF prints the tab's page to PDF on the given paper, as the
// browser's print dialog does (print media, the theme's @page margins),
// and returns the file and the pdftotext that reads it (the test is
// skipped without poppler-utils, but fails under CI=true). With
// MUTUAL_SCREENSHOTS=dir the PDF is kept there too.
func printPDF(t *testing.T, tab *browsertest.Tab, p paper, name string) (pdf, tool string) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed to read printed pages")
		}
		t.Skip("no pdftotext (poppler-utils): printed pages cannot be read")
	}
	res, err := chromedp.Call(tab.Context(), cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: p.width, PaperHeight: p.height})
	if err != nil {
		t.Fatalf("%s on %s: printing: %v", name, p.name, err)
	}
	pdf = filepath.Join(t.TempDir(), "printed.pdf")
	if err := os.WriteFile(pdf, res.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := browsertest.ScreenshotDir(); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, strings.NewReplacer("/", "_", " ", "_").Replace(name)+"-"+p.name+".pdf"), res.Data, 0o644)
	}
	return pdf, tool
}

// printed prints the tab's page (see printPDF) and returns the text of
// each sheet, lower-cased, every white space taken out: the same words,
// however the paper wraps them.
func printed(t *testing.T, tab *browsertest.Tab, p paper, name string) []string {
	t.Helper()
	pdf, tool := printPDF(t, tab, p, name)
	out, err := exec.Command(tool, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("%s on %s: pdftotext: %v", name, p.name, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 1 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for i := range pages {
		pages[i] = strings.ToLower(squeeze(pages[i]))
	}
	return pages
}

// Where pdftotext -bbox puts a sheet and a word on it.
var (
	bboxPage = regexp.MustCompile(`<page width="[0-9.]+" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="[0-9.]+" yMax="([0-9.]+)">`)
)

// filled prints the tab's page (see printPDF) and returns, for each sheet,
// how far down its text reaches, as a share of the sheet's height (0 for
// a sheet without text).
func filled(t *testing.T, tab *browsertest.Tab, p paper, name string) []float64 {
	t.Helper()
	pdf, tool := printPDF(t, tab, p, name)
	out, err := exec.Command(tool, "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("%s on %s: pdftotext -bbox: %v", name, p.name, err)
	}
	var fill []float64
	for _, sheet := range strings.Split(string(out), "</page>") {
		m := bboxPage.FindStringSubmatch(sheet)
		if m == nil {
			continue
		}
		height, _ := strconv.ParseFloat(m[1], 64)
		low := 0.0
		for _, w := range bboxWord.FindAllStringSubmatch(sheet, -1) {
			y, _ := strconv.ParseFloat(w[1], 64)
			low = max(low, y)
		}
		fill = append(fill, low/height)
	}
	return fill
}

// squeeze takes every white space out of s, and every hyphen: pdftotext
// joins a word broken at a hyphen at the end of a line without it.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-\u00ad\u2010\u2011", r) {
			return -1
		}
		return r
	}, s)
}

// printedText is the text of printed pages, one after the other, with
// where each page starts.
type printedText struct {
	text   string
	starts []int
}

func joinPages(pages []string) printedText {
	var p printedText
	for _, pg := range pages {
		p.starts = append(p.starts, len(p.text))
		p.text += pg
	}
	return p
}

// find is where s is first printed from offset from on, and on which page
// (from 0), or -1, -1.
func (p printedText) find(s string, from int) (at, page int) {
	i := strings.Index(p.text[from:], s)
	if i < 0 {
		return -1, -1
	}
	at = from + i
	for page = len(p.starts) - 1; p.starts[page] > at; page-- {
	}
	return at, page
}

// keptJS lists, for the page in print media, each heading with what must
// print on the same sheet as it, by their first words (lower-cased, as
// the PDF's are compared; a pair's "You" or "Them" left out): a worksheet section's
// title and its first question (the section's introduction between them),
// a heading of the text and the block after it, or, when that block is a
// paragraph leading into a list ("Some common reasons:"), the list's first
// item.
const keptJS = `(() => {
	const words = el => {
		const c = el.cloneNode(true);
		c.querySelectorAll(".ws-side, .anchor").forEach(x => x.remove());
		let text = c.textContent;
		// A link prints its address after its words: stop there.
		const a = c.querySelector("a");
		if (a && text.indexOf(a.textContent) >= 0) text = text.slice(0, text.indexOf(a.textContent) + a.textContent.length);
		return text.replace(/[\s\-\u00ad\u2010\u2011]+/g, "").toLowerCase().slice(0, 24);
	};
	const out = [];
	for (const el of document.querySelectorAll(".ws-section, main .prose :is(h2, h3, h4)")) {
		if (el.matches(".ws-section")) {
			const title = el.querySelector(":scope > legend");
			const first = el.querySelector(".ws-question-text");
			if (title && first) out.push({Head: words(title), Next: words(first)});
			continue;
		}
		let next = el.nextElementSibling;
		if (!next) continue;
		if (next.matches("p") && next.nextElementSibling && next.nextElementSibling.matches("ul, ol")) {
			next = next.nextElementSibling.querySelector("li");
		}
		out.push({Head: words(el), Next: words(next)});
	}
	return out.filter(k => k.Head && k.Next);
})()`

// TestPrintedPageBreaks prints every guide and every blank worksheet of the
// shipped site, in English and Spanish, on A4 and on Letter: no heading is
// left at the foot of a sheet with what it introduces on the next. A
// worksheet section's title prints with its first question (not alone with
// its introduction), a guide's heading with the block after it, and a
// paragraph that leads into a list ("Some common reasons:") with the
// list's first item.
func TestPrintedPageBreaks(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	var paths []string
	for _, lang := range []string{"", "es/"} {
		for _, dir := range []string{"guides", "worksheets"} {
			entries, err := os.ReadDir(filepath.Join(root, "content", dir))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				name := e.Name()
				if e.IsDir() || strings.HasPrefix(name, "_") {
					continue
				}
				base, ext := strings.TrimSuffix(name, filepath.Ext(name)), filepath.Ext(name)
				if ext != ".md" && ext != ".yaml" {
					continue
				}
				if (lang == "es/") != strings.HasSuffix(base, ".es") {
					continue
				}
				paths = append(paths, lang+dir+"/"+strings.TrimSuffix(base, ".es")+"/")
			}
		}
	}
	if len(paths) < 20 {
		t.Fatalf("%d pages to print, want the 21 guides and worksheets of the shipped site: %v", len(paths), paths)
	}
	type kept struct{ Head, Next string }
	checked := 0
	for _, path := range paths {
		tab.Navigate(s.URL("/", path))
		if strings.Contains(path, "worksheets/") {
			waitScorer(t, tab, "ready")
		}
		tab.Media("print")
		keeps := browsertest.Eval[[]kept](tab, keptJS)
		tab.Media("")
		if len(keeps) == 0 {
			t.Errorf("%s: no heading found to check", path)
			continue
		}
		for _, p := range papers {
			pages := joinPages(printed(t, tab, p, path))
			at := 0
			for _, k := range keeps {
				h, head := pages.find(k.Head, at)
				if h < 0 {
					t.Errorf("%s on %s: the heading %q is not printed (after the one before)", path, p.name, k.Head)
					continue
				}
				at = h + len(k.Head)
				_, next := pages.find(k.Next, at)
				if next < 0 {
					t.Errorf("%s on %s: %q (after the heading %q) is not printed", path, p.name, k.Next, k.Head)
					continue
				}
				if next != head {
					t.Errorf("%s on %s: the heading %q is at the foot of sheet %d, and %q, which it introduces, on sheet %d", path, p.name, k.Head, head+1, k.Next, next+1)
				}
				checked++
			}
		}
	}
	t.Logf("%d pages, %d headings checked on A4 and Letter", len(paths), checked)
	checkProblems(t, tab, "printed pages", nil)
}

// TestPrintedDate prints a worksheet blank and filled in, in English, and
// in German and French (a site with those languages, the worksheet shown
// untranslated, the theme's words in each language): a blank handout has
// a date line to write on by hand, a filled one today's date in the
// language of the words before it, on A4 and Letter; clearing the answers
// makes the line blank again. On screen the line is not shown.
func TestPrintedDate(t *testing.T) {
	t.Parallel()
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(giveAndTake)))
	if err != nil {
		t.Fatal(err)
	}
	dir := copySite(t, map[string]string{
		"content/site.yaml":                        strings.Replace(string(cfg), "theme: default", "  - {code: de, name: Deutsch}\n  - {code: fr, name: Français}\ntheme: default", 1),
		"content/worksheets/give-and-take.de.yaml": string(sheet),
		"content/worksheets/give-and-take.fr.yaml": string(sheet),
	})
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	w := parseWorksheet(t, giveAndTake)
	tab := browsertest.New(t)
	const line = `(() => {
		const p = document.querySelector(".ws-printed-on"), d = p.querySelector("[data-printed-date]");
		return {Shown: p.checkVisibility(), Text: p.textContent.trim(), Date: d.textContent,
			Line: d.getBoundingClientRect().width > 50 && getComputedStyle(d).borderBottomStyle === "solid",
			Want: new Intl.DateTimeFormat(d.closest("[lang]").lang, {year: "numeric", month: "long", day: "numeric"}).format(new Date())};
	})()`
	type dateLine struct {
		Shown, Line      bool
		Text, Date, Want string
	}
	for _, tt := range []struct{ path, label string }{
		{"worksheets/give-and-take/", "Date:"},
		{"de/worksheets/give-and-take/", "Datum:"},
		{"fr/worksheets/give-and-take/", "Date\u202f:"},
	} {
		tab.Navigate(srv.URL("/", tt.path))
		waitScorer(t, tab, "ready")
		if l := browsertest.Eval[dateLine](tab, line); l.Shown {
			t.Errorf("%s: the printed date line shows on screen: %+v", tt.path, l)
		}
		tab.Media("print")
		if l := browsertest.Eval[dateLine](tab, line); !l.Shown || l.Text != tt.label || l.Date != "" || !l.Line {
			t.Errorf("%s, blank, printed: date line %+v, want %q and a line to write on", tt.path, l, tt.label)
		}
		tab.Media("")
		for _, p := range papers {
			if pages := printed(t, tab, p, tt.path+"blank"); !strings.Contains(pages[0], strings.ToLower(squeeze(tt.label))) {
				t.Errorf("%s, blank, on %s: the first sheet has no %q", tt.path, p.name, tt.label)
			}
		}
		answer(t, tab, newSheet(w), "listening.give", "3")
		waitScored(t, tab)
		tab.Media("print")
		l := browsertest.Eval[dateLine](tab, line)
		if !l.Shown || l.Text != tt.label+" "+l.Want || l.Date != l.Want || l.Line {
			t.Errorf("%s, filled in, printed: date line %+v, want %q and today's date %q", tt.path, l, tt.label, l.Want)
		}
		tab.Media("")
		for _, p := range papers {
			if pages := printed(t, tab, p, tt.path+"filled"); !strings.Contains(pages[0], strings.ToLower(squeeze(tt.label+l.Want))) {
				t.Errorf("%s, filled in, on %s: the first sheet has no %q", tt.path, p.name, tt.label+" "+l.Want)
			}
		}
		clearAnswers(t, tab)
		tab.Media("print")
		if l := browsertest.Eval[dateLine](tab, line); l.Date != "" || !l.Line {
			t.Errorf("%s, cleared, printed: date line %+v, want it blank again", tt.path, l)
		}
		tab.Media("")
	}
	checkProblems(t, tab, "printed dates", nil)
}

// TestPrintedLongGuide prints a guide with what paper cannot scroll: a code
// block with a line longer than the page, one word of it (an address)
// longer still, a picture wider than the page and a table longer than a
// sheet. On A4 and Letter the whole line prints, wrapped, at the size of
// the text around it (a line too long for the page made the browser
// shrink every page to fit it, and still cut it); the picture fits; each
// sheet the table runs onto starts with its header row, and the table
// starts on the sheet the picture is on.
func TestPrintedLongGuide(t *testing.T) {
	t.Parallel()
	long := "https://example.org/" + strings.Repeat("a_very_long_path_without_spaces/", 12) + "end"
	var rows strings.Builder
	for i := range 90 {
		fmt.Fprintf(&rows, "| Row %d | value %d | more %d |\n", i, i, i)
	}
	dir := t.TempDir()
	for name, src := range map[string]string{
		"content/site.yaml":       "title: Test site\nbaseURL: https://example.org/\nhelp: Call someone you trust.\n",
		"content/_index.md":       "---\ntitle: Home\n---\nHome.\n",
		"content/guides/wide.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="300" viewBox="0 0 2400 300"><rect width="2400" height="300" fill="#ddd"/></svg>`,
		"content/guides/long.md": "---\ntitle: A long guide\n---\nSome text before the code.\n\n```text\ncurl " + long + "\nthe last line of the code\n```\n\n" +
			"![A picture wider than the page](wide.svg)\n\n| Name | Value | More |\n|---|---|---|\n" + rows.String() + "\nThe end.\n",
	} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), src)
	}
	srv := newWSServer(t)
	srv.build(t, dir, "/", "")
	tab := browsertest.New(t)
	tab.Navigate(srv.URL("/", "guides/long/"))
	for _, p := range papers {
		pages := printed(t, tab, p, "guides/long")
		all := strings.Join(pages, "")
		if !strings.Contains(all, strings.ToLower("curl"+long+"thelastline")) {
			t.Errorf("on %s: the code's long line is not printed whole", p.name)
		}
		table := 0
		for i, pg := range pages {
			if strings.Contains(pg, "row") {
				table++
				if _, rest, ok := strings.Cut(pg, "namevaluemore"); !ok || strings.Contains(pg[:len(pg)-len(rest)], "row") {
					t.Errorf("on %s: sheet %d holds rows of the table without its header row above them", p.name, i+1)
				}
			}
		}
		if table < 2 {
			t.Errorf("on %s: the table is on %d sheets; this test wants one that runs onto a second", p.name, table)
		}
		// The table starts where the picture ends, not on a sheet of its own.
		fill := filled(t, tab, p, "guides/long")
		for i, f := range fill[:len(fill)-1] {
			if f < 0.5 {
				t.Errorf("on %s: sheet %d of %d is filled %.0f%% of the way down, want 50%% or more", p.name, i+1, len(fill), 100*f)
			}
		}
	}
	// What the printed page's width holds: a page as wide as A4's text
	// (210 mm less the theme's margins), in print media, is as wide as
	// its content, the code and the picture included.
	tab.Viewport(672, 900)
	tab.Media("print")
	fits := browsertest.Eval[[]float64](tab, `[document.documentElement.scrollWidth, document.documentElement.clientWidth,
		document.querySelector("pre").scrollWidth, document.querySelector("pre").clientWidth,
		document.querySelector("main img").getBoundingClientRect().right]`)
	tab.Media("")
	if fits[0] > fits[1] || fits[2] > fits[3]+1 || fits[4] > fits[1] {
		t.Errorf("printed 672 px wide: page %v of %v, code %v of %v, picture's right edge at %v", fits[0], fits[1], fits[2], fits[3], fits[4])
	}
	checkProblems(t, tab, "a long guide printed", nil)
}

// TestPrintedSheetsFilled prints the lists of the shipped site (home,
// sections, a tag) and some guides on A4 and Letter: every sheet but the
// last is filled at least halfway down. A list or a table kept whole
// moved, when longer than what was left of a sheet, to the next one and
// left that sheet mostly blank (a section's list of guides after its
// introduction).
func TestPrintedSheetsFilled(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	tab := browsertest.New(t)
	for _, path := range []string{"", "guides/", "worksheets/", "tags/friendship/", "guides/settings/", "es/", "es/guides/",
		"guides/receiving/", "guides/repair/", "guides/self-awareness/", "guides/what-reciprocity-is/"} {
		tab.Navigate(s.URL("/", path))
		for _, p := range papers {
			fill := filled(t, tab, p, "/"+path)
			for i, f := range fill[:len(fill)-1] {
				if f < 0.5 {
					t.Errorf("/%s on %s: sheet %d of %d is filled %.0f%% of the way down, want 50%% or more", path, p.name, i+1, len(fill), 100*f)
				}
			}
		}
	}
	checkProblems(t, tab, "printed lists", nil)
}

// TestPrintedComparison prints a comparison on A4 and Letter: question by
// question, each person's answer prints on the line of its "You say" or
// "They say", both people's side by side, so that a long worksheet's
// comparison takes fewer sheets; the PDF reads "You say <answer>" for
// each.
func TestPrintedComparison(t *testing.T) {
	t.Parallel()
	tab := comparingTab(t, "")
	tab.Media("print")
	type side struct {
		Say, Answer string
		SameLine    bool
	}
	sides := browsertest.Eval[[]side](tab, `[...document.querySelectorAll("[data-compare-questions] .ws-cq dl > div")].filter(d => d.checkVisibility()).map(d => {
		const dt = d.querySelector("dt").getBoundingClientRect(), dd = d.querySelector("dd").getBoundingClientRect();
		return {Say: d.querySelector("dt").textContent, Answer: d.querySelector("dd").textContent,
			SameLine: Math.abs(dt.bottom - dd.bottom) < dd.height / 2 && dd.left >= dt.right};
	})`)
	pairs := browsertest.Eval[[]float64](tab, `[...document.querySelectorAll("[data-compare-questions] .ws-cq dl")].filter(d => d.checkVisibility()).map(dl => {
		const [a, b] = dl.querySelectorAll(":scope > div");
		return Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top);
	})`)
	tab.Media("")
	if len(sides) < 4 {
		t.Fatalf("%d answers in the printed comparison, want 4 or more", len(sides))
	}
	for _, s := range sides {
		if !s.SameLine {
			t.Errorf("printed, %q and its answer %q are not on one line", s.Say, s.Answer)
		}
	}
	for i, d := range pairs {
		if d > 2 {
			t.Errorf("printed, the two answers of comparison %d are not side by side (%v px apart in height)", i+1, d)
		}
	}
	for _, p := range papers {
		text := strings.Join(printed(t, tab, p, "comparison"), "")
		for _, s := range sides {
			if s.Answer == "" {
				continue
			}
			if want := strings.ToLower(squeeze(s.Say + s.Answer)); !strings.Contains(text, want) {
				t.Errorf("on %s: the comparison does not read %q", p.name, s.Say+" "+s.Answer)
			}
		}
	}
	checkProblems(t, tab, "a comparison printed", nil)
}
