package site

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// Search is on by default: the index of the guides, sections and
// worksheets, the search page, and the form and script on every page.
// search: false leaves all of it out.
func TestSearchOnAndOff(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/worksheets/w.yaml", "title: W\nsummary: A check.\nsections:\n  - title: Listening\n    questions:\n      - {id: q, type: rating, side: give, text: I listen when my partner vents., scale: frequency}\n")
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	var m struct {
		Docs    int    `json:"docs"`
		Stemmer string `json:"stemmer"`
	}
	if err := json.Unmarshal(tree["search/en/manifest.json"], &m); err != nil {
		t.Fatalf("search/en/manifest.json: %v", err)
	}
	// guides/a, guides/b, the guides and worksheets sections, the worksheet.
	if m.Docs != 5 || m.Stemmer != "en" {
		t.Errorf("manifest: %+v, want 5 documents, stemmer en", m)
	}
	// The worksheet's question text is indexed; the bundles hold it.
	found := false
	for name, data := range tree {
		if strings.HasPrefix(name, "search/en/d/") && strings.Contains(string(data), "I listen when my partner vents.") {
			found = true
		}
	}
	if !found {
		t.Errorf("no bundle holds the worksheet's question")
	}
	page := string(tree["guides/a/index.html"])
	for _, want := range []string{`<form class="search-form" role="search" method="get" action="/search/"`, `data-search-index="/search/en/"`, `<input class="search-input" id="search-header-q" type="search" name="q"`, `data-search-results`, `/js/search.`, `form-action 'self'`} {
		if !strings.Contains(page, want) {
			t.Errorf("guides/a/index.html lacks %s", want)
		}
	}
	sp := string(tree["search/index.html"])
	if !strings.Contains(sp, `data-search-page`) || !strings.Contains(sp, `data-search-nojs`) || !strings.Contains(sp, `href="/guides/"`) {
		t.Errorf("search/index.html is not the search page:\n%s", sp)
	}
	if strings.Contains(string(tree["sitemap.xml"]), "/search/") {
		t.Errorf("the sitemap lists the search page")
	}

	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nsearch: false\n")
	off := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: off}).Build(); err != nil {
		t.Fatal(err)
	}
	for name, data := range readTree(t, off) {
		if strings.HasPrefix(name, "search/") {
			t.Errorf("search: false wrote %s", name)
		}
		// data-search-skip stays: the worksheet layout's mark (like
		// aria-hidden) of what a reader of its text leaves out, written
		// as it is, whatever the site.
		page := strings.ReplaceAll(string(data), " data-search-skip", "")
		if strings.HasSuffix(name, ".html") && (strings.Contains(page, "data-search") || strings.Contains(page, "/js/search.")) {
			t.Errorf("search: false: %s has the search form or script", name)
		}
	}
}

// Search's errors: a page at /search/, a language that cannot name a
// folder, a search value that is not true or false.
func TestSearchErrors(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"page at /search/", "content/search.md", "---\ntitle: Find\n---\nHi.\n",
			"content/search.md: this page has the URL /search/, which is the search page's: move it, or turn search off with search: false in site.yaml"},
		{"bad language", "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguage: en/x\n",
			// site.yaml refuses it first: it is no language code.
			`content/site.yaml:3:11: "en/x" is not a language code`},
		{"bad value", "content/site.yaml", "title: T\nbaseURL: https://example.org/\nsearch: no thanks\n",
			"content/site.yaml:3:9: search must be true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			out := filepath.Join(t.TempDir(), "out")
			if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)
			writeFile(t, dir, tt.file, tt.body)
			_, err := New(Options{Dir: dir, Out: out}).Build()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("a failed build changed the output")
			}
		})
	}
	// A theme of its own (extending nothing) needs a search layout.
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: bare\n")
	writeFile(t, dir, "themes/bare/layouts/base.html", "<!doctype html><title>{{.Title}}</title>{{block \"main\" .}}{{end}}")
	for _, k := range []string{"home", "section", "page", "worksheet", "tags", "tag", "404"} {
		writeFile(t, dir, "themes/bare/layouts/"+k+".html", `{{define "main"}}{{.Title}}{{end}}`)
	}
	_, err := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")}).Build()
	if err == nil || !strings.Contains(err.Error(), "themes/bare/layouts: the theme chain has no layouts/search.html for the search page /search/") {
		t.Errorf("a theme without search.html: %v", err)
	}
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: bare\nsearch: false\n")
	if _, err := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")}).Build(); err != nil {
		t.Errorf("a theme without search.html, search: false: %v", err)
	}

	// Each language's search page has its URL: /es/search/ too.
	dir = minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n")
	writeFile(t, dir, "content/es/search.md", "---\ntitle: Buscar\n---\nHola.\n")
	_, err = New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")}).Build()
	if want := "content/es/search.md: this page has the URL /es/search/, which is the search page's"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a page at /es/search/: %v, want %q", err, want)
	}

	// The search page's own URL is free with search off.
	dir = minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nsearch: false\n")
	writeFile(t, dir, "content/search.md", "---\ntitle: Find\n---\nHi.\n")
	if _, err := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")}).Build(); err != nil {
		t.Errorf("search: false with a page at /search/: %v", err)
	}
}

