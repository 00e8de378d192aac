package markdown

import (
	"bytes"
	"fmt"

	"mutual/internal/diag"
)

// Limits on one Markdown text (a page, a worksheet's text, the help
// block), checked by Render before goldmark sees it. goldmark's memory
// grows with a page's lines and markup, and some of its parsing grows with
// the square of a paragraph's markup: a 160 KB line of "[a](" takes it
// seconds, each "](" scanning the rest of the line for a closing
// parenthesis; thousands of unclosed brackets over thousands of lines of
// one paragraph, emphasis marks that never pair up, or quotes and lists
// nested thousands deep on one line do the same. The checks bound both, so
// that no page can take a build more than a few seconds or more than a few
// hundred megabytes, and every limit is an error at the place that breaks
// it. Pages people write are far below all of them.
const (
	// MaxSize is the largest Markdown text, in bytes.
	MaxSize = 10 << 20
	// maxPieces bounds the lines, list items, headings and markup
	// characters (table cells and autolinks included) of a text, which
	// decide the size of goldmark's syntax tree: up to about 230 bytes
	// each (TestLimitsMemory measures it).
	maxPieces = 1_000_000
	// maxNesting bounds the quotes and list items opened on one line.
	maxNesting = 32
	// workPerByte and workFree bound the parsing work. The characters
	// that may make goldmark scan far are "<", "`", quotes and any "]"
	// that does not close a plain inline link ("[text](dest)"): the sum
	// over lines of (those characters x the line's length), plus the sum
	// over paragraphs of (those characters x the paragraph's lines) and of
	// the square of their delimiters (emphasis marks, tildes, quotes), may
	// be at most workPerByte per byte of the text plus workFree. A unit of
	// work is a step of one of goldmark's scans, a few nanoseconds. List
	// items, headings and table rows count as paragraphs of their own, as
	// goldmark parses them; fenced code blocks whose fence starts its line
	// count nothing. Real writing stays
	// far below: the 11,800 Markdown files of a Debian system with Go,
	// Node.js and Rust documentation use at most 14 units a byte.
	workPerByte = 64
	workFree    = 16 << 20
)

// markup are the bytes that start or end goldmark's inline constructs:
// links and images, emphasis, code spans, raw HTML, entities, escapes,
// autolinks.
var markup = func() (t [256]bool) {
	for _, c := range []byte("*_[]()!<>&`~\\:@\"'") {
		t[c] = true
	}
	return t
}()

// limitCheck is what checkLimits found: the first limit broken, as a
// message and the 0-based line of the text it is about, and the measures.
type limitCheck struct {
	line   int
	msg    string
	pieces int
	work   int64
}

