package shortcode

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"mutual/internal/diag"
)

// Def is what the parser knows of a defined shortcode.
type Def struct {
	// Inner reports that the template reads the content between the tags
	// (.Inner, .InnerDeindent, .Body or .InlineBody; see UsesInner). Such a
	// shortcode must be closed ({{< x >}}...{{< /x >}}) or self-closed
	// ({{< x />}}); one whose template does not must not have a closing tag.
	Inner bool
}

// Options describe the page being parsed.
type Options struct {
	// Path is the site-relative file path used in errors.
	Path string
	// LineOffset is the number of lines before src in the file (front
	// matter), so that positions are file lines.
	LineOffset int
	// Defs are the shortcodes the theme chain defines, by name ("hint",
	// "media/audio"). nil means every name is known and pairing is decided
	// by closing tags alone.
	Defs map[string]Def
	// Theme is the name of the site's theme, for the "define it in" hint of
	// an unknown shortcode.
	Theme string
}

// NodeKind tells what a Node is.
type NodeKind int

const (
	TextNode    NodeKind = iota // Markdown text, passed on as written
	EscapedNode                 // {{</* x */>}}, written out as {{< x >}}
	CallNode                    // a shortcode call
)

// Node is a piece of a page: text, an escaped shortcode or a call. The
// nodes of a list cover the source between their Start and End without
// gap or overlap.
type Node struct {
	Kind       NodeKind
	Start, End int    // byte offsets in the source
	Text       string // TextNode: the text; EscapedNode: what it writes out
	Call       *Shortcode
}

// Arg is one argument of a call.
type Arg struct {
	Name  string // "" for a positional argument
	Value any    // string, or bool, int or float64 for an unquoted value that reads as one
	Pos   int    // byte offset of the argument in the source
}

// Shortcode is one call in a page.
type Shortcode struct {
	Name string
	// Markdown is true for {{% %}}, false for {{< >}}.
	Markdown bool
	Args     []Arg
	// Named reports named arguments (name="value"); a call has one kind.
	Named bool
	// Paired reports a closing tag ({{< /name >}}); SelfClosing one that
	// ends in "/>}}". A call with neither has no inner content.
	Paired, SelfClosing bool
	// Inner is the content between the opening and the closing tag.
	Inner []*Node
	// Byte offsets of the opening tag, the inner content and the closing
	// tag; the Close ones are -1 without a closing tag.
	OpenStart, OpenEnd, CloseStart, CloseEnd int
	// Parent is the call whose inner content holds this one, or nil.
	Parent *Shortcode
	// Ordinal is the zero-based position among the calls of its parent (or
	// of the page, at the top level).
	Ordinal int
	// Indent is the run of spaces and tabs that precedes the opening tag
	// when nothing else does on its line; "" otherwise.
	Indent string
	// Line layout, for placing block output (see Expand): the opening tag
	// is the only thing on its line from Indent on (alone), and the closing
	// tag the only thing on its own.
	openAlone, closeAlone bool
	known                 bool // defined, or Options.Defs is nil
	broken                bool // its tag has an error: Expand leaves it out
}

// End is the offset just past the call in the source.
func (s *Shortcode) End() int {
	if s.CloseEnd >= 0 {
		return s.CloseEnd
	}
	return s.OpenEnd
}

// Params are the arguments as Hugo's .Params: a []any of the positional
// values, or a map[string]any of the named ones. It is never nil.
func (s *Shortcode) Params() any {
	if s.Named {
		m := make(map[string]any, len(s.Args))
		for _, a := range s.Args {
			m[a.Name] = a.Value
		}
		return m
	}
	l := make([]any, len(s.Args))
	for i, a := range s.Args {
		l[i] = a.Value
	}
	return l
}

// Document is a parsed page.
type Document struct {
	Nodes []*Node

	src         []byte
	opts        Options
	lines       []int                // offsets of line starts, built on first use
	checkpoints map[int][]checkpoint // character counts along long lines
}

