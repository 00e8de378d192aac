package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The chroma styles behind CSS. With classes, the formatter only uses a
// style to look up its (cached) CSS map, so rendering passes lightStyle.
const (
	lightStyleName = "github"
	darkStyleName  = "github-dark"
)

var (
	lightStyle = aaStyle(lightStyleName, map[chroma.TokenType]string{
		// #6a737d is 4.49:1 on the style's #f7f7f7, just under WCAG AA;
		// this is the style's own comment grey (5.9:1).
		chroma.NameBuiltinPseudo: "#57606a",
	})
	darkStyle = aaStyle(darkStyleName, nil)
)

// aaStyle is the named chroma style with the given token colours replaced,
// so that every colour meets WCAG AA contrast (see TestHighlightContrast).
func aaStyle(name string, fix map[chroma.TokenType]string) *chroma.Style {
	s := styles.Get(name)
	if len(fix) == 0 {
		return s
	}
	b := s.Builder()
	for tt, entry := range fix {
		b.Add(tt, entry)
	}
	fixed, err := b.Build()
	if err != nil {
		panic("markdown: bad colour fix for style " + name + ": " + err.Error())
	}
	return fixed
}

// preWrapper opens code blocks as <pre tabindex="0" class="chroma"><code>:
// tabindex lets keyboard users scroll a long line into view.
type preWrapper struct{}

func (preWrapper) Start(code bool, styleAttr string) string {
	if code {
		return `<pre tabindex="0"` + styleAttr + `><code>`
	}
	return `<pre tabindex="0"` + styleAttr + `>`
}

func (preWrapper) End(code bool) string {
	if code {
		return `</code></pre>`
	}
	return `</pre>`
}

func newFormatter() *html.Formatter {
	return html.New(html.WithClasses(true), html.WithPreWrapper(preWrapper{}))
}

// nodeRenderer renders headings (with their anchor), code blocks
// (highlighted) and table cells (aligned by class); goldmark's own
// renderers do the rest.
type nodeRenderer struct{ m *Markdown }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
	reg.Register(ast.KindCodeBlock, r.renderCode)
	reg.Register(east.KindTableCell, r.renderTableCell)
}

