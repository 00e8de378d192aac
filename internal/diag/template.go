package diag

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file places and words text/template's syntax errors. text/template
// reports a syntax error with a line alone ("template: page.html:12:
// unexpected "}" in operand"), and in its own words. TemplateSyntax
// scans the file as text/template's lexer does, keeping each token's
// offset, and follows the blocks ({{if}} ... {{end}}) and variables the
// parser follows, so that it can point at the token the error is about:
// the stray character, the opening quote or "{{" never closed, the
// {{range}} without an {{end}} (inside a {{define}}, the block whose part
// closes an HTML element opened before it: see misclosed), the {{end}}
// that closes nothing, the
// variable never made. Where it cannot tell which token is meant (a
// message it does not know, or a token the scan does not find on the
// line text/template named) it keeps text/template's line and gives no
// column rather than a wrong one.

// ttoken is one token of a template, as text/template's lexer cuts it.
type ttoken struct {
	kind ttKind
	pos  int    // byte offset in the file
	val  string // its text
}

type ttKind int

const (
	ttLeft    ttKind = iota // {{
	ttRight                 // }}
	ttSpace                 // spaces inside an action
	ttWord                  // a function's name, true, false
	ttKeyword               // if, range, with, else, end, define, block, template, break, continue, nil, .
	ttField                 // .Title
	ttVar                   // $x, $
	ttString                // "..." or `...`
	ttChar                  // '.'
	ttNumber                // 12, 0x1f, 1e3
	ttPipe                  // |
	ttAssign                // =
	ttDeclare               // :=
	ttLParen                // (
	ttRParen                // )
	ttOther                 // any other printable ASCII character: , < }
)

// keywords are text/template's keywords; "." is one too.
var keywords = map[string]bool{".": true, "block": true, "break": true, "continue": true, "define": true, "else": true, "end": true, "if": true, "nil": true, "range": true, "template": true, "with": true}

// String is the token as text/template's messages write it.
func (t ttoken) String() string {
	switch {
	case t.kind == ttKeyword:
		return fmt.Sprintf("<%s>", t.val)
	case len(t.val) > 10:
		return fmt.Sprintf("%.10q...", t.val)
	}
	return fmt.Sprintf("%q", t.val)
}

// lexError is where text/template's lexer stops, and why (its message).
type lexError struct {
	pos int // the token it was reading
	at  int // the character that is wrong, where that differs from pos
	msg string
}

// lexTemplate cuts src into tokens as text/template's lexer does, with
// the default delimiters; it stops at the first error, as text/template
// does. Text outside actions and comments are left out.
func lexTemplate(src string) (toks []ttoken, lerr *lexError) {
	const trim = 2 // "- " after "{{" or " -" before "}}"
	hasLeftTrim := func(s string) bool { return len(s) >= 2 && s[0] == '-' && isTemplateSpace(rune(s[1])) }
	hasRightTrim := func(s string) bool { return len(s) >= 2 && isTemplateSpace(rune(s[0])) && s[1] == '-' }
	atRight := func(p int) (bool, int) { // at "}}" or " -}}", and its length
		if hasRightTrim(src[p:]) && strings.HasPrefix(src[p+trim:], "}}") {
			return true, trim + 2
		}
		return strings.HasPrefix(src[p:], "}}"), 2
	}
	p := 0
	for {
		x := strings.Index(src[p:], "{{")
		if x < 0 {
			return toks, nil
		}
		open := p + x
		p = open + 2
		if hasLeftTrim(src[p:]) {
			p += trim
		}
		if strings.HasPrefix(src[p:], "/*") {
			end := strings.Index(src[p+2:], "*/")
			if end < 0 {
				return toks, &lexError{pos: open, at: open, msg: "unclosed comment"}
			}
			close := p + 2 + end
			ok, n := atRight(close + 2)
			if !ok {
				return toks, &lexError{pos: open, at: close, msg: "comment ends before closing delimiter"}
			}
			p = close + 2 + n
			continue
		}
		toks = append(toks, ttoken{ttLeft, open, "{{"})
		depth := 0
		for {
			if ok, n := atRight(p); ok {
				if depth > 0 {
					return toks, &lexError{pos: p, at: lastParen(toks), msg: "unclosed left paren"}
				}
				right := p
				if n > 2 {
					right += trim
				}
				toks = append(toks, ttoken{ttRight, right, "}}"})
				p += n
				break
			}
			if p >= len(src) {
				return toks, &lexError{pos: p, at: open, msg: "unclosed action"}
			}
			start := p
			r, w := utf8.DecodeRuneInString(src[p:])
			p += w
			emit := func(k ttKind) { toks = append(toks, ttoken{k, start, src[start:p]}) }
			fail := func(at int, format string, args ...any) *lexError {
				return &lexError{pos: start, at: at, msg: fmt.Sprintf(format, args...)}
			}
			switch {
			case isTemplateSpace(r):
				for p < len(src) {
					r, w := utf8.DecodeRuneInString(src[p:])
					if !isTemplateSpace(r) {
						break
					}
					p += w
				}
				// The space before " -}}" belongs to the delimiter.
				if hasRightTrim(src[p-1:]) && strings.HasPrefix(src[p+1:], "}}") {
					p--
				}
				if p > start {
					emit(ttSpace)
				}
			case r == '=':
				emit(ttAssign)
			case r == ':':
				if p >= len(src) || src[p] != '=' {
					return toks, fail(start, "expected :=")
				}
				p++
				emit(ttDeclare)
			case r == '|':
				emit(ttPipe)
			case r == '"', r == '`', r == '\'':
				if !scanQuoted(src, &p, r) {
					switch r {
					case '"':
						return toks, fail(start, "unterminated quoted string")
					case '`':
						return toks, fail(start, "unterminated raw quoted string")
					}
					return toks, fail(start, "unterminated character constant")
				}
				if r == '\'' {
					emit(ttChar)
				} else {
					emit(ttString)
				}
			case r == '$' || r == '.' && p < len(src) && (src[p] < '0' || src[p] > '9'):
				// A "." last in the file is a number to text/template.
				p = wordEnd(src, p)
				if !atTerminator(src, p) {
					r, _ := utf8.DecodeRuneInString(src[p:])
					return toks, fail(p, "bad character %#U", r)
				}
				switch {
				case src[start:p] == ".":
					emit(ttKeyword)
				case r == '.':
					emit(ttField)
				default:
					emit(ttVar)
				}
			case r == '.' || r == '+' || r == '-' || '0' <= r && r <= '9':
				p = start
				if !scanNumber(src, &p) {
					return toks, fail(start, "bad number syntax: %q", src[start:p])
				}
				if p < len(src) && (src[p] == '+' || src[p] == '-') {
					if !scanNumber(src, &p) || src[p-1] != 'i' {
						return toks, fail(start, "bad number syntax: %q", src[start:p])
					}
				}
				emit(ttNumber)
			case isTemplateWord(r):
				p = wordEnd(src, p)
				if !atTerminator(src, p) {
					r, _ := utf8.DecodeRuneInString(src[p:])
					return toks, fail(p, "bad character %#U", r)
				}
				if keywords[src[start:p]] {
					emit(ttKeyword)
				} else {
					emit(ttWord)
				}
			case r == '(':
				depth++
				emit(ttLParen)
			case r == ')':
				depth--
				if depth < 0 {
					return toks, fail(start, "unexpected right paren")
				}
				emit(ttRParen)
			case r <= unicode.MaxASCII && unicode.IsPrint(r):
				emit(ttOther)
			default:
				return toks, fail(start, "unrecognized character in action: %#U", r)
			}
		}
	}
}

