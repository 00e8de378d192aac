// Package diag owns positioned, compiler-style errors for everything a
// writer can get wrong: a site's config, a page's front matter, a broken
// link, a worksheet, a template.
//
// An Error prints as "path:line:col: message", with the path relative to the
// site folder and unquoted so editors can jump to it. Messages are lowercase
// and quote values with %q. A pass collects every error it finds into a List
// rather than stopping at the first; List.Sort orders them by path, then
// position, so the output is deterministic. Suggest offers a "did you mean"
// hint for misspelled keys and names.
//
// diag imports nothing from the rest of the project.
package diag

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is one problem at one place in one file. Line and Col count from 1;
// a zero Line means the whole file, a zero Col the whole line.
type Error struct {
	Path string
	Line int
	Col  int
	Msg  string
}

// Errorf builds an Error with a formatted message.
func Errorf(path string, line, col int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warning is e said as a warning, as mutual prints those:
// "path:line:col: warning: message".
func (e *Error) Warning() string {
	w := *e
	w.Msg = "warning: " + e.Msg
	return w.Error()
}

func (e *Error) Error() string {
	var b strings.Builder
	writePath(&b, e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// writePath writes a file name as it is, but for what a terminal would act
// on or could not show: control characters (an escape sequence in a file
// name could recolour or clear the screen) and bytes that are not UTF-8 are
// written as Go escapes, \x1b or \u200e, so the name stays one visible line.
func writePath(b *strings.Builder, path string) {
	for i := 0; i < len(path); {
		r, n := utf8.DecodeRuneInString(path[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(b, `\x%02x`, path[i])
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(path[i : i+n])
		}
		i += n
	}
}

// List is a collection of errors from one pass. Its zero value is ready to
// use. It is not safe for concurrent use; guard it or merge per-worker lists.
type List []*Error

// Add appends an error.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	*l = append(*l, Errorf(path, line, col, format, args...))
}

// Append adds every error in err: a *Error, a List, or any other error (kept
// as a message without position).
func (l *List) Append(err error) {
	switch e := err.(type) {
	case nil:
	case *Error:
		*l = append(*l, e)
	case List:
		*l = append(*l, e...)
	default:
		*l = append(*l, &Error{Msg: err.Error()})
	}
}

// Len, Less and Swap make a List sortable.
func (l List) Len() int      { return len(l) }
func (l List) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l List) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	return a.Msg < b.Msg
}

// Sort orders the list by path, line, column and message, and drops exact
// duplicates.
func (l *List) Sort() {
	sort.Stable(*l)
	out := (*l)[:0]
	for i, e := range *l {
		if i > 0 && *e == *(*l)[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the list as an error, or nil if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error prints one error per line.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Suggest returns the candidate closest to word, or "" when none is close
// enough to be a likely typo. Closeness is the edit distance, at most a third
// of the word's length (and at least 1, at most 3).
func Suggest(word string, candidates []string) string {
	limit := len(word) / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	best, bestD := "", limit+1
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := distance(lw, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Hint formats a " (did you mean %q?)" suffix, or "" without a suggestion.
func Hint(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// Distance is the edit distance between a and b, ignoring case: the
// measure Suggest uses.
func Distance(a, b string) int { return distance(strings.ToLower(a), strings.ToLower(b)) }

// distance is the optimal string alignment distance: insertions, deletions,
// substitutions and swaps of neighbours each cost one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// NotUTF8 is the message for text that is not UTF-8.
const NotUTF8 = "this is not UTF-8 text; save the file as UTF-8"

// SavedAsUTF16 is the message for a file saved as UTF-16 (what Windows
// Notepad calls "Unicode"), which starts with its byte-order mark.
const SavedAsUTF16 = "the file is saved as UTF-16 text; save it as UTF-8"

// UTF16 reports whether b starts with a UTF-16 byte-order mark, little or
// big endian: a file whose every other byte is 0, not UTF-8.
func UTF16(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
}

// TrimBOM removes the UTF-8 byte-order mark that some editors (Windows
// Notepad's "UTF-8 with BOM") write at the start of a file: it says the
// text is UTF-8, and is no character of it.
func TrimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		return b[3:]
	}
	return b
}

// InvalidUTF8 is the line and column (from 1, columns in characters) of
// the first byte of b that is not UTF-8, or 0, 0 when b is UTF-8.
func InvalidUTF8(b []byte) (line, col int) {
	if utf8.Valid(b) {
		return 0, 0
	}
	line, col = 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0
}
