package shortcode

import (
	"bytes"
	"errors"
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"mutual/internal/diag"
)

// Env is what Expand needs from the site.
type Env struct {
	// Execute runs the template of c.Name with c as its dot and returns
	// its output (Set.Execute does, with html/template). An error is the
	// template's or one of its functions'; Expand reports it at the call.
	Execute func(c *Call) (string, error)
	// Markdown renders a piece of the page's Markdown to HTML with the
	// page's renderer and link resolution: the content of a {{< >}} call
	// that asks for it (Body, RenderString) and of a {{% %}} call inside
	// another call. Errors it returns as a diag.List or *diag.Error carry
	// their own positions (use the Fragment's Line and Col as the offsets
	// of the piece) and are kept as they are; any other error is reported
	// at the call. nil means no call may ask for Markdown rendering.
	Markdown func(f Fragment) (string, error)
	// Page and Site become Call.Page and Call.Site.
	Page, Site any
}

// Fragment is a piece of Markdown that a call asks to have rendered.
type Fragment struct {
	Call *Call
	Src  string
	// Line and Col are the file position of Src's first character: render
	// with markdown.Context{LineOffset: Line-1, ColOffset: Col-1} to get
	// positions in the file.
	Line, Col int

	exp *Expansion
}

// Text is Expansion.Text for the fragment, whose Markdown may hold the
// placeholders of calls inside the call (a link to {{< relref >}}): the
// site resolves link destinations through it.
func (f Fragment) Text(s string) string {
	if f.exp == nil {
		return s
	}
	return f.exp.Text(s)
}

// Broken is Expansion.Broken for the fragment.
func (f Fragment) Broken(s string) bool { return f.exp != nil && f.exp.Broken(s) }

// Expansion is a page with its calls expanded: Markdown for the page's
// renderer, and what it takes to finish the HTML it renders.
type Expansion struct {
	// Markdown is the page's Markdown with every call replaced by its
	// output or by a placeholder (see the package documentation). It is
	// the source itself when the page has no call and no escaped form.
	Markdown []byte

	doc    *Document
	prefix string
	frags  []*frag
	// expanded is each fragment's HTML with the placeholders in it
	// replaced, made on first use; outputSize is their total size.
	expanded   [][]byte
	outputSize int
	tooLarge   bool
	segs       []segment // nil: Markdown is the source
	lines      []int     // line starts of Markdown, built on first use
}

// frag is the HTML a placeholder stands for.
type frag struct {
	html string
	name string
	pos  int  // source offset of the call
	top  bool // placed in the page's Markdown: it must reach the page's HTML
	used bool
	// failed marks a call whose template failed (its error is reported):
	// it writes nothing.
	failed bool
}

// segment maps Markdown[out:] back to the source: byte for byte when
// verbatim, else to the one offset src (the call that wrote it).
type segment struct {
	out, src int
	verbatim bool
}

// output is Markdown being written, with its segments.
type output struct {
	b    []byte
	segs []segment
}

func (o *output) verbatim(src int, s string) {
	if s == "" {
		return
	}
	o.segs = append(o.segs, segment{out: len(o.b), src: src, verbatim: true})
	o.b = append(o.b, s...)
}

func (o *output) generated(src int, s string) {
	if s == "" {
		return
	}
	o.segs = append(o.segs, segment{out: len(o.b), src: src})
	o.b = append(o.b, s...)
}

// appendOutput copies o2[from:to] with its segments.
func (o *output) appendOutput(o2 *output, from, to int) {
	if from >= to {
		return
	}
	base := len(o.b)
	i := sort.Search(len(o2.segs), func(i int) bool { return o2.segs[i].out > from }) - 1
	for ; i < len(o2.segs) && i >= 0; i++ {
		s := o2.segs[i]
		if s.out >= to {
			break
		}
		start := max(s.out, from)
		src := s.src
		if s.verbatim {
			src += start - s.out
		}
		o.segs = append(o.segs, segment{out: base + start - from, src: src, verbatim: s.verbatim})
	}
	o.b = append(o.b, o2.b[from:to]...)
}

