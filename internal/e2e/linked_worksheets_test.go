//go:build browser

package e2e

import (
	"net/http"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mutual/internal/browsertest"
)

// TestLinkedWorksheets: a guide of the shipped site lists, after its text,
// the worksheets that send readers to it, the one most about its subject
// first, in the guide's language; a reader follows the first to its
// worksheet, ready to fill in.
func TestLinkedWorksheets(t *testing.T) {
	t.Parallel()
	s := serve(t, "/")
	tab := browsertest.New(t)
	tab.Viewport(1280, 900)
	for _, tt := range []struct {
		guide, heading, first, firstPath string
	}{
		{"guides/receiving/", "Worksheets on this subject", "Am I open to receiving?", "/worksheets/open-to-receiving/"},
		{"es/guides/receiving/", "Fichas de trabajo sobre este tema", "¿Estoy abierto a recibir?", "/es/worksheets/open-to-receiving/"},
	} {
		if status := tab.Navigate(s.URL(tt.guide)); status != http.StatusOK {
			t.Fatalf("/%s answers %d", tt.guide, status)
		}
		type aside struct {
			Heading, First, FirstPath string
			Count                     int
		}
		got := browsertest.Eval[aside](tab, `(() => {
			const a = document.querySelector("aside.linked-worksheets");
			if (!a) return {};
			const first = a.querySelector(".entry-title a");
			return {heading: document.getElementById(a.getAttribute("aria-labelledby")).textContent,
				first: first.textContent, firstPath: new URL(first.href).pathname,
				count: a.querySelectorAll(".entry-worksheet").length};
		})()`)
		if got.Heading != tt.heading || got.FirstPath != tt.firstPath || got.First != tt.first || got.Count < 2 {
			t.Errorf("/%s: the worksheets after the text: %+v, want %q first under %q, and others", tt.guide, got, tt.firstPath, tt.heading)
			continue
		}
		// Between the guide's text and its previous and next links, in
		// the wide layout beside a table of contents too.
		order := browsertest.Eval[string](tab, `(() => {
			const y = s => document.querySelector(s).getBoundingClientRect();
			const text = y(".page .prose"), sheets = y("aside.linked-worksheets"), pager = y(".page .pager");
			return text.bottom <= sheets.top && sheets.bottom <= pager.top ? "in order" : JSON.stringify({text, sheets, pager});
		})()`)
		if order != "in order" {
			t.Errorf("/%s: the worksheets are not between the text and the pager: %s", tt.guide, order)
		}
		tab.Do(chromedp.Click(chromedp.CSS(`aside.linked-worksheets .entry-title a`)))
		tab.Poll("the worksheet "+tt.firstPath, `location.pathname === `+strconv.Quote(tt.firstPath)+
			` && document.querySelector("[data-results]") !== null && document.querySelector("[data-results]").getAttribute("data-scoring") === "ready"`, 15*time.Second)
		checkTraffic(t, tab, s, tt.firstPath, "")
		checkProblems(t, tab, tt.firstPath, nil)
		tab.Forget()
	}
}

// TestFallbackEntryTitles: the title of an entry shown in the default
// language is followed, in its heading, by a note ("(auf Englisch)"), so
// its link must stand out from the heading's text as axe's
// link-in-text-block asks: the same colour as the heading, 3:1 from it,
// or underlined or weighted otherwise. On a German guide shown in English
// the worksheets sending readers to it (one German, one English), and on
// the German guides section, in light and dark.
func TestFallbackEntryTitles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sheet := func(title, text string) string {
		return "title: " + title + "\nsummary: A check.\nsections:\n  - title: S\n    questions:\n" +
			"      - {id: q, type: rating, side: give, text: " + text + ", scale: frequency}\n" +
			"results:\n  - {title: Any, body: Fine., see: [../guides/b.md]}\n"
	}
	for name, body := range map[string]string{
		"content/site.yaml":            "title: T\nbaseURL: https://example.org/\nsearch: false\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n",
		"content/_index.md":            "---\ntitle: Home\n---\nHi.\n",
		"content/_index.de.md":         "---\ntitle: Start\n---\nHallo.\n",
		"content/guides/_index.md":     "---\ntitle: Guides\n---\n",
		"content/guides/a.md":          "---\ntitle: Alpha\n---\nA.\n",
		"content/guides/a.de.md":       "---\ntitle: Alpha auf Deutsch\n---\nA.\n",
		"content/guides/b.md":          "---\ntitle: Bravo\n---\nB.\n",
		"content/worksheets/w.yaml":    sheet("Check", "I help."),
		"content/worksheets/v.de.yaml": sheet("Prüfung", "Ich helfe."),
	} {
		if err := writeTestFile(filepath.Join(dir, filepath.FromSlash(name)), body); err != nil {
			t.Fatal(err)
		}
	}
	s, err := serveBuilt(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Viewport(1280, 900)
	for _, scheme := range []string{"light", "dark"} {
		tab.ColorScheme(scheme)
		for _, path := range []string{"de/guides/b/", "de/guides/"} {
			if status := tab.Navigate(s.Base + path); status != http.StatusOK {
				t.Fatalf("/%s answers %d", path, status)
			}
			got := browsertest.Eval[[]string](tab, `(() => {
				const c = document.createElement("canvas"); c.width = c.height = 1;
				const g = c.getContext("2d", {willReadFrequently: true});
				const rgb = css => { g.clearRect(0, 0, 1, 1); g.fillStyle = css; g.fillRect(0, 0, 1, 1); return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3)); };
				const lin = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
				const lum = x => 0.2126 * lin(x[0]) + 0.7152 * lin(x[1]) + 0.0722 * lin(x[2]);
				const out = [];
				const notes = document.querySelectorAll(".entry-title .entry-lang");
				if (!notes.length) return ["no entry with a language note"];
				for (const note of notes) {
					const h = note.closest(".entry-title"), a = h.querySelector("a");
					const sa = getComputedStyle(a), sh = getComputedStyle(h);
					const [x, y] = [lum(rgb(sa.color)), lum(rgb(sh.color))].sort((p, q) => q - p);
					const ratio = (x + 0.05) / (y + 0.05);
					const styled = sa.textDecorationLine !== sh.textDecorationLine || sa.fontWeight !== sh.fontWeight;
					if (sa.color !== sh.color && ratio < 3 && !styled) {
						out.push(a.textContent + ": " + sa.color + " in " + sh.color + " = " + ratio.toFixed(2));
					}
				}
				return out;
			})()`)
			if len(got) > 0 {
				t.Errorf("/%s (%s): entry titles that do not stand out from their heading: %q", path, scheme, got)
			}
		}
	}
}
