package content

import (
	"strings"
	"testing"
	"time"
)

// testModel is a model of a small site: pages, a bundle with its file,
// a page with a url:, and pages left out for each reason.
func testModel(t *testing.T) *Model {
	t.Helper()
	page := func(rel string, fm FrontMatter) *Source {
		if fm.Title == "" {
			fm.Title = rel
		}
		kind := PageSource
		if strings.HasSuffix(rel, "_index.md") {
			kind = IndexSource
		}
		return &Source{Rel: rel, Kind: kind, FrontMatter: fm}
	}
	srcs := []*Source{
		page("_index.md", FrontMatter{}),
		page("About/index.md", FrontMatter{}),
		{Rel: "About/Team.JPG", Kind: FileSource},
		page("guides/_index.md", FrontMatter{}),
		page("guides/listening.md", FrontMatter{}),
		page("guides/work/meetings.md", FrontMatter{}),
		page("guides/exact.md", FrontMatter{URL: "/exactly/here/"}),
		page("guides/draft.md", FrontMatter{Draft: true}),
		page("guides/later.md", FrontMatter{PublishDate: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}),
		page("guides/gone.md", FrontMatter{ExpiryDate: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}),
		page("shared/index.md", FrontMatter{Headless: true}),
		{Rel: "shared/logo.txt", Kind: FileSource},
	}
	static := []*Source{{Rel: "img/logo.svg", Kind: FileSource, Static: true}}
	m, errs := NewModel(srcs, static, ModelOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), LowercaseURLs: true, SiteTitle: "T"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return m
}

// TestResolveHugo holds the link rules issue 12 added: addresses relative
// to the page's URL, bundles' files under the page's URL, static/ files,
// url:, and why a page left out is missing.
func TestResolveHugo(t *testing.T) {
	r := &Resolver{Model: testModel(t), BasePath: "/"}
	tests := []struct {
		from, dest, want, err string
	}{
		// Addresses, read against the page's URL as a browser does.
		{"guides/work/meetings.md", "../../listening/", "/guides/listening/", ""},
		{"guides/work/meetings.md", "../../../about/", "/about/", ""},
		{"guides/listening.md", "../work/meetings/#agenda", "/guides/work/meetings/#agenda", ""},
		// A path that names a content file or folder is read as one first
		// (mutual's rule): from guides/listening.md, "../" is the content
		// folder, the home page.
		{"guides/listening.md", "../", "/", ""},
		{"guides/listening.md", "./", "/guides/", ""},
		{"guides/listening.md", "_index.md", "/guides/", ""},
		{"guides/listening.md", "../listenin/", "", `link to "../listenin/": no page or file of this site has the address /guides/listenin/ (the link is read as an address relative to this page's, /guides/listening/) (did you mean "/guides/listening/"?)`},
		{"guides/listening.md", "../../../../x/", "", `link "../../../../x/" leaves the content folder`},
		// File paths still work, and win.
		{"guides/listening.md", "work/meetings.md", "/guides/work/meetings/", ""},
		{"guides/listening.md", "exact.md", "/exactly/here/", ""},
		// A bundle's file, published under the page's (lower-cased) URL.
		{"About/index.md", "Team.JPG", "/about/Team.JPG", ""},
		{"guides/listening.md", "/about/Team.JPG", "/about/Team.JPG", ""},
		{"guides/listening.md", "../About/Team.JPG", "/about/Team.JPG", ""},
		// static/ files are site paths.
		{"guides/listening.md", "/img/logo.svg", "/img/logo.svg", ""},
		{"guides/listening.md", "/img/logo.png", "", `link to "/img/logo.png": no page or file of this site has that address`},
		// A headless bundle's files are published; its page is not.
		{"guides/listening.md", "../shared/logo.txt", "/shared/logo.txt", ""},
		{"guides/listening.md", "../shared/index.md", "", `link to "../shared/index.md", which is not published in this build: its front matter says headless: true, so it has no page of its own`},
		{"guides/listening.md", "draft.md", "", `link to "draft.md", which is not published in this build: it is a draft (build with --drafts to include drafts)`},
		{"guides/listening.md", "later.md", "", `link to "later.md", which is not published in this build: its publishDate is 2027-01-01 (build with --future to include it)`},
		{"guides/listening.md", "gone.md", "", `link to "gone.md", which is not published in this build: its expiryDate was 2026-01-01 (build with --expired to include it)`},
		{"guides/listening.md", "listenin.md", "", `link to missing file "listenin.md" (did you mean "listening.md"?)`},
	}
	for _, tt := range tests {
		got, _, _, msg := r.Resolve(tt.from, tt.dest)
		if got != tt.want || msg != tt.err {
			t.Errorf("%s: %q -> %q %q\nwant %q %q", tt.from, tt.dest, got, msg, tt.want, tt.err)
		}
	}
}

