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
// "/" starts a regular expression or divides is told by where it stands, as
// a parser would: after a value (a name, a number, a string, ")" "]", the
// "}" of an object literal or of a function or class expression) it
// divides; where an operand or a statement is due (after an operator, "("
// "," "=" ";" a keyword such as return or else, the ")" of if (...),
// while (...), for (...), the "}" of a block, of a function or class
// declaration or of an arrow function's body, the ":" of a case or a
// label, the label of break or continue, the module's name that ends an
// import) it starts a literal. To know what a "}" closes it keeps what each
// "{" opened: a block (after ")" of if (...), else, do, try, finally,
// "=>", a label's or a case's ":", at the start of a statement), an object
// literal (where an operand is due: after "=", "(", ",", return, an object
// literal's or a ternary's ":"), a function's or a class's body. A literal
// that would run past its line is a division after all (a literal cannot
// hold a line break).
//
// When unsure it keeps the source as written: a string, template, regular
// expression or comment never closed keeps the rest of the script as it is,
// so does a "/" that could start a literal or divide (after await or yield,
// which are names outside async functions and generators, after a name
// var, let or const declares, or after what it cannot place); a script
// whose brackets do not match is kept whole as written; licence comments
// (/*! ...) and a first line "#!" stay.
func compactJS(src []byte) []byte { return compactJSWith(src, nil) }

// compactJSWith is compactJS calling literal, when not nil, with each
// string, regular expression and piece of a template literal it copies.
func compactJSWith(src []byte, literal func([]byte)) []byte {
	c := jsCompactor{src: src, out: make([]byte, 0, len(src)), frames: []jsFrame{{kind: 'b'}}, literal: literal}
	// A script that cannot parse stays as written: brackets that do not
	// match, or a "#!" made first where it was not (a second pass would
	// read a hashbang line).
	if !c.run() || bytes.HasPrefix(c.out, []byte("#!")) && !bytes.HasPrefix(src, []byte("#!")) {
		return src
	}
	return c.out
}

// jsState is what a token may be where the compactor stands.
type jsState byte

const (
	jsStmt   jsState = iota // a statement starts: "/" a literal, "{" a block
	jsExpr                  // an operand is due: "/" a literal, "{" an object
	jsValue                 // a value ends here: "/" divides
	jsUnsure                // a "/" could do either: the rest kept as written
)

// jsFrame is an open bracket: "(" "[", a "{" (a block 'b', an object
// literal 'o', a class body 'c', a "{" it cannot place '?'), or 't' the ${
// of a template literal. The root frame, a block, is the script.
type jsFrame struct {
	kind    byte
	after   jsState // where the compactor stands after its closing bracket
	body    byte    // "(" of a function's parameters: 'd' a declaration's, 'x' an expression's, 'u' unsure
	loop    bool    // "(" of for (...): "of" in it is a keyword
	ternary int     // open "?" of conditional expressions in it
	label   bool    // a case or default waits for its ":"
	declare bool    // in the list of a var, let or const
}

type jsCompactor struct {
	src []byte
	out []byte

	// Between tokens: white space (or a comment on one line) was seen;
	// a line break (or a comment spanning lines) was seen.
	space, newline bool

	state  jsState
	frames []jsFrame

	// What the last token was, for the next one.
	word       string // a name (not a property), else ""
	wordStmt   bool   // that name started a statement
	wordUnsure bool   // that name may have started a statement
	prev       byte   // a punctuator's first byte, else 0
	dot        bool   // "." or "?.": a name after it is a property
	key        bool   // a property's or class member's name is due: no keyword
	labelOK    bool   // a name that started a statement: a ":" after it ends a label
	arrow      bool   // "=>": a "{" after it opens a body
	body       byte   // the ")" of a function's parameters: 'd', 'x' or 'u'

	fn       byte // "function" seen, its "(" not yet: 'd' a declaration, 'x' an expression, 'u' unsure
	class    byte // "class" seen, its body not yet: 'd', 'x' or 'u'
	classAt  int  // how many frames were open at that "class"
	mismatch bool // a closing bracket that matches no open one

	literal func([]byte) // see compactJSWith
}