func (r *nodeRenderer) renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := "0123456"[n.Level]
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		id = attrText(v)
	}
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		if id != "" {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML([]byte(id)))
			_ = w.WriteByte('"')
		}
		// Attributes written in the heading ({.class lang=fr}), which
		// headingAttributes kept.
		for _, a := range n.Attributes() {
			if string(a.Name) == "id" {
				continue
			}
			_ = w.WriteByte(' ')
			_, _ = w.Write(a.Name)
			_, _ = w.WriteString(`="`)
			_, _ = w.Write(util.EscapeHTML([]byte(attrText(a.Value))))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if id != "" {
		_, _ = w.WriteString(`<a class="anchor" href="#`)
		_, _ = w.WriteString(fragment(id))
		_, _ = w.WriteString(`" aria-hidden="true" tabindex="-1">#</a>`)
	}
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(level)
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if v, ok := node.Attribute(documentAttr); ok {
		if d, ok := v.(*document); ok && d.highlight(w, node.(*ast.FencedCodeBlock)) {
			return ast.WalkSkipChildren, nil
		}
	}
	_, _ = w.WriteString(`<pre tabindex="0" class="chroma"><code>`)
	lines := node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		writeEscaped(w, seg.Value(src))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// Highlighting costs chroma about ten microseconds a character, so a page
// highlights at most this much code; the rest is shown plain.
const (
	maxHighlightBlocks = 1000
	maxHighlightBytes  = 256 << 10
)

// The time a code block may take to highlight is its share, a little for
// the block and so much a byte, and what is left of its page's spare
// time. chroma lexes real code at 0.5 to 2.5 microseconds a byte (Go,
// JavaScript, CSS, YAML, HTML, shell, JSON and Markdown, 200 KB each,
// 2026-12-01), while some of its regular expressions backtrack without
// end on some texts: the markless lexer took 3.4 s on a line of 800
// apostrophes and did not finish 8,000 in half an hour, each token
// scanning the rest of the text again. A block still lexing when its time
// runs out is shown plain with a warning (highlight reads the clock
// between tokens), and what it took beyond its share comes out of the
// page's spare time, so a page whose code highlights slowly costs at most
// about 50 s (1,000 blocks' shares and the spare), not hours. The share a
// byte gets is 40 times what the slowest real code took, so a busy
// machine does not make a real block plain, as a build must come out the
// same each time.
const (
	highlightSpare    = 2 * time.Second
	highlightPerBlock = 20 * time.Millisecond
	highlightPerByte  = 100 * time.Microsecond
)

// highlightShare is the time a block of so many bytes may take to
// highlight, besides its page's spare time.
func highlightShare(bytes int) time.Duration {
	return highlightPerBlock + time.Duration(bytes)*highlightPerByte
}

// documentAttr marks the fenced code blocks with a language chroma knows:
// walk leaves the document being rendered under it, so that renderCode
// can report a block the highlighter fails on at its position. The
// renderer writes no attributes of code blocks.
var documentAttr = []byte("mutual-document")

// code marks a fenced code block for highlighting when chroma has a
// guarded lexer for its language (see highlight.go).
func (d *document) code(n *ast.FencedCodeBlock) {
	if lookupLexer(n.Language(d.src)) != nil {
		n.SetAttribute(documentAttr, d)
	}
}

// highlight writes a code block highlighted, or reports that it could not
// with a warning at its language name and returns false.
func (d *document) highlight(w util.BufWriter, n *ast.FencedCodeBlock) bool {
	lang := n.Language(d.src)
	lexer := lookupLexer(lang)
	if lexer == nil {
		return false
	}
	lines := n.Lines()
	size := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		size += seg.Stop - seg.Start + seg.Padding
	}
	if d.highlighted.blocks >= maxHighlightBlocks || d.highlighted.bytes+size > maxHighlightBytes {
		if !d.highlighted.full {
			d.highlighted.full = true
			p := d.pos(n.Info.Segment.Start)
			d.res.Warnings.Add(d.ctx.Path, p.Line, p.Col, "this code block and the ones after it are shown as plain text: a page highlights at most %d code blocks and %d KB of code", maxHighlightBlocks, maxHighlightBytes>>10)
		}
		return false
	}
	d.highlighted.blocks++
	d.highlighted.bytes += size
	var code strings.Builder
	code.Grow(size)
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(d.src))
	}
	start := time.Now()
	share := highlightShare(size)
	tokens, err := settledHighlight(lexer, code.String(), start.Add(share+highlightSpare-d.highlighted.overrun))
	if took := time.Since(start); took > share {
		d.highlighted.overrun = min(highlightSpare, d.highlighted.overrun+took-share)
	}
	if err != nil {
		p := d.pos(n.Info.Segment.Start)
		d.res.Warnings.Add(d.ctx.Path, p.Line, p.Col, "cannot highlight this %q code block: %v; it is shown as plain text", string(lang), err)
		return false
	}
	// Format only fails when w does, and a buffer does not.
	_ = d.fmt.Format(w, lightStyle, chroma.Literator(tokens...))
	_ = w.WriteByte('\n')
	return true
}

func writeEscaped(w util.BufWriter, s []byte) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		_, _ = w.Write(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.Write(s[last:])
}

// Lexers are looked up once per language name: chroma's lookup falls back
// to matching file name patterns of every lexer, which costs more than
// highlighting a short block.
var lexerCache = struct {
	sync.RWMutex
	m map[string]chroma.Lexer // nil for names without a lexer
}{m: make(map[string]chroma.Lexer)}

// maxLanguageName is the longest language name looked up; chroma's
// longest name or alias is about 30 characters.
const maxLanguageName = 64

// lexerCacheMax bounds the cache against pathological input (such as a
// fuzzer inventing languages); past it, unknown names are looked up anew.
const lexerCacheMax = 512

// lookupLexer is the guarded lexer for a language name (see highlight.go),
// or nil.
func lookupLexer(lang []byte) chroma.Lexer {
	// chroma's names are short; a long one would make its lookup match
	// the name against every file pattern of every lexer, which takes
	// minutes for a name of a few hundred kilobytes.
	if len(lang) == 0 || len(lang) > maxLanguageName {
		return nil
	}
	lexerCache.RLock()
	l, ok := lexerCache.m[string(lang)]
	lexerCache.RUnlock()
	if ok {
		return l
	}
	name := string(lang)
	l = theLexers.lookup(strings.ToLower(name))
	lexerCache.Lock()
	if len(lexerCache.m) < lexerCacheMax {
		lexerCache.m[name] = l
	}
	lexerCache.Unlock()
	return l
}

