package theme

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"mutual/themes"
)

// TestPolicyWarnings: what a layout of the site's own theme writes and the
// pages' Content-Security-Policy blocks (inline scripts and styles,
// another site's scripts, stylesheets, frames and images) is a warning at
// its tag or attribute, saying what to write instead; what the policy
// lets through, and what template actions write, is not.
func TestPolicyWarnings(t *testing.T) {
	const at = "themes/t/layouts/partials/head.html:"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"an inline script", "<meta charset=utf-8>\n  <script>\n  console.log(1)\n</script>",
			[]string{at + "2:3: an inline script, which the pages' Content-Security-Policy blocks (browsers never run it): put it in a file of themes/t/static/js/ and load it with <script src=\"{{asset \"js/NAME.js\"}}\" async></script>"}},
		{"a module, inline", `<SCRIPT type="module">import "x"</SCRIPT>`,
			[]string{at + "1:1: an inline script, which the pages' Content-Security-Policy blocks (browsers never run it): put it in a file of themes/t/static/js/ and load it with <script src=\"{{asset \"js/NAME.js\"}}\" async></script>"}},
		{"analytics from another site", `<script defer src="https://plausible.io/js/script.js"></script>`,
			[]string{at + "1:15: a script from another site, https://plausible.io, which the pages' Content-Security-Policy blocks (browsers never run it, and a page loads nothing from elsewhere): download it into themes/t/static/js/ and load the copy with {{asset \"js/script.js\"}}"}},
		{"a web font's stylesheet", `<link rel="preconnect" href="https://fonts.gstatic.com"><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">`,
			[]string{at + "1:80: a stylesheet from another site, https://fonts.googleapis.com, which the pages' Content-Security-Policy blocks (readers never get it, and a page loads nothing from elsewhere): download it into themes/t/static/css/ (a web font's files into static/fonts/, its url()s pointed at them) and link the copy with {{asset \"css/NAME.css\"}}, or put its rules in custom.css"}},
		{"a style element", "<style>\nbody { color: red }\n</style>",
			[]string{at + "1:1: a <style> element, which the pages' Content-Security-Policy blocks (browsers ignore its rules): put the rules in themes/t/static/css/custom.css"}},
		{"style and event attributes, a javascript: link", `<div class=x style="color:red" onclick="go()"><a href=" javascript:void(0)">x</a></div>`,
			[]string{
				at + "1:14: a style attribute, which the pages' Content-Security-Policy blocks (browsers ignore it, and the element shows without it): give the element a class, and put its rules in themes/t/static/css/custom.css",
				at + "1:32: an event attribute, onclick=, runs a script inline, which the pages' Content-Security-Policy blocks (browsers never run it): do it from a script file of the theme's static/js/, loaded with <script src=\"{{asset \"js/NAME.js\"}}\" async></script>",
				at + "1:50: a javascript: address runs a script inline, which the pages' Content-Security-Policy blocks (browsers never run it): do it from a script file of the theme's static/js/",
			}},
		{"an image and a video from another site", `<img alt="" src="https://example.com/x.png"><iframe src="//www.youtube.com/embed/x"></iframe>`,
			[]string{
				at + "1:13: an image from another site, https://example.com, which the pages' Content-Security-Policy blocks (readers would see a broken image): download it into themes/t/static/ and use {{asset \"NAME\"}}; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [https://example.com]",
				at + "1:53: <iframe> from another site, https://www.youtube.com, which the pages' Content-Security-Policy blocks (readers see nothing there, and a page loads nothing from elsewhere): link to it instead, as <a href=\"...\">",
			}},
		{"what the policy lets through", `<script type="application/ld+json">{"@context":"https://schema.org"}</script>` +
			`<script src="{{asset "js/worksheet.js"}}" async></script><link rel="stylesheet" href="{{asset "css/main.css"}}">` +
			`<img src="https://images.example.org/a.png" alt=""><a href="https://example.com/" rel="me">a link</a>` +
			`<link rel="canonical" href="https://example.org/"><link rel="alternate" href="https://example.org/feed.xml">` +
			`<!-- <script>old()</script> --><p>1 < 2 and onclick is a word</p>`, nil},
		{"an image from an allowed host beyond ASCII, written as it reads", `<img src="https://Bilder.Müller.example/a.png" alt="">`, nil},
		{"an image from a host beyond ASCII, not allowed: named as written, not in its xn-- form", `<img src="https://bücher.example/a.png" alt="">`,
			[]string{at + "1:6: an image from another site, https://bücher.example, which the pages' Content-Security-Policy blocks (readers would see a broken image): download it into themes/t/static/ and use {{asset \"NAME\"}}; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [https://bücher.example]"}},
		{"what actions write", `<img src="{{.Site.Params.logo}}" alt=""><img src="https://{{.Site.Params.host}}/x.png" alt="">` +
			`{{/* <script>x()</script> style="a" */}}<p title="{{"<style>"}}">{{if .X}}<b>{{end}}</p>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policyOf(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestPolicyDefaultLayouts: every layout of the built-in theme, copied
// into the site's theme (mutual new layout), warns of nothing; read from
// the binary, it is not checked at all.
func TestPolicyDefaultLayouts(t *testing.T) {
	def := themes.Default()
	copied := fstest.MapFS{}
	fs.WalkDir(def, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(def, p)
			copied[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	if len(copied) < 10 {
		t.Fatalf("only %d layouts", len(copied))
	}
	// Without the site's functions (T, active) the layouts do not parse;
	// their text is read all the same.
	ts, _ := Chain{{Name: "mine", Dir: "themes/mine", FS: copied}}.Templates(Funcs(FuncEnv{}))
	if len(ts.own) != len(copied) {
		t.Errorf("%d layouts of the site's own theme, want %d", len(ts.own), len(copied))
	}
	if w := ts.PolicyWarnings(nil); len(w) > 0 {
		t.Errorf("the default theme's layouts warn:\n%v", w)
	}
	ts, _ = Chain{{Name: "default", Dir: "themes/default", FS: def}}.Templates(Funcs(FuncEnv{}))
	if len(ts.own) != 0 {
		t.Errorf("the built-in theme's layouts are checked: %v", ts.own)
	}
}

func policyOf(t *testing.T, head string) []string {
	t.Helper()
	ts, err := parseTestTheme(t, map[string]string{
		"base.html":          `<html><head>{{partial "head.html" .}}</head><body>{{block "main" .}}{{end}}</body></html>`,
		"partials/head.html": head,
	}, template.FuncMap{"asset": func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ts.PolicyWarnings([]string{"https://images.example.org", "https://bilder.xn--mller-kva.example"}) {
		got = append(got, w.Error())
	}
	return got
}

// FuzzPolicy: any layout source is read without a panic, the same way
// twice, with every warning inside the file.
func FuzzPolicy(f *testing.F) {
	f.Add(`<script>x()</script><div style="a" onclick=b>`)
	f.Add(`<link rel=stylesheet href=https://x.org/a.css><img src='//y.org/i.png'>`)
	f.Add("{{if .X}}<scr{{end}}ipt>\n<a href='javascript:")
	f.Add("<!-- <style> {{ \"}}\" }} `{{` /* */")
	f.Fuzz(func(t *testing.T, src string) {
		a := policyProblems(src, nil, "themes/t")
		b := policyProblems(src, nil, "themes/t")
		if len(a) != len(b) {
			t.Fatalf("two runs differ: %v, %v", a, b)
		}
		lines := strings.Count(src, "\n") + 1
		for _, p := range a {
			if p.line < 1 || p.line > lines || p.col < 1 {
				t.Fatalf("warning outside the file: %+v", p)
			}
		}
	})
}