type expander struct {
	doc    *Document
	env    Env
	exp    *Expansion
	errs   diag.List
	prefix string
}

func (x *expander) errorAt(off int, format string, args ...any) {
	line, col := x.doc.Pos(off)
	x.errs.Add(x.doc.opts.Path, line, col, format, args...)
}

// placeholderPrefix starts every placeholder: letters, which Markdown
// leaves alone in text, code, link destinations and attributes, and
// uppercase, so that the lowercased copy in a heading id is not taken for
// one. Expand lengthens it until the page does not contain it.
const placeholderPrefix = "MUTUALSC"

func (x *expander) token(id int) string { return x.prefix + strconv.Itoa(id) + "E" }

func (x *expander) fragment(htm string, sc *Shortcode, top bool) string {
	x.exp.frags = append(x.exp.frags, &frag{html: htm, name: sc.Name, pos: sc.OpenStart, top: top})
	return x.token(len(x.exp.frags) - 1)
}

// Expand runs every call of the page, children before their parents, and
// returns the page's Markdown with the output in place. The errors are
// those of the templates and of the Markdown rendering the calls asked
// for, at the call; Expand goes on past them, leaving a failed call out.
func (d *Document) Expand(env Env) (*Expansion, diag.List) {
	exp := &Expansion{doc: d}
	if !d.hasShortcodeSyntax() {
		exp.Markdown = d.src
		return exp, nil
	}
	prefix := placeholderPrefix
	for bytes.Contains(d.src, []byte(prefix)) {
		prefix += "X"
	}
	exp.prefix = prefix
	x := &expander{doc: d, env: env, exp: exp, prefix: prefix}
	var o output
	x.nodes(&o, d.Nodes, nil)
	exp.Markdown, exp.segs = o.b, o.segs
	if exp.Markdown == nil {
		exp.Markdown = []byte{}
	}
	return exp, x.errs
}

func (d *Document) hasShortcodeSyntax() bool {
	for _, n := range d.Nodes {
		if n.Kind != TextNode {
			return true
		}
	}
	return false
}

func (x *expander) nodes(o *output, nodes []*Node, parent *Call) {
	for _, n := range nodes {
		switch n.Kind {
		case TextNode:
			o.verbatim(n.Start, n.Text)
		case EscapedNode:
			// {{</* x */>}} writes {{< x >}}: three verbatim pieces.
			o.verbatim(n.Start, n.Text[:3])
			o.verbatim(n.Start+5, n.Text[3:len(n.Text)-3])
			o.verbatim(n.End-3, n.Text[len(n.Text)-3:])
		case CallNode:
			x.call(o, n.Call, parent)
		}
	}
}

func (x *expander) call(o *output, sc *Shortcode, parent *Call) {
	if sc.broken {
		return // its error is reported
	}
	c := &Call{
		Name: sc.Name, Page: x.env.Page, Site: x.env.Site, Parent: parent,
		Ordinal: sc.Ordinal, IsNamedParams: sc.Named, Params: sc.Params(),
		sc: sc, x: x,
	}
	var inner output
	if sc.Paired {
		x.nodes(&inner, sc.Inner, c)
		c.raw = string(inner.b)
		c.Inner = templateHTML(c.raw)
		if sc.Markdown && parent != nil {
			// Hugo renders the content of a nested {{% %}} call before the
			// template sees it.
			htm, err := x.render(c, c.raw, sc.OpenEnd)
			if err != nil {
				x.errorAt(sc.OpenStart, "shortcode %q: %v", sc.Name, err)
			}
			if !strings.Contains(c.raw, "\n") {
				htm = unwrapParagraph(htm)
			}
			c.Inner, c.rendered = templateHTML(htm), true
		}
		if sc.Markdown && parent == nil {
			c.markerStart = x.fragment("", sc, false)
			c.markerEnd = x.fragment("", sc, false)
		}
	}
	if x.env.Execute == nil {
		x.errorAt(sc.OpenStart, "shortcode %q: no templates to run it with", sc.Name)
		return
	}
	out, err := x.env.Execute(c)
	if err != nil {
		x.errorAt(sc.OpenStart, "shortcode %q: %v", sc.Name, err)
		x.exp.frags = append(x.exp.frags, &frag{name: sc.Name, pos: sc.OpenStart, failed: true})
		o.generated(sc.OpenStart, x.token(len(x.exp.frags)-1))
		return
	}
	if sc.Markdown && parent == nil {
		x.markdownOutput(o, c, out, &inner)
		return
	}
	o.generated(sc.OpenStart, x.fragment(out, sc, parent == nil))
}