// Calls returns every call of the page, depth first in source order.
func (d *Document) Calls() []*Shortcode {
	var out []*Shortcode
	var walk func([]*Node)
	walk = func(nodes []*Node) {
		for _, n := range nodes {
			if n.Kind == CallNode {
				out = append(out, n.Call)
				walk(n.Call.Inner)
			}
		}
	}
	walk(d.Nodes)
	return out
}

// Pos returns the file position of a byte offset of the source: lines
// count Options.LineOffset lines before it, columns count characters
// from 1.
func (d *Document) Pos(off int) (line, col int) {
	off = max(0, min(off, len(d.src)))
	if d.lines == nil {
		d.lines = append(make([]int, 0, 64), 0)
		for i := 0; ; {
			j := bytes.IndexByte(d.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			d.lines = append(d.lines, i)
		}
	}
	l := sort.SearchInts(d.lines, off+1) - 1
	return l + 1 + d.opts.LineOffset, d.column(l, off)
}

// checkpointEvery is the spacing of the character counts kept for a long
// line, so that many positions on one long line (a page of thousands of
// calls on one line, each with an error) cost no more than a short one.
const checkpointEvery = 512

// column counts the characters of line l before off, from 1.
func (d *Document) column(l, off int) int {
	ls := d.lines[l]
	if off-ls <= checkpointEvery {
		return utf8.RuneCount(d.src[ls:off]) + 1
	}
	if d.checkpoints == nil {
		d.checkpoints = make(map[int][]checkpoint)
	}
	cps, ok := d.checkpoints[l]
	if !ok {
		end := len(d.src)
		if l+1 < len(d.lines) {
			end = d.lines[l+1]
		}
		at, count := ls, 0
		for next := ls + checkpointEvery; next < end; next += checkpointEvery {
			// A checkpoint sits on a byte that no character straddles: one
			// that is not a UTF-8 continuation byte.
			cp := next
			for cp > at && d.src[cp]&0xC0 == 0x80 {
				cp--
			}
			if cp == at {
				continue
			}
			count += utf8.RuneCount(d.src[at:cp])
			at = cp
			cps = append(cps, checkpoint{off: cp, chars: count})
		}
		d.checkpoints[l] = cps
	}
	i := sort.Search(len(cps), func(i int) bool { return cps[i].off > off }) - 1
	if i < 0 {
		return utf8.RuneCount(d.src[ls:off]) + 1
	}
	return cps[i].chars + utf8.RuneCount(d.src[cps[i].off:off]) + 1
}

type checkpoint struct{ off, chars int }

// errorAt records an error at a byte offset.
func (p *parser) errorAt(off int, format string, args ...any) {
	line, col := p.doc.Pos(off)
	p.errs.Add(p.doc.opts.Path, line, col, format, args...)
}

// item is one piece of the flat token stream: text, an escaped form, or a
// tag.
type item struct {
	kind       itemKind
	start, end int
	text       string // itemEscaped: what it writes out
	tag        *Shortcode
}

type itemKind int

const (
	itemText itemKind = iota
	itemEscaped
	itemOpen
	itemClose
)

type parser struct {
	src    []byte
	doc    *Document
	errs   diag.List
	firsts map[int][2]int // lineInfo's cache, by line index
}

// Parse splits a page's Markdown into text and shortcode calls. It returns
// a Document even when there are errors; a call it could not read is kept
// as text. See the package documentation for the syntax and the pairing
// rule.
func Parse(src []byte, opts Options) (*Document, diag.List) {
	p := &parser{src: src, doc: &Document{src: src, opts: opts}}
	items := p.lex()
	p.doc.Nodes = p.build(items)
	numberCalls(p.doc.Nodes, nil)
	return p.doc, p.errs
}

// lex cuts src into text, escaped forms and tags.
func (p *parser) lex() []item {
	var items []item
	src := p.src
	text := 0 // start of the pending text
	flush := func(end int) {
		if end > text {
			items = append(items, item{kind: itemText, start: text, end: end})
		}
	}
	for i := 0; i < len(src); {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			break
		}
		i += j
		if i+2 >= len(src) || (src[i+2] != '<' && src[i+2] != '%') {
			i += 2
			continue
		}
		delim := src[i+2]
		if bytes.HasPrefix(src[i+3:], []byte("/*")) {
			end, ok := p.escaped(i, delim)
			if !ok {
				// Reported; the rest of the page stays text.
				break
			}
			flush(i)
			inner := string(src[i+5 : end-5])
			items = append(items, item{kind: itemEscaped, start: i, end: end,
				text: "{{" + string(delim) + inner + rightDelim(delim) + "}}"})
			i, text = end, end
			continue
		}
		tag, kind, end, ok := p.tag(i, delim)
		if !ok {
			// Reported; skip to the end of the tag and keep it as text.
			i = end
			continue
		}
		flush(i)
		items = append(items, item{kind: kind, start: i, end: end, tag: tag})
		i, text = end, end
	}
	flush(len(src))
	return items
}

