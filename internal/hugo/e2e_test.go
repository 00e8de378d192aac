package hugo

import (
	"io/fs"
	"mutual/internal/testio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/site"
)

// hugoSite is a small Hugo site written the way Hugo documentation sites
// are: configuration in TOML with params, a main menu and taxonomies;
// front matter in TOML, YAML and JSON; a page bundle with an image;
// built-in shortcodes in both forms, paired, nested, inline and in list
// items; the param and ref shortcodes; and a shortcode of the site's own
// (layouts/shortcodes/) that reads named arguments and its content.
const hugoSite = `The Hugo site of TestImportedSiteBuilds.
-- hugo.toml --
baseURL = "https://example.org/"
title = "Field notes"
languageCode = "en"

[params]
description = "Notes from the field."
contact = "office@example.org"

[taxonomies]
tag = "tags"

[[menus.main]]
name = "Guides"
pageRef = "/guides"
weight = 10

[[menus.main]]
name = "About us"
url = "/about/"
weight = 20
-- content/_index.md --
+++
title = "Field notes"
+++
Welcome. {{< hint info >}}Start with **the guides**.{{< /hint >}}

Write to {{< param contact >}} or read [about us]({{< ref "about" >}}).
-- content/about/index.md --
---
title: About us
tags: [team]
---
{{< figure src="team.png" alt="The team at work" caption="Our team" >}}

{{< mybox title="Who we are" >}}
A small *team* of counselors.
{{< /mybox >}}
-- content/about/team.png --
not really a PNG
-- content/guides/_index.md --
{
  "title": "Guides"
}
Every guide, one page each.
-- content/guides/listening.md --
+++
title = "Listening"
tags = ["team", "basics"]
summary = "How to listen."
+++
{{% notice warning %}}
Do not *interrupt*.
{{% /notice %}}

- first, {{< mybox title="inline" >}}listen{{< /mybox >}}
- then {{% hint tip %}}ask{{% /hint %}}

{{< details "Why it matters" >}}
Because {{< hint >}}people{{< /hint >}} notice.
{{< /details >}}

{{< tabs >}}
{{< tab "One" >}}First tab.{{< /tab >}}
{{< tab "Two" >}}Second tab.{{< /tab >}}
{{< /tabs >}}
-- layouts/shortcodes/mybox.html --
<div class="mybox"><strong>{{ .Get "title" }}</strong> {{ .Inner }}</div>
-- static/files/leaflet.txt --
A leaflet.
`

// TestImportedSiteBuilds is issue 12's end-to-end test of mutual import
// hugo: the Hugo site above is imported, checked, built with no error, and
// no page of the output holds shortcode text ({{< or {{%). It needs the
// site engine of issue 12 (shortcodes in pages, TOML and JSON front
// matter, bundles, params, static/), which renders what the import
// copies.
// importClean imports the Hugo site of the archive text into a new site
// beside it, and fails the test unless the check found no problem. It
// returns the Hugo site's folder, the new site's, the report and its text.
func importClean(t *testing.T, archive []byte) (src, dest string, r *Report, report string) {
	t.Helper()
	src = writeSite(t, testio.ParseArchive(archive))
	dest = filepath.Join(filepath.Dir(src), "new-site")
	r, err := Import(src, dest)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	r.Write(&b)
	if len(r.Problems) > 0 || r.CheckFailed != nil {
		t.Fatalf("the check of the imported site found problems:\n%v\n%v\n%s", r.Problems, r.CheckFailed, b.String())
	}
	return src, dest, r, b.String()
}