// lastParen is the offset of the last "(" of toks that no ")" closes.
func lastParen(toks []ttoken) int {
	depth := 0
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].kind {
		case ttRParen:
			depth++
		case ttLParen:
			if depth == 0 {
				return toks[i].pos
			}
			depth--
		case ttLeft:
			return toks[i].pos
		}
	}
	return 0
}

func isTemplateSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

func isTemplateWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// atTerminator reports whether what follows a name at p may follow it.
func atTerminator(src string, p int) bool {
	if p >= len(src) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(src[p:])
	return isTemplateSpace(r) || strings.ContainsRune(".,|:)(", r) || strings.HasPrefix(src[p:], "}}")
}

// wordEnd is where the run of word characters (isTemplateWord) that goes
// on at byte p of src ends.
func wordEnd(src string, p int) int {
	for p < len(src) {
		r, w := utf8.DecodeRuneInString(src[p:])
		if !isTemplateWord(r) {
			break
		}
		p += w
	}
	return p
}

// scanQuoted moves *p past a text in quotes q (the opening one read), or
// reports that it is never closed: "..." and '...' on their line.
func scanQuoted(src string, p *int, q rune) bool {
	for *p < len(src) {
		c := src[*p]
		*p++
		switch {
		case c == '\\' && q != '`':
			if *p >= len(src) || src[*p] == '\n' {
				return false
			}
			*p++
		case c == '\n' && q != '`':
			return false
		case rune(c) == q:
			return true
		}
	}
	return false
}

// scanNumber moves *p past a number as text/template's lexer reads one.
func scanNumber(src string, p *int) bool {
	accept := func(valid string) bool {
		if *p < len(src) && strings.IndexByte(valid, src[*p]) >= 0 {
			*p++
			return true
		}
		return false
	}
	run := func(valid string) {
		for accept(valid) {
		}
	}
	accept("+-")
	digits := "0123456789_"
	if accept("0") {
		switch {
		case accept("xX"):
			digits = "0123456789abcdefABCDEF_"
		case accept("oO"):
			digits = "01234567_"
		case accept("bB"):
			digits = "01_"
		}
	}
	run(digits)
	if accept(".") {
		run(digits)
	}
	if len(digits) == 11 && accept("eE") {
		accept("+-")
		run("0123456789_")
	}
	if len(digits) == 23 && accept("pP") {
		accept("+-")
		run("0123456789_")
	}
	accept("i")
	if *p < len(src) {
		if r, w := utf8.DecodeRuneInString(src[*p:]); isTemplateWord(r) {
			*p += w
			return false
		}
	}
	return true
}

// action is one {{ }} of a template: its tokens without spaces, and
// where it starts.
type action struct {
	open int
	toks []ttoken
}

// actions groups tokens by action.
func actions(toks []ttoken) []action {
	var out []action
	for _, t := range toks {
		if t.kind == ttLeft {
			out = append(out, action{open: t.pos})
			continue
		}
		if len(out) == 0 || t.kind == ttRight {
			continue
		}
		a := &out[len(out)-1]
		if t.kind != ttSpace {
			a.toks = append(a.toks, t)
		}
	}
	return out
}

// first is the action's first word ("if", "end"), or "".
func (a action) first() string {
	if len(a.toks) > 0 && a.toks[0].kind == ttKeyword {
		return a.toks[0].val
	}
	return ""
}

// block is an open {{if}}, {{range}}, {{with}}, {{define}} or {{block}}.
type block struct {
	kind  string
	pos   int      // the "{{" of its action
	elses int      // its plain {{else}}s so far
	vars  []string // variables made inside it
	end   int      // the "{{" of the {{end}} that closed it, or -1
}

// structure follows a template's blocks and variables as text/template's
// parser does, up to the first mistake it finds. Each int field is the
// offset of the "{{" of the first such mistake (of its "if" or "with"
// for elseIf), or -1.
type structure struct {
	unclosed   *block           // the innermost block open at the end
	closed     []*block         // the blocks an {{end}} closed, in the order they open
	strayEnd   int              // an {{end}} that closes nothing
	strayElse  int              // an {{else}} outside any block that takes one
	secondElse int              // an {{else}} after a block's plain {{else}}
	elseIf     int              // "if" or "with" after {{else}} in a block that cannot take it
	nestedDef  int              // {{define}} inside a block
	noRange    int              // {{break}} or {{continue}} outside {{range}}
	undefined  map[string][]int // each variable's uses where it is not visible
	madeAt     map[string]int   // where each variable is first made
	declared   []string         // every variable made in the file, for hints
	defines    map[string][]int
}