// markdownOutput places the output of a {{% %}} call of the page. It is
// Markdown (Hugo renders it with the page), except that the HTML the
// template wrote around the content must not meet goldmark, which omits
// raw HTML: that HTML becomes placeholders, and the content stays Markdown.
func (x *expander) markdownOutput(o *output, c *Call, out string, inner *output) {
	sc := c.sc
	// The template wrote .Body: the markers say where the content is.
	if c.usedBody {
		i, j := strings.Index(out, c.markerStart), strings.Index(out, c.markerEnd)
		if i >= 0 && j > i && strings.Count(out, c.markerStart) == 1 && strings.Count(out, c.markerEnd) == 1 {
			mid := out[i+len(c.markerStart) : j]
			var m output
			if mid == c.raw {
				m.appendOutput(inner, 0, len(inner.b))
			} else {
				m.generated(sc.OpenStart, mid)
			}
			x.split(o, sc, out[:i], &m, out[j+len(c.markerEnd):])
			return
		}
		out = strings.ReplaceAll(strings.ReplaceAll(out, c.markerStart, ""), c.markerEnd, "")
	}
	// Markdown only: as Hugo does.
	if !hasTag(out) {
		if sc.Indent != "" && !sc.Paired {
			out = strings.ReplaceAll(out, "\n", "\n"+sc.Indent)
		}
		o.generated(sc.OpenStart, out)
		return
	}
	// The template wrote .Inner as it is (Hugo's templates do): split there.
	if sc.Paired && strings.TrimSpace(c.raw) != "" && !strings.Contains(out, "<pre") {
		if i := strings.Index(out, c.raw); i >= 0 {
			var m output
			m.appendOutput(inner, 0, len(inner.b))
			x.split(o, sc, out[:i], &m, out[i+len(c.raw):])
			return
		}
		trimmed := strings.TrimSpace(c.raw)
		if i := strings.Index(out, trimmed); i >= 0 {
			k := strings.Index(c.raw, trimmed)
			var m output
			m.appendOutput(inner, k, k+len(trimmed))
			x.split(o, sc, out[:i], &m, out[i+len(trimmed):])
			return
		}
	}
	// HTML that does not hold the content as written: a placeholder.
	o.generated(sc.OpenStart, x.fragment(out, sc, true))
}

// split writes the template's text before and after the content, and the
// content between. Text with HTML tags becomes a placeholder; HTML blocks
// around content whose tags stand alone on their lines are kept apart
// from it by blank lines, so that the content's own blocks (lists,
// paragraphs) close before the HTML does.
func (x *expander) split(o *output, sc *Shortcode, pre string, mid *output, post string) {
	block := sc.openAlone && sc.closeAlone
	if pre != "" {
		if !hasTag(pre) {
			o.generated(sc.OpenStart, pre)
		} else {
			tok := x.fragment(pre, sc, true)
			if block && isBlockHTML([]byte(pre)) {
				tok += "\n" + sc.Indent
			}
			o.generated(sc.OpenStart, tok)
		}
	}
	o.appendOutput(mid, 0, len(mid.b))
	if post != "" {
		if !hasTag(post) {
			o.generated(sc.OpenStart, post)
		} else {
			tok := x.fragment(post, sc, true)
			if block && isBlockHTML([]byte(post)) {
				tok = "\n" + sc.Indent + "\n" + sc.Indent + tok + "\n" + sc.Indent
			}
			o.generated(sc.OpenStart, tok)
		}
	}
}

