package scaffold

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/themes"
)

// TestNewLayout: a layout, partial or shortcode of the default theme is
// copied byte for byte into the site's own theme; a file there already, an
// unknown name, a site on the built-in theme and a theme folder that is a
// link out of the site are refused, with what to do.
func TestNewLayout(t *testing.T) {
	tests := []struct {
		name   string
		theme  string // site.yaml's theme; "" for none
		setup  func(t *testing.T, dir string)
		arg    string
		wrote  string // site-relative path written
		errSub string
	}{
		{"a layout", "brand", nil, "page.html", "themes/brand/layouts/page.html", ""},
		{"a partial", "brand", nil, "partials/footer.html", "themes/brand/layouts/partials/footer.html", ""},
		{"a shortcode", "brand", nil, "shortcodes/hint.html", "themes/brand/layouts/shortcodes/hint.html", ""},
		{"a path as the README writes it", "brand", nil, "themes/default/layouts/partials/toc.html", "themes/brand/layouts/partials/toc.html", ""},
		{"a file there already", "brand", func(t *testing.T, dir string) {
			writeTestFile(t, dir, "themes/brand/layouts/page.html", "mine")
		}, "page.html", "", "page.html already exists: not overwriting it"},
		{"a misspelt name", "brand", nil, "partials/fotter.html", "", `the default theme has no layout "partials/fotter.html" (did you mean "partials/footer.html"?): the names are 404.html, base.html, home.html, page.html, partials/breadcrumbs.html`},
		{"a partial without its folder", "brand", nil, "footer.html", "", `(did you mean "partials/footer.html"?)`},
		{"a path out of layouts", "brand", nil, "../theme.yaml", "", `the default theme has no layout "../theme.yaml"`},
		{"no name", "brand", nil, "", "", "name the layout to copy: the names are"},
		{"the built-in theme", "", nil, "page.html", "", "the site uses the built-in default theme"},
		{"a theme folder missing", "mine", nil, "page.html", "", `names the theme "mine", and themes/mine/ does not exist`},
		{"a theme linked from outside", "shared", func(t *testing.T, dir string) {
			out := t.TempDir()
			writeTestFile(t, out, "theme.yaml", "extends: default\n")
			if err := os.Symlink(out, filepath.Join(dir, "themes", "shared")); err != nil {
				t.Skip(err)
			}
		}, "page.html", "", "which is outside the site folder: mutual new does not write through it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := "title: T\nbaseURL: https://example.org/\n"
			if tt.theme != "" {
				cfg += "theme: " + tt.theme + "\n"
			}
			writeTestFile(t, dir, "content/site.yaml", cfg)
			writeTestFile(t, dir, "themes/brand/theme.yaml", "extends: default\n")
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			got, err := NewLayout(dir, tt.arg)
			if tt.errSub != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errSub) {
					t.Fatalf("err = %v, want one with %q", err, tt.errSub)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, filepath.FromSlash(tt.wrote)); got != want {
				t.Errorf("wrote %s, want %s", got, want)
			}
			data, err := os.ReadFile(got)
			if err != nil {
				t.Fatal(err)
			}
			orig, _ := fs.ReadFile(themes.Default(), "layouts/"+strings.TrimPrefix(tt.wrote, "themes/brand/layouts/"))
			if !bytes.Equal(data, orig) || len(orig) == 0 {
				t.Errorf("%s is not the default theme's copy", tt.wrote)
			}
		})
	}
}

func writeTestFile(t *testing.T, dir, rel, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestThemeYAMLNamesNewLayout: the theme.yaml mutual init writes sends
// its reader to mutual new layout, not to a folder they do not have.
func TestThemeYAMLNamesNewLayout(t *testing.T) {
	b, err := fs.ReadFile(siteFiles, "site/themes/brand/theme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "mutual new layout NAME") || strings.Contains(s, "themes/default/layouts/") {
		t.Errorf("theme.yaml does not point at mutual new layout:\n%s", s)
	}
}
