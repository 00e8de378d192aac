package search

import (
	"bytes"
	"strings"
	"testing"
)

// The reference implementations: what the package did before it was made
// faster, kept to fuzz the fast code against. Each fast function must give
// exactly what its reference gives, on any input.

// collapseRef appends text to b with runs of white space made one space and
// none at either end; with max >= 0, only its first max bytes, cut at a
// space (or a character, in a long word) and followed by "…" when it cuts.
func collapseRef(b, text []byte, max int) []byte {
	start := len(b)
	limit := len(text)
	if max >= 0 {
		limit = max + 1
	}
	pending := false
	for i := 0; i < len(text) && len(b)-start < limit; i++ {
		c := text[i]
		if isSpaceRef(c) {
			pending = len(b) > start
			continue
		}
		if pending {
			b = append(b, ' ')
			pending = false
			if len(b)-start >= limit {
				break
			}
		}
		b = append(b, c)
	}
	if max < 0 || len(b)-start <= max {
		return b
	}
	// Cut: at the last space within max, else before a character.
	cut := -1
	for i := start + max; i > start; i-- {
		if b[i] == ' ' {
			cut = i
			break
		}
	}
	if cut < 0 {
		cut = start + max
		for cut > start && b[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	b = b[:cut]
	for len(b) > start && (b[len(b)-1] == ' ' || b[len(b)-1] == ',' || b[len(b)-1] == ';' || b[len(b)-1] == ':') {
		b = b[:len(b)-1]
	}
	return append(b, "…"...)
}

func isSpaceRef(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// appendJSONRef appends s as a JSON string: quotes, backslashes and control
// characters escaped, and U+2028 and U+2029, which JavaScript once took
// for line ends.
func appendJSONRef(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, s[start:i]...)
			b = append(b, '\\', c)
			start = i + 1
		case c < 0x20:
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&0xF])
			i += 2
			start = i + 1
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// FuzzCollapse: collapse gives what collapseRef gives, for every limit.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"  a  b ", "word, word; word: x", "é\u00a0ü\t\n x", "aaaaaaaaaa bbbbbbbbbbbb"} {
		f.Add(s, 5)
		f.Add(s, -1)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%300 - 1 // -1 (no limit) and limits of 0 to 298
		if max < -1 {
			max = -max
		}
		prefix := []byte("x")
		got := collapse(bytes.Clone(prefix), []byte(s), max)
		want := collapseRef(bytes.Clone(prefix), []byte(s), max)
		if !bytes.Equal(got, want) {
			t.Fatalf("collapse(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}

// FuzzAppendJSON: appendJSON gives what appendJSONRef gives.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{`a"b\c`, "\x00\x1f\u2028\u2029\u2027", "\xe2\x80", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendJSON([]byte("x"), s), appendJSONRef([]byte("x"), s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSON(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzField: the words analyzer.field adds, with its shortcut for the
// usual word, are the terms of the words the tokenizer reads, in order.
func FuzzField(f *testing.F) {
	for _, s := range []string{"the cat's toys, running; Don't l'amour", "abcdefg abcdefgh abcdefghi x", "café Über 日本 a1b2c3d4e", "word'", "aaaaaaa'b",
		"Running FAST: ABCDEFGHIJKLMNOP abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn0", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklm", "word\u2019s word\u201d Wörd z\u0301"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, elide bool) {
		ix := NewIndex()
		a := ix.pool.Get().(*analyzer)
		a.cache, a.stem, a.tok.elide = newWordTable(), stemFunc("en"), elide
		// Bytes past the text's end, in its array, that would join a
		// word read past it.
		text := append([]byte(s), "abcDEF'gh12345678abcdefgh"...)[:len(s)]
		n := a.field(text, 1)
		var got []string
		for _, l := range a.words {
			if l != noWord {
				got = append(got, ix.keys[a.terms[l].id])
			}
		}
		var want []string
		tok := tokenizer{elide: elide}
		tok.words(s, func(w []byte) { want = append(want, a.stem(string(w))) })
		if n != len(want) || strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("field(%q) reads %q (%d), want %q", s, got, n, want)
		}
	})
}

// TestGeneralPunctuation: analyzer.field skips U+2000–U+203F between
// words, as the tokenizer would: none of them is a word's.
func TestGeneralPunctuation(t *testing.T) {
	for r := rune(0x2000); r <= 0x203F; r++ {
		if isWordRune(r) || isIdeograph(r) {
			t.Errorf("%U is a word's rune", r)
		}
	}
}
