package yamldoc

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// A syntax error from yaml.v3 names the line where the enclosing list or
// key: value block began, not the line of the mistake, and speaks the
// parser's language. diagnose finds the mistake itself:
//
//  1. The first bad line is the first line L such that the text up to L
//     fails to parse while the text up to L-1 does not. Found by bisection,
//     it costs a logarithmic number of parses, and only on a broken file.
//     A text cut inside a quote or a bracket fails for the cut alone; such
//     a prefix counts as "not failing" when yaml.v3's complaint is one a
//     cut produces and the lexer agrees that a quote or bracket is open
//     there (FuzzPrefixes holds the lexer and that list of complaints to
//     every valid document).
//  2. The explanation compares line L with the tree of the text before
//     it, which parsed: the columns of the lists and key: value blocks
//     still open there are the indentations line L may use. Then it looks
//     at line L itself: a tab, a colon inside a text, a quote closed too
//     early, a character YAML reserves...
//  3. A quote or bracket never closed is reported where it was opened.

// syntaxError is a mistake at a line and column (from 1) of the YAML text.
type syntaxError struct {
	line, col int
	msg       string
}

const genericMsg = "this line cannot be read: check its indentation, the colon after its key, and its quotes"

// cutComplaints are what yaml.v3 says about a text that ends inside a quote
// or a bracket.
var cutComplaints = []string{
	"found unexpected end of stream",
	"did not find expected node content",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
}

type state int

const (
	ok state = iota
	cut
	fail
)

type diagnoser struct {
	off    int // lines of the file before the text, for line numbers in messages
	src    []byte
	lines  [][]byte
	starts []int // byte offset of each line
	lex    []lexLine
	parsed int // bytes parsed so far
}

func diagnose(src []byte, err error, lineOffset, maxDepth int) syntaxError {
	d := &diagnoser{off: lineOffset, src: src, lines: splitLines(src)}
	off := 0
	for _, l := range d.lines {
		d.starts = append(d.starts, off)
		off += len(l)
		if off < len(src) && src[off] == '\r' {
			off++
		}
		off++
	}
	d.lex = lex(d.lines)
	n := len(d.lines)
	if m, ok := err.(*moreError); ok && m.line > 0 {
		return d.clamp(syntaxError{m.line, m.col, moreMsg})
	}
	if n == 0 {
		return syntaxError{1, 1, genericMsg}
	}
	if d.state(n, err) == cut {
		o := d.lex[n-1].open
		return d.at(o, neverClosed(o.char))
	}
	// Bisect for the first failing prefix. lo never fails, hi does.
	lo, hi := 0, n
	var loTree *yaml.Node
	for hi-lo > 1 {
		if d.parsed > diagnoseBudget {
			// Only a hostile text gets here: say where the mistake is
			// at the latest, rather than take seconds to say more.
			return d.clamp(syntaxError{hi, indentOf(d.lines[hi-1]) + 1, genericMsg})
		}
		mid := (lo + hi) / 2
		tree, err := d.parsePrefix(mid)
		if d.state(mid, err) == fail {
			hi = mid
			continue
		}
		lo = mid
		loTree = nil
		if err == nil {
			loTree = tree
		}
	}
	_, errHi := d.parsePrefix(hi)
	if errHi == nil {
		errHi = err
	}
	if m, ok := errHi.(*moreError); ok {
		if m.line == 0 {
			s := d.lines[hi-1]
			b := indentOf(s)
			if b < len(s) && (s[b] == '"' || s[b] == '\'') {
				if end := scanQuoted(s, b+1, s[b]); end > 0 && skipSpace(s, end) < len(s) {
					b = skipSpace(s, end) // "a" "b": the second text
				}
			}
			m.line, m.col = hi, runeCol(s, b)
		}
		return d.clamp(syntaxError{m.line, m.col, moreMsg})
	}
	e := d.explain(hi, loTree, complaint(errHi), maxDepth)
	return d.clamp(e)
}

// at is msg at opener o.
func (d *diagnoser) at(o *opener, msg string) syntaxError {
	return syntaxError{o.line, runeCol(d.lines[o.line-1], o.at), msg}
}

// clamp keeps a position inside the text, whatever went wrong above.
func (d *diagnoser) clamp(e syntaxError) syntaxError {
	e.line = max(1, min(e.line, len(d.lines)))
	e.col = max(1, min(e.col, utf8.RuneCount(d.lines[e.line-1])+1))
	return e
}

