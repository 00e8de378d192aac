package theme

import (
	"html/template"
	"strings"
	"testing"

	"mutual/themes"
)

// TestCacheWarnings: a read of the page in a partial that partialCached
// shows on other pages than the one it was made for is a warning at the
// read, naming the call and what to write instead; reads of .Site, of what
// the call's variants name, and of values that are not the page are not.
func TestCacheWarnings(t *testing.T) {
	const footer = "themes/t/layouts/partials/f.html:"
	const plain = `, but base.html:1 shows f.html with partialCached: it is made once, for whichever page comes first, and every page shows that. Call it with {{partial "f.html" .}} there`
	const byKind = `, but base.html:1 shows f.html with partialCached: it is made once per .Kind, for whichever page comes first, and every page with the same shows that. Call it with {{partial "f.html" .}} there`
	tests := []struct {
		name string
		call string // what base.html writes after "{{partialCached "f.html" "
		f    string // partials/f.html
		more map[string]string
		want []string
	}{
		{"the title, once a build", `.}}`, "<footer>\n  {{.Title}}</footer>",
			nil, []string{footer + `2:5: .Title differs from page to page` + plain + `, or add .Title to its variants: {{partialCached "f.html" . .Title}}`}},
		{"the site and what comes of it", `.}}`, `{{.Site.Title}}{{with .Site.Menu}}{{range .}}{{.Name}}{{end}}{{end}}{{$s := .Site}}{{$s.Title}}{{with .Site}}{{.Title}}{{end}}`,
			nil, nil},
		{"what the variants name", `. .Kind .Params.color}}`, `{{if eq .Kind "home"}}{{.Params.color}}{{.Params.color.dark}}{{end}}`,
			nil, nil},
		{"more than the variants name", `. .Kind}}`, `{{.Kind}} {{.Params.color}}`,
			nil, []string{footer + `1:13: .Params.color differs from page to page` + byKind + `, or add .Params.color to its variants: {{partialCached "f.html" . .Kind .Params.color}}`}},
		{"a part of a variant is not all of it", `. .Params.color}}`, `{{.Params}}`,
			nil, []string{footer + `1:3: .Params differs from page to page, but base.html:1 shows f.html with partialCached: it is made once per .Params.color, for whichever page comes first, and every page with the same shows that. Call it with {{partial "f.html" .}} there, or add .Params to its variants: {{partialCached "f.html" . .Params.color .Params}}`}},
		{"the page's address as a variant: once a page", `. .URL}}`, `{{.Title}}{{.Params.x}}`,
			nil, nil},
		{"$ and a variable set to the page, inside with and range", `.}}`, "{{with .Site.Menu}}{{$.Title}}{{end}}\n{{$p := .}}{{range .Site.Menu}}{{$p.Summary}}{{end}}",
			nil, []string{
				footer + `1:22: .Title differs from page to page` + plain + `, or add .Title to its variants: {{partialCached "f.html" . .Title}}`,
				footer + `2:34: .Summary differs from page to page` + plain + `, or add .Summary to its variants: {{partialCached "f.html" . .Summary}}`,
			}},
		{"a variable set to something else is not the page", `.}}`, `{{$p := .}}{{$p = .Site}}{{$p.Title}}`,
			nil, nil},
		{"a partial it calls with the page", `.}}`, `{{partial "g.html" .}}{{partial "g.html" .Site}}`,
			map[string]string{"partials/g.html": "<p>{{.Title}}</p>"},
			[]string{"themes/t/layouts/partials/g.html:1:6: .Title differs from page to page" + plain + `, or add .Title to its variants: {{partialCached "f.html" . .Title}}`}},
		{"a template it calls with the page", `.}}`, `{{define "x"}}{{.Title}}{{end}}{{template "x" .}}`,
			nil, []string{footer + `1:17: .Title differs from page to page` + plain + `, or add .Title to its variants: {{partialCached "f.html" . .Title}}`}},
		{"a cached partial it calls is judged by its own variants", `. .Kind}}`, `{{partialCached "g.html" . .Kind}}{{partialCached "h.html" . .Kind}}`,
			map[string]string{"partials/g.html": "{{.Kind}}", "partials/h.html": "{{.Kind}}{{.Title}}"},
			[]string{`themes/t/layouts/partials/h.html:1:12: .Title differs from page to page, but f.html:1 shows h.html with partialCached: it is made once per .Kind, for whichever page comes first, and every page with the same shows that. Call it with {{partial "h.html" .}} there, or add .Title to its variants: {{partialCached "h.html" . .Kind .Title}}`}},
		{"a variant read where the page is cached is a read", `.}}`, `{{partialCached "g.html" . .Kind}}`,
			map[string]string{"partials/g.html": "{{.Kind}}"},
			[]string{footer + `1:28: .Kind differs from page to page` + plain + `, or add .Kind to its variants: {{partialCached "f.html" . .Kind}}`}},
		{"a function that reads the page", `. .ActiveMenu}}`, `{{range .Site.Menu}}{{if active . $}}*{{end}}{{end}}`,
			nil, nil},
		{"a function that reads the page, without its variant", `. .Kind}}`, `{{range .Site.Menu}}{{if active . $}}*{{end}}{{end}}`,
			nil, []string{footer + `1:35: active reads .ActiveMenu, which differs from page to page` + byKind + `, or add .ActiveMenu to its variants: {{partialCached "f.html" . .Kind .ActiveMenu}}`}},
		{"the whole page printed or given away", `. .Kind}}`, `{{.}} {{len .}} {{with .}}{{.Title}}{{end}}`,
			nil, []string{
				footer + `1:3: this prints the whole page` + byKind,
				footer + `1:13: this gives the whole page to len` + byKind,
				footer + `1:29: .Title differs from page to page` + byKind + `, or add .Title to its variants: {{partialCached "f.html" . .Kind .Title}}`,
			}},
		{"given something else than the page", `.Site}}`, `{{.Title}}`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"base.html":       `{{partialCached "f.html" ` + tt.call + `{{block "main" .}}{{end}}`,
				"page.html":       `{{define "main"}}{{.Title}}{{end}}`,
				"partials/f.html": tt.f,
			}
			for k, v := range tt.more {
				files[k] = v
			}
			ts, err := parseTestTheme(t, files, template.FuncMap{"active": func(any, any) bool { return false }})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range ts.CacheWarnings(map[string][]string{"active": {"ActiveMenu"}}) {
				got = append(got, w.Error())
			}
			for i := range got {
				got[i] = strings.Replace(got[i], ": warning: ", ": ", 1)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCacheWarningsDeep: a cached partial reached from a layout through a
// partial given the page is found; one reached with something else is not
// judged, since what . is there is not the page.
func TestCacheWarningsDeep(t *testing.T) {
	ts, err := parseTestTheme(t, map[string]string{
		"base.html":          `{{block "main" .}}{{end}}`,
		"page.html":          `{{define "main"}}{{partial "list.html" .}}{{with .Params}}{{partialCached "f.html" .}}{{end}}{{end}}`,
		"partials/list.html": `{{range .Site.Menu}}{{end}}{{partialCached "f.html" $}}`,
		"partials/f.html":    `{{.Title}}`,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := ts.CacheWarnings(nil)
	if len(got) != 1 || !strings.HasPrefix(got[0].Error(), "themes/t/layouts/partials/f.html:1:3: .Title differs from page to page, but list.html:1 shows f.html") {
		t.Errorf("got %v", got)
	}
}

// FuzzCacheWarnings: whatever a theme's layouts hold, judging its cached
// partials returns (no panic, no endless walk through templates calling
// each other), the same twice, and each warning is at a line and column
// of one of the theme's files.
func FuzzCacheWarnings(f *testing.F) {
	f.Add(`{{partialCached "p.html" . .Kind}}{{block "main" .}}{{end}}`, `{{define "main"}}{{partial "p.html" .}}{{end}}`, `{{.Kind}}{{.Title}}{{$p := .}}{{with .Site}}{{$p.X}}{{end}}`)
	f.Add(`{{partialCached "p.html" $}}{{template "x" .}}{{define "x"}}{{template "x" .}}{{end}}`, `{{define "main"}}{{end}}`, `{{template "y" .}}{{define "y"}}{{.A.B.C}}{{template "y" .}}{{end}}`)
	f.Add(`{{partialCached "p.html" (.) .URL}}`, `{{define "main"}}{{with .}}{{partialCached "p.html" .}}{{end}}{{end}}`, `{{range $i, $x := .}}{{$x.T}}{{end}}{{len .}}{{.}}`)
	funcs := template.FuncMap{"active": func(any, any) bool { return false }}
	f.Fuzz(func(t *testing.T, base, page, partial string) {
		files := map[string]string{"base.html": base, "page.html": page, "partials/p.html": partial}
		ts, err := parseTestTheme(t, files, funcs)
		if err != nil {
			return
		}
		pageFuncs := map[string][]string{"active": {"ActiveMenu"}}
		a, b := ts.CacheWarnings(pageFuncs), ts.CacheWarnings(pageFuncs)
		if a.Error() != b.Error() {
			t.Fatalf("two runs differ:\n%v\n%v", a, b)
		}
		for _, e := range a {
			name, _ := strings.CutPrefix(e.Path, "themes/t/layouts/")
			body, known := files[name]
			if !known {
				t.Fatalf("warning at %q, no file of the theme: %v", e.Path, e)
			}
			lines := strings.Split(body, "\n")
			if e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > len(lines[e.Line-1])+1 {
				t.Fatalf("%q: warning outside the file: %v", body, e)
			}
		}
	})
}

// BenchmarkCacheWarnings judges the default theme's cached partials, as a
// site's own copy of them (so that nothing is passed over): what a build
// pays when its layouts changed (site.Builder keeps the result otherwise).
func BenchmarkCacheWarnings(b *testing.B) {
	funcs := Funcs(FuncEnv{})
	for _, n := range []string{"T", "i18n", "plurals", "date", "textLang", "textDir"} {
		funcs[n] = func(...any) string { return "" }
	}
	funcs["active"] = func(any, any) bool { return false }
	ts, errs := Chain{{Name: "mine", Dir: "themes/mine", FS: themes.Default()}}.Templates(funcs)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	for name := range ts.text {
		ts.own[name] = true
	}
	pageFuncs := map[string][]string{"active": {"ActiveMenu"}}
	if w := ts.CacheWarnings(pageFuncs); len(w) > 0 {
		b.Fatalf("the default theme warns: %v", w)
	}
	for b.Loop() {
		ts.CacheWarnings(pageFuncs)
	}
}
