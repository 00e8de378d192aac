package site

import (
	"bytes"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"mutual/themes"
)

// readyMadeLayouts are the default theme's partials as they were before
// the parts they print became ready-made HTML (Page.TimeTag,
// Entry.TimeTag): a theme that still has them must build the same site.
// pager.html's and toc.html's (Page.Pager, Page.TOCNav) are in their own
// comments (themes.Former), and so is base.html's (oldBase).
var readyMadeLayouts = map[string]string{
	"layouts/partials/entry.html": `<li class="entry entry-{{.Kind}}{{if .LangName}} entry-fallback{{end}}">
<h3 class="entry-title"><a href="{{.URL}}" data-url="{{.Permalink}}"{{with .Lang}} lang="{{.}}" hreflang="{{.}}"{{end}}>{{.Title}}</a>{{with .LangName}} <span class="entry-lang">({{T "entry.fallback" "language" .}})</span>{{end}}</h3>
{{- with .Summary}}
<p class="entry-description"{{with $.Lang}} lang="{{.}}"{{end}}>{{.}}</p>
{{- else with .Description}}
<p class="entry-description"{{with $.Lang}} lang="{{.}}"{{end}}>{{.}}</p>
{{- end}}
{{- $worksheet := eq .Kind "worksheet"}}
{{- $dated := not .Date.IsZero}}
{{- if or $worksheet $dated .Tags}}
<div class="entry-meta">
{{- if $worksheet}}
<span class="badge">{{T "entry.worksheet"}}</span>
{{- with .Minutes}}
<span class="minutes">{{T "minutes" .}}</span>
{{- end}}
{{- end}}
{{- if $dated}}
<time datetime="{{isodate .Date}}">{{date .Date}}</time>
{{- end}}
{{- partialCached "tags.html" .Tags .Tags}}
</div>
{{- end}}
</li>
`,
	"layouts/partials/meta.html": `{{- /* Date and tags under a page title. Dot: *site.Page. */ -}}
{{- $dated := not .Date.IsZero -}}
{{- if or $dated .Tags -}}
<div class="page-meta">
{{- if $dated}}
<p class="date"><time datetime="{{isodate .Date}}">{{date .Date}}</time></p>
{{- end}}
{{- partialCached "tags.html" .Tags .Tags}}
</div>
{{- end -}}
`,
}

// oldBase is the default theme's base.html with the stylesheets linked
// by template actions, as before Page.StyleLinks.
func oldBase(t *testing.T) string {
	b, err := fs.ReadFile(themes.Default(), "layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("\n{{- .StyleLinks}}\n")) {
		t.Fatal("the default base.html no longer prints .StyleLinks on a line of its own")
	}
	return strings.Replace(string(b), "\n{{- .StyleLinks}}\n", "\n"+former(t, "layouts/base.html")+"\n", 1)
}

