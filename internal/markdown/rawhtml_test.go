package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestRawHTMLWarns: each HTML element a page leaves out is a warning at
// its "<", saying how to write it in Markdown and which site option lets
// HTML through; comments, end tags and autolinks are none, and nothing
// warns when the site trusts HTML.
func TestRawHTMLWarns(t *testing.T) {
	const trust = "; or, if you trust every file of the site as you would a program, set trustHTML: true in site.yaml"
	tests := []struct {
		src    string
		unsafe bool
		want   []string
	}{
		{"Intro.\n\n<img src=\"missing.png\">\n", false,
			[]string{`content/a.md:3:1: this HTML <img> is left out of the page (a page shows no HTML written in it): write the image in Markdown, as ![what it shows](missing.png)` + trust}},
		{"See <IMG alt='A map' src=map.png> here.\n", false,
			[]string{`content/a.md:1:5: this HTML <img> is left out of the page (a page shows no HTML written in it): write the image in Markdown, as ![A map](map.png)` + trust}},
		{"A <a href=\"guides/b.md\">link</a>.\n", false,
			[]string{`content/a.md:1:3: this HTML <a> is left out of the page (a page shows no HTML written in it): write the link in Markdown, as [its text](guides/b.md)` + trust}},
		{"One<br>two and <b>bold</b>.\n", false, []string{
			`content/a.md:1:4: this HTML <br> is left out of the page (a page shows no HTML written in it): end the line with a backslash \ for a line break` + trust,
			`content/a.md:1:16: this HTML <b> is left out of the page (a page shows no HTML written in it): write **bold** in Markdown` + trust}},
		{"  <div class=\"note\">\nText\n</div>\n", false,
			[]string{`content/a.md:1:3: this HTML <div> is left out of the page (a page shows no HTML written in it): write the text alone: a blank line starts a new paragraph, and the theme gives pages their look` + trust}},
		{"<h2>Title</h2>\n", false,
			[]string{`content/a.md:1:1: this HTML <h2> is left out of the page (a page shows no HTML written in it): write the heading in Markdown, as ## Heading` + trust}},
		{"- an item with <custom-tag>\n", false,
			[]string{`content/a.md:1:16: this HTML <custom-tag> is left out of the page (a page shows no HTML written in it): write it in Markdown instead` + trust}},
		{"<!-- a note to myself -->\n\nText <!-- inline --> here.\n", false, nil},
		{"A link <https://example.org/> and `<img>` in code.\n\n```html\n<img src=\"x.png\">\n```\n", false, nil},
		{"Intro.\n\n<img src=\"missing.png\">\n", true, nil},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		res, err := New(Options{Unsafe: tt.unsafe}).Render(&out, []byte(tt.src), Context{Path: "content/a.md"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range res.Warnings {
			got = append(got, w.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
