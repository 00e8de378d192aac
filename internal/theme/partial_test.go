package theme

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// parseTestTheme parses a one-theme chain made of files (paths under
// layouts/), with extra template functions.
func parseTestTheme(t *testing.T, files map[string]string, funcs template.FuncMap) (*Templates, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	ts, errs := Chain{{Name: "t", Dir: "themes/t", FS: fsys}}.Templates(funcs)
	return ts, errs.Err()
}

func TestPartials(t *testing.T) {
	calls := map[string]int{}
	funcs := template.FuncMap{"count": func(name string) string { calls[name]++; return "" }}
	ts, err := parseTestTheme(t, map[string]string{
		"base.html": `{{block "main" .}}{{end}}`,
		"page.html": `{{define "main"}}` +
			`[{{partial "plain.html" .}}]` +
			`[{{partialCached "once.html" .}}]` +
			`[{{partialCached "partials/byKind.html" . .Kind}}]` +
			`[{{partialCached "byTwo.html" . .Kind 3}}]{{end}}`,
		"partials/plain.html":  `{{count "plain"}}<b>{{.Title}}</b>`,
		"partials/once.html":   `{{count "once"}}{{.Site.Title}}`,
		"partials/byKind.html": `{{count "byKind"}}{{.Kind}}`,
		"partials/byTwo.html":  `{{count "byTwo"}}two`,
	}, funcs)
	if err != nil {
		t.Fatal(err)
	}
	type testSite struct{ Title string }
	type testPage struct {
		Kind, Title string
		Site        *testSite
	}
	site := &testSite{Title: "S & co"}
	pages := []*testPage{{Kind: "page", Title: "A<", Site: site}, {Kind: "page", Title: "B", Site: site}}
	var got []string
	for _, p := range pages {
		var buf bytes.Buffer
		if err := ts.Execute(&buf, p.Kind, p); err != nil {
			t.Fatal(err)
		}
		got = append(got, buf.String())
	}
	want := []string{
		"[<b>A&lt;</b>][S &amp; co][page][two]",
		"[<b>B</b>][S &amp; co][page][two]",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("page %d: got %q, want %q", i, got[i], want[i])
		}
	}
	wantCalls := map[string]int{"plain": 2, "once": 1, "byKind": 1, "byTwo": 1}
	for name, n := range wantCalls {
		if calls[name] != n {
			t.Errorf("%s ran %d times, want %d", name, calls[name], n)
		}
	}
}

