package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// twoLanguageModel builds the model of an English and Spanish site from
// files given by content path and text (front matter and body).
func twoLanguageModel(t *testing.T, files map[string]string) (*Model, string) {
	t.Helper()
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var rels []string
	for rel := range files {
		rels = append(rels, rel)
	}
	var srcs []*Source
	for _, rel := range slices.Sorted(slices.Values(rels)) {
		s := &Source{Rel: rel, Kind: classify(rel, []string{"en", "es"})}
		fm, _, ferrs := ParseFrontMatter("content/"+rel, []byte(files[rel]))
		if len(ferrs) > 0 {
			t.Fatal(ferrs)
		}
		s.FrontMatter = fm
		srcs = append(srcs, s)
	}
	m, errs := NewSiteModel(srcs, nil, ModelOptions{}, cfg)
	return m, errs.Error()
}

// TestFallbackInLists: a page a language shows in the default language
// (no translation yet) is in that language's section list, but not on its
// tag pages; its tags are the default language's; previous and next lead
// from a language's own pages to its own pages, and from a fallback page
// to the other fallback pages.
func TestFallbackInLists(t *testing.T) {
	m, errs := twoLanguageModel(t, map[string]string{
		"guides/a.md":    "---\ntitle: A\nweight: 1\ntags: [care]\n---\n",
		"guides/a.es.md": "---\ntitle: A es\nweight: 1\ntags: [cuidado]\n---\n",
		"guides/b.md":    "---\ntitle: B\nweight: 2\ntags: [care, work]\n---\n",
		"guides/c.md":    "---\ntitle: C\nweight: 3\n---\n",
		"guides/d.md":    "---\ntitle: D\nweight: 4\ntags: [care]\n---\n",
		"guides/d.es.md": "---\ntitle: D es\nweight: 4\n---\n",
	})
	if errs != "" {
		t.Fatal(errs)
	}
	describe := func(tr *Tree) []string {
		var out []string
		for _, n := range tr.Sections["guides"].Pages {
			var tags []string
			for _, tg := range n.Tags {
				tags = append(tags, tg.Node.URL)
			}
			name := func(x *Node) string {
				if x == nil {
					return "-"
				}
				return x.URL
			}
			out = append(out, fmt.Sprintf("%s fallback=%v prev=%s next=%s tags=%s", n.URL, n.Fallback, name(n.Prev), name(n.Next), strings.Join(tags, ",")))
		}
		for _, tg := range tr.Tags {
			var pages []string
			for _, n := range tg.Nodes {
				pages = append(pages, n.URL)
			}
			out = append(out, "tag "+tg.Node.URL+": "+strings.Join(pages, ","))
		}
		return out
	}
	tests := []struct {
		lang int
		want []string
	}{
		{0, []string{
			"guides/a/ fallback=false prev=- next=guides/b/ tags=tags/care/",
			"guides/b/ fallback=false prev=guides/a/ next=guides/c/ tags=tags/care/,tags/work/",
			"guides/c/ fallback=false prev=guides/b/ next=guides/d/ tags=",
			"guides/d/ fallback=false prev=guides/c/ next=- tags=tags/care/",
			"tag tags/care/: guides/a/,guides/b/,guides/d/",
			"tag tags/work/: guides/b/",
		}},
		{1, []string{
			"es/guides/a/ fallback=false prev=- next=es/guides/d/ tags=es/tags/cuidado/",
			"es/guides/b/ fallback=true prev=- next=es/guides/c/ tags=tags/care/,tags/work/",
			"es/guides/c/ fallback=true prev=es/guides/b/ next=- tags=",
			"es/guides/d/ fallback=false prev=es/guides/a/ next=- tags=",
			"tag es/tags/cuidado/: es/guides/a/",
		}},
	}
	for _, tt := range tests {
		t.Run(string(m.Trees[tt.lang].Lang), func(t *testing.T) {
			got := describe(m.Trees[tt.lang])
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// No Spanish tag page exists for tags only fallback pages carry.
	for _, n := range m.Trees[1].Nodes {
		if n.Kind == "tag" && (n.URL == "es/tags/care/" || n.URL == "es/tags/work/") {
			t.Errorf("Spanish tag page %s lists only English pages", n.URL)
		}
	}
}