func follow(acts []action) *structure {
	s := &structure{strayEnd: -1, strayElse: -1, secondElse: -1, elseIf: -1, nestedDef: -1, noRange: -1, undefined: map[string][]int{}, madeAt: map[string]int{}, defines: map[string][]int{}}
	stack := []*block{{kind: "file", vars: []string{"$"}}}
	visible := func(v string) bool {
		for i := len(stack) - 1; i >= 0; i-- {
			for _, w := range stack[i].vars {
				if w == v {
					return true
				}
			}
			if stack[i].kind == "define" || stack[i].kind == "block" {
				return v == "$"
			}
		}
		return false
	}
	inRange := func() bool {
		for i := len(stack) - 1; i > 0; i-- {
			switch stack[i].kind {
			case "range":
				return true
			case "define", "block":
				return false
			}
		}
		return false
	}
	first := func(at *int, pos int) {
		if *at < 0 {
			*at = pos
		}
	}
	// uses makes the variables toks declare ($x :=, $i, $p :=) in top,
	// and notes those it uses that are not visible.
	uses := func(toks []ttoken, top *block) {
		var names []string
		rest := toks
		for i := 0; i+1 < len(toks) && toks[i].kind == ttVar; i += 2 {
			names = append(names, toks[i].val)
			if toks[i+1].kind == ttDeclare {
				rest = toks[i+2:]
				top.vars = append(top.vars, names...)
				s.declared = append(s.declared, names...)
				for j, n := range names {
					if _, ok := s.madeAt[n]; !ok {
						s.madeAt[n] = toks[2*j].pos
					}
				}
				break
			}
			if toks[i+1].val != "," {
				break
			}
		}
		for _, t := range rest {
			if t.kind != ttVar {
				continue
			}
			name := t.val
			if j := strings.IndexByte(name[1:], '.'); j >= 0 {
				name = name[:j+1]
			}
			if !visible(name) {
				s.undefined[name] = append(s.undefined[name], t.pos)
			}
		}
	}
	for _, a := range acts {
		toks := a.toks
		switch kw := a.first(); kw {
		case "if", "range", "with", "block", "define":
			if kw == "define" && len(stack) > 1 {
				first(&s.nestedDef, a.open)
			}
			if kw == "define" && len(toks) > 1 && toks[1].kind == ttString {
				name, _ := strconv.Unquote(toks[1].val)
				s.defines[name] = append(s.defines[name], a.open)
			}
			b := &block{kind: kw, pos: a.open, end: -1}
			stack = append(stack, b)
			s.closed = append(s.closed, b)
			if kw != "define" && kw != "block" {
				uses(toks[1:], b)
			}
		case "else":
			top := stack[len(stack)-1]
			switch top.kind {
			case "if", "range", "with":
			default:
				first(&s.strayElse, a.open)
				continue
			}
			if top.elses > 0 {
				first(&s.secondElse, a.open)
			}
			if len(toks) > 1 && toks[1].kind == ttKeyword && (toks[1].val == "if" || toks[1].val == "with") {
				if toks[1].val != top.kind {
					first(&s.elseIf, toks[1].pos)
				}
				uses(toks[2:], top)
				continue
			}
			top.elses++
		case "end":
			if len(stack) == 1 {
				first(&s.strayEnd, a.open)
				continue
			}
			stack[len(stack)-1].end = a.open
			stack = stack[:len(stack)-1]
		case "break", "continue":
			if !inRange() {
				first(&s.noRange, a.open)
			}
		default:
			uses(toks, stack[len(stack)-1])
		}
	}
	if len(stack) > 1 {
		s.unclosed = stack[len(stack)-1]
	}
	return s
}

// templateWords are text/template's syntax errors, each found in the
// file and said in words that say what to do. find returns the offset
// the message is about, or -1; its message may use what find saw.
type templateWord struct {
	re    *regexp.Regexp
	plain func(m []string, f *finder) (pos int, msg string)
}

// finder is what TemplateSyntax knows of a file with a syntax error.
type finder struct {
	src   string
	line  int // text/template's line
	toks  []ttoken
	lerr  *lexError
	st    *structure
	acts  []action
	lines []int // offset of each line's start
	funcs []string
}

// lineOf is the line (from 1) of offset p.
func (f *finder) lineOf(p int) int {
	return sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > p })
}

// onLine returns the tokens that start on text/template's line and read
// as s in its messages, in order.
func (f *finder) onLine(s string) []ttoken {
	var out []ttoken
	for _, t := range f.toks {
		if f.lineOf(t.pos) == f.line && t.String() == s {
			out = append(out, t)
		}
	}
	return out
}

// token is the offset of the first token of kind k written val on
// text/template's line, or -1.
func (f *finder) token(k ttKind, val string) int {
	for _, t := range f.toks {
		if t.kind == k && t.val == val && f.lineOf(t.pos) == f.line {
			return t.pos
		}
	}
	return -1
}

// unclosedBefore says, for the word at offset pos, which "{{" may miss
// its "}}" when the word is not where a function's name goes and starts
// a line after a value ({{ .Title <newline> Next), as text after an
// action whose "}}" is missing does; else "".
func (f *finder) unclosedBefore(pos int) string {
	i := slices.IndexFunc(f.toks, func(t ttoken) bool { return t.pos == pos })
	newline := false
	for i--; i >= 0 && f.toks[i].kind == ttSpace; i-- {
		newline = newline || strings.Contains(f.toks[i].val, "\n")
	}
	if !newline || i < 0 {
		return ""
	}
	switch t := f.toks[i]; t.kind {
	case ttLeft, ttPipe, ttLParen, ttDeclare, ttAssign, ttOther:
		return ""
	case ttKeyword:
		if t.val != "." {
			return ""
		}
	}
	return fmt.Sprintf(`; is the "{{" on line %d missing its "}}"?`, f.openLine(pos))
}

// openLine is the line of the "{{" of the action holding offset pos, or
// 0 when pos is in none.
func (f *finder) openLine(pos int) int {
	line := 0
	for _, t := range f.toks {
		if t.pos > pos {
			break
		}
		if t.kind == ttLeft {
			line = f.lineOf(t.pos)
		}
	}
	return line
}

