package theme

import (
	"bytes"
	"html/template"
	"path/filepath"
	"testing"
)

// TestNatives: a Native renders a partial only where the partial is the
// built-in default theme's own; a theme's own file of that name, or a
// {{define}} of it, runs as a template; a Native that declines (ok false)
// leaves it to the template; and a Native calls other partials through
// the set's partialCached, sharing its cache.
func TestNatives(t *testing.T) {
	native := map[string]Native{
		"partials/tags.html": func(ctx any, p Partials) (template.HTML, bool) {
			s, ok := ctx.(string)
			if !ok {
				return "", false
			}
			inner, err := p.PartialCached("inner.html", s, s)
			if err != nil {
				return "", false
			}
			return template.HTML("native " + s + " " + string(inner)), true
		},
	}
	page := `{{define "main"}}[{{partial "tags.html" .}}]{{end}}`
	tests := []struct {
		name  string
		files map[string]string // the child theme's layouts
		data  any
		want  string
	}{
		{"built-in", nil, "x", "[native x inner x 1]"},
		{"declined", nil, nil, "[]"},
		{"own file", map[string]string{"partials/tags.html": `mine {{.}}`}, "x", "[mine x]"},
		{"own define", map[string]string{"page.html": page + `{{define "partials/tags.html"}}defined {{.}}{{end}}`}, "x", "[defined x]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"theme.yaml":                    "extends: default\n",
				"layouts/base.html":             `{{block "main" .}}{{end}}`,
				"layouts/page.html":             page,
				"layouts/partials/inner.html":   `inner {{.}} {{count}}`,
				"layouts/partials/wrapper.html": `{{partial "tags.html" .}}`,
			}
			for name, body := range tt.files {
				files["layouts/"+name] = body
			}
			writeTree(t, filepath.Join(dir, "themes", "mine"), files)
			chain, errs := LoadChain(dir, "mine", "content/site.yaml", 1, 1)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			n := 0
			funcs := Funcs(FuncEnv{})
			funcs["count"] = func() int { n++; return n }
			// The functions package site adds, which the default theme's
			// other layouts call.
			for _, name := range []string{"T", "i18n", "textLang", "textDir", "plurals", "active"} {
				funcs[name] = func(...any) (string, error) { return "", nil }
			}
			ts, errs := chain.Templates(funcs)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			ts.UseNatives(native)
			// A copy made with other functions has no natives.
			c, err := ts.With(template.FuncMap{})
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // the second time from partialCached's cache
				var b bytes.Buffer
				if err := ts.Execute(&b, "page", tt.data); err != nil {
					t.Fatal(err)
				}
				if b.String() != tt.want {
					t.Errorf("got %q, want %q", b.String(), tt.want)
				}
			}
			var b bytes.Buffer
			// (The built-in tags.html cannot range over a string: an error
			// says the template ran.)
			if err := c.Execute(&b, "page", "y"); err == nil && bytes.HasPrefix(b.Bytes(), []byte("[native")) {
				t.Errorf("the copy used the natives: %q", b.String())
			}
		})
	}
}
