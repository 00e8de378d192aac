package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

const (
	format = 2 // manifest "format": changes when a file's layout does
	// levels is the number of impact levels.
	levels = 31
	// fragmentTarget is the size a term fragment is cut near.
	fragmentTarget = 16 << 10
	// chunkTarget is the size a positions file is cut near.
	chunkTarget = 16 << 10
	// bundleSize is the number of documents a bundle holds, groupSize the
	// number of bundles one hash names.
	bundleSize = 8
	groupSize  = 16
)

// manifest is manifest.json.
type manifest struct {
	Format   int         `json:"format"`
	Language string      `json:"language"`
	Stemmer  string      `json:"stemmer"`
	Elide    bool        `json:"elide,omitempty"` // French elision when tokenizing
	Docs     int         `json:"docs"`
	Levels   []float64   `json:"levels"`
	Terms    [][2]string `json:"terms"`    // first term of each fragment, file
	Lexicons [][2]string `json:"lexicons"` // first character, file
	Bundles  bundles     `json:"bundles"`
}

// bundles names the bundle files: document i is entry i%Size of bundle
// b = i/Size, in the file "d/" + Hashes[b/Group] + "-" + b + ".json".
type bundles struct {
	Size   int      `json:"size"`
	Group  int      `json:"group"`
	Hashes []string `json:"hashes"`
}

// writer writes the index of one language.
type writer struct {
	lang, stemmer string
	docs          []*Doc // sorted by URL: a document's number is its place here
	// pos holds every posting's positions (as Doc.t holds them), in the
	// order of the postings: copied there as the postings are gathered,
	// reading each Doc.t in order, so that the positions files are made
	// of runs of pos, where reading them from the documents' t, a
	// document at random for each posting, missed the cache each time.
	// The positions of the term of rank r are pos[posAt[r]:posAt[r+1]].
	pos   []byte
	posAt []uint32
	keys  []string
	// emit is given each file as it is made, from every core (put);
	// with reuse, its array is filled again once emit returns.
	emit  func(name string, b []byte) error
	reuse bool
	spare sync.Pool  // of *scratch, with reuse
	mu    sync.Mutex // of err and next.sums: files are made on every core
	err   error      // the first error emit returned

	// With Index.Remember: the last write of this language, and this
	// one's; dirty[id] is set for a term whose postings may have changed
	// since last (all when last is nil or its documents were others).
	last, next *lastWrite
	dirty      []bool
	changed    []bool // by document: not the same Doc as in last
}

// lastWrite is what a Write keeps of one language for the next.
type lastWrite struct {
	docs  []*Doc
	terms map[uint32]*kept
	// The scorer's average length, and its least and greatest score.
	avg, min, max float64
	// sums holds the files' hashes, by slot (writer.sum).
	sums map[string]hashed
}

// kept is one term's encoding that does not depend on other terms: its
// documents and its positions, with for each of its documents the
// document's number and where its positions end in pos.
type kept struct {
	docs []byte
	kind byte
	pos  []byte
	doc  []uint32
	end  []uint32
	// imp is its impact levels, scores its documents' scores, lo and hi
	// the least and greatest.
	imp    []byte
	scores []float64
	lo, hi float64
}

// aligned returns the last write's encoding of term id when the term has
// the same documents docs as then, or nil.
func (w *writer) aligned(id uint32, docs []uint32) *kept {
	if w.dirty == nil {
		return nil
	}
	o := w.last.terms[id]
	if o == nil || !slices.Equal(o.doc, docs) {
		return nil
	}
	return o
}

// markDirty sets w.dirty: a term is clean when the last write had the same
// number of documents, and no document that holds the term (now or then)
// changed. A clean term's documents and positions are those of the last
// write. Docs are never changed once analysed, so an unchanged document is
// the same *Doc.
func (w *writer) markDirty() {
	if w.last == nil || len(w.last.docs) != len(w.docs) {
		return
	}
	w.dirty = make([]bool, len(w.keys))
	w.changed = make([]bool, len(w.docs))
	for i, d := range w.docs {
		old := w.last.docs[i]
		if old == d {
			continue
		}
		w.changed[i] = true
		for _, x := range [2]*Doc{old, d} {
			for off := uint32(0); off < uint32(len(x.t)); {
				id, _, _, next := x.termAt(off)
				w.dirty[id] = true
				off = next
			}
		}
	}
}