func TestImportedSiteBuilds(t *testing.T) {
	src, dest, _, report := importClean(t, []byte(hugoSite))
	for _, want := range []string{
		"content: 4 pages (2 of them _index.md) and 1 other file",
		"shortcodes: 13 calls on 3 pages",
		"built in: 11 calls of details (1), figure (1), hint (3), notice (1), param (1), ref (1), tab (2), tabs (1)",
		"copied: 2 calls of mybox (2)",
		"check: no problems found",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report has no %q:\n%s", want, report)
		}
	}

	out := filepath.Join(filepath.Dir(src), "public")
	b := site.New(site.Options{Dir: dest, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatalf("build: %v", err)
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".xml", ".json", ".txt":
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		for _, raw := range []string{"{{<", "{{%", "{{&lt;"} {
			if i := strings.Index(string(data), raw); i >= 0 {
				t.Errorf("%s holds shortcode text %q: ...%s...", p, raw, string(data[max(0, i-60):min(len(data), i+60)]))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatal("the build wrote no page")
	}

	// What the shortcodes, the params, the menu, the bundle and static/
	// became.
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
		}
		return string(data)
	}
	home, about, listening := read("index.html"), read("about/index.html"), read("guides/listening/index.html")
	for _, c := range []struct{ page, name, want string }{
		{home, "home: the hint", `<div class="callout callout-`},
		{home, "home: the param shortcode", "Write to office@example.org or"},
		{home, "home: the ref shortcode (an absolute address, as Hugo's)", `<a href="https://example.org/about/">about us</a>`},
		{home, "home: the menu's page entry", ">Guides<"},
		{home, "home: the menu's url entry", ">About us<"},
		{about, "about: the site's own shortcode", `<div class="mybox"><strong>Who we are</strong>`},
		{about, "about: its content, as written ({{< >}} does not render it, as in Hugo)", "\nA small *team* of counselors.\n</div>"},
		{about, "about: the figure of the bundle's image", `<img src="/about/team.png" alt="The team at work"`},
		{listening, "listening: the notice", `<div class="callout callout-warning"`},
		{listening, "listening: the notice's inner Markdown", "Do not <em>interrupt</em>."},
		{listening, "listening: the shortcode in a list item", `<strong>inline</strong> listen</div>`},
		{listening, "listening: the details", `<details class="disclosure"`},
		{listening, "listening: the tabs", `class="tab-radio"`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: no %q", c.name, c.want)
		}
	}
	for _, f := range []string{"about/team.png", "files/leaflet.txt"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("not published: %v", err)
		}
	}
}

// TestImportedLanguagesBuild imports the multilingual Hugo site of
// testdata/import/languages.txt, checks and builds it: each enabled
// language is published under its code with its own menu, title and
// direction, the German folder of its own became content/de/, and a page
// of the disabled French is named by the check.
func TestImportedLanguagesBuild(t *testing.T) {
	data, err := os.ReadFile("testdata/import/languages.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, dest, r, _ := importClean(t, data)
	fr := false
	for _, w := range r.Warnings {
		if strings.HasPrefix(w.Path, "content/posts/listening.fr.md") {
			fr = true
		}
	}
	if !fr {
		t.Errorf("the check names no page of the disabled French; warnings:\n%v", r.Warnings)
	}

	out := filepath.Join(filepath.Dir(src), "public")
	if _, err := site.New(site.Options{Dir: dest, Out: out}).Build(); err != nil {
		t.Fatalf("build: %v", err)
	}
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
		}
		return string(data)
	}
	deHome, deListen, arListen, esDar := read("de/index.html"), read("de/posts/zuhoeren/index.html"), read("ar/posts/listening/index.html"), read("es/posts/dar/index.html")
	for _, c := range []struct{ page, name, want string }{
		{deHome, "German home: its language", `<html lang="de"`},
		{deHome, "German home: its title", "Geben und Nehmen"},
		{deHome, "German home: its menu's page entry", `<a href="/de/posts/">Beiträge</a>`},
		{deHome, "German home: its menu's German-only page", `<a href="/de/nur-hier/">Nur hier</a>`},
		{deListen, "the page of content-de/", "Gut zuhören."},
		{arListen, "Arabic: right to left", `<html lang="ar" dir="rtl"`},
		{arListen, "Arabic: its translation", "الاستماع"},
		{esDar, "Spanish: a page of its own, at its slug", "Dar"},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: no %q", c.name, c.want)
		}
	}
	sitemap := read("sitemap.xml")
	for _, want := range []string{
		`hreflang="ar" href="https://example.org/ar/posts/listening/"`,
		// Paired by translationKey, at the addresses of their own names.
		`hreflang="de" href="https://example.org/de/posts/zuhoeren/"`,
		`hreflang="es" href="https://example.org/es/posts/dar/"`,
	} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("the sitemap has no %s", want)
		}
	}
	// Paired, so German shows no fallback of listening.
	if _, err := os.Stat(filepath.Join(out, "de", "posts", "listening")); err == nil {
		t.Error("de/posts/listening/ is published: zuhoeren.md was not paired with listening.md by its translationKey")
	}
}