// unquote is text/template's error, if any, for the value of a text in
// quotes or a character in single quotes.
func unquote(t ttoken) error {
	if t.kind != ttChar {
		_, err := strconv.Unquote(t.val)
		return err
	}
	_, _, _, err := strconv.UnquoteChar(t.val[1:], t.val[0])
	return err
}

// lexAt is where the lexer stopped when its message is msg, or -1.
func (f *finder) lexAt(msg string) int {
	if f.lerr != nil && strings.HasPrefix(f.lerr.msg, msg) {
		return f.lerr.at
	}
	return -1
}

// prev is the token before the i-th token in its action, spaces
// included, if any.
func (f *finder) prev(i int) (ttoken, bool) {
	if i > 0 && f.toks[i-1].kind != ttLeft {
		return f.toks[i-1], true
	}
	return ttoken{}, false
}

// legit reports whether the i-th token may be where it is, as far as
// its neighbours tell: "=", ":=" or "," after a variable ($x = 1, $i, $p
// := ...), "(" after a space, "(", "|" or "{{" (len (.Pages)), "|" after
// a value (.Title | upper).
func (f *finder) legit(i int) bool {
	t := f.toks[i]
	prev, ok := f.prev(i)
	switch {
	case t.kind == ttAssign || t.kind == ttDeclare || t.kind == ttOther && t.val == ",":
		if ok && prev.kind == ttSpace {
			prev, ok = f.prev(i - 1)
		}
		return ok && prev.kind == ttVar
	case t.kind == ttLParen:
		return !ok || prev.kind == ttSpace || prev.kind == ttLParen || prev.kind == ttPipe
	case t.kind == ttPipe:
		if ok && prev.kind == ttSpace {
			prev, ok = f.prev(i - 1)
		}
		return ok && prev.kind != ttPipe && prev.kind != ttLParen && prev.kind != ttDeclare && prev.kind != ttAssign
	}
	return false
}

// unexpected is the first token read as tok on text/template's line that
// cannot be where it is, else the first token read so; -1 if none.
func (f *finder) unexpected(tok string) int {
	first := -1
	for i, t := range f.toks {
		if f.lineOf(t.pos) != f.line || t.String() != tok {
			continue
		}
		if !f.legit(i) {
			return t.pos
		}
		if first < 0 {
			first = t.pos
		}
	}
	return first
}

// notClosed tells an {{end}} (or {{else}}, {{break}}, {{continue}})
// whose "}}" is missing, "{{- end" followed by the next lines of HTML,
// from one with something after it: text/template reports both as a token
// it did not expect after the keyword, here the token at pos. When that
// token is on a later line than the keyword, or is HTML ("<"), which no
// action holds, the "}}" is what is missing: notClosed returns the
// position of the action's "{{" and words that say so.
func (f *finder) notClosed(pos int, keyword string) (int, string, bool) {
	i := slices.IndexFunc(f.toks, func(t ttoken) bool { return t.pos == pos })
	if i < 0 {
		return 0, "", false
	}
	newline := false
	for j := i - 1; j >= 0; j-- {
		t := f.toks[j]
		switch t.kind {
		case ttSpace:
			newline = newline || strings.Contains(t.val, "\n")
		case ttLeft:
			if !newline && !strings.HasPrefix(f.toks[i].val, "<") {
				return 0, "", false
			}
			k := j + 1
			for k < i && f.toks[k].kind == ttSpace {
				k++
			}
			shown := f.src[t.pos:f.toks[k].pos] // "{{", "{{- " or "{{ "
			if strings.ContainsAny(shown, "\r\n") {
				shown = "{{"
			}
			return t.pos, fmt.Sprintf("this %q is not closed: \"}}\" is missing after %q", shown+keyword, keyword), true
		}
	}
	return 0, "", false
}

// misclosed finds, inside a {{define}} or {{block}} left open at the end
// of the file, the block that more likely lacks its {{end}}: text/template
// pairs every {{end}} with the nearest block still open, so an {{if}}
// without its own {{end}} takes the next one, and the {{define}} (the
// outermost) is left without. The culprit shows in the HTML: its part
// holds an end tag, such as </h1>, of an element opened before it. Of the
// blocks whose part does so, the one whose stray end tag comes first, and
// among those the innermost, is the one; nil when none does (the
// {{define}} may really lack its {{end}}).
func (f *finder) misclosed(outer *block) *block {
	var best *block
	bestAt := -1
	for _, b := range f.st.closed {
		if b == outer || b.pos < outer.pos || b.end < 0 {
			continue
		}
		at := strayEndTag(f.src[b.pos:b.end], f.acts, b.pos)
		if at < 0 {
			continue
		}
		at += b.pos
		if best == nil || at < bestAt || at == bestAt && b.pos > best.pos {
			best, bestAt = b, at
		}
	}
	return best
}

