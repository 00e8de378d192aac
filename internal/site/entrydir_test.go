package site

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// entryLinkRE finds the links of list entries and section cards with a
// language of their own, and the direction they carry.
var entryLinkRE = regexp.MustCompile(`<h3 class="(?:entry|card)-title"><a href="([^"]*)"[^>]*? lang="([a-z]+)" hreflang="[a-z]+"(?: dir="([a-z]+)")?>`)

// entryDescRE finds the description of an entry with a language of its
// own, and the direction it carries.
var entryDescRE = regexp.MustCompile(`<p class="entry-description" lang="([a-z]+)"(?: dir="([a-z]+)")?>`)

// TestEntryDirection: on an Arabic page, the entries shown in English (no
// translation yet) are marked left to right, title and description, as
// the interface texts in English are, or a title ending in "?" would
// show it at its start; the Arabic entries on a page shown in English
// take the page's direction (no dir), as do entries on an English page.
func TestEntryDirection(t *testing.T) {
	dir := t.TempDir()
	sheet := "title: Am I open?\nsummary: A short check.\nsections:\n  - title: S\n    questions:\n" +
		"      - {id: q, type: rating, side: give, text: I help., scale: frequency}\n" +
		"results:\n  - {title: Any, body: Fine., see: [../guides/a.md]}\n"
	for name, body := range map[string]string{
		"content/site.yaml":         "title: T\nbaseURL: https://example.org/\nsearch: false\nlanguages:\n  - {code: en, name: English}\n  - {code: ar, name: العربية}\n",
		"content/_index.md":         "---\ntitle: Home\n---\nHi.\n",
		"content/_index.ar.md":      "---\ntitle: الرئيسية\n---\nمرحبا.\n",
		"content/guides/_index.md":  "---\ntitle: Guides\n---\n",
		"content/guides/a.md":       "---\ntitle: Alpha\n---\nA.\n",
		"content/guides/a.ar.md":    "---\ntitle: ألفا\n---\nأ.\n",
		"content/guides/b.md":       "---\ntitle: Why give?\nsummary: Giving, briefly.\n---\nB.\n",
		"content/worksheets/w.yaml": sheet,
	} {
		writeFile(t, dir, name, body)
	}
	out := filepath.Join(dir, "public")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		page string
		// want is the direction of each entry link with a language, by
		// its URL; desc, of each description with one, by language.
		want, desc map[string]string
	}{
		// The guide lists the worksheet shown in English.
		{"ar/guides/a/index.html", map[string]string{"/ar/worksheets/w/": "ltr"}, map[string]string{"en": "ltr"}},
		// The section, shown in English, lists the Arabic guide and
		// the English one; the home page its cards.
		{"ar/guides/index.html", map[string]string{"/ar/guides/a/": "", "/ar/guides/b/": "ltr"}, map[string]string{"en": "ltr"}},
		{"ar/index.html", map[string]string{"/ar/guides/": "ltr"}, nil},
		{"ar/worksheets/index.html", map[string]string{"/ar/worksheets/w/": "ltr"}, map[string]string{"en": "ltr"}},
	} {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.page)))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, m := range entryLinkRE.FindAllStringSubmatch(string(b), -1) {
			got[m[1]] = m[3]
		}
		for url, d := range tt.want {
			if g, ok := got[url]; !ok || g != d {
				t.Errorf("%s: the entry %s has dir %q (listed: %v), want %q", tt.page, url, g, ok, d)
			}
		}
		for _, m := range entryDescRE.FindAllStringSubmatch(string(b), -1) {
			if d, ok := tt.desc[m[1]]; ok && m[2] != d {
				t.Errorf("%s: a description in %q has dir %q, want %q", tt.page, m[1], m[2], d)
			}
		}
	}
}