// buildImported imports the Hugo site of the archive text, checks it
// (importClean) and builds the new site; it returns the output folder and
// the report's text.
func buildImported(t *testing.T, archive string) (out, dest, report string) {
	t.Helper()
	src, dest, _, report := importClean(t, []byte(archive))
	out = filepath.Join(filepath.Dir(src), "public")
	if _, err := site.New(site.Options{Dir: dest, Out: out}).Build(); err != nil {
		t.Fatalf("build: %v\n%s", err, report)
	}
	return out, dest, report
}

// menuNames are the names of the main menu's entries in the page's header,
// in order.
func menuNames(t *testing.T, page string) []string {
	t.Helper()
	i := strings.Index(page, `<nav class="site-nav"`)
	if i < 0 {
		return nil
	}
	nav := page[i:]
	nav = nav[:strings.Index(nav, "</nav>")]
	var names []string
	for _, part := range strings.Split(nav, "<li><a ")[1:] {
		part = part[strings.Index(part, ">")+1:]
		names = append(names, part[:strings.Index(part, "</a>")])
	}
	return names
}

// TestImportedMenuOrder imports Hugo sites whose main menu comes from the
// configuration (with weights, without, equal ones) and from pages' front
// matter (menu.main with a weight, or without), builds each, and reads the
// order of the menu in the home page's HTML: it is Hugo's order (weighted
// entries by weight, then the others, equal weights by name).
func TestImportedMenuOrder(t *testing.T) {
	const pages = `-- content/_index.md --
+++
title = "Home"
+++
Home.
-- content/posts/_index.md --
+++
title = "Posts"
+++
-- content/about.md --
+++
title = "About"
+++
About.
`
	for _, c := range []struct {
		name, config, first string
		want                []string
	}{
		{
			name: "the QA report: config weights 1 and 2, a page at 5",
			config: `[[menus.main]]
name = "Posts"
pageRef = "/posts"
weight = 1
[[menus.main]]
name = "About"
pageRef = "/about"
weight = 2
`,
			first: `[menu.main]
weight = 5
`,
			want: []string{"Posts", "About", "First post"},
		},
		{
			name: "a page between two config entries",
			config: `[[menus.main]]
name = "Posts"
url = "/posts/"
weight = 10
[[menus.main]]
name = "About"
url = "/about/"
weight = 30
`,
			first: `[menu.main]
weight = 20
name = "First"
`,
			want: []string{"Posts", "First", "About"},
		},
		{
			name: "config entries without weight come after weighted ones, by name",
			config: `[[menus.main]]
name = "Zeta"
url = "/about/"
[[menus.main]]
name = "Alpha"
url = "/posts/"
[[menus.main]]
name = "Heavy"
url = "/"
weight = 3
`,
			first: `menu = "main"
`,
			want: []string{"Heavy", "Alpha", "Zeta", "First post"},
		},
		{
			name: "negative and equal weights",
			config: `[[menus.main]]
name = "B"
url = "/posts/"
weight = 2
[[menus.main]]
name = "A"
url = "/about/"
weight = 2
[[menus.main]]
name = "Top"
url = "/"
weight = -1
`,
			want: []string{"Top", "A", "B"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			archive := "-- hugo.toml --\nbaseURL = \"https://example.org/\"\ntitle = \"Menus\"\n" + c.config + pages +
				"-- content/posts/first.md --\n+++\ntitle = \"First post\"\ndate = 2024-03-05\n" + c.first + "+++\nFirst.\n"
			out, _, _ := buildImported(t, archive)
			home, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if got := menuNames(t, string(home)); strings.Join(got, ", ") != strings.Join(c.want, ", ") {
				t.Errorf("the menu reads %q, Hugo shows %q", got, c.want)
			}
		})
	}
}

