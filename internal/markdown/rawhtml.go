package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Raw HTML in a page is left out (see the trust model): goldmark writes
// <!-- raw HTML omitted --> in its place, which nobody sees. So that the
// writer learns why their image or link is missing, each HTML element
// left out is a warning at its "<", saying how to write the same in
// Markdown, and naming the site option that lets HTML through. An HTML
// comment is meant to be hidden, and an end tag (</a>) belongs to the
// start tag already warned of: neither warns.

// htmlStartRE is the start of an HTML tag and its name.
var htmlStartRE = regexp.MustCompile(`^<([a-zA-Z][a-zA-Z0-9-]*)`)

// htmlAttrRE is one attribute of a start tag, its value quoted or not.
var htmlAttrRE = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

// rawHTML warns of the HTML element that starts at offset off of the
// source, whose text (its start tag, at least) is raw.
func (d *document) rawHTML(off int, raw []byte) {
	m := htmlStartRE.FindSubmatch(raw)
	if m == nil {
		return // a comment, an end tag, <!DOCTYPE> or <?...?>
	}
	tag := strings.ToLower(string(m[1]))
	pos := d.pos(off)
	d.res.Warnings.Add(d.ctx.Path, pos.Line, pos.Col, "this HTML <%s> is left out of the page (a page shows no HTML written in it): %s; or, if you trust every file of the site as you would a program, set trustHTML: true in site.yaml", tag, htmlInMarkdown(tag, raw))
}

// htmlInMarkdown says how to write an element of tag in Markdown, with
// the element's own address and text where they help.
func htmlInMarkdown(tag string, raw []byte) string {
	attr := func(name string) string {
		end := bytes.IndexByte(raw, '>')
		if end < 0 {
			end = len(raw)
		}
		for _, a := range htmlAttrRE.FindAllSubmatch(raw[:end], -1) {
			if strings.EqualFold(string(a[1]), name) {
				return string(bytes.Join([][]byte{a[2], a[3], a[4]}, nil))
			}
		}
		return ""
	}
	switch tag {
	case "img":
		src, alt := attr("src"), attr("alt")
		if src == "" {
			src = "picture.png"
		}
		if alt == "" {
			alt = "what it shows"
		}
		return fmt.Sprintf("write the image in Markdown, as ![%s](%s)", alt, src)
	case "a":
		href := attr("href")
		if href == "" {
			href = "address"
		}
		return fmt.Sprintf("write the link in Markdown, as [its text](%s)", href)
	case "br":
		return `end the line with a backslash \ for a line break`
	case "b", "strong":
		return "write **bold** in Markdown"
	case "i", "em":
		return "write *italics* in Markdown"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return fmt.Sprintf("write the heading in Markdown, as %s Heading", strings.Repeat("#", int(tag[1]-'0')))
	case "ul", "li":
		return `write a list in Markdown, one "- item" a line`
	case "ol":
		return `write a numbered list in Markdown, one "1. item" a line`
	case "p", "div", "span", "section", "article", "font", "center":
		return "write the text alone: a blank line starts a new paragraph, and the theme gives pages their look"
	case "code":
		return "write code in Markdown between backquotes, as `code`"
	case "pre":
		return "write a code block in Markdown between lines of three backquotes (```)"
	case "table", "tr", "td", "th", "thead", "tbody":
		return "write a table in Markdown, as | a | b | with a line |---|---| under the first row"
	case "hr":
		return "write a line of three dashes (---) alone, with a blank line above it"
	case "blockquote":
		return "write a quote in Markdown, each line starting with >"
	case "sup", "sub", "u", "mark", "small", "s", "del":
		if tag == "s" || tag == "del" {
			return "write ~~struck out~~ in Markdown"
		}
		return "write the text alone, or with *italics* or **bold** for emphasis"
	case "details", "summary":
		return "use the details shortcode: {{< details \"Title\" >}}…{{< /details >}}"
	case "iframe", "video", "audio", "script", "style", "object", "embed", "form", "input", "button":
		return "a page cannot hold it: link to it instead, as [its title](address)"
	}
	return "write it in Markdown instead"
}

// rawHTMLNode warns of a raw HTML block or inline tag when the site lets
// no HTML through.
func (d *document) rawHTMLNode(n ast.Node) {
	switch n := n.(type) {
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 {
			return // a comment
		}
		seg := n.Lines().At(0)
		v := d.src[seg.Start:seg.Stop]
		i := bytes.IndexByte(v, '<')
		if i < 0 {
			return
		}
		d.rawHTML(seg.Start+i, v[i:])
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			return
		}
		seg := n.Segments.At(0)
		d.rawHTML(seg.Start, d.src[seg.Start:seg.Stop])
	}
}
