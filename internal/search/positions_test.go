package search

import (
	"slices"
	"strings"
	"testing"
)

// TestDocRecords reads back the term records of analysed documents: each
// term's weighted frequency and positions, whatever the byte length of its
// positions (one byte for it up to 127, more past that).
func TestDocRecords(t *testing.T) {
	type want struct {
		tf  uint32
		pos []uint32
	}
	seq := func(n, from, step int) []uint32 {
		var p []uint32
		for i := range n {
			p = append(p, uint32(from+i*step))
		}
		return p
	}
	tests := []struct {
		name string
		doc  Document
		want map[string]want
	}{
		{"fields", Document{URL: "/a/", Title: "Zebra", Description: "zebra yak", Body: "<p>yak zebra</p>"},
			map[string]want{"zebra": {6 + 2 + 1, []uint32{0, 2, 6}}, "yak": {2 + 1, []uint32{3, 5}}}},
		{"126 bytes of positions", Document{URL: "/a/", Body: strings.Repeat("yak ", 125)},
			map[string]want{"yak": {125, seq(125, 0, 1)}}},
		{"127 bytes", Document{URL: "/a/", Body: strings.Repeat("yak ", 126)},
			map[string]want{"yak": {126, seq(126, 0, 1)}}},
		{"128 bytes", Document{URL: "/a/", Body: strings.Repeat("yak ", 127)},
			map[string]want{"yak": {127, seq(127, 0, 1)}}},
		{"two-byte count and length", Document{URL: "/a/", Body: strings.Repeat("yak ", 300) + "zebra"},
			map[string]want{"yak": {300, seq(300, 0, 1)}, "zebra": {1, []uint32{300}}}},
		{"two-byte gaps", Document{URL: "/a/", Body: strings.Repeat("yak "+strings.Repeat("ox ", 199), 100)},
			map[string]want{"yak": {100, seq(100, 0, 200)}, "ox": {19900, nil}}},
		{"three-byte gaps", Document{URL: "/a/", Body: "yak " + strings.Repeat("ox ", 1<<14) + "yak " + strings.Repeat("ox ", 1<<14-1) + "yak yak"},
			map[string]want{"yak": {4, []uint32{0, 1<<14 + 1, 1<<15 + 1, 1<<15 + 2}}}},
	}
	for _, tt := range tests {
		ix := NewIndex()
		d, err := ix.Analyze(&tt.doc)
		if err != nil {
			t.Fatal(err)
		}
		keys := ix.terms()
		got := map[string]want{}
		for off := uint32(0); off < uint32(len(d.t)); {
			id, tf, from, to := d.termAt(off)
			n, at := uvarint32(d.t, from)
			var pos []uint32
			p := uint32(0)
			for range n {
				var g uint32
				g, at = uvarint32(d.t, at)
				p += g
				pos = append(pos, p)
			}
			if at != to {
				t.Errorf("%s: term %q: positions end at %d, record at %d", tt.name, keys[id], at, to)
			}
			if end := skipPositions(d.t, from); end != to {
				t.Errorf("%s: term %q: skipPositions ends at %d, the record at %d", tt.name, keys[id], end, to)
			}
			got[keys[id]] = want{tf, pos}
			off = to
		}
		for term, w := range tt.want {
			g, ok := got[term]
			if !ok {
				t.Errorf("%s: no record of %q", tt.name, term)
				continue
			}
			if g.tf != w.tf || w.pos != nil && !slices.Equal(g.pos, w.pos) {
				t.Errorf("%s: %q: tf %d, positions %v; want %d, %v", tt.name, term, g.tf, g.pos, w.tf, w.pos)
			}
		}
	}
}

func TestPutUvarint(t *testing.T) {
	for _, v := range []uint32{0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 1 << 21, 1<<28 - 1, 1 << 28, 1<<32 - 1} {
		b := make([]byte, 8)
		end := putUvarint(b, 2, v)
		want := appendUvarint(nil, uint64(v))
		if got := b[2:end]; string(got) != string(want) {
			t.Errorf("putUvarint(%d) = % x, want % x", v, got, want)
		}
		if n := uvarintLen(v); n != len(want) {
			t.Errorf("uvarintLen(%d) = %d, want %d", v, n, len(want))
		}
	}
}

// TestHold: a Doc's entry and terms are copies of the analyzer's buffers,
// whether cut from a slab (without Remember; larger than a slab too) or
// arrays of their own (with Remember); cut from a slab, each has no room
// past its end, so that an append never writes over another's bytes.
func TestHold(t *testing.T) {
	for _, remember := range []bool{false, true} {
		ix := NewIndex()
		if remember {
			ix.Remember()
		}
		type held struct{ e, t, we, wt []byte }
		var all []held
		for i, size := range []int{0, 1, 100, slabSize / 3, slabSize / 3, slabSize + 5, 7} {
			e := []byte(strings.Repeat(string(rune('a'+i)), size))
			tt := []byte(strings.Repeat(string(rune('A'+i)), size/2+1))
			he, ht := ix.hold(e, tt)
			// The analyzer reuses its buffers: the copies must not change.
			for j := range e {
				e[j] = '!'
			}
			for j := range tt {
				tt[j] = '!'
			}
			we := []byte(strings.Repeat(string(rune('a'+i)), size))
			wt := []byte(strings.Repeat(string(rune('A'+i)), size/2+1))
			if !remember && (cap(he) != len(he) || cap(ht) != len(ht)) {
				t.Errorf("remember=%v, size %d: room past the end: caps %d, %d for lengths %d, %d", remember, size, cap(he), cap(ht), len(he), len(ht))
			}
			all = append(all, held{he, ht, we, wt})
		}
		for i, h := range all {
			if string(h.e) != string(h.we) || string(h.t) != string(h.wt) {
				t.Errorf("remember=%v: Doc %d's bytes changed", remember, i)
			}
		}
	}
}