// hugoPermalinkSite is a Hugo site whose pages Hugo published elsewhere
// than their files: dated posts by permalinks, the default language under
// /en/ (defaultContentLanguageInSubdir), a German translation by German
// permalinks, a section
// by its own pattern, a page without front matter, and notes by a pattern
// with a token the import does not know.
const hugoPermalinkSite = `-- hugo.toml --
baseURL = "https://example.org/"
title = "Moved"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
[languages.en]
weight = 1
[languages.de]
weight = 2
[languages.de.permalinks]
posts = "/beitraege/:slug/"
[permalinks]
posts = "/:year/:month/:slug/"
notes = "/:futuretoken/:filename/"
[permalinks.section]
posts = "/articles/"
-- content/_index.md --
+++
title = "Home"
+++
Home.
-- content/posts/_index.md --
---
title: Posts
---
-- content/posts/first.md --
+++
title = "First post"
slug = "first-post"
date = 2024-03-05T10:00:00Z
aliases = ["/very-old/"]
+++
First.
-- content/posts/first.de.md --
+++
title = "Erster Beitrag"
slug = "erster"
date = 2024-03-06
+++
Erst.
-- content/posts/second.md --
{
  "title": "Second",
  "date": "2023-11-20"
}
Second.
-- content/posts/third.md --
# Third, without front matter

Third.
-- content/notes/n.md --
---
title: N
---
Note.
-- content/about.md --
---
title: About
---
About.
`

// TestImportedAliases imports the site above, builds it, and follows each
// old address: its redirect page exists and points to the page's new
// address, which exists. The report counts the aliases and names the
// pages that got none.
func TestImportedAliases(t *testing.T) {
	src, dest, r, report := importClean(t, []byte(hugoPermalinkSite))
	out := filepath.Join(filepath.Dir(src), "public")
	if _, err := site.New(site.Options{Dir: dest, Out: out}).Build(); err != nil {
		t.Fatalf("build: %v\n%s", err, report)
	}
	for _, c := range []struct{ old, now string }{
		{"en/2024/03/first-post/", "/posts/first-post/"},
		{"de/beitraege/erster/", "/de/posts/erster/"}, // German's own permalinks
		{"en/2023/11/second/", "/posts/second/"},
		{"en/1/01/", "/posts/third/"}, // no date: Hugo's year 1; no title, so :slug is empty
		{"en/articles/", "/posts/"},
		{"en/", "/"},
		{"en/about/", "/about/"},
		{"very-old/", "/posts/first-post/"}, // the page's own alias stays
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.old), "index.html"))
		if err != nil {
			t.Errorf("no redirect at /%s: %v", c.old, err)
			continue
		}
		if want := `content="0; url=` + c.now + `"`; !strings.Contains(string(data), want) {
			t.Errorf("/%s does not redirect to %s:\n%s", c.old, c.now, data)
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(c.now), "index.html")); err != nil {
			t.Errorf("the page /%s redirects to is not there: %v", c.old, err)
		}
	}
	// No alias for the notes, whose pattern has a token the import does
	// not know.
	if _, err := os.Stat(filepath.Join(out, "en", "notes")); err == nil {
		t.Error("/en/notes/ is written")
	}
	// The page without front matter keeps its title from its heading.
	third, _ := os.ReadFile(filepath.Join(out, "posts", "third", "index.html"))
	if !strings.Contains(string(third), "<title>Third, without front matter") {
		t.Errorf("the page without front matter lost its title:\n%.300s", third)
	}
	if r.Aliases != 7 {
		t.Errorf("%d aliases, want 7 (first, erster, second, third, posts, home, about)\n%s", r.Aliases, report)
	}
	for _, want := range []string{
		"permalinks as aliases, languages.de.permalinks as aliases, defaultContentLanguageInSubdir as aliases (/en/... to /...)",
		"aliases: 7 pages given their Hugo address as an alias",
		"hugo.toml:13:9: permalinks.notes: the import does not know the token :futuretoken",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report has no %q:\n%s", want, report)
		}
	}
}