// clean returns the kept encoding of term id, or nil.
func (w *writer) clean(id uint32) *kept {
	if w.dirty == nil || w.dirty[id] {
		return nil
	}
	return w.last.terms[id]
}

// positions appends the positions of a term's postings (in the documents
// docs) to data and returns them with where each posting's positions end
// (relative to the term's start). The term's positions are w.pos[at:to] (see writer.pos).
// With a last write of the same documents, the positions of the documents
// that did not change are copied from it in runs.
func (w *writer) positions(data []byte, id uint32, docs []uint32, at, to uint32) ([]byte, []uint32) {
	var old *kept
	if w.dirty != nil {
		old = w.last.terms[id]
	}
	before := len(data)
	var end []uint32
	if w.next != nil {
		end = make([]uint32, len(docs))
	}
	if old == nil {
		// The usual case: the term's positions, in one run of pos.
		data = append(data, w.pos[at:to]...)
		o := at
		for i := range end {
			o = skipPositions(w.pos, o)
			end[i] = o - at
		}
		return data, end
	}
	j := 0                 // the next of old's postings
	runFrom, runTo := 0, 0 // a run of old's positions not yet copied
	for i, doc := range docs {
		from := at
		at = skipPositions(w.pos, at)
		if !w.changed[doc] {
			for j < len(old.doc) && old.doc[j] < doc {
				j++
			}
			if j < len(old.doc) && old.doc[j] == doc {
				from := 0
				if j > 0 {
					from = int(old.end[j-1])
				}
				if from != runTo {
					data = append(data, old.pos[runFrom:runTo]...)
					runFrom = from
				}
				runTo = int(old.end[j])
				if end != nil {
					end[i] = uint32(len(data) - before + runTo - runFrom)
				}
				continue
			}
		}
		if runTo > runFrom {
			data = append(data, old.pos[runFrom:runTo]...)
			runFrom, runTo = 0, 0
		}
		data = append(data, w.pos[from:at]...)
		if end != nil {
			end[i] = uint32(len(data) - before)
		}
	}
	if runTo > runFrom {
		data = append(data, old.pos[runFrom:runTo]...)
	}
	return data, end
}

// skipPositions returns where the positions record (their number, then
// as many uvarints) that starts at b[off] ends.
func skipPositions(b []byte, off uint32) uint32 {
	count, off := uvarint32(b, off)
	for count > 0 {
		if b[off] < 0x80 {
			count--
		}
		off++
	}
	return off
}

// put hands the file name (in the language's folder) to emit, unless
// emit has failed, and returns name.
func (w *writer) put(name string, b []byte) string {
	w.mu.Lock()
	failed := w.err != nil
	w.mu.Unlock()
	if failed {
		return name
	}
	if err := w.emit(w.lang+"/"+name, b); err != nil {
		w.mu.Lock()
		if w.err == nil {
			w.err = err
		}
		w.mu.Unlock()
	}
	return name
}

// scratch is the arrays a core makes files in: with writer.reuse, the
// arrays of the files it made before (writer.scratch).
type scratch struct {
	data, file, head, body, group []byte
}

// scratch returns arrays to make files in, and the function that gives
// them back once the files are handed over: with writer.reuse, those
// given back before, on any core.
func (w *writer) scratch() (*scratch, func()) {
	if !w.reuse {
		return &scratch{}, func() {}
	}
	s, _ := w.spare.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	return s, func() { w.spare.Put(s) }
}

func hashName(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:5])
}

// hashed is a file's bytes and their hash.
type hashed struct {
	b   []byte
	sum [32]byte
}

// sum is the SHA-256 of b, the bytes of a file at slot (a name of its
// place in the index, such as the first term of a fragment). With
// Index.Remember, a file with the same bytes as the last write's at its
// slot takes that hash (comparing is cheaper than hashing).
func (w *writer) sum(slot string, b []byte) [32]byte {
	var h hashed
	ok := false
	if w.last != nil {
		h, ok = w.last.sums[slot]
	}
	s := h.sum
	if !ok || !bytes.Equal(h.b, b) {
		s = sha256.Sum256(b)
	}
	if w.next != nil {
		w.mu.Lock()
		w.next.sums[slot] = hashed{b, s}
		w.mu.Unlock()
	}
	return s
}

// sumName is the name sum gives b: the first 5 bytes of its hash.
func (w *writer) sumName(slot string, b []byte) string {
	s := w.sum(slot, b)
	return hex.EncodeToString(s[:5])
}

