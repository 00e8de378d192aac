package site

import (
	"strings"
	"testing"
)

// TestStyleURLsWarned: a build warns of what a theme's stylesheet loads
// and readers would not get, at the url( or @import, and counts the files
// every source publishes (the theme's static/, the site's static/,
// content/) and site.yaml's allowOrigins as found.
func TestStyleURLsWarned(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: brand\nallowOrigins: [https://images.example.org]\n")
	writeFile(t, dir, "themes/brand/theme.yaml", "extends: default\n")
	writeFile(t, dir, "themes/brand/static/img/logo.png", "png")
	writeFile(t, dir, "static/img/bg.png", "png")
	writeFile(t, dir, "content/images/photo.png", "png")
	writeFile(t, dir, "themes/brand/static/css/custom.css", strings.Join([]string{
		`@import url("https://fonts.googleapis.com/css2?family=Inter");`,
		`.a { background: url(../img/logo.png); }`,
		`.b { background: url(/img/bg.png); }`,
		`.c { background: url(../images/photo.png); }`,
		`.d { background: url(https://images.example.org/x.png); }`,
		`.e { background: url(../img/missing.png); }`,
	}, "\n")+"\n")
	got := buildWarnings(t, dir)
	want := []string{
		"themes/brand/static/css/custom.css:1:1: @import of a stylesheet from another site, https://fonts.googleapis.com, which the pages' Content-Security-Policy blocks (readers never get its rules, and a page loads nothing from elsewhere): put its rules in this file, or download it into themes/brand/static/css/ (fonts it names into themes/brand/static/fonts/) and import the copy",
		"themes/brand/static/css/custom.css:6:18: url(\"../img/missing.png\"): no file of the site or theme is published at /img/missing.png, so readers get no image there: put the file in themes/brand/static/img/missing.png (an address is read from where this stylesheet is published, css/)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPolicyWarned: a build warns of what a layout of the site's theme
// writes and the pages' policy blocks, with site.yaml's allowOrigins
// counted, and of nothing in the layouts of the built-in theme.
func TestPolicyWarned(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: brand\nallowOrigins: [https://images.example.org]\n")
	writeFile(t, dir, "themes/brand/theme.yaml", "extends: default\n")
	writeFile(t, dir, "themes/brand/layouts/partials/footer.html", strings.Join([]string{
		`<footer><img src="https://images.example.org/logo.png" alt="">`,
		`<script>var year = 2026;</script></footer>`,
	}, "\n")+"\n")
	got := buildWarnings(t, dir)
	want := []string{
		`themes/brand/layouts/partials/footer.html:2:1: an inline script, which the pages' Content-Security-Policy blocks (browsers never run it): put it in a file of themes/brand/static/js/ and load it with <script src="{{asset "js/NAME.js"}}" async></script>`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// buildWarnings builds the site in dir, which must build, and returns its
// warnings as the command line prints them.
func buildWarnings(t *testing.T, dir string) []string {
	t.Helper()
	return builderWarnings(t, New(Options{Dir: dir}))
}

// builderWarnings builds with b, which must build, and returns the
// build's warnings as the command line prints them.
func builderWarnings(t *testing.T, b *Builder) []string {
	t.Helper()
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range b.Warnings() {
		got = append(got, w.Error())
	}
	return got
}
