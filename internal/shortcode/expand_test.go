package shortcode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExpandGolden runs the whole pipeline on testdata/expand/*.txt (the
// design cases: placement of output, inner Markdown, nesting, escapes,
// errors) and testdata/builtin/*.txt (one file per built-in shortcode).
// Inputs: "-- page.md --", templates as "-- shortcodes/NAME.html --" that
// win over the default theme's, and "-- front --" lines of front matter
// (they only shift line numbers). Goldens: "-- markdown --" (the expanded
// Markdown, placeholders and all), "-- html --" and "-- errors --".
func TestExpandGolden(t *testing.T) {
	builtin := builtinFiles(t)
	for _, dir := range []string{"expand", "builtin"} {
		for _, file := range cases(t, dir) {
			name := strings.TrimSuffix(filepath.Base(file), ".txt")
			t.Run(dir+"/"+name, func(t *testing.T) {
				a := readArchive(t, file)
				src, ok := a.files["page.md"]
				if !ok {
					t.Fatal("no -- page.md -- section")
				}
				offset := strings.Count(a.files["front"], "\n")
				set := newTestSet(t, append(archiveFiles(a), builtin...))
				r := runPipeline(t, "content/"+name+".md", src, offset, set, newTestPage())
				if attr := forbiddenAttribute(r.html); attr != "" {
					t.Errorf("output has a %s attribute", attr)
				}
				if strings.Contains(r.html, placeholderPrefix) && !strings.Contains(src, placeholderPrefix) {
					t.Errorf("a placeholder is left in the HTML:\n%s", r.html)
				}
				got := map[string]string{"markdown": r.markdown, "html": r.html, "errors": errorText(r.errs)}
				a.check(t, file, got, "markdown", "html", "errors")
			})
		}
	}
}

// forbiddenAttribute returns the first style or on* attribute in the tags
// of html: the CSP forbids both.
func forbiddenAttribute(html string) string {
	for i := 0; i < len(html); i++ {
		if html[i] != '<' || i+1 >= len(html) || !isTagNameByte(html[i+1], true) {
			continue
		}
		j := i + 1
		for j < len(html) && !isSpaceByte(html[j]) && html[j] != '>' {
			j++
		}
		for j < len(html) && html[j] != '>' {
			for j < len(html) && (isSpaceByte(html[j]) || html[j] == '/') {
				j++
			}
			start := j
			for j < len(html) && !isSpaceByte(html[j]) && html[j] != '=' && html[j] != '>' {
				j++
			}
			name := strings.ToLower(html[start:j])
			if name == "style" || strings.HasPrefix(name, "on") {
				return name
			}
			if j < len(html) && html[j] == '=' {
				j++
				if j < len(html) && (html[j] == '"' || html[j] == '\'') {
					q := html[j]
					j++
					for j < len(html) && html[j] != q {
						j++
					}
					j++
				} else {
					for j < len(html) && !isSpaceByte(html[j]) && html[j] != '>' {
						j++
					}
				}
			}
		}
		i = j
	}
	return ""
}

// TestOutputLimit holds the bound on a page's shortcode output: a template
// that writes its content twice, nested 40 deep, would write 2^40 bytes.
func TestOutputLimit(t *testing.T) {
	files := []TemplateFile{{Name: "twice", Path: "themes/x/layouts/shortcodes/twice.html", Text: "{{ .Inner }}{{ .Inner }}"}}
	src := strings.Repeat("{{< twice >}}", 40) + "x" + strings.Repeat("{{< /twice >}}", 40)
	r := runPipeline(t, "content/p.md", src, 0, newTestSet(t, files), newTestPage())
	if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), `the output of shortcode "twice" grows past 64 MB`) {
		t.Errorf("errors = %v", r.errs)
	}
	if len(r.html) > maxOutput {
		t.Errorf("HTML of %d bytes", len(r.html))
	}
}

// TestCalloutsMatchAlerts holds the one callout component: the callout
// shortcodes, in both forms, draw byte for byte the boxes that GitHub
// alerts draw (internal/markdown's golden for > [!NOTE] and the others).
func TestCalloutsMatchAlerts(t *testing.T) {
	want, err := os.ReadFile("../markdown/testdata/alert/kinds.html")
	if err != nil {
		t.Fatal(err)
	}
	a := readArchive(t, "testdata/builtin/github_alerts.txt")
	r := runPipeline(t, "content/p.md", a.files["page.md"], 0, newTestSet(t, builtinFiles(t)), newTestPage())
	if len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	if r.html != string(want) {
		t.Errorf("shortcodes:\n%s\nalerts:\n%s", r.html, want)
	}
}
