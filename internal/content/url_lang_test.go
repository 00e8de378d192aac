package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestURLInLanguages holds where url: puts a page on a site with
// languages: the page itself at the address as written; a language that
// shows it untranslated under its own folder (/es/about-us/), as it shows
// every fallback page and as slug: does; a translation with a url: of its
// own at that address, as written; one without, at its file's address in
// its language. A duplicate URL names the two files, never one file as
// its own duplicate; it is reported at the url: or slug: that chose an
// address already taken, and once, not again for the copies a language
// shows untranslated.
func TestURLInLanguages(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "lang URL <- file (fallback)" of every page of guides/, about and x
		err   string
	}{
		{
			name:  "url: untranslated",
			files: map[string]string{"about.md": "---\ntitle: About\nurl: /about-us/\n---\n"},
			want:  []string{"en about-us/ <- about.md", "es es/about-us/ <- about.md (fallback)"},
		},
		{
			name:  "slug: untranslated, the same rule",
			files: map[string]string{"about.md": "---\ntitle: About\nslug: about-us\n---\n"},
			want:  []string{"en about-us/ <- about.md", "es es/about-us/ <- about.md (fallback)"},
		},
		{
			name: "url: in a subfolder, untranslated",
			files: map[string]string{
				"guides/a.md": "---\ntitle: A\nurl: /help/contact/\n---\n",
			},
			want: []string{"en help/contact/ <- guides/a.md", "es es/help/contact/ <- guides/a.md (fallback)"},
		},
		{
			name: "a translation with its own url: keeps it",
			files: map[string]string{
				"about.md":    "---\ntitle: About\nurl: /about-us/\n---\n",
				"about.es.md": "---\ntitle: Sobre\nurl: /sobre-nosotros/\n---\n",
			},
			want: []string{"en about-us/ <- about.md", "es sobre-nosotros/ <- about.es.md"},
		},
		{
			name: "a translation without url: is at its file's address",
			files: map[string]string{
				"about.md":    "---\ntitle: About\nurl: /about-us/\n---\n",
				"about.es.md": "---\ntitle: Sobre\n---\n",
			},
			want: []string{"en about-us/ <- about.md", "es es/about/ <- about.es.md"},
		},
		{
			name: "a translation that writes the original's url: is a duplicate of it",
			files: map[string]string{
				"about.md":    "---\ntitle: About\nurl: /about-us/\n---\n",
				"about.es.md": "---\ntitle: Sobre\nurl: /about-us/\n---\n",
			},
			err: "content/about.es.md:3:6: duplicate URL /about-us/: also the address of content/about.md",
		},
		{
			name: "a slug: that takes another page's address: one error, at the slug",
			files: map[string]string{
				"guides/boundaries.md":  "---\ntitle: Boundaries\nslug: first-guide\n---\n",
				"guides/first-guide.md": "---\ntitle: First\n---\n",
			},
			err: "content/guides/boundaries.md:3:7: duplicate URL /guides/first-guide/: also the address of content/guides/first-guide.md",
		},
		{
			name: "a fallback's address taken by a page of the default language",
			files: map[string]string{
				"a.md": "---\ntitle: A\nurl: /es/x/\n---\n",
				"b.md": "---\ntitle: B\nurl: /x/\n---\n",
			},
			err: "content/b.md:3:6: duplicate URL /es/x/: the address the es pages give this page until it is translated is also the address of content/a.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, errs := twoLanguageModel(t, tt.files)
			if errs != tt.err {
				t.Fatalf("errors\n got %s\nwant %s", errs, tt.err)
			}
			if tt.err != "" {
				return
			}
			var got []string
			for _, tr := range m.Trees {
				for _, n := range tr.Nodes {
					if n.Src == nil || n.Kind != "page" {
						continue
					}
					line := fmt.Sprintf("%s %s <- %s", tr.Lang, n.URL, n.Src.Rel)
					if n.Fallback {
						line += " (fallback)"
					}
					got = append(got, line)
					if m.ByURL[n.URL] != n {
						t.Errorf("ByURL[%q] is not the page %s", n.URL, line)
					}
				}
			}
			slices.Sort(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