// TestResolveIntoUnreadable: a link into a folder that could not be read
// (Model.Unreadable, whose own error says so) leads into it, in words,
// rather than to a "missing file" nobody could know is missing: by its
// content path, by its address (from the root, relative, under the base
// path, lower-cased) and into static/. Links elsewhere keep their errors.
func TestResolveIntoUnreadable(t *testing.T) {
	m := testModel(t)
	m.Unreadable = []string{"content/guides/Private/", "static/fonts/"}
	r := &Resolver{Model: m, BasePath: "/help/"}
	into := func(dest, dir string) string {
		return `link to "` + dest + `", which leads into ` + dir + `, a folder mutual cannot read (see the error for that folder)`
	}
	tests := []struct{ from, dest, err string }{
		{"guides/listening.md", "Private/p.md", into("Private/p.md", "content/guides/Private/")},
		{"guides/listening.md", "Private/deeper/p.md#how", into("Private/deeper/p.md#how", "content/guides/Private/")},
		{"guides/listening.md", "Private/", into("Private/", "content/guides/Private/")},
		{"guides/work/meetings.md", "../Private/p.md", into("../Private/p.md", "content/guides/Private/")},
		{"guides/listening.md", "/guides/private/p/", into("/guides/private/p/", "content/guides/Private/")},
		{"guides/listening.md", "/help/guides/private/", into("/help/guides/private/", "content/guides/Private/")},
		{"guides/listening.md", "../private/p/", into("../private/p/", "content/guides/Private/")},
		{"guides/listening.md", "/fonts/a.woff2", into("/fonts/a.woff2", "static/fonts/")},
		// Not into it: the errors they had.
		{"guides/listening.md", "Privateer.md", `link to missing file "Privateer.md"`},
		{"guides/listening.md", "/guides/privateer/", `link to "/guides/privateer/": no page or file of this site has that address`},
		{"guides/listening.md", "/fontsy/a.woff2", `link to "/fontsy/a.woff2": no page or file of this site has that address`},
		{"guides/listening.md", "/img/logo.svg", ""},
	}
	for _, tt := range tests {
		_, _, _, msg := r.Resolve(tt.from, tt.dest)
		if msg != tt.err {
			t.Errorf("%s: %q: %q\nwant %q", tt.from, tt.dest, msg, tt.err)
		}
	}
}

func TestClimbsOut(t *testing.T) {
	tests := []struct {
		base, p string
		want    bool
	}{
		{"guides/a/", "../../x/", false},
		{"guides/a/", "../../../x/", true},
		{"", "../x", true},
		{"", "./x/../y", false},
		{"a/", "b/../../..", true},
	}
	for _, tt := range tests {
		if got := climbsOut(tt.base, tt.p); got != tt.want {
			t.Errorf("climbsOut(%q, %q) = %v, want %v", tt.base, tt.p, got, tt.want)
		}
	}
}