// TestImportedAliasesLeftOut imports a site of one language whose Hugo
// addresses would redirect where they cannot: a page with a url keeps it
// (no alias), an old address that is now another page's, and one that
// two pages had, get none, and the report says so; the check finds no
// problem and the build keeps every page at its address.
func TestImportedAliasesLeftOut(t *testing.T) {
	out, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/"
title = "Kept"
[permalinks]
moved = "/:filename/"
twice = "/same/"
titled = "/t/:title/"
-- content/fixed/a.md --
---
title: Fixed
url: /fixed-place/
---
-- content/moved/about.md --
---
title: Moved about
---
-- content/about.md --
---
title: About
---
-- content/twice/x.md --
---
title: X
---
-- content/twice/y.md --
---
title: Y
---
-- content/titled/c.md --
---
title: "C# tips"
---
-- content/titled/d.md --
---
title: .hidden
---
`)
	for _, want := range []string{
		"aliases: 0 pages given their Hugo address as an alias",
		"content/moved/about.md: Hugo published this page at /about/, which is now the address of content/about.md: no redirect from it",
		"content/twice/x.md: 2 pages had the address /same/ in Hugo, which published only one of them there: no redirect from it",
		"content/twice/y.md: 2 pages had the address /same/ in Hugo",
		"content/titled/c.md: Hugo published this page at /t/c#-tips/, where mutual writes no redirect: a # or ? in an address ends its path",
		"content/titled/d.md: Hugo published this page at /t/.hidden/, where mutual writes no redirect: static hosts hide",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report has no %q:\n%s", want, report)
		}
	}
	for _, p := range []string{"fixed-place", "about", "moved/about", "twice/x", "twice/y"} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p), "index.html"))
		if err != nil || strings.Contains(string(data), `http-equiv="refresh"`) {
			t.Errorf("/%s/ is not a page: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "same")); err == nil {
		t.Error("/same/ is written")
	}
}

// TestImportedHomeInSubdir imports a site with defaultContentLanguageInSubdir
// and no content/_index.md: the report says where to write /en/'s alias.
func TestImportedHomeInSubdir(t *testing.T) {
	_, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/"
title = "No home file"
defaultContentLanguageInSubdir = true
-- content/a.md --
---
title: A
---
`)
	for _, want := range []string{
		"aliases: 1 page given its Hugo address as an alias",
		"content/_index.md: Hugo published the home page at /en/, and the site has no _index.md to hold that alias: write one with aliases: [/en/]",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report has no %q:\n%s", want, report)
		}
	}
}

// TestImportedUglyURLs imports a site with uglyURLs: Hugo's files
// (/posts/a.html, /posts.html) redirect to the pages' folders.
func TestImportedUglyURLs(t *testing.T) {
	out, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/"
title = "Ugly"
uglyURLs = true
-- content/posts/_index.md --
---
title: Posts
---
-- content/posts/a.md --
---
title: A
---
-- content/b/index.md --
---
title: B
---
`)
	for _, c := range []struct{ old, now string }{
		{"posts/a.html", "/posts/a/"},
		{"posts.html", "/posts/"},
		{"b.html", "/b/"},
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.old)))
		if err != nil {
			t.Errorf("no redirect at /%s: %v\n%s", c.old, err, report)
			continue
		}
		if want := `content="0; url=` + c.now + `"`; !strings.Contains(string(data), want) {
			t.Errorf("/%s does not redirect to %s:\n%s", c.old, c.now, data)
		}
	}
	if !strings.Contains(report, "uglyURLs as aliases (/a.html to /a/)") || !strings.Contains(report, "aliases: 3 pages") {
		t.Errorf("the report does not say what became of uglyURLs:\n%s", report)
	}
}

// TestImportedFilenameDates imports a site whose posts are named by date
// (2024-03-05-hello.md) and whose dates come from those names
// (frontmatter.date = [":filename", ":default"]): Hugo published each at
// the name after the date, which redirects to the new address; and guides
// under their section page's slug (:sectionslugs).
func TestImportedFilenameDates(t *testing.T) {
	out, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/"
title = "Dated"
[frontmatter]
date = [":filename", ":default"]
[permalinks]
archive = "/:year/:slug/"
guides = "/:sectionslugs/:slug/"
-- content/guides/_index.md --
---
title: Guides
slug: learn
---
-- content/guides/g.md --
---
title: Gee
date: 2020-01-01
---
-- content/posts/2024-03-05-hello.md --
---
title: Hello
---
-- content/archive/2019-07-01-old-news.md --
---
title: Old news
---
`)
	for _, c := range []struct{ old, now string }{
		{"posts/hello/", "/posts/2024-03-05-hello/"},
		{"2019/old-news/", "/archive/2019-07-01-old-news/"},
		{"learn/gee/", "/guides/g/"}, // the section page's slug
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.old), "index.html"))
		if err != nil {
			t.Errorf("no redirect at /%s: %v\n%s", c.old, err, report)
			continue
		}
		if want := `content="0; url=` + c.now + `"`; !strings.Contains(string(data), want) {
			t.Errorf("/%s does not redirect to %s:\n%s", c.old, c.now, data)
		}
	}
}