// render asks the site to render Markdown that starts at source offset at.
func (x *expander) render(c *Call, src string, at int) (string, error) {
	if x.env.Markdown == nil {
		return "", errors.New("cannot render Markdown here: the site gave no Markdown renderer")
	}
	line, col := x.doc.Pos(at)
	htm, err := x.env.Markdown(Fragment{Call: c, Src: src, Line: line, Col: col, exp: x.exp})
	var list diag.List
	var one *diag.Error
	switch {
	case err == nil:
	case errors.As(err, &list):
		x.errs = append(x.errs, list...)
		err = nil
	case errors.As(err, &one):
		x.errs = append(x.errs, one)
		err = nil
	}
	return htm, err
}

// hasTag reports an HTML tag or comment in s (see tagAt).
func hasTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if tagAt(s[i:]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// tagAt reports an HTML tag or comment at the start of s: "<name" followed
// by a space, "/" or ">", "</name" or "<!--". An autolink
// (<https://...>) is not one.
func tagAt(s string) bool {
	if len(s) < 2 || s[0] != '<' {
		return false
	}
	rest := s[1:]
	if strings.HasPrefix(rest, "!--") {
		return true
	}
	rest = strings.TrimPrefix(rest, "/")
	n := 0
	for n < len(rest) && isTagNameByte(rest[n], n == 0) {
		n++
	}
	return n > 0 && (n == len(rest) || rest[n] == '>' || rest[n] == '/' || isSpaceByte(rest[n]))
}

func isTagNameByte(c byte, first bool) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && (c >= '0' && c <= '9' || c == '-')
}

// blockTags are the elements that may not sit inside a <p>: CommonMark's
// HTML block names and a few more.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "col": true, "colgroup": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "html": true, "iframe": true, "legend": true,
	"li": true, "main": true, "menu": true, "nav": true, "ol": true, "optgroup": true,
	"option": true, "p": true, "pre": true, "search": true, "section": true,
	"summary": true, "table": true, "tbody": true, "td": true, "tfoot": true, "th": true,
	"thead": true, "tr": true, "ul": true, "script": true, "style": true, "textarea": true,
	"video": true, "audio": true, "canvas": true, "noscript": true, "picture": false,
}

// isBlockHTML reports HTML that starts, after spaces, with the opening or
// closing tag of a block element.
func isBlockHTML(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	b = bytes.TrimPrefix(b[1:], []byte("/"))
	n := 0
	for n < len(b) && isTagNameByte(b[n], n == 0) {
		n++
	}
	return blockTags[strings.ToLower(string(b[:n]))]
}

// HTML finishes the page's HTML, rendered from Markdown: each placeholder
// becomes the HTML it stands for, and the placeholders in that HTML too.
// Where goldmark wrapped a placeholder for block HTML in a paragraph, the
// paragraph gives way: "<p>X</p>" becomes the HTML alone (as in Hugo), and
// a paragraph with more in it is closed before the HTML and opened again
// after it. A placeholder that the page's Markdown had but its HTML lacks
// is an error at its call (the Markdown around it changed it, as
// highlighted code can).
func (e *Expansion) HTML(page []byte) ([]byte, diag.List) {
	if len(e.frags) == 0 {
		return page, nil
	}
	errs := e.expandFragments()
	var b bytes.Buffer
	b.Grow(len(page))
	e.replace(&b, page, len(e.frags), true)
	for _, f := range e.frags {
		if f.top && !f.used {
			line, col := e.doc.Pos(f.pos)
			errs.Add(e.doc.opts.Path, line, col,
				"the output of shortcode %q is lost: the Markdown around the call drops or changes it (raw HTML, which mutual leaves out, or code that highlighting splits); move the call out of there", f.name)
		}
	}
	return b.Bytes(), errs
}

// maxOutput bounds the HTML of a page's calls: a template that writes its
// content twice, nested, doubles it at each level.
const maxOutput = 64 << 20

