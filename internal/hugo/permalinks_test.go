package hugo

import (
	"fmt"
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/i18n"
)

// TestPermalinkExpand expands Hugo permalink patterns for pages of each
// kind and date, as Hugo's permalinks (resources/page/permalinks.go)
// compute them.
func TestPermalinkExpand(t *testing.T) {
	sections := map[string]bool{"posts": true, "docs": true, "docs/guides": true, "docs/guides/advanced": true}
	for _, c := range []struct {
		name, file, front, pattern, want string
		keepCase                         bool
	}{
		{"year, month, slug", "posts/a.md", "title: A\nslug: first-post\ndate: 2024-03-05", "/:year/:month/:slug/", "/2024/03/first-post/", false},
		{"slug falls back to the title", "posts/a.md", "title: Hello, World! Über C++\ndate: 2024-03-05", "/:year/:slug/", "/2024/hello-world-über-c++/", false},
		{"title", "posts/a.md", "title: \"  Two   Spaces - and a dash \"\nslug: x", "/:title/", "/two-spaces-and-a-dash/", false},
		{"title keeps its case with disablePathToLower", "posts/a.md", "title: Big News", "/:title/", "/Big-News/", true},
		{"day, monthname, weekday, yearday, in lower case as the whole path", "posts/a.md", "date: 2024-12-31T10:00:00Z", "/:monthname/:day/:weekday/:weekdayname/:yearday/", "/december/31/2/tuesday/366/", false},
		{"a date keeps its own zone", "posts/a.md", "date: 2024-03-01T00:30:00+02:00", "/:year/:month/:day/:filename/", "/2024/03/01/a/", false},
		{"publishDate when there is no date", "posts/a.md", "publishDate: 2021-07-04", "/:year/:filename/", "/2021/a/", false},
		{"no date at all: Hugo's year 1", "posts/a.md", "title: A", "/:year/:month/:filename/", "/1/01/a/", false},
		{"a Go date layout", "posts/a.md", "date: 2023-02-01", "/:2006/:01/:filename/", "/2023/02/a/", false},
		{"filename of a bundle is its folder", "posts/My Trip/index.md", "title: T", "/:filename/", "/my-trip/", false},
		{"filename of a translation", "posts/listen.de.md", "title: T", "/:section/:filename/", "/posts/listen/", false},
		{"slugorfilename with a slug", "posts/a.md", "slug: Other", "/:slugorfilename/", "/other/", false},
		{"slugorfilename without", "posts/b.md", "title: T", "/:slugorfilename/", "/b/", false},
		{"contentbasename", "posts/bundle/index.md", "title: T", "/c/:contentbasename/", "/c/bundle/", false},
		{"slugorcontentbasename", "posts/z.md", "title: T", "/:slugorcontentbasename/", "/z/", false},
		{"section of a nested page", "docs/guides/advanced/x.md", "title: X", "/:section/:filename/", "/docs/x/", false},
		{"sections", "docs/guides/advanced/x.md", "title: X", "/:sections/:filename/", "/docs/guides/advanced/x/", false},
		{"sections stop at a folder that is no section", "docs/guides/notes/x.md", "title: X", "/:sections/:filename/", "/docs/guides/x/", false},
		{"sections[1:]", "docs/guides/advanced/x.md", "title: X", "/:sections[1:]/:filename/", "/guides/advanced/x/", false},
		{"sectionslugs: slugs, titles, folder names", "docs/guides/advanced/x.md", "title: X", "/:sectionslugs/:filename/", "/documentation/how-to/advanced/x/", false},
		{"sectionslugs keep the folder's capital with disablePathToLower", "docs/guides/advanced/x.md", "title: X", "/:sectionslugs/", "/Documentation/how-to/Advanced/", true},
		{"sectionslug", "docs/guides/advanced/x.md", "title: X", "/:sectionslug/:filename/", "/documentation/x/", false},
		{"sectionslugs[1:]", "docs/guides/advanced/x.md", "title: X", "/:sectionslugs[1:]/:filename/", "/how-to/advanced/x/", false},
		{"sectionslugs skip a folder that is no section", "docs/guides/notes/x.md", "title: X", "/:sectionslugs/:filename/", "/documentation/how-to/x/", false},
		{"sections[last]", "docs/guides/advanced/x.md", "title: X", "/:sections[last]/:filename/", "/advanced/x/", false},
		{"sections[:1]", "docs/guides/advanced/x.md", "title: X", "/:sections[:1]/:filename/", "/docs/x/", false},
		{"sections[5]: out of range, empty", "docs/guides/advanced/x.md", "title: X", "/:sections[5]/:filename/", "/x/", false},
		{"a section page without a title: its folder's, as Hugo titles it", "docs/guides/_index.md", "slug: s", "/:title/", "/Guides/", true},
		{"a section page: its own sections, no filename", "docs/guides/_index.md", "title: Guides", "/learn/:sections/:filename", "/learn/docs/guides/", false},
		{"a .html pattern is still a folder, as in Hugo", "posts/a.md", "slug: note", "/archive/:slug.html", "/archive/note.html/", false},
		{"an escaped colon, left out of the path as Hugo leaves out a colon", "posts/a.md", "slug: s", `/time\:less/:slug/`, "/timeless/s/", false},
		{"the literal parts are made a path of too", "posts/a.md", "slug: s", "/My Archive!/:slug/", "/my-archive/s/", false},
		{"no tokens", "posts/a.md", "title: A", "/fixed", "/fixed/", false},
		{"an empty title leaves no empty part", "posts/a.md", "date: 2020-01-02", "/:year/:title/", "/2020/", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm, _, errs := content.ParseFrontMatter("content/"+c.file, []byte("---\n"+c.front+"\n---\nText.\n"))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			base, _, _ := i18n.SplitPath(c.file, []i18n.Code{"en", "de"})
			p := hugoPageOf(base, fm, sections, c.keepCase, nil)
			sectionNames{"en": {"docs": "Documentation", "docs/guides": "how-to"}}.names(p, "en")
			if got := p.address("", p.expand(c.pattern), false); got != c.want {
				t.Errorf("%s for %s is %s, want %s", c.pattern, c.file, got, c.want)
			}
		})
	}
}

