package site

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readyMadeLayouts are the default theme's partials as they were before
// the parts they print became ready-made HTML (Page.Pager,
// Page.TimeTag): a theme that still has them must build the same site.
var readyMadeLayouts = map[string]string{
	"layouts/partials/pager.html": `{{- /* Previous and next within the section. Dot: *site.Page. */ -}}
{{- if or .Prev .Next -}}
<nav class="pager" aria-label="{{T "pager.label"}}">
{{- with .Prev}}
<a class="pager-prev" href="{{.URL}}" rel="prev"><span class="pager-label">{{T "pager.previous"}}</span> <span class="pager-title">{{.Title}}</span></a>
{{- end}}
{{- with .Next}}
<a class="pager-next" href="{{.URL}}" rel="next"><span class="pager-label">{{T "pager.next"}}</span> <span class="pager-title">{{.Title}}</span></a>
{{- end}}
</nav>
{{- end -}}
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

var siteTheme = regexp.MustCompile(`(?m)^theme: *(\S+)\s*$`)

// TestReadyMadeParts builds every testdata/render site twice: as it is,
// and with the partials that print Page.Pager and Page.TimeTag put back
// as the templates those replace (in a theme extending the site's, or in
// the site's own theme when it has not such partials of its own). Both
// builds must write the same bytes, in every language, on pages shown
// untranslated too (their marked texts). A theme's own pager.html is
// used, not the ready-made one (the second part).
func TestReadyMadeParts(t *testing.T) {
	marked := 0
	eachCase(t, "testdata/render/*.txtar", func(t *testing.T, file string, a *archive, dir, out string) {
		if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
			t.Fatalf("build failed:\n%v", err)
		}
		want := readTree(t, out)
		for _, page := range want {
			marked += bytes.Count(page, []byte(`<span class="pager-label"><span lang=`))
		}
		old := t.TempDir()
		cfg := filepath.ToSlash(ConfigPath)
		files := map[string]string{}
		for name, body := range a.Files {
			files[name] = body
		}
		themeDir := "themes/old/"
		if m := siteTheme.FindStringSubmatch(files[cfg]); m != nil && m[1] != "default" {
			themeDir = "themes/" + m[1] + "/"
		} else {
			files[cfg] = "theme: old\n" + siteTheme.ReplaceAllString(files[cfg], "")
			files[themeDir+"theme.yaml"] = "extends: default\n"
		}
		for name, body := range readyMadeLayouts {
			if _, own := files[themeDir+name]; !own {
				files[themeDir+name] = body
			}
		}
		writeSite(t, &archive{Files: files}, old)
		if _, err := New(Options{Dir: old, Out: filepath.Join(old, "public")}).Build(); err != nil {
			t.Fatalf("build with the partials as templates failed:\n%v", err)
		}
		got := readTree(t, filepath.Join(old, "public"))
		if strings.Join(treeNames(got), "\n") != strings.Join(treeNames(want), "\n") {
			t.Fatalf("the builds wrote other files:\n%s\n---\n%s", strings.Join(treeNames(got), "\n"), strings.Join(treeNames(want), "\n"))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s differs with the partials as templates:\n--- templates\n%s\n--- ready-made\n%s", name, got[name], data)
			}
		}
	})
	if marked == 0 {
		t.Error("no case has a pager with texts marked with their language")
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
