package shortcode

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// Call is the dot of a shortcode template: one call of a shortcode in a
// page. Its fields and the methods Get, InnerDeindent and Position are
// Hugo's (ShortcodeWithPage), so Hugo's shortcode templates read it
// unchanged as far as they use these; Body, InlineBody, RenderString and
// RenderMarkdown are mutual's, for templates that work in both forms of a
// call.
type Call struct {
	// Name is the shortcode's name: "hint", "media/audio".
	Name string
	// Inner is the content between the opening and the closing tag, as
	// written, with the output of the calls inside it in their place. For
	// a {{% %}} call inside another call it is that content rendered from
	// Markdown to HTML, as in Hugo. Empty without a closing tag.
	Inner template.HTML
	// Page and Site are what the site passes to Expand: the page being
	// rendered and the site.
	Page, Site any
	// Parent is the call whose content holds this one, or nil.
	Parent *Call
	// Ordinal is the zero-based position among the calls of the parent
	// (or of the page).
	Ordinal int
	// IsNamedParams reports named arguments (name="value").
	IsNamedParams bool
	// Params are the arguments: a []any of positional values, or a
	// map[string]any of named ones.
	Params any

	sc  *Shortcode
	x   *expander
	raw string // the inner content before any Markdown rendering
	// rendered reports that Inner is HTML already (a nested {{% %}} call).
	rendered bool
	// markers are set for a top-level {{% %}} call: Body wraps the inner
	// Markdown in them so that Expand finds where the template put it.
	markerStart, markerEnd string
	usedBody               bool
	body                   *template.HTML // Body's rendering, once made
}

// Get returns an argument: by position (an int) or by name (a string). As
// in Hugo, it returns nil when asked by name for positional arguments or
// by position for named ones, and "" for a position or name that is not
// there.
func (c *Call) Get(key any) any {
	if c == nil || c.sc == nil || len(c.sc.Args) == 0 {
		return nil
	}
	v := reflect.ValueOf(key)
	switch k := key.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		if c.sc.Named {
			return nil
		}
		i := int64(-1)
		if v.CanInt() {
			i = v.Int()
		} else if u := v.Uint(); u < uint64(len(c.sc.Args)) {
			i = int64(u)
		}
		if i < 0 || i >= int64(len(c.sc.Args)) {
			return ""
		}
		return c.sc.Args[i].Value
	case string:
		if !c.sc.Named {
			return nil
		}
		for _, a := range c.sc.Args {
			if a.Name == k {
				return a.Value
			}
		}
		return ""
	}
	return nil
}

// InnerDeindent is Inner with the indentation of the opening tag removed
// from the start of each line, as in Hugo: a call indented in a list item
// gets its content back as if written at the margin.
func (c *Call) InnerDeindent() template.HTML {
	if c.sc == nil || c.sc.Indent == "" || c.rendered {
		return c.Inner
	}
	lines := strings.SplitAfter(string(c.Inner), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, c.sc.Indent)
	}
	return template.HTML(strings.Join(lines, ""))
}

// Position is where a call starts in its file.
type Position struct {
	Filename     string
	LineNumber   int
	ColumnNumber int
	Offset       int // byte offset in the page's Markdown, after the front matter
}

func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.LineNumber, p.ColumnNumber)
}

// Position returns where the call starts. Its Offset is unique within a
// page, which makes it a good seed for ids (the tabs template uses it).
func (c *Call) Position() Position {
	if c.sc == nil || c.x == nil {
		return Position{}
	}
	line, col := c.x.doc.Pos(c.sc.OpenStart)
	return Position{Filename: c.x.doc.opts.Path, LineNumber: line, ColumnNumber: col, Offset: c.sc.OpenStart}
}

// Body is the inner content as HTML blocks, whichever form the call takes:
//   - {{< name >}}: Inner rendered from Markdown (as Hugo's
//     .Inner | .Page.RenderString (dict "display" "block") would);
//   - {{% name %}} inside another call: Inner, which is HTML already;
//   - {{% name %}} in the page: Inner as Markdown, which the page renders
//     with the rest of its Markdown, so that its headings reach the table
//     of contents and its footnotes and reference links work.
//
// A template that writes {{ .Body }} where the content goes works in both
// forms; one that writes {{ .Inner }} works in the {{% %}} form only.
func (c *Call) Body() (template.HTML, error) {
	if c.sc == nil || !c.sc.Paired {
		return "", nil
	}
	switch {
	case c.markerStart != "":
		c.usedBody = true
		return template.HTML(c.markerStart + string(c.Inner) + c.markerEnd), nil
	case c.rendered:
		return c.Inner, nil
	}
	if c.body == nil {
		html, err := c.x.render(c, c.raw, c.sc.OpenEnd)
		if err != nil {
			return "", err
		}
		h := template.HTML(html)
		c.body = &h
	}
	return *c.body, nil
}

// InlineBody is Body for content that belongs inside a line, such as a
// button's label: a single paragraph loses its <p>.
func (c *Call) InlineBody() (template.HTML, error) {
	b, err := c.Body()
	if err != nil || c.markerStart != "" {
		return b, err
	}
	return template.HTML(unwrapParagraph(string(b))), nil
}

// RenderString renders s (a title, a caption) from Markdown to inline HTML:
// a single paragraph loses its <p>, as with Hugo's .Page.RenderString.
func (c *Call) RenderString(s any) (template.HTML, error) {
	html, err := c.RenderMarkdown(s)
	return template.HTML(unwrapParagraph(string(html))), err
}

// RenderMarkdown renders s from Markdown to HTML blocks.
func (c *Call) RenderMarkdown(s any) (template.HTML, error) {
	str := toString(s)
	if strings.TrimSpace(str) == "" || c.x == nil {
		return "", nil
	}
	html, err := c.x.render(c, str, c.sc.OpenStart)
	return template.HTML(html), err
}

// unwrapParagraph strips <p>...</p> from HTML that is one paragraph on one
// line (Hugo's rule for a {{% %}} call's single-line content).
func unwrapParagraph(html string) string {
	t := strings.TrimRight(html, "\n")
	if strings.HasPrefix(t, "<p>") && strings.HasSuffix(t, "</p>") {
		body := t[3 : len(t)-4]
		if !strings.Contains(body, "<p>") && !strings.Contains(body, "</p>") && !strings.Contains(body, "\n") {
			return body
		}
	}
	return html
}

func toString(v any) string {
	switch s := v.(type) {
	case nil:
		return ""
	case string:
		return s
	case template.HTML:
		return string(s)
	case fmt.Stringer:
		return s.String()
	}
	return fmt.Sprint(v)
}
