package search

import (
	"encoding/binary"
	"html"
	"math/bits"
	"slices"
	"strings"
	"unsafe"
)

// Text from HTML: a page's rendered body (the HTML the markdown package
// writes) is read in one pass, split into parts at its headings: every
// h1–h6 with an id starts a part whose anchor is the id and whose heading
// is the heading's text; the text before the first such heading is a part
// without one (left out when empty). Text is taken with entities decoded
// and white space collapsed; block elements and <br> separate words;
// comments, <script>, <style>, <template>, code blocks (<pre>) and elements
// marked aria-hidden="true" (the headings' "#" anchor links) are left out.
// Any HTML is read without failing: broken markup gives odd text, never an
// error.

// extractor reads a body into parts; its buffers are reused from page to
// page.
type extractor struct {
	text, head []byte
	skip       []string
}

// parts calls part with each part of src in order: its anchor, and its
// heading and text with entities decoded but white space as it is
// (collapse tidies it). The slices passed are valid only during the call.
func (x *extractor) parts(src string, part func(anchor string, heading, text []byte)) {
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
	// out is where text goes: the heading's or the part's text.
	out := &x.text
	for i := 0; i < len(src); {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if lt > 0 && len(x.skip) == 0 {
			*out = appendRaw(*out, src[i:i+lt])
		}
		i += lt
		if i >= len(src) {
			break
		}
		// The tag: its inside (between '<' and '>'), its name and whether it
		// closes. The usual tag, a lowercase name alone ("<p>", "</em>"),
		// is read at once: it has no attributes to look for.
		var (
			tag, name string
			closing   bool
			gt        int
		)
		j := i + 1
		if j < len(src) && src[j] == '/' {
			j++
		}
		k := j
		for k < len(src) && (src[k] >= 'a' && src[k] <= 'z' || k > j && src[k] >= '0' && src[k] <= '9') {
			k++
		}
		if k > j && k < len(src) && src[k] == '>' {
			gt, tag, name, closing = k, src[i+1:k], src[j:k], j > i+1
		} else {
			if strings.HasPrefix(src[i:], "<!--") {
				end := strings.Index(src[i+4:], "-->")
				if end < 0 {
					break
				}
				i += 4 + end + 3
				continue
			}
			gt = tagEnd(src, i)
			if gt > i {
				tag = src[i+1 : gt]
			}
			name, closing = tagName(tag)
			if name == "" {
				// A lone '<' is text.
				i++
				if len(x.skip) == 0 {
					*out = append(*out, '<')
				}
				continue
			}
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
				out = &x.text
			case blockElement(name):
				*out = space(*out)
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
			closer := "</pre" // the usual one, without making it
			if name != "pre" {
				closer = "</" + name
			}
			end := indexFold(src[i:], closer)
			if end < 0 {
				i = len(src)
				continue
			}
			i += end
			if gt := tagEnd(src, i); gt >= 0 {
				i = gt + 1
			} else {
				i = len(src)
			}
			if name == "pre" {
				x.text = space(x.text)
			}
		case len(tag) > len(name) && attr(tag, "aria-hidden") == "true" || name == "template":
			if !voidElement(name) && !strings.HasSuffix(tag, "/") {
				x.skip = append(x.skip, name)
			}
		case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && inHead == "":
			if id := attr(tag, "id"); id != "" {
				finish()
				started = true
				anchor = html.UnescapeString(id)
				inHead = name
				out = &x.head
			} else {
				x.text = space(x.text)
			}
		case blockElement(name):
			*out = space(*out)
		}
	}
	finish()
}

// Parts splits a page's rendered body into parts (see the rules above),
// with their whole text.
func Parts(src string) []Part {
	var out []Part
	var x extractor
	x.parts(src, func(anchor string, heading, text []byte) {
		out = append(out, Part{Anchor: anchor, Heading: string(collapse(nil, heading, -1)), Text: string(collapse(nil, text, -1))})
	})
	return out
}

// indexFold is strings.Index of an ASCII lowercase needle that starts with
// '<', in any case: the lowercase one first (what the markdown package
// writes), another only when there is none.
func indexFold(s, needle string) int {
	if i := index3(s, needle); i >= 0 {
		return i
	}
	return indexFoldSlow(s, needle)
}

// index3 is strings.Index(s, needle) for a needle of 4 bytes or more,
// faster where the needle's first byte is common ("</pre" in a code block
// of spans, full of "</span"). The places where s has the needle's byte
// 3 (the 'r') are found with strings.IndexByte, many bytes at a time, as
// long as few of them are not the needle's; past too many such places,
// those where s has its bytes 1 and 3 together are found eight at a time.
func index3(s, needle string) int {
	if len(needle) < 4 {
		return strings.Index(s, needle)
	}
	i, fails := 0, 0
	for i+len(needle) <= len(s) {
		k := strings.IndexByte(s[i+3:], needle[3])
		if k < 0 {
			return -1
		}
		k += i
		if strings.HasPrefix(s[k:], needle) {
			return k
		}
		i = k + 1
		// More than about one place in 16 bytes: the loop below.
		if fails++; fails > 4+i>>4 {
			break
		}
	}
	const ones = 0x0101010101010101
	c1, c3 := uint64(needle[1])*ones, uint64(needle[3])*ones
	for ; i+11 <= len(s); i += 8 {
		m := zeroBytes(load64(s, i+1)^c1) & zeroBytes(load64(s, i+3)^c3)
		for m != 0 {
			k := i + bits.TrailingZeros64(m)>>3
			if strings.HasPrefix(s[k:], needle) {
				return k
			}
			m &= m - 1
		}
	}
	if j := strings.Index(s[i:], needle); j >= 0 {
		return i + j
	}
	return -1
}