// TestResolveUnderBasePath: on a site at https://example.org/help/, a site
// path with the base path (as relref writes one, and Hugo content by hand)
// is that address, and one without it is too; the base path alone is the
// home page; a path that only looks like the base path ("/helpers/") is not.
func TestResolveUnderBasePath(t *testing.T) {
	r := &Resolver{Model: testModel(t), BasePath: "/help/"}
	tests := []struct {
		dest, want, err string
	}{
		{"/guides/listening/", "/help/guides/listening/", ""},
		{"/help/guides/listening/", "/help/guides/listening/", ""},
		{"/help/guides/listening/#how", "/help/guides/listening/#how", ""},
		{"/help/guides/listening", "/help/guides/listening/", ""},
		{"/help/about/Team.JPG", "/help/about/Team.JPG", ""},
		{"/help/", "/help/", ""},
		{"/help", "/help/", ""},
		{"/helpers/guides/listening/", "", `link to "/helpers/guides/listening/": no page or file of this site has that address`},
		{"/help/guides/nowhere/", "", `link to "/help/guides/nowhere/": no page or file of this site has that address`},
	}
	for _, tt := range tests {
		got, _, _, msg := r.Resolve("guides/work/meetings.md", tt.dest)
		if got != tt.want || msg != tt.err {
			t.Errorf("%q -> %q %q\nwant %q %q", tt.dest, got, msg, tt.want, tt.err)
		}
	}
	// Served at the root (mutual serve, or --base-url), the links written
	// with site.yaml's base path still lead to the pages, at the root.
	r = &Resolver{Model: testModel(t), BasePath: "/", WrittenBasePath: "/help/"}
	for _, tt := range []struct{ dest, want, err string }{
		{"/help/guides/listening/", "/guides/listening/", ""},
		{"/guides/listening/", "/guides/listening/", ""},
		{"/help/", "/", ""},
		{"/helpers/", "", `link to "/helpers/": no page or file of this site has that address`},
	} {
		got, _, _, msg := r.Resolve("guides/work/meetings.md", tt.dest)
		if got != tt.want || msg != tt.err {
			t.Errorf("served at the root: %q -> %q %q\nwant %q %q", tt.dest, got, msg, tt.want, tt.err)
		}
	}
}

// TestCheckAnchorsOnce: a link to a missing heading is one error at its
// place, however many languages show its page (an untranslated page is
// rendered once per language, each time linking to that language's
// target): the default language's target, the shortest URL, is named.
// Links broken at different places, or to different headings, stay apart.
func TestCheckAnchorsOnce(t *testing.T) {
	anchors := map[string]map[string]bool{
		"guides/a/":    {"one": true, "two": true},
		"es/guides/a/": {"one": true, "two": true},
		"fr/guides/a/": {"one": true},
	}
	ref := func(line int, target, frag string) LinkRef {
		return LinkRef{Path: "content/guides/b.md", Line: line, Col: 5, Target: target, Frag: frag}
	}
	for _, tt := range []struct {
		name string
		refs []LinkRef
		want string
	}{
		{"one language", []LinkRef{ref(3, "guides/a/", "tow")},
			`content/guides/b.md:3:5: link to #tow: /guides/a/ has no heading with that id (did you mean "two"?)`},
		{"three languages, any order", []LinkRef{ref(3, "fr/guides/a/", "tow"), ref(3, "guides/a/", "tow"), ref(3, "es/guides/a/", "tow")},
			`content/guides/b.md:3:5: link to #tow: /guides/a/ has no heading with that id (did you mean "two"?)`},
		{"broken in one language only", []LinkRef{ref(3, "guides/a/", "two"), ref(3, "es/guides/a/", "two"), ref(3, "fr/guides/a/", "two")},
			`content/guides/b.md:3:5: link to #two: /fr/guides/a/ has no heading with that id`},
		{"two places", []LinkRef{ref(4, "es/guides/a/", "x"), ref(3, "guides/a/", "x"), ref(3, "es/guides/a/", "x"), ref(4, "guides/a/", "x")},
			"content/guides/b.md:3:5: link to #x: /guides/a/ has no heading with that id\n" +
				"content/guides/b.md:4:5: link to #x: /guides/a/ has no heading with that id"},
		{"two headings at one place", []LinkRef{ref(3, "guides/a/", "y"), ref(3, "guides/a/", "x")},
			"content/guides/b.md:3:5: link to #x: /guides/a/ has no heading with that id\n" +
				"content/guides/b.md:3:5: link to #y: /guides/a/ has no heading with that id"},
		{"none broken", []LinkRef{ref(3, "guides/a/", "one"), ref(3, "es/guides/a/", "one"), ref(3, "guides/a/", "fn:1")}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckAnchors(tt.refs, anchors).Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