func (w *writer) write() error {
	n := len(w.docs)
	// Postings: each term's documents in order. Each core reads a run of
	// the documents twice: first to count its postings of each term (and
	// their positions' bytes), then to put them (and their positions) in
	// place, after those of the runs before it.
	runs := min(runtime.GOMAXPROCS(0), max(1, n/64))
	counts := make([][]uint32, runs) // by run: by term id, its postings, then where they go
	sizes := make([][]uint32, runs)  // the same for the positions' bytes
	eachRange(runs, func(from, to int) {
		for k := from; k < to; k++ {
			c, z := make([]uint32, len(w.keys)), make([]uint32, len(w.keys))
			for _, d := range w.docs[n*k/runs : n*(k+1)/runs] {
				for off := uint32(0); off < uint32(len(d.t)); {
					id, _, from, next := d.termAt(off)
					c[id]++
					z[id] += next - from
					off = next
				}
			}
			counts[k], sizes[k] = c, z
		}
	})
	df := make([]uint32, len(w.keys))
	for _, c := range counts {
		for id, x := range c {
			df[id] += x
		}
	}
	var ids []uint32
	for id, c := range df {
		if c > 0 {
			ids = append(ids, uint32(id))
		}
	}
	sortTerms(ids, w.keys)
	off := make([]uint32, len(ids)+1)
	for r, id := range ids {
		off[r+1] = off[r] + df[id]
	}
	// The scorer and each document's length normalization, by its
	// number: read in the order of the postings, a document at random
	// each time, from an array that stays in the cache.
	sc := w.scorer()
	norms := make([]float64, n)
	for i, d := range w.docs {
		norms[i] = sc.norm(d.length)
	}
	lo, hi := make([]float64, len(ids)), make([]float64, len(ids))
	// A write with nothing to copy from a last write and nothing to keep
	// for the next (a one-off build's: fresh) scores every posting in a
	// pass over the documents before the postings are put in place, so
	// that the levels are known as they are: a posting is then its
	// document and its level (5 bytes, the levels the fragments' own),
	// where otherwise it is its document and frequency (6 bytes) and its
	// level is computed with the fragment.
	fresh := w.last == nil && w.next == nil
	var idf []float64 // by term id, when fresh
	var q quantizer
	if fresh {
		idf = make([]float64, len(w.keys))
		for _, id := range ids {
			idf[id] = sc.idf(int(df[id]))
		}
		w.bounds(&sc, runs, idf, norms, ids, lo, hi)
		q = w.quantize(&sc, lo, hi)
	}
	postDoc := make([]uint32, off[len(ids)]) // each posting's document
	var postTF []uint16                      // its frequency, unless fresh
	var postImp []byte                       // its level, when fresh
	if fresh {
		postImp = make([]byte, len(postDoc))
	} else {
		postTF = make([]uint16, len(postDoc))
	}
	// counts[k][id] becomes where run k puts its first posting of id, and
	// sizes[k][id] where it puts their positions.
	at := make([]uint32, len(w.keys))
	bytesAt := make([]uint32, len(w.keys))
	w.posAt = make([]uint32, len(ids)+1)
	total := uint32(0)
	for r, id := range ids {
		at[id] = off[r]
		bytesAt[id] = total
		for _, z := range sizes {
			total += z[id]
		}
		w.posAt[r+1] = total
	}
	for k, c := range counts {
		z := sizes[k]
		for id, x := range c {
			c[id] = at[id]
			at[id] += x
			z[id], bytesAt[id] = bytesAt[id], bytesAt[id]+z[id]
		}
	}
	w.pos = make([]byte, total)
	eachRange(runs, func(from, to int) {
		for k := from; k < to; k++ {
			cur, pcur := counts[k], sizes[k]
			for di := n * k / runs; di < n*(k+1)/runs; di++ {
				d := w.docs[di]
				for o := uint32(0); o < uint32(len(d.t)); {
					id, tf, from, to := d.termAt(o)
					p := pcur[id]
					end := p + uint32(copy(w.pos[p:], d.t[from:to]))
					j := cur[id]
					postDoc[j] = uint32(di)
					if fresh {
						postImp[j] = q.level(sc.score(idf[id], tf, norms[di]))
					} else {
						postTF[j] = uint16(tf)
					}
					cur[id]++
					pcur[id] = end
					o = to
				}
			}
		}
	})

	// Every posting's score, once, on every core; then the levels. A
	// clean term of a write with the same scorer as the last (the same
	// documents' number and average length) has the scores it had: they
	// are not computed again, only its least and greatest are taken.
	w.markDirty()
	same := w.dirty != nil && w.last.avg == sc.avg
	// Past here only with Index.Remember (a fresh write has its levels):
	// the scores are kept, for the levels and for the next write.
	var scores []float64
	if w.next != nil {
		scores = make([]float64, len(postDoc))
	}
	// aligned[r] is set for a dirty term with the same documents as in
	// the last write and the same scorer: only its changed documents'
	// scores (and levels) are computed again.
	aligned := make([]*kept, len(ids))
	scoreTerm := func(r int) {
		idf := sc.idf(int(off[r+1] - off[r]))
		l, h := 0.0, 0.0
		o := aligned[r]
		if o != nil {
			copy(scores[off[r]:off[r+1]], o.scores)
		}
		for j := off[r]; j < off[r+1]; j++ {
			var v float64
			if o == nil || w.changed[postDoc[j]] {
				v = sc.score(idf, uint32(postTF[j]), norms[postDoc[j]])
				if scores != nil {
					scores[j] = v
				}
			} else {
				v = scores[j]
			}
			if l == 0 || v < l {
				l = v
			}
			h = max(h, v)
		}
		lo[r], hi[r] = l, h
	}
	if !fresh {
		eachRange(len(ids), func(from, to int) {
			for r := from; r < to; r++ {
				if k := w.clean(ids[r]); same && k != nil {
					lo[r], hi[r] = k.lo, k.hi
					continue
				}
				if same {
					aligned[r] = w.aligned(ids[r], postDoc[off[r]:off[r+1]])
				}
				scoreTerm(r)
			}
		})
		q = w.quantize(&sc, lo, hi)
	}
	same = same && w.last.min == sc.min && w.last.max == sc.max
	if w.next != nil {
		w.next.avg, w.next.min, w.next.max = sc.avg, sc.min, sc.max
	}

	m := manifest{Format: format, Language: w.lang, Stemmer: w.stemmer, Elide: w.stemmer == "fr", Docs: n, Levels: q.values,
		Terms: [][2]string{}, Lexicons: [][2]string{}}

	// Term fragments, each with its positions files.
	if w.next != nil {
		w.next.sums = map[string]hashed{}
	}
	enc := make([]encoded, len(ids))
	var keep []*kept // by rank, with Index.Remember
	if w.next != nil {
		keep = make([]*kept, len(ids))
	}
	eachRange(len(ids), func(from, to int) {
		var gaps []byte
		for r := from; r < to; r++ {
			if fresh {
				enc[r], gaps = w.encode(postDoc[off[r]:off[r+1]], postImp[off[r]:off[r+1]], gaps)
				continue
			}
			if k := w.clean(ids[r]); k != nil {
				if same {
					enc[r] = encoded{docs: k.docs, kind: k.kind, imp: k.imp}
					continue
				}
				if w.last.avg == sc.avg {
					scoreTerm(r) // its scores were not computed above
				}
				enc[r] = encoded{docs: k.docs, kind: k.kind, imp: make([]byte, off[r+1]-off[r])}
				for j, v := range scores[off[r]:off[r+1]] {
					enc[r].imp[j] = q.level(v)
				}
				continue
			}
			if o := aligned[r]; o != nil {
				enc[r] = encoded{docs: o.docs, kind: o.kind, imp: make([]byte, off[r+1]-off[r])}
				if same {
					copy(enc[r].imp, o.imp)
				}
				for j, doc := range postDoc[off[r]:off[r+1]] {
					if !same || w.changed[doc] {
						enc[r].imp[j] = q.level(scores[int(off[r])+j])
					}
				}
				continue
			}
			imp := make([]byte, off[r+1]-off[r])
			for j, v := range scores[off[r]:off[r+1]] {
				imp[j] = q.level(v)
			}
			enc[r], gaps = w.encode(postDoc[off[r]:off[r+1]], imp, gaps)
		}
	})
	var starts []int
	for start := 0; start < len(ids); start = cut(ids, w.keys, enc, start) {
		starts = append(starts, start)
	}
	starts = append(starts, len(ids))
	m.Terms = make([][2]string, len(starts)-1)
	eachRange(len(starts)-1, func(from, to int) {
		s, done := w.scratch()
		defer done()
		for f := from; f < to; f++ {
			start, end := starts[f], starts[f+1]
			first := w.keys[ids[start]]
			if start == 0 {
				first = ""
			}
			var kp []*kept
			if keep != nil {
				kp = keep[start:end]
			}
			m.Terms[f] = [2]string{first, w.fragment(ids[start:end], enc[start:end], postDoc, off[start:end+1], w.posAt[start:end+1], kp, s)}
		}
	})
	if w.next != nil {
		w.next.terms = make(map[uint32]*kept, len(ids))
		for r, id := range ids {
			k := keep[r]
			switch {
			case k.scores == nil: // a dirty term
				k.scores = slices.Clone(scores[off[r]:off[r+1]])
			case !same: // a clean term with new scores and levels
				c := *k
				k = &c
				k.imp = enc[r].imp
				k.scores = slices.Clone(scores[off[r]:off[r+1]])
			}
			k.lo, k.hi = lo[r], hi[r]
			w.next.terms[id] = k
		}
	}

	for _, l := range w.lexicons(ids, df) {
		m.Lexicons = append(m.Lexicons, l)
	}
	m.Bundles = w.bundles()

	var buf bytes.Buffer
	je := json.NewEncoder(&buf)
	je.SetEscapeHTML(false)
	if err := je.Encode(m); err != nil {
		return err
	}
	if w.err != nil {
		return w.err
	}
	w.put("manifest.json", buf.Bytes())
	return w.err
}

