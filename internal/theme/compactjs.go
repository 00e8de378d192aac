package theme

import "bytes"

// compactJS drops what a browser does not run from a script: comments, each
// line's indentation, blank lines, and the spaces no token needs. Every line
// break between two tokens stays (a comment that spans lines becomes one),
// so automatic semicolon insertion sees what it saw in the source and the
// script means the same; no name is shortened and no token rewritten.
//
// It reads tokens as JavaScript does: strings, template literals (with ${}
// nested to any depth), regular-expression literals, comments. Whether a
// "/" starts a regular expression or divides is told by the token before it,
// as a parser would: after a value (a name, a number, a string, ")" "]") it
// divides, after an operator, "(" "," "=" "{" or a keyword such as return it
// starts a literal; ")" closing if (...), while (...), for (...) or with (...)
// and "}" closing a block also start one. A literal that would run past its
// line is a division after all (a literal cannot hold a line break).
//
// When unsure it keeps the source as written: a string, template, regular
// expression or comment never closed keeps the rest of the script as it is,
// and licence comments (/*! ...) and a first line "#!" stay.
func compactJS(src []byte) []byte {
	c := jsCompactor{src: src, out: make([]byte, 0, len(src)), regexOK: true}
	c.run()
	return c.out
}

type jsCompactor struct {
	src []byte
	out []byte

	// Between tokens: white space (or a comment on one line) was seen;
	// a line break (or a comment spanning lines) was seen.
	space, newline bool

	regexOK bool   // a "/" here starts a regular expression
	word    string // the last token when it is a name, else ""
	dot     bool   // the last token is "." or "?.": a name after it is a property
	parens  []bool // open "(": true when they follow if, while, for or with
	braces  []byte // open "{": 't' ${ of a template, 'b' a block, 'e' an expression
}

// regexWords are the keywords after which a "/" starts a regular expression.
var regexWords = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "case": true,
	"do": true, "else": true, "yield": true, "await": true,
}

// blockWords are the keywords whose "(...)" may be followed by a statement
// that starts with a regular expression literal.
var blockWords = map[string]bool{"if": true, "while": true, "for": true, "with": true}

func (c *jsCompactor) run() {
	src := c.src
	i := 0
	if bytes.HasPrefix(src, []byte("#!")) {
		end := jsLineEnd(src, 0)
		c.out = append(c.out, src[:end]...)
		i = end
	}
	for i < len(src) {
		b := src[i]
		switch {
		case b == ' ' || b == '\t' || b == '\v' || b == '\f':
			c.space = true
			i++
		case b == '\n' || b == '\r':
			c.newline = true
			i++
		case isLineSep(src, i):
			c.newline = true
			i += 3
		case b == '/' && i+1 < len(src) && src[i+1] == '/':
			i = jsLineEnd(src, i)
		case b == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				c.rest(i)
				return
			}
			end += i + 4
			comment := src[i:end]
			switch {
			case bytes.HasPrefix(comment, []byte("/*!")):
				c.emit(comment) // a licence: kept, and no token
			case hasLineBreak(comment):
				c.newline = true
			default:
				c.space = true
			}
			i = end
		case b == '/' && c.regexOK:
			if end := jsRegexEnd(src, i); end > 0 {
				c.token(src[i:end], false)
				i = end
				break
			}
			i = c.punct(i) // a division after all
		case b == '\'' || b == '"':
			end := jsStringEnd(src, i)
			if end < 0 {
				c.rest(i)
				return
			}
			c.token(src[i:end], false)
			i = end
		case b == '`':
			if i = c.template(src, i); i < 0 {
				return
			}
		case b == '}' && len(c.braces) > 0 && c.braces[len(c.braces)-1] == 't':
			c.braces = c.braces[:len(c.braces)-1]
			if i = c.template(src, i); i < 0 {
				return
			}
		case wordByte(b):
			end := i + 1
			for end < len(src) && wordByte(src[end]) && !isLineSep(src, end) {
				end++
			}
			w := string(src[i:end])
			prop := c.dot
			c.token(src[i:end], false)
			c.regexOK = !prop && regexWords[w]
			if !prop {
				c.word = w
			}
			i = end
		default:
			i = c.punct(i)
		}
	}
	if c.newline && len(c.out) > 0 && c.out[len(c.out)-1] != '\n' {
		c.out = append(c.out, '\n')
	}
}

