package site

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"mutual/internal/diag"
)

// TestLinksOutsideTheSite builds sites with symbolic links that lead out of
// the site folder (or out of a theme's folder): each is an error naming the
// link and its target, and nothing is published. Links that stay inside are
// followed.
func TestLinksOutsideTheSite(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, outside, "secret.txt", "THE SECRET\n")
	writeFile(t, outside, "secret.md", "---\ntitle: Secret\n---\nTHE SECRET\n")
	writeFile(t, outside, "dir/file.txt", "THE SECRET\n")
	writeFile(t, outside, "site.yaml", "title: THE SECRET\nbaseURL: https://example.org/\n")
	secret := filepath.Join(outside, "secret.txt")
	theme := func(t *testing.T, dir string) {
		writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
		writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		link  string // site-relative path of the link
		to    string // its target
		want  string // the error, after "link: "
	}{
		{"a content file", nil, "content/passwd.txt", secret, "symbolic link to " + secret + ", which is outside the site folder: copy what it points to into the site instead"},
		{"a page", nil, "content/guides/secret.md", filepath.Join(outside, "secret.md"), "which is outside the site folder"},
		{"a relative link", nil, "content/guides/up.txt", "relative:" + secret, "which is outside the site folder"},
		{"a folder", nil, "content/guides/more", filepath.Join(outside, "dir"), "which is outside the site folder"},
		{"site.yaml", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "content/site.yaml")) }, "content/site.yaml", filepath.Join(outside, "site.yaml"), "which is outside the site folder"},
		{"a theme's static file", theme, "themes/t/static/k", secret, "symbolic link to " + secret + ", which is outside the theme's folder themes/t: copy what it points to into the theme instead"},
		{"a theme's static folder", theme, "themes/t/static", filepath.Join(outside, "dir"), "which is outside the theme's folder themes/t"},
		{"a layout partial", theme, "themes/t/layouts/partials/footer.html", secret, "which is outside the theme's folder themes/t"},
		{"theme.yaml", func(t *testing.T, dir string) {
			writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
			os.MkdirAll(filepath.Join(dir, "themes/t"), 0o755)
		}, "themes/t/theme.yaml", secret, "which is outside the theme's folder themes/t"},
		{"a link out of the theme into the site", theme, "themes/t/static/notes.txt", "../../../content/guides/img.txt", "which is outside the theme's folder themes/t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			link := filepath.Join(dir, filepath.FromSlash(tt.link))
			os.MkdirAll(filepath.Dir(link), 0o755)
			to := tt.to
			if abs, ok := strings.CutPrefix(to, "relative:"); ok {
				to, _ = filepath.Rel(filepath.Dir(link), abs)
			}
			if err := os.Symlink(to, link); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			_, err := New(Options{Dir: dir, Out: out}).Build()
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("want positioned errors, got %v", err)
			}
			found := false
			for _, e := range list {
				found = found || e.Path == tt.link && strings.Contains(e.Msg, tt.want)
			}
			if !found {
				t.Errorf("errors:\n%v\nwant %s: ...%s", list, tt.link, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the build wrote an output")
			}
			if err := New(Options{Dir: dir}).Check(); err == nil || err.Error() != list.Error() {
				t.Errorf("check disagrees:\n%v", err)
			}
		})
	}

	t.Run("content/ itself", func(t *testing.T) {
		dir := t.TempDir()
		elsewhere := minimalSite(t)
		os.Symlink(filepath.Join(elsewhere, "content"), filepath.Join(dir, "content"))
		_, err := New(Options{Dir: dir}).Build()
		if err == nil || !strings.Contains(err.Error(), "content: content/ is a symbolic link to "+filepath.Join(elsewhere, "content")+", which is outside the site folder") {
			t.Errorf("got %v", err)
		}
	})

	t.Run("links inside", func(t *testing.T) {
		dir := minimalSite(t)
		writeFile(t, dir, "content/other/note.txt", "a note\n")
		writeFile(t, dir, "shared/style.css", "p { margin: 0; }\n")
		writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
		// The theme folder itself may be a link to a theme elsewhere.
		shared := t.TempDir()
		writeFile(t, shared, "t/theme.yaml", "extends: default\n")
		writeFile(t, shared, "t/static/css/real.css", "p { color: navy; }\n")
		links := map[string]string{
			"content/guides/note.txt":   "../other/note.txt",
			"themes/t":                  filepath.Join(shared, "t"),
			"content/guides/copy.txt":   filepath.Join(dir, "content/other/note.txt"),
			"content/guides/shared.css": filepath.Join(dir, "shared/style.css"),
		}
		for l, to := range links {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, l)), 0o755)
			if err := os.Symlink(to, filepath.Join(dir, l)); err != nil {
				t.Fatal(err)
			}
		}
		os.Symlink("real.css", filepath.Join(shared, "t/static/css/custom.css"))
		out := filepath.Join(dir, "public")
		if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
			t.Fatal(err)
		}
		tree := readTree(t, out)
		if string(tree["guides/note.txt"]) != "a note\n" || string(tree["guides/copy.txt"]) != "a note\n" || string(tree["guides/shared.css"]) != "p { margin: 0; }\n" {
			t.Errorf("links inside the site were not followed: %v", treeNames(tree))
		}
		found := false
		for name, data := range tree {
			found = found || strings.HasPrefix(name, "css/custom.") && string(data) == "p { color: navy; }\n"
		}
		if !found {
			t.Errorf("a link inside the theme was not followed: %v", treeNames(tree))
		}
	})
}

