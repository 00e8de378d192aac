package yamldoc

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"mutual/internal/diag"
)

// ParseJSON reads the JSON value at the start of src (Hugo's JSON front
// matter is an object that opens the file) into a tree, and returns the
// offset just past it: what follows is the caller's (a page's body, or
// nothing but spaces in a whole JSON file). A syntax error is reported at
// the character at fault, in plain words, and gives a nil root and an end
// of -1. An object without keys, or null, gives a nil root.
func ParseJSON(src []byte, opt Options) (*Node, int, diag.List) {
	r := &jsonReader{text: newText(src, opt), tree: tree{keys: map[*Node]map[string]int{}}}
	if !r.checkBytes(src, "JSON") {
		return nil, -1, r.errs
	}
	r.space()
	n := r.value(1)
	if r.failed {
		r.errs.Sort()
		return nil, -1, r.errs
	}
	r.errs.Sort()
	if n == nil || n.Kind == Null || n.Kind == Map && len(n.Content) == 0 {
		return nil, r.off, r.errs
	}
	return n, r.off, r.errs
}

type jsonReader struct {
	*text
	tree
	off    int
	failed bool // a syntax error stops the reader
}

func (r *jsonReader) fail(format string, args ...any) *Node {
	if !r.failed {
		r.errorAt(r.off, format, args...)
	}
	r.failed = true
	return nil
}

func (r *jsonReader) space() {
	for r.off < len(r.src) {
		switch r.src[r.off] {
		case ' ', '\t', '\n', '\r':
			r.off++
		default:
			return
		}
	}
}

// what names the character at the reader's offset for messages.
func (r *jsonReader) what() string {
	if r.off >= len(r.src) {
		return "the end of the front matter"
	}
	c, _ := utf8.DecodeRune(r.src[r.off:])
	return strconv.Quote(string(c))
}

func (r *jsonReader) value(depth int) *Node {
	if r.failed {
		return nil
	}
	line, col := r.pos(r.off)
	if depth > r.opt.MaxDepth {
		return r.fail("this JSON nests more than %d levels deep", r.opt.MaxDepth)
	}
	if r.off >= len(r.src) {
		return r.fail("a value is missing here: the JSON ends too soon (a \"}\" or \"]\" missing?)")
	}
	switch c := r.src[r.off]; {
	case c == '{':
		return r.object(line, col, depth)
	case c == '[':
		return r.array(line, col, depth)
	case c == '"':
		s, ok := r.str()
		if !ok {
			return nil
		}
		return &Node{Kind: Scalar, Style: DoubleQuoted, Value: s, Line: line, Col: col}
	case c == '-' || c >= '0' && c <= '9':
		start := r.off
		r.off++
		for r.off < len(r.src) && (r.src[r.off] >= '0' && r.src[r.off] <= '9' || r.src[r.off] == '.' || r.src[r.off] == 'e' || r.src[r.off] == 'E' || r.src[r.off] == '+' || r.src[r.off] == '-') {
			r.off++
		}
		num := string(r.src[start:r.off])
		if !json.Valid([]byte(num)) {
			r.off = start
			return r.fail("%q is not a number as JSON writes them (such as 3, -2 or 1.5)", num)
		}
		return &Node{Kind: Scalar, Value: num, Line: line, Col: col}
	default:
		for _, word := range []string{"true", "false", "null"} {
			if len(r.src)-r.off >= len(word) && string(r.src[r.off:r.off+len(word)]) == word {
				r.off += len(word)
				if word == "null" {
					return &Node{Kind: Null, Line: line, Col: col}
				}
				return &Node{Kind: Scalar, Value: word, Line: line, Col: col}
			}
		}
		return r.fail("a JSON value cannot start with %s: put a text in double quotes", r.what())
	}
}

func (r *jsonReader) object(line, col, depth int) *Node {
	n := &Node{Kind: Map, Style: Flow, Line: line, Col: col}
	r.off++ // {
	r.space()
	if r.off < len(r.src) && r.src[r.off] == '}' {
		r.off++
		return n
	}
	for {
		r.space()
		if r.off >= len(r.src) || r.src[r.off] != '"' {
			if r.off < len(r.src) && r.src[r.off] == '}' {
				return r.fail("a \",\" before \"}\" ends nothing: remove it")
			}
			return r.fail("expected a key in double quotes here, found %s", r.what())
		}
		kl, kc := r.pos(r.off)
		s, ok := r.str()
		if !ok {
			return nil
		}
		key := &Node{Kind: Scalar, Style: DoubleQuoted, Value: s, Line: kl, Col: kc}
		r.space()
		if r.off >= len(r.src) || r.src[r.off] != ':' {
			return r.fail("expected \":\" after the key %q, found %s", s, r.what())
		}
		r.off++
		r.space()
		v := r.value(depth + 1)
		if r.failed {
			return nil
		}
		if first, _ := r.get(n, s); first != nil {
			r.errs.Add(r.opt.Path, kl, kc, "duplicate key %q (first at line %d)", s, first.Line)
		} else {
			r.put(n, key, v)
		}
		r.space()
		if r.off >= len(r.src) {
			return r.fail("the JSON ends before its \"}\": close the object opened at line %d", line)
		}
		switch r.src[r.off] {
		case ',':
			r.off++
		case '}':
			r.off++
			return n
		default:
			return r.fail("expected \",\" or \"}\" after the value of %q, found %s", s, r.what())
		}
	}
}

func (r *jsonReader) array(line, col, depth int) *Node {
	n := &Node{Kind: List, Style: Flow, Line: line, Col: col}
	r.off++ // [
	r.space()
	if r.off < len(r.src) && r.src[r.off] == ']' {
		r.off++
		return n
	}
	for {
		r.space()
		if r.off < len(r.src) && r.src[r.off] == ']' {
			return r.fail("a \",\" before \"]\" ends nothing: remove it")
		}
		v := r.value(depth + 1)
		if r.failed {
			return nil
		}
		n.Content = append(n.Content, v)
		r.space()
		if r.off >= len(r.src) {
			return r.fail("the JSON ends before its \"]\": close the list opened at line %d", line)
		}
		switch r.src[r.off] {
		case ',':
			r.off++
		case ']':
			r.off++
			return n
		default:
			return r.fail("expected \",\" or \"]\" after an entry, found %s", r.what())
		}
	}
}

// str reads a string at the offset, its escapes applied.
func (r *jsonReader) str() (string, bool) {
	start := r.off
	i := r.off + 1
	for i < len(r.src) {
		switch c := r.src[i]; {
		case c == '\\':
			i += 2
			continue
		case c == '"':
			var s string
			if err := json.Unmarshal(r.src[start:i+1], &s); err != nil {
				r.fail("this text has an escape JSON does not know (write \\\\ for a backslash)")
				return "", false
			}
			r.off = i + 1
			return s, true
		case c == '\n':
			r.fail("this text is not closed on its line: end it with \"")
			return "", false
		case c < ' ':
			r.off = i
			r.fail("a JSON text may not hold a control character: write it as an escape such as \\t")
			return "", false
		}
		i++
	}
	r.fail("this text is not closed: end it with \"")
	return "", false
}
