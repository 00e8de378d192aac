package content

import (
	"slices"
	"strings"
	"testing"
)

// bundleSite is a site in the languages codes (the default first) whose
// sources are rels, not read: each titled by its path, a draft when its
// path starts with one of drafts, headless with one of headless.
func bundleSite(t *testing.T, codes, rels, drafts, headless []string) (*Config, []*Source) {
	t.Helper()
	yaml := "title: T\nbaseURL: https://example.org/\nlanguages:\n"
	for _, c := range codes {
		yaml += "  - {code: " + c + ", name: " + strings.ToUpper(c) + "}\n"
	}
	cfg, errs := ParseConfig([]byte(yaml))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	starts := func(rel string, prefixes []string) bool {
		return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(rel, p) })
	}
	var srcs []*Source
	for _, rel := range rels {
		s := &Source{Rel: rel, Kind: classify(rel, codes)}
		s.FrontMatter.Title = rel
		s.FrontMatter.Draft = starts(rel, drafts)
		s.FrontMatter.Headless = starts(rel, headless)
		srcs = append(srcs, s)
	}
	return cfg, srcs
}

// bundleModel is the model of bundleSite's site.
func bundleModel(t *testing.T, opts ModelOptions, codes, rels, drafts, headless []string) *Model {
	t.Helper()
	cfg, srcs := bundleSite(t, codes, rels, drafts, headless)
	m, errs := NewSiteModel(srcs, nil, opts, cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return m
}

// TestBundleFileVersions: in a page bundle of a site with languages, a
// file whose name carries a site language's code before its extension is
// that language's version of the name without it, published under that
// language's page; other names are ordinary files, published once under
// the default language's page. Links from a page lead to its language's
// version, or to the shared file.
func TestBundleFileVersions(t *testing.T) {
	m := bundleModel(t, ModelOptions{}, []string{"en", "es"}, []string{
		"about/index.md", "about/index.es.md",
		"about/photo.jpg", "about/photo.es.jpg", "about/photo.v2.jpg", "about/jquery.min.js", "about/es.jpg",
		"about/photo.es", "about/.es.jpg", "about/Map.ES.png", "about/img/x.en.png", "about/img/x.png",
		"about/solo.es.txt",
		"draft/index.md", "draft/pic.es.txt",
		"shared/index.md", "shared/logo.txt", "shared/logo.es.txt",
		"es/solo/index.md", "es/solo/a.es.txt", "es/solo/b.txt",
		"guides/g.md", "guides/g.es.md",
	}, []string{"draft/"}, []string{"shared/"})
	for rel, want := range map[string]string{
		"about/photo.jpg":     "about/photo.jpg",
		"about/photo.es.jpg":  "es/about/photo.es.jpg",
		"about/photo.v2.jpg":  "about/photo.v2.jpg",
		"about/jquery.min.js": "about/jquery.min.js",
		"about/es.jpg":        "about/es.jpg",
		"about/photo.es":      "about/photo.es",
		"about/.es.jpg":       "about/.es.jpg",
		"about/Map.ES.png":    "es/about/Map.ES.png",
		"about/img/x.en.png":  "about/img/x.en.png",
		"about/img/x.png":     "about/img/x.png",
		"about/solo.es.txt":   "es/about/solo.es.txt",
		"draft/pic.es.txt":    "", // its page is a draft in every language
		"shared/logo.txt":     "shared/logo.txt",
		"shared/logo.es.txt":  "es/shared/logo.es.txt", // a headless page's files are published
		"es/solo/a.es.txt":    "es/solo/a.es.txt",
		"es/solo/b.txt":       "es/solo/b.txt",
	} {
		if got := m.FileOut[rel]; got != want {
			t.Errorf("%s is published at %q, want %q", rel, got, want)
		}
	}
	r := &Resolver{Model: m, BasePath: "/"}
	tests := []struct {
		from string
		lang int
		dest string
		want string // the URL, or a part of the error
	}{
		{"about/index.md", 0, "photo.jpg", "/about/photo.jpg"},
		{"about/index.es.md", 1, "photo.jpg", "/es/about/photo.es.jpg"},
		{"about/index.es.md", 1, "photo.es.jpg", "/es/about/photo.es.jpg"},
		{"about/index.md", 0, "photo.es.jpg", `that file is the Spanish version of photo.jpg, published with the Spanish pages only, and this page is in English: link to "photo.jpg"`},
		{"about/index.md", 0, "photo.v2.jpg", "/about/photo.v2.jpg"},
		{"about/index.es.md", 1, "photo.v2.jpg", "/about/photo.v2.jpg"},
		{"about/index.es.md", 1, "Map.png", "/es/about/Map.ES.png"},
		{"about/index.md", 0, "Map.png", "this file exists only in Spanish (content/about/Map.ES.png), and this page is in English: add content/about/Map.png"},
		{"about/index.md", 0, "img/x.png", "/about/img/x.en.png"},
		{"about/index.es.md", 1, "img/x.png", "/about/img/x.png"},
		{"about/index.es.md", 1, "img/x.en.png", "that file is the English version of x.png"},
		{"about/index.es.md", 1, "solo.txt?v=1#top", "/es/about/solo.es.txt?v=1#top"},
		{"guides/g.es.md", 1, "../about/photo.jpg", "/es/about/photo.es.jpg"},
		{"guides/g.md", 0, "../about/photo.jpg", "/about/photo.jpg"},
		{"guides/g.md", 0, "../about/solo.txt", "exists only in Spanish"},
		{"guides/g.es.md", 1, "../draft/pic.txt", "not published in this build: it is a draft"},
		{"es/solo/index.md", 1, "a.txt", "/es/solo/a.es.txt"},
		{"guides/g.es.md", 1, "../shared/logo.txt", "/es/shared/logo.es.txt"},
		{"guides/g.md", 0, "../shared/logo.txt", "/shared/logo.txt"},
		{"es/solo/index.md", 1, "b.txt", "/es/solo/b.txt"},
	}
	for _, tt := range tests {
		u, _, _, msg := r.In(m.Trees[tt.lang], false).Resolve(tt.from, tt.dest)
		if got := u + msg; got != tt.want && (msg == "" || !strings.Contains(msg, tt.want)) {
			t.Errorf("%s in %s: %q, want %q", tt.dest, tt.from, got, tt.want)
		}
	}
}

// TestBundleByLanguageIndex: as in Hugo, index.<code>.md makes a folder a
// bundle without an index.md; its page is the default language's
// (x/index.en.md), or else the first language's that has one (y/, only
// Spanish): the shared files are published under that page.
func TestBundleByLanguageIndex(t *testing.T) {
	rels := []string{
		"x/index.en.md", "x/index.es.md", "x/pic.es.jpg", "x/pic.jpg",
		"y/index.de.md", "y/index.es.md", "y/pic.jpg",
		"d/index.en.md", "d/pic.jpg", "d/pic.es.jpg",
	}
	cfg, srcs := bundleSite(t, []string{"en", "es", "de"}, rels, []string{"d/"}, nil)
	m, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for rel, want := range map[string]string{
		"x/pic.jpg":    "x/pic.jpg",
		"x/pic.es.jpg": "es/x/pic.es.jpg",
		"y/pic.jpg":    "es/y/pic.jpg",
		"d/pic.jpg":    "", // its page is a draft
		"d/pic.es.jpg": "",
	} {
		if got := m.FileOut[rel]; got != want {
			t.Errorf("%s is published at %q, want %q", rel, got, want)
		}
	}
	for url, src := range map[string]string{"x/": "x/index.en.md", "es/x/": "x/index.es.md", "es/y/": "y/index.es.md", "de/y/": "y/index.de.md"} {
		if n := m.ByURL[url]; n == nil || n.Src.Rel != src || n.Kind != "page" {
			t.Errorf("/%s: %+v, want the page of %s", url, n, src)
		}
	}
	// A Markdown file in such a bundle is not a page.
	srcs = append(srcs, &Source{Rel: "x/notes.md", Kind: PageSource})
	if m.Unpublished["d/pic.jpg"] != "draft" || m.Unpublished["d/pic.es.jpg"] != "draft" {
		t.Errorf("the files of a draft bundle: %v", m.Unpublished)
	}
	if _, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg); !strings.Contains(errs.Error(), "content/x/notes.md: notes.md is inside the page bundle x/") {
		t.Errorf("a page inside a bundle made by index.en.md: %v", errs)
	}
}

// TestTreeBundleDraftFiles: the files of a bundle that only a
// content/<code>/ tree has are left out with its page when it is a draft,
// as a default-language bundle's are, and published beside it otherwise.
func TestTreeBundleDraftFiles(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		m := bundleModel(t, ModelOptions{Drafts: drafts}, []string{"en", "es"},
			[]string{"es/solo/index.md", "es/solo/notes.txt", "es/pub/index.md", "es/pub/a.txt", "d/index.md", "d/b.txt"},
			[]string{"es/solo/", "d/"}, nil)
		want := map[string]string{"es/pub/a.txt": "es/pub/a.txt", "es/solo/notes.txt": "", "d/b.txt": ""}
		if drafts {
			want["es/solo/notes.txt"], want["d/b.txt"] = "es/solo/notes.txt", "d/b.txt"
		}
		for rel, out := range want {
			if got := m.FileOut[rel]; got != out {
				t.Errorf("drafts %v: %s is published at %q, want %q", drafts, rel, got, out)
			}
			if out == "" && m.Unpublished[rel] != "draft" {
				t.Errorf("drafts %v: %s is not marked a draft's file: %q", drafts, rel, m.Unpublished[rel])
			}
		}
	}
}
