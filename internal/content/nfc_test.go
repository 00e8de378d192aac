package content

import (
	"strings"
	"testing"
	"time"
)

// TestNFC: decomposed names (as macOS saves them) compose to the form a
// keyboard types; composed and plain ones stay as they are.
func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"guides/listening.md", "guides/listening.md"},
		{"cafe\u0301.md", "café.md"},
		{"U\u0308berblick/index.md", "Überblick/index.md"},
		{"café.md", "café.md"},
		{"e\u0323\u0302", "\u1ec7"},                      // ệ: two marks, in canonical order
		{"\u1100\u1161\u11a8", "\uac01"},                 // 각 from its jamo
		{"a\u0301\u0301", "\u00e1\u0301"},                // a second accent has no composition
		{"\u0301x", "\u0301x"},                           // a mark with nothing before it
		{"Sm\u00f8rrebr\u00f8d", "Sm\u00f8rrebr\u00f8d"}, // ø has no decomposition
	}
	for _, tt := range tests {
		if got := nfc(tt.in); got != tt.want {
			t.Errorf("nfc(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

// TestDecomposedNames: files named on a Mac (decomposed letters) get the
// addresses their names have when typed (composed), and links find them
// whichever way either is written; two names that differ only so are one
// address, an error, rather than one page overwriting the other.
func TestDecomposedNames(t *testing.T) {
	const cafeNFD, uberNFD = "cafe\u0301", "U\u0308berblick"
	srcs := []*Source{
		{Rel: "_index.md", Kind: IndexSource, FrontMatter: FrontMatter{Title: "Home"}},
		{Rel: "guides/" + cafeNFD + ".md", Kind: PageSource, FrontMatter: FrontMatter{Title: "Café"}},
		{Rel: uberNFD + "/_index.md", Kind: IndexSource, FrontMatter: FrontMatter{Title: "Überblick"}},
		{Rel: uberNFD + "/" + cafeNFD + ".pdf", Kind: FileSource},
		{Rel: "guides/noël.md", Kind: PageSource, FrontMatter: FrontMatter{Title: "Noël"}},
	}
	m, errs := NewModel(srcs, nil, ModelOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), LowercaseURLs: true, SiteTitle: "T"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	r := &Resolver{Model: m, BasePath: "/"}
	tests := []struct{ from, dest, want string }{
		{"_index.md", "guides/café.md", "/guides/caf%c3%a9/"},
		{"_index.md", "guides/" + cafeNFD + ".md", "/guides/caf%c3%a9/"},
		{"_index.md", "guides/café.md#top", "/guides/caf%c3%a9/#top"},
		{"_index.md", "Überblick/", "/%c3%bcberblick/"},
		{"_index.md", "Überblick/_index.md", "/%c3%bcberblick/"},
		{"_index.md", "Überblick/café.pdf", "/%c3%bcberblick/caf%c3%a9.pdf"},
		{"guides/" + cafeNFD + ".md", "noe\u0308l.md", "/guides/no%c3%abl/"},
		{"guides/" + cafeNFD + ".md", "/guides/café/", "/guides/caf%c3%a9/"},
	}
	for _, tt := range tests {
		got, _, _, msg := r.Resolve(tt.from, tt.dest)
		if got != tt.want || msg != "" {
			t.Errorf("%+q: %+q -> %q %q, want %q", tt.from, tt.dest, got, msg, tt.want)
		}
	}

	_, errs = NewModel([]*Source{
		{Rel: "guides/café.md", Kind: PageSource, FrontMatter: FrontMatter{Title: "A"}},
		{Rel: "guides/" + cafeNFD + ".md", Kind: PageSource, FrontMatter: FrontMatter{Title: "B"}},
	}, nil, ModelOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), LowercaseURLs: true, SiteTitle: "T"})
	if !strings.Contains(errs.Error(), "duplicate URL /guides/café/") || !strings.Contains(errs.Error(), "differ only in how their accented letters are saved") {
		t.Errorf("two names for one address: errors %q", errs.Error())
	}
}

// TestDecomposedStaticNames: a file of static/ named on a Mac (decomposed)
// is published under its name composed, as content files are, and a link
// from the site's root finds it typed either way; so does one to a page's
// address typed decomposed.
func TestDecomposedStaticNames(t *testing.T) {
	const cafeNFD = "cafe\u0301"
	srcs := []*Source{
		{Rel: "_index.md", Kind: IndexSource, FrontMatter: FrontMatter{Title: "Home"}},
		{Rel: "guides/noël.md", Kind: PageSource, FrontMatter: FrontMatter{Title: "Noël"}},
	}
	static := []*Source{
		{Rel: "img/" + cafeNFD + ".png", Kind: FileSource, Static: true},
		{Rel: "U\u0308berblick.pdf", Kind: FileSource, Static: true},
		{Rel: "img/noël.png", Kind: FileSource, Static: true},
	}
	m, errs := NewModel(srcs, static, ModelOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), LowercaseURLs: true, SiteTitle: "T"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := StaticOut("img/" + cafeNFD + ".png"); got != "img/café.png" {
		t.Errorf("StaticOut = %+q, want the composed name", got)
	}
	r := &Resolver{Model: m, BasePath: "/"}
	tests := []struct{ dest, want string }{
		{"/img/café.png", "/img/caf%c3%a9.png"},
		{"/img/" + cafeNFD + ".png", "/img/caf%c3%a9.png"},
		{"/img/caf%c3%a9.png", "/img/caf%c3%a9.png"},
		{"/Überblick.pdf", "/%c3%9cberblick.pdf"},
		{"/img/noe\u0308l.png", "/img/no%c3%abl.png"},
		{"/img/noël.png?v=2", "/img/no%c3%abl.png?v=2"},
		{"/guides/noe\u0308l/", "/guides/no%c3%abl/"},
	}
	for _, tt := range tests {
		got, _, _, msg := r.Resolve("_index.md", tt.dest)
		if got != tt.want || msg != "" {
			t.Errorf("%+q -> %q %q, want %q", tt.dest, got, msg, tt.want)
		}
	}
}