// diagnoseBudget bounds the bytes diagnose parses. Halving a 100 KB
// worksheet of 3,000 lines takes 12 parses of at most 100 KB; a megabyte
// of short keys with a mistake at the end would take 18 parses of nearly a
// megabyte, seconds of yaml.v3 (BenchmarkHostile).
const diagnoseBudget = 2 << 20

func (d *diagnoser) parsePrefix(k int) (*yaml.Node, error) {
	end := len(d.src)
	if k < len(d.lines) {
		end = d.starts[k]
	}
	d.parsed += end
	var doc yaml.Node
	err := unmarshal(d.src[:end], &doc)
	return &doc, err
}

// state classifies the result of parsing the first k lines.
func (d *diagnoser) state(k int, err error) state {
	if err == nil {
		return ok
	}
	msg := complaint(err)
	if k > 0 && d.lex[k-1].open != nil {
		for _, c := range cutComplaints {
			if msg == c {
				return cut
			}
		}
	}
	return fail
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line \d+: )?`)

// complaint is yaml.v3's message without its prefix.
func complaint(err error) string {
	return yamlLineRE.ReplaceAllString(err.Error(), "")
}

// level is a list or a key: value block still open at the end of a text:
// a line may continue it at its column.
type level struct {
	list bool
	col  int        // column of its keys or of its "-"
	last *yaml.Node // its last key, or its last entry
}

// openLevels follows the last entry of each block from the root of doc.
// leaf is the last value, owner the column of its key or "-" (0 for the
// root).
func openLevels(doc *yaml.Node) (levels []level, leaf *yaml.Node, owner int) {
	if doc == nil || len(doc.Content) == 0 {
		return nil, nil, 0
	}
	n := doc.Content[0]
	for {
		block := n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0
		switch {
		case block && n.Kind == yaml.MappingNode:
			k := n.Content[len(n.Content)-2]
			levels = append(levels, level{col: n.Column, last: k})
			owner, n = k.Column, n.Content[len(n.Content)-1]
		case block && n.Kind == yaml.SequenceNode:
			item := n.Content[len(n.Content)-1]
			levels = append(levels, level{list: true, col: n.Column, last: item})
			owner, n = n.Column, item
		default:
			return levels, n, owner
		}
	}
}

// lineParts is line L cut into its pieces.
type lineParts struct {
	indent int    // spaces before the first character
	dash   bool   // the line starts with "- "
	body   int    // byte index after the indentation and every "- "
	key    string // the key, if the line has one after body
	keyAt  int    // byte index of the key
	value  int    // byte index of the value after "key: ", or -1
}

func splitParts(s []byte) lineParts {
	lp := lineParts{indent: indentOf(s), keyAt: -1, value: -1}
	p := lp.indent
	for p < len(s) && s[p] == '-' && (p+1 == len(s) || s[p+1] == ' ' || s[p+1] == '\t') {
		lp.dash = true
		p = skipSpace(s, p+1)
	}
	lp.body = p
	colon := -1
	if p < len(s) && (s[p] == '"' || s[p] == '\'') {
		if end := scanQuoted(s, p+1, s[p]); end > 0 {
			q := skipSpace(s, end)
			if q < len(s) && s[q] == ':' && (q+1 == len(s) || s[q+1] == ' ' || s[q+1] == '\t') {
				colon = q
			}
		}
	} else if p < len(s) && s[p] != '[' && s[p] != '{' {
		colon = keyColon(s, p)
	}
	if colon >= 0 {
		lp.keyAt = p
		lp.key = strings.Trim(strings.TrimSpace(string(s[p:colon])), `"'`)
		if v := skipSpace(s, colon+1); v < len(s) && s[v] != '#' {
			lp.value = v
		}
	}
	return lp
}

// keyColon is the index of the ": " (or final ":") that ends a plain key
// starting at p, or -1. A comment ends the search.
func keyColon(s []byte, p int) int {
	for i := p; i < len(s); i++ {
		switch {
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t'):
			return i
		case s[i] == '#' && i > p && (s[i-1] == ' ' || s[i-1] == '\t'):
			return -1
		}
	}
	return -1
}

