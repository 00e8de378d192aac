package search

import (
	"unicode"
	"unicode/utf8"
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

// words calls emit with each folded word of s, in order. The slice passed
// to emit is valid only during the call.
func (t *tokenizer) words(s string, emit func(w []byte)) {
	b := t.buf[:0]
	flush := func() {
		if len(b) > 0 && len(b) <= maxWord {
			emit(b)
		}
		b = b[:0]
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		switch {
		case r < 0x80 && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			b = append(b, byte(r))
		case r < 0x80 && 'A' <= r && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case isIdeograph(r):
			flush()
			b = foldRune(b, lower(r))
			flush()
		case r >= 0x80 && isWordRune(r):
			b = foldRune(b, lower(r))
		case isApostrophe(r) && len(b) > 0 && i < len(s) && nextIsWord(s[i:]):
			if t.elide && elisions[string(b)] {
				b = b[:0]
			}
		default:
			flush()
		}
	}
	flush()
	t.buf = b
}

// nextIsWord reports whether s starts with a word rune that is not an
// ideograph (an apostrophe before an ideograph separates).
func nextIsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r) && !isIdeograph(r)
}
