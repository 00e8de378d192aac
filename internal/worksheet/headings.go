package worksheet

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// headingTag is an opening or closing heading tag of rendered Markdown.
var headingTag = regexp.MustCompile(`<(/?)h([1-6])([\s>])`)

// headingsFrom moves the headings of a worksheet text, rendered, down
// so that the highest is at level top, keeping their order: the page's
// title is its one h1, results are an h2 and each band's title an h3, so
// "# Before you start" in an intro is an h2 and "## Why we ask" in a
// question's help an h3, and a screen reader's list of headings keeps the
// page's outline. Text whose headings are at top or below stays as it is;
// h6 is the lowest.
func headingsFrom(h template.HTML, top int) template.HTML {
	s := string(h)
	if !strings.Contains(s, "<h") {
		return h
	}
	high := 7
	for _, m := range headingTag.FindAllStringSubmatch(s, -1) {
		if n, _ := strconv.Atoi(m[2]); n < high {
			high = n
		}
	}
	if high >= top {
		return h
	}
	by := top - high
	return template.HTML(headingTag.ReplaceAllStringFunc(s, func(tag string) string {
		m := headingTag.FindStringSubmatch(tag)
		n, _ := strconv.Atoi(m[2])
		return "<" + m[1] + "h" + strconv.Itoa(min(n+by, 6)) + m[3]
	}))
}