// htmlTagRE is an HTML start or end tag.
var htmlTagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>`)

// strayEndTag is the offset in part (which starts at offset base of the
// file) of the first HTML end tag whose element part does not open, -1 if
// none. Tags inside actions (in quoted texts) do not count.
func strayEndTag(part string, acts []action, base int) int {
	open := map[string]int{}
	for _, m := range htmlTagRE.FindAllStringSubmatchIndex(part, -1) {
		if inAction(acts, base+m[0]) {
			continue
		}
		name := strings.ToLower(part[m[4]:m[5]])
		if m[3] > m[2] { // an end tag
			if open[name] == 0 {
				return m[0]
			}
			open[name]--
			continue
		}
		open[name]++
	}
	return -1
}

// inAction reports whether offset pos lies inside one of acts, between
// its "{{" and the end of its last token.
func inAction(acts []action, pos int) bool {
	for _, a := range acts {
		if a.open > pos {
			return false
		}
		if n := len(a.toks); n > 0 && pos < a.toks[n-1].pos+len(a.toks[n-1].val) {
			return true
		}
	}
	return false
}

var templateSyntax = []templateWord{
	{regexp.MustCompile(`^unexpected "\}" in `), func(_ []string, f *finder) (int, string) {
		return f.unexpected(`"}"`), `unexpected "}" inside {{ }}: an action is closed with "}}"`
	}},
	{regexp.MustCompile(`^unexpected EOF$`), func(_ []string, f *finder) (int, string) {
		if b := f.st.unclosed; b != nil {
			if b.kind == "define" || b.kind == "block" {
				if in := f.misclosed(b); in != nil {
					b = in
				}
			}
			return b.pos, fmt.Sprintf("this {{%s}} is never closed: add {{end}} where its part ends", b.kind)
		}
		return -1, "the file ends before every {{if}}, {{range}}, {{with}}, {{define}} or {{block}} is closed: add the missing {{end}}"
	}},
	{regexp.MustCompile(`^unexpected \{\{end\}\}`), func(_ []string, f *finder) (int, string) {
		return f.st.strayEnd, "this {{end}} closes nothing: remove it, or add the {{if}}, {{range}} or {{with}} it should close"
	}},
	{regexp.MustCompile(`^unexpected \{\{else\}\}`), func(_ []string, f *finder) (int, string) {
		return f.st.strayElse, "this {{else}} belongs to no {{if}}, {{range}} or {{with}}: remove it, or add the {{if}} it belongs to"
	}},
	{regexp.MustCompile(`^expected end; found \{\{else\}\}$`), func(_ []string, f *finder) (int, string) {
		return f.st.secondElse, "a second {{else}}: an {{if}}, {{range}} or {{with}} has one {{else}} at most, and its {{else if}} parts come before it"
	}},
	{regexp.MustCompile(`^unexpected <(if|with)> in input$`), func(m []string, f *finder) (int, string) {
		return f.st.elseIf, fmt.Sprintf("{{else %s}} cannot follow this part: write {{else}}{{%s ...}} ... {{end}}, with an {{end}} of its own", m[1], m[1])
	}},
	{regexp.MustCompile(`^unexpected <define> in command$`), func(_ []string, f *finder) (int, string) {
		return f.st.nestedDef, "a {{define}} cannot be inside another part: close the part above it with {{end}} first"
	}},
	{regexp.MustCompile(`^missing value for (if|range|with)$`), func(m []string, f *finder) (int, string) {
		pos := -1
		if c := f.onLine("<" + m[1] + ">"); len(c) > 0 {
			pos = c[0].pos
		} else {
			// The action goes on over a line break ({{if NL }}), where
			// text/template stops: the last such keyword before.
			for _, t := range f.toks {
				if t.String() == "<"+m[1]+">" && f.lineOf(t.pos) < f.line {
					pos = t.pos
				}
			}
		}
		return pos, fmt.Sprintf("{{%s}} needs a value after it, such as {{%s .Title}}", m[1], m[1])
	}},
	{regexp.MustCompile(`^missing value for command$`), func(_ []string, f *finder) (int, string) {
		for _, t := range append(f.onLine(`":="`), f.onLine(`"="`)...) {
			return t.pos, fmt.Sprintf("a value is missing after %q, such as {{$x %s .Title}}", t.val, t.val)
		}
		for _, a := range f.acts {
			if len(a.toks) == 0 && f.lineOf(a.open) <= f.line {
				return a.open, `nothing between "{{" and "}}": write a value in it, such as {{.Title}}, or remove it`
			}
		}
		return -1, "a value is missing here, such as {{$x := .Title}}"
	}},
	{regexp.MustCompile(`^(?:missing value for block clause|unexpected .* in block clause)$`), func(_ []string, f *finder) (int, string) {
		pos := -1
		if c := f.onLine("<block>"); len(c) > 0 {
			pos = c[0].pos
		}
		return pos, `{{block}} takes a name in quotes and a value, such as {{block "main" .}}`
	}},
	{regexp.MustCompile(`^unexpected (.*) in define clause$`), func(m []string, f *finder) (int, string) {
		return f.unexpected(m[1]), `{{define}} takes a name in quotes and nothing else, such as {{define "main"}}`
	}},
	{regexp.MustCompile(`^unexpected (.*) in template clause$`), func(m []string, f *finder) (int, string) {
		return f.unexpected(m[1]), `{{template}} takes a template's name in quotes, then a value if you like: {{template "main" .}}`
	}},
	{regexp.MustCompile(`^template: multiple definition of template "(.*)"$`), func(m []string, f *finder) (int, string) {
		pos := -1
		if d := f.st.defines[m[1]]; len(d) > 1 {
			pos = d[1]
		}
		return pos, fmt.Sprintf("{{define %q}} is written twice in this file: rename or remove one", m[1])
	}},
	{regexp.MustCompile(`^\{\{(break|continue)\}\} outside \{\{range\}\}$`), func(m []string, f *finder) (int, string) {
		return f.st.noRange, fmt.Sprintf("{{%s}} works only inside a {{range}}", m[1])
	}},
	{regexp.MustCompile(`^unexpected (.*) in \{\{(break|continue)\}\}$`), func(m []string, f *finder) (int, string) {
		pos := f.unexpected(m[1])
		if open, words, ok := f.notClosed(pos, m[2]); ok {
			return open, words
		}
		return pos, fmt.Sprintf("{{%s}} takes nothing after it", m[2])
	}},
	{regexp.MustCompile(`^unexpected (.*) in end$`), func(m []string, f *finder) (int, string) {
		pos := f.unexpected(m[1])
		if open, words, ok := f.notClosed(pos, "end"); ok {
			return open, words
		}
		return pos, "{{end}} takes nothing after it"
	}},
	{regexp.MustCompile(`^unexpected (.*) in else$`), func(m []string, f *finder) (int, string) {
		pos := f.unexpected(m[1])
		if open, words, ok := f.notClosed(pos, "else"); ok {
			return open, words
		}
		return pos, "{{else}} takes nothing after it but if or with: {{else if .Pages}}"
	}},
	{regexp.MustCompile(`^too many declarations in (.*)$`), func(m []string, f *finder) (int, string) {
		// text/template stops at the "," after the first variable, or
		// the second in a {{range}}: the first such "," in the file.
		pos := -1
		for _, a := range f.acts {
			for i := 0; i < len(a.toks) && pos < 0; i++ {
				if a.toks[i].kind != ttVar || i > 0 && a.toks[i-1].kind != ttKeyword && a.toks[i-1].kind != ttLParen {
					continue
				}
				// Two right after range; one in its parentheses:
				// {{range ($a, ...)}}.
				most := 1
				if i > 0 && a.toks[i-1].kind == ttKeyword && a.toks[i-1].val == "range" {
					most = 2
				}
				for n, k := 1, i; k+1 < len(a.toks) && a.toks[k+1].val == ","; n, k = n+1, k+2 {
					if n == most {
						pos = a.toks[k+1].pos
						break
					}
					if k+2 >= len(a.toks) || a.toks[k+2].kind != ttVar {
						break
					}
				}
			}
			if pos >= 0 {
				break
			}
		}
		if m[1] == "range" {
			return pos, "a {{range}} makes two variables at most: {{range $i, $p := .Pages}}"
		}
		return pos, "only a {{range}} makes two variables at once; here make one: {{$x := .Title}}"
	}},
	{regexp.MustCompile(`^range can only initialize variables$`), func(_ []string, f *finder) (int, string) {
		return f.unexpected(`","`), "after \",\" a {{range}} takes a second variable and :=, such as {{range $i, $p := .Pages}}"
	}},
	{regexp.MustCompile(`^undefined variable "(.*)"$`), func(m []string, f *finder) (int, string) {
		// text/template stops at the variable, most often on its line.
		pos := -1
		for _, p := range f.st.undefined[m[1]] {
			if f.lineOf(p) == f.line {
				pos = p
				break
			}
		}
		if pos < 0 {
			pos = f.token(ttVar, m[1])
		}
		if u := f.st.undefined[m[1]]; pos < 0 && len(u) > 0 {
			// text/template read past it, to a later line.
			pos = u[0]
		}
		if made, ok := f.st.madeAt[m[1]]; ok && pos >= 0 && made < pos {
			return pos, fmt.Sprintf("%s is used here outside the part it is made in: a variable lasts until the {{end}} of the {{if}}, {{range}} or {{with}} it is made in, so make it before that part", m[1])
		}
		return pos, fmt.Sprintf("unknown variable %q: make it first with {{%s := ...}}; it lasts until the {{end}} of the part it is made in%s", m[1], m[1], Hint(m[1], slices.DeleteFunc(slices.Clone(f.st.declared), func(v string) bool { return v == m[1] })))
	}},
	{regexp.MustCompile(`^non executable command in pipeline stage (\d+)$`), func(m []string, f *finder) (int, string) {
		stage, _ := strconv.Atoi(m[1])
		pos, val := -1, ""
		for _, a := range f.acts {
			n := 1
			for i, t := range a.toks {
				if t.kind == ttPipe {
					n++
					if n == stage && i+1 < len(a.toks) && f.lineOf(a.toks[i+1].pos) == f.line {
						pos, val = a.toks[i+1].pos, a.toks[i+1].val
					}
				}
			}
			if pos >= 0 {
				break
			}
		}
		if pos < 0 {
			return -1, "after \"|\" comes the name of a function, such as {{.Date | isodate}}, not a value"
		}
		return pos, fmt.Sprintf("after \"|\" comes the name of a function, such as {{.Date | isodate}}; %s is a value", val)
	}},
	{regexp.MustCompile(`^unexpected \. after term (".*")$`), func(m []string, f *finder) (int, string) {
		term, _ := strconv.Unquote(m[1])
		pos := -1
		for _, t := range f.toks {
			if f.lineOf(t.pos) == f.line && t.val == term && t.kind != ttField {
				pos = t.pos + len(t.val)
				break
			}
		}
		return pos, fmt.Sprintf("%s has no fields: only a value such as .Site or $x is followed by .Name", term)
	}},
	{regexp.MustCompile(`^function "(.*)" not defined$`), func(m []string, f *finder) (int, string) {
		pos, open := f.token(ttWord, m[1]), ""
		if pos >= 0 {
			open = f.unclosedBefore(pos)
		}
		if alt, ok := hugoFuncs[m[1]]; ok && !slices.Contains(f.funcs, m[1]) {
			return pos, fmt.Sprintf("unknown function %q: %s%s", m[1], alt, open)
		}
		return pos, fmt.Sprintf("unknown function %q%s%s", m[1], Hint(m[1], f.funcs), open)
	}},
	{regexp.MustCompile(`^(?:illegal|bad) number syntax: (".*")$`), func(m []string, f *finder) (int, string) {
		n, _ := strconv.Unquote(m[1])
		// The scan's own bad number, when it is the one text/template
		// names ("+" is a number to both, and text/template stops at it
		// when it parses, before the scan's bad "0A" on the next line).
		pos := f.lexAt("bad number syntax")
		lexed := pos >= 0 && f.lerr.msg == "bad number syntax: "+m[1]
		if !lexed {
			pos = f.token(ttNumber, n)
		}
		if at := f.lexAt("unclosed action"); n == "." && at >= 0 {
			// "{{ ." last in the file: text/template reads the "." as a
			// number before it sees the file end.
			return at, `this "{{" is never closed with "}}"`
		}
		if n == "-" || n == "+" {
			return pos, fmt.Sprintf("%q alone is not a value; to trim spaces write \" -}}\", with a space before the \"-\"", n)
		}
		if !lexed && n != "." && tooBig(n) {
			// Read as a number, but not one Go can hold.
			return pos, fmt.Sprintf("%q is too big a number", n)
		}
		return pos, fmt.Sprintf("%q is not a number: a number holds digits only, and a name starts with a letter", n)
	}},
	{regexp.MustCompile(`^malformed character constant: (.*)$`), func(m []string, f *finder) (int, string) {
		return f.token(ttChar, m[1]), fmt.Sprintf("%s: single quotes hold one character; a text goes in double quotes, such as \"ab\"", m[1])
	}},
	{regexp.MustCompile(`^integer overflow: (".*")$`), func(m []string, f *finder) (int, string) {
		n, _ := strconv.Unquote(m[1])
		return f.token(ttNumber, n), fmt.Sprintf("%s is too big for a whole number", n)
	}},
	{regexp.MustCompile(`^missing value for parenthesized pipeline$`), func(_ []string, f *finder) (int, string) {
		return f.token(ttLParen, "("), `nothing between "(" and ")": put a value or a function call inside`
	}},
	{regexp.MustCompile(`^invalid syntax$`), func(_ []string, f *finder) (int, string) {
		for _, t := range f.toks {
			if (t.kind == ttString || t.kind == ttChar) && f.lineOf(t.pos) == f.line {
				if unquote(t) != nil {
					if t.kind == ttChar {
						return t.pos, fmt.Sprintf("%s: single quotes hold one character; a text goes in double quotes, such as \"ab\"", t.val)
					}
					return t.pos, fmt.Sprintf("%s holds a \\ that starts no known escape: write \\\\ for a backslash, or use backquotes", t.val)
				}
			}
		}
		return -1, "a text in quotes holds a \\ that starts no known escape: write \\\\ for a backslash"
	}},
	{regexp.MustCompile(`^unclosed action`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unclosed action"), `this "{{" is never closed with "}}"`
	}},
	{regexp.MustCompile(`^unclosed left paren`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unclosed left paren"), `this "(" is never closed with ")"`
	}},
	{regexp.MustCompile(`^unexpected right paren`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unexpected right paren"), `this ")" closes no "("`
	}},
	{regexp.MustCompile(`^unclosed comment`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unclosed comment"), `this comment is never closed with "*/}}"`
	}},
	{regexp.MustCompile(`^comment ends before closing delimiter`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("comment ends before closing delimiter"), `a comment ends with "*/}}", with nothing between "*/" and "}}"`
	}},
	{regexp.MustCompile(`^unterminated quoted string`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unterminated quoted string"), `this text in quotes is never closed with its " on the same line`
	}},
	{regexp.MustCompile(`^unterminated raw quoted string`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unterminated raw quoted string"), "this text in backquotes is never closed with its `"
	}},
	{regexp.MustCompile(`^unterminated character constant`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("unterminated character constant"), `this text in single quotes is never closed: inside {{ }} a text goes in double quotes, such as "ab"`
	}},
	{regexp.MustCompile(`^expected :=`), func(_ []string, f *finder) (int, string) {
		return f.lexAt("expected :="), `":" goes with "=" to make a variable: {{$x := .Title}}`
	}},
	{regexp.MustCompile(`^bad character (U\+[0-9A-F]+)(?: '(.+)')?`), func(m []string, f *finder) (int, string) {
		pos := f.lexAt("bad character")
		if m[2] == "" {
			return pos, fmt.Sprintf("an invisible character (%s) inside {{ }}: delete it", m[1])
		}
		m[1] = m[2]
		if m[1] == "}" {
			return pos, `unexpected "}" inside {{ }}: an action is closed with "}}"`
		}
		word := ""
		if f.lerr != nil && pos >= f.lerr.pos {
			word = f.src[f.lerr.pos:pos]
		}
		return pos, fmt.Sprintf("unexpected %q right after %q: inside {{ }} a name ends with a space, \"}}\", \".\", \"|\" or \")\"", m[1], word)
	}},
	{regexp.MustCompile(`^unrecognized character in action: (U\+[0-9A-F]+)(?: '(.+)')?`), func(m []string, f *finder) (int, string) {
		if m[2] == "" {
			return f.lexAt("unrecognized character"), fmt.Sprintf("an invisible character (%s) inside {{ }}: delete it", m[1])
		}
		m[1] = m[2]
		return f.lexAt("unrecognized character"), fmt.Sprintf("unexpected %q inside {{ }}: text goes outside {{ }}, or in quotes inside", m[1])
	}},
	{regexp.MustCompile(`^unexpected "\|" in (?:command|parenthesized pipeline)$`), func(_ []string, f *finder) (int, string) {
		return f.unexpected(`"|"`), `"|" needs a value before it, such as {{.Date | isodate}}`
	}},
	{regexp.MustCompile(`^max expression depth exceeded$`), func(_ []string, f *finder) (int, string) {
		// The depth is text/template's; the action is the one on the line
		// with the most "(" in a row.
		pos := -1
		for _, t := range f.toks {
			if t.kind == ttLParen && f.lineOf(t.pos) == f.line {
				pos = t.pos
				break
			}
		}
		return pos, `too many "(" inside one another: take parts apart with variables, {{$x := ...}}`
	}},
	{regexp.MustCompile(`^unexpected (.*) in (operand|command|input|if|range|with|parenthesized pipeline)$`), func(m []string, f *finder) (int, string) {
		pos := f.unexpected(m[1])
		tok := m[1]
		switch {
		case tok == `"}"`:
			return pos, `unexpected "}" inside {{ }}: an action is closed with "}}"`
		case tok == `"="`:
			return pos, `unexpected "=": "=" gives a variable a new value ({{$x = 1}}); to compare, write {{if eq .Kind "page"}}`
		case tok == `","`:
			return pos, `unexpected ",": inside {{ }} values are separated by spaces, not commas`
		case tok == `"("`:
			return pos, `unexpected "(": a function's values follow its name after a space, and "(" opens a group: {{len (.Pages)}}`
		case tok == `"}}"`:
			return pos, fmt.Sprintf("a value is missing before \"}}\" (in %s)", contextWords(m[2]))
		case strings.HasPrefix(tok, `".`) && pos > 0 && pos < len(f.src) && isDigit(f.src[pos-1]):
			// {{1.2.3}}: the number 1.2, then a field .3.
			start := pos
			for start > 0 && (isDigit(f.src[start-1]) || f.src[start-1] == '.') {
				start--
			}
			end := pos
			for end < len(f.src) && (isDigit(f.src[end]) || f.src[end] == '.') {
				end++
			}
			return start, fmt.Sprintf("%s is not a number: a number has one \".\" at most; a text such as a version goes in quotes, %q", f.src[start:end], f.src[start:end])
		case strings.HasPrefix(tok, "<"):
			return pos, fmt.Sprintf("{{%s}} cannot be used here (in %s): it starts an action of its own", strings.Trim(tok, "<>"), contextWords(m[2]))
		case tok == `"<"` || tok == `">"` || tok == `"/"`:
			if l := f.openLine(pos); l > 0 && l < f.lineOf(pos) {
				return pos, fmt.Sprintf("unexpected %s inside {{ }}: HTML goes outside {{ }}; is the \"{{\" on line %d missing its \"}}\"?", tok, l)
			}
			return pos, fmt.Sprintf("unexpected %s inside {{ }}: HTML goes outside {{ }}; is a \"}}\" missing before it?", tok)
		}
		return pos, fmt.Sprintf("unexpected %s inside {{ }} (in %s)", tok, contextWords(m[2]))
	}},
}

