package content

import (
	"fmt"
	"strings"
	"testing"
)

// paginatedModel writes files to a content folder, scans it and makes the
// model of a site whose site.yaml says paginate: size.
func paginatedModel(t *testing.T, size int, files map[string]string) (*Model, string, string) {
	t.Helper()
	srcs := scanned(t, files)
	m, errs := NewSiteModel(srcs, nil, ModelOptions{SiteTitle: "T"}, &Config{Title: "T", Paginate: size})
	for _, s := range srcs {
		errs = append(errs, s.Errs...)
	}
	errs.Sort()
	return m, errs.Error(), m.Warnings.Error()
}

// pages writes n pages into dir, tagged tag, weighted in order.
func pages(files map[string]string, dir string, n int, tag string) {
	for i := 1; i <= n; i++ {
		files[fmt.Sprintf("%s/p%02d.md", dir, i)] = fmt.Sprintf("---\ntitle: P%d\nweight: %d\ntags: [%s]\n---\n", i, i, tag)
	}
}

// TestCutLists holds which lists are cut into pages, at which addresses:
// by site.yaml's paginate, or a section's own (0 keeps it whole), a tag's
// by site.yaml's; never the home page's.
func TestCutLists(t *testing.T) {
	tests := []struct {
		name    string
		size    int               // site.yaml's paginate
		index   string            // guides/_index.md's front matter lines
		entries int               // pages in guides/, all tagged "care"
		want    map[string]string // list URL -> "page count/size" of its first page
		pages   []string          // URLs of the further pages
	}{
		{"off", 0, "", 5, map[string]string{"guides/": "0/0", "tags/care/": "0/0"}, nil},
		{"shorter than a page", 5, "", 5, map[string]string{"guides/": "0/0", "tags/care/": "0/0"}, nil},
		{"site-wide", 2, "", 5, map[string]string{"guides/": "3/2", "tags/care/": "3/2"},
			[]string{"guides/page/2/", "guides/page/3/", "tags/care/page/2/", "tags/care/page/3/"}},
		{"section's own", 0, "paginate: 4", 5, map[string]string{"guides/": "2/4", "tags/care/": "0/0"}, []string{"guides/page/2/"}},
		{"section keeps its list whole", 2, "paginate: 0", 5, map[string]string{"guides/": "0/0", "tags/care/": "3/2"},
			[]string{"tags/care/page/2/", "tags/care/page/3/"}},
		{"exact pages", 1, "", 2, map[string]string{"guides/": "2/1", "tags/care/": "2/1"}, []string{"guides/page/2/", "tags/care/page/2/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"guides/_index.md": "---\ntitle: Guides\n" + tt.index + "\n---\n"}
			pages(files, "guides", tt.entries, "care")
			m, errs, warns := paginatedModel(t, tt.size, files)
			if errs != "" || warns != "" {
				t.Fatalf("errors %q, warnings %q", errs, warns)
			}
			for u, want := range tt.want {
				n := m.ByURL[u]
				if n == nil {
					t.Fatalf("no page %s", u)
				}
				if got := fmt.Sprintf("%d/%d", n.PageCount, n.PageSize); got != want || n.First != nil || (want != "0/0") != (n.PageNum == 1) {
					t.Errorf("%s: pages/size %s (page %d), want %s", u, got, n.PageNum, want)
				}
			}
			var got []string
			for _, n := range m.Nodes {
				if n.ListPage() {
					got = append(got, n.URL)
					first := m.ByURL[n.First.URL]
					if n.Kind != first.Kind || n.Section != first.Section || n.Tag != first.Tag || n.Title != first.Title || n.Src != nil ||
						n.PageCount != first.PageCount || n.Out != n.URL+"index.html" || n.URL != fmt.Sprintf("%spage/%d/", first.URL, n.PageNum) {
						t.Errorf("%s: %+v, list page %+v", n.URL, n, first)
					}
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.pages, " ") {
				t.Errorf("further pages %q, want %q", got, tt.pages)
			}
		})
	}
}

// TestCutListMistakes holds what a writer hears of paginate in the wrong
// place, and of a page whose address a list's page takes.
func TestCutListMistakes(t *testing.T) {
	tests := []struct {
		name        string
		files       map[string]string
		errs, warns string
	}{
		{"on a page", map[string]string{"guides/a.md": "---\ntitle: A\npaginate: 5\n---\n"}, "",
			"content/guides/a.md:3:11: paginate has no effect here: it cuts a section's list of pages, so it goes in the section's _index.md (or in site.yaml for every section and tag)"},
		{"on the home page", map[string]string{"_index.md": "---\ntitle: Home\npaginate: 5\n---\n"}, "",
			"content/_index.md:3:11: paginate has no effect on the home page, which lists the newest guides (a dozen at most): set it in the _index.md of the section to cut, or in site.yaml for every section and tag"},
		{"negative", map[string]string{"guides/_index.md": "---\ntitle: G\npaginate: -1\n---\n"},
			"content/guides/_index.md:3:11: paginate must be how many entries a page of a list shows, such as 20 (or 0 to list them all on one page), not -1", ""},
		{"address taken", map[string]string{"guides/_index.md": "---\ntitle: G\npaginate: 1\n---\n", "guides/a.md": "---\ntitle: A\n---\n", "guides/b.md": "---\ntitle: B\n---\n", "guides/page/2.md": "---\ntitle: Two\n---\n"},
			"content/guides/page/2.md: duplicate URL /guides/page/2/: also the address of page 2 of the list of content/guides/_index.md (paginate: 1 cuts it into pages)", ""},
		{"a file's address", map[string]string{"guides/_index.md": "---\ntitle: G\nurl: /shelf.html\npaginate: 1\n---\n", "guides/a.md": "---\ntitle: A\n---\n", "guides/b.md": "---\ntitle: B\n---\n"}, "",
			`content/guides/_index.md:3:6: url "/shelf.html" is a file's address, so the section's list cannot go on at page/2/: it is listed whole, paginate: 1 notwithstanding; give the section a folder's address, such as "/shelf/", to cut its list into pages`},
		{"a file's address, list short enough", map[string]string{"guides/_index.md": "---\ntitle: G\nurl: /shelf.html\npaginate: 2\n---\n", "guides/a.md": "---\ntitle: A\n---\n", "guides/b.md": "---\ntitle: B\n---\n"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, errs, warns := paginatedModel(t, 0, tt.files)
			for _, n := range m.Nodes {
				if n.PageNum > 0 && !strings.HasSuffix(n.URL, "/") {
					t.Errorf("a page of a cut list at %s, not a folder's address", n.URL)
				}
			}
			if errs != tt.errs {
				t.Errorf("errors:\n%s\nwant\n%s", errs, tt.errs)
			}
			if warns != tt.warns {
				t.Errorf("warnings:\n%s\nwant\n%s", warns, tt.warns)
			}
		})
	}
}
