package theme

import (
	"bytes"
	"strings"
)

// compactCSS drops what a browser does not read from a stylesheet: comments,
// the indentation and blank lines. A theme's stylesheets are written to be
// read, with long comments; every page waits for them before its first
// paint, and on a slow phone connection a third of their bytes is a third
// of that wait. Strings ("/*" in content: "...") and the rest of each line
// are kept as written, so the rules mean the same; a comment between two
// tokens stays, emptied, since it separates them (".a/**/.b" is ".a.b", but
// "1/**/px" is not "1px"); a comment that is never closed runs to the end,
// as in a browser.
func compactCSS(src []byte) []byte {
	out := make([]byte, 0, len(src))
	sep := false // a comment was dropped right after a token
	emit := func(c byte) {
		if sep && !space(c) {
			out = append(out, "/**/"...)
		}
		sep = false
		out = append(out, c)
	}
	var quote byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case quote != 0:
			out = append(out, c)
			if c == '\\' && i+1 < len(src) {
				i++
				out = append(out, src[i])
			} else if c == quote || c == '\n' {
				quote = 0
			}
		case c == '"' || c == '\'':
			emit(c)
			quote = c
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				i = len(src)
				break
			}
			i += 2 + end + 1
			if len(out) > 0 && !space(out[len(out)-1]) {
				sep = true
			}
		default:
			emit(c)
		}
	}
	return compactCSSSpace(out)
}

// compactCSSSpace collapses the white space of a stylesheet without its
// comments: none where no token needs it (next to "{", "}", ";", "," and
// ">", after a ":" that has a value), one space elsewhere, since a space is
// a descendant combinator (".a .b") and apart in values ("calc(1px + 2px)",
// "0 1px 2px"). Strings and url(...) are kept as written, and so is the
// space of an empty custom property ("--x: ;"). A newline ends the
// stylesheet.
func compactCSSSpace(src []byte) []byte {
	out := make([]byte, 0, len(src))
	pending := false // white space since the last byte written
	for i := 0; i < len(src); i++ {
		c := src[i]
		if space(c) {
			pending = true
			continue
		}
		if pending && len(out) > 0 && cssSpace(out[len(out)-1], c) {
			out = append(out, ' ')
		}
		pending = false
		j := i + 1 // the end of the token starting at i
		switch {
		case c == '"' || c == '\'':
			for ; j < len(src) && src[j] != c && src[j] != '\n'; j++ {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
			}
			if j < len(src) {
				j++ // the closing quote, or the line break that ends a bad string
			}
		case c == '\\' && j < len(src):
			j++ // an escaped character: "\\ " is no white space
		case (c == 'u' || c == 'U') && urlAt(src, i):
			for j = i + 4; j < len(src) && src[j] != ')'; j++ {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
			}
			if j < len(src) {
				j++
			}
		}
		out = append(out, src[i:j]...)
		i = j - 1
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return out
}

// cssSpace reports whether white space between a byte a and a token
// starting with b must stay (as one space).
func cssSpace(a, b byte) bool {
	switch {
	case a == '\n':
		return false // a bad string's end
	case a == ':' && (b == ';' || b == '}'):
		return true // "--x: ;" holds a space
	case strings.IndexByte("{};,>:", a) >= 0:
		return false
	case strings.IndexByte("{};,>", b) >= 0:
		return false
	}
	return true
}

// urlAt reports an unquoted url( at i: its text is kept as written.
func urlAt(src []byte, i int) bool {
	if i > 0 && (cssNameByte(src[i-1])) {
		return false
	}
	return i+4 <= len(src) && strings.EqualFold(string(src[i:i+4]), "url(")
}

func cssNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c >= 0x80 || c == '\\'
}

func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