// TestHugoAddress makes Hugo addresses of pages of each kind without a
// permalink pattern, with uglyURLs and under a language's folder.
func TestHugoAddress(t *testing.T) {
	sections := map[string]bool{"posts": true}
	for _, c := range []struct {
		file, slug, prefix string
		ugly               bool
		want               string
	}{
		{"posts/a.md", "", "", false, "/posts/a/"},
		{"posts/a.md", "", "", true, "/posts/a.html"},
		{"posts/a.md", "", "en", false, "/en/posts/a/"},
		{"posts/a.md", "", "en", true, "/en/posts/a.html"},
		{"posts/a.md", "Other Name", "", false, "/posts/other-name/"},
		{"posts/What's New (2024).md", "", "", false, "/posts/whats-new-2024/"},
		{"posts/b/index.md", "", "", true, "/posts/b.html"},
		{"posts/_index.md", "", "", false, "/posts/"},
		{"posts/_index.md", "", "", true, "/posts.html"},
		{"posts/_index.md", "", "de", false, "/de/posts/"},
		{"_index.md", "", "", true, "/"},
		{"_index.md", "", "en", false, "/en/"},
	} {
		p := hugoPageOf(c.file, content.FrontMatter{Slug: c.slug}, sections, false, nil)
		if got := p.address(c.prefix, fileAddress(c.file, c.slug), c.ugly); got != c.want {
			t.Errorf("%s (slug %q, prefix %q, ugly %v): %s, want %s", c.file, c.slug, c.prefix, c.ugly, got, c.want)
		}
	}
}

// TestPermalinkRules reads permalinks tables in Hugo's forms and finds the
// rule of each page: the older section = pattern (pages only), page. and
// section. tables, the root's pages ("/"), the most specific section;
// unknown tokens and taxonomy patterns are noted.
func TestPermalinkRules(t *testing.T) {
	root, _, err := parseConfig("hugo.toml", []byte(`[permalinks]
posts = "/:year/:month/:slug/"
"/" = "/top/:filename/"
other = "/:futuretoken/:slug/"
[permalinks.page]
"posts/news" = "/news/:slug/"
[permalinks.section]
posts = "/articles/"
[permalinks.term]
tags = "/topic/:slug/"
`))
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	rules := readPermalinks(root.get("permalinks"), func(p pos, f string, args ...any) {
		notes = append(notes, p.String()+": "+fmt.Sprintf(f, args...))
	})
	for _, c := range []struct{ kind, dir, want string }{
		{"page", "posts", "/:year/:month/:slug/"},
		{"page", "posts/2024", "/:year/:month/:slug/"},
		{"page", "posts/news", "/news/:slug/"},
		{"page", "posts/news/local", "/news/:slug/"},
		{"page", "postscript", ""},
		{"page", "", "/top/:filename/"},
		{"page", "about", ""},
		{"section", "posts", "/articles/"},
		{"section", "", ""},
		{"page", "other", "/:futuretoken/:slug/"},
	} {
		got := ""
		if r := ruleFor(rules, c.kind, c.dir); r != nil {
			got = r.pattern
		}
		if got != c.want {
			t.Errorf("%s in %q: rule %q, want %q", c.kind, c.dir, got, c.want)
		}
	}
	if r := ruleFor(rules, "page", "other"); r == nil || r.unknown != ":futuretoken" {
		t.Errorf("the unknown token is not marked: %+v", r)
	}
	joined := strings.Join(notes, "\n")
	for _, want := range []string{
		"hugo.toml:4:9: permalinks.other: the import does not know the token :futuretoken",
		"hugo.toml:9:13: permalinks.term: mutual keeps the tags page at /tags/",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no note %q in:\n%s", want, joined)
		}
	}
}