// quantize sets sc's least and greatest score from each term's (lo, hi,
// by rank) and returns its quantizer.
func (w *writer) quantize(sc *scorer, lo, hi []float64) quantizer {
	for r := range lo {
		if sc.min == 0 || lo[r] < sc.min {
			sc.min = lo[r]
		}
		sc.max = max(sc.max, hi[r])
	}
	return sc.quantizer()
}

// bounds sets lo[r] and hi[r] to the least and greatest score of the term
// of rank r (ids[r]), from a pass over the documents in runs, on every
// core: what scoring each term's postings gives, before they are put in
// place. idf is by term id.
func (w *writer) bounds(sc *scorer, runs int, idf, norms []float64, ids []uint32, lo, hi []float64) {
	n := len(w.docs)
	los, his := make([][]float64, runs), make([][]float64, runs)
	eachRange(runs, func(from, to int) {
		for k := from; k < to; k++ {
			l, h := make([]float64, len(w.keys)), make([]float64, len(w.keys))
			for di := n * k / runs; di < n*(k+1)/runs; di++ {
				d := w.docs[di]
				for o := uint32(0); o < uint32(len(d.t)); {
					id, tf, _, next := d.termAt(o)
					v := sc.score(idf[id], tf, norms[di])
					if l[id] == 0 || v < l[id] {
						l[id] = v
					}
					h[id] = max(h[id], v)
					o = next
				}
			}
			los[k], his[k] = l, h
		}
	})
	for r, id := range ids {
		l, h := 0.0, 0.0
		for k := range runs {
			if v := los[k][id]; l == 0 || v != 0 && v < l {
				l = v
			}
			h = max(h, his[k][id])
		}
		lo[r], hi[r] = l, h
	}
}

