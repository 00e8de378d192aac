package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"mutual/internal/worksheet"
)

// TestSpacesInPaths holds how a space in a file or folder name reaches an
// address, as in Hugo: each run of spaces is one "-" (self care.md is
// /self-care/, not /self%20care/) for pages, sections (with or without an
// _index.md) and bundles, not worksheets, whose saved answers are kept
// under their address; slug: and url: are kept as written;
// a bundle's files follow its page, and a section's files its pages (under
// their own names, as in Hugo: a handout lies beside the page that links
// it); two files that come to one address are a duplicate URL that says
// why.
func TestSpacesInPaths(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string // content path -> front matter ("" for a file)
		keepCase bool              // lowercaseURLs: false
		want     []string          // "URL <- rel" of every page, and "file out <- rel"
		err      string
	}{
		{
			name:  "a page",
			files: map[string]string{"self care.md": "title: A"},
			want:  []string{"self-care/ <- self care.md"},
		},
		{
			name:  "runs of spaces and spaces at the ends",
			files: map[string]string{"guides/ give   and take .md": "title: A"},
			want:  []string{"guides/ <- guides", "guides/give-and-take/ <- guides/ give   and take .md"},
		},
		{
			name: "a section with an _index.md, and its page",
			files: map[string]string{
				"self care/_index.md": "title: S",
				"self care/rest.md":   "title: R",
			},
			want: []string{"self-care/ <- self care/_index.md", "self-care/rest/ <- self care/rest.md"},
		},
		{
			name:  "a section without an _index.md",
			files: map[string]string{"self care/rest days.md": "title: R"},
			want:  []string{"self-care/ <- self care", "self-care/rest-days/ <- self care/rest days.md"},
		},
		{
			name: "a bundle and its files, whose own names are kept",
			files: map[string]string{
				"my story/index.md":  "title: S",
				"my story/a pic.png": "",
			},
			want: []string{"my-story/ <- my story/index.md", "my-story/a pic.png <- my story/a pic.png"},
		},
		{
			name: "a section's file, beside its pages, by its own name",
			files: map[string]string{
				"self care/rest.md":    "title: R",
				"self care/Week 1.pdf": "",
			},
			want: []string{"self-care/ <- self care", "self-care/Week 1.pdf <- self care/Week 1.pdf", "self-care/rest/ <- self care/rest.md"},
		},
		{
			name: "a section's file, its folders as the section's address",
			files: map[string]string{
				"Self Care/More  Days/rest.md":  "title: R",
				"Self Care/More  Days/Plan.pdf": "",
			},
			want: []string{"self-care/ <- Self Care", "self-care/more-days/ <- Self Care/More  Days", "self-care/more-days/Plan.pdf <- Self Care/More  Days/Plan.pdf", "self-care/more-days/rest/ <- Self Care/More  Days/rest.md"},
		},
		{
			name:     "a section's file, lowercaseURLs: false",
			keepCase: true,
			files: map[string]string{
				"Self Care/rest.md":    "title: R",
				"Self Care/Week 1.pdf": "",
			},
			want: []string{"Self-Care/ <- Self Care", "Self-Care/Week 1.pdf <- Self Care/Week 1.pdf", "Self-Care/rest/ <- Self Care/rest.md"},
		},
		{
			name:  "a file at the top keeps its name",
			files: map[string]string{"Notes 1.txt": ""},
			want:  []string{"Notes 1.txt <- Notes 1.txt"},
		},
		{
			name: "a worksheets/ file",
			files: map[string]string{
				"worksheets/give and take.yaml": "",
				"worksheets/print me.pdf":       "",
			},
			want: []string{"worksheets/ <- worksheets", "worksheets/give and take/ <- worksheets/give and take.yaml", "worksheets/print me.pdf <- worksheets/print me.pdf"},
		},
		{
			// Saved answers are kept under a worksheet's address: it stays.
			name:  "a worksheet keeps its address",
			files: map[string]string{"worksheets/give and take.yaml": ""},
			want:  []string{"worksheets/ <- worksheets", "worksheets/give and take/ <- worksheets/give and take.yaml"},
		},
		{
			name:  "slug: as written",
			files: map[string]string{"self care.md": "title: A\nslug: self_care"},
			want:  []string{"self_care/ <- self care.md"},
		},
		{
			name:  "url: as written",
			files: map[string]string{"a b/self care.md": "title: A\nurl: /a b/c d/"},
			want:  []string{"a b/c d/ <- a b/self care.md", "a-b/ <- a b"},
		},
		{
			name: "two files, one address",
			files: map[string]string{
				"self care.md": "title: A",
				"self-care.md": "title: B",
			},
			err: `content/self-care.md: duplicate URL /self-care/: also the address of content/self care.md (a space in a file or folder name is a "-" in its address): rename one of them, or give one a slug:`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var srcs []*Source
			for _, rel := range slices.Sorted(maps.Keys(tt.files)) {
				s := &Source{Rel: rel, Kind: classify(rel, nil)}
				switch s.Kind {
				case PageSource, IndexSource:
					fm, _, ferrs := ParseFrontMatter("content/"+rel, []byte("---\n"+tt.files[rel]+"\n---\n"))
					if len(ferrs) > 0 {
						t.Fatal(ferrs)
					}
					s.FrontMatter = fm
				case WorksheetSource:
					s.Worksheet = &worksheet.Worksheet{Title: "W"}
				}
				srcs = append(srcs, s)
			}
			m, errs := NewModel(srcs, nil, ModelOptions{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), LowercaseURLs: !tt.keepCase, SiteTitle: "T"})
			if got := errs.Error(); got != tt.err {
				t.Fatalf("errors\n got %s\nwant %s", got, tt.err)
			}
			if tt.err != "" {
				return
			}
			var got []string
			for _, n := range m.Nodes {
				switch {
				case n.Src != nil:
					got = append(got, fmt.Sprintf("%s <- %s", n.URL, n.Src.Rel))
				case n.Kind == "section":
					got = append(got, fmt.Sprintf("%s <- %s", n.URL, n.Section.Dir))
				}
			}
			for rel, out := range m.FileOut {
				got = append(got, fmt.Sprintf("%s <- %s", out, rel))
			}
			slices.Sort(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