// TestWithAlias adds an alias to front matter in each format and form a
// Hugo page may have: the result reads back with the alias added to those
// it had, the same title, and the page's text as it was; a form the
// import does not edit is refused with why, never half-written.
func TestWithAlias(t *testing.T) {
	const alias = "/2024/03/old/"
	for _, c := range []struct {
		name, src string
		had       []string // the aliases before
		refused   bool
	}{
		{name: "YAML", src: "---\ntitle: A\n---\nText.\n"},
		{name: "YAML with a block list", src: "---\ntitle: A\naliases:\n  - /x/\n  - /y/\n---\nText.\n", had: []string{"/x/", "/y/"}},
		{name: "YAML with an unindented list", src: "---\ntitle: A\naliases:\n- /x/\ndate: 2024-01-01\n---\nText.\n", had: []string{"/x/"}},
		{name: "YAML with a flow list", src: "---\ntitle: A\naliases: [/x/]\n---\nText.\n", had: []string{"/x/"}},
		{name: "YAML with an empty list", src: "---\ntitle: A\nAliases: []\n---\nText.\n"},
		{name: "YAML closed by ...", src: "---\ntitle: A\n...\nText.\n"},
		{name: "YAML with CRLF lines", src: "---\r\ntitle: A\r\n---\r\nText.\r\n"},
		{name: "YAML after a BOM and blank lines", src: "\xef\xbb\xbf\n\n---\ntitle: A\n---\nText.\n"},
		{name: "TOML", src: "+++\ntitle = \"A\"\n[menu.main]\nweight = 5\n+++\nText.\n"},
		{name: "TOML with an array", src: "+++\ntitle = \"A\"\naliases = [\n  \"/x/\",\n]\n+++\nText.\n", had: []string{"/x/"}},
		{name: "JSON", src: "{\n  \"title\": \"A\"\n}\nText.\n"},
		{name: "JSON with aliases", src: "{\"title\": \"A\", \"aliases\": [\"/x/\"]}\nText.\n", had: []string{"/x/"}},
		{name: "JSON, empty", src: "{}\nText.\n"},
		{name: "no front matter", src: "# A\n\nText.\n"},
		{name: "YAML, empty", src: "---\n---\nText.\n"},
		{name: "aliases that are one text", src: "---\ntitle: A\naliases: /x/\n---\nText.\n", had: []string{"/x/"}, refused: true},
		{name: "aliases with no value", src: "---\ntitle: A\naliases:\n---\nText.\n", refused: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fm, body, errs := content.ParseFrontMatter("content/a.md", []byte(c.src))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if strings.Join(fm.Aliases, " ") != strings.Join(c.had, " ") {
				t.Fatalf("the page had aliases %q, want %q", fm.Aliases, c.had)
			}
			out, msg := withAlias([]byte(c.src), fm, "content/a.md", alias)
			if c.refused {
				if msg == "" || out != nil {
					t.Fatalf("not refused:\n%s", out)
				}
				return
			}
			if msg != "" {
				t.Fatalf("refused: %s", msg)
			}
			got, gotBody, errs := content.ParseFrontMatter("content/a.md", out)
			if len(errs) > 0 {
				t.Fatalf("%v\n%s", errs, out)
			}
			want := append([]string{alias}, c.had...)
			if strings.Join(got.Aliases, " ") != strings.Join(want, " ") {
				t.Errorf("aliases %q, want %q\n%s", got.Aliases, want, out)
			}
			if got.Title != fm.Title || got.Format != fm.Format && fm.Format != "" || got.Weight != fm.Weight || (got.Menu == nil) != (fm.Menu == nil) {
				t.Errorf("the front matter changed: %+v, was %+v\n%s", got, fm, out)
			}
			if string(gotBody) != string(body) {
				t.Errorf("the text is %q, was %q", gotBody, body)
			}
			if strings.HasPrefix(c.src, "\xef\xbb\xbf") != strings.HasPrefix(string(out), "\xef\xbb\xbf") {
				t.Error("the byte order mark was not kept")
			}
			if strings.Contains(c.src, "\r\n") && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
				t.Errorf("lines end two ways: %q", out)
			}
		})
	}
}