// load64 is s[i:i+8] as a little-endian number.
func load64(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

// zeroBytes has the top bit of each zero byte of v set, and no other bit.
func zeroBytes(v uint64) uint64 {
	const low7, top = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	return ^((v&low7 + low7) | v) & top
}

func indexFoldSlow(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if s[i] == '<' && strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

func isSpace(c byte) bool { return spaceByte[c] }

// spaceByte[c] is set for HTML's white space.
var spaceByte = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\f': true}

// appendRaw appends s to b with entities decoded.
func appendRaw(b []byte, s string) []byte {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return append(b, s...)
}

// space ends a word: a space after b's text, unless it ends with one.
func space(b []byte) []byte {
	if len(b) > 0 && !isSpace(b[len(b)-1]) {
		b = append(b, ' ')
	}
	return b
}

func blank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// collapse appends text to b with runs of white space made one space and
// none at either end; with max >= 0, only its first max bytes, cut at a
// space (or a character, in a long word) and followed by "…" when it cuts.
func collapse(b, text []byte, max int) []byte {
	start := len(b)
	limit := len(text)
	if max >= 0 {
		limit = max + 1
	}
	pending := false
	for i := 0; i < len(text) && len(b)-start < limit; {
		if spaceByte[text[i]] {
			pending = len(b) > start
			i++
			continue
		}
		if pending {
			b = append(b, ' ')
			pending = false
			if len(b)-start >= limit {
				break
			}
		}
		// A run of other bytes and of lone spaces (' ' between two other
		// bytes), which collapsing leaves as they are, is copied at once,
		// as far as the limit.
		j := plainText(bytesString(text), i+1, min(len(text), i+limit-(len(b)-start)))
		b = append(b, text[i:j]...)
		i = j
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

// plainText returns the index of the first white space of s[i:end] other
// than a lone ' ' (one followed by a byte that is not white space), or
// end: eight bytes at a time, those below '!' found at once and then
// looked at.
func plainText(s string, i, end int) int {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		x := load64(s, i)
		// The top bit of each byte below '!' is set (and of some bytes
		// after one: spaceByte tells them apart).
		for m := (x - '!'*ones) & ^x & top; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)>>3; spaceByte[s[k]] && !loneSpace(s, k) {
				return k
			}
		}
	}
	for ; i < end; i++ {
		if spaceByte[s[i]] && !loneSpace(s, i) {
			return i
		}
	}
	return end
}

// loneSpace reports whether s[k], white space, is a ' ' that is followed
// by a byte that is not.
func loneSpace(s string, k int) bool {
	return s[k] == ' ' && k+1 < len(s) && !spaceByte[s[k+1]]
}

// tagEnd returns the index of the '>' that closes the tag opening at i,
// skipping quoted attribute values (each found at once, by its closing
// quote), or -1 when there is none.
func tagEnd(src string, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; c {
		case '"', '\'':
			k := strings.IndexByte(src[j+1:], c)
			if k < 0 {
				return -1
			}
			j += 1 + k
		case '>':
			return j
		}
	}
	return -1
}

// tagName returns the lowercased element name of a tag's inside ("h2
// id=x", "/p") and whether it closes; "" when it is not a tag.
func tagName(tag string) (string, bool) {
	closing := strings.HasPrefix(tag, "/")
	if closing {
		tag = tag[1:]
	}
	n := 0
	lower := true
	for n < len(tag) {
		c := tag[n]
		if c >= 'A' && c <= 'Z' {
			lower = false
		} else if !(c >= 'a' && c <= 'z' || n > 0 && c >= '0' && c <= '9') {
			break
		}
		n++
	}
	if n == 0 {
		return "", false
	}
	if lower {
		return tag[:n], closing
	}
	return strings.ToLower(tag[:n]), closing
}

// attr returns the value of the attribute name in a tag's inside, or "".
func attr(tag, name string) string {
	for i := 0; i < len(tag); {
		j := strings.Index(tag[i:], name)
		if j < 0 {
			return ""
		}
		j += i
		end := j + len(name)
		if j > 0 && isSpace(tag[j-1]) && end < len(tag) && tag[end] == '=' {
			v := tag[end+1:]
			if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
				q := v[0]
				if k := strings.IndexByte(v[1:], q); k >= 0 {
					return v[1 : k+1]
				}
				return v[1:]
			}
			k := 0
			for k < len(v) && !isSpace(v[k]) && v[k] != '/' {
				k++
			}
			return v[:k]
		}
		i = end
	}
	return ""
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

func blockElement(name string) bool {
	switch name {
	case "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "thead", "tbody",
		"pre", "blockquote", "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "details", "summary", "fieldset", "legend", "caption":
		return true
	}
	return false
}