// punct emits the punctuator at i and returns where the next token starts.
func (c *jsCompactor) punct(i int) int {
	src := c.src
	b := src[i]
	word := c.word
	n := 1
	regexOK := true
	switch b {
	case '(':
		c.parens = append(c.parens, blockWords[word])
	case ')':
		regexOK = false
		if k := len(c.parens); k > 0 {
			regexOK = c.parens[k-1]
			c.parens = c.parens[:k-1]
		}
	case ']':
		regexOK = false
	case '{':
		kind := byte('b')
		if c.expressionNext() {
			kind = 'e'
		}
		c.braces = append(c.braces, kind)
	case '}':
		if k := len(c.braces); k > 0 {
			regexOK = c.braces[k-1] == 'b'
			c.braces = c.braces[:k-1]
		}
	case '+', '-':
		if i+1 < len(src) && src[i+1] == b {
			n = 2 // ++ and --: taken as postfix, so a value comes before "/"
			regexOK = false
		}
	case '.':
		c.token(src[i:i+1], true)
		c.regexOK = true
		return i + 1
	case '?':
		if i+1 < len(src) && src[i+1] == '.' && (i+2 >= len(src) || !digit(src[i+2])) {
			c.token(src[i:i+2], true)
			c.regexOK = true
			return i + 2
		}
	}
	c.token(src[i:i+n], false)
	c.regexOK = regexOK
	return i + n
}

// expressionNext reports whether a "{" here opens an object literal (an
// expression) rather than a block, from the token before it.
func (c *jsCompactor) expressionNext() bool {
	if c.word != "" {
		return regexWords[c.word] && c.word != "else" && c.word != "do"
	}
	if len(c.out) == 0 {
		return false
	}
	switch c.out[len(c.out)-1] {
	case '(', '[', ',', '=', ':', '?', '!', '&', '|', '+', '-', '*', '%', '<', '~', '^':
		return true
	case '>': // "=>" opens a block, ">" an object
		return len(c.out) < 2 || c.out[len(c.out)-2] != '='
	}
	return false
}

// token emits a token after the white space before it: none at the start
// of a line (the indentation), a line break when there was one (blank lines
// become one), else one space when the two tokens need it (jsSpace).
func (c *jsCompactor) token(tok []byte, dot bool) {
	if n := len(c.out); n > 0 && c.out[n-1] != '\n' {
		switch {
		case c.newline:
			c.out = append(c.out, '\n')
		case c.space && jsSpace(c.out[n-1], tok[0]):
			c.out = append(c.out, ' ')
		}
	}
	c.space, c.newline = false, false
	c.out = append(c.out, tok...)
	c.word = ""
	c.dot = dot
	c.regexOK = false // after a value; the callers say otherwise
}

// emit emits text that is no token (a kept comment), keeping the parser's
// state.
func (c *jsCompactor) emit(text []byte) {
	word, dot, regexOK := c.word, c.dot, c.regexOK
	c.token(text, dot)
	c.word, c.regexOK = word, regexOK
}

// template copies the piece of a template literal that starts at
// src[i] (its opening backquote, or the "}" that closes one of its
// ${...}) up to its end or its next "${", and returns where the piece
// ends; -1 when the literal is never closed, the rest then copied as
// written.
func (c *jsCompactor) template(src []byte, i int) int {
	end, open := jsTemplateEnd(src, i+1)
	if end < 0 {
		c.rest(i)
		return -1
	}
	c.token(src[i:end], false)
	if open {
		c.braces = append(c.braces, 't')
		c.regexOK = true
	}
	return end
}