// escaped reads {{</* ... */>}} at i and returns the offset after it.
func (p *parser) escaped(i int, delim byte) (int, bool) {
	closer := []byte("*/" + rightDelim(delim) + "}}")
	k := bytes.Index(p.src[i+5:], closer)
	if k < 0 {
		p.errorAt(i, "escaped shortcode is not closed: add %q at its end", string(closer))
		return len(p.src), false
	}
	return i + 5 + k + len(closer), true
}

// rightDelim is the character before "}}" that closes a tag opened with
// "{{" and delim.
func rightDelim(delim byte) string {
	if delim == '<' {
		return ">"
	}
	return "%"
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nameRune reports letters, digits and '_' (the first rune of a name or a
// key); names and keys also take '-' after it, and names '/'.
func nameRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// tag reads the shortcode tag that starts at i. On error it reports, and
// returns ok false and the offset to resume lexing at.
func (p *parser) tag(i int, delim byte) (*Shortcode, itemKind, int, bool) {
	src := p.src
	open := "{{" + string(delim)
	closer := rightDelim(delim) + "}}"
	otherCloser := ">}}"
	if delim == '<' {
		otherCloser = "%}}"
	}
	// skipTag finds where to resume after a bad tag: past its closer, or
	// past the opening delimiter when there is none.
	skipTag := func(from int) int {
		from = min(from, len(src))
		limit := len(src)
		if n := bytes.Index(src[from:], []byte("{{")); n >= 0 {
			limit = from + n
		}
		if k := bytes.Index(src[from:limit], []byte(closer)); k >= 0 {
			return from + k + 3
		}
		return i + 3
	}
	sc := &Shortcode{Markdown: delim == '%', OpenStart: i, CloseStart: -1, CloseEnd: -1}
	j := i + 3
	skipSpace := func() {
		for j < len(src) && isSpaceByte(src[j]) {
			j++
		}
	}
	atCloser := func() bool { return bytes.HasPrefix(src[j:], []byte(closer)) }
	var closing bool
	unclosed := func() (*Shortcode, itemKind, int, bool) {
		p.errorAt(i, "shortcode tag is not closed: add %q after %q", closer, strings.TrimSpace(string(src[i:min(j, i+40)])))
		if sc.Name != "" {
			return p.broken(sc, closing, i+3)
		}
		return nil, 0, i + 3, false
	}
	skipSpace()
	if j < len(src) && src[j] == '/' {
		closing = true
		j++
		skipSpace()
	}
	if j >= len(src) {
		return unclosed()
	}
	if atCloser() {
		p.errorAt(i, "shortcode has no name: write %s name %s", open, closer)
		return nil, 0, j + 3, false
	}
	nameStart := j
	r, size := utf8.DecodeRune(src[j:])
	if !nameRune(r) {
		p.errorAt(j, "a shortcode name starts with a letter or digit, not %q", string(r))
		return nil, 0, skipTag(j), false
	}
	j += size
	for j < len(src) {
		r, size := utf8.DecodeRune(src[j:])
		if !nameRune(r) && r != '-' && r != '/' && r != '.' {
			break
		}
		j += size
	}
	name := string(src[nameStart:j])
	if !closing && strings.HasSuffix(name, "/") && atCloser() {
		// {{< x/>}}: self-closing without a space.
		name = strings.TrimSuffix(name, "/")
		sc.SelfClosing = true
	}
	sc.Name = name
	if strings.HasSuffix(name, ".inline") {
		if !closing {
			p.errorAt(nameStart, "inline shortcodes ({{< %s >}}) are not supported: put the template in layouts/shortcodes/%s.html", name, strings.TrimSuffix(name, ".inline"))
		}
		return p.broken(sc, closing, skipTag(j))
	}
	if strings.ContainsRune(name, '.') || strings.HasSuffix(name, "/") || strings.Contains(name, "//") {
		if !closing {
			p.errorAt(nameStart, "%q is not a shortcode name: use letters, digits, '-', '_' and '/' between folder names", name)
		}
		return p.broken(sc, closing, skipTag(j))
	}
	if closing {
		skipSpace()
		if j >= len(src) {
			return unclosed()
		}
		if !atCloser() {
			p.errorAt(j, "closing tag %s /%s %s takes no arguments", open, name, rightDelim(delim)+"}}")
			return p.broken(sc, closing, skipTag(j))
		}
		sc.OpenEnd = j + 3
		return sc, itemClose, j + 3, true
	}
	// Arguments.
	for !sc.SelfClosing {
		skipSpace()
		if j >= len(src) {
			return unclosed()
		}
		if atCloser() {
			break
		}
		if src[j] == '/' {
			k := j + 1
			for k < len(src) && isSpaceByte(src[k]) {
				k++
			}
			if bytes.HasPrefix(src[k:], []byte(closer)) {
				sc.SelfClosing = true
				j = k
				break
			}
		}
		if bytes.HasPrefix(src[j:], []byte(otherCloser)) {
			p.errorAt(j, "shortcode %q opens with %q but closes with %q: end it with %q", name, open, otherCloser, closer)
			return p.broken(sc, closing, j+3)
		}
		if bytes.HasPrefix(src[j:], []byte("}}")) {
			p.errorAt(j, "shortcode %q ends with \"}}\": end it with %q", name, closer)
			return p.broken(sc, closing, j+2)
		}
		if bytes.HasPrefix(src[j:], []byte("{{")) {
			return unclosed()
		}
		argStart := j
		var arg Arg
		switch src[j] {
		case '"', '`':
			v, end, ok := p.quoted(j, name)
			if !ok {
				return p.broken(sc, closing, skipTag(end))
			}
			arg, j = Arg{Value: v, Pos: argStart}, end
		default:
			word, end := p.word(j, closer)
			if word == "" {
				p.errorAt(j, "shortcode %q: unexpected %q; put text values in quotes: \"like this\"", name, string(firstRune(src[j:])))
				return p.broken(sc, closing, skipTag(j))
			}
			k := end
			for k < len(src) && isSpaceByte(src[k]) {
				k++
			}
			if k < len(src) && src[k] == '=' {
				if !validKey(word) {
					p.errorAt(j, "shortcode %q: %q is not an argument name: use letters, digits, '-' and '_'", name, word)
					return p.broken(sc, closing, skipTag(k))
				}
				k++
				for k < len(src) && isSpaceByte(src[k]) {
					k++
				}
				var v any
				switch {
				case k >= len(src):
					j = k
					return unclosed()
				case src[k] == '"' || src[k] == '`':
					s, end, ok := p.quoted(k, name)
					if !ok {
						return p.broken(sc, closing, skipTag(end))
					}
					v, k = s, end
				default:
					val, end := p.bareValue(k, closer)
					if val == "" {
						p.errorAt(k, "shortcode %q: argument %s= has no value: write %s=\"value\"", name, word, word)
						return p.broken(sc, closing, skipTag(k))
					}
					v, k = typed(val), end
				}
				arg, j = Arg{Name: word, Value: v, Pos: argStart}, k
			} else {
				if !validPositional(word) {
					p.errorAt(j, "shortcode %q: put the value %s in quotes: \"%s\"", name, word, word)
					return p.broken(sc, closing, skipTag(end))
				}
				arg, j = Arg{Value: typed(word), Pos: argStart}, end
			}
		}
		named := arg.Name != ""
		if len(sc.Args) > 0 && named != sc.Named {
			first := sc.Args[0]
			if named {
				p.errorAt(argStart, "shortcode %q mixes named and positional arguments (%s= after %s): use only one kind, as Hugo requires", name, arg.Name, describeArg(first))
			} else {
				p.errorAt(argStart, "shortcode %q mixes positional and named arguments (%s after %s=): use only one kind, as Hugo requires", name, describeArg(arg), first.Name)
			}
			return p.broken(sc, closing, skipTag(j))
		}
		sc.Named = named
		sc.Args = append(sc.Args, arg)
	}
	if sc.Named {
		seen := map[string]bool{}
		for _, a := range sc.Args {
			if seen[a.Name] {
				p.errorAt(a.Pos, "shortcode %q has the argument %s= twice", name, a.Name)
				return p.broken(sc, closing, skipTag(j))
			}
			seen[a.Name] = true
		}
	}
	sc.OpenEnd = j + 3
	return sc, itemOpen, j + 3, true
}

// broken keeps a tag whose name was read but not the rest (an error is
// reported): it still opens or closes, so that one mistake does not make
// its partner an error too, but Expand leaves it out.
func (p *parser) broken(sc *Shortcode, closing bool, resume int) (*Shortcode, itemKind, int, bool) {
	sc.broken = true
	sc.OpenEnd = resume
	if closing {
		return sc, itemClose, resume, true
	}
	return sc, itemOpen, resume, true
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

func describeArg(a Arg) string {
	if a.Name != "" {
		return a.Name + "="
	}
	if s, ok := a.Value.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(a.Value)
}

// word reads a run of characters that may form an unquoted value or a
// key: anything up to a space, '=', a quote or the closing delimiter.
func (p *parser) word(j int, closer string) (string, int) {
	start := j
	for j < len(p.src) {
		c := p.src[j]
		if isSpaceByte(c) || c == '=' || c == '"' || c == '`' || bytes.HasPrefix(p.src[j:], []byte(closer)) {
			break
		}
		if c == '/' && selfCloseAt(p.src, j, closer) {
			break
		}
		j++
	}
	return string(p.src[start:j]), j
}

// bareValue reads an unquoted named value: anything up to a space or the
// closing delimiter (Hugo takes everything up to a space).
func (p *parser) bareValue(j int, closer string) (string, int) {
	start := j
	for j < len(p.src) && !isSpaceByte(p.src[j]) && !bytes.HasPrefix(p.src[j:], []byte(closer)) {
		if p.src[j] == '/' && selfCloseAt(p.src, j, closer) {
			break
		}
		j++
	}
	return string(p.src[start:j]), j
}

// selfCloseAt reports "/" followed by optional spaces and the closer.
func selfCloseAt(src []byte, j int, closer string) bool {
	k := j + 1
	for k < len(src) && isSpaceByte(src[k]) {
		k++
	}
	return bytes.HasPrefix(src[k:], []byte(closer))
}

func validKey(s string) bool {
	for i, r := range s {
		if !nameRune(r) && (i == 0 || r != '-') {
			return false
		}
	}
	return s != ""
}

// validPositional: Hugo takes letters, digits, '-', '_' and '.' unquoted.
func validPositional(s string) bool {
	for _, r := range s {
		if !nameRune(r) && r != '-' && r != '.' {
			return false
		}
	}
	return s != ""
}

// typed gives an unquoted value Hugo's type: true and false are bools,
// integers ints, decimals float64s; anything else stays a string.
func typed(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" {
		return s
	}
	if strings.Trim(digits, "0123456789") == "" {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		return s
	}
	intPart, frac, ok := strings.Cut(digits, ".")
	if ok && frac != "" && strings.Trim(intPart, "0123456789") == "" && strings.Trim(frac, "0123456789") == "" {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return s
}

// quoted reads a "quoted" or `raw` value at j. In a quoted value \" is a
// quote and every other backslash stays (as in Hugo); it cannot span lines.
// A raw value takes everything up to the next backquote, lines included.
func (p *parser) quoted(j int, name string) (string, int, bool) {
	src := p.src
	q := src[j]
	if q == '`' {
		k := bytes.IndexByte(src[j+1:], '`')
		if k < 0 {
			p.errorAt(j, "shortcode %q: the value that starts with ` has no closing `", name)
			return "", len(src), false
		}
		return string(src[j+1 : j+1+k]), j + 2 + k, true
	}
	var b strings.Builder
	for k := j + 1; k < len(src); k++ {
		switch c := src[k]; {
		case c == '\\' && k+1 < len(src) && src[k+1] == '"':
			b.WriteByte('"')
			k++
		case c == '"':
			return b.String(), k + 1, true
		case c == '\n':
			p.errorAt(j, "shortcode %q: the quoted value has no closing \" on its line", name)
			return "", k, false
		default:
			b.WriteByte(c)
		}
	}
	p.errorAt(j, "shortcode %q: the quoted value has no closing \"", name)
	return "", len(src), false
}

// frame is an open call while building the tree.
type frame struct {
	call  *Shortcode
	nodes []*Node
}

// build pairs opening and closing tags into the tree. The rule: a closing
// tag closes the nearest open call of its name; calls opened after that
// one and still open have no closing tag and end at their opening tag,
// their would-be content following them as siblings. A call whose
// template reads its inner content must be closed (or self-closed); one
// whose template does not must not be. A closing tag with no open call of
// its name is an error.
//
// It runs in time linear in the number of tags, whatever their order: a
// frame's nodes move once, when the frame closes or gives way.
func (p *parser) build(items []item) []*Node {
	stack := []*frame{{}}
	open := map[string]int{}        // open frames by name
	var needClose []int             // indexes of open frames whose call must be closed
	unknownOpen := map[string]int{} // unknown calls reported, by name
	add := func(n *Node) {
		f := stack[len(stack)-1]
		f.nodes = append(f.nodes, n)
	}
	text := func(it item) {
		add(&Node{Kind: TextNode, Start: it.start, End: it.end})
	}
	// giveWay ends the open calls above stack[k] at their opening tags:
	// each call's node and then its collected nodes go to stack[k], in
	// source order.
	giveWay := func(k int, before string) {
		dst := stack[k]
		for _, f := range stack[k+1:] {
			sc := f.call
			if def, ok := p.def(sc.Name); ok && def.Inner && !sc.broken {
				p.errorAt(sc.OpenStart, "shortcode %q is not closed: add %s after its content%s", sc.Name, closeTag(sc), before)
			}
			open[sc.Name]--
			dst.nodes = append(dst.nodes, &Node{Kind: CallNode, Start: sc.OpenStart, End: sc.OpenEnd, Call: sc})
			dst.nodes = append(dst.nodes, f.nodes...)
		}
		stack = stack[:k+1]
		for len(needClose) > 0 && needClose[len(needClose)-1] > k {
			needClose = needClose[:len(needClose)-1]
		}
	}
	for _, it := range items {
		switch it.kind {
		case itemText:
			text(it)
		case itemEscaped:
			add(&Node{Kind: EscapedNode, Start: it.start, End: it.end, Text: it.text})
		case itemOpen:
			sc := it.tag
			p.layout(sc)
			if !sc.broken && !p.checkKnown(sc) {
				if !sc.SelfClosing {
					unknownOpen[sc.Name]++
				}
				text(it)
				continue
			}
			if sc.SelfClosing {
				add(&Node{Kind: CallNode, Start: sc.OpenStart, End: sc.OpenEnd, Call: sc})
				continue
			}
			if def, ok := p.def(sc.Name); !ok || def.Inner {
				needClose = append(needClose, len(stack))
			}
			stack = append(stack, &frame{call: sc})
			open[sc.Name]++
		case itemClose:
			name := it.tag.Name
			if open[name] == 0 {
				if unknownOpen[name] > 0 {
					// The closing tag of an unknown call, reported already.
					unknownOpen[name]--
				} else if len(needClose) > 0 {
					o := stack[needClose[len(needClose)-1]].call
					line, _ := p.doc.Pos(o.OpenStart)
					p.errorAt(it.start, "%s does not match the open shortcode %q (line %d): close that one first with %s", closeTag(it.tag), o.Name, line, closeTag(o))
				} else if p.known(name) {
					p.errorAt(it.start, "%s closes a shortcode that was never opened: remove it, or add %s before the content", closeTag(it.tag), openTag(it.tag))
				} else {
					p.reportUnknown(it.start+3, name)
				}
				text(it)
				continue
			}
			k := len(stack) - 1
			for stack[k].call.Name != name {
				k--
			}
			if k < len(stack)-1 {
				closeLine, _ := p.doc.Pos(it.start)
				giveWay(k, fmt.Sprintf(" (before the %s on line %d)", closeTag(it.tag), closeLine))
			}
			f := stack[k]
			stack = stack[:k]
			if len(needClose) > 0 && needClose[len(needClose)-1] == k {
				needClose = needClose[:len(needClose)-1]
			}
			sc := f.call
			open[name]--
			sc.Paired = true
			sc.CloseStart, sc.CloseEnd = it.start, it.end
			sc.Inner = p.mergeText(f.nodes)
			sc.closeAlone = p.aloneOnLine(it.start, it.end)
			if def, ok := p.def(sc.Name); ok && !def.Inner && !sc.broken && !it.tag.broken {
				p.errorAt(it.start, "shortcode %q takes no closing tag (its template does not use .Inner): remove %s", sc.Name, closeTag(it.tag))
			}
			add(&Node{Kind: CallNode, Start: sc.OpenStart, End: sc.CloseEnd, Call: sc})
		}
	}
	giveWay(0, "")
	return p.mergeText(stack[0].nodes)
}

// mergeText joins neighbouring text nodes and gives each its text.
func (p *parser) mergeText(nodes []*Node) []*Node {
	out := nodes[:0]
	for _, n := range nodes {
		if n.Kind == TextNode && len(out) > 0 {
			if last := out[len(out)-1]; last.Kind == TextNode && last.End == n.Start {
				last.End = n.End
				continue
			}
		}
		out = append(out, n)
	}
	for _, n := range out {
		if n.Kind == TextNode {
			n.Text = string(p.src[n.Start:n.End])
		}
	}
	return out
}

func closeTag(sc *Shortcode) string {
	if sc.Markdown {
		return "{{% /" + sc.Name + " %}}"
	}
	return "{{< /" + sc.Name + " >}}"
}

func openTag(sc *Shortcode) string {
	if sc.Markdown {
		return "{{% " + sc.Name + " %}}"
	}
	return "{{< " + sc.Name + " >}}"
}

func (p *parser) def(name string) (Def, bool) {
	if p.doc.opts.Defs == nil {
		return Def{}, false
	}
	d, ok := p.doc.opts.Defs[name]
	return d, ok
}

func (p *parser) known(name string) bool {
	if p.doc.opts.Defs == nil {
		return true
	}
	_, ok := p.doc.opts.Defs[name]
	return ok
}

// checkKnown reports an unknown shortcode; it returns whether sc is known.
func (p *parser) checkKnown(sc *Shortcode) bool {
	if p.known(sc.Name) {
		sc.known = true
		return true
	}
	p.reportUnknown(sc.OpenStart+3, sc.Name)
	return false
}

func (p *parser) reportUnknown(off int, name string) {
	// Point at the name, past the delimiter and spaces.
	for off < len(p.src) && (isSpaceByte(p.src[off]) || p.src[off] == '/') {
		off++
	}
	names := make([]string, 0, len(p.doc.opts.Defs))
	for n := range p.doc.opts.Defs {
		names = append(names, n)
	}
	sort.Strings(names)
	theme := p.doc.opts.Theme
	if theme == "" {
		theme = "<theme>"
	}
	where := "themes/" + theme + "/layouts/shortcodes/" + name + ".html"
	if theme == "default" {
		// The built-in theme is not a folder to write into: a folder
		// themes/default/ would replace it.
		where = "a theme of your own, themes/mysite/layouts/shortcodes/" + name + ".html (with themes/mysite/theme.yaml saying extends: default, and theme: mysite in site.yaml)"
	}
	if embeds[name] {
		p.errorAt(off, "unknown shortcode %q: it shows content from another site, which the pages' Content-Security-Policy blocks; write a link to it instead, or define it in %s", name, where)
		return
	}
	p.errorAt(off, "unknown shortcode %q%s; define it in %s", name, diag.Hint(name, names), where)
}

// layout records where a call stands on its line.
func (p *parser) layout(sc *Shortcode) {
	ls, first, _ := p.lineInfo(sc.OpenStart)
	if first >= sc.OpenStart {
		sc.Indent = string(p.src[ls:sc.OpenStart])
	}
	sc.openAlone = p.aloneOnLine(sc.OpenStart, sc.OpenEnd)
}

// aloneOnLine reports that only spaces surround src[start:end] on its
// lines.
func (p *parser) aloneOnLine(start, end int) bool {
	_, first, _ := p.lineInfo(start)
	_, _, last := p.lineInfo(max(start, end-1))
	return first >= start && last < end
}

// lineInfo returns, for the line holding off, where it starts, its first
// character that is not a space or tab, and its last one that is not a
// space, tab or line end (-1 for a blank line). Each line is scanned once.
func (p *parser) lineInfo(off int) (start, first, last int) {
	p.doc.Pos(0) // builds doc.lines
	l := sort.SearchInts(p.doc.lines, off+1) - 1
	if p.firsts == nil {
		p.firsts = make(map[int][2]int)
	}
	start = p.doc.lines[l]
	if fl, ok := p.firsts[l]; ok {
		return start, fl[0], fl[1]
	}
	end := len(p.src)
	if l+1 < len(p.doc.lines) {
		end = p.doc.lines[l+1]
	}
	first, last = end, -1
	for i := start; i < end; i++ {
		if c := p.src[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			if first == end {
				first = i
			}
			last = i
		}
	}
	p.firsts[l] = [2]int{first, last}
	return start, first, last
}

// numberCalls sets Parent and Ordinal.
func numberCalls(nodes []*Node, parent *Shortcode) {
	n := 0
	for _, node := range nodes {
		if node.Kind != CallNode {
			continue
		}
		node.Call.Parent = parent
		node.Call.Ordinal = n
		n++
		numberCalls(node.Call.Inner, node.Call)
	}
}

// embeds are Hugo's built-in shortcodes that show another site's content
// (a video, a post), which a page with mutual's policy cannot load.
var embeds = map[string]bool{"youtube": true, "vimeo": true, "vimeo_simple": true, "twitter": true,
	"twitter_simple": true, "x": true, "instagram": true, "gist": true, "tweet": true}