// checkLimits checks src against the limits.
func checkLimits(src []byte) limitCheck {
	if len(src) > MaxSize {
		return limitCheck{msg: fmt.Sprintf("this text is %s; a page may be at most %s: split it into several pages", megabytes(len(src)), megabytes(MaxSize))}
	}
	var (
		pieces   int
		work     int64
		budget   = int64(workPerByte)*int64(len(src)) + workFree
		fence    []byte // the fence of the code block we are in, or nil
		para     int    // first line of the current paragraph, -1 outside
		paraMark int64  // scanning characters in the paragraph
		paraEm   int64  // delimiters in the paragraph: emphasis marks, tildes and quotes
		paraLen  int64  // lines in the paragraph
		worst    int    // the paragraph or line that cost the most
		worstW   int64
	)
	endPara := func() {
		if para >= 0 {
			w := paraMark*paraLen + paraEm*paraEm
			work += w
			if w > worstW {
				worst, worstW = para, w
			}
		}
		para, paraMark, paraEm, paraLen = -1, 0, 0, 0
	}
	// A paragraph whose first row that looks like a table's delimiter row
	// follows a header row of as many cells becomes a table in goldmark,
	// whose rows it parses one by one: they count one by one too.
	var (
		prev         []byte // the paragraph's previous line
		tableChecked bool   // the paragraph had a delimiter-like row
		inTable      bool
	)
	endBlock := func() {
		endPara()
		prev, tableChecked, inTable = nil, false, false
	}
	para = -1
	tooMany := limitCheck{msg: fmt.Sprintf("this text has more than %d lines and markup characters ([, ], *, _, |, < and the like): split it into several pages", maxPieces)}
	n := 0
	for start := 0; start < len(src); n++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		l := src[start:end]
		start = end + 1
		if pieces++; pieces > maxPieces {
			return tooMany
		}
		if f := fenceOf(l); fence != nil {
			if f != nil && f[0] == fence[0] && len(f) >= len(fence) && len(bytes.TrimSpace(l)) == len(f) {
				fence = nil
			}
			continue
		} else if f != nil && (l[0] == '`' || l[0] == '~') {
			// Only a fence at the start of its line surely opens a code
			// block that lasts until its closing fence: an indented one
			// may be inside a list item, and end with it, the lines after
			// it then being paragraphs. Those count as paragraph lines.
			endBlock()
			fence = f
			continue
		}
		if len(bytes.TrimSpace(l)) == 0 {
			endBlock()
			continue
		}
		if startsBlock(l) {
			endBlock()
			pieces++
		}
		if prev != nil && !tableChecked {
			if cols := delimiterRow(l); cols > 0 {
				tableChecked = true
				inTable = plainHeader(prev) && tableCells(prev) == cols
			}
		}
		if inTable && !plainRow(l) {
			// Maybe not a row any more (a rule, a quote, HTML... may start
			// another block): from here on, lines count as a paragraph
			// again, which never counts too little.
			endBlock()
		}
		if inTable {
			endPara()
		}
		prev = l
		depth := nesting(l)
		if depth > maxNesting {
			return limitCheck{line: n, msg: fmt.Sprintf("quotes and lists are nested %d deep on this line; at most %d levels are allowed", depth, maxNesting)}
		}
		var mark, em, scans, cells int64
		for i, c := range l {
			if !markup[c] {
				if c == '|' {
					cells++
				}
				continue
			}
			mark++
			switch c {
			case '*', '_', '~':
				em++
			case '\'', '"':
				// Quotes are delimiters of the typographer, and a run of
				// them is scanned once for each.
				em++
				scans++
			case '<', '`':
				scans++
			case ']':
				if !inlineLink(l[i+1:]) {
					scans++
				}
			}
		}
		// Autolinks (www. and e-mail addresses) make large trees.
		pieces += depth + int(mark+cells) + 3*bytes.Count(l, []byte("www.")) + 2*bytes.Count(l, []byte("@"))
		if pieces > maxPieces {
			return tooMany
		}
		// Each of these may start a scan of the rest of the line.
		if w := scans * int64(len(l)); w > 0 {
			work += w
			if w > worstW {
				worst, worstW = n, w
			}
		}
		if para < 0 {
			para = n
		}
		paraMark += scans
		paraEm += em
		paraLen++
	}
	endBlock()
	c := limitCheck{pieces: pieces, work: work}
	if work > budget {
		c.line, c.msg = worst, "this paragraph is too tangled to render in reasonable time (too many brackets, emphasis marks or other markup characters in long lines or over many lines): break it up with blank lines or split the page"
	}
	return c
}

// inlineLink reports whether the text after a "]" is a plain inline
// link's destination, "(dest)" with no space, parenthesis or angle bracket
// in dest: a link goldmark parses at once. Any other "]" may make goldmark
// scan the rest of the line (a destination or title that does not close)
// or look the label up again from the paragraph's last line back.
func inlineLink(after []byte) bool {
	if len(after) == 0 || after[0] != '(' {
		return false
	}
	for _, c := range after[1:] {
		switch c {
		case ')':
			return true
		case ' ', '\t', '(', '<', '>':
			return false
		}
	}
	return false
}

// delimiterRow is the number of columns of a table delimiter row as
// goldmark reads one ("| --- | :-: |"), or 0 for any other line.
func delimiterRow(l []byte) int {
	indent := 0
	for _, c := range l {
		if c == ' ' {
			indent++
		} else if c == '\t' {
			indent += 4 - indent%4
		} else {
			break
		}
	}
	if indent > 3 {
		return 0
	}
	dashesOnly := true
	for _, c := range l {
		if c != '-' {
			dashesOnly = false
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '-' && c != '|' && c != ':' {
			return 0
		}
	}
	if dashesOnly {
		return 0
	}
	cols := bytes.Split(l, []byte("|"))
	if len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	for _, col := range cols {
		col = bytes.TrimSpace(col)
		col = bytes.TrimPrefix(col, []byte(":"))
		col = bytes.TrimSuffix(col, []byte(":"))
		if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
			return 0
		}
	}
	return len(cols)
}