var (
	// glued is a key whose colon has no space after it: "title:Home",
	// `title:"Home"`.
	glued = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*:([^\s/:"']|"[^"]*"|'[^']*')`)
	// keyLike is a line a writer meant as a key or a list entry.
	keyLike = regexp.MustCompile(`^\s*(- |-$|[A-Za-z_][A-Za-z0-9_.-]*:(\s|$))`)
)

// explain says what is wrong with line l (from 1), the first that makes
// the text fail; prev is the tree of the lines before it when they parse
// alone (nil otherwise) and msg what yaml.v3 said about the text up to l.
func (d *diagnoser) explain(l int, prev *yaml.Node, msg string, maxDepth int) syntaxError {
	s := d.lines[l-1]
	at := func(b int, format string, args ...any) syntaxError {
		return syntaxError{l, runeCol(s, b), fmt.Sprintf(format, args...)}
	}
	// A quote or bracket from an earlier line is still open.
	if l > 1 {
		if o := d.lex[l-2].open; o != nil {
			return d.runOn(o, l)
		}
	}
	if t := d.lex[l-1].tab; t > 0 && d.lex[l-1].block {
		return syntaxError{l, t, "this line is indented with a tab; indent with spaces only"}
	}
	switch {
	case strings.HasPrefix(msg, "unknown anchor"):
		if i := aliasAt(s); i >= 0 {
			return at(i, `%q would repeat another part of the file (a YAML alias), which mutual does not do: write the value out, or put a text starting with "*" in quotes`, aliasName(s, i))
		}
	case msg == "found unknown escape character" || msg == "did not find expected hexdecimal number" || msg == "found invalid Unicode character escape code":
		if i, esc := badEscape(s); i >= 0 {
			return at(i, `in double quotes a backslash starts a code such as \n or \", and "%s" is not one: write \\ for a backslash, or use single quotes`, esc)
		}
	case strings.HasPrefix(msg, "exceeded max depth"):
		return at(indentOf(s), "this is nested more than %d levels deep", maxDepth)
	}
	lp := splitParts(s)
	levels, leaf, owner := openLevels(prev)

	// "title:Home" alone on the line above reads as one text, not a key.
	if leaf != nil && leaf.Kind == yaml.ScalarNode && leaf.Style == 0 && leaf.Tag == "!!str" &&
		(len(levels) == 0 || levels[len(levels)-1].list) && glued.MatchString(leaf.Value) {
		i := strings.IndexByte(leaf.Value, ':')
		return syntaxError{leaf.Line, leaf.Column + utf8.RuneCountInString(leaf.Value[:i]) + 1,
			fmt.Sprintf("put a space after the colon: %s: %s", leaf.Value[:i], leaf.Value[i+1:])}
	}

	// "title My page" alone above a key reads as one text, not a key.
	if len(levels) == 0 && leaf != nil && leaf.Kind == yaml.ScalarNode && leaf.Style == 0 && leaf.Tag == "!!str" &&
		(lp.keyAt >= 0 || lp.dash) && !strings.Contains(leaf.Value, "\n") {
		return syntaxError{leaf.Line, leaf.Column, "this line has no colon after its key: write it as key: value (like title: My page)"}
	}
	e, found, want := d.indentation(l, s, lp, levels, leaf, owner)
	if found {
		return e
	}
	if e, found := d.content(l, s, lp); found {
		return e
	}
	if lp.keyAt < 0 && !lp.dash && lp.body < len(s) {
		switch {
		case want.entry > 0:
			return at(lp.indent, `this line should start with "- ", like the other entries of the list above it (line %d)`, d.off+want.entry)
		case want.key || msg == "could not find expected ':'":
			m := "this line has no colon after its key: write it as key: value (like title: My page)"
			if leaf != nil && leaf.Kind == yaml.ScalarNode && leaf.Style == 0 && leaf.Tag != "!!null" && leaf.Line == l-1 &&
				len(levels) > 0 && !levels[len(levels)-1].list {
				m += fmt.Sprintf("; to continue the text of line %d instead, indent this line", d.off+leaf.Line)
			}
			return at(lp.body, "%s", m)
		}
	}
	return at(lp.indent, genericMsg)
}

// expectation is what the blocks open above a line expect it to be.
type expectation struct {
	key   bool // it lines up with keys
	entry int  // it lines up with list entries: the line of the last one
}

// indentation checks the indentation of line l against the blocks open
// above it.
func (d *diagnoser) indentation(l int, s []byte, lp lineParts, levels []level, leaf *yaml.Node, owner int) (syntaxError, bool, expectation) {
	if len(levels) == 0 || lp.body >= len(s) {
		return syntaxError{}, false, expectation{}
	}
	at := func(format string, args ...any) (syntaxError, bool, expectation) {
		return syntaxError{l, lp.indent + 1, fmt.Sprintf(format, args...)}, true, expectation{}
	}
	col := lp.indent + 1
	isKey := !lp.dash && lp.keyAt >= 0
	emptyLeaf := leaf != nil && leaf.Kind == yaml.ScalarNode && leaf.Tag == "!!null" && leaf.Value == ""
	// A deeper line after an empty value starts the value's own block.
	if emptyLeaf && (col > owner || lp.dash && col == owner && !levels[len(levels)-1].list) {
		return syntaxError{}, false, expectation{}
	}
	var onMap, onList *level
	for i := range levels {
		if levels[i].col == col {
			if levels[i].list {
				onList = &levels[i]
			} else {
				onMap = &levels[i]
			}
		}
	}
	deepest := levels[len(levels)-1]
	switch {
	case onMap != nil || onList != nil:
		switch {
		case lp.dash && onList == nil:
			return at(`this line starts a list entry ("- "), but the lines above it at this indentation are keys (%q, line %d): put the list under a key of its own, one step deeper`,
				onMap.last.Value, d.off+onMap.last.Line)
		case isKey && onMap == nil:
			msg := fmt.Sprintf(`this line is a key, but the lines above it at this indentation are list entries (line %d): start it with "- " to begin a new entry`, d.off+onList.last.Line)
			for i := range levels {
				if &levels[i] == onList && i+1 < len(levels) && !levels[i+1].list {
					k := levels[i+1].last
					msg += fmt.Sprintf(", or indent it to line up with %q (line %d)", k.Value, d.off+k.Line)
				}
			}
			return at("%s", msg)
		case onMap != nil:
			return syntaxError{}, false, expectation{key: true}
		}
		return syntaxError{}, false, expectation{entry: onList.last.Line}
	case col > deepest.col:
		if leaf != nil && leaf.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && !isKey && !lp.dash {
			for i := leaf.Line; i < l-1; i++ { // d.lines[i] is line i+1
				if !blank(d.lines[i]) {
					return at(`this line is indented less than the first line of the text above it (line %d): indent every line of a "|" or ">" text at least as much as its first`, d.off+i+1)
				}
			}
		}
		if leaf != nil && !emptyLeaf && (isKey || lp.dash || leaf.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || leaf.Kind != yaml.ScalarNode) {
			end := leaf.Line
			if leaf.Kind != yaml.ScalarNode || leaf.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				end = l - 1
			}
			if isKey && !deepest.list {
				return at("this line is indented more than line %d above it: line up %q with %q", d.off+end, lp.key, deepest.last.Value)
			}
			return at("this line is indented more than line %d above it, which already has its value", d.off+end)
		}
		return syntaxError{}, false, expectation{}
	}
	// The line lines up with nothing open above it.
	var best *level
	for i := range levels {
		lv := &levels[i]
		if lp.dash != lv.list && (lp.dash || isKey) {
			continue
		}
		if best == nil || abs(lv.col-col) <= abs(best.col-col) {
			best = lv
		}
	}
	if best == nil {
		return at("this line is %s, which lines it up with nothing above it", indented(lp.indent))
	}
	switch {
	case lp.dash:
		return at(`this list entry is %s, but the entries above it are %s (line %d): line up the "-" of each entry`,
			indented(lp.indent), indented(best.col-1), d.off+best.last.Line)
	case isKey:
		return at(`this line is %s, but the keys above it are %s: line up %q with %q (line %d)`,
			indented(lp.indent), indented(best.col-1), lp.key, best.last.Value, d.off+best.last.Line)
	}
	return at("this line is %s, which lines it up with nothing above it", indented(lp.indent))
}

// content checks what line l says, once its indentation is right.
func (d *diagnoser) content(l int, s []byte, lp lineParts) (syntaxError, bool) {
	at := func(b int, format string, args ...any) (syntaxError, bool) {
		return syntaxError{l, runeCol(s, b), fmt.Sprintf(format, args...)}, true
	}
	if lp.keyAt >= 0 {
		if lp.key == "?" || strings.HasPrefix(lp.key, "? ") {
			return at(lp.keyAt, `a key written with "?" is not supported: write key: value`)
		}
		if lp.key == "" {
			return at(lp.keyAt, "a key is missing before this colon")
		}
		if c := s[lp.keyAt]; reserved(c) {
			return at(lp.keyAt, "a key starting with %q must be in quotes", string(c))
		}
		if utf8.RuneCountInString(lp.key) > 1024 {
			return at(lp.keyAt, "a key may be at most 1024 characters long")
		}
		if lp.value < 0 {
			return syntaxError{}, false
		}
		return d.value(l, s, lp.value, lp.key)
	}
	if lp.body >= len(s) {
		return syntaxError{}, false
	}
	if glued.Match(s[lp.body:]) {
		i := lp.body + bytes.IndexByte(s[lp.body:], ':')
		return at(i, "put a space after the colon: %s: %s", s[lp.body:i], bytes.TrimSpace(s[i+1:]))
	}
	return d.value(l, s, lp.body, "")
}

// value checks a value starting at byte v of line l; key is its key, or "".
func (d *diagnoser) value(l int, s []byte, v int, key string) (syntaxError, bool) {
	at := func(b int, format string, args ...any) (syntaxError, bool) {
		return syntaxError{l, runeCol(s, b), fmt.Sprintf(format, args...)}, true
	}
	text := string(s[v:])
	if c := commentAt(s, v); c >= 0 {
		text = string(s[v:c])
	}
	text = strings.TrimRight(text, " \t")
	rewrite := func(why string) string {
		if key == "" || len(text) > 60 {
			return why + "; put quotes around the whole text"
		}
		return why + ": write it as " + key + ": " + quoteText(text)
	}
	c := s[v]
	switch {
	case c == '-' && (v+1 == len(s) || s[v+1] == ' ' || s[v+1] == '\t') && key != "":
		return at(v, `a list cannot start on the same line as its key: put each "- " entry on its own line below %q, indented`, key)
	case c == '"' || c == '\'':
		end := scanQuoted(s, v+1, c)
		if end < 0 {
			if o := d.lex[l-1].open; o != nil && o.line == l {
				return d.at(o, neverClosed(o.char)), true
			}
			return syntaxError{}, false
		}
		if r := skipSpace(s, end); r < len(s) && s[r] != '#' {
			return at(r, `more text follows the closing quote; put quotes around the whole text, using single quotes if it holds double quotes ('She said "yes"')`)
		}
	case c == '[' || c == '{':
		return d.flow(l, s, v, rewrite)
	case c == ']' || c == '}':
		return at(v, "this %q closes nothing", string(c))
	case c == '*' && len(aliasName(s, v)) > 1:
		return at(v, `%q would repeat another part of the file (a YAML alias), which mutual does not do: write the value out, or put a text starting with "*" in quotes`, aliasName(s, v))
	case reserved(c):
		return at(v, "%s", rewrite(fmt.Sprintf("a text starting with %q must be in quotes", string(c))))
	default:
		if i := strings.Index(text+" ", ": "); i >= 0 {
			return at(v, "%s", rewrite(`a text holding ": " must be in quotes`))
		}
	}
	return syntaxError{}, false
}

// flow checks a [ ] or { } value starting at byte v of line l.
func (d *diagnoser) flow(l int, s []byte, v int, rewrite func(string) string) (syntaxError, bool) {
	at := func(b int, format string, args ...any) (syntaxError, bool) {
		return syntaxError{l, runeCol(s, b), fmt.Sprintf(format, args...)}, true
	}
	lx := &lexer{blockOwner: none, plainOwner: none}
	end := lx.scanFlow(l, s, v, true)
	if end < 0 {
		if o := d.lex[l-1].open; o != nil && o.line == l {
			return d.at(o, neverClosed(o.char)), true
		}
		return syntaxError{}, false
	}
	r := skipSpace(s, end)
	switch {
	case r < len(s) && (s[r] == ']' || s[r] == '}'):
		return at(r, "this %q closes nothing", string(s[r]))
	case r < len(s) && s[r] != '#':
		return at(v, "%s", rewrite(fmt.Sprintf("a text starting with %q must be in quotes", string(s[v]))))
	}
	return at(v, "%s", badEntries(s[v]))
}

// runOn explains a line l that a quote or bracket opened at o still
// covers. If lines in between look like keys or entries, the opener was
// never meant to reach that far.
func (d *diagnoser) runOn(o *opener, l int) syntaxError {
	// The key (or "-") that owns the text: lines of the text go deeper.
	ind := indentOf(d.lines[o.line-1])
	if lp := splitParts(d.lines[o.line-1]); lp.keyAt >= 0 && lp.keyAt < o.at {
		ind = lp.keyAt
	}
	for i := o.line; i < l; i++ { // d.lines[i] is line i+1
		if keyLike.Match(d.lines[i]) && indentOf(d.lines[i]) <= ind {
			if o.char == '"' || o.char == '\'' {
				return d.at(o, fmt.Sprintf("the quote opened here is closed only on line %d, so the lines in between are read as one text: close it on this line", d.off+l))
			}
			return d.at(o, fmt.Sprintf("the %q opened here is closed only on line %d, so the lines in between are read as part of it: close it on this line", string(o.char), d.off+l))
		}
	}
	s := d.lines[l-1]
	if o.char == '"' || o.char == '\'' {
		if end := scanQuoted(s, 0, o.char); end >= 0 {
			if end < len(s) && isWordByte(s[end]) {
				// `"thank you"`: the quote that closes was meant to open.
				return d.at(o, fmt.Sprintf("the quote opened here is closed only on line %d, so the lines in between are read as one text: close it on this line", d.off+l))
			}
			if r := skipSpace(s, end); r < len(s) && s[r] != '#' {
				return syntaxError{l, runeCol(s, r), `more text follows the closing quote; put quotes around the whole text, using single quotes if it holds double quotes ('She said "yes"')`}
			}
		}
		return d.at(o, neverClosed(o.char))
	}
	return d.at(o, badEntries(o.char))
}

// badEntries explains a [ ] or { } that yaml.v3 cannot read inside.
func badEntries(c byte) string {
	pair := "[ ]"
	if c == '{' {
		pair = "{ }"
	}
	return `the entries inside ` + pair + ` must be separated by commas; put an entry holding quotes, brackets or ": " in quotes`
}

func neverClosed(c byte) string {
	switch c {
	case '[':
		return `the "[" opened here is never closed with "]"`
	case '{':
		return `the "{" opened here is never closed with "}"`
	}
	return "the quote opened here is never closed"
}

// reserved reports characters that cannot start a plain text in YAML.
func reserved(c byte) bool {
	switch c {
	case '@', '`', '%', '&', '*', '!', '|', '>', '[', ']', '{', '}', ',', '#', '?':
		return true
	}
	return false
}

// aliasAt finds a "*name" that starts a value on s, or -1.
func aliasAt(s []byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' && (i == 0 || s[i-1] == ' ' || s[i-1] == '[' || s[i-1] == ',' || s[i-1] == '{') {
			return i
		}
	}
	return -1
}

func aliasName(s []byte, i int) string {
	j := i + 1
	for j < len(s) && s[j] != ' ' && s[j] != ',' && s[j] != ']' && s[j] != '}' {
		j++
	}
	return string(s[i:j])
}

// badEscape finds the first backslash in a double-quoted text on s that
// does not start one of YAML's escapes.
func badEscape(s []byte) (int, string) {
	in := false
	for i := 0; i < len(s); i++ {
		switch {
		case !in && s[i] == '"':
			in = true
		case in && s[i] == '"':
			in = false
		case in && s[i] == '\\' && i+1 < len(s):
			c := s[i+1]
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			switch {
			case n > 0:
				if i+2+n > len(s) || !hex(s[i+2:i+2+n]) {
					return i, string(s[i : i+2])
				}
				i += 1 + n
			case strings.IndexByte("0abtnvfre \"/\\N_LP\t", c) >= 0:
				i++
			default:
				return i, string(s[i : i+2])
			}
		}
	}
	return -1, ""
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

func hex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// quoteText writes text in quotes as YAML reads it back.
func quoteText(text string) string {
	switch {
	case !strings.ContainsAny(text, `"\`):
		return `"` + text + `"`
	case !strings.Contains(text, "'"):
		return "'" + text + "'"
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text) + `"`
}

func indented(n int) string {
	switch n {
	case 0:
		return "not indented"
	case 1:
		return "indented by 1 space"
	}
	return fmt.Sprintf("indented by %d spaces", n)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
