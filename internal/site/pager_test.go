package site

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/content"
)

// TestPagerWarnings: a list cut into pages whose layout never reads
// .Paginator (its readers would see the first entries and no way to the
// others) is warned of once per layout, at the paginate: that cut it;
// the default theme's layouts, a layout that calls the pagination
// partial, and one that reads .Paginator itself (through $ or a
// variable too) are not.
func TestPagerWarnings(t *testing.T) {
	const own = "content/site.yaml:3:11: the list of /guides/ is cut into 3 pages of 1 (paginate), but themes/t/layouts/section.html never shows .Paginator: its readers see the list's first page and no link to the others; add {{template \"partials/pagination.html\" .}} below the list (the default theme's pager), or write your own from .Paginator"
	tests := []struct {
		name    string
		section string // the theme's layouts/section.html, "" for the default theme's
		tag     string // its layouts/tag.html
		index   string // content/guides/_index.md
		want    string
	}{
		{"default theme", "", "", "", ""},
		{"own section layout without it", `{{define "main"}}{{range .Pages}}<a href="{{.URL}}">{{.Title}}</a>{{end}}{{end}}`, "", "", own},
		{"the partial", `{{define "main"}}{{range .Pages}}{{.Title}}{{end}}{{template "partials/pagination.html" .}}{{end}}`, "", "", ""},
		{"the partial by partial", `{{define "main"}}{{range .Pages}}{{.Title}}{{end}}{{partial "pagination.html" .}}{{end}}`, "", "", ""},
		{"its own pager", `{{define "main"}}{{range .Pages}}{{.Title}}{{with $.Paginator}}{{.Next}}{{end}}{{end}}{{end}}`, "", "", ""},
		{"through a variable", `{{define "main"}}{{$p := .}}{{range .Pages}}{{.Title}}{{end}}{{$p.Paginator.Next}}{{end}}`, "", "", ""},
		{"a section's own paginate", `{{define "main"}}{{range .Pages}}{{.Title}}{{end}}{{end}}`, "", "---\ntitle: Guides\npaginate: 1\n---\n",
			"content/guides/_index.md:3:11: the list of /guides/ is cut into 3 pages of 1 (paginate), but themes/t/layouts/section.html never shows .Paginator: its readers see the list's first page and no link to the others; add {{template \"partials/pagination.html\" .}} below the list (the default theme's pager), or write your own from .Paginator"},
		{"a tag's layout, once", "", `{{define "main"}}{{range .Pages}}{{.Title}}{{end}}{{end}}`, "",
			"content/site.yaml:3:11: the list of /tags/x/ is cut into 2 pages of 1 (paginate), but themes/t/layouts/tag.html never shows .Paginator: its readers see the list's first page and no link to the others; add {{template \"partials/pagination.html\" .}} below the list (the default theme's pager), or write your own from .Paginator"},
		// A theme of its own (no extends): the default theme's partial is
		// not in its chain, so the advice is to copy it in first.
		{"a theme without the default", "solo", "", "",
			"content/site.yaml:3:11: the list of /guides/ is cut into 3 pages of 1 (paginate), but themes/t/layouts/section.html never shows .Paginator: its readers see the list's first page and no link to the others; copy the default theme's pager into the theme with mutual new layout partials/pagination.html, and add {{template \"partials/pagination.html\" .}} below the list, or write your own from .Paginator\n" +
				"content/site.yaml:3:11: the list of /tags/x/ is cut into 2 pages of 1 (paginate), but themes/t/layouts/tag.html never shows .Paginator: its readers see the list's first page and no link to the others; copy the default theme's pager into the theme with mutual new layout partials/pagination.html, and add {{template \"partials/pagination.html\" .}} below the list, or write your own from .Paginator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := minimalSite(t)
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\npaginate: 1\ntheme: t\n")
			writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\ntags: [x]\n---\nC.\n")
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			if tt.section == "solo" {
				// Every layout the site's pages need, and nothing else.
				writeFile(t, dir, "themes/t/theme.yaml", "name: t\n")
				writeFile(t, dir, "themes/t/layouts/base.html", `<!doctype html><title>{{.Title}}</title>{{block "main" .}}{{end}}`)
				for _, kind := range []string{"home", "page", "section", "tag", "tags", "404", "search"} {
					writeFile(t, dir, "themes/t/layouts/"+kind+".html", `{{define "main"}}{{range .Pages}}{{.Title}}{{end}}{{end}}`)
				}
				tt.section = ""
			}
			if tt.section != "" {
				writeFile(t, dir, "themes/t/layouts/section.html", tt.section)
			}
			if tt.tag != "" {
				writeFile(t, dir, "themes/t/layouts/tag.html", tt.tag)
			}
			if tt.index != "" {
				writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
				writeFile(t, dir, "content/guides/_index.md", tt.index)
			}
			b := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			if got := b.Warnings().Error(); got != tt.want {
				t.Errorf("warnings:\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestPagerLinks holds the pages a pager offers (Paginator.Links): the
// first, the last and two on either side of the current one ([n]), with
// "…" for the pages left out between, but never for one page alone: that
// page is offered instead, as a gap would take its place and hide it.
func TestPagerLinks(t *testing.T) {
	tests := []struct {
		current, count int
		want           string
	}{
		{1, 1, "[1]"},
		{1, 2, "[1] 2"},
		{2, 2, "1 [2]"},
		{1, 5, "[1] 2 3 4 5"},
		{3, 5, "1 2 [3] 4 5"},
		{1, 6, "[1] 2 3 … 6"},
		{1, 7, "[1] 2 3 … 7"},
		{3, 7, "1 2 [3] 4 5 6 7"},
		{4, 7, "1 2 3 [4] 5 6 7"},
		{5, 10, "1 2 3 4 [5] 6 7 … 10"},
		{6, 10, "1 … 4 5 [6] 7 8 9 10"},
		{5, 11, "1 2 3 4 [5] 6 7 … 11"},
		{6, 11, "1 … 4 5 [6] 7 8 … 11"},
		{10, 10, "1 … 8 9 [10]"},
		{50, 100, "1 … 48 49 [50] 51 52 … 100"},
	}
	w := &world{basePath: "/"}
	for _, tt := range tests {
		first := &content.Node{URL: "guides/", Href: "guides/", PageNum: 1, PageCount: tt.count, PageSize: 1}
		n := first
		if tt.current > 1 {
			n = &content.Node{PageNum: tt.current, PageCount: tt.count, PageSize: 1, First: first}
		}
		p := &Page{}
		w.cut(n, p, make([]*content.Node, tt.count))
		var got []string
		for _, l := range p.Paginator.Links {
			want := "/guides/"
			if l.Number > 1 {
				want += fmt.Sprintf("page/%d/", l.Number)
			}
			switch {
			case l.Gap:
				got = append(got, "…")
			case l.URL != want:
				t.Errorf("page %d of %d: link %d goes to %s, want %s", tt.current, tt.count, l.Number, l.URL, want)
			case l.Current:
				got = append(got, fmt.Sprintf("[%d]", l.Number))
			default:
				got = append(got, fmt.Sprint(l.Number))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("page %d of %d: the pager offers %s, want %s", tt.current, tt.count, g, tt.want)
		}
	}
}
