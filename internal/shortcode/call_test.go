package shortcode

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"mutual/internal/markdown"
)

// TestCallTemplates executes real html/template templates with a Call as
// their dot: each of Hugo's fields and methods, and mutual's, table by
// table. Each case is a page with one call of "t", whose template is tmpl.
func TestCallTemplates(t *testing.T) {
	cases := []struct {
		name, tmpl, page, want string
	}{
		{"get by position", `{{ .Get 0 }}|{{ .Get 1 }}|{{ printf "%T" (.Get 1) }}|{{ .Get 9 }}|{{ printf "%v" (.Get "x") }}`,
			`{{< t "a" 2 >}}`, `a|2|int||&lt;nil&gt;`},
		{"get by name", `{{ .Get "title" }}|{{ printf "%T" (.Get "n") }}|[{{ .Get "missing" }}]|{{ printf "%v" (.Get 0) }}`,
			`{{< t title="T" n=1.5 >}}`, `T|float64|[]|&lt;nil&gt;`},
		{"get without arguments", `{{ printf "%v %v" (.Get 0) (.Get "a") }}`, `{{< t >}}`, `&lt;nil&gt; &lt;nil&gt;`},
		{"params positional", `{{ len .Params }} {{ index .Params 1 }} {{ .IsNamedParams }}`, `{{< t a b >}}`, `2 b false`},
		{"params named", `{{ .Params.title }} {{ .IsNamedParams }}`, `{{< t title="x" >}}`, `x true`},
		{"params none", `{{ len .Params }}`, `{{< t >}}`, `0`},
		{"name", `{{ .Name }}`, `{{< t >}}`, `t`},
		{"inner raw", `[{{ .Inner }}]`, "{{< t >}}**x** <b>{{< /t >}}", `[**x** <b>]`},
		{"inner empty without close", `[{{ .Inner }}]`, `{{< t >}}`, `[]`},
		{"inner deindent", `{{ .InnerDeindent }}`, "- item\n  {{< t >}}\n  a\n    b\n  {{< /t >}}", "\na\n  b\n"},
		{"ordinal and parent", `{{ .Ordinal }}{{ with .Parent }}&lt;{{ .Name }} {{ .Ordinal }}&gt;{{ end }}[{{ .Inner }}]`,
			`{{< t >}}{{< t >}}{{< /t >}}{{< t >}}{{< /t >}}{{< /t >}}`, `0[0&lt;t 0&gt;[]1&lt;t 0&gt;[]]`},
		{"position", `{{ .Position }} {{ .Position.Offset }}`, "ab\n  {{< t >}}", `content/p.md:12:3 5`},
		{"page and site", `{{ .Page.Title }} {{ .Site }} {{ .Page.Param "author" }}`, `{{< t >}}`, `Guides site Sam Rivera`},
		{"body, angle form", `{{ .Body }}`, "{{< t >}}\n*x*\n{{< /t >}}", "<p><em>x</em></p>\n"},
		{"inline body, angle form", `{{ .InlineBody }}`, "{{< t >}}*x*{{< /t >}}", "<em>x</em>"},
		{"render string", `{{ .RenderString "a *b*" }}|{{ .RenderMarkdown "a *b*" }}`, `{{< t >}}`, "a <em>b</em>|<p>a <em>b</em></p>\n"},
		{"escaping", `<a title="{{ .Get 0 }}">{{ .Get 0 }}</a>`, `{{< t "<\"&'>" >}}`, `<a title="&lt;&#34;&amp;&#39;&gt;">&lt;&#34;&amp;&#39;&gt;</a>`},
		{"funcs", `{{ default "d" (.Get 0) }} {{ default "d" "" }} {{ index (split "a,b" ",") 1 }} {{ trim "  x " " " }} {{ in "abc" "b" }} {{ in .Params "open" }} {{ lower "A" }}{{ upper "b" }} {{ plainify "<b>a&amp;b</b>" }}`,
			`{{< t "v" "open" >}}`, `v d b x true true aB a&amp;b`},
		{"callout", `{{ with callout "WARN" "" }}{{ .Kind }} {{ .Title }}{{ end }} {{ (callout "note" "Mine").Title }} {{ knownCallout "hint" }} {{ knownCallout "x" }}`,
			`{{< t >}}`, `warning Warning Mine true false`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := []TemplateFile{{Name: "t", Path: "themes/x/layouts/shortcodes/t.html", Text: c.tmpl}}
			page := newTestPage()
			set, errs := NewSet(files, siteFuncs())
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			doc, errs := Parse([]byte(c.page), Options{Path: "content/p.md", LineOffset: 10})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			r := runExpand(t, doc, set, page)
			if r != c.want {
				t.Errorf("got  %q\nwant %q", r, c.want)
			}
		})
	}
}

