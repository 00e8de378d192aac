package content

import (
	"bytes"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"mutual/internal/yamldoc"
)

// plainYAML is whether front matter takes the fast path below; make bench
// turns it off with MUTUAL_BENCH_WITHOUT=plainyaml to measure what it saves.
var plainYAML = !strings.Contains(","+os.Getenv("MUTUAL_BENCH_WITHOUT")+",", ",plainyaml,")

// simpleYAML builds the tree yamldoc.Parse would build for the plainest
// front matter, which is nearly all of it:
//
//	title: "Naming old debts"
//	date: 2020-06-08
//	weight: 37
//	tags: [habits, care]
//
// one key per line at the left margin, each with a double- or single-quoted
// text without escapes, a whole number, a date, plain text, or a flow list
// of plain words. For anything else (comments, block lists, nesting,
// escapes, a value YAML could read as true, null or a number, a repeated
// key...) it reports false and the caller asks yamldoc.Parse, which gives
// the same tree: FuzzSimpleYAML holds the two to that. Lines are the
// file's: lineOffset lines come before src.
func simpleYAML(src []byte, lineOffset int) (*yamldoc.Node, bool) {
	if !plainYAML {
		return nil, false
	}
	root := &yamldoc.Node{Kind: yamldoc.Map, Line: 1 + lineOffset, Col: 1}
	line := 0
	for len(src) > 0 {
		var l []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, nil
		}
		line++
		colon := bytes.IndexByte(l, ':')
		if colon <= 0 || colon+2 >= len(l) || l[colon+1] != ' ' || !simpleKey(l[:colon]) {
			return nil, false
		}
		key := string(l[:colon])
		for i := 0; i < len(root.Content); i += 2 {
			if root.Content[i].Value == key {
				return nil, false
			}
		}
		start := colon + 2
		for start < len(l) && l[start] == ' ' {
			start++
		}
		if start == len(l) {
			return nil, false
		}
		v := simpleValue(l[start:], line+lineOffset, start+1)
		if v == nil {
			return nil, false
		}
		root.Content = append(root.Content,
			&yamldoc.Node{Kind: yamldoc.Scalar, Value: key, Line: line + lineOffset, Col: 1}, v)
	}
	if len(root.Content) == 0 {
		return nil, false
	}
	return root, true
}

// simpleKey is a short key of letters, digits and '_', starting with a
// letter, that YAML reads as text (YAML refuses keys over 1024 characters).
func simpleKey(k []byte) bool {
	if len(k) > 64 {
		return false
	}
	for i, c := range k {
		if !isLetter(c) && (i == 0 || !isDigit(c) && c != '_') {
			return false
		}
	}
	return !reserved(k)
}

// simpleValue is the node of a value starting at col of line, or nil.
func simpleValue(v []byte, line, col int) *yamldoc.Node {
	n := &yamldoc.Node{Kind: yamldoc.Scalar, Line: line, Col: col}
	switch c := v[0]; {
	case c == '"' || c == '\'':
		// A quoted text with no quote or escape inside, ending the line.
		if len(v) < 2 || v[len(v)-1] != c {
			return nil
		}
		in := v[1 : len(v)-1]
		if bytes.IndexByte(in, c) >= 0 || bytes.IndexByte(in, '\\') >= 0 || !printable(in) {
			return nil
		}
		n.Value = string(in)
		n.Style = yamldoc.DoubleQuoted
		if c == '\'' {
			n.Style = yamldoc.SingleQuoted
		}
	case c == '[':
		// A flow list of plain words: [habits, care].
		if v[len(v)-1] != ']' {
			return nil
		}
		n.Kind, n.Style = yamldoc.List, yamldoc.Flow
		items := v[1 : len(v)-1]
		at := col + 1
		for len(items) > 0 {
			item := items
			rest := []byte(nil)
			if i := bytes.IndexByte(items, ','); i >= 0 {
				item, rest = items[:i], items[i+1:]
				if len(rest) == 0 || rest[0] != ' ' {
					return nil
				}
				rest = rest[1:]
			}
			if !plainWords(item) {
				return nil
			}
			n.Content = append(n.Content, &yamldoc.Node{Kind: yamldoc.Scalar, Value: string(item), Line: line, Col: at})
			at += len(items) - len(rest)
			items = rest
		}
		if len(n.Content) == 0 {
			return nil
		}
	case isDigit(c):
		s := string(v)
		switch {
		case allDigits(v) && (c != '0' || len(v) == 1) && len(v) <= 9:
		case len(v) == 10 && v[4] == '-' && v[7] == '-' && allDigits(v[:4]) && allDigits(v[5:7]) && allDigits(v[8:]):
			if _, err := time.Parse("2006-01-02", s); err != nil {
				return nil
			}
		default:
			return nil
		}
		n.Value = s
	default:
		if !plainText(v) {
			return nil
		}
		n.Value = string(v)
	}
	return n
}

// plainWords is text YAML reads as itself: words of letters, digits and
// '-', '_', '.' (the first starting with a letter) with single spaces
// between, that are not one of YAML's words for true, false or null.
func plainWords(w []byte) bool {
	if len(w) == 0 || !isLetter(w[0]) || w[len(w)-1] == ' ' {
		return false
	}
	for i, c := range w {
		switch {
		case isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.':
		case c == ' ' && w[i-1] != ' ':
		default:
			return false
		}
	}
	return !reserved(w)
}

// plainText is a plain value YAML reads as itself: text starting with a
// letter, with no ':' or '#' (which can start a mapping or a comment), no
// trailing space, and not one of YAML's words for true, false or null.
func plainText(w []byte) bool {
	return isLetter(w[0]) && w[len(w)-1] != ' ' && printable(w) &&
		bytes.IndexByte(w, ':') < 0 && bytes.IndexByte(w, '#') < 0 && !reserved(w)
}

// reserved is one of the words YAML reads as true, false or null.
func reserved(w []byte) bool {
	switch string(w) {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return true
	}
	return false
}

// printable is valid UTF-8 quoted text without control characters or the
// characters YAML reads as line breaks or a byte order mark, which yaml.v3
// may fold, refuse or normalise.
func printable(b []byte) bool {
	for len(b) > 0 {
		if c := b[0]; c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				return false
			}
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff:
			return false
		}
		b = b[size:]
	}
	return true
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