// former is the markup a built-in layout's comment shows as what it once
// wrote (themes.Former).
func former(t testing.TB, name string) string {
	s, err := themes.Former(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var siteTheme = regexp.MustCompile(`(?m)^theme: *(\S+)\s*$`)

// readyMadeSite is a site in the default theme with what the render
// cases lack: highlighted code, a table of contents on a page shown
// untranslated (the Spanish one of guides/code), tags, descriptions and
// summaries with characters html/template escapes, a theme with its own worksheet.css and
// custom.css, a worksheet (and the rest of testdata/render/worksheet.txtar),
// and extra scripts (as mutual serve adds its own) with characters a URL
// escapes.
var readyMadeSite = map[string]string{
	"content/site.yaml":                     "title: T\nbaseURL: https://example.org/sub/\ntheme: brand\nhelp: Call someone.\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n",
	"themes/brand/theme.yaml":               "extends: default\n",
	"themes/brand/static/css/custom.css":    ":root { --accent: #036; }\n",
	"themes/brand/static/css/worksheet.css": ".question { margin: 0; }\n",
	"content/guides/_index.md":              "---\ntitle: Guides\n---\n",
	"content/guides/code.md":                "---\ntitle: Code & <more>\ndate: 2026-03-14\nweight: 1\ntags: [\"give & take\", \"l'autre + <b>\", care]\ndescription: \"A \\\"quoted\\\" <description> & more\"\n---\n## One\n\n## Two\n\n## Three\n\n```go\nfunc main() {}\n```\n",
	"content/guides/plain.md":               "---\ntitle: Plain 'quotes'\nweight: 2\ntags: [care]\nsummary: \"Summary + 'quotes' & <tags>\"\n---\nNo code.\n",
	"content/guides/plain.es.md":            "---\ntitle: Sencillo\nweight: 2\n---\nSin código.\n",
}

// TestReadyMadeParts builds every testdata/render site, and
// readyMadeSite, twice: as it is, and with the parts it shows ready-made
// put back as the templates they replace: the partials that print
// Page.Pager, Page.TOCNav, Page.TimeTag and Entry.TimeTag, the base.html
// that prints Page.StyleLinks; all in a theme extending the site's, or in
// the site's own theme where it has none of its own.
// Both builds must write the same bytes, in every language, on pages
// shown untranslated too (their marked texts). A theme's own pager.html
// is used, not the ready-made one (the last part).
func TestReadyMadeParts(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	base := oldBase(t)
	marked, tocs := 0, 0
	compare := func(t *testing.T, files map[string]string, opts Options) {
		dir := t.TempDir()
		writeSite(t, &archive{Files: files}, dir)
		opts.Dir, opts.Out = dir, filepath.Join(dir, "public")
		if _, err := New(opts).Build(); err != nil {
			t.Fatalf("build failed:\n%v", err)
		}
		want := readTree(t, opts.Out)
		for _, page := range want {
			marked += bytes.Count(page, []byte(`<span class="pager-label"><span lang=`))
			tocs += bytes.Count(page, []byte(`<h2 class="toc-title"><span lang=`))
		}
		cfg := filepath.ToSlash(ConfigPath)
		old := map[string]string{}
		for name, body := range files {
			old[name] = body
		}
		themeDir := "themes/old/"
		if m := siteTheme.FindStringSubmatch(old[cfg]); m != nil && m[1] != "default" {
			themeDir = "themes/" + m[1] + "/"
		} else {
			old[cfg] = "theme: old\n" + siteTheme.ReplaceAllString(old[cfg], "")
			old[themeDir+"theme.yaml"] = "extends: default\n"
		}
		layouts := maps.Clone(readyMadeLayouts)
		for _, name := range []string{"layouts/partials/pager.html", "layouts/partials/toc.html"} {
			layouts[name] = former(t, name)
		}
		layouts["layouts/base.html"] = base
		for name, body := range layouts {
			if _, own := old[themeDir+name]; !own {
				old[themeDir+name] = body
			}
		}
		dir = t.TempDir()
		writeSite(t, &archive{Files: old}, dir)
		opts.Dir, opts.Out = dir, filepath.Join(dir, "public")
		if _, err := New(opts).Build(); err != nil {
			t.Fatalf("build with the parts as templates failed:\n%v", err)
		}
		got := readTree(t, opts.Out)
		if strings.Join(treeNames(got), "\n") != strings.Join(treeNames(want), "\n") {
			t.Fatalf("the builds wrote other files:\n%s\n---\n%s", strings.Join(treeNames(got), "\n"), strings.Join(treeNames(want), "\n"))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs with the parts as templates:\n--- templates\n%s\n--- ready-made\n%s", name, got[name], data)
			}
		}
	}
	eachCase(t, "testdata/render/*.txtar", func(t *testing.T, file string, a *archive, dir, out string) {
		compare(t, a.Files, Options{})
	})
	t.Run("code-worksheet-scripts", func(t *testing.T) {
		for name, body := range readArchive(t, "testdata/render/worksheet.txtar").Files {
			if strings.HasPrefix(name, "content/") && readyMadeSite[name] == "" {
				readyMadeSite[name] = body
			}
		}
		compare(t, readyMadeSite, Options{Scripts: []string{"/live reload.js?a=1&b='2'", "/other.js"}})
		// The case covers what it is there for.
		dir := t.TempDir()
		writeSite(t, &archive{Files: readyMadeSite}, dir)
		if _, err := New(Options{Dir: dir, Out: filepath.Join(dir, "public")}).Build(); err != nil {
			t.Fatal(err)
		}
		tree := readTree(t, filepath.Join(dir, "public"))
		code := bytes.Contains(tree["guides/code/index.html"], []byte(`/sub/css/chroma.`))
		sheet := bytes.Contains(tree["worksheets/check/index.html"], []byte(`/sub/css/worksheet.`))
		if !code || !sheet || !bytes.Contains(tree["guides/plain/index.html"], []byte(`/sub/css/custom.`)) {
			t.Errorf("the site does not link what it should: chroma.css %v, worksheet.css %v", code, sheet)
		}
		for page, part := range map[string]string{
			"guides/index.html":     `>l&#39;autre &#43; &lt;b&gt;</a>`,
			"es/guides/index.html":  `<span class="entry-lang">(`,
			"worksheets/index.html": `<span class="minutes">`,
		} {
			if !bytes.Contains(tree[page], []byte(part)) {
				t.Errorf("%s lacks %s", page, part)
			}
		}
	})

	// A theme's base.html that still prints .HeadLinks (as the default
	// one did until 2026-11-30) gets the scripts in <head>, with async,
	// after the stylesheets; the pages are otherwise the same bytes.
	t.Run("head-links", func(t *testing.T) {
		b, err := fs.ReadFile(themes.Default(), "layouts/base.html")
		if err != nil {
			t.Fatal(err)
		}
		old, n := string(b), 0
		if i, j := strings.Index(old, "{{- range .Scripts}}"), strings.Index(old, "</body>"); i > 0 && j > i {
			old, n = old[:i]+old[j:], 1
		}
		if n == 0 || !strings.Contains(old, "{{- .StyleLinks}}") {
			t.Fatal("the default base.html no longer prints .StyleLinks and then .Scripts before </body>")
		}
		old = strings.Replace(old, "{{- .StyleLinks}}", "{{- .HeadLinks}}", 1)
		scripts := Options{Scripts: []string{"/live reload.js?a=1&b='2'", "/other.js"}}
		build := func(files map[string]string) map[string][]byte {
			dir := t.TempDir()
			writeSite(t, &archive{Files: files}, dir)
			opts := scripts
			opts.Dir, opts.Out = dir, filepath.Join(dir, "public")
			if _, err := New(opts).Build(); err != nil {
				t.Fatal(err)
			}
			return readTree(t, opts.Out)
		}
		want := build(readyMadeSite)
		files := maps.Clone(readyMadeSite)
		files["themes/brand/layouts/base.html"] = old
		got := build(files)
		tail := regexp.MustCompile(`((?:\n<script src="[^"]*"></script>)+)\n</body>`)
		moved := 0
		for name, page := range want {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			m := tail.FindSubmatchIndex(page)
			if m == nil {
				continue
			}
			tags := bytes.ReplaceAll(page[m[2]:m[3]], []byte(`"></script>`), []byte(`" async></script>`))
			page = append(append([]byte{}, page[:m[2]]...), page[m[3]:]...)
			page = bytes.Replace(page, []byte("\n</head>"), append(tags, "\n</head>"...), 1)
			if !bytes.Equal(got[name], page) {
				t.Errorf("%s with .HeadLinks:\n%s\nwant\n%s", name, got[name], page)
			}
			moved++
		}
		if moved == 0 {
			t.Error("no page has scripts at the end of its body")
		}
	})

	if marked == 0 || tocs == 0 {
		t.Errorf("no case has a pager (%d) or table of contents (%d) with texts marked with their language", marked, tocs)
	}

	// A theme's own pager is what its pages show.
	dir := t.TempDir()
	writeSite(t, &archive{Files: map[string]string{
		filepath.ToSlash(ConfigPath):              "title: T\nbaseURL: https://example.org/\ntheme: mine\n",
		"themes/mine/theme.yaml":                  "extends: default\n",
		"themes/mine/layouts/partials/pager.html": `{{with .Next}}<p class="mine">then {{.Title}}</p>{{end}}`,
		"content/guides/_index.md":                "---\ntitle: Guides\n---\n",
		"content/guides/a.md":                     "---\ntitle: A\nweight: 1\n---\nA.\n",
		"content/guides/b.md":                     "---\ntitle: B\nweight: 2\n---\nB.\n",
	}}, dir)
	if _, err := New(Options{Dir: dir, Out: filepath.Join(dir, "public")}).Build(); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	page := string(readTree(t, filepath.Join(dir, "public"))["guides/a/index.html"])
	if !strings.Contains(page, `<p class="mine">then B</p>`) || strings.Contains(page, `class="pager"`) {
		t.Errorf("guides/a/ does not show the theme's own pager:\n%s", page)
	}
}