func TestPartialErrors(t *testing.T) {
	base := map[string]string{
		"base.html":            `{{block "main" .}}{{end}}`,
		"partials/footer.html": `footer`,
	}
	tests := []struct {
		name string
		page string
		more map[string]string
		want string
	}{
		{"unknown", `{{define "main"}}{{partial "fotter.html" .}}{{end}}`, nil,
			`themes/t/layouts/page.html:1:20: no partial "fotter.html" in the theme chain (layouts/partials/fotter.html) (did you mean "footer.html"?)`},
		{"not constant", `{{define "main"}}{{partial .Title .}}{{end}}`, nil,
			`themes/t/layouts/page.html:1:20: partial takes the partial's name as a quoted constant, such as "footer.html"`},
		{"no context", `{{define "main"}}{{partialCached "footer.html"}}{{end}}`, nil,
			`themes/t/layouts/page.html:1:20: partialCached needs a partial's name and a context: {{partialCached "footer.html" .}}`},
		{"itself", `{{define "main"}}{{partial "a.html" .}}{{end}}`, map[string]string{
			"partials/a.html": "a\n{{partial \"b.html\" .}}",
			"partials/b.html": `{{template "partials/a.html" .}}`,
		}, `themes/t/layouts/partials/a.html:2:3: partial "b.html" calls itself again (partials/a.html -> partials/b.html -> partials/a.html): partials cannot recurse; use {{template}} for recursion`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"page.html": tc.page}
			for k, v := range base {
				files[k] = v
			}
			for k, v := range tc.more {
				files[k] = v
			}
			_, err := parseTestTheme(t, files, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestVariantKeys checks that distinct variants never share a cache key.
func TestVariantKeys(t *testing.T) {
	type Link struct{ Title, URL string }
	type Other struct{ Title, URL string } // same fields, another type
	type Counted struct {
		Name  string
		Count int
	}
	variants := [][]any{
		{"a"}, {"a", ""}, {"", "a"}, {"ab"}, {"a", "b"}, {"1:a"},
		{[]Link{{"a", "b"}}}, {[]Link{{"ab", ""}}}, {[]Link{{"a", "b"}, {"", ""}}}, {[]Link{}}, {[]Link(nil), "x"},
		{1}, {"1"}, {true}, {"true"}, {Link{"a", "b"}}, {&Link{"a", "b"}},
		// Flat values (strings, numbers, booleans in slices and structs)
		// take the fast path; their keys stay distinct.
		{[]Link{{"a", "b"}, {"c", "d"}}}, {[]Link{{"a", "bc"}, {"", "d"}}}, {[]Link{{"a", "b"}}, []Link{{"c", "d"}}},
		{[]string{"a", "b"}}, {[]string{"ab"}}, {[]string{"a"}, "b"}, {[]string(nil)}, {[]string{}},
		{Counted{"a", 1}}, {Counted{"a", 11}}, {Counted{"a1", 1}}, {[]Counted{{"a", 1}}}, {[]int{1, 2}}, {[]int{12}}, {[]bool{true}},
		{Other{"a", "b"}},
	}
	seen := map[string]int{}
	for i, vs := range variants {
		var b []byte
		for _, v := range vs {
			b = appendVariant(b, v)
		}
		if j, ok := seen[string(b)]; ok {
			t.Errorf("variants %v and %v share the key %q", variants[j], vs, b)
		}
		seen[string(b)] = i
	}
}

// TestPartialErrorsPlain holds a mistake inside a partial to one message,
// at the partial's own line and column, in the words a {{template}} call
// of the same file gives, however the partial is called.
func TestPartialErrorsPlain(t *testing.T) {
	type Site struct{ Title string }
	type testPage struct {
		Kind string
		Site *Site
	}
	const footer = "<footer>\n<p>{{.Site.Tittle}}</p>\n</footer>"
	const want = `themes/t/layouts/partials/footer.html:2:11: the site has no field "Tittle" (did you mean "Title"?)`
	tests := []struct {
		name, page string
		extra      map[string]string
	}{
		{"template", `{{define "main"}}{{template "partials/footer.html" .}}{{end}}`, nil},
		{"partial", `{{define "main"}}{{partial "footer.html" .}}{{end}}`, nil},
		{"partial with its folder", `{{define "main"}}{{partial "partials/footer.html" .}}{{end}}`, nil},
		{"partialCached", `{{define "main"}}{{partialCached "footer.html" .}}{{end}}`, nil},
		{"partialCached with a variant", `{{define "main"}}{{partialCached "footer.html" . .Kind}}{{end}}`, nil},
		{"partial inside a partial", `{{define "main"}}{{partial "outer.html" .}}{{end}}`,
			map[string]string{"partials/outer.html": "<div>\n{{partial \"footer.html\" .}}</div>"}},
		{"partial inside a cached partial", `{{define "main"}}{{partialCached "outer.html" .}}{{end}}`,
			map[string]string{"partials/outer.html": "<div>\n{{partial \"footer.html\" .}}</div>"}},
		{"partial through a template", `{{define "main"}}{{template "partials/outer.html" .}}{{end}}`,
			map[string]string{"partials/outer.html": "<div>\n{{partialCached \"footer.html\" .}}</div>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"base.html":            `<main>{{block "main" .}}{{end}}</main>`,
				"page.html":            tt.page,
				"partials/footer.html": footer,
			}
			for k, v := range tt.extra {
				files[k] = v
			}
			ts, err := parseTestTheme(t, files, nil)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			e := ts.Execute(&buf, "page", &testPage{Kind: "page", Site: &Site{Title: "S"}})
			if e == nil {
				t.Fatal("no error")
			}
			if got := e.Error(); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}
