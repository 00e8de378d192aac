package content

import (
	"slices"
	"strings"
	"testing"
)

// TestTranslationKey: pages Hugo pairs by translationKey at different
// paths of one folder are paired (the default language's page is the one
// the others join), each keeping the address of its own name; what cannot
// be paired is a warning at the key, and the page stays its language's own.
func TestTranslationKey(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // the Spanish tree: page key -> URL (title)
		warns []string // substrings, one per warning
	}{
		{
			name: "by file name, in the tree, and a slug of its own",
			files: map[string]string{
				"guides/listening.md":   "---\ntitle: Listening\ntranslationKey: listen\n---\n",
				"guides/escuchar.es.md": "---\ntitle: Escuchar\ntranslationKey: listen\n---\n",
				"guides/giving.md":      "---\ntitle: Giving\ntranslationKey: give\n---\n",
				"es/guides/dar.md":      "---\ntitle: Dar\ntranslationKey: give\nslug: dar-bien\n---\n",
				"guides/untouched.md":   "---\ntitle: Untouched\ntranslationKey: alone\n---\n",
			},
			want: []string{
				"guides/giving.md es/guides/dar-bien/ (Dar)",
				"guides/listening.md es/guides/escuchar/ (Escuchar)",
				"guides/untouched.md es/guides/untouched/ (Untouched) fallback",
			},
		},
		{
			name: "only Spanish has it: the first language's page is the one",
			files: map[string]string{
				"es/guides/uno.md": "---\ntitle: Uno\ntranslationKey: k\n---\n",
			},
			want: []string{"guides/uno.md es/guides/uno/ (Uno)"},
		},
		{
			name: "what cannot be paired",
			files: map[string]string{
				"guides/a.md":           "---\ntitle: A\ntranslationKey: two\n---\n",
				"guides/a1.es.md":       "---\ntitle: A1\ntranslationKey: two\n---\n",
				"guides/a2.es.md":       "---\ntitle: A2\ntranslationKey: two\n---\n",
				"guides/b.md":           "---\ntitle: B\ntranslationKey: far\n---\n",
				"otros/b.es.md":         "---\ntitle: B es\ntranslationKey: far\n---\n",
				"guides/c/index.md":     "---\ntitle: C\ntranslationKey: bundle\n---\n",
				"guides/ce/index.es.md": "---\ntitle: Ce\ntranslationKey: bundle\n---\n",
				"guides/d.md":           "---\ntitle: D\ntranslationKey: taken\n---\n",
				"guides/d.es.md":        "---\ntitle: D es\n---\n",
				"guides/de.es.md":       "---\ntitle: De\ntranslationKey: taken\n---\n",
			},
			want: []string{
				"guides/a.md es/guides/a1/ (A1)",
				"guides/a2.md es/guides/a2/ (A2)",
				"guides/b.md es/guides/b/ (B) fallback",
				"guides/c/index.md es/guides/c/ (C) fallback",
				"guides/ce/index.md es/guides/ce/ (Ce)",
				"guides/d.md es/guides/d/ (D es)",
				"guides/de.md es/guides/de/ (De)",
				"otros/b.md es/otros/b/ (B es)",
			},
			warns: []string{
				`content/guides/a2.es.md:3:17: translationKey "two" is also on content/guides/a1.es.md, a page in the same language`,
				`content/guides/ce/index.es.md:3:17: translationKey "bundle" would make this the Spanish version of content/guides/c/index.md, but mutual pairs page bundles by their folder`,
				`content/guides/de.es.md:3:17: translationKey "taken" would make this the Spanish version of content/guides/d.md, which has one already: content/guides/d.es.md`,
				`content/otros/b.es.md:3:17: translationKey "far" would make this the Spanish version of content/guides/b.md, which is in another folder`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, errs := twoLanguageModel(t, tt.files)
			if errs != "" {
				t.Fatal(errs)
			}
			var got []string
			for _, n := range m.Trees[1].Nodes {
				if n.Kind != "page" {
					continue
				}
				line := n.Key + " " + n.URL + " (" + n.Title + ")"
				if n.Fallback {
					line += " fallback"
				}
				got = append(got, line)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Spanish pages:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(m.Warnings) != len(tt.warns) {
				t.Fatalf("warnings:\n%v\nwant %d", m.Warnings, len(tt.warns))
			}
			for i, w := range tt.warns {
				if !strings.HasPrefix(m.Warnings[i].Error(), w) {
					t.Errorf("warning %d:\n%s\nwant it to start with\n%s", i, m.Warnings[i].Error(), w)
				}
			}
		})
	}
}
