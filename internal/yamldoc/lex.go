package yamldoc

import (
	"bytes"
	"unicode/utf8"
)

// The lexer follows YAML's quotes, brackets, text blocks (| and >) and
// multi-line plain texts from line to line, far enough to say, at the end
// of each line, whether a quote or a bracket is still open and where it was
// opened. It runs only on a document yaml.v3 refused, to explain why; it
// never decides what a valid document means.

// opener is where a quote or a bracket was opened: its line (from 1), its
// byte index in the line, and the character. (Columns are counted only
// when reported: counting at every bracket of a long line is quadratic.)
type opener struct {
	line, at int
	char     byte
}

// lexLine is what the lexer learned about one line.
type lexLine struct {
	// block is true when the line starts outside any quote, bracket, text
	// block or multi-line plain text: its first characters are indentation.
	block bool
	// tab is the column of a tab used for indentation (before the first
	// character, or right after a leading "-"), or 0.
	tab int
	// open is the quote, or else the outermost bracket, still open at the
	// end of the line, or nil.
	open *opener
}

const none = -2

type lexer struct {
	out   []lexLine
	quote *opener // inside a quoted text
	flow  *opener // the outermost open bracket, when depth > 0
	depth int     // brackets open
	// Inside a text block, lines indented more than blockOwner belong to
	// it; inside a plain text, lines indented more than plainOwner continue
	// it. Both are byte indexes of the key or "-" that owns the text: the
	// same as columns when the line starts with ASCII, as YAML lines do.
	blockOwner int
	plainOwner int
}

// lex reads lines (without their line breaks).
func lex(lines [][]byte) []lexLine {
	lx := &lexer{out: make([]lexLine, len(lines)), blockOwner: none, plainOwner: none}
	for i, s := range lines {
		lx.line(i+1, s)
		// Openers are never changed once made: lines share them.
		if lx.quote != nil {
			lx.out[i].open = lx.quote
		} else if lx.depth > 0 {
			lx.out[i].open = lx.flow
		}
	}
	return lx.out
}

func (lx *lexer) line(n int, s []byte) {
	info := &lx.out[n-1]
	switch {
	case lx.quote != nil:
		end := scanQuoted(s, 0, lx.quote.char)
		if end < 0 {
			return
		}
		lx.quote = nil
		if lx.depth > 0 {
			lx.scanFlow(n, s, end, false)
		}
		return
	case lx.depth > 0:
		lx.scanFlow(n, s, 0, true)
		return
	case lx.blockOwner != none:
		if blank(s) || indentOf(s) > lx.blockOwner {
			return
		}
		lx.blockOwner = none
	case lx.plainOwner != none:
		if blank(s) {
			if t := bytes.IndexByte(s, '\t'); t >= 0 {
				info.block, info.tab = true, t+1
			}
			return
		}
		i := indentOf(s)
		if i > lx.plainOwner && s[i] != '#' {
			if c := commentAt(s, i); c >= 0 {
				lx.plainOwner = none
			}
			return
		}
		lx.plainOwner = none
	}
	info.block = true
	lx.blockLine(n, s, info)
}

