package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// resolve passes a link or image destination through Context.Resolve and
// returns what to write. On error it records a diag error at the node's
// start and keeps the destination as written.
func (d *document) resolve(n ast.Node, dest []byte) []byte {
	if d.ctx.Resolve == nil {
		return dest
	}
	p := d.pos(n.Pos())
	s := string(dest)
	out, err := d.ctx.Resolve(s, p)
	if err == nil && d.ctx.Image != nil && n.Kind() == ast.KindImage {
		err = d.ctx.Image(s)
	}
	if err != nil {
		d.res.Errors.Add(d.ctx.Path, p.Line, p.Col, "%s", err.Error())
		return dest
	}
	if d.ctx.Origin != "" && n.Kind() == ast.KindLink && sitePath(out) {
		n.SetAttributeString("data-url", util.URLEscape([]byte(d.ctx.Origin+out), true))
	}
	if out == s {
		return dest
	}
	return []byte(out)
}

// sitePath reports whether dest is a path of the site ("/", "/guides/x/"),
// not an address of another ("//host/x", or "/\host", which browsers read as one).
func sitePath(dest string) bool {
	return dest != "" && dest[0] == '/' && (len(dest) == 1 || (dest[1] != '/' && dest[1] != '\\'))
}

// pos turns a byte offset into src into a file position: lines count the
// Context's LineOffset lines before src, columns count characters from 1,
// and the first line's columns are shifted by ColOffset, the others' by
// Indent. A negative offset
// (goldmark knows no position) gives the zero Pos.
//
// The walk asks in document order, so pos counts the lines from the
// position it made last (d.at), and from the top only when asked for an
// earlier one.
func (d *document) pos(off int) Pos {
	if off < 0 {
		return Pos{}
	}
	off = min(off, len(d.src))
	if off < d.at.off {
		d.at = cursor{}
	}
	if seg := d.src[d.at.off:off]; len(seg) > 0 {
		if n := bytes.Count(seg, newline); n > 0 {
			d.at.line += n
			d.at.start = d.at.off + bytes.LastIndexByte(seg, '\n') + 1
		}
		d.at.off = off
	}
	col := utf8.RuneCount(d.src[d.at.start:off]) + 1
	if d.at.line == 0 {
		col += d.ctx.ColOffset
	} else {
		col += d.ctx.Indent
	}
	return Pos{Line: d.at.line + 1 + d.ctx.LineOffset, Col: col}
}

var newline = []byte{'\n'}

// cursor is a byte offset into src, its line (from 0) and the offset that
// line starts at.
type cursor struct{ off, line, start int }

// attrZero is the tabindex the walk gives every table, made into an
// interface value once rather than at every table.
var attrZero any = []byte("0")

// alignClass is the class of a table cell with an alignment: the table
// extension's default is a style attribute, which the CSP blocks.
var alignClass = [...]string{
	east.AlignLeft:   "align-left",
	east.AlignRight:  "align-right",
	east.AlignCenter: "align-center",
	east.AlignNone:   "",
}

// renderTableCell writes a td or th with its alignment as a class. It
// stands in for the table extension's renderer, which would write a
// style attribute, so that no cell needs an attribute set on it.
func (r *nodeRenderer) renderTableCell(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag, filter := "td", extension.TableTdCellAttributeFilter
	if n.Parent().Kind() == east.KindTableHeader {
		tag, filter = "th", extension.TableThCellAttributeFilter
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	if int(n.Alignment) < len(alignClass) && alignClass[n.Alignment] != "" {
		_, _ = w.WriteString(` class="`)
		_, _ = w.WriteString(alignClass[n.Alignment])
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		ghtml.RenderAttributes(w, n, filter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