// FuzzWithAlias gives withAlias any page: it never panics, and a page it
// edits reads back with the alias added to the ones it had, the same
// title, and the same text.
func FuzzWithAlias(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nText.\n",
		"---\naliases:\n  - /x/\n---\n",
		"+++\naliases = [\"/x/\"]\ntitle = \"T\"\n+++\nB\n",
		"{\"aliases\": [], \"title\": \"J\"}\nBody\n",
		"\xef\xbb\xbf\r\n---\r\ntitle: A\r\n---\r\n",
		"# Heading\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fm, body, errs := content.ParseFrontMatter("content/a.md", []byte(src))
		if len(errs) > 0 {
			return
		}
		out, msg := withAlias([]byte(src), fm, "content/a.md", "/old/")
		if msg != "" {
			return
		}
		got, gotBody, errs := content.ParseFrontMatter("content/a.md", out)
		if len(errs) > 0 {
			t.Fatalf("%v\n%q", errs, out)
		}
		if len(got.Aliases) != len(fm.Aliases)+1 || got.Title != fm.Title || string(gotBody) != string(body) {
			t.Fatalf("read back as aliases %q title %q body %q; was %q %q %q\n%q", got.Aliases, got.Title, gotBody, fm.Aliases, fm.Title, body, out)
		}
	})
}

// FuzzPermalink expands any pattern for any title and slug: it never
// panics, and the address starts with a slash, has no empty part and no
// "." or ".." part.
func FuzzPermalink(f *testing.F) {
	f.Add("/:year/:month/:slug/", "A title", "", false)
	f.Add("/:sections[1:]/:sections[last]/:sections[9]/:filename", "", "s", true)
	f.Add(`/a\:b/:2006-01/../:title.html`, "..", "../x", false)
	f.Fuzz(func(t *testing.T, pattern, title, slug string, ugly bool) {
		p := hugoPageOf("docs/guides/x.md", content.FrontMatter{Title: title, Slug: slug}, map[string]bool{"docs": true, "docs/guides": true}, false, nil)
		got := p.address("en", p.expand(pattern), ugly)
		if !strings.HasPrefix(got, "/") || strings.Contains(got, "//") {
			t.Fatalf("%q gives %q", pattern, got)
		}
		for _, part := range strings.Split(strings.Trim(got, "/"), "/") {
			if part == "." || part == ".." {
				t.Fatalf("%q gives %q", pattern, got)
			}
		}
	})
}

// TestPageDate takes a page's date from Hugo's sources in the order
// frontmatter.date gives: front matter keys (pubdate among the params),
// :filename (which also gives a slug), and :git, which the import cannot
// read.
func TestPageDate(t *testing.T) {
	for _, c := range []struct {
		name, front, file string
		sources           []string
		want, slug        string
		ok                bool
	}{
		{"Hugo's default: date", "date: 2024-03-05\nlastmod: 2025-01-01", "a", nil, "2024-03-05", "", true},
		{"Hugo's default: pubdate before lastmod", "pubdate: 2023-02-01\nlastmod: 2025-01-01", "a", nil, "2023-02-01", "", true},
		{"Hugo's default: none", "title: T", "2024-03-05-a", nil, "0001-01-01", "", true},
		{":filename first", "date: 2020-01-01", "2024-03-05-hello-world", []string{":filename", "date"}, "2024-03-05", "hello-world", true},
		{":filename without a date in the name", "date: 2020-01-01", "hello", []string{":filename", "date"}, "2020-01-01", "", true},
		{"lastmod only", "date: 2020-01-01\nlastmod: 2022-06-07", "a", []string{"lastmod"}, "2022-06-07", "", true},
		{":git before date", "date: 2020-01-01", "a", []string{":git", "date"}, "0001-01-01", "", false},
		{"date before :git", "date: 2020-01-01", "a", []string{"date", ":git"}, "2020-01-01", "", true},
	} {
		fm, _, errs := content.ParseFrontMatter("content/a.md", []byte("---\n"+c.front+"\n---\n"))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		d, slug, ok := pageDate(c.sources, fm, c.file)
		if d.Format("2006-01-02") != c.want || slug != c.slug || ok != c.ok {
			t.Errorf("%s: %s %q %v, want %s %q %v", c.name, d.Format("2006-01-02"), slug, ok, c.want, c.slug, c.ok)
		}
	}
}

// TestRemoveAccents leaves out accents as Hugo's removePathAccents does:
// letters that decompose lose their marks, combining marks go, other
// letters stay.
func TestRemoveAccents(t *testing.T) {
	for in, want := range map[string]string{
		"Crème brûlée à Noël":   "Creme brulee a Noel",
		"Ångström Čeština żółw": "Angstrom Cestina zołw",
		"e\u0301te\u0301":       "ete",
		"Øresund straße æble":   "Øresund straße æble",
		"日本語":                   "日本語",
	} {
		if got := removeAccents(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
