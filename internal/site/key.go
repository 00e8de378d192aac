package site

import (
	"encoding/binary"
	"hash/maphash"
	"strconv"
	"time"
)

// keyer builds the keys that decide what a rebuild must redo. Keys live
// only in memory, for the lifetime of one Builder, so a fast seeded hash
// is enough: they are compared, never stored or shown.
type keyer struct {
	h   maphash.Hash
	buf [8]byte
}

func newKeyer(seed maphash.Seed) *keyer {
	k := &keyer{}
	k.h.SetSeed(seed)
	return k
}

func (k *keyer) str(s string) {
	k.h.WriteString(s)
	k.h.WriteByte(0)
}

func (k *keyer) bytes(b []byte) {
	k.int(int64(len(b)))
	k.h.Write(b)
}

func (k *keyer) int(i int64) {
	binary.LittleEndian.PutUint64(k.buf[:], uint64(i))
	k.h.Write(k.buf[:])
}

func (k *keyer) time(t time.Time) {
	k.int(t.Unix())
	k.int(int64(t.Nanosecond()))
}

func (k *keyer) sum() string { return strconv.FormatUint(k.h.Sum64(), 36) }
