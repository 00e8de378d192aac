package search

import (
	"fmt"
	"testing"
)

func TestWordKey(t *testing.T) {
	backing := []byte("abcdefghijklmnop")
	tests := []struct {
		name string
		w    []byte
		want uint64
	}{
		{"one byte, short array", []byte("a"), 0x61},
		{"one byte, long array", backing[:1], 0x61},
		{"three bytes, long array", backing[2:5], 0x656463},
		{"eight bytes", backing[:8], 0x6867666564636261},
		{"eight bytes at the end", backing[8:], 0x706f6e6d6c6b6a69},
		{"short array", []byte("xyz"), 0x7a7978},
		{"utf-8", []byte("ü"), 0xbcc3},
	}
	for _, tt := range tests {
		if got := wordKey(tt.w); got != tt.want {
			t.Errorf("%s: wordKey(%q) = %#x, want %#x", tt.name, tt.w, got, tt.want)
		}
	}
}

func TestWordTable(t *testing.T) {
	tab := newWordTable()
	// Enough words of every length to grow both tables several times;
	// words that share their first 8 bytes, or a prefix, stay apart.
	var words []string
	for i := range 5000 {
		words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("longword%d", i), fmt.Sprintf("%08d", i), fmt.Sprintf("averyveryverylongword%d", i))
	}
	words = append(words, "a", "ab", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghijklmnop", "abcdefghijklmnopq")
	for i, w := range words {
		if _, ok := tab.get([]byte(w)); ok {
			t.Fatalf("%q found before it was put", w)
		}
		tab.put([]byte(w), uint32(i))
	}
	for i, w := range words {
		// A word whose array runs on (as the tokenizer's do) is found too.
		b := append([]byte(w), "zzzzzzzz"...)[:len(w)]
		if id, ok := tab.get(b); !ok || id != uint32(i) {
			t.Errorf("get(%q) = %d, %v, want %d", w, id, ok, i)
		}
	}
	for _, w := range []string{"w", "abc", "abcdefg", "abcdefghijk", "longword", "w5000", "ü", "abcdefghijklmno", "abcdefghijklmnopqr", "longword5000"} {
		if id, ok := tab.get([]byte(w)); ok {
			t.Errorf("get(%q) = %d, want none", w, id)
		}
	}
}