// contextWords says text/template's parse contexts in a theme author's
// words.
func contextWords(ctx string) string {
	switch ctx {
	case "operand", "command":
		return "a value"
	case "input":
		return "the start of an action"
	case "parenthesized pipeline":
		return `a "( )" group`
	}
	return "{{" + ctx + "}}"
}

// startedAtRE is what text/template adds to a lexer's message on a line
// after its action's start: " in action started at page.html:3".
var startedAtRE = regexp.MustCompile(` (?:in action )?started at [^\n]*:\d+$`)

// hugoFuncs say what to write instead of a function of Hugo's that
// mutual has not, for a layout copied from a Hugo theme or an example on
// the web: a hint by spelling would mislead there ("now" is not "not").
var hugoFuncs = map[string]string{
	"now":          "mutual has none, so that the same content always builds the same pages: {{year}} is the year of the newest date in the content, as for a copyright line",
	"upper":        "mutual has none: write the text as it should show, or style it in custom.css with text-transform: uppercase",
	"lower":        "mutual has none: write the text as it should show, or style it in custom.css with text-transform: lowercase",
	"title":        "mutual has none: write the text as it should show, or style it in custom.css with text-transform: capitalize",
	"humanize":     "mutual has none: write the text as it should show",
	"safeHTML":     "mutual has none: a value is always escaped, so that no text can run a script on the page; .Content, .Site.Help and the other ready-made parts are HTML already, and a layout's own HTML is written as it is",
	"safeHTMLAttr": "mutual has none: a value is always escaped, so that no text can run a script on the page; write the attribute in the layout itself",
	"safeCSS":      "mutual has none: the pages' Content-Security-Policy applies no style attribute; give the element a class, and its rules in custom.css",
	"safeJS":       "mutual has none: the pages' Content-Security-Policy runs no inline script; put the script in the theme's static/js/ and load it with {{asset \"js/NAME.js\"}}",
	"safeURL":      "mutual has none: a value is always checked, so that no link can run a script; write the address in the layout itself",
	"markdownify":  "mutual has none: Markdown is written in pages, worksheets and site.yaml's help, which layouts get as HTML (.Content, .Summary, .Site.Help)",
	"dateFormat":   "use date (\"14 March 2026\", in the page's language) or isodate (\"2026-03-14\"), such as {{date .Date}}",
	"time":         "use date (\"14 March 2026\", in the page's language) or isodate (\"2026-03-14\"), such as {{date .Date}}",
	"default":      "write {{or .Params.x \"fallback\"}}: or gives its first value that is not empty",
	"absLangURL":   "mutual has none: .Site.Home is the address of the home page of the page's language, so {{.Site.Home}}tags/ is its list of tags; relURL and absURL add the site's base path alone",
	"relLangURL":   "mutual has none: .Site.Home is the address of the home page of the page's language, so {{.Site.Home}}tags/ is its list of tags; relURL and absURL add the site's base path alone",
	"resources":    "mutual has no Hugo Pipes or page resources: put the file in the theme's static/ and link it with {{asset \"PATH\"}}, PATH being its path under static/ (a stylesheet or script gets its content's hash in its published name)",
	"getJSON":      "mutual reads nothing from elsewhere while it builds, so that the same input always builds the same pages: put the values in site.yaml's params",
	"getCSV":       "mutual reads nothing from elsewhere while it builds, so that the same input always builds the same pages: put the values in site.yaml's params",
}

