package theme

import (
	"bytes"
	"testing"
)

// TestExecuteLayout holds the lookup order: TYPE/LAYOUT, TYPE/KIND,
// LAYOUT, KIND; partials and shortcodes are never layouts.
func TestExecuteLayout(t *testing.T) {
	ts, err := parseTestTheme(t, map[string]string{
		"base.html":              `{{block "main" .}}{{end}}`,
		"page.html":              `{{define "main"}}page{{end}}`,
		"section.html":           `{{define "main"}}section{{end}}`,
		"docs/page.html":         `{{define "main"}}docs/page{{end}}`,
		"docs/wide.html":         `{{define "main"}}docs/wide{{end}}`,
		"wide.html":              `{{define "main"}}wide{{end}}`,
		"blog/section.html":      `{{define "main"}}blog/section{{end}}`,
		"partials/x.html":        `x`,
		"shortcodes/hint.html":   `{{ .Inner }}`,
		"shortcodes/broken.html": `{{ .Get 0 | nosuchfunc }}`,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ kind, typ, layout, want string }{
		{"page", "", "", "page"},
		{"page", "docs", "", "docs/page"},
		{"page", "docs", "wide", "docs/wide"},
		{"page", "guides", "wide", "wide"},
		{"page", "guides", "", "page"},
		{"page", "guides", "nosuch", "page"},
		{"page", "docs", "nosuch", "docs/page"},
		{"section", "blog", "", "blog/section"},
		{"section", "docs", "", "section"},
		{"page", "", "x", "page"}, // partials/x.html is no layout
		{"page", "", "hint", "page"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := ts.ExecuteLayout(&b, tt.kind, tt.typ, tt.layout, nil); err != nil {
			t.Fatalf("%+v: %v", tt, err)
		}
		if b.String() != tt.want {
			t.Errorf("kind %s, type %q, layout %q: %q, want %q", tt.kind, tt.typ, tt.layout, b.String(), tt.want)
		}
	}
}
