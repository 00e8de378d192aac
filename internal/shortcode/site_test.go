package shortcode

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"os"
	"strings"
	"sync"
	"testing"

	"mutual/internal/diag"
	"mutual/internal/markdown"
)

// This file stands in for the site: a page with params and children, the
// functions the default theme's templates call (ref, relref, resolveLink,
// highlight), and the whole pipeline Parse -> Expand -> markdown.Render ->
// HTML, as the site will run it.

type testEntry struct{ Title, URL, Description, Permalink string }

type testPage struct {
	Title    string
	params   map[string]any
	Pages    []testEntry
	Sections []testEntry
}

// Param looks a key up in the page's params, then the site's, as Hugo's
// .Page.Param does; nil when neither has it.
func (p *testPage) Param(key string) (any, error) {
	if v, ok := p.params[key]; ok {
		return v, nil
	}
	if v, ok := map[string]any{"org": "Mutual Aid Network"}[key]; ok {
		return v, nil
	}
	return nil, nil
}

func newTestPage() *testPage {
	return &testPage{
		Title:  "Guides",
		params: map[string]any{"author": "Sam Rivera", "version": "1.4.2", "draft_count": 0, "shy": false, "styled": "*not* emphasis"},
		Sections: []testEntry{
			{Title: "Worksheets", URL: "/worksheets/", Permalink: "https://example.org/worksheets/", Description: "Check where you stand."},
		},
		Pages: []testEntry{
			{Title: "Listening", URL: "/guides/listening/", Permalink: "https://example.org/guides/listening/", Description: "How to hear what is asked."},
			{Title: "Asking & offering", URL: "/guides/asking/", Permalink: "https://example.org/guides/asking/", Description: ""},
		},
	}
}

// testResolve knows a few files and reports any other relative
// destination as broken, like the site's link check.
func testResolve(dest string) (string, error) {
	known := map[string]string{
		"listening.md":       "/guides/listening/",
		"/guides/listening/": "/guides/listening/",
		"img/photo.png":      "/guides/img/photo.png",
		"/guides/asking/":    "/guides/asking/",
		"../worksheets/":     "/worksheets/",
		"guides/asking.md":   "/guides/asking/",
	}
	path, anchor, hasAnchor := strings.Cut(dest, "#")
	switch {
	case strings.HasPrefix(dest, "https://"), strings.HasPrefix(dest, "mailto:"), strings.HasPrefix(dest, "#"):
		return dest, nil
	case known[path] != "" && hasAnchor:
		return known[path] + "#" + anchor, nil
	case known[path] != "":
		return known[path], nil
	}
	return "", fmt.Errorf("link to missing file %q", dest)
}

func testRef(_ any, target any) (string, error) {
	s, anchor, _ := strings.Cut(fmt.Sprint(target), "#")
	pages := map[string]string{"guides/listening.md": "/guides/listening/", "listening.md": "/guides/listening/", "guides/asking.md": "/guides/asking/"}
	u, ok := pages[s]
	if !ok {
		return "", fmt.Errorf("no page %q to link to", s)
	}
	if anchor != "" {
		u += "#" + anchor
	}
	return u, nil
}

// siteFuncs are the functions the site provides to shortcode templates.
// highlight here is a stub: the site's runs chroma through internal/markdown.
func siteFuncs() template.FuncMap {
	return template.FuncMap{
		"ref": func(page, target any) (string, error) {
			u, err := testRef(page, target)
			return "https://example.org" + u, err
		},
		"relref": testRef,
		"resolveLink": func(_ any, dest any) (string, error) {
			return testResolve(fmt.Sprint(dest))
		},
		"resolveImage": func(_ any, dest any) (string, error) {
			return testResolve(fmt.Sprint(dest))
		},
		"highlight": func(code, lang, opts string) (template.HTML, error) {
			if lang == "nosuchlang" {
				return "", fmt.Errorf("no highlighting for language %q", lang)
			}
			return template.HTML(fmt.Sprintf(`<pre tabindex="0" class="chroma" data-lang=%q data-opts=%q><code>%s</code></pre>`,
				lang, opts, html.EscapeString(code))), nil
		},
	}
}

// builtinFiles are the default theme's shortcode templates, read from disk.
func builtinFiles(t testing.TB) []TemplateFile {
	t.Helper()
	files, err := Files(os.DirFS("../../themes/default"), "layouts/shortcodes", "themes/default/layouts/shortcodes")
	if err != nil || len(files) == 0 {
		t.Fatalf("default theme's shortcodes: %v (%d files)", err, len(files))
	}
	return files
}

// pipeline renders a page as the site will: it returns the expanded
// Markdown, the final HTML and every error, sorted.
type pipelineResult struct {
	markdown, html string
	errs           diag.List
}

// testMarkdown is the page renderer, built once as the site does.
var testMarkdown = sync.OnceValue(func() *markdown.Markdown { return markdown.New(markdown.Options{}) })

// newTestSet parses templates with the test site's functions.
func newTestSet(t testing.TB, files []TemplateFile) *Set {
	t.Helper()
	set, errs := NewSet(files, siteFuncs())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return set
}

func runPipeline(t testing.TB, path, src string, lineOffset int, set *Set, page any) pipelineResult {
	t.Helper()
	doc, errs := Parse([]byte(src), Options{Path: path, LineOffset: lineOffset, Defs: set.Defs(), Theme: "mysite"})
	md := testMarkdown()
	resolve := func(dest string, _ markdown.Pos) (string, error) { return testResolve(dest) }
	env := Env{
		Execute: set.Execute,
		Page:    page,
		Markdown: func(f Fragment) (string, error) {
			var b bytes.Buffer
			res, err := md.Render(&b, []byte(f.Src), markdown.Context{Path: path, LineOffset: f.Line - 1, ColOffset: f.Col - 1,
				Resolve: func(dest string, p markdown.Pos) (string, error) {
					if f.Broken(dest) {
						return dest, nil // the call's error is reported
					}
					return resolve(f.Text(dest), p)
				}})
			if err != nil {
				return "", err
			}
			return b.String(), res.Errors.Err()
		},
	}
	exp, xerrs := doc.Expand(env)
	errs = append(errs, xerrs...)
	var b bytes.Buffer
	res, err := md.Render(&b, exp.Markdown, markdown.Context{Path: path, Resolve: func(dest string, p markdown.Pos) (string, error) {
		if exp.Broken(dest) {
			return dest, nil // the call's error is reported
		}
		return resolve(exp.Text(dest), p)
	}})
	if err != nil {
		t.Fatal(err)
	}
	exp.MapErrors(res.Errors)
	errs = append(errs, res.Errors...)
	out, herrs := exp.HTML(b.Bytes())
	errs = append(errs, herrs...)
	errs.Sort()
	return pipelineResult{markdown: string(exp.Markdown), html: string(out), errs: errs}
}

// archiveFiles are the "-- shortcodes/NAME.html --" sections of a case:
// templates of the site, which win over the default theme's.
func archiveFiles(a *archive) []TemplateFile {
	var out []TemplateFile
	for _, name := range a.Order {
		if rest, ok := strings.CutPrefix(name, "shortcodes/"); ok {
			out = append(out, TemplateFile{
				Name: strings.TrimSuffix(rest, ".html"),
				Path: "themes/mysite/layouts/shortcodes/" + rest,
				Text: a.Files[name],
			})
		}
	}
	return out
}

// errorText is the errors one a line, "" for none.
func errorText(errs diag.List) string {
	if len(errs) == 0 {
		return ""
	}
	return errs.Error() + "\n"
}
