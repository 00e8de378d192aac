package content

import (
	"testing"
	"time"
)

// TestPublishDates holds when a page is published, on a fixed clock: from
// its publishDate on, or, without one, from its date (Hugo's fallback, so
// an imported blog's scheduled posts wait for their day), until its
// expiryDate; --future and --expired include the others.
func TestPublishDates(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		fm      FrontMatter
		opts    ModelOptions
		wantWhy string // "" when the page is published
		// wantLink is what a link to the page left out says.
		wantLink string
	}{
		{name: "no dates", fm: FrontMatter{}},
		{name: "past date", fm: FrontMatter{Date: day(2026, 5, 1)}},
		{name: "date today, earlier in the day", fm: FrontMatter{Date: day(2026, 6, 1)}},
		{name: "future date, no publishDate", fm: FrontMatter{Date: day(2031, 1, 1)}, wantWhy: "future-date:2031-01-01",
			wantLink: `link to "g.md", which is not published in this build: its date is 2031-01-01, still to come (a page without a publishDate is published on its date; build with --future to include it)`},
		{name: "future date with --future", fm: FrontMatter{Date: day(2031, 1, 1)}, opts: ModelOptions{Future: true}},
		{name: "future date, past publishDate: publishDate wins", fm: FrontMatter{Date: day(2031, 1, 1), PublishDate: day(2026, 1, 1)}},
		{name: "past date, future publishDate", fm: FrontMatter{Date: day(2026, 1, 1), PublishDate: day(2027, 1, 1)}, wantWhy: "future:2027-01-01",
			wantLink: `link to "g.md", which is not published in this build: its publishDate is 2027-01-01 (build with --future to include it)`},
		{name: "future publishDate with --future", fm: FrontMatter{PublishDate: day(2027, 1, 1)}, opts: ModelOptions{Future: true}},
		{name: "future date, expired", fm: FrontMatter{Date: day(2031, 1, 1), ExpiryDate: day(2026, 1, 1)}, opts: ModelOptions{Future: true}, wantWhy: "expired:2026-01-01",
			wantLink: `link to "g.md", which is not published in this build: its expiryDate was 2026-01-01 (build with --expired to include it)`},
		{name: "future lastmod alone publishes", fm: FrontMatter{Lastmod: day(2031, 1, 1)}},
		{name: "future date on a draft built with --drafts", fm: FrontMatter{Date: day(2031, 1, 1), Draft: true}, opts: ModelOptions{Drafts: true}, wantWhy: "future-date:2031-01-01",
			wantLink: `link to "g.md", which is not published in this build: its date is 2031-01-01, still to come (a page without a publishDate is published on its date; build with --future to include it)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm := tt.fm
			fm.Title, fm.Menu = "G", &PageMenu{}
			srcs := []*Source{
				{Rel: "_index.md", Kind: IndexSource},
				{Rel: "news/a.md", Kind: PageSource, FrontMatter: FrontMatter{Title: "A"}},
				{Rel: "news/g.md", Kind: PageSource, FrontMatter: fm},
			}
			opts := tt.opts
			opts.Now, opts.SiteTitle = now, "T"
			m, errs := NewModel(srcs, nil, opts)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := m.Unpublished["news/g.md"]; got != tt.wantWhy {
				t.Errorf("why left out = %q, want %q", got, tt.wantWhy)
			}
			n := m.ByURL["news/g/"]
			if published := n != nil; published != (tt.wantWhy == "") {
				t.Errorf("page news/g/ published = %v, want %v", published, tt.wantWhy == "")
			}
			// Nor is it in its section's list, which feeds, sitemaps and
			// menus are made from.
			inList := false
			for _, p := range m.Sections["news"].Pages {
				inList = inList || p.Src.Rel == "news/g.md"
			}
			if inList != (tt.wantWhy == "") {
				t.Errorf("in the section's list = %v, want %v", inList, tt.wantWhy == "")
			}
			if inMenu := len(m.Menu) == 1; inMenu != (tt.wantWhy == "") {
				t.Errorf("in the menu = %v, want %v", inMenu, tt.wantWhy == "")
			}
			r := &Resolver{Model: m, BasePath: "/"}
			_, _, _, msg := r.Resolve("news/a.md", "g.md")
			if msg != tt.wantLink {
				t.Errorf("link message\n got %s\nwant %s", msg, tt.wantLink)
			}
		})
	}
}
