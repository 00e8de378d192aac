package theme

import (
	"strings"
	"testing"
	"testing/fstest"

	"mutual/internal/diag"
	"mutual/themes"
)

// TestStyleURLs: what a theme's stylesheet asks the browser to load and
// the browser would not get (the policy blocks another site; no file is
// published at the address; a fingerprinted stylesheet's plain name) is a
// warning at its url( or @import, in words that say what to do; what it
// gets is not.
func TestStyleURLs(t *testing.T) {
	const at = "themes/brand/static/css/custom.css:"
	tests := []struct {
		name, css, base string
		want            []string
	}{
		{"a web font's stylesheet", `@import url("https://fonts.googleapis.com/css2?family=Inter");`, "/",
			[]string{at + "1:1: @import of a stylesheet from another site, https://fonts.googleapis.com, which the pages' Content-Security-Policy blocks (readers never get its rules, and a page loads nothing from elsewhere): put its rules in this file, or download it into themes/brand/static/css/ (fonts it names into themes/brand/static/fonts/) and import the copy"}},
		{"the same as a string", "\n\n  @IMPORT 'https://fonts.googleapis.com/css2?family=Inter' screen;", "/",
			[]string{at + "3:3: @import of a stylesheet from another site, https://fonts.googleapis.com, which the pages' Content-Security-Policy blocks (readers never get its rules, and a page loads nothing from elsewhere): put its rules in this file, or download it into themes/brand/static/css/ (fonts it names into themes/brand/static/fonts/) and import the copy"}},
		{"a font from another site", "@font-face {\n  font-family: Inter;\n  src: url(//cdn.example.net/inter.woff2) format(\"woff2\");\n}", "/",
			[]string{at + "3:8: a font from another site, https://cdn.example.net, which the pages' Content-Security-Policy blocks (readers see their own fonts instead, and a page loads nothing from elsewhere): download \"inter.woff2\" into themes/brand/static/fonts/ and point url() at the copy"}},
		{"an image from another site", ".site-header { background: url(https://example.com/x.png); }", "/",
			[]string{at + "1:28: an image from another site, https://example.com, which the pages' Content-Security-Policy blocks (readers would see none): download \"x.png\" into themes/brand/static/ and point url() at the copy; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [https://example.com]"}},
		{"an image from a host beyond ASCII, not allowed: named as written", ".a { background: url(https://Fotos.Bücher.example/x.png); }", "/",
			[]string{at + "1:18: an image from another site, https://fotos.bücher.example, which the pages' Content-Security-Policy blocks (readers would see none): download \"x.png\" into themes/brand/static/ and point url() at the copy; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [https://fotos.bücher.example]"}},
		{"an image from an allowed origin", ".a { background: url('https://images.example.org/x.png'); }", "/", nil},
		{"an image from an allowed host beyond ASCII", ".a { background: url('https://bilder.müller.example/x.png'); }", "/", nil},
		{"a missing image, relative", ".a {\n  background: url(../img/lgo.png);\n}", "/",
			[]string{at + "2:15: url(\"../img/lgo.png\"): no file of the site or theme is published at /img/lgo.png (did you mean \"../img/logo.png\"?), so readers get no image there: put the file in themes/brand/static/img/lgo.png (an address is read from where this stylesheet is published, css/)"}},
		{"a misspelt image, from the top", ".a { background: url(/img/lgo.png) }", "/",
			[]string{at + "1:18: url(\"/img/lgo.png\"): no file of the site or theme is published at /img/lgo.png (did you mean \"/img/logo.png\"?), so readers get no image there: put the file in themes/brand/static/img/lgo.png (an address is read from where this stylesheet is published, css/)"}},
		{"a missing image, from the top", ".a { background: url(\"/img/header-photo.jpg\") }", "/",
			[]string{at + "1:18: url(\"/img/header-photo.jpg\"): no file of the site or theme is published at /img/header-photo.jpg, so readers get no image there: put the file in themes/brand/static/img/header-photo.jpg (an address is read from where this stylesheet is published, css/)"}},
		{"files there are", ".a{background:url(../img/logo.png)} .b{background:url(\"/img/bg.png?v=2#top\")}", "/", nil},
		{"on a sub-path site", ".a{background:url(/help/img/logo.png)} .b{background:url(../img/bg.png)} .c{background:url(/img/logo.png)}", "/help/",
			[]string{at + "1:88: url(\"/img/logo.png\") leaves the site, which is published under /help/: write the address relative to this stylesheet, published as css/custom.css, such as \"../img/logo.png\""}},
		{"out of the site", ".a{background:url(../../x.png)}", "/",
			[]string{at + "1:15: url(\"../../x.png\") leaves the site: the address is read from where this stylesheet is published, css/, so write it from there, such as \"../x.png\""}},
		{"a stylesheet by its plain name", `@import "extra.css";`, "/",
			[]string{at + "1:1: @import \"extra.css\" finds nothing: css/extra.css is published with its content's hash in its name (css/extra." + hashOf("h1{}\n") + ".css), so that browsers may keep it for good: put its rules in this file, or link it from base.html with {{asset \"css/extra.css\"}}"}},
		{"what needs no file", ".a{background:url(data:image/png;base64,AAAA)} .b{filter:url(#f)} .c{content:\"url(x.png)\"} /* url(nope.png) @import 'https://x.org/a.css'; */ .d{background:url()}", "/", nil},
		{"names that only end in url", ".a{background:myurl(x.png); --x-url(y)}", "/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := styleURLsOf(tt.css, tt.base)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestStyleURLsDefault: the built-in theme's stylesheets are not the
// theme author's to fix, and load nothing they lack.
func TestStyleURLsDefault(t *testing.T) {
	chain := Chain{{Name: "default", Dir: "themes/default", FS: themes.Default()}}
	as, errs := chain.Static()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if w := chain.StyleURLs(as, "/", nil, func(string) bool { return false }); len(w) > 0 {
		t.Errorf("the default theme warns: %v", w)
	}
	chain[0].Name = "copy" // the same files in a theme folder of the site
	if w := chain.StyleURLs(as, "/", nil, func(string) bool { return false }); len(w) > 0 {
		t.Errorf("a copy of the default theme warns: %v", w)
	}
}

func hashOf(css string) string {
	a := NewAsset("css/x.css", []byte(css), "")
	return strings.TrimSuffix(strings.TrimPrefix(a.Out, "css/x."), ".css")
}

func styleURLsOf(css, base string) []string {
	var got []string
	for _, w := range styleURLList(css, base) {
		got = append(got, w.Error())
	}
	return got
}

func styleURLList(css, base string) diag.List {
	chain := Chain{
		{Name: "brand", Dir: "themes/brand", FS: fstest.MapFS{
			"static/css/custom.css": &fstest.MapFile{Data: []byte(css)},
			"static/css/extra.css":  &fstest.MapFile{Data: []byte("h1{}\n")},
			"static/img/logo.png":   &fstest.MapFile{Data: []byte("png")},
		}},
		{Name: "default", Dir: "themes/default", FS: themes.Default()},
	}
	as, _ := chain.Static()
	site := map[string]bool{"img/bg.png": true} // a file of the site's static/
	exists := func(out string) bool { return site[out] || as.Outputs()[out] }
	return chain.StyleURLs(as, base, []string{"https://images.example.org", "https://bilder.xn--mller-kva.example"}, exists)
}

// FuzzStyleURLs: any stylesheet is read without a panic, the same way
// twice, and every address lies inside the file.
func FuzzStyleURLs(f *testing.F) {
	f.Add(`@import url("https://fonts.googleapis.com/css2?family=Inter");`)
	f.Add("@font-face{src:url(//x.org/a.woff2)} .a{background:url('../img/x.png')}")
	f.Add("url(\"unclosed\n@import '")
	f.Add("/* url(x) */ @import")
	as := Assets{"css/custom.css": NewAsset("css/custom.css", nil, ""), "img/logo.png": NewAsset("img/logo.png", nil, "")}
	exists := func(out string) bool { return as[out] != nil }
	f.Fuzz(func(t *testing.T, css string) {
		a, b := styleRefs(css), styleRefs(css)
		if len(a) != len(b) {
			t.Fatalf("two runs differ: %v, %v", a, b)
		}
		lines := strings.Count(css, "\n") + 1
		for _, r := range a {
			if r.line < 1 || r.line > lines || r.col < 1 {
				t.Fatalf("address outside the file: %+v", r)
			}
			checkStyleRef(r, "css/custom.css", "/help/", nil, as, exists, "themes/brand")
		}
	})
}
