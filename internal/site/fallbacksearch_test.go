package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFallbackSearch: the search page of a language that shows a page of
// the default language untranslated (which the language's own index leaves
// out) links to the default language's search; a language without such a
// page, and the default language, do not. A rebuild follows each change of
// the pages shown untranslated: the last one translated takes the link
// away, and the translation removed brings it back, as a full build of the
// same files does.
func TestFallbackSearch(t *testing.T) {
	link := regexp.MustCompile(`<p class="search-fallback" data-search-fallback hidden><a href="([^"]*)" hreflang="([^"]*)">([^<]*)</a></p>`)
	const worksheet = "title: W\nsections:\n  - title: S\n    questions:\n" +
		"      - {id: q, type: rating, side: give, text: I give., scale: frequency}\n"
	const extra = "      - {id: r, type: rating, side: receive, text: I get., scale: frequency}\n"
	const de = "title: W auf Deutsch\nsections:\n  - title: S\n    questions:\n" +
		"      - {id: q, type: rating, side: give, text: Ich gebe., scale: frequency}\n"
	const results = "results:\n  - {title: Any}\n"
	const extraDE = "      - {id: r, type: rating, side: receive, text: Ich bekomme., scale: frequency}\n"
	dir := t.TempDir()
	for name, body := range map[string]string{
		"content/worksheets/w.yaml":    worksheet + results,
		"content/worksheets/w.de.yaml": de + results,
		"content/worksheets/w.fr.yaml": strings.ReplaceAll(de, "Deutsch", "Français") + results,
		"content/site.yaml":            "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n  - {code: fr, name: Français}\n",
		"content/_index.md":            "---\ntitle: Home\n---\nHello.\n",
		"content/_index.de.md":         "---\ntitle: Start\n---\nHallo.\n",
		"content/_index.fr.md":         "---\ntitle: Accueil\n---\nBonjour.\n",
		"content/guides/_index.md":     "---\ntitle: Guides\n---\n",
		"content/guides/_index.de.md":  "---\ntitle: Leitfäden\n---\n",
		"content/guides/_index.fr.md":  "---\ntitle: Guides\n---\n",
		"content/guides/a.md":          "---\ntitle: A\n---\nColleagues.\n",
		"content/guides/a.fr.md":       "---\ntitle: A\n---\nCollègues.\n",
	} {
		writeFile(t, dir, name, body)
	}
	out := filepath.Join(dir, "public")
	b := New(Options{Dir: dir, Out: out, Watch: true})
	steps := []struct {
		name string
		edit func()
		// want is the link on each search page: "" for none.
		want map[string]string
	}{
		{"German shows a.md untranslated", func() {}, map[string]string{
			"search/index.html":    "",
			"de/search/index.html": `/search/ en Die Seiten durchsuchen, die es nur auf Englisch gibt`,
			"fr/search/index.html": "",
		}},
		{"a.md translated into German", func() {
			writeFile(t, dir, "content/guides/a.de.md", "---\ntitle: A\n---\nKollegen.\n")
		}, map[string]string{"de/search/index.html": ""}},
		// The same files, only their bytes changed: the German worksheet
		// out of step with its original is shown untranslated, and in
		// step again, translated.
		{"the worksheet gains a question its translation lacks", func() {
			writeFile(t, dir, "content/worksheets/w.yaml", worksheet+extra+results)
		}, map[string]string{"de/search/index.html": `/search/ en Die Seiten durchsuchen, die es nur auf Englisch gibt`}},
		{"the translation gains it too", func() {
			writeFile(t, dir, "content/worksheets/w.de.yaml", de+extraDE+results)
		}, map[string]string{"de/search/index.html": ""}},
		{"the translation removed", func() {
			os.Remove(filepath.Join(dir, "content/guides/a.de.md"))
		}, map[string]string{"de/search/index.html": `/search/ en Die Seiten durchsuchen, die es nur auf Englisch gibt`}},
		{"a French page removed", func() {
			os.Remove(filepath.Join(dir, "content/guides/a.fr.md"))
		}, map[string]string{"fr/search/index.html": `/search/ en Chercher dans les pages proposées seulement en anglais`}},
	}
	for _, st := range steps {
		st.edit()
		if _, err := b.Build(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		for page, want := range st.want {
			html, err := os.ReadFile(filepath.Join(out, page))
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			got := ""
			if m := link.FindSubmatch(html); m != nil {
				got = string(bytes.Join(m[1:], []byte(" ")))
			}
			if got != want {
				t.Errorf("%s: %s links to %q, want %q", st.name, page, got, want)
			}
		}
		full := filepath.Join(t.TempDir(), "public")
		if _, err := New(Options{Dir: dir, Out: full}).Build(); err != nil {
			t.Fatal(err)
		}
		rebuilt, fresh := readTree(t, out), readTree(t, full)
		for name, data := range fresh {
			if !bytes.Equal(rebuilt[name], data) {
				t.Errorf("%s: the rebuild's %s differs from a full build's", st.name, name)
			}
		}
	}
}
