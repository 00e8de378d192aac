package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksWithTheBasePath builds a site whose site.yaml puts it in a
// subfolder (https://example.org/help/) and whose links start with that
// path, by relref and by hand: as built for its host, and as mutual serve
// builds it (another base URL, at the root), every link leads to its page
// under the base path of the build, and neither build fails.
func TestLinksWithTheBasePath(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/help/\nmenu:\n  - {name: A, url: /help/guides/a/}\n")
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\n## Two\n")
	writeFile(t, dir, "content/guides/b.md", "---\ntitle: B\n---\n[relref]({{< relref \"a.md\" >}}), [by hand](/help/guides/a/#two), [plain](/guides/a/).\n")
	for _, tt := range []struct {
		baseURL, base, origin string
	}{
		{"", "/help/", "https://example.org"},
		{"http://127.0.0.1:1313/", "/", "http://127.0.0.1:1313"}, // as mutual serve builds it
		{"https://staging.example.org/preview/", "/preview/", "https://staging.example.org"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := New(Options{Dir: dir, Out: out, BaseURL: tt.baseURL}).Build(); err != nil {
			t.Errorf("base URL %q: %v", tt.baseURL, err)
			continue
		}
		page, _ := os.ReadFile(filepath.Join(out, "guides", "b", "index.html"))
		// (data-url: the address a printed page shows, of the build's
		// base URL.)
		for _, want := range []string{
			`<a href="` + tt.base + `guides/a/" data-url="` + tt.origin + tt.base + `guides/a/">relref</a>`,
			`<a href="` + tt.base + `guides/a/#two" data-url="` + tt.origin + tt.base + `guides/a/#two">by hand</a>`,
			`<a href="` + tt.base + `guides/a/" data-url="` + tt.origin + tt.base + `guides/a/">plain</a>`,
			`href="` + tt.base + `guides/a/">A</a>`, // the menu
		} {
			if !strings.Contains(string(page), want) {
				t.Errorf("base URL %q: no %s in the page", tt.baseURL, want)
			}
		}
	}
}

// TestBaseURLOnlyFromTheFlag: a site.yaml without a baseURL builds when
// the build is given one (--base-url; mutual serve gives its own), as a CI
// that builds one site for several addresses does; without one, the error
// says both ways.
func TestBaseURLOnlyFromTheFlag(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\n")
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\nA.\n")
	out := filepath.Join(t.TempDir(), "public")
	_, err := New(Options{Dir: dir, Out: out}).Build()
	if want := "content/site.yaml:1:1: site.yaml needs a baseURL, such as https://example.org/ (or build with --base-url URL)"; err == nil || err.Error() != want {
		t.Errorf("without a base URL: got %v\nwant %s", err, want)
	}
	for _, base := range []string{"https://example.org/help/", "http://127.0.0.1:1313/"} {
		if _, err := New(Options{Dir: dir, Out: out, BaseURL: base}).Build(); err != nil {
			t.Errorf("with %s: %v", base, err)
			continue
		}
		robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
		if !strings.Contains(string(robots), "Sitemap: "+base+"sitemap.xml") {
			t.Errorf("with %s: robots.txt is\n%s", base, robots)
		}
	}
}

// TestSectionFileBesideItsPages: a file in a section's folder whose name
// has a space (a counselor's handout) is published beside the section's
// pages, under the folder's address (self care/ is /self-care/), by its own
// name, and a page's link to it leads there.
func TestSectionFileBesideItsPages(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\n")
	writeFile(t, dir, "content/Self Care/rest.md", "---\ntitle: Rest\n---\nPrint [the handout](Week%201.pdf).\n")
	writeFile(t, dir, "content/Self Care/Week 1.pdf", "%PDF-1.4\n")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "self-care", "Week 1.pdf")); err != nil {
		t.Errorf("the handout is not beside the section's pages: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "Self Care")); err == nil {
		t.Errorf("the folder's name as written is published too")
	}
	page, _ := os.ReadFile(filepath.Join(out, "self-care", "rest", "index.html"))
	if want := `<a href="/self-care/Week%201.pdf" data-url="https://example.org/self-care/Week%201.pdf">the handout</a>`; !strings.Contains(string(page), want) {
		t.Errorf("no %s in the page:\n%s", want, page)
	}
}

// TestInternationalisedBaseURL: a baseURL whose host is in another script
// (https://bücher.example/) is written in its ASCII form, as browsers and
// crawlers know it, wherever the site writes a full address: the sitemap,
// robots.txt, the feed, canonical and alternate links, printed links.
func TestInternationalisedBaseURL(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://bücher.example/hilfe/\n")
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ndate: 2026-01-02\ntags: [care]\n---\nSee [b](b.md).\n")
	writeFile(t, dir, "content/guides/b.md", "---\ntitle: B\ndate: 2026-01-03\n---\nB.\n")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	const ascii = "https://xn--bcher-kva.example/hilfe/"
	for _, tt := range []struct{ file, want string }{
		{"sitemap.xml", "<loc>" + ascii + "guides/a/</loc>"},
		{"robots.txt", "Sitemap: " + ascii + "sitemap.xml"},
		{"feed.xml", ascii + "guides/a/"},
		{"guides/a/index.html", `<link rel="canonical" href="` + ascii + `guides/a/">`},
		{"guides/a/index.html", `data-url="` + ascii + `guides/b/"`},
		{"guides/index.html", `data-url="` + ascii + `guides/a/"`},
	} {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(tt.file)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tt.want) {
			t.Errorf("%s has no %s", tt.file, tt.want)
		}
		for _, bad := range []string{"bücher", "b%C3%BCcher", "b%c3%bccher"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("%s writes the host as %s:\n%s", tt.file, bad, b)
			}
		}
	}
}