// encoded is one term's postings, encoded.
type encoded struct {
	docs []byte
	kind byte // 0: gaps; 1: bitmap
	imp  []byte
}

func (e encoded) size(key string) int { return len(key) + 8 + len(e.docs) + len(e.imp) }

// encode encodes a term's postings: its documents as gaps (the first
// number, then differences), or as a bitmap of the index's documents (low
// bit first) when that is smaller, and their impact levels imp (one byte
// each, kept as they are).
func (w *writer) encode(docs []uint32, imp []byte, gaps []byte) (encoded, []byte) {
	e := encoded{imp: imp}
	gaps = gaps[:0]
	prev := uint32(0)
	for _, doc := range docs {
		gaps = appendUvarint(gaps, uint64(doc-prev))
		prev = doc
	}
	if bm := (len(w.docs) + 7) / 8; bm < len(gaps) {
		bits := make([]byte, bm)
		for _, doc := range docs {
			bits[doc/8] |= 1 << (doc % 8)
		}
		e.docs, e.kind = bits, 1
	} else {
		e.docs = bytes.Clone(gaps)
	}
	return e, gaps
}

// fragment writes the term fragment of the terms ids (sorted), with the
// positions files it names, and returns its name.
//
// A term fragment is a sequence of unsigned LEB128 integers and bytes:
//
//	count
//	files, then files times: length, the name of a positions file
//	count times: shared, suffixLen, suffix bytes, df, kind, docBytes, file
//	count times: the term's documents (docBytes bytes), then df impact levels (one byte each)
//
// A term is its predecessor's first shared bytes followed by the suffix;
// file is the index of the positions file that holds its positions.
//
// A positions file holds the positions of consecutive terms of one
// fragment:
//
//	count
//	count times: the byte length of a term's positions
//	count times: the term's positions: for each of its documents in order,
//	             the number of positions, the first, then the gaps to the next
//
// With Index.Remember, keep[i] is set to what the next write may copy of
// term ids[i].
//
// s holds the arrays the files are made in: with writer.reuse, those of
// the fragment made before.
func (w *writer) fragment(ids []uint32, enc []encoded, postDoc []uint32, off, posAt []uint32, keep []*kept, s *scratch) string {
	// Positions files, cut near chunkTarget between terms.
	var names []string
	fileOf := make([]int, len(ids))
	var lens []uint64
	if s.data == nil {
		s.data = make([]byte, 0, 2*chunkTarget) // most chunks fit
	}
	data := s.data[:0]
	defer func() { s.data = data[:0] }()
	flush := func() {
		if len(lens) == 0 {
			return
		}
		var b []byte
		if need := 5*(len(lens)+1) + len(data); w.reuse && cap(s.file) >= need {
			b = s.file[:0]
		} else {
			b = make([]byte, 0, need)
		}
		if w.reuse {
			s.file = b
		}
		b = appendUvarint(b, uint64(len(lens)))
		for _, l := range lens {
			b = appendUvarint(b, l)
		}
		b = append(b, data...)
		names = append(names, w.put("x/"+w.sumName("x"+w.keys[ids[0]]+"#"+strconv.Itoa(len(names)), b)+".bin", b))
		lens, data = lens[:0], data[:0]
	}
	for i := range ids {
		before := len(data)
		if k := w.clean(ids[i]); k != nil {
			data = append(data, k.pos...)
			if keep != nil {
				keep[i] = k
			}
		} else {
			docs := postDoc[off[i]:off[i+1]]
			var end []uint32
			data, end = w.positions(data, ids[i], docs, posAt[i], posAt[i+1])
			if keep != nil {
				keep[i] = &kept{docs: enc[i].docs, kind: enc[i].kind, pos: bytes.Clone(data[before:]), doc: slices.Clone(docs), end: end, imp: enc[i].imp}
			}
		}
		lens = append(lens, uint64(len(data)-before))
		fileOf[i] = len(names)
		if len(data) >= chunkTarget {
			flush()
		}
	}
	flush()

	var head, body []byte
	if w.reuse {
		head, body = s.head[:0], s.body[:0]
	}
	head = appendUvarint(head, uint64(len(ids)))
	head = appendUvarint(head, uint64(len(names)))
	for _, name := range names {
		head = appendUvarint(head, uint64(len(name)))
		head = append(head, name...)
	}
	prev := ""
	for i, id := range ids {
		k := w.keys[id]
		sh := sharedPrefix(prev, k)
		head = appendUvarint(head, uint64(sh))
		head = appendUvarint(head, uint64(len(k)-sh))
		head = append(head, k[sh:]...)
		head = appendUvarint(head, uint64(len(enc[i].imp)))
		head = append(head, enc[i].kind)
		head = appendUvarint(head, uint64(len(enc[i].docs)))
		head = appendUvarint(head, uint64(fileOf[i]))
		body = append(body, enc[i].docs...)
		body = append(body, enc[i].imp...)
		prev = k
	}
	b := append(head, body...)
	if w.reuse {
		s.head, s.body = b[:0], body[:0]
	}
	return w.put("t/"+w.sumName("t"+w.keys[ids[0]], b)+".bin", b)
}

