package search

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Tokenizing: a word is a run of letters, digits and combining marks
// (Unicode categories L, N, Mn and Mc). Everything else separates words,
// with two exceptions:
//
//   - an apostrophe (' or ’) between two word characters joins them and is
//     dropped ("don't" -> "dont"), except in French, where an elided article
//     or pronoun before it is dropped instead ("l'amour" -> "amour",
//     "qu'il" -> "il");
//   - each Han, Hiragana or Katakana character is a word of its own, since
//     those scripts do not separate words with spaces (a phrase query finds
//     a sequence of them).
//
// Words are folded (see Fold) as they are read. A word longer than
// maxWord bytes once folded (a URL, a hash, a run of digits) is skipped.
// search.js tokenizes queries and passages by the same rules.
const maxWord = 48

// elisions are the French words that an apostrophe elides.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

func isIdeograph(r rune) bool {
	return r >= 0x3040 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// tokenizer splits text into folded words. It is reused across calls to
// keep its buffer.
type tokenizer struct {
	elide bool // French elision
	buf   []byte
}

// byteClass: 1 for a-z and 0-9 (a word as it is), 2 for A-Z, 0 for the
// other ASCII bytes, 4 for the bytes of longer UTF-8 sequences.
var byteClass = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 2
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = 4
	}
	return t
}()

// lowerRun is the number of bytes a-z and 0-9 that x (8 bytes of text,
// little-endian) starts with. Each byte's flag is its top bit: the bytes
// in a range are found for all eight at once, with no carry from one byte
// to the next (the "hasbetween" of Bit Twiddling Hacks).
func lowerRun(x uint64) int {
	const ones, low7, top = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	// For a byte b < 128: 127+hi-b has its top bit set when b < hi, and
	// b+127-lo when b > lo.
	y := x & low7
	lower := ((127+'z'+1)*ones - y) & (y + (127-'a'+1)*ones)
	digit := ((127+'9'+1)*ones - y) & (y + (127-'0'+1)*ones)
	word := (lower | digit) & ^x & top
	return bits.TrailingZeros64(^word&top) >> 3
}

// next returns the next word of s from byte i on, folded, and the index to
// go on from; the word is nil when s has no more. The word is valid only
// until the next call (it may share s's bytes: it must not be written).
func (t *tokenizer) next(s string, i int) ([]byte, int) {
	n := len(s)
	for i < n {
		// Skip to the start of a word.
		switch byteClass[s[i]] {
		case 0:
			i++
			continue
		case 4:
			if r, size := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
				i += size
				continue
			}
		}
		// The usual word: ASCII letters and digits, ended by ASCII that is
		// neither a letter nor an apostrophe, or by the end. The word is s's
		// own bytes when it has no capital (its slice's capacity runs to the
		// end of s, for wordKey), else lowercased in t.buf.
		j, class := i, byte(0)
		if i+8 <= n {
			// Eight bytes at once: most words are that short.
			if k := lowerRun(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))); k > 0 {
				j, class = i+k, 1
			}
		}
		for j < n {
			c := byteClass[s[j]]
			if c-1 > 1 { // neither 1 nor 2
				break
			}
			class |= c
			j++
		}
		if j > i && (j == n || s[j] < utf8.RuneSelf && s[j] != '\'') {
			if j-i > maxWord {
				i = j
				continue
			}
			if class == 1 {
				return unsafe.Slice(unsafe.StringData(s[i:]), n-i)[:j-i], j
			}
			if cap(t.buf) < maxWord+8 {
				t.buf = make([]byte, 0, 2*maxWord)
			}
			b := append(t.buf[:0], s[i:j]...)
			for k, c := range b {
				if byteClass[c] == 2 {
					b[k] = c + 'a' - 'A'
				}
			}
			t.buf = b
			return b, j
		}
		if w, end := t.word(s, i); w != nil {
			return w, end
		} else {
			i = end
		}
	}
	return nil, n
}

// word reads the word that starts at i the long way: folding, apostrophes
// and ideographs. It returns nil for a word too long or folded to nothing.
func (t *tokenizer) word(s string, i int) ([]byte, int) {
	b := t.buf[:0]
	defer func() { t.buf = b }()
	emit := func(at int) ([]byte, int) {
		if len(b) > maxWord {
			return nil, at
		}
		if len(b) == 0 {
			return nil, at
		}
		return b, at
	}
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r < utf8.RuneSelf && byteClass[r] == 1:
			b = append(b, byte(r))
		case r < utf8.RuneSelf && byteClass[r] == 2:
			b = append(b, byte(r+'a'-'A'))
		case isIdeograph(r):
			if len(b) > 0 {
				return emit(i)
			}
			b = foldRune(b, lower(r))
			return emit(i + n)
		case r >= utf8.RuneSelf && isWordRune(r):
			b = foldRune(b, lower(r))
		case isApostrophe(r) && len(b) > 0 && i+n < len(s) && nextIsWord(s[i+n:]):
			if t.elide && elisions[string(b)] {
				b = b[:0]
			}
		default:
			return emit(i + n)
		}
		i += n
	}
	return emit(i)
}

// words calls emit with each folded word of s, in order. The slice passed
// to emit is valid only during the call.
func (t *tokenizer) words(s string, emit func(w []byte)) {
	for i := 0; i < len(s); {
		var w []byte
		w, i = t.next(s, i)
		if w != nil {
			emit(w)
		}
	}
}

// nextIsWord reports whether s starts with a word rune that is not an
// ideograph (an apostrophe before an ideograph separates).
func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !isIdeograph(r)
}
