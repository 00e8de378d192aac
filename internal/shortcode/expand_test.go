package shortcode

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
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
				src, ok := a.Files["page.md"]
				if !ok {
					t.Fatal("no -- page.md -- section")
				}
				offset := strings.Count(a.Files["front"], "\n")
				set := newTestSet(t, append(archiveFiles(a), builtin...))
				r := runPipeline(t, "content/"+name+".md", src, offset, set, newTestPage())
				if attr := forbiddenAttribute(r.html); attr != "" {
					t.Errorf("output has a %s attribute", attr)
				}
				if strings.Contains(r.html, placeholderPrefix) && !strings.Contains(src, placeholderPrefix) {
					t.Errorf("a placeholder is left in the HTML:\n%s", r.html)
				}
				got := map[string]string{"markdown": r.markdown, "html": r.html, "errors": errorText(r.errs)}
				check(a, t, file, got, "markdown", "html", "errors")
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
	r := runPipeline(t, "content/p.md", a.Files["page.md"], 0, newTestSet(t, builtinFiles(t)), newTestPage())
	if len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	if r.html != string(want) {
		t.Errorf("shortcodes:\n%s\nalerts:\n%s", r.html, want)
	}
}

// TestPosition holds the mapping from the expanded Markdown back to the
// file: copied text character for character, a call's output to the call.
func TestPosition(t *testing.T) {
	src := "ab {{< x >}} cé\n{{% y %}}z{{% /y %}} w\n{{</* e */>}} f\n"
	doc, errs := Parse([]byte(src), Options{Path: "p.md", LineOffset: 4})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	exp, errs := doc.Expand(Env{Execute: func(c *Call) (string, error) {
		if c.Name == "y" {
			return "<b>" + string(c.Inner) + "</b>", nil
		}
		return "<i>x</i>", nil
	}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	md := string(exp.Markdown)
	tok := func(id int) string { return exp.prefix + strconv.Itoa(id) + "E" }
	want := "ab " + tok(0) + " cé\n" + tok(3) + "z" + tok(4) + " w\n{{< e >}} f\n" // 1 and 2 mark y's content
	if md != want {
		t.Fatalf("Markdown = %q, want %q", md, want)
	}
	// find returns the Markdown line and column (in characters) of the
	// first s after the first "after".
	find := func(s, after string) (int, int) {
		i := strings.Index(md, after) + len(after)
		i += strings.Index(md[i:], s)
		line := strings.Count(md[:i], "\n") + 1
		col := utf8.RuneCountInString(md[strings.LastIndex(md[:i], "\n")+1:i]) + 1
		return line, col
	}
	cases := []struct {
		s, after  string
		line, col int
		what      string
	}{
		{"ab", "", 5, 1, "text before a call"},
		{tok(0)[2:], "", 5, 4, "inside a placeholder: the call"},
		{"c", tok(0), 5, 14, "text after a call"},
		{"é", tok(0), 5, 15, "a character after a call"},
		{"z", tok(3), 6, 10, "a {{% %}} call's content"},
		{"w", tok(4), 6, 22, "after the closing tag"},
		{"e", "{{<", 7, 7, "inside an escaped form"},
		{"f", "}}", 7, 15, "after an escaped form"},
	}
	for _, c := range cases {
		ml, mc := find(c.s, c.after)
		if line, col := exp.Position(ml, mc); line != c.line || col != c.col {
			t.Errorf("%s: Markdown %d:%d maps to %d:%d, want %d:%d", c.what, ml, mc, line, col, c.line, c.col)
		}
	}
}
