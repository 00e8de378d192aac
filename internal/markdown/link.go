package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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
	if out == s {
		return dest
	}
	return []byte(out)
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

// Attribute values the walk sets, made into interface values once rather
// than at every table and cell.
var (
	attrZero   any = []byte("0")
	alignClass     = [...]any{
		east.AlignLeft:   []byte("align-left"),
		east.AlignRight:  []byte("align-right"),
		east.AlignCenter: []byte("align-center"),
		east.AlignNone:   nil,
	}
)

// tableCell writes a cell's alignment as a class: the table extension's
// default is a style attribute, which the CSP blocks.
func tableCell(n *east.TableCell) {
	if int(n.Alignment) < len(alignClass) && alignClass[n.Alignment] != nil {
		n.SetAttributeString("class", alignClass[n.Alignment])
	}
}