// expandFragments replaces the placeholders in each fragment's HTML, once.
// A call's HTML holds only the placeholders of calls made before it (its
// children), so going in order needs no recursion, and a placeholder of a
// later call (which no template can know) stays text.
func (e *Expansion) expandFragments() diag.List {
	var errs diag.List
	prefix := []byte(e.prefix)
	// Fragments made since the last call (Text runs during Expand, while
	// calls are still being made) are expanded now; earlier ones are done.
	for i := len(e.expanded); i < len(e.frags); i++ {
		f := e.frags[i]
		htm := []byte(f.html)
		if bytes.Contains(htm, prefix) {
			var b bytes.Buffer
			e.replace(&b, htm, i, false)
			htm = b.Bytes()
		}
		if e.outputSize+len(htm) > maxOutput {
			if !e.tooLarge {
				line, col := e.doc.Pos(f.pos)
				errs.Add(e.doc.opts.Path, line, col, "the output of shortcode %q grows past %d MB: does a template write its content more than once?", f.name, maxOutput>>20)
			}
			e.tooLarge, htm = true, nil
		}
		e.outputSize += len(htm)
		e.expanded = append(e.expanded, htm)
	}
	return errs
}

// replace writes s with its placeholders of calls before limit replaced by
// their expanded HTML, making way for block HTML in paragraphs. With mark,
// it records the calls it placed.
func (e *Expansion) replace(w *bytes.Buffer, s []byte, limit int, mark bool) {
	inP := false
	last := 0
	reopened := -1 // where the paragraph reopened after block HTML starts
	prefix := []byte(e.prefix)
	for {
		i := bytes.Index(s[last:], prefix)
		if i < 0 {
			break
		}
		i += last
		id, end, ok := e.parseToken(s, i)
		if !ok || id >= limit {
			inP = paragraphState(inP, s[last:i+len(prefix)])
			w.Write(s[last : i+len(prefix)])
			last = i + len(prefix)
			continue
		}
		before := s[last:i]
		inP = paragraphState(inP, before)
		w.Write(before)
		if mark {
			e.frags[id].used = true
		}
		htm := e.expanded[id]
		after := s[end:]
		openBefore := inP && bytes.HasSuffix(w.Bytes(), []byte("<p>"))
		closeAfter := inP && bytes.HasPrefix(after, []byte("</p>"))
		// dropClose skips the "</p>" after the placeholder, and the line
		// end after it when the HTML ends a line itself.
		dropClose := func() {
			end += 4
			if bytes.HasSuffix(htm, []byte("\n")) && end < len(s) && s[end] == '\n' {
				end++
			}
			inP = false
		}
		switch {
		case len(bytes.TrimSpace(htm)) == 0:
			if openBefore && closeAfter {
				w.Truncate(w.Len() - 3)
				dropClose()
			}
		case !inP || !isBlockHTML(htm):
			w.Write(htm)
		case openBefore && closeAfter:
			w.Truncate(w.Len() - 3)
			w.Write(htm)
			dropClose()
		case openBefore:
			w.Truncate(w.Len() - 3)
			w.Write(htm)
			w.WriteString("<p>")
			reopened = w.Len()
		case closeAfter:
			closeParagraph(w, reopened)
			w.Write(htm)
			dropClose()
		default:
			closeParagraph(w, reopened)
			w.Write(htm)
			w.WriteString("<p>")
			reopened = w.Len()
		}
		last = end
	}
	w.Write(s[last:])
}

// closeParagraph ends the open paragraph before block HTML, or drops it
// when it was reopened after other block HTML and holds only spaces.
func closeParagraph(w *bytes.Buffer, reopened int) {
	if reopened >= 3 && reopened <= w.Len() && len(bytes.TrimSpace(w.Bytes()[reopened:])) == 0 {
		w.Truncate(reopened - 3)
		return
	}
	w.WriteString("</p>")
}