// rest keeps the script from i on as written.
func (c *jsCompactor) rest(i int) {
	c.token(c.src[i:], false)
}

// jsSpace reports whether a space between a token ending in a and one
// starting with b must stay. It may go where the two cannot run together
// into another token: next to a bracket, ";" or ",", a quote, or between a
// name and an operator; a binary operator may meet a unary one ("a=-b"),
// except in "+ +", "- -" and "< !" (a++ + b, a - -b, a < !--b). Spaces
// around "/" and "." stay (a regular expression, a comment, "1 .toFixed").
func jsSpace(a, b byte) bool {
	switch {
	case a == '/' || b == '/' || a == '.' || b == '.':
		return true
	case closer(a) || closer(b):
		return false
	case wordByte(a) && wordByte(b):
		return true
	case wordByte(a) || wordByte(b):
		return !operator(a) && !operator(b)
	}
	// Two operators.
	switch {
	case a == '<' && b == '!':
		return true
	case bytes.IndexByte([]byte("=:?&|<>*%^"), a) >= 0 && bytes.IndexByte([]byte("!~+-"), b) >= 0:
		return false
	}
	return true
}

func closer(b byte) bool {
	switch b {
	case '{', '}', '(', ')', '[', ']', ';', ',', '\'', '"', '`':
		return true
	}
	return false
}

func operator(b byte) bool {
	return bytes.IndexByte([]byte("=+-*%<>&|^!~?:"), b) >= 0
}

// wordByte reports the bytes of names and numbers: letters, digits, _ $ #
// and \ (an escape in a name), and every byte of a non-ASCII character.
func wordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || digit(b) ||
		b == '_' || b == '$' || b == '#' || b == '\\' || b >= 0x80
}

func digit(b byte) bool { return '0' <= b && b <= '9' }

// isLineSep reports U+2028 or U+2029 at i: line terminators in JavaScript.
func isLineSep(src []byte, i int) bool {
	return i+2 < len(src) && src[i] == 0xE2 && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9)
}

// jsLineEnd is where the line holding i ends: its line terminator, or the end.
func jsLineEnd(src []byte, i int) int {
	for ; i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' || isLineSep(src, i) {
			return i
		}
	}
	return i
}

func hasLineBreak(b []byte) bool {
	return jsLineEnd(b, 0) < len(b)
}

// jsStringEnd is the end of the string literal opening at i, or -1 when it
// is never closed on its line.
func jsStringEnd(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case q:
			return j + 1
		case '\\':
			j++ // the escaped character; a line continuation \ CR LF skips both
			if j+1 < len(src) && src[j] == '\r' && src[j+1] == '\n' {
				j++
			}
		case '\n', '\r':
			return -1
		}
	}
	return -1
}

// jsTemplateEnd scans a template literal from i (after "`" or the "}" of a
// substitution) to its closing "`" or the next "${": it returns where the
// scan ended and whether a substitution opened, or -1 when the template is
// never closed.
func jsTemplateEnd(src []byte, i int) (int, bool) {
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '`':
			return j + 1, false
		case '\\':
			j++
		case '$':
			if j+1 < len(src) && src[j+1] == '{' {
				return j + 2, true
			}
		}
	}
	return -1, false
}

// jsRegexEnd is the end of the regular expression literal opening at i (its
// flags included), or -1 when it would run past its line.
func jsRegexEnd(src []byte, i int) int {
	class := false
	for j := i + 1; j < len(src); j++ {
		if isLineSep(src, j) {
			return -1
		}
		switch src[j] {
		case '\n', '\r':
			return -1
		case '\\':
			if j+1 < len(src) && (src[j+1] == '\n' || src[j+1] == '\r' || isLineSep(src, j+1)) {
				return -1
			}
			j++
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(src) && wordByte(src[j]) && !isLineSep(src, j) {
					j++
				}
				return j
			}
		}
	}
	return -1
}
