package search

import (
	"bytes"
	"fmt"
	"html"
	"slices"
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
// partsRef is extractor.parts as it was before its fast paths: it calls part with each part of src in order: its anchor, and its
// heading and text with entities decoded but white space as it is
// (collapse tidies it). The slices passed are valid only during the call.
func (x *extractor) partsRef(src string, part func(anchor string, heading, text []byte)) {
	x.text, x.head, x.skip = x.text[:0], x.head[:0], x.skip[:0]
	var (
		anchor  string
		inHead  string // closing tag name of the heading being read
		started bool
	)
	finish := func() {
		if started || !blank(x.text) {
			// 8 bytes of room past each: the analyzer reads words 8 bytes
			// at a time.
			x.text, x.head = slices.Grow(x.text, 8), slices.Grow(x.head, 8)
			part(anchor, x.head, x.text)
		}
		x.text, x.head = x.text[:0], x.head[:0]
	}
	for i := 0; i < len(src); {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 && len(x.skip) == 0 {
			if inHead != "" {
				x.head = appendRaw(x.head, src[i:i+lt])
			} else {
				x.text = appendRaw(x.text, src[i:i+lt])
			}
		}
		i += lt
		if i >= len(src) {
			break
		}
		if strings.HasPrefix(src[i:], "<!--") {
			end := strings.Index(src[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		gt := tagEndRef(src, i)
		tag := ""
		if gt > i {
			tag = src[i+1 : gt]
		}
		name, closing := tagName(tag)
		if name == "" {
			// A lone '<' is text.
			i++
			if len(x.skip) == 0 {
				if inHead != "" {
					x.head = appendRaw(x.head, "<")
				} else {
					x.text = appendRaw(x.text, "<")
				}
			}
			continue
		}
		i = gt + 1
		if len(x.skip) > 0 {
			top := x.skip[len(x.skip)-1]
			switch {
			case closing && name == top:
				x.skip = x.skip[:len(x.skip)-1]
			case !closing && name == top && !voidElement(name) && !strings.HasSuffix(tag, "/"):
				x.skip = append(x.skip, name)
			}
			continue
		}
		if closing {
			switch {
			case name == inHead:
				inHead = ""
			case blockElement(name):
				if inHead != "" {
					x.head = space(x.head)
				} else {
					x.text = space(x.text)
				}
			}
			continue
		}
		switch {
		case name == "pre" || name == "script" || name == "style":
			// Their contents hold no elements of their own to read (a code
			// block's are spans): jump to the end tag.
			if strings.HasSuffix(tag, "/") {
				continue
			}
			end := indexFoldRef(src[i:], "</"+name)
			if end < 0 {
				i = len(src)
				continue
			}
			i += end
			if gt := tagEndRef(src, i); gt >= 0 {
				i = gt + 1
			} else {
				i = len(src)
			}
			if name == "pre" {
				x.text = space(x.text)
			}
		case name == "template" || attr(tag, "aria-hidden") == "true":
			if !voidElement(name) && !strings.HasSuffix(tag, "/") {
				x.skip = append(x.skip, name)
			}
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && inHead == "":
			if id := attr(tag, "id"); id != "" {
				finish()
				started = true
				anchor = html.UnescapeString(id)
				inHead = name
			} else {
				x.text = space(x.text)
			}
		case blockElement(name):
			if inHead != "" {
				x.head = space(x.head)
			} else {
				x.text = space(x.text)
			}
		}
	}
	finish()
}

// tagEndRef is tagEnd, one byte at a time.
func tagEndRef(src string, i int) int {
	var quote byte
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j
		}
	}
	return -1
}

// indexFoldRef is indexFold with strings.Index.
func indexFoldRef(s, needle string) int {
	if i := strings.Index(s, needle); i >= 0 {
		return i
	}
	return indexFoldSlow(s, needle)
}

// FuzzPartsRef: extractor.parts gives the parts partsRef gives, byte for
// byte, on any HTML.
func FuzzPartsRef(f *testing.F) {
	for _, s := range partsSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := partsOf(s, (*extractor).parts), partsOf(s, (*extractor).partsRef); got != want {
			t.Fatalf("parts(%q) =\n%s\nwant\n%s", s, got, want)
		}
	})
}

// TestPartsRefCorpus: extractor.parts and partsRef agree on the bodies of
// the golden corpus and of 200 pages of the bench corpus (rendered by the
// markdown package: code blocks, headings with anchors, lists, links).
func TestPartsRefCorpus(t *testing.T) {
	var bodies []string
	for _, d := range testCorpus() {
		bodies = append(bodies, d.Body)
	}
	for _, d := range benchDocs(t, 200) {
		bodies = append(bodies, d.Body)
	}
	for _, s := range bodies {
		if got, want := partsOf(s, (*extractor).parts), partsOf(s, (*extractor).partsRef); got != want {
			t.Fatalf("parts(%q) =\n%s\nwant\n%s", s, got, want)
		}
	}
}

// partsSeeds are HTML bodies for the fuzz targets of the extractor.
var partsSeeds = []string{"<p>a</p><h2 id=x>b</h2>c", "<h1 id='", "<<>>", "<!--", "<div aria-hidden=true><div>x</div></div>y", "a &amp b", "<pre>x", "<PRE>a</pre>b",
	"<p>a<em>b</em>c</p>\n<h2 id=\"a&amp;b\">T<a class=\"anchor\" href=\"#a\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>\n<ul>\n<li>x</li></ul>",
	"<P>A</P ><Em >b</eM><br/>c<br>d<hr />e<h3>f</h3><h4 id=y><h5 id=z>g</h5></h4>", "<template><p>x</p><template>y</template>z</template>w",
	"<pre class=\"c\"><code><span>x</span></code></pre><h2 id=q><pre>y</pre>z</h2>", "<script>a</p></script>b<style/>c<p/>d", "< p>x</ p>&lt;<a1>b</a1><1>",
	"<span aria-hidden=\"true\"><br>x<span>y</span>z</span>w", "<img aria-hidden=true>a<input aria-hidden='true'/>b", "<p title='>'>x</p>", "<h6 id=\"\">x</h6>y<h2 ID=u>v</H2>",
	"<p>a</p\n>b<p\n>c</p>d<em>e</em\t><li>f</li >", "<template>a</template >b<pre>c</pre\n>d",
	"<pre>rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr</pr </PRE>y</pre>z", "<a href=\"x>y", "<a href=\"x\" title='a\">b'>c</a><pre \">'>d</pre>e"}

// partsOf is what parts (fn) calls its function with, as one string.
func partsOf(s string, fn func(*extractor, string, func(string, []byte, []byte))) string {
	var b strings.Builder
	var x extractor
	fn(&x, s, func(anchor string, heading, text []byte) {
		fmt.Fprintf(&b, "%q %q %q\n", anchor, heading, text)
	})
	return b.String()
}

func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"  a  b ", "word, word; word: x", "é\u00a0ü\t\n x", "aaaaaaaaaa bbbbbbbbbbbb",
		"one two three four five six seven eight nine ten eleven", " a b  c\n d \x01 e\x1f f ", "a \u2028b\"c\\d e"} {
		for _, max := range []int{-1, 0, 1, 5, 8, 9, 16, 17} {
			f.Add(s, max+1)
		}
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
