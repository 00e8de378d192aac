package search

import (
	"encoding/binary"
	"hash/maphash"
)

// wordTable maps folded words to term ids: open-addressing hash tables, a
// few times faster than a Go map for the tens of millions of lookups of a
// large site's build. Most words are short: a word of up to 8 bytes is its
// own key (its bytes as a little-endian number, which is never 0 since no
// word holds a NUL byte), so that finding it takes a multiplication and a
// comparison of two numbers; a word of 9 to 16 bytes is two such numbers;
// a longer word is hashed and kept in an arena.
type wordTable struct {
	short  []shortSlot // a power of two of them
	shift  uint        // 64 - log2(len(short))
	nShort int

	// Words of 9 to 16 bytes are two keys.
	mid    []midSlot // a power of two of them
	mShift uint
	nMid   int

	seed  maphash.Seed
	slots []wordSlot // a power of two of them
	arena []byte
	n     int
}

type shortSlot struct {
	key uint64 // the word's bytes (wordKey); 0 for an empty slot
	id  uint32
}

type midSlot struct {
	lo, hi uint64 // the word's first 8 bytes and the others (wordKey); 0 for an empty slot
	id     uint32
}

type wordSlot struct {
	hash uint32
	id   uint32 // the term id + 1; 0 for an empty slot
	off  uint32 // the word in arena
	size uint32
}

func newWordTable() *wordTable {
	return &wordTable{short: make([]shortSlot, 1024), shift: 64 - 10, mid: make([]midSlot, 256), mShift: 64 - 8,
		seed: maphash.MakeSeed(), slots: make([]wordSlot, 256)}
}

// wordKey is w (1 to 8 bytes) as a little-endian number, the bytes past
// it zero. It reads w's 8 bytes at once when w's array has them.
func wordKey(w []byte) uint64 {
	if cap(w) >= 8 {
		return binary.LittleEndian.Uint64(w[:8]) & (^uint64(0) >> (64 - 8*len(w)))
	}
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// shortHash spreads a key over the table (Fibonacci hashing: the high
// bits of a multiplication by 2^64/φ).
func shortHash(key uint64, shift uint) uint64 { return key * 0x9E3779B97F4A7C15 >> shift }

// midHash spreads a word of 9 to 16 bytes over t.mid.
func midHash(lo, hi uint64, shift uint) uint64 {
	return (lo*0x9E3779B97F4A7C15 ^ hi) * 0x9E3779B97F4A7C15 >> shift
}

// get returns the id of w, or false.
func (t *wordTable) get(w []byte) (uint32, bool) {
	if len(w) > 8 && len(w) <= 16 {
		return t.getMid(wordKey(w[:8]), wordKey(w[8:]))
	}
	if len(w) == 0 || len(w) > 8 {
		return t.getLong(w)
	}
	return t.getKey(wordKey(w))
}

// getKey returns the id of the word of 1 to 8 bytes whose wordKey is key,
// or false.
func (t *wordTable) getKey(key uint64) (uint32, bool) {
	mask := uint64(len(t.short) - 1)
	for i := shortHash(key, t.shift); ; i = (i + 1) & mask {
		s := &t.short[i]
		if s.key == key {
			return s.id, true
		}
		if s.key == 0 {
			return 0, false
		}
	}
}

func (t *wordTable) getMid(lo, hi uint64) (uint32, bool) {
	mask := uint64(len(t.mid) - 1)
	for i := midHash(lo, hi, t.mShift); ; i = (i + 1) & mask {
		s := &t.mid[i]
		if s.lo == lo && s.hi == hi {
			return s.id, true
		}
		if s.hi == 0 {
			return 0, false
		}
	}
}

func (t *wordTable) getLong(w []byte) (uint32, bool) {
	h := uint32(maphash.Bytes(t.seed, w))
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			return 0, false
		}
		if s.hash == h && int(s.size) == len(w) && string(t.arena[s.off:s.off+s.size]) == string(w) {
			return s.id - 1, true
		}
	}
}

// put adds w, not in t yet, with its id.
func (t *wordTable) put(w []byte, id uint32) {
	if len(w) > 8 && len(w) <= 16 {
		t.putMid(midSlot{lo: wordKey(w[:8]), hi: wordKey(w[8:]), id: id})
		return
	}
	if len(w) == 0 || len(w) > 8 {
		t.putLong(w, id)
		return
	}
	if 4*(t.nShort+1) > 3*len(t.short) {
		old := t.short
		t.short = make([]shortSlot, 2*len(old))
		t.shift--
		for _, s := range old {
			if s.key != 0 {
				t.insertShort(s)
			}
		}
	}
	t.insertShort(shortSlot{key: wordKey(w), id: id})
	t.nShort++
}

func (t *wordTable) insertShort(s shortSlot) {
	mask := uint64(len(t.short) - 1)
	i := shortHash(s.key, t.shift)
	for t.short[i].key != 0 {
		i = (i + 1) & mask
	}
	t.short[i] = s
}

func (t *wordTable) putMid(s midSlot) {
	if 4*(t.nMid+1) > 3*len(t.mid) {
		old := t.mid
		t.mid = make([]midSlot, 2*len(old))
		t.mShift--
		for _, s := range old {
			if s.hi != 0 {
				t.insertMid(s)
			}
		}
	}
	t.insertMid(s)
	t.nMid++
}

func (t *wordTable) insertMid(s midSlot) {
	mask := uint64(len(t.mid) - 1)
	i := midHash(s.lo, s.hi, t.mShift)
	for t.mid[i].hi != 0 {
		i = (i + 1) & mask
	}
	t.mid[i] = s
}

func (t *wordTable) putLong(w []byte, id uint32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, 2*len(old))
		for _, s := range old {
			if s.id != 0 {
				t.insertLong(s)
			}
		}
	}
	off := uint32(len(t.arena))
	t.arena = append(t.arena, w...)
	t.insertLong(wordSlot{hash: uint32(maphash.Bytes(t.seed, w)), id: id + 1, off: off, size: uint32(len(w))})
	t.n++
}

func (t *wordTable) insertLong(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}
