// Package markdown owns turning a page's Markdown into HTML: it is the only
// package of mutual that imports goldmark and chroma.
//
// # Contract
//
// New builds one fully configured goldmark.Markdown (goldmark freezes its
// renderer options on the first render, so nothing is added later) and
// Render may then be called from any number of goroutines at once. The
// dialect is CommonMark plus GFM tables, strikethrough, autolinks (linkify)
// and task lists, footnotes, definition lists and the typographer (curly
// quotes, en and em dashes, ellipses, written as Unicode characters rather
// than entities).
//
// Every heading gets a stable id (see headingID: lowercase words joined by
// '-', apostrophes and other punctuation dropped, letters of any script kept,
// "section" when nothing is left, "-1", "-2"... appended to repeats) and ends
// with an anchor link that the theme styles:
//
//	<h2 id="asking-for-help">Asking for help<a class="anchor" href="#asking-for-help" aria-hidden="true" tabindex="-1">#</a></h2>
//
// Render returns every heading (level, id, plain text, file line) so the site
// can build a table of contents.
//
// Render refuses a text beyond the limits in limits.go (at most MaxSize
// bytes, a bounded number of lines and markup characters, quotes and lists
// nested at most 32 deep on a line, and a bounded amount of the parsing
// work that grows with the square of a paragraph's markup) with one
// positioned error, and writes nothing: so no page can make a build take
// more than seconds or hundreds of megabytes.
//
// Context.Resolve sees the destination of every inline link, reference link
// and image, and Render writes back what it returns. A Resolve error becomes
// a diag error at the position of the link's opening "[" (or the "!" of an
// image): lines count from the top of the file (Context.LineOffset lines of
// front matter come before src), columns count characters from 1,
// Context.ColOffset shifts the columns of src's first line and
// Context.Indent those of the others. Autolinks
// (<https://...>, bare www. and e-mail addresses) are absolute by
// construction and are not passed to Resolve.
//
// Fenced and indented code is highlighted by chroma with CSS classes, never
// inline styles, as <pre tabindex="0" class="chroma"><code>...</code></pre>;
// code without a language, or in a language chroma does not know, is escaped
// into the same wrapper without highlighting. Highlighting can never hang
// (see highlight.go): a block chroma's lexer gets stuck on is written plain,
// with a warning in Result.Warnings at its language name, and so is a block
// still lexing when its time runs out (20 ms and 0.1 ms a byte, about 40
// times what real code takes, and 2 s of spare time a page; see
// highlightShare in code.go), and the blocks of a page past the first
// 1,000 or 256 KB of code. CSS writes the stylesheet for
// those classes: a light style by default and a dark one inside
// @media (prefers-color-scheme: dark). Table cell alignment becomes a class
// (align-left, align-center, align-right), never a style attribute.
//
// # HTML the theme styles
//
//	a.anchor                      heading anchor, last child of h1..h6
//	a[data-url]                   a link to a path of the site, with its full
//	                              address (Context.Origin), for print
//	pre.chroma > code             every code block; tokens are span.<chroma class>,
//	                              lines span.line > span.cl when highlighted
//	table[tabindex="0"]           every table: focusable, so that a table the theme
//	                              lets scroll sideways can be scrolled by keyboard
//	td.align-left|center|right    table cells (and th) with an alignment
//	sup > a.footnote-ref          footnote reference (role="doc-noteref")
//	div.footnotes > hr + ol > li  the notes (role="doc-endnotes"), each ending in
//	                              a.footnote-backref (role="doc-backlink")
//	li > input[type=checkbox]     task list item (checked="" disabled="")
//	dl > dt + dd                  definition list
//	del                           strikethrough
//
// # Trust model
//
// Content comes from counselors, who are trusted to write pages but not to
// write HTML: raw HTML in Markdown is omitted (replaced by an HTML comment,
// with a warning at each element saying how to write it in Markdown) and
// dangerous link schemes such as javascript: are dropped, unless
// Options.Unsafe is set by the site's config. The Content-Security-Policy the
// theme sets (no inline scripts or styles) is the backstop either way, which
// is why nothing this package writes carries a style attribute.
package markdown

import (
	"bytes"
	"io"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"mutual/internal/diag"
)

// Options configure a Markdown.
type Options struct {
	// Unsafe lets raw HTML and dangerous link schemes through. Off by default.
	Unsafe bool
}