// blockWords are the keywords whose "(...)" is followed by a statement or
// a block: after its ")" a "/" starts a regular expression.
var blockWords = map[string]bool{"if": true, "while": true, "for": true, "with": true, "switch": true, "catch": true}

// run compacts the script into c.out; false when its brackets do not
// match (a script that cannot parse), to be kept as written.
func (c *jsCompactor) run() bool {
	src := c.src
	i := 0
	if bytes.HasPrefix(src, []byte("#!")) {
		end := jsLineEnd(src, 0)
		c.out = append(c.out, src[:end]...)
		i = end
	}
	for i < len(src) {
		if c.mismatch {
			return false
		}
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
				return true
			}
			end += i + 4
			comment := src[i:end]
			switch {
			case bytes.HasPrefix(comment, []byte("/*!")):
				c.write(comment) // a licence: kept, and no token
			case hasLineBreak(comment):
				c.newline = true
			default:
				c.space = true
			}
			i = end
		case b == '/' && c.at() != jsValue:
			if end := jsRegexEnd(src, i); end > 0 {
				if c.at() == jsUnsure {
					c.rest(i) // a literal or a division: keep both readings
					return true
				}
				c.copy(src[i:end], jsValue)
				i = end
				break
			}
			i = c.punct(i) // a division after all
		case b == '\'' || b == '"':
			end := jsStringEnd(src, i)
			if end < 0 {
				c.rest(i)
				return true
			}
			c.copy(src[i:end], c.afterString())
			i = end
		case b == '`':
			if i = c.template(src, i); i < 0 {
				return true
			}
		case b == '}' && c.top().kind == 't':
			c.frames = c.frames[:len(c.frames)-1]
			if i = c.template(src, i); i < 0 {
				return true
			}
		case wordByte(b):
			end := i + 1
			for end < len(src) && wordByte(src[end]) && !isLineSep(src, end) {
				end++
			}
			c.name(string(src[i:end]))
			i = end
		default:
			i = c.punct(i)
		}
	}
	if c.mismatch || len(c.frames) > 1 {
		return false
	}
	if c.newline && len(c.out) > 0 && c.out[len(c.out)-1] != '\n' {
		c.out = append(c.out, '\n')
	}
	return true
}

// at is where the compactor stands for the next token: a line break after
// return, break, continue, throw or yield ends the statement.
func (c *jsCompactor) at() jsState {
	if c.newline {
		switch c.word {
		case "return", "break", "continue", "throw", "yield":
			return jsStmt
		}
	}
	return c.state
}

// afterString is where the compactor stands after a string: after a
// value, but at a statement's start when the string names a module
// (import "x", import ... from "x", export ... from "x"); after a line
// break following from, unsure.
func (c *jsCompactor) afterString() jsState {
	switch {
	case c.word == "import":
		return jsStmt
	case c.word == "from" && c.newline:
		return jsUnsure
	case c.word == "from":
		return jsStmt
	}
	return jsValue
}

// top is the innermost open bracket.
func (c *jsCompactor) top() *jsFrame { return &c.frames[len(c.frames)-1] }