// TestImportedRemovePathAccents imports a site with removePathAccents:
// Hugo's address without accents redirects to the page, which keeps its
// file's letters.
func TestImportedRemovePathAccents(t *testing.T) {
	out, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/"
title = "Recettes"
removePathAccents = true
-- content/recettes/crème-brûlée.md --
---
title: Crème brûlée
---
`)
	data, err := os.ReadFile(filepath.Join(out, "recettes", "creme-brulee", "index.html"))
	if err != nil {
		t.Fatalf("no redirect at /recettes/creme-brulee/: %v\n%s", err, report)
	}
	// Percent-escapes compare without case.
	if want := `content="0; url=/recettes/cr%c3%a8me-br%c3%bbl%c3%a9e/"`; !strings.Contains(strings.ToLower(string(data)), want) {
		t.Errorf("the redirect does not lead to the page:\n%s", data)
	}
	if !strings.Contains(report, "removePathAccents as aliases") {
		t.Errorf("the report does not say what became of removePathAccents:\n%s", report)
	}
}

// TestImportedSpacesAndSubfolder imports a site deployed in a subfolder
// whose file and folder names have spaces and whose links are relref's:
// the check finds no problem (no alias to a page's own address, no link to
// /blog/blog/...), every page is at the address Hugo gave it (a space is a
// "-"), with no redirect, and the links lead to the pages.
func TestImportedSpacesAndSubfolder(t *testing.T) {
	out, _, report := buildImported(t, `-- hugo.toml --
baseURL = "https://example.org/blog/"
title = "Spaces"
-- content/docs/self care.md --
---
title: Self care
---
See [the story]({{< relref "/docs/my story" >}}) and [the start]({{< relref "getting started" >}}).
-- content/docs/my story/index.md --
---
title: My story
---
![A photo](a%20photo.png)
-- content/docs/my story/a photo.png --
png
-- content/docs/getting started/_index.md --
---
title: Getting started
---
Back to [self care]({{< relref "/docs/self care.md" >}}).
`)
	if strings.Contains(report, "aliases:") || !strings.Contains(report, "check: no problems found") {
		t.Errorf("the report gives aliases, or the check found something:\n%s", report)
	}
	for _, p := range []string{"docs/self-care", "docs/my-story", "docs/getting-started"} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p), "index.html"))
		if err != nil || strings.Contains(string(data), `http-equiv="refresh"`) {
			t.Errorf("/%s/ is not a page: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "docs", "my-story", "a photo.png")); err != nil {
		t.Errorf("the bundle's file is not under its page: %v", err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "docs", "self-care", "index.html"))
	for _, want := range []string{`href="/blog/docs/my-story/"`, `href="/blog/docs/getting-started/"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("no link %s on /docs/self-care/", want)
		}
	}
}