// Markdown renders Markdown pages. It is safe for concurrent use.
type Markdown struct {
	md     goldmark.Markdown
	fmt    *html.Formatter
	unsafe bool // raw HTML passes: no warning that it is left out
}

// Pos is a position in a file, 1-based.
type Pos struct{ Line, Col int }

// Context describes where src comes from and how to resolve its links.
type Context struct {
	// Path is the site-relative file path used in errors, e.g.
	// "content/guides/a.md".
	Path string
	// LineOffset is the number of lines of the file before src starts
	// (front matter), so that positions are file lines.
	LineOffset int
	// ColOffset is added to the columns of src's first line only (for
	// snippets embedded in YAML); usually 0.
	ColOffset int
	// Indent is added to the columns of every line but the first (for
	// YAML block scalars, whose lines are indented in the file); usually 0.
	Indent int
	// Resolve is called for every link and image destination. It returns
	// the destination to write, or an error whose text (plain, no position)
	// Render reports at the link's position. nil keeps every destination.
	Resolve func(dest string, pos Pos) (string, error)
	// Image, when set, checks each image's destination once Resolve has
	// accepted it (the destination as written): an error is reported at
	// the image, as Resolve's are. The site refuses images from other
	// origins there, which its Content-Security-Policy would block.
	Image func(dest string) error
	// Origin is the scheme and host of the site's address
	// ("https://example.org"), or empty. When set, a link (not an image)
	// whose destination, as Resolve returned it, is a path of the site
	// ("/guides/listening/#how-to-ask") also carries its full address in
	// data-url ("https://example.org/guides/listening/#how-to-ask"), which
	// the theme's print stylesheet shows after it: paper cannot follow a
	// link, and a path alone names no site. Links within the page ("#x"),
	// relative ones and those with a scheme get none.
	Origin string
}

// Heading is one h1..h6 of a rendered document.
type Heading struct {
	Level int
	ID    string // unique within the document
	Text  string // plain text, typographer applied, no markup
	Line  int    // file line of the heading
}

// Result is what Render learned about a document.
type Result struct {
	Headings []Heading // every h1..h6 with its stable id, in order
	Errors   diag.List // link resolution errors, positioned
	// Warnings are problems that do not stop the page from rendering, such
	// as a code block shown plain because its highlighter failed.
	Warnings diag.List
}

// Priorities of this package's goldmark parts. goldmark sorts ascending and
// the lowest number wins a node kind, so the code and heading renderers here
// sit before goldmark's own HTML renderer (1000).
const priorityRenderer = 100

// New builds a Markdown.
func New(opts Options) *Markdown {
	m := &Markdown{fmt: newFormatter(), unsafe: opts.Unsafe}
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{m: m}, priorityRenderer)),
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, ghtml.WithUnsafe())
	}
	m.md = goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			taskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewTypographer(extension.WithTypographicSubstitutions(typographic)),
			Alerts,
		),
		// Heading attributes: ## Title {#my-id .class} (see heading.go).
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return m
}

// typographic writes the typographer's punctuation as characters: they read
// the same in HTML and stay plain in heading texts and summaries.
var typographic = map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote:  "‘",
	extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote:  "“",
	extension.RightDoubleQuote: "”",
	extension.EnDash:           "–",
	extension.EmDash:           "—",
	extension.Ellipsis:         "…",
	extension.LeftAngleQuote:   "«",
	extension.RightAngleQuote:  "»",
	extension.Apostrophe:       "’",
}

// Render writes the HTML of src to w. The error is only ever w's; problems
// in the content are in Result.Errors.
func (m *Markdown) Render(w io.Writer, src []byte, ctx Context) (Result, error) {
	var res Result
	d := document{src: src, ctx: &ctx, res: &res, fmt: m.fmt, unsafe: m.unsafe}
	if err := d.limitsError(); err != nil {
		// Nothing is rendered: the text is refused.
		res.Errors = append(res.Errors, err)
		return res, nil
	}
	doc := m.md.Parser().Parse(text.NewReader(src))
	d.walk(doc)

	buf := getBuffer()
	defer putBuffer(buf)
	if err := m.md.Renderer().Render(buf, src, doc); err != nil {
		return res, err
	}
	_, err := w.Write(buf.Bytes())
	return res, err
}