// name emits a name, a number or a keyword, and sets where the compactor
// stands after it.
func (c *jsCompactor) name(w string) {
	at := c.at()
	// A name starts a statement at one's start, or after a value on the
	// line before (a semicolon is inserted there).
	stmt := at == jsStmt || at == jsValue && c.newline
	// After await or yield (names, or keywords taking an operand) or a
	// declared name, on the next line: a statement or not.
	unsure := at == jsUnsure && c.newline
	if (c.word == "async" || c.word == "default") && !c.newline {
		stmt, unsure = c.wordStmt, c.wordUnsure // async function, export default class
	}
	prop := c.dot || c.key
	key, word, newline := c.key, c.word, c.newline
	// A name declared by var, let or const (right after it, or after a
	// "," of its list) may end its statement: a "/" after it is unsure.
	top := c.top()
	binding := !prop && !stmt && (top.declare && c.prev == ',' || word == "var" || word == "let" || word == "const")
	if stmt {
		top.declare = false
	}
	c.token([]byte(w), jsValue)
	switch {
	case binding:
		c.state = jsUnsure
	case (word == "break" || word == "continue") && !newline:
		c.state = jsStmt // break label
	}
	if prop {
		// A property's name, whatever it spells; get, set, static and
		// async may come before a member's name.
		switch w {
		case "get", "set", "static", "async":
			c.key = key
		}
		return
	}
	c.word, c.wordStmt, c.wordUnsure = w, stmt, unsure
	switch w {
	case "function", "class":
		kind := byte('x')
		switch {
		case stmt:
			kind = 'd'
		case unsure:
			kind = 'u' // after its "}", a "/" is unsure too
		}
		if w == "function" {
			c.fn = kind
		} else {
			c.class, c.classAt = kind, len(c.frames)
		}
		c.state = jsExpr
	case "var", "let", "const":
		c.top().declare = true
		if w != "let" {
			c.state = jsExpr
		}
	case "return", "typeof", "instanceof", "in", "new", "delete", "void", "throw",
		"extends", "import":
		c.state = jsExpr
	case "case":
		c.top().label = true
		c.state = jsExpr
	case "default":
		if word == "export" {
			c.state = jsExpr // export default {...}: an object
			break
		}
		c.top().label = true
	case "else", "do", "try", "finally", "break", "continue", "export", "debugger":
		c.state = jsStmt
	case "of":
		if f := c.top(); f.kind == '(' && f.loop && (at == jsValue || at == jsUnsure) {
			c.state = jsExpr // for (x of ...)
		}
	case "await", "yield":
		// Keywords in async functions and generators, names elsewhere:
		// a "/" after them could divide or start a regular expression.
		c.state = jsUnsure
		if w == "await" && word == "for" {
			c.word = "for" // for await (...)
		}
	case "if", "while", "for", "with", "switch", "catch", "static", "async",
		"this", "super", "null", "true", "false":
	default:
		c.labelOK = stmt
	}
}

// punct emits the punctuator at i and returns where the next token starts.
func (c *jsCompactor) punct(i int) int {
	src := c.src
	b := src[i]
	at := c.at()
	n := 1
	state := jsExpr
	key := false
	var open *jsFrame
	switch b {
	case '(':
		f := jsFrame{kind: '(', after: jsValue}
		switch {
		case c.fn != 0:
			f.body, c.fn = c.fn, 0
		case blockWords[c.word]:
			f.after, f.loop = jsStmt, c.word == "for"
		}
		open = &f
	case '[':
		open = &jsFrame{kind: '[', after: jsValue}
	case '{':
		open = c.brace(at)
		if open.kind == 'c' || open.kind == 'o' {
			key = true
		}
		if open.kind != 'o' {
			state = jsStmt
		}
		if open.kind == '?' {
			state = jsUnsure
		}
	case ')', ']', '}':
		f := c.top()
		if len(c.frames) == 1 || !closes(b, f.kind) {
			c.mismatch = true
			return i + 1
		}
		state = f.after
		body := f.body
		c.frames = c.frames[:len(c.frames)-1]
		c.token(src[i:i+1], state)
		c.prev, c.body = b, body
		c.key = b == '}' && c.top().kind == 'c'
		return i + 1
	case ';':
		state = jsStmt
		key = c.top().kind == 'c'
		c.top().declare = false
	case ',':
		key = c.top().kind == 'o'
	case ':':
		switch f := c.top(); {
		case f.ternary > 0:
			f.ternary--
		case f.kind == 'o':
		case f.label || c.labelOK && f.kind == 'b':
			f.label = false
			state = jsStmt
		default:
			state = jsUnsure
		}
	case '?':
		switch {
		case i+1 < len(src) && src[i+1] == '.' && (i+2 >= len(src) || !digit(src[i+2])):
			c.token(src[i:i+2], jsExpr)
			c.dot = true
			return i + 2
		case i+1 < len(src) && src[i+1] == '?':
			n = 2
		default:
			c.top().ternary++
		}
	case '=':
		if i+1 < len(src) && src[i+1] == '>' {
			c.token(src[i:i+2], jsExpr)
			c.arrow = true
			return i + 2
		}
	case '+', '-':
		if i+1 < len(src) && src[i+1] == b {
			n = 2 // ++ and --: postfix right after a value on its line
			if at == jsValue && !c.newline {
				state = jsValue
			}
		}
	case '*':
		key = c.key // a generator method: *name() {...}
	case '.':
		if bytes.HasPrefix(src[i:], []byte("...")) {
			n = 3 // spread
			break
		}
		c.token(src[i:i+1], jsExpr)
		c.dot = true
		return i + 1
	}
	c.token(src[i:i+n], state)
	c.prev, c.key = b, key
	if open != nil {
		c.frames = append(c.frames, *open)
	}
	return i + n
}