// runExpand expands doc and returns the output of its outermost calls,
// joined, with the placeholders of inner calls replaced, without rendering
// the page's Markdown.
func runExpand(t *testing.T, doc *Document, set *Set, page any) string {
	t.Helper()
	md := markdown.New(markdown.Options{})
	var outs []string
	env := Env{
		Execute: func(c *Call) (string, error) {
			out, err := set.Execute(c)
			if c.Parent == nil {
				outs = append(outs, out)
			}
			return out, err
		},
		Page: page,
		Site: "site",
		Markdown: func(f Fragment) (string, error) {
			var b bytes.Buffer
			_, err := md.Render(&b, []byte(f.Src), markdown.Context{})
			return b.String(), err
		},
	}
	exp, errs := doc.Expand(env)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, _ := exp.HTML([]byte(strings.Join(outs, "")))
	return string(out)
}

// TestUsesInner holds how a template's use of the inner content is found.
func TestUsesInner(t *testing.T) {
	cases := map[string]bool{
		`{{ .Inner }}`:                            true,
		`{{ .InnerDeindent | safeHTML }}`:         true,
		`{{ .Body }}`:                             true,
		`{{ with .InlineBody }}x{{ end }}`:        true,
		`{{ if .Get 0 }}{{ $.Inner }}{{ end }}`:   true,
		`{{ range split .Inner "," }}{{ end }}`:   true,
		`{{ $x := .Inner }}`:                      true,
		`{{ define "x" }}{{ .Inner }}{{ end }}`:   false, // another template's tree
		`{{ .Get "Inner" }}`:                      false,
		`{{ .Get 0 }} {{ .Page.Title }}`:          false,
		`plain text`:                              false,
		`{{ with .Parent }}{{ .Inner }}{{ end }}`: true, // Hugo counts it too
	}
	for src, want := range cases {
		set, errs := NewSet([]TemplateFile{{Name: "t", Path: "t.html", Text: src}}, siteFuncs())
		if len(errs) > 0 {
			t.Fatalf("%s: %v", src, errs)
		}
		if got := set.Defs()["t"].Inner; got != want {
			t.Errorf("UsesInner(%s) = %v, want %v", src, got, want)
		}
	}
}

// TestBuiltinDefs holds which built-in shortcodes take content: the
// pairing rule reads it.
func TestBuiltinDefs(t *testing.T) {
	set, errs := NewSet(builtinFiles(t), siteFuncs())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := map[string]bool{
		"admonition": true, "alert": true, "button": true, "callout": true, "children": false,
		"columns": true, "details": true, "expand": true, "figure": false, "highlight": true,
		"hint": true, "notice": true, "param": false, "ref": false, "relref": false,
		"tab": true, "tabs": true,
	}
	if got := strings.Join(set.Names(), " "); got != strings.Join(sortedKeys(want), " ") {
		t.Errorf("built-in shortcodes: %s", got)
	}
	for name, inner := range want {
		if set.Defs()[name].Inner != inner {
			t.Errorf("%s: Inner = %v, want %v", name, set.Defs()[name].Inner, inner)
		}
	}
}

// TestSetErrors holds a template's parse error, positioned in its file,
// and the first file of a name winning.
func TestSetErrors(t *testing.T) {
	files := []TemplateFile{
		{Name: "a", Path: "themes/x/layouts/shortcodes/a.html", Text: "ok\n{{ .Get 0 "},
		{Name: "b", Path: "themes/x/layouts/shortcodes/b.html", Text: "site's b"},
		{Name: "b", Path: "themes/default/layouts/shortcodes/b.html", Text: "theme's b {{"},
	}
	set, errs := NewSet(files, siteFuncs())
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "themes/x/layouts/shortcodes/a.html:2:") {
		t.Errorf("errors = %v", errs)
	}
	out, err := set.Execute(&Call{Name: "b"})
	if err != nil || out != "site's b" {
		t.Errorf("b = %q, %v", out, err)
	}
	if _, err := set.Execute(&Call{Name: "nope"}); err == nil || err.Error() != "no template layouts/shortcodes/nope.html" {
		t.Errorf("missing template: %v", err)
	}
}

// TestFiles reads the templates of a folder, names by path.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(dir+"/layouts/shortcodes/media", 0o755))
	must(os.WriteFile(dir+"/layouts/shortcodes/a.html", []byte("A"), 0o644))
	must(os.WriteFile(dir+"/layouts/shortcodes/media/audio.html", []byte("B"), 0o644))
	must(os.WriteFile(dir+"/layouts/shortcodes/notes.txt", []byte("C"), 0o644))
	files, err := Files(os.DirFS(dir), "layouts/shortcodes", "themes/x/layouts/shortcodes")
	must(err)
	var got []string
	for _, f := range files {
		got = append(got, f.Name+"="+f.Path+"="+f.Text)
	}
	want := "a=themes/x/layouts/shortcodes/a.html=A media/audio=themes/x/layouts/shortcodes/media/audio.html=B"
	if strings.Join(got, " ") != want {
		t.Errorf("Files = %v", got)
	}
	none, err := Files(os.DirFS(dir), "layouts/nothing", "x")
	if err != nil || len(none) != 0 {
		t.Errorf("missing folder: %v, %v", none, err)
	}
}
