package search

import "hash/maphash"

// wordTable maps folded words to term ids: an open-addressing hash table
// with the words' bytes in one arena, a few times faster than a Go map
// for the tens of millions of lookups of a large site's build.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot // a power of two of them
	arena []byte
	n     int
}

type wordSlot struct {
	hash uint32
	id   uint32 // the term id + 1; 0 for an empty slot
	off  uint32 // the word in arena
	size uint32
}

func newWordTable() *wordTable {
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]wordSlot, 1024)}
}

// get returns the id of w, or false.
func (t *wordTable) get(w []byte) (uint32, uint32, bool) {
	h := uint32(maphash.Bytes(t.seed, w))
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id == 0 {
			return 0, h, false
		}
		if s.hash == h && int(s.size) == len(w) && string(t.arena[s.off:s.off+s.size]) == string(w) {
			return s.id - 1, h, true
		}
	}
}

// put adds w, of hash h, with its id.
func (t *wordTable) put(w []byte, h, id uint32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	off := uint32(len(t.arena))
	t.arena = append(t.arena, w...)
	t.insert(wordSlot{hash: h, id: id + 1, off: off, size: uint32(len(w))})
	t.n++
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.id != 0 {
			t.insert(s)
		}
	}
}