// cut returns the end of the fragment that starts at start: past
// fragmentTarget bytes at most (one term at least), and, from half the
// target on, after the term that shares the shortest prefix with the next.
func cut(ids []uint32, keys []string, enc []encoded, start int) int {
	total := 0
	best, bestShared := -1, 0
	for i := start; i < len(ids); i++ {
		total += enc[i].size(keys[ids[i]])
		if i+1 == len(ids) {
			return len(ids)
		}
		if total >= fragmentTarget/2 {
			sh := sharedPrefix(keys[ids[i]], keys[ids[i+1]])
			if best < 0 || sh <= bestShared {
				best, bestShared = i+1, sh
			}
		}
		if total+enc[i+1].size(keys[ids[i+1]]) > fragmentTarget && i+1 > start {
			if best < 0 {
				return i + 1
			}
			return best
		}
	}
	return len(ids)
}

// lexicons groups the terms (sorted) by their first character: each
// lexicon is a JSON array of [term, documents].
func (w *writer) lexicons(ids []uint32, df []uint32) [][2]string {
	var out [][2]string
	var b []byte
	for i := 0; i < len(ids); {
		first := firstRune(w.keys[ids[i]])
		b = append(b[:0], '[')
		j := i
		for ; j < len(ids) && strings.HasPrefix(w.keys[ids[j]], first); j++ {
			if j > i {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendJSON(b, w.keys[ids[j]])
			b = append(b, ',')
			b = strconv.AppendUint(b, uint64(df[ids[j]]), 10)
			b = append(b, ']')
		}
		b = append(b, ']')
		data := slices.Clone(b)
		out = append(out, [2]string{first, w.put("l/"+hashName(data)+".json", data)})
		i = j
	}
	return out
}

// bundles writes the documents' entries in bundles of bundleSize, named
// by groups of groupSize. The groups are made and hashed on every core,
// each in one array (with writer.reuse, the array of the group made
// before); a group's name is the hash of its bundles' hashes.
func (w *writer) bundles() bundles {
	nb := (len(w.docs) + bundleSize - 1) / bundleSize
	ng := (nb + groupSize - 1) / groupSize
	out := bundles{Size: bundleSize, Group: groupSize, Hashes: make([]string, ng)}
	eachRange(ng, func(from, to int) {
		s, done := w.scratch()
		defer done()
		buf := s.group
		defer func() { s.group = buf }()
		var ends [groupSize + 1]int
		var sums [groupSize][32]byte
		h := sha256.New()
		for g := from; g < to; g++ {
			first, last := g*groupSize, min((g+1)*groupSize, nb)
			docs := w.docs[first*bundleSize : min(last*bundleSize, len(w.docs))]
			size := 2 * (last - first)
			for _, d := range docs {
				size += len(d.entry) + 1
			}
			if !w.reuse || cap(buf) < size {
				buf = make([]byte, 0, size)
			}
			buf = buf[:0]
			for k := first; k < last; k++ {
				start := k * bundleSize
				at := len(buf)
				buf = append(buf, '[')
				for i, d := range w.docs[start:min(start+bundleSize, len(w.docs))] {
					if i > 0 {
						buf = append(buf, ',')
					}
					buf = append(buf, d.entry...)
				}
				buf = append(buf, ']')
				ends[k-first+1] = len(buf)
				sums[k-first] = w.sum("d"+strconv.Itoa(start), buf[at:len(buf):len(buf)])
			}
			h.Reset()
			for k := range last - first {
				h.Write(sums[k][:])
			}
			name := hex.EncodeToString(h.Sum(nil)[:5])
			for k := first; k < last; k++ {
				i := k - first
				w.put("d/"+name+"-"+strconv.Itoa(k)+".json", buf[ends[i]:ends[i+1]:ends[i+1]])
			}
			out.Hashes[g] = name
		}
	})
	return out
}

// ---------- scoring ----------

type scorer struct {
	n        int
	avg      float64
	min, max float64
}

const (
	k1 = 1.2
	bb = 0.75
)

func (w *writer) scorer() scorer {
	s := scorer{n: len(w.docs)}
	for _, d := range w.docs {
		s.avg += float64(d.length)
	}
	if s.n > 0 {
		s.avg /= float64(s.n)
	}
	if s.avg < 1 {
		s.avg = 1
	}
	// The average is rounded to a step of 1/16 on a log2 scale (4 %), so
	// that an edit, which changes it a little, seldom changes any score:
	// a rebuild then keeps the levels of the terms the edit did not touch.
	s.avg = math.Exp2(math.Round(math.Log2(s.avg)*16) / 16)
	return s
}

func (s *scorer) idf(df int) float64 {
	return math.Log(1 + (float64(s.n)-float64(df)+0.5)/(float64(df)+0.5))
}

// norm is BM25's normalization of a document of a length.
func (s *scorer) norm(length uint32) float64 {
	return k1 * (1 - bb + bb*float64(length)/s.avg)
}

// score is the BM25F score of a term of idf that has the weighted
// frequency tf in a document whose norm is norm.
func (s *scorer) score(idf float64, tf uint32, norm float64) float64 {
	f := float64(tf)
	return idf * f * (k1 + 1) / (f + norm)
}

// quantizer maps scores to levels 1..levels on a log scale between the
// smallest and the largest score.
type quantizer struct {
	lo, step float64
	values   []float64 // values[l-1] is the score level l stands for
	// bounds[k] is the least score of level k+2: scores are compared with
	// them instead of taking each one's logarithm.
	bounds []float64
}

func (s *scorer) quantizer() quantizer {
	lo, hi := math.Log(max(s.min, 1e-6)), math.Log(max(s.max, 1e-6))
	q := quantizer{lo: lo, step: (hi - lo) / (levels - 1)}
	if q.step <= 0 {
		q.step = 1
	}
	for l := range levels {
		v := math.Exp(lo + float64(l)*q.step)
		q.values = append(q.values, math.Round(v*1e4)/1e4)
		if l > 0 {
			q.bounds = append(q.bounds, math.Exp(lo+(float64(l)-0.5)*q.step))
		}
	}
	return q
}

// level is the level of score v: the level whose value is nearest on the
// log scale, 1 plus the number of bounds at or below v. The number is
// first guessed from v's logarithm, read roughly from its bits (exponent
// plus mantissa: within 0.09 of log2), then made exact by comparing v with
// the bounds next to the guess: the same as searching them, in a step or
// two.
func (q quantizer) level(v float64) byte {
	if v != v { // NaN: below every bound
		return 1
	}
	b := math.Float64bits(v)
	log2 := float64(int(b>>52&0x7ff)-1023) + float64(b&(1<<52-1))/(1<<52)
	g := int(max(-1, min(float64(len(q.bounds)), (log2*math.Ln2-q.lo)/q.step+0.5)))
	g = max(0, g)
	for g < len(q.bounds) && v >= q.bounds[g] {
		g++
	}
	for g > 0 && v < q.bounds[g-1] {
		g--
	}
	return byte(g + 1)
}

// sortTerms sorts term ids by their terms' bytes, on every core: each
// sorts a run of them, then the runs are merged.
func sortTerms(ids []uint32, keys []string) {
	cmp := func(a, b uint32) int { return strings.Compare(keys[a], keys[b]) }
	runs := min(runtime.GOMAXPROCS(0), max(1, len(ids)/4096))
	if runs == 1 {
		slices.SortFunc(ids, cmp)
		return
	}
	eachRange(runs, func(from, to int) {
		for k := from; k < to; k++ {
			slices.SortFunc(ids[len(ids)*k/runs:len(ids)*(k+1)/runs], cmp)
		}
	})
	for width := 1; width < runs; width *= 2 {
		// Merge runs k and k+width (each already holding the merge of
		// width runs), pairs on every core.
		var pairs []int
		for k := 0; k+width < runs; k += 2 * width {
			pairs = append(pairs, k)
		}
		eachRange(len(pairs), func(from, to int) {
			for _, k := range pairs[from:to] {
				lo, mid, hi := len(ids)*k/runs, len(ids)*(k+width)/runs, len(ids)*min(k+2*width, runs)/runs
				a := slices.Clone(ids[lo:mid])
				b, out := ids[mid:hi], ids[lo:lo]
				for len(a) > 0 && len(b) > 0 {
					if cmp(b[0], a[0]) < 0 {
						out, b = append(out, b[0]), b[1:]
					} else {
						out, a = append(out, a[0]), a[1:]
					}
				}
				copy(ids[lo+len(out):], a) // what is left of b is in place
			}
		})
	}
}

// eachRange calls fn with consecutive ranges of 0..n, on every core: n is
// cut in up to 8 ranges a core, which the cores take in turn as they come
// free, so that one range of costly items does not keep the others
// waiting. What fn does must not depend on which core runs it.
func eachRange(n int, fn func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		fn(0, n)
		return
	}
	ranges := min(n, 8*workers)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= ranges {
					return
				}
				fn(n*k/ranges, n*(k+1)/ranges)
			}
		})
	}
	wg.Wait()
}

// ---------- helpers ----------

func sharedPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func firstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}
