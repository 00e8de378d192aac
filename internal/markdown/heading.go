package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// heading gives n its id and records it in the result. An id written in
// the heading's attributes ({#my-id}) is kept as written; the others are
// made from the text and kept unique.
func (d *document) heading(n *ast.Heading) {
	d.buf = appendText(d.buf[:0], n, d.src)
	text := string(bytes.TrimSpace(d.buf))
	off := n.Pos()
	if off < 0 && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		id = attrText(v)
	}
	if id != "" {
		if d.ids == nil {
			d.ids = make(map[string]int)
		}
		if _, used := d.ids[id]; !used {
			d.ids[id] = 0
		}
	} else {
		d.buf = appendID(d.buf[:0], text)
		id = d.uniqueID(d.buf)
	}
	d.headingAttributes(n, off)
	n.SetAttributeString("id", id)
	d.res.Headings = append(d.res.Headings, Heading{
		Level: n.Level,
		ID:    id,
		Text:  text,
		Line:  d.pos(off).Line,
	})
}

// headingID turns a heading's text into an id: letters and digits of any
// script, lowercased, in words joined by '-'. Apostrophes vanish ("don't"
// gives "dont"); any other run of spaces, punctuation or symbols separates
// words. An id never is empty: "section" stands in for a heading without
// letters or digits.
func headingID(text string) string {
	return string(appendID(nil, text))
}

// appendID appends the id of text (see headingID) to b.
func appendID(b []byte, text string) []byte {
	start := len(b)
	sep := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r < utf8.RuneSelf:
			if r != '\'' {
				sep = true
			}
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc):
			r = unicode.ToLower(r)
		case r == '’' || r == '‘':
			continue
		default:
			sep = true
			continue
		}
		if sep && len(b) > start {
			b = append(b, '-')
		}
		sep = false
		b = utf8.AppendRune(b, r)
	}
	if len(b) == start {
		return append(b, "section"...)
	}
	return b
}

// uniqueID returns id, or id-1, id-2... for the ids already taken in this
// document.
func (d *document) uniqueID(id []byte) string {
	if d.ids == nil {
		d.ids = make(map[string]int)
	}
	n, used := d.ids[string(id)]
	if !used {
		s := string(id)
		d.ids[s] = 0
		return s
	}
	for {
		n++
		cand := string(id) + "-" + strconv.Itoa(n)
		if _, used := d.ids[cand]; !used {
			d.ids[string(id)] = n
			d.ids[cand] = 0
			return cand
		}
	}
}

// plainText is the text of n's inline content without markup: escapes and
// entities resolved, soft line breaks as spaces, raw HTML and footnote
// references left out, images by their alt text.
func plainText(n ast.Node, src []byte) string {
	b := appendText(nil, n, src)
	return string(bytes.TrimSpace(b))
}

func appendText(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0 {
				v = util.UnescapePunctuations(v)
				v = util.ResolveNumericReferences(v)
				v = util.ResolveEntityNames(v)
			}
			b = append(b, v...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b = append(b, t.Segment.Value(src)...)
				case *ast.String:
					b = append(b, t.Value...)
				}
			}
		case *ast.AutoLink:
			b = append(b, c.Label(src)...)
		case *ast.RawHTML, *east.FootnoteLink:
		default:
			b = appendText(b, c, src)
		}
	}
	return b
}

// attrText is an attribute's value as text: goldmark keeps most as bytes,
// and numbers and booleans as themselves.
func attrText(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// headingAttributes keeps the attributes of a heading ({#id .class
// lang=fr}) a page may carry, and warns of the others: style and event
// handlers (onclick=...) would break the Content-Security-Policy, which
// allows no inline styles or scripts.
func (d *document) headingAttributes(n *ast.Heading, off int) {
	if n.Attributes() == nil {
		return
	}
	keep := n.Attributes()[:0:0]
	for _, a := range n.Attributes() {
		name := strings.ToLower(string(a.Name))
		switch {
		case name == "id" || name == "class" || name == "lang" || name == "dir" || name == "title" ||
			strings.HasPrefix(name, "data-") && !strings.ContainsAny(name, "\"'<>/="):
			keep = append(keep, ast.Attribute{Name: []byte(name), Value: []byte(attrText(a.Value))})
		default:
			p := d.pos(off)
			d.res.Warnings.Add(d.ctx.Path, p.Line, p.Col, "heading attribute %q is left out: a heading may carry an id, classes, lang, dir, title and data- attributes (style and scripts would break the site's Content-Security-Policy; give the heading a class and style it in the theme)", string(a.Name))
		}
	}
	n.RemoveAttributes()
	for _, a := range keep {
		n.SetAttribute(a.Name, a.Value)
	}
}