// CSS writes the stylesheet for the highlighting classes: chroma's
// "github" style by default and "github-dark" inside
// @media (prefers-color-scheme: dark). Where the light style sets a
// property of a token that the dark style leaves alone (it draws that token
// plain), the dark block resets the property, so no light colour leaks onto
// the dark background. The output is the same on every call.
func (m *Markdown) CSS(w io.Writer) error {
	var light, dark bytes.Buffer
	// Writing to a bytes.Buffer cannot fail.
	_ = m.fmt.WriteCSS(&light, lightStyle)
	_ = m.fmt.WriteCSS(&dark, darkStyle)
	lightDecls := make(map[string]string)
	var lightOrder []string
	for _, r := range cssRules(light.String()) {
		lightDecls[r.selector] = r.decls
		lightOrder = append(lightOrder, r.selector)
	}

	bw := bufio.NewWriter(w)
	bw.WriteString("/* Code highlighting, generated by mutual from chroma's \"" + lightStyleName + "\" and \"" + darkStyleName + "\" styles. */\n")
	bw.Write(light.Bytes())
	bw.WriteString("@media (prefers-color-scheme: dark) {\n")
	seen := make(map[string]bool)
	write := func(sel, decls string) {
		if isTokenSelector(sel) {
			decls = withResets(decls, lightDecls[sel])
		}
		if decls != "" {
			bw.WriteString("  " + sel + " { " + decls + " }\n")
		}
	}
	for _, r := range cssRules(dark.String()) {
		seen[r.selector] = true
		write(r.selector, r.decls)
	}
	for _, sel := range lightOrder {
		if !seen[sel] {
			write(sel, "")
		}
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// resetValues undo what a chroma style can set on a token.
var resetValues = map[string]string{
	"color":            "inherit",
	"background-color": "transparent",
	"font-weight":      "inherit",
	"font-style":       "inherit",
	"text-decoration":  "none",
	"border":           "none",
}

// withResets appends to decls a reset for every property that light sets
// and decls does not.
func withResets(decls, light string) string {
	has := make(map[string]bool)
	for _, d := range strings.Split(decls, ";") {
		if name, _, ok := strings.Cut(d, ":"); ok {
			has[strings.TrimSpace(name)] = true
		}
	}
	var out []string
	if decls != "" {
		out = append(out, decls)
	}
	for _, d := range strings.Split(light, ";") {
		name, _, ok := strings.Cut(d, ":")
		name = strings.TrimSpace(name)
		if v, known := resetValues[name]; ok && known && !has[name] {
			out = append(out, name+": "+v)
			has[name] = true
		}
	}
	return strings.Join(out, "; ")
}

// layoutClasses are chroma's classes for line structure and numbers, not
// tokens: their rules carry no colours to reset.
var layoutClasses = map[string]bool{
	"line": true, "cl": true, "ln": true, "lnt": true, "lntd": true,
	"lntable": true, "lnlinks": true, "hl": true,
}

func isTokenSelector(sel string) bool {
	cls, ok := strings.CutPrefix(sel, ".chroma .")
	return ok && !layoutClasses[cls]
}

type cssRule struct{ selector, decls string }

// cssRules parses chroma's CSS, one "/* Comment */ selector { decls }" a
// line.
func cssRules(css string) []cssRule {
	var rules []cssRule
	for _, line := range strings.Split(css, "\n") {
		if i := strings.Index(line, "*/ "); i >= 0 {
			line = line[i+3:]
		}
		sel, rest, ok := strings.Cut(line, " {")
		if !ok {
			continue
		}
		decls := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "}"))
		decls = strings.TrimSuffix(decls, ";")
		rules = append(rules, cssRule{strings.TrimSpace(sel), decls})
	}
	return rules
}

// fragment writes an id after "#" in an href: made ids hold letters,
// digits and '-' and are written as they are (as before); an id written in
// the page is percent-encoded where it needs to be, as html/template
// would.
func fragment(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' || c == ':' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}
