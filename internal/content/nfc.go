package content

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// nfc is s with its letters composed as Unicode's NFC writes them: "e"
// followed by U+0301 (a combining acute accent) is "é", U+00E9. macOS
// writes file names decomposed (NFD: café.md as "cafe\u0301.md"), and
// files copied from a Mac keep those names; a link typed in a page, and an
// address typed in a browser, are composed. mutual compares names and
// makes addresses in the composed form, so that a site gives the same
// addresses, and finds the same files, whichever system its files were
// saved on.
//
// It composes each code point with the one before it (after composing
// that one) when Unicode has a composition of the two, and Korean
// syllables from their letters (Hangul's jamo): what a decomposed file
// name holds, whose accents come in their canonical order. It does not
// reorder marks nor compose across a mark that does not compose, which
// a name saved by a system never needs.
//
// nfc_table.go was made with Python's unicodedata:
//
//	for c in range(0x110000):
//	    d = unicodedata.decomposition(chr(c))
//	    if d and not d.startswith('<') and len(d.split()) == 2:
//	        a, b = (chr(int(x, 16)) for x in d.split())
//	        if unicodedata.normalize('NFC', a+b) == chr(c): print(a, b, c)
func nfc(s string) string {
	// Every second code point of a composition is U+0300 or above.
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 0x300 })
	if i < 0 {
		return s
	}
	out := []rune(s[:i])
	for _, r := range s[i:] {
		if n := len(out); n > 0 {
			if c, ok := compose(out[n-1], r); ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range out {
		b.WriteRune(r)
	}
	return b.String()
}

// Decomposed reports whether name has letters saved decomposed (as macOS
// saves file names), which its address writes composed: two such names
// print alike, so a message naming one beside the other says how they
// differ.
func Decomposed(name string) bool { return nfc(name) != name }

// Hangul's syllables and jamo (Unicode's chapter 3.12).
const (
	hangulS, hangulL, hangulV, hangulT = 0xAC00, 0x1100, 0x1161, 0x11A7
	hangulLCount, hangulVCount         = 19, 21
	hangulTCount                       = 28
	hangulNCount                       = hangulVCount * hangulTCount
	hangulSCount                       = hangulLCount * hangulNCount
)

// compose is the composition of a and b, when Unicode has one.
func compose(a, b rune) (rune, bool) {
	if a >= hangulL && a < hangulL+hangulLCount && b >= hangulV && b < hangulV+hangulVCount {
		return hangulS + ((a-hangulL)*hangulVCount+b-hangulV)*hangulTCount, true
	}
	if a >= hangulS && a < hangulS+hangulSCount && (a-hangulS)%hangulTCount == 0 && b > hangulT && b < hangulT+hangulTCount {
		return a + b - hangulT, true
	}
	if b < 0x300 || a == utf8.RuneError {
		return 0, false
	}
	i := sort.Search(len(compositions), func(i int) bool {
		c := compositions[i]
		return c[0] > a || c[0] == a && c[1] >= b
	})
	if i < len(compositions) && compositions[i][0] == a && compositions[i][1] == b {
		return compositions[i][2], true
	}
	return 0, false
}
