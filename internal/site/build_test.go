package site

import (
	"mutual/internal/output"
	"slices"

	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"mutual/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRender builds each testdata/render case and compares the files it
// names under want/ with the output; "want/_files" lists every output file.
func TestRender(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	eachCase(t, "testdata/render/*.txtar", func(t *testing.T, file string, a *archive, dir, out string) {
		if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
			t.Fatalf("build failed:\n%v", err)
		}
		tree := readTree(t, out)
		changed := false
		for _, name := range a.Order {
			if !strings.HasPrefix(name, "want/") {
				continue
			}
			p := strings.TrimPrefix(name, "want/")
			var got string
			if p == "_files" {
				got = strings.Join(treeNames(tree), "\n") + "\n"
			} else {
				data, ok := tree[p]
				if !ok {
					t.Errorf("no output file %s", p)
					continue
				}
				got = string(data)
			}
			if *update {
				if a.Files[name] != got {
					a.Files[name] = got
					changed = true
				}
				continue
			}
			if got != a.Files[name] {
				t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", p, got, a.Files[name])
			}
		}
		if changed {
			if err := os.WriteFile(file, a.Format(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestErrors builds each testdata/errors case, which must fail with exactly
// the errors in its "errors" file, and must leave the old output alone.
func TestErrors(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	eachCase(t, "testdata/errors/*.txtar", func(t *testing.T, file string, a *archive, dir, out string) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		old := []byte("<p>the previous build</p>\n")
		os.WriteFile(filepath.Join(out, "index.html"), old, 0o644)
		os.WriteFile(filepath.Join(out, MarkerFile), []byte(output.MarkerText), 0o644)
		_, err := New(Options{Dir: dir, Out: out}).Build()
		var list diag.List
		if !errors.As(err, &list) {
			t.Fatalf("want a list of errors, got %v", err)
		}
		got := list.Error() + "\n"
		if *update {
			a.Files["errors"] = got
			if !slices.Contains(a.Order, "errors") {
				a.Order = append(a.Order, "errors")
			}
			os.WriteFile(file, a.Format(), 0o644)
			return
		}
		if got != a.Files["errors"] {
			t.Errorf("errors differ:\n--- got\n%s--- want\n%s", got, a.Files["errors"])
		}
		if tree := readTree(t, out); len(tree) != 2 || !bytes.Equal(tree["index.html"], old) {
			t.Errorf("a failed build changed the output: %v", treeNames(tree))
		}
		if err := New(Options{Dir: dir, Out: out}).Check(); err == nil || err.Error() != list.Error() {
			t.Errorf("check disagrees with build:\n%v", err)
		}
	})
}

// minimalSite writes a small valid site and returns its folder.
func minimalSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.yaml":      "title: T\nbaseURL: https://example.org/\n",
		"content/_index.md":      "---\ntitle: Home\n---\nHello.\n",
		"content/guides/a.md":    "---\ntitle: A\ntags: [x]\n---\n## One\n\nSee [b](b.md#two).\n",
		"content/guides/b.md":    "---\ntitle: B\nweight: 1\n---\n## Two\n\nBack to [a](a.md).\n",
		"content/guides/img.txt": "not an image\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeFile(t testing.TB, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\nA [broken](nothere.md) link.\n")
	_, err := New(Options{Dir: dir, Out: out}).Build()
	if err == nil || !strings.Contains(err.Error(), `content/guides/a.md:4:3: link to missing file "nothere.md"`) {
		t.Fatalf("want a broken link error, got %v", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files, was %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestRefusedOutputFolders(t *testing.T) {
	dir := minimalSite(t)
	foreign := t.TempDir()
	writeFile(t, foreign, "notes.txt", "mine")
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	built := filepath.Join(t.TempDir(), "public")
	if _, err := New(Options{Dir: dir, Out: built}).Build(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out, want string
	}{
		{dir, "refusing to build into the site folder"},
		{"/", "refusing to build into /"},
		{filepath.Dir(dir), "it holds the site folder"},
		{repo, "it holds .git/"},
		{filepath.Join(dir, "content"), "refusing to build into"},
		{foreign, "it holds files that mutual did not build"},
		// Inside another build's output, which that build replaces whole.
		{filepath.Join(built, "v2"), "it is inside " + built + ", the output of another build (it holds .mutual-output)"},
		{filepath.Join(built, "guides"), "it is inside " + built + ", the output of another build"},
	}
	for _, tt := range tests {
		_, err := New(Options{Dir: dir, Out: tt.out}).Build()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("out %s: got %v, want %q", tt.out, err, tt.want)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(got) != "mine" {
		t.Error("the foreign folder was touched")
	}
}

// TestIncrementalEqualsFull edits a site step by step; after each step the
// output of the reused Builder must equal a fresh full build, byte for byte.
// One Builder is told which files changed, as serve does; the other is not.
// The steps cover each kind of dependency the memo declares (memo.go): a
// page's own source, what every page depends on (site.yaml, layouts,
// assets, the newest date), each field of a page's card as other pages
// show it (title, description, dates, weight, tags, aliases, a section's
// page count), what a body's links resolve against (another page's URL),
// a worksheet's "see" links, and issue 12's: what shortcodes show (other
// pages' cards, their templates), front matter menus, bundles' files, the
// site's static/ folder and summaries.
func TestIncrementalEqualsFull(t *testing.T) {
	// The variants edit the same files in the same steps, each in a
	// folder of its own, and run side by side: each state of the files is
	// built in full once, for all of them (fullBuilds).
	var full fullBuilds
	t.Run("hinted", func(t *testing.T) { t.Parallel(); testIncremental(t, &full, true, false, true) })
	t.Run("unhinted", func(t *testing.T) { t.Parallel(); testIncremental(t, &full, false, false, true) })
	// As mutual serve builds: each rebuild's search index written after
	// Build returns (Options.DeferIndex), compared once Wait returns.
	t.Run("deferred index", func(t *testing.T) { t.Parallel(); testIncremental(t, &full, true, true, true) })
	// A Builder not told to watch: its first build is a one-off's (no
	// bodies kept, no search keys made), the next ones rebuilds.
	t.Run("reused without watch", func(t *testing.T) { t.Parallel(); testIncremental(t, &full, false, false, false) })
}

// fullBuilds holds the full builds of the states a site's files went
// through, by the hash of every name and byte under the site's folder but
// its output folder and the files beside it that package output makes
// (which a build never reads): the same files give the
// same output, wherever the folder is (the output is deterministic, and
// names no path of the machine). A variant of TestIncrementalEqualsFull
// whose files differ from the others' at some step gets a build of its own.
type fullBuilds struct {
	m sync.Map // hash → *fullBuild
}

// fullBuild is what a fresh Builder made of one state of the files: its
// errors and warnings, and (when it succeeded) its output.
type fullBuild struct {
	once       sync.Once
	err, warns string
	tree       map[string][]byte
}

// of builds dir in full into a folder of its own with a new Builder, or
// returns the build of the same files made before; out is dir's output
// folder, left out of the hash with its lock and temporary folders.
func (fb *fullBuilds) of(t *testing.T, dir, out string) *fullBuild {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == out || filepath.Dir(p) == filepath.Dir(out) && strings.HasPrefix(d.Name(), "."+filepath.Base(out)+".") {
			// The output, its lock and its temporary folders (package
			// output) come and go while a deferred index is written.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			fmt.Fprintf(h, "d %q\n", filepath.ToSlash(rel))
			return nil
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(h, "f %q %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := fb.m.LoadOrStore(string(h.Sum(nil)), new(fullBuild))
	f := v.(*fullBuild)
	f.once.Do(func() {
		fresh := filepath.Join(t.TempDir(), "out")
		full := New(Options{Dir: dir, Out: fresh})
		_, ferr := full.Build()
		f.err, f.warns = errText(ferr), errText(full.Warnings())
		if ferr == nil {
			f.tree = readTree(t, fresh)
		}
	})
	return f
}

func testIncremental(t *testing.T, fb *fullBuilds, hinted, deferIndex, watch bool) {
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	b := New(Options{Dir: dir, Out: out, Watch: watch, DeferIndex: deferIndex})
	writeFile := func(t *testing.T, dir, name, body string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if hinted {
			b.Changed([]string{p})
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(name string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.Remove(p)
		if hinted {
			b.Changed([]string{p})
		}
	}
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	const worksheet = "title: W\nsummary: A check.\nareas:\n  - {id: e, label: E, see: ../guides/b.md}\n" +
		"sections:\n  - title: S\n    questions:\n      - {id: q, type: pair, area: e, give: I give., receive: I get., scale: frequency}\n" +
		"results:\n  - {title: Any, body: Fine., see: [../guides/b.md]}\n"
	steps := []struct {
		name string
		edit func()
		// wantFew: an edit that must not re-render every page
		wantFew bool
	}{
		// A page's own source.
		{"edit a body", func() {
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [x]\n---\n## One\n\nNew text. See [b](b.md#two).\n")
		}, true},
		{"copy a file", func() { writeFile(t, dir, "content/guides/img.txt", "changed\n") }, true},
		// The cards of the pages a page shows.
		{"rename a title", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\nweight: 1\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"change a description", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\ndescription: About b.\nweight: 1\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"change a weight", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\ndescription: About b.\nweight: 5\n---\n## Two\n\nBack to [a](a.md).\n")
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [x]\nweight: 2\n---\n## One\n\nNew text. See [b](b.md#two).\n")
		}, false},
		{"change a date", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"add a page", func() { writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\ntags: [x, y]\n---\nThird.\n") }, false},
		{"rename a tag", func() { writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\ntags: [x, yes]\n---\nThird.\n") }, false},
		{"respell a tag on the page that names it first", func() {
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [X]\nweight: 2\n---\n## One\n\nNew text. See [b](b.md#two).\n")
		}, false},
		{"add an alias", func() {
			writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\ntags: [x, yes]\naliases: [/old/c/]\n---\nThird.\n")
		}, false},
		{"add a section", func() {
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D\n---\nFourth, see [c](../guides/c.md).\n")
		}, false},
		{"move a page to another section", func() {
			remove("content/guides/c.md")
			writeFile(t, dir, "content/more/c.md", "---\ntitle: C\ntags: [x, yes]\n---\nThird.\n")
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D\n---\nFourth, see [c](c.md).\n")
		}, false},
		// What a body's links resolve against.
		{"change the slug of a linked page", func() {
			writeFile(t, dir, "content/more/c.md", "---\ntitle: C\nslug: see\ntags: [x, yes]\n---\nThird.\n")
		}, false},
		{"delete a page", func() {
			remove("content/more/c.md")
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D\n---\nFourth.\n")
		}, false},
		// A worksheet's "see" links show other pages' titles.
		{"add a worksheet", func() { writeFile(t, dir, "content/worksheets/w.yaml", worksheet) }, false},
		{"rename a page a worksheet links to", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		// Issue (serve stuck on old errors): what a page reports depends
		// on other files being there. A guide the worksheet and another
		// guide link to, deleted (both builds fail alike) and restored;
		// the heading another page links to by anchor, renamed and back;
		// an image in a bundle and one in static/, deleted and restored.
		{"delete a guide a worksheet and a guide link to", func() { remove("content/guides/b.md") }, false},
		{"restore the guide", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"rename a heading another page links to", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Deux\n\nBack to [a](a.md).\n")
		}, false},
		{"rename the heading back", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"add images", func() {
			writeFile(t, dir, "content/pics/index.md", "---\ntitle: Pics\n---\n![here](p.png) ![static](/images/s.png)\n")
			writeFile(t, dir, "content/pics/p.png", "png\n")
			writeFile(t, dir, "static/images/s.png", "png\n")
		}, false},
		{"delete the bundle's image", func() { remove("content/pics/p.png") }, false},
		{"restore the bundle's image", func() { writeFile(t, dir, "content/pics/p.png", "png\n") }, false},
		{"delete the static image", func() { remove("static/images/s.png") }, false},
		{"restore the static image", func() { writeFile(t, dir, "static/images/s.png", "png\n") }, false},
		// What every page depends on.
		{"edit the config", func() { writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\n") }, false},
		// Links print their full address (data-url): a body depends on
		// the base URL's host as well as on its path.
		{"change the base URL's host only", func() { writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.net/sub/\n") }, false},
		{"add a theme override", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\n")
			writeFile(t, dir, "themes/mine/theme.yaml", "extends: default\n")
			writeFile(t, dir, "themes/mine/static/css/main.css", "body { color: black; }\n")
		}, false},
		{"edit css only", func() { writeFile(t, dir, "themes/mine/static/css/main.css", "body { color: navy; }\n") }, false},
		{"edit a layout", func() {
			writeFile(t, dir, "themes/mine/layouts/partials/footer.html", "<footer>&copy; {{year}} {{.Site.Title}}</footer>\n")
		}, false},
		{"change the newest date", func() {
			// A date before the test runs: a page dated later waits for its day.
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D\ndate: 2026-11-01\n---\nFourth.\n")
		}, false},
		{"add a static file", func() { writeFile(t, dir, "themes/mine/static/notes.txt", "notes\n") }, false},
		// A Markdown image of the theme's static files, deleted and
		// restored.
		{"show a theme's image", func() {
			writeFile(t, dir, "themes/mine/static/images/t.png", "png\n")
			writeFile(t, dir, "content/pics/index.md", "---\ntitle: Pics\n---\n![here](p.png) ![static](/images/s.png) ![theme](/images/t.png)\n")
		}, false},
		{"delete the theme's image", func() { remove("themes/mine/static/images/t.png") }, false},
		{"restore the theme's image", func() { writeFile(t, dir, "themes/mine/static/images/t.png", "png\n") }, false},
		// Issue 12: what shortcodes show (other pages' cards, templates),
		// front matter menus, bundles, the site's static/ folder.
		{"add a section page with shortcodes", func() {
			writeFile(t, dir, "content/more/_index.md", "+++\ntitle = \"More\"\n+++\n{{< hint >}}Hi.{{< /hint >}}\n\n{{% children description=\"true\" %}}\n")
		}, false},
		{"rename a page a shortcode lists", func() {
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D renamed\ndescription: Dee.\ndate: 2026-11-01\n---\nFourth.\n")
		}, false},
		{"edit a shortcode template", func() {
			writeFile(t, dir, "themes/mine/layouts/shortcodes/hint.html", "<aside class=\"mine\">{{ .Body }}</aside>\n")
		}, false},
		{"put a page in the menu from its front matter", func() {
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D renamed\nlinkTitle: D\nmenu: main\ndate: 2026-11-01\n---\nFourth.\n")
		}, false},
		{"add a bundle", func() {
			writeFile(t, dir, "content/about/index.md", "---\ntitle: About\n---\n![pic](pic.txt)\n")
			writeFile(t, dir, "content/about/pic.txt", "a picture\n")
		}, false},
		{"edit a bundle's file", func() { writeFile(t, dir, "content/about/pic.txt", "another picture\n") }, true},
		{"add a file to static/", func() { writeFile(t, dir, "static/extra.txt", "extra\n") }, false},
		{"edit a file of static/", func() { writeFile(t, dir, "static/extra.txt", "more\n") }, true},
		{"change the summary of a listed page", func() {
			writeFile(t, dir, "content/more/d.md", "---\ntitle: D renamed\nlinkTitle: D\nmenu: main\ndate: 2026-11-01\n---\nFourth.\n<!--more-->\nRest.\n")
		}, false},
		// Search: off removes the index, the page and the forms; on
		// brings them back.
		{"turn search off", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\nsearch: false\n")
		}, false},
		{"turn search on", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\nsearch: true\n")
		}, false},
		{"edit a body's text only", func() {
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [X]\nweight: 2\n---\n## One\n\nNewer zebra text. See [b](b.md#two).\n")
		}, true},
		// Languages: a second one, translations added, edited and removed
		// (their pages then fall back to the original), the site's own
		// interface texts.
		{"add a language", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n")
		}, false},
		{"add a translation", func() {
			writeFile(t, dir, "content/guides/a.de.md", "---\ntitle: A auf Deutsch\ntags: [x]\n---\n## Eins\n\nSiehe [b](b.md#two).\n")
		}, false},
		{"edit a translation", func() {
			writeFile(t, dir, "content/guides/a.de.md", "---\ntitle: A\ntags: [x]\n---\n## Eins\n\nSiehe [b](b.md).\n")
		}, false},
		{"translate a worksheet", func() {
			writeFile(t, dir, "content/worksheets/w.de.yaml", strings.NewReplacer("A check.", "Ein Test.", "I give.", "Ich gebe.", "Fine.", "Gut.").Replace(worksheet))
		}, false},
		// The original gains a question: the German page shows the
		// original until the translation has it too.
		{"a worksheet's original out of step with its translation", func() {
			writeFile(t, dir, "content/worksheets/w.yaml", strings.Replace(worksheet, "    questions:\n",
				"    questions:\n      - {id: n, type: rating, side: give, text: I ask., scale: frequency}\n", 1))
		}, false},
		{"the translation in step again", func() {
			writeFile(t, dir, "content/worksheets/w.de.yaml", strings.NewReplacer("A check.", "Ein Test.", "I give.", "Ich gebe.", "Fine.", "Gut.").Replace(
				strings.Replace(worksheet, "    questions:\n", "    questions:\n      - {id: n, type: rating, side: give, text: Ich frage., scale: frequency}\n", 1)))
		}, false},
		{"override an interface text", func() { writeFile(t, dir, "i18n/de.yaml", "footer.feed: Newsfeed\n") }, false},
		{"edit the original of a fallback", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\ndescription: About b, again.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		// Search per language: the German index (search/de/) follows its
		// own pages.
		{"edit a translation's text only", func() {
			writeFile(t, dir, "content/guides/a.de.md", "---\ntitle: A\ntags: [x]\n---\n## Eins\n\nSiehe [b](b.md). Geben und Nehmen.\n")
		}, true},
		{"add a page only one language has", func() {
			writeFile(t, dir, "content/de/guides/nur.md", "---\ntitle: Nur auf Deutsch\n---\nFreundschaft braucht Zeit.\n")
		}, false},
		{"remove the page only one language has", func() { remove("content/de/guides/nur.md") }, false},
		// A translation by translationKey, at a name of its own (Hugo's
		// way): paired, unpaired, paired again with another page.
		{"a German page of its own name", func() {
			writeFile(t, dir, "content/guides/zwei.de.md", "---\ntitle: Zwei\n---\n## Zwei\n\nZurück zu [a](a.md).\n")
		}, false},
		{"pair it by translationKey", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\ndescription: About b.\nweight: 5\ndate: 2026-05-01\ntranslationKey: two\n---\n## Two\n\nBack to [a](a.md).\n")
			writeFile(t, dir, "content/guides/zwei.de.md", "---\ntitle: Zwei\ntranslationKey: two\n---\n## Zwei\n\nZurück zu [a](a.md).\n")
		}, false},
		{"move its key to another page", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B renamed\ndescription: About b.\nweight: 5\ndate: 2026-05-01\n---\n## Two\n\nBack to [a](a.md).\n")
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\ntags: [x]\nweight: 2\ntranslationKey: two\n---\n## One\n\nNew text. See [b](b.md#two).\n")
		}, false},
		{"remove the page of its own name", func() { remove("content/guides/zwei.de.md") }, false},
		{"remove a translation", func() { remove("content/guides/a.de.md") }, false},
		{"edit the worksheet's original", func() {
			writeFile(t, dir, "content/worksheets/w.yaml", strings.Replace(worksheet, "A check.", "A short check.", 1))
		}, false},
		// The guides a worksheet sends readers to list it.
		{"point the worksheet to another guide", func() {
			writeFile(t, dir, "content/worksheets/w.yaml", strings.ReplaceAll(strings.Replace(worksheet, "A check.", "A short check.", 1), "../guides/b.md", "../guides/a.md"))
		}, false},
		// Menus, aliases and lists per language: the German menu shows
		// the original's entry as its translation, titled by it.
		{"put the original in the menu", func() {
			writeFile(t, dir, "content/guides/b.md", "---\ntitle: B again\nmenu: main\nweight: 5\ntags: [y]\n---\n## Two\n\nBack to [a](a.md).\n")
		}, false},
		{"translate the page of the menu", func() {
			writeFile(t, dir, "content/guides/b.de.md", "---\ntitle: B auf Deutsch\nweight: 5\n---\n## Zwei\n")
		}, false},
		{"retitle the translation", func() {
			writeFile(t, dir, "content/guides/b.de.md", "---\ntitle: B neu\nweight: 5\naliases: [/alt/]\n---\n## Zwei\n")
		}, false},
		{"the translation puts itself in the menu", func() {
			writeFile(t, dir, "content/guides/b.de.md", "---\ntitle: B neu\nweight: 5\naliases: [/alt/]\nmenu: {main: {name: Bee}}\ntags: [z]\n---\n## Zwei\n")
		}, false},
		// Language versions of a bundle's files: the German page of the
		// bundle shows pic.de.txt once it is there, the shared file again
		// once it is gone; one only German has, linked from the German
		// page.
		{"translate the bundle", func() {
			writeFile(t, dir, "content/about/index.de.md", "---\ntitle: Über\n---\n![Bild](pic.txt)\n")
		}, false},
		{"add a language version of a bundle's file", func() {
			writeFile(t, dir, "content/about/pic.de.txt", "ein Bild\n")
		}, false},
		{"edit the language version", func() { writeFile(t, dir, "content/about/pic.de.txt", "ein anderes Bild\n") }, true},
		{"add a file only one language has", func() {
			writeFile(t, dir, "content/about/nur.de.txt", "nur auf Deutsch\n")
			writeFile(t, dir, "content/about/index.de.md", "---\ntitle: Über\n---\n![Bild](pic.txt) [Nur](nur.txt)\n")
		}, false},
		{"slug the translation of the bundle", func() {
			writeFile(t, dir, "content/about/index.de.md", "---\ntitle: Über\nslug: ueber\n---\n![Bild](pic.txt) [Nur](nur.txt)\n")
		}, false},
		{"remove the language version", func() { remove("content/about/pic.de.txt") }, false},
		{"remove the translation of the bundle", func() {
			remove("content/about/index.de.md")
			remove("content/about/nur.de.txt")
		}, false},
		{"a language version of the untranslated bundle", func() {
			writeFile(t, dir, "content/about/pic.de.txt", "wieder ein Bild\n")
		}, false},
		{"a bundle only German has, by its index.de.md", func() {
			writeFile(t, dir, "content/about/index.de.md", "---\ntitle: Über\n---\n![Bild](pic.txt)\n")
			remove("content/about/index.md")
		}, false},
		// Lists cut into pages: by site.yaml, then by a section's own
		// paginate; pages added to, retitled on and removed from a later
		// page of a list; whole again.
		{"cut lists into pages", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\npaginate: 1\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n")
		}, false},
		{"add a page to a cut list", func() { writeFile(t, dir, "content/guides/f.md", "---\ntitle: F\nweight: 9\ntags: [y]\n---\nSixth.\n") }, false},
		{"retitle a page a later page of a list shows", func() {
			writeFile(t, dir, "content/guides/f.md", "---\ntitle: F again\nweight: 9\ntags: [y]\n---\nSixth.\n")
		}, false},
		{"a section's own paginate", func() {
			writeFile(t, dir, "content/guides/_index.md", "---\ntitle: Guides\npaginate: 2\n---\nAll of them.\n")
		}, false},
		{"retitle a cut list", func() {
			writeFile(t, dir, "content/guides/_index.md", "---\ntitle: All guides\npaginate: 2\n---\nAll of them.\n")
		}, false},
		{"a theme's own pager", func() {
			writeFile(t, dir, "themes/mine/layouts/partials/pagination.html", "{{with .Paginator}}<p class=\"mine\">{{.PageNumber}}/{{.TotalPages}}</p>{{end}}\n")
		}, false},
		{"a pager text of the site's own", func() {
			writeFile(t, dir, "i18n/de.yaml", "footer.feed: Newsfeed\npagination.page-of: Teil {page} von {pages}\n")
		}, false},
		{"the default pager again", func() { remove("themes/mine/layouts/partials/pagination.html") }, false},
		{"a translation makes a list longer", func() {
			writeFile(t, dir, "content/guides/f.de.md", "---\ntitle: F auf Deutsch\nweight: 10\n---\nNur Deutsch.\n")
		}, false},
		{"remove the translation", func() { remove("content/guides/f.de.md") }, false},
		{"remove a page from a cut list", func() { remove("content/guides/f.md") }, false},
		{"lists whole again", func() {
			writeFile(t, dir, "content/site.yaml", "title: T2\nbaseURL: https://example.org/sub/\ntheme: mine\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n")
			writeFile(t, dir, "content/guides/_index.md", "---\ntitle: Guides\n---\nAll of them.\n")
		}, false},
	}
	// The steps whose files a build must refuse, incremental or full.
	failing := map[string]bool{
		"delete a guide a worksheet and a guide link to": true,
		"rename a heading another page links to":         true,
		"delete the bundle's image":                      true,
		"delete the static image":                        true,
		"delete the theme's image":                       true,
	}
	manifest := filepath.Join(out, "search/en/manifest.json")
	for i, st := range steps {
		st.edit()
		before, _ := os.ReadFile(manifest)
		stats, err := b.Build()
		// A full build of the same files, by a Builder of its own: the
		// same errors and warnings, and (when it succeeds) the same files.
		full := fb.of(t, dir, out)
		if g, w := errText(err), full.err; g != w {
			t.Fatalf("%s: errors differ from a full build:\nincremental: %s\nfull:        %s", st.name, g, w)
		}
		if g, w := errText(b.Warnings()), full.warns; g != w {
			t.Errorf("%s: warnings differ from a full build:\nincremental: %s\nfull:        %s", st.name, g, w)
		}
		if wantErr := failing[st.name]; (err != nil) != wantErr {
			t.Fatalf("%s: got error %v, want an error: %v", st.name, err, wantErr)
		}
		if err != nil {
			// The previous output stays (TestFailedBuildKeepsOutput).
			continue
		}
		if deferIndex && st.name != "turn search off" {
			// The pages are written; the index is not yet, or not by
			// Build: it is never among the files Build says it changed
			// (but when search is turned off, Build removes it).
			for _, c := range stats.Changed {
				if isIndexFile(c) {
					t.Errorf("%s: Build wrote the deferred index file %s", st.name, c)
				}
			}
		}
		if err := b.Wait(); err != nil {
			t.Fatalf("%s: the deferred search index: %v", st.name, err)
		}
		got, want := readTree(t, out), full.tree
		// The steps that cut lists do cut them.
		for page, steps := range map[string][]string{
			"tags/y/page/2/index.html":    {"add a page to a cut list", "retitle a page a later page of a list shows", "a section's own paginate", "retitle a cut list", "a theme's own pager", "a pager text of the site's own", "the default pager again", "a translation makes a list longer", "remove the translation"},
			"guides/page/2/index.html":    {"cut lists into pages", "add a page to a cut list", "retitle a page a later page of a list shows", "a section's own paginate", "retitle a cut list", "a theme's own pager", "a pager text of the site's own", "the default pager again", "a translation makes a list longer", "remove the translation"},
			"guides/page/3/index.html":    {"add a page to a cut list", "retitle a page a later page of a list shows"},
			"de/guides/page/2/index.html": {"cut lists into pages", "add a page to a cut list", "retitle a page a later page of a list shows", "a section's own paginate", "retitle a cut list", "a theme's own pager", "a pager text of the site's own", "the default pager again", "a translation makes a list longer", "remove the translation"},
		} {
			if _, ok := got[page]; ok != slices.Contains(steps, st.name) {
				t.Errorf("%s: %s is there: %v", st.name, page, ok)
			}
		}
		if g, w := treeNames(got), treeNames(want); strings.Join(g, " ") != strings.Join(w, " ") {
			t.Fatalf("%s: files differ:\nincremental %v\nfull        %v", st.name, g, w)
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s: %s differs from a full build", st.name, name)
			}
		}
		// The language versions of a bundle's files are where they should
		// be, in both builds.
		for name, part := range map[string][2]string{
			"add a language version of a bundle's file":     {"de/about/index.html", `src="/sub/de/about/pic.de.txt"`},
			"add a file only one language has":              {"de/about/index.html", `href="/sub/de/about/nur.de.txt"`},
			"slug the translation of the bundle":            {"de/ueber/index.html", `src="/sub/de/ueber/pic.de.txt"`},
			"remove the language version":                   {"de/ueber/index.html", `src="/sub/about/pic.txt"`},
			"a language version of the untranslated bundle": {"de/about/index.html", `src="/sub/de/about/pic.de.txt"`},
			"a bundle only German has, by its index.de.md":  {"de/about/pic.txt", "a"},
			// Paired by translationKey: the German version of b at its own
			// name; unpaired when a.md takes the key (a.de.md is a's).
			"pair it by translationKey":    {"guides/b/index.html", `hreflang="de" href="https://example.org/sub/de/guides/zwei/"`},
			"move its key to another page": {"de/guides/b/index.html", `class="fallback-notice"`},
		} {
			if st.name == name && !bytes.Contains(want[part[0]], []byte(part[1])) {
				t.Errorf("%s: %s does not hold %s", st.name, part[0], part[1])
			}
		}
		if after, _ := os.ReadFile(manifest); st.name == "edit a body's text only" && bytes.Equal(before, after) {
			t.Errorf("%s: the search index did not change", st.name)
		}
		// (A one-off first build keeps no bodies: the rebuild after it
		// renders more.)
		if st.wantFew && stats.Rendered > 2 && (watch || i > 0) {
			t.Errorf("%s: rendered %d pages, want at most 2", st.name, stats.Rendered)
		}
		if st.name == "edit css only" && !stats.CSSOnly {
			t.Errorf("%s: CSSOnly not set (changed %v)", st.name, stats.Changed)
		}
		if st.name != "edit css only" && stats.CSSOnly {
			t.Errorf("%s: CSSOnly set", st.name)
		}
	}
}

// errText is err's text, or "" when there is none.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestShippedSiteDeterministic builds the repository's own site twice.
func TestShippedSiteDeterministic(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	root, _ := filepath.Abs("../..")
	var trees [2]map[string][]byte
	for i := range trees {
		out := filepath.Join(t.TempDir(), "out")
		stats, err := New(Options{Dir: root, Out: out}).Build()
		if err != nil {
			t.Fatalf("the shipped site does not build:\n%v", err)
		}
		if stats.Pages < 10 {
			t.Errorf("only %d pages", stats.Pages)
		}
		trees[i] = readTree(t, out)
	}
	names := treeNames(trees[0])
	if strings.Join(names, "\n") != strings.Join(treeNames(trees[1]), "\n") {
		t.Fatal("two builds wrote different files")
	}
	for _, n := range names {
		if !bytes.Equal(trees[0][n], trees[1][n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
	// No inline scripts or styles, and nothing from another origin.
	for _, n := range names {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		html := string(trees[0][n])
		for _, bad := range []string{"<script>", " style=", "<style", "http://fonts", "https://fonts", "cdn."} {
			if strings.Contains(html, bad) {
				t.Errorf("%s contains %q", n, bad)
			}
		}
		if strings.Count(html, "<script") != strings.Count(html, "<script src=") {
			t.Errorf("%s has a script without src", n)
		}
		// Tables: every column named (a screen reader reads each cell
		// with its header), and focusable, as they scroll sideways on a
		// phone.
		if strings.Contains(html, "<th></th>") {
			t.Errorf("%s has a table column without a header", n)
		}
		if strings.Count(html, "<table") != strings.Count(html, `<table tabindex="0"`)+strings.Count(html, `<table class=`) {
			t.Errorf("%s has a Markdown table that is not focusable", n)
		}
	}
}

// TestDeferredIndexFails follows a rebuild whose deferred search index
// cannot be written (the index's folder of fragments has become a file):
// Build has written the pages and succeeds, Wait says what failed, and the
// next Build writes the whole site again, so the output ends up exactly
// as a full build's.
func TestDeferredIndexFails(t *testing.T) {
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	b := New(Options{Dir: dir, Out: out, Watch: true, DeferIndex: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	frags := filepath.Join(out, "search/en/t")
	if err := os.RemoveAll(frags); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(frags, []byte("in the way\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "content/guides/a.md")
	if err := os.WriteFile(page, []byte("---\ntitle: A\n---\nA zebra crossed the page.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Changed([]string{page})
	if _, err := b.Build(); err != nil {
		t.Fatalf("the pages' build failed: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "guides/a/index.html")); !bytes.Contains(got, []byte("zebra")) {
		t.Error("the edited page was not written")
	}
	if err := b.Wait(); err == nil || !strings.Contains(err.Error(), "search index") {
		t.Fatalf("Wait = %v, want the search index's error", err)
	}
	if err := b.Wait(); err != nil {
		t.Errorf("a second Wait = %v, want nil", err)
	}
	// The file in the way is not mutual's: the full build that follows
	// refuses to delete it, and goes on once it is gone.
	if _, err := b.Build(); err == nil || !strings.Contains(err.Error(), "search/en/t was not written by mutual") {
		t.Fatalf("the build over the file in the way = %v, want a refusal naming it", err)
	}
	if err := os.Remove(frags); err != nil {
		t.Fatal(err)
	}
	st, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Wait(); err != nil {
		t.Fatal(err)
	}
	if st.Rendered == 0 {
		t.Error("the build after the failure was not a full one")
	}
	fresh := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: dir, Out: fresh}).Build(); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, out), readTree(t, fresh)
	if g, w := treeNames(got), treeNames(want); strings.Join(g, " ") != strings.Join(w, " ") {
		t.Fatalf("files differ:\nafter the failure %v\nfull              %v", g, w)
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a full build", name)
		}
	}
}