// plainHeader reports a line that goldmark surely reads as a paragraph's
// line, as a table header must be: not one that may start another kind of
// block (a quote, a list item, raw HTML, a link reference definition, a
// rule or heading underline, code), and not indented. Only then does the
// table count row by row: where goldmark might not make a table, the rows
// count as one paragraph, which never counts too little.
func plainHeader(l []byte) bool {
	if len(l) == 0 || l[0] == ' ' || l[0] == '\t' {
		return false
	}
	return bytes.IndexByte([]byte("<>[=-*_+#`~0123456789"), l[0]) < 0
}

// plainRow reports a line that goldmark surely reads as the next row of a
// table it is in: one with a "|" that cannot start another block.
func plainRow(l []byte) bool {
	return bytes.IndexByte(l, '|') >= 0 && (l[0] == '|' || plainHeader(l))
}

// tableCells counts the cells of a table row as goldmark splits one: at
// each "|" not escaped with a backslash, an outer "|" on either side
// aside.
func tableCells(l []byte) int {
	l = bytes.Trim(l, " \t\n\v\f\r")
	pos, limit := 0, len(l)
	if limit > 0 && l[0] == '|' {
		pos++
	}
	if limit > 0 && l[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		end := pos
		for end < limit && (l[end] != '|' || end > 0 && l[end-1] == '\\') {
			end++
		}
		n++
		pos = end + 1
	}
	return n
}

// fenceOf is the opening run of a code fence line (``` or ~~~, at most
// three spaces in), or nil.
func fenceOf(l []byte) []byte {
	i := 0
	for i < len(l) && i < 4 && l[i] == ' ' {
		i++
	}
	if i == 4 || i+3 > len(l) || (l[i] != '`' && l[i] != '~') {
		return nil
	}
	c, j := l[i], i
	for j < len(l) && l[j] == c {
		j++
	}
	if j-i < 3 || c == '`' && bytes.IndexByte(l[j:], '`') >= 0 {
		return nil
	}
	return l[i:j]
}

// startsBlock reports lines that end the paragraph before them in
// goldmark as in CommonMark, so that each list item and heading counts as
// its own paragraph: a bullet list item or an ordered one numbered 1 that
// is not empty, or an ATX heading, at most three spaces in.
func startsBlock(l []byte) bool {
	i := 0
	for i < len(l) && i < 4 && l[i] == ' ' {
		i++
	}
	if i == 4 || i >= len(l) {
		return false
	}
	rest := func(j int) bool { // a space or tab, then something
		return j < len(l) && (l[j] == ' ' || l[j] == '\t') && len(bytes.TrimSpace(l[j:])) > 0
	}
	switch c := l[i]; {
	case c == '-' || c == '*' || c == '+':
		return rest(i + 1)
	case c == '1':
		return i+1 < len(l) && (l[i+1] == '.' || l[i+1] == ')') && rest(i+2)
	case c == '#':
		j := i
		for j < len(l) && l[j] == '#' {
			j++
		}
		return j-i <= 6 && (j == len(l) || l[j] == ' ' || l[j] == '\t')
	}
	return false
}

// nesting counts the block quote and list markers that open a line.
func nesting(l []byte) int {
	depth := 0
	i := 0
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		if i >= len(l) {
			return depth
		}
		switch c := l[i]; {
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 10 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				i = j + 2
			} else {
				return depth
			}
		default:
			return depth
		}
		depth++
	}
}

func megabytes(n int) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// limitsError makes checkLimits' verdict a positioned error.
func (d *document) limitsError() *diag.Error {
	c := checkLimits(d.src)
	if c.msg == "" {
		return nil
	}
	off := 0
	for i := 0; i < c.line; i++ {
		j := bytes.IndexByte(d.src[off:], '\n')
		if j < 0 {
			break
		}
		off += j + 1
	}
	p := d.pos(off)
	return diag.Errorf(d.ctx.Path, p.Line, p.Col, "%s", c.msg)
}