// buffer is a bytes.Buffer that goldmark takes as its util.BufWriter, so it
// writes straight into it instead of wrapping w in a fresh bufio.Writer.
type buffer struct{ bytes.Buffer }

func (b *buffer) Buffered() int { return b.Len() }
func (b *buffer) Flush() error  { return nil }

var bufferPool = sync.Pool{New: func() any { return new(buffer) }}

func getBuffer() *buffer { return bufferPool.Get().(*buffer) }

// putBuffer returns b to the pool unless a freak page made it huge.
func putBuffer(b *buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	bufferPool.Put(b)
}

// document is the state of one Render: positions, ids and results.
type document struct {
	fmt    *html.Formatter
	unsafe bool // raw HTML passes (Options.Unsafe)
	src    []byte
	ctx    *Context
	res    *Result
	at     cursor         // the position pos made last
	ids    map[string]int // heading ids used so far
	buf    []byte         // scratch for heading texts and ids
	// highlighted counts the code highlighted so far; full is set once a
	// block was left plain for being over the limits.
	highlighted struct {
		blocks, bytes int
		full          bool
		overrun       time.Duration // what its blocks took beyond their shares (see highlightShare)
	}
}

// walk visits the nodes under parent (the parsed document) once, in
// document order: it gives headings their ids, resolves link
// destinations, makes tables focusable and warns of unread links and
// of raw HTML left out.
func (d *document) walk(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			continue // the most common node, and never has children
		case *ast.Heading:
			d.heading(n)
			d.unreadLink(n)
		case *ast.Link:
			n.Destination = d.resolve(n, n.Destination)
		case *ast.Image:
			n.Destination = d.resolve(n, n.Destination)
		case *east.Table:
			// A wide table scrolls sideways in its own box (the theme's
			// CSS): focusable, like a code block, so that keyboard users
			// can scroll it.
			n.SetAttributeString("tabindex", attrZero)
		case *east.TableCell:
			// renderTableCell writes its alignment.
			d.unreadLink(n)
		case *ast.Emphasis, *east.Strikethrough, *taskLabel:
			// Text in *…*, **…** or ~~…~~, or after a task box, is
			// their children, not the paragraph's.
			d.unreadLink(n)
		case *ast.FencedCodeBlock:
			d.code(n)
		case *ast.HTMLBlock, *ast.RawHTML:
			if !d.unsafe {
				d.rawHTMLNode(n) // see rawhtml.go
			}
		case *ast.Paragraph, *ast.TextBlock:
			// A tight list's items hold a TextBlock, not a Paragraph.
			d.unreadLink(n)
		}
		d.walk(n)
	}
}

// unreadLink warns of a link or image Markdown did not read, whose "]("
// is left in the text of a paragraph, a tight list item, a heading, a
// table cell or an emphasis: an
// address with a space in it ("[a](my notes.md)") or without its closing
// ")". The page would show the brackets and the address as they are
// written.
func (d *document) unreadLink(p ast.Node) {
	prevBracket := -1 // offset of a "]" that ends the text before
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			prevBracket = -1
			continue
		}
		v := d.src[t.Segment.Start:t.Segment.Stop]
		if t.Segment.Padding > 0 {
			v = t.Segment.Value(d.src) // the spaces of a tab come first
		}
		at := -1
		if i := indexLinkEnd(v); i >= 0 {
			at = t.Segment.Start + i
		} else if prevBracket >= 0 && len(v) > 0 && v[0] == '(' {
			at = prevBracket
		}
		if at >= 0 {
			pos := d.pos(at)
			d.res.Warnings.Add(d.ctx.Path, pos.Line, pos.Col, "this link or image is not read as one and shows as written: write [text](address) with a closing \")\" and no spaces in the address (%%20 for each space)")
			return
		}
		prevBracket = -1
		if len(v) > 0 && v[len(v)-1] == ']' && !t.SoftLineBreak() && !t.HardLineBreak() {
			prevBracket = t.Segment.Stop - 1
		}
	}
}

// indexLinkEnd is bytes.Index(v, []byte("](")), quicker on the text of a
// page, where "]" is rare.
func indexLinkEnd(v []byte) int {
	for i := 0; ; {
		j := bytes.IndexByte(v[i:], ']')
		if j < 0 {
			return -1
		}
		i += j + 1
		if i < len(v) && v[i] == '(' {
			return i - 1
		}
	}
}
