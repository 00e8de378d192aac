package theme

import "bytes"

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
	// Lines: trimmed, empty ones dropped. A newline stays between two
	// lines, so tokens never run together.
	var b bytes.Buffer
	b.Grow(len(out))
	for line := range bytes.SplitSeq(out, []byte("\n")) {
		line = bytes.Trim(line, " \t\r\f") // CSS white space, no more
		if len(line) == 0 {
			continue
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
