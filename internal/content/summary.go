package content

import (
	"regexp"

	"mutual/internal/markdown"
)

// shortcodeTag is a shortcode's opening or closing tag, which a summary
// (plain text) leaves out.
var shortcodeTag = regexp.MustCompile(`\{\{[<%][\s\S]*?[%>]\}\}`)

// pageSummary is a page's summary as plain text, as Hugo's: its front
// matter's summary:, else the text before its <!--more--> divider, else
// "" (lists and the feed then show the description).
func pageSummary(fm *FrontMatter, body []byte, more int) string {
	var src []byte
	switch {
	case fm.Summary != "":
		src = []byte(fm.Summary)
	case more >= 0 && more <= len(body):
		src = body[:more]
	default:
		return ""
	}
	if HasShortcode(string(src)) {
		src = shortcodeTag.ReplaceAll(src, nil)
	}
	return markdown.PlainText(src)
}
