package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scannedModel writes files (content paths and text) to a content folder,
// scans it as a build does (front matter and worksheets parsed, with
// positions) and makes its model; it returns the model and the errors.
func scannedModel(t *testing.T, files map[string]string) (*Model, string) {
	t.Helper()
	m, errs := NewModel(scanned(t, files), nil, ModelOptions{SiteTitle: "T"})
	return m, errs.Error()
}

// scanned writes files (content paths and text) to a content folder and
// scans it as a build does.
func scanned(t *testing.T, files map[string]string) []*Source {
	t.Helper()
	dir := t.TempDir()
	for rel, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srcs, errs, err := Scan(dir, dir, nil, nil)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	return srcs
}

// TestTagSlug holds the address each tag name gets: ordinary names
// (letters, digits, spaces, hyphens, accents) as always; "+" kept, as
// Hugo keeps it; "#" spelled as a word; "/" between words.
func TestTagSlug(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"care", "care"},
		{"Care", "care"},
		{"Self care", "self-care"},
		{"  Self   care  ", "self-care"},
		{"self-care", "self-care"},
		{"check-ins", "check-ins"},
		{"Límites", "límites"},
		{"lo-básico", "lo-básico"},
		{"2026 goals", "2026-goals"},
		{"under_score", "under_score"},
		{"Über Geld", "über-geld"},
		{"C++", "c++"},
		{"C#", "c-sharp"},
		{"F# and C#", "f-sharp-and-c-sharp"},
		{"#MeToo", "sharp-metoo"},
		{"CI/CD", "ci-cd"},
		{"either\\or", "either-or"},
		{"node.js", "nodejs"},
		{"Give & take", "give-take"},
		{"..", ""},
		{"!!!", ""},
		{"❤️", ""},
	} {
		if got := tagSlug(tt.name); got != tt.want {
			t.Errorf("tagSlug(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestTags holds which names are one tag and which are errors: names that
// differ only in case are one tag (titled as the first page writes it);
// different names get different pages, or, when they would share one,
// are an error at the later one naming the first; a name with no letter
// or digit is an error at its line and column, in pages and worksheets.
func TestTags(t *testing.T) {
	const sheet = "title: W\ntags: %s\nsections:\n  - title: S\n    questions:\n      - {id: q, type: pair, give: I give., receive: I get., scale: frequency}\n" +
		"results:\n  - {title: Any, body: Fine.}\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each tag page: "URL title: pages"; then each page's tags
		err   string
		warn  string
	}{
		{
			name: "the QA report: case merges, punctuation does not",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [Care, \"C++\", \"C#\", \"CI/CD\"]\n---\n",
				"b.md": "---\ntitle: B\ntags: [care, c, C]\n---\n",
			},
			want: []string{
				"tags/c/ c: b/",
				"tags/c++/ C++: a/",
				"tags/c-sharp/ C#: a/",
				"tags/care/ Care: a/ b/",
				"tags/ci-cd/ CI/CD: a/",
				"a/: Care C++ C# CI/CD",
				"b/: Care c",
			},
		},
		{
			name: "ordinary tags keep their addresses",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [Self care, Límites, check-ins, 2026 goals]\n---\n",
				"b.md": "---\ntitle: B\ntags: [self  CARE, límites]\n---\n",
			},
			want: []string{
				"tags/2026-goals/ 2026 goals: a/",
				"tags/check-ins/ check-ins: a/",
				"tags/límites/ Límites: a/ b/",
				"tags/self-care/ Self care: a/ b/",
				"a/: Self care Límites check-ins 2026 goals",
				"b/: Self care Límites",
			},
		},
		{
			name: "a page that repeats a tag lists it once",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [care, Care, CARE]\n---\n",
			},
			want: []string{"tags/care/ care: a/", "a/: care"},
		},
		{
			name: "worksheets' tags follow the same rules",
			files: map[string]string{
				"a.md":              "---\ntitle: A\ntags: [c#]\n---\n",
				"worksheets/w.yaml": fmt.Sprintf(sheet, `["C#", "C++"]`),
			},
			want: []string{
				"tags/c++/ C++: worksheets/w/",
				"tags/c-sharp/ c#: a/ worksheets/w/",
				"a/: c#",
				"worksheets/w/: c# C++",
			},
		},
		{
			name: "a tag with no letter or digit",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [care, \"..\", \"!!!\"]\n---\n",
			},
			err: `content/a.md:3:14: tag ".." has no letter or digit, so its page can have no address (/tags/<name>/): write the tag as a word, or remove it` + "\n" +
				`content/a.md:3:20: tag "!!!" has no letter or digit, so its page can have no address (/tags/<name>/): write the tag as a word, or remove it`,
		},
		{
			name: "a draft's tag with no letter or digit is reported too",
			files: map[string]string{
				"a.md": "---\ntitle: A\ndraft: true\ntags:\n  - \"❤️\"\n---\n",
			},
			err: `content/a.md:5:5: tag "❤️" has no letter or digit, so its page can have no address (/tags/<name>/): write the tag as a word, or remove it`,
		},
		{
			name: "a worksheet's tag with no letter or digit",
			files: map[string]string{
				"worksheets/w.yaml": fmt.Sprintf(sheet, `[ok, "--"]`),
			},
			err: `content/worksheets/w.yaml:2:12: tag "--" has no letter or digit, so its page can have no address (/tags/<name>/): write the tag as a word, or remove it`,
		},
		{
			name: "two names that share a page are one tag, with a warning",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [care]\n---\n",
				"b.md": "---\ntitle: B\ntags: [work, Care!]\n---\n",
			},
			want: []string{
				"tags/care/ care: a/ b/",
				"tags/work/ work: b/",
				"a/: care",
				"b/: work care",
			},
			warn: `content/b.md:3:14: tag "Care!" is one tag with "care" (content/a.md:3:8): they share the page /tags/care/, which shows the name "care"; write them the same way to choose the name, or make them differ by a letter or digit to have two tags`,
		},
		{
			name: "spaces and hyphens: one tag",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [self care]\n---\n",
				"b.md": "---\ntitle: B\ntags: [self-care]\n---\n",
			},
			want: []string{
				"tags/self-care/ self care: a/ b/",
				"a/: self care",
				"b/: self care",
			},
			warn: `content/b.md:3:8: tag "self-care" is one tag with "self care" (content/a.md:3:8): they share the page /tags/self-care/, which shows the name "self care"; write them the same way to choose the name, or make them differ by a letter or digit to have two tags`,
		},
		{
			name: "two names of one page that share a page",
			files: map[string]string{
				"a.md": "---\ntitle: A\ntags: [node.js, nodejs]\n---\n",
			},
			want: []string{
				"tags/nodejs/ node.js: a/",
				"a/: node.js",
			},
			warn: `content/a.md:3:17: tag "nodejs" is one tag with "node.js" (content/a.md:3:8): they share the page /tags/nodejs/, which shows the name "node.js"; write them the same way to choose the name, or make them differ by a letter or digit to have two tags`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, errs := scannedModel(t, tt.files)
			if errs != tt.err {
				t.Fatalf("errors\n got %s\nwant %s", errs, tt.err)
			}
			if tt.err != "" {
				return
			}
			if w := m.Warnings.Error(); w != tt.warn {
				t.Errorf("warnings\n got %s\nwant %s", w, tt.warn)
			}
			var got []string
			for _, tag := range m.Tags {
				var pages []string
				for _, n := range tag.Nodes {
					pages = append(pages, n.URL)
				}
				got = append(got, fmt.Sprintf("%s %s: %s", tag.Node.URL, tag.Node.Title, strings.Join(pages, " ")))
				if m.ByURL[tag.Node.URL] != tag.Node {
					t.Errorf("ByURL[%q] is not the tag's page", tag.Node.URL)
				}
			}
			for _, n := range m.Nodes {
				if len(n.Tags) == 0 {
					continue
				}
				var names []string
				for _, tag := range n.Tags {
					names = append(names, tag.Name)
				}
				got = append(got, n.URL+": "+strings.Join(names, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
