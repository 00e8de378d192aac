package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStaticDotNames holds which names of static/ are published: the
// folder .well-known/ and the host files .nojekyll, .domains and
// .htaccess are; editor, system and version-control litter is skipped
// without a word; any other name starting with "." is skipped with a
// warning naming it.
func TestStaticDotNames(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	for _, tc := range []struct {
		file      string
		published bool
		warned    string // the path the warning names, "" for none
	}{
		{".well-known/security.txt", true, ""},
		{".well-known/acme-challenge/tok3n", true, ""},
		{".well-known/assetlinks.json", true, ""},
		{".nojekyll", true, ""},
		{".domains", true, ""},
		{".htaccess", true, ""},
		{"old/.htaccess", true, ""},
		{"logo.png", true, ""},
		{".DS_Store", false, ""},
		{"img/.DS_Store", false, ""},
		{".well-known/.DS_Store", false, ""},
		{"._logo.png", false, ""},
		{".git/config", false, ""},
		{".gitignore", false, ""},
		{"img/.gitkeep", false, ""},
		{".idea/workspace.xml", false, ""},
		{".logo.png.swp", false, ""},
		{"notes.txt~", false, ""},
		{".#notes.txt", false, ""},
		{"Thumbs.db", false, ""},
		{"img/desktop.ini", false, ""},
		{".env", false, "static/.env"},
		{".htpasswd", false, "static/.htpasswd"},
		{"docs/.nojekyll", false, "static/docs/.nojekyll"},
		{".private/handout.pdf", false, "static/.private/"},
		{"sub/.well-known/x.txt", false, "static/sub/.well-known/"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "static/"+tc.file, "x\n")
			b := New(Options{Dir: dir})
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			_, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(tc.file)))
			if published := err == nil; published != tc.published {
				t.Errorf("published = %v, want %v", published, tc.published)
			}
			var warned []string
			for _, w := range b.Warnings() {
				if strings.HasPrefix(w.Path, "static/") {
					warned = append(warned, w.Path)
					if !strings.Contains(w.Msg, "is not published: static/ publishes no name that starts with \".\"") {
						t.Errorf("warning %q", w.Msg)
					}
				}
			}
			want := []string(nil)
			if tc.warned != "" {
				want = []string{tc.warned}
			}
			if !slices.Equal(warned, want) {
				t.Errorf("warnings for %q, want %q", warned, want)
			}
		})
	}
}

// TestStaticDecomposedName: a file of static/ saved on a Mac, its name
// decomposed (static/café.png as "cafe" + U+0301), is published under the
// name composed, as a content file is, and a link typed composed (or
// decomposed) leads to it.
func TestStaticDecomposedName(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	const nfd, nfcName = "img/cafe\u0301.png", "img/café.png"
	for _, link := range []string{"/img/café.png", "/img/cafe\u0301.png", "/img/caf%C3%A9.png"} {
		t.Run(link, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "static/"+nfd, "png\n")
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B\n---\n## Two\n\n![a cup]("+link+")\n")
			if _, err := New(Options{Dir: dir}).Build(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(nfcName))); err != nil {
				t.Errorf("not published under the composed name: %v", err)
			}
			if _, err := os.Lstat(filepath.Join(dir, "public", filepath.FromSlash(nfd))); err == nil {
				t.Errorf("published under the decomposed name")
			}
			page, _ := os.ReadFile(filepath.Join(dir, "public/guides/b/index.html"))
			if !strings.Contains(string(page), `src="/img/caf%c3%a9.png"`) {
				t.Errorf("the image's address is not the composed name's:\n%s", page)
			}
		})
	}
}