// paragraphState tells whether a paragraph is open after chunk, given
// whether one was before it. goldmark's paragraphs do not nest and carry
// no attributes.
func paragraphState(inP bool, chunk []byte) bool {
	open := max(bytes.LastIndex(chunk, []byte("<p>")), bytes.LastIndex(chunk, []byte("<p ")))
	closed := bytes.LastIndex(chunk, []byte("</p>"))
	switch {
	case open > closed:
		return true
	case closed > open:
		return false
	}
	return inP
}

// parseToken reads the placeholder at s[i:], which starts with the prefix.
func (e *Expansion) parseToken(s []byte, i int) (id, end int, ok bool) {
	j := i + len(e.prefix)
	k := j
	for k < len(s) && s[k] >= '0' && s[k] <= '9' && k-j < 9 {
		k++
	}
	if k == j || k >= len(s) || s[k] != 'E' {
		return 0, 0, false
	}
	id, err := strconv.Atoi(string(s[j:k]))
	if err != nil || id >= len(e.frags) {
		return 0, 0, false
	}
	return id, k + 1, true
}

// Text replaces the placeholders in s with the plain text of their HTML:
// tags dropped, entities decoded. The site uses it where Markdown puts a
// call's output into something other than HTML: a link's destination
// ([a]({{< relref "b.md" >}})) before resolving it, and a heading's text
// in the table of contents.
func (e *Expansion) Text(s string) string {
	if e.prefix == "" || !strings.Contains(s, e.prefix) {
		return s
	}
	e.expandFragments()
	var b bytes.Buffer
	e.replace(&b, []byte(s), len(e.frags), true)
	return html.UnescapeString(stripTags(b.String()))
}

// Broken reports that s holds the placeholder of a call that failed: its
// error is reported, so the site need not check what holds it (a link
// whose destination the call was to write).
func (e *Expansion) Broken(s string) bool {
	if e.prefix == "" {
		return false
	}
	for i := strings.Index(s, e.prefix); i >= 0; {
		if id, end, ok := e.parseToken([]byte(s), i); ok {
			if e.frags[id].failed {
				return true
			}
			i = end
		} else {
			i += len(e.prefix)
		}
		j := strings.Index(s[i:], e.prefix)
		if j < 0 {
			break
		}
		i += j
	}
	return false
}

func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		if !tagAt(s[i:]) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
}

// Position maps a position in Markdown (line and column as the markdown
// package reports them for Markdown rendered with no offsets) to the
// position in the file. Text copied from the page maps character for
// character; text a call wrote maps to the call.
func (e *Expansion) Position(line, col int) (int, int) {
	off := e.offset(line, col)
	if e.segs != nil {
		i := sort.Search(len(e.segs), func(i int) bool { return e.segs[i].out > off }) - 1
		if i < 0 {
			off = 0
		} else if s := e.segs[i]; s.verbatim {
			off = s.src + off - s.out
		} else {
			off = s.src
		}
	}
	return e.doc.Pos(off)
}

// MapErrors moves every positioned error of list, as the markdown package
// reports them for Markdown, to its position in the file.
func (e *Expansion) MapErrors(list diag.List) {
	for _, err := range list {
		if err.Line > 0 {
			col := max(err.Col, 1)
			line, c := e.Position(err.Line, col)
			err.Line = line
			if err.Col > 0 {
				err.Col = c
			}
		}
	}
}

// offset is the byte offset in Markdown of a line and column.
func (e *Expansion) offset(line, col int) int {
	if e.lines == nil {
		e.lines = []int{0}
		for i, c := range e.Markdown {
			if c == '\n' {
				e.lines = append(e.lines, i+1)
			}
		}
	}
	l := max(0, min(line-1, len(e.lines)-1))
	off := e.lines[l]
	for n := 1; n < col && off < len(e.Markdown) && e.Markdown[off] != '\n'; n++ {
		_, size := utf8.DecodeRune(e.Markdown[off:])
		off += size
	}
	return off
}

// templateHTML is the content as template.HTML, which html/template
// writes without escaping: it is the page's own Markdown, which goldmark
// renders with the page's rules (raw HTML off), or HTML rendered from it.
func templateHTML(s string) template.HTML { return template.HTML(s) }
