package site

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"mutual/internal/diag"
)

// TestHugo builds each testdata/hugo case: Hugo content as it moves over
// (shortcodes, alerts, front matter formats, bundles, URLs, layouts,
// summaries, menus, dates, relative links, static/). A case's "options"
// file may hold lines "future", "expired", "drafts" and "now
// 2026-06-01" (the build's time; that date by default). A case that must
// fail has an "errors" file; one that builds has want/ files, each an
// output file (for HTML, only its <main> element, so that the golden
// shows the feature and not the page around it) or want/_files, the list
// of output files but the theme's css/, js/ and schema/ and the search index; want/PATH#TAG is the first TAG element of the page
// (want/index.html#header; TAG may hold attributes, as in
// want/index.html#meta name="description"). -update rewrites them.
func TestHugo(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	eachCase(t, "testdata/hugo/*.txtar", func(t *testing.T, file string, a *archive, dir, out string) {
		opts := Options{Dir: dir, Out: out, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
		for _, line := range strings.Split(a.Files["options"], "\n") {
			switch f := strings.Fields(line); {
			case len(f) == 1 && f[0] == "future":
				opts.Future = true
			case len(f) == 1 && f[0] == "expired":
				opts.Expired = true
			case len(f) == 1 && f[0] == "drafts":
				opts.Drafts = true
			case len(f) == 2 && f[0] == "now":
				now, err := time.Parse("2006-01-02", f[1])
				if err != nil {
					t.Fatal(err)
				}
				opts.Now = now
			case len(f) > 0:
				t.Fatalf("options: unknown line %q", line)
			}
		}
		os.Remove(dir + "/options")
		_, err := New(opts).Build()
		changed := false
		set := func(name, got string) {
			if *update {
				if a.Files[name] != got {
					a.Files[name] = got
					if !slices.Contains(a.Order, name) {
						a.Order = append(a.Order, name)
					}
					changed = true
				}
				return
			}
			if got != a.Files[name] {
				t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, a.Files[name])
			}
		}
		if _, wantErrs := a.Files["errors"]; wantErrs || err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("want a list of errors, got %v", err)
			}
			set("errors", list.Error()+"\n")
		} else {
			tree := readTree(t, out)
			for _, name := range slices.Clone(a.Order) {
				p, ok := strings.CutPrefix(name, "want/")
				if !ok {
					continue
				}
				if p == "_files" {
					// The theme's files are left out: their names carry
					// hashes that change with the theme.
					var names []string
					for _, n := range treeNames(tree) {
						if !strings.HasPrefix(n, "css/") && !strings.HasPrefix(n, "js/") && !strings.HasPrefix(n, "schema/") && !strings.HasPrefix(n, "search/") {
							names = append(names, n)
						}
					}
					set(name, strings.Join(names, "\n")+"\n")
					continue
				}
				p, elem, _ := strings.Cut(p, "#")
				data, ok := tree[p]
				if !ok {
					t.Errorf("no output file %s", p)
					continue
				}
				if elem != "" {
					set(name, element(string(data), elem))
					continue
				}
				set(name, mainElement(string(data)))
			}
			for p, data := range tree {
				if strings.HasSuffix(p, ".html") && (strings.Contains(string(data), "{{<") || strings.Contains(string(data), "{{%")) && !strings.Contains(a.Comment, "literal shortcode text") {
					t.Errorf("%s holds shortcode text", p)
				}
			}
		}
		if changed {
			if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// mainElement is an HTML page's <main> element, or the whole text of any
// other file.
func mainElement(s string) string {
	i := strings.Index(s, "<main")
	j := strings.Index(s, "</main>")
	if i < 0 || j < i {
		return s
	}
	return s[i:j+len("</main>")] + "\n"
}

// element is the first element tag of an HTML page, up to the first
// closing tag of its name.
func element(s, tag string) string {
	i := strings.Index(s, "<"+tag)
	if i < 0 {
		return ""
	}
	name, _, _ := strings.Cut(tag, " ")
	j := strings.Index(s[i:], "</"+name+">")
	if j < 0 {
		// An element without a closing tag (<meta ...>): the tag alone.
		return s[i:i+strings.IndexByte(s[i:], '>')+1] + "\n"
	}
	return s[i:i+j+len("</"+name+">")] + "\n"
}

// TestAllowOrigins: an image from a site that site.yaml's allowOrigins
// names builds, and the page's policy allows that origin for images, and
// nothing else: other directives and other origins are unchanged.
func TestAllowOrigins(t *testing.T) {
	dir := t.TempDir()
	a := &archive{Files: map[string]string{
		"content/site.yaml": "title: T\nbaseURL: https://example.org/\nallowOrigins: [https://Images.example.org/]\n",
		"content/a.md":      "---\ntitle: A\n---\n![x](https://images.example.org/p.png)\n",
	}}
	writeSite(t, a, dir)
	if _, err := New(Options{Dir: dir, Out: dir + "/public"}).Build(); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(dir + "/public/a/index.html")
	if err != nil {
		t.Fatal(err)
	}
	want := `content="` + strings.Replace(ContentSecurityPolicy, "img-src 'self' data:", "img-src 'self' data: https://images.example.org", 1) + `"`
	if !strings.Contains(string(page), want) || !strings.Contains(string(page), `<img src="https://images.example.org/p.png"`) {
		t.Errorf("page lacks %s or the image:\n%s", want, page)
	}
	if got := PolicyFor(dir); !strings.Contains(want, got) {
		t.Errorf("PolicyFor (serve's header) = %q, want the page's", got)
	}
}