// sparse makes a file of size bytes that takes no room on disk.
func sparse(t *testing.T, dir, name string, head string, size int64) {
	t.Helper()
	writeFile(t, dir, name, head)
	if err := os.Truncate(filepath.Join(dir, filepath.FromSlash(name)), size); err != nil {
		t.Fatal(err)
	}
}

// TestFileSizeLimits builds sites with files over the limits of the files
// a build reads whole: each is an error at the file, read no further than
// its size.
func TestFileSizeLimits(t *testing.T) {
	theme := "title: T\nbaseURL: https://example.org/\ntheme: t\n"
	tests := []struct {
		name, file string
		size       int64
		head       string
		want       string
	}{
		{"page", "content/guides/big.md", 12 << 20, "---\ntitle: Big\n---\n", "content/guides/big.md: this page is 12.0 MB; a page may be at most 10.0 MB: split it into several pages"},
		{"worksheet", "content/worksheets/big.yaml", 3 << 20, "title: Big\n", "content/worksheets/big.yaml: this worksheet is 3.0 MB; a worksheet may be at most 1.0 MB: split it into several worksheets"},
		{"site.yaml", "content/site.yaml", 2 << 20, "title: T\nbaseURL: https://example.org/\n", "content/site.yaml: this file is 2.0 MB; a file may be at most 1.0 MB"},
		{"a layout", "themes/t/layouts/partials/footer.html", 2 << 20, "<footer>", "themes/t/layouts/partials/footer.html: this layout is 2.0 MB; a layout may be at most 1.0 MB"},
		{"a static file", "themes/t/static/img/big.png", 20 << 20, "png", "themes/t/static/img/big.png: this static file is 20.0 MB; a static file may be at most 16.0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
			if strings.HasPrefix(tt.file, "themes/") {
				writeFile(t, dir, "content/site.yaml", theme)
			}
			sparse(t, dir, tt.file, tt.head, tt.size)
			_, err := New(Options{Dir: dir}).Build()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestLargeContentFileStreamed copies a 200 MB content file: the build
// succeeds and allocates a small fraction of the file's size, so the file
// was never held in memory.
func TestLargeContentFileStreamed(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB")
	}
	dir := minimalSite(t)
	const size = 200 << 20
	sparse(t, dir, "content/video.mp4", "not really a video", size)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if st, err := os.Stat(filepath.Join(out, "video.mp4")); err != nil || st.Size() != size {
		t.Fatalf("the file was not copied whole: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("the build allocated %d MB for a %d MB file", alloc>>20, size>>20)
	}
}

// TestFileNamesInURLs builds a site whose files and folders have names
// with "#", "?", "%", spaces and letters outside ASCII, served as a static
// host serves files: every link of its pages, every address of its sitemap
// and feed, and its redirects lead to the file, and a link written with a
// file name as it is gets a hint.
func TestFileNamesInURLs(t *testing.T) {
	dir := t.TempDir()
	names := []string{"notes#1.txt", "100%.txt", "what?.txt", "a b.txt", "été.txt"}
	links := ""
	for i, n := range names {
		writeFile(t, dir, "content/guides/"+n, fmt.Sprintf("file %d\n", i))
		links += fmt.Sprintf("- [file %d](%s)\n", i, strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F", " ", "%20").Replace(n))
	}
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/my%20site/\nmenu:\n  - {name: Q, url: \"guides/q&a %232.md\"}\n")
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [Café au lait]\naliases: [/old place/]\n---\n"+links+
		"- [the page](q%26a%20%232.md)\n- [the folder](sub%20dir/)\n- [a heading](q%26a%20%232.md#two)\n")
	writeFile(t, dir, "content/guides/q&a #2.md", "---\ntitle: Q and A\ndate: 2026-01-01\n---\n## Two\n")
	writeFile(t, dir, "content/guides/sub dir/b.md", "---\ntitle: B\n---\nB.\n")
	out := filepath.Join(dir, "public")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	// As a static host: the decoded path, under the base path, names a
	// file of the output.
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := strings.CutPrefix(r.URL.Path, "/my site")
		if !ok {
			http.NotFound(w, r)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path, r2.URL.RawPath = p, ""
		files.ServeHTTP(w, r2)
	}))
	defer srv.Close()
	get := func(u string) int {
		t.Helper()
		parsed, err := url.Parse(u)
		if err != nil {
			t.Errorf("%q is not a URL: %v", u, err)
			return 0
		}
		res, err := http.Get(srv.URL + parsed.EscapedPath())
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	page, _ := os.ReadFile(filepath.Join(out, "guides/a/index.html"))
	hrefs := regexp.MustCompile(`href="(/my%20site/[^"]*)"`).FindAllStringSubmatch(string(page), -1)
	if len(hrefs) < len(names)+5 {
		t.Fatalf("only %d links on the page", len(hrefs))
	}
	for _, h := range hrefs {
		u := html.UnescapeString(h[1])
		if code := get(u); code != http.StatusOK {
			t.Errorf("link %s: status %d", u, code)
		}
	}
	for _, file := range []string{"sitemap.xml", "feed.xml", "old place/index.html"} {
		data, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
		locs := regexp.MustCompile(`(?:<loc>|href=")(https://example\.org/[^<"]*)`).FindAllStringSubmatch(string(data), -1)
		if len(locs) == 0 {
			t.Errorf("%s: no addresses", file)
		}
		for _, l := range locs {
			u := html.UnescapeString(l[1])
			if strings.ContainsAny(u, " #?") || strings.ContainsFunc(u, func(r rune) bool { return r > 127 }) {
				t.Errorf("%s: address %q is not encoded", file, u)
			}
			if code := get(u); code != http.StatusOK {
				t.Errorf("%s: %s: status %d", file, u, code)
			}
		}
	}
	// A link with a file's name as it is.
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\nSee [the notes](notes#1.txt) and [all](100%.txt).\n")
	_, err := New(Options{Dir: dir, Out: out}).Build()
	for _, want := range []string{
		`content/guides/a.md:4:5: link to missing file "notes#1.txt" (in a link, a file name's "#", "?" and "%" are written %23, %3F and %25: "notes%231.txt")`,
		`content/guides/a.md:4:34: link "100%.txt" is not a valid path (in a link, a file name's "#", "?" and "%" are written %23, %3F and %25: "100%25.txt")`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant %s", err, want)
		}
	}
}