// A site with several languages has an index per language, of that
// language's own pages (never the fallback copies of the default
// language's), a search page per language at its prefix, and on every
// page a form to its language's search page and index, in its words. A
// language with a stemmer (es) gets it; one without (nl) is folded only.
func TestSearchPerLanguage(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n  - {code: nl, name: Nederlands}\n")
	writeFile(t, dir, "content/guides/a.es.md", "---\ntitle: Recibir ayuda\n---\nPedir favores a las amigas.\n")
	writeFile(t, dir, "content/es/guides/solo.md", "---\ntitle: Solo aquí\n---\nUna página española.\n")
	writeFile(t, dir, "content/guides/b.nl.md", "---\ntitle: Ontvangen\n---\nHulp vragen aan vrienden.\n")
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	tests := []struct {
		lang, stemmer string
		docs          int
		has, hasNot   []string // in the index's bundles
	}{
		{"en", "en", 3, []string{`"/guides/a/"`, `"/guides/b/"`}, []string{"/es/", "/nl/"}},
		// Its own: a's translation, the page only Spanish has and its
		// guides section (the site has no _index.md for it); b is an
		// English fallback.
		{"es", "es", 3, []string{`"/es/guides/a/","Recibir ayuda"`, `"/es/guides/solo/"`, "amigas"}, []string{"/es/guides/b/", `"/guides/`, "Back to"}},
		{"nl", "", 2, []string{`"/nl/guides/b/","Ontvangen"`, `"/nl/guides/"`}, []string{"/nl/guides/a/", "/es/"}},
	}
	for _, tt := range tests {
		var m struct {
			Docs     int    `json:"docs"`
			Stemmer  string `json:"stemmer"`
			Language string `json:"language"`
		}
		if err := json.Unmarshal(tree["search/"+tt.lang+"/manifest.json"], &m); err != nil {
			t.Fatalf("search/%s/manifest.json: %v", tt.lang, err)
		}
		if m.Docs != tt.docs || m.Stemmer != tt.stemmer || m.Language != tt.lang {
			t.Errorf("%s manifest: %+v, want %d documents, stemmer %q", tt.lang, m, tt.docs, tt.stemmer)
		}
		var bundles strings.Builder
		for name, data := range tree {
			if strings.HasPrefix(name, "search/"+tt.lang+"/d/") {
				bundles.Write(data)
			}
		}
		for _, s := range tt.has {
			if !strings.Contains(bundles.String(), s) {
				t.Errorf("%s index lacks %s:\n%s", tt.lang, s, bundles.String())
			}
		}
		for _, s := range tt.hasNot {
			if strings.Contains(bundles.String(), s) {
				t.Errorf("%s index holds %s:\n%s", tt.lang, s, bundles.String())
			}
		}
	}
	pages := []struct{ page, action, index, title string }{
		{"guides/a/index.html", "/search/", "/search/en/", `placeholder="Search"`},
		{"es/guides/a/index.html", "/es/search/", "/search/es/", `placeholder="Buscar"`},
		{"es/guides/b/index.html", "/es/search/", "/search/es/", `placeholder="Buscar"`}, // a fallback page too
		{"nl/index.html", "/nl/search/", "/search/nl/", `placeholder="Search"`},          // nl's words fall back to English
	}
	for _, p := range pages {
		s := string(tree[p.page])
		for _, want := range []string{`method="get" action="` + p.action + `"`, `data-search-index="` + p.index + `"`, p.title} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %s", p.page, want)
			}
		}
	}
	sp := string(tree["es/search/index.html"])
	for _, want := range []string{`<h1>Buscar</h1>`, `action="/es/search/" data-search-page`, `data-search-index="/search/es/"`, `href="/es/guides/"`, `lang="es"`} {
		if !strings.Contains(sp, want) {
			t.Errorf("es/search/index.html lacks %s:\n%s", want, sp)
		}
	}
	if _, ok := tree["nl/search/index.html"]; !ok {
		t.Errorf("no search page for nl")
	}
}

// TestSearchLanguageWithoutPages: a language with no page of its own
// (every page it shows is the default language's, untranslated) still has
// an index, of no pages, for its search page and header form to load; a
// rebuild keeps it.
func TestSearchLanguageWithoutPages(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: it, name: Italiano}\n")
	writeFile(t, dir, "content/guides/_index.md", "---\ntitle: Guides\n---\nAll guides.\n")
	out := filepath.Join(t.TempDir(), "out")
	b := New(Options{Dir: dir, Out: out})
	for build := range 2 {
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		tree := readTree(t, out)
		var m struct {
			Docs     int        `json:"docs"`
			Language string     `json:"language"`
			Terms    [][]string `json:"terms"`
		}
		if err := json.Unmarshal(tree["search/it/manifest.json"], &m); err != nil {
			t.Fatalf("build %d: search/it/manifest.json: %v", build, err)
		}
		if m.Docs != 0 || m.Language != "it" || len(m.Terms) != 0 {
			t.Errorf("build %d: the Italian index %+v, want one of no pages", build, m)
		}
		if !strings.Contains(string(tree["it/guides/a/index.html"]), `data-search-index="/search/it/"`) {
			t.Errorf("build %d: the Italian pages do not search the Italian index", build)
		}
	}
}