// blockLine reads a line that starts in block context.
func (lx *lexer) blockLine(n int, s []byte, info *lexLine) {
	p := 0
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		if s[p] == '\t' && info.tab == 0 {
			info.tab = p + 1 // indentation is ASCII: bytes are characters
		}
		p++
	}
	if p == len(s) || s[p] == '#' {
		return
	}
	if p == 0 && len(s) >= 3 && (string(s[:3]) == "---" || string(s[:3]) == "...") && (len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		p = skipSpace(s, 3)
	}
	owner := p - 1 // a plain text alone on its line goes on at a deeper indentation
	for p < len(s) {
		c := s[p]
		next := byte(' ')
		if p+1 < len(s) {
			next = s[p+1]
		}
		switch {
		case c == '#' && (p == 0 || s[p-1] == ' ' || s[p-1] == '\t'):
			return
		case (c == '-' || c == '?' || c == ':') && (next == ' ' || next == '\t'):
			if c == '-' && next == '\t' && info.tab == 0 && onlyIndicators(s[:p]) {
				info.tab = runeCol(s, p+1)
			}
			owner = p
			p = skipSpace(s, p+1)
		case (c == '-' || c == '?' || c == ':') && p+1 == len(s):
			return
		case c == '&' || c == '!':
			for p < len(s) && s[p] != ' ' && s[p] != '\t' {
				p++
			}
			p = skipSpace(s, p)
		case c == '"' || c == '\'':
			start := p
			end := scanQuoted(s, p+1, c)
			if end < 0 {
				lx.quote = &opener{n, start, c}
				return
			}
			p = skipSpace(s, end)
			if p < len(s) && s[p] == ':' && (p+1 == len(s) || s[p+1] == ' ' || s[p+1] == '\t') {
				owner = start
				p = skipSpace(s, p+1)
				continue
			}
			return
		case c == '[' || c == '{':
			start := p
			end := lx.scanFlow(n, s, p, true)
			if end < 0 {
				return
			}
			p = skipSpace(s, end)
			if p < len(s) && s[p] == ':' && (p+1 == len(s) || s[p+1] == ' ' || s[p+1] == '\t') {
				owner = start
				p = skipSpace(s, p+1)
				continue
			}
			return
		case c == '|' || c == '>':
			lx.blockOwner = owner
			return
		default:
			// A plain text: a key if ": " follows, else a value that may
			// go on over the next, deeper lines.
			start := p
			for p < len(s) {
				if s[p] == ':' && (p+1 == len(s) || s[p+1] == ' ' || s[p+1] == '\t') {
					break
				}
				if s[p] == '#' && (s[p-1] == ' ' || s[p-1] == '\t') {
					return
				}
				p++
			}
			if p < len(s) {
				owner = start
				p = skipSpace(s, p+1)
				continue
			}
			lx.plainOwner = owner
			return
		}
	}
}

// scanFlow follows brackets from s[p], which is an opening bracket or the
// start of a line inside brackets. It returns the index after the bracket
// that closes the outermost one, or -1 when a bracket or a quote is still
// open at the end of the line.
func (lx *lexer) scanFlow(n int, s []byte, p int, tokenStart bool) int {
	for p < len(s) {
		c := s[p]
		switch c {
		case '[', '{':
			if lx.depth == 0 {
				lx.flow = &opener{n, p, c}
			}
			lx.depth++
			tokenStart = true
			p++
		case ']', '}':
			if lx.depth > 0 {
				lx.depth--
			}
			p++
			if lx.depth == 0 {
				return p
			}
			tokenStart = false
		case ',', ':':
			tokenStart = true
			p++
		case ' ', '\t':
			p++
		case '#':
			if p == 0 || s[p-1] == ' ' || s[p-1] == '\t' {
				return -1
			}
			tokenStart = false
			p++
		case '"', '\'':
			if !tokenStart {
				p++
				continue
			}
			end := scanQuoted(s, p+1, c)
			if end < 0 {
				lx.quote = &opener{n, p, c}
				return -1
			}
			p = end
			tokenStart = false
		default:
			tokenStart = false
			p++
		}
	}
	return -1
}

// scanQuoted returns the index after the quote that closes a text opened
// with q, reading s from p, or -1 if the line ends first. Inside double
// quotes a backslash escapes the next character; inside single quotes two
// quotes in a row stand for one.
func scanQuoted(s []byte, p int, q byte) int {
	for p < len(s) {
		switch {
		case q == '"' && s[p] == '\\':
			p += 2
		case s[p] == q && q == '\'' && p+1 < len(s) && s[p+1] == '\'':
			p += 2
		case s[p] == q:
			return p + 1
		default:
			p++
		}
	}
	return -1
}

// commentAt returns the index of a comment ("#" after a space) in s from p,
// or -1.
func commentAt(s []byte, p int) int {
	for ; p < len(s); p++ {
		if s[p] == '#' && (p == 0 || s[p-1] == ' ' || s[p-1] == '\t') {
			return p
		}
	}
	return -1
}

// onlyIndicators reports whether s holds only spaces and "-" indicators.
func onlyIndicators(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

func blank(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// indentOf counts the spaces that start s.
func indentOf(s []byte) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func skipSpace(s []byte, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

// runeCol is the column, in characters from 1, of byte index p of s.
func runeCol(s []byte, p int) int {
	if p > len(s) {
		p = len(s)
	}
	return utf8.RuneCount(s[:p]) + 1
}
