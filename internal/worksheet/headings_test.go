package worksheet

import (
	"html/template"
	"strings"
	"testing"

	"mutual/internal/diag"
)

// TestHeadingsFrom: a text's headings move down so that the highest is at
// the level its place on the page needs, in order; a text already at or
// below it, and what only looks like a heading, stay as they are.
func TestHeadingsFrom(t *testing.T) {
	tests := []struct {
		in   string
		top  int
		want string
	}{
		{`<h1 id="before">Before</h1><p>x</p><h2 id="a">A</h2>`, 2, `<h2 id="before">Before</h2><p>x</p><h3 id="a">A</h3>`},
		{"<h1>T</h1>\n<h3>Deep</h3>", 4, "<h4>T</h4>\n<h6>Deep</h6>"},
		{"<h2>Why we ask</h2>", 3, "<h3>Why we ask</h3>"},
		{"<h5>x</h5><h6>y</h6>", 2, "<h5>x</h5><h6>y</h6>"},
		{"<h2>Already right</h2>", 2, "<h2>Already right</h2>"},
		{"<p>&lt;h1&gt; in code</p><hr><header>x</header>", 2, "<p>&lt;h1&gt; in code</p><hr><header>x</header>"},
		{"<h1>a</h1><h5>b</h5>", 3, "<h3>a</h3><h6>b</h6>"},
	}
	for _, tt := range tests {
		if got := string(headingsFrom(template.HTML(tt.in), tt.top)); got != tt.want {
			t.Errorf("headingsFrom(%q, %d) = %q, want %q", tt.in, tt.top, got, tt.want)
		}
	}
}

// TestViewHeadings: the intro's "# Before you start" is an h2 under the
// page's title, a question's help's heading an h3, a band's an h4 under
// its title (h3).
func TestViewHeadings(t *testing.T) {
	src := "title: H\nintro: |\n  # Before you start\nsections:\n  - title: S\n    intro: '# About this part'\n    questions:\n" +
		"      - {id: a, type: rating, side: give, text: A, scale: agreement, help: '# Why we ask'}\n" +
		"results:\n  - {title: Any, body: '## What it means'}\n"
	w, errs := Parse("content/worksheets/h.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	env := fakeEnv("content/worksheets/h.yaml")
	env.Markdown = func(src string, line, col, indent int) (template.HTML, diag.List) {
		level := len(src) - len(strings.TrimLeft(src, "#"))
		return template.HTML("<h" + string(rune('0'+level)) + ">" + strings.TrimSpace(strings.TrimLeft(src, "#")) + "</h" + string(rune('0'+level)) + ">"), nil
	}
	v, errs := w.View(env)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct{ got, want string }{
		{string(v.Intro), "<h2>Before you start</h2>"},
		{string(v.Sections[0].Intro), "<h2>About this part</h2>"},
		{string(v.Sections[0].Questions[0].Help), "<h3>Why we ask</h3>"},
		{string(v.Bands[0].Body), "<h4>What it means</h4>"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
