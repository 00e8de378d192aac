package content

import (
	"strings"
	"testing"
)

// TestBundleFileVersions: in a page bundle of a site with languages, a
// file whose name carries a site language's code before its extension is
// that language's version of the name without it, published under that
// language's page; other names are ordinary files, published once under
// the default language's page. Links from a page lead to its language's
// version, or to the shared file.
func TestBundleFileVersions(t *testing.T) {
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var srcs []*Source
	for _, rel := range []string{
		"about/index.md", "about/index.es.md",
		"about/photo.jpg", "about/photo.es.jpg", "about/photo.v2.jpg", "about/jquery.min.js", "about/es.jpg",
		"about/photo.es", "about/.es.jpg", "about/Map.ES.png", "about/img/x.en.png", "about/img/x.png",
		"about/solo.es.txt",
		"draft/index.md", "draft/pic.es.txt",
		"shared/index.md", "shared/logo.txt", "shared/logo.es.txt",
		"es/solo/index.md", "es/solo/a.es.txt", "es/solo/b.txt",
		"guides/g.md", "guides/g.es.md",
	} {
		s := &Source{Rel: rel, Kind: classify(rel, []string{"en", "es"})}
		s.FrontMatter.Title = rel
		s.FrontMatter.Draft = strings.HasPrefix(rel, "draft/")
		s.FrontMatter.Headless = strings.HasPrefix(rel, "shared/")
		srcs = append(srcs, s)
	}
	m, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
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
