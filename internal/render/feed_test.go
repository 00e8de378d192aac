package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"mutual/internal/content"
)

// TestFeedDates holds what the feed says of time: an entry's <updated> is
// its lastmod or date, whichever is later; a guide with no date is left
// out, since any <updated> written for it would be made up (it was the
// site's newest date, which changed with every new guide); the feed's own
// <updated> is its newest entry's, and info.Latest only when it has none.
// The same guides give the same bytes, whatever else the site holds.
func TestFeedDates(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	page := func(url, date, lastmod string) *content.Node {
		n := &content.Node{Kind: "page", URL: url, Href: url, Title: url}
		if date != "" {
			n.Date = day(date)
		}
		if lastmod != "" {
			n.Lastmod = day(lastmod)
		}
		return n
	}
	tests := []struct {
		name   string
		guides []*content.Node
		latest string
		want   string // "feed <updated>; entry updated; ..."
	}{
		{
			name:   "dated guides, newest first",
			guides: []*content.Node{page("a/", "2026-01-01", ""), page("b/", "2026-02-01", "2026-05-01"), page("c/", "2026-03-01", "")},
			latest: "2026-09-09",
			want:   "2026-05-01; b/ 2026-05-01; c/ 2026-03-01; a/ 2026-01-01",
		},
		{
			name:   "an undated guide is left out",
			guides: []*content.Node{page("a/", "2026-01-01", ""), page("undated/", "", "")},
			latest: "2026-09-09",
			want:   "2026-01-01; a/ 2026-01-01",
		},
		{
			name:   "no dated guide",
			guides: []*content.Node{page("undated/", "", "")},
			latest: "2026-09-09",
			want:   "2026-09-09",
		},
	}
	entry := regexp.MustCompile(`(?s)<entry>.*?<id>https://example\.org/([^<]*)</id>.*?<updated>([^<]*)</updated>`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := FeedInfo{Site: "https://example.org/", Title: "T", Language: "en", Latest: day(tt.latest)}
			feed := string(Feed(tt.guides, info))
			head, _, _ := strings.Cut(feed, "<entry>")
			got := []string{regexp.MustCompile(`<updated>(\d{4}-\d\d-\d\d)`).FindStringSubmatch(head)[1]}
			for _, m := range entry.FindAllStringSubmatch(feed, -1) {
				got = append(got, m[1]+" "+m[2][:10])
			}
			if s := strings.Join(got, "; "); s != tt.want {
				t.Errorf("got  %s\nwant %s\n%s", s, tt.want, feed)
			}
			info.Latest = day("2030-01-01") // a newer page elsewhere on the site
			if tt.want != "2026-09-09" && string(Feed(tt.guides, info)) != feed {
				t.Errorf("the feed changed with a date that is not in it")
			}
		})
	}
}