// jsAfter is where the compactor stands after the body of a function or a
// class: 'd' a declaration, 'x' an expression, 'u' either.
func jsAfter(kind byte) jsState {
	switch kind {
	case 'd':
		return jsStmt
	case 'x':
		return jsValue
	}
	return jsUnsure
}

// closes reports whether the bracket b closes a frame of that kind.
func closes(b, kind byte) bool {
	switch b {
	case ')':
		return kind == '('
	case ']':
		return kind == '['
	}
	return kind == 'b' || kind == 'o' || kind == 'c' || kind == '?'
}

// brace tells what a "{" opens, where the compactor stands at.
func (c *jsCompactor) brace(at jsState) *jsFrame {
	switch {
	case c.body != 0: // a function's body
		return &jsFrame{kind: 'b', after: jsAfter(c.body)}
	case c.arrow: // () => {...}: nothing may follow it on its line but , ) ] } ; or :
		return &jsFrame{kind: 'b', after: jsStmt}
	case c.class != 0 && c.classAt == len(c.frames) && c.word != "extends":
		after := jsAfter(c.class)
		c.class = 0
		return &jsFrame{kind: 'c', after: after}
	case c.word == "let" || c.word == "const" || c.word == "var" || c.word == "import":
		return &jsFrame{kind: 'o', after: jsValue} // a pattern, or import {...}
	case c.word == "static": // a class's static block
		return &jsFrame{kind: 'b', after: jsStmt}
	case at == jsStmt || at == jsValue && c.newline: // a semicolon is inserted before it
		return &jsFrame{kind: 'b', after: jsStmt}
	case at == jsExpr:
		return &jsFrame{kind: 'o', after: jsValue}
	case at == jsValue && c.prev == ')': // a method's body: name(...) {...}
		return &jsFrame{kind: 'b', after: jsStmt}
	}
	return &jsFrame{kind: '?', after: jsUnsure}
}

// token emits a token and sets where the compactor stands after it; what
// the last token was is forgotten (the callers say what matters of it).
func (c *jsCompactor) token(tok []byte, state jsState) {
	c.write(tok)
	c.state = state
	c.word, c.prev = "", 0
	c.dot, c.key, c.labelOK, c.arrow = false, false, false, false
	c.body = 0
}

// copy emits a literal: a string, a regular expression, a piece of a
// template.
func (c *jsCompactor) copy(lit []byte, state jsState) {
	if c.literal != nil {
		c.literal(lit)
	}
	c.token(lit, state)
}

// write emits text after the white space before it: none at the start of
// a line (the indentation), a line break when there was one (blank lines
// become one), else one space when the two tokens need it (jsSpace). A
// kept comment is written so, and leaves the parser's state as it was.
func (c *jsCompactor) write(text []byte) {
	if n := len(c.out); n > 0 && c.out[n-1] != '\n' {
		switch {
		case c.newline:
			c.out = append(c.out, '\n')
		case c.space && jsSpace(c.out[n-1], text[0]):
			c.out = append(c.out, ' ')
		}
	}
	c.space, c.newline = false, false
	c.out = append(c.out, text...)
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
	if !open {
		c.copy(src[i:end], jsValue)
		return end
	}
	c.copy(src[i:end], jsExpr)
	c.frames = append(c.frames, jsFrame{kind: 't'})
	return end
}

// rest keeps the script from i on as written.
func (c *jsCompactor) rest(i int) {
	c.token(c.src[i:], jsValue)
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