// TemplateSyntax places and words a text/template syntax error in a
// template file: src is the file's text, line the line text/template
// gave, msg its message without "template: name:line: ". It returns the
// line and column (from 1, in characters) of the mistake and the
// message in plain words; col is 0 when the file does not show where
// the mistake is (a message this package does not know keeps its line
// and its words). funcs are the names of the functions the template
// could call, for a hint at a misspelt one.
func TemplateSyntax(src string, line int, msg string, funcs []string) (l, col int, plain string) {
	f := &finder{src: src, line: line, lines: []int{0}, funcs: funcs}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	// text/template adds to a lexer's message on a later line than its
	// action's "{{" where that "{{" is; the scan finds it anyway.
	msg = startedAtRE.ReplaceAllString(msg, "")
	f.toks, f.lerr = lexTemplate(src)
	f.acts = actions(f.toks)
	f.st = follow(f.acts)
	for _, w := range templateSyntax {
		m := w.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		pos, words := w.plain(m, f)
		if pos < 0 || pos > len(src) {
			// The scan did not find the token the message is about on
			// text/template's line (a construct the scan reads otherwise
			// than text/template): a column guessed would send the author
			// to the wrong place, so the line alone.
			return line, 0, words
		}
		l = f.lineOf(pos)
		return l, utf8.RuneCountInString(src[f.lines[l-1]:pos]) + 1, words
	}
	// A message this package does not know (one a newer Go writes): no
	// way to tell which token it is about.
	return line, 0, msg
}

// tooBig reports whether n is written as a number but is too big for Go
// to hold (1e400), rather than no number at all (0x, 1.2.3).
func tooBig(n string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(n, "_", ""), 64)
	return errors.Is(err, strconv.ErrRange)
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
