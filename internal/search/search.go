// Package search builds the site's search index: files that the browser
// script themes/default/static/js/search.js fetches, so that a search runs
// on the person's device and no query leaves the site.
//
// # Contract
//
// Write(docs) returns the index as files: a map from a slash-separated
// path, relative to the folder the site publishes the index in, to the
// file's bytes. It is a pure function of its input: documents are taken in
// the order of their URLs, every map is walked sorted, and two calls with
// the same documents in any order return identical bytes, so a site that
// rebuilds the index after an edit gets exactly what a full build writes.
// Write imports nothing of mutual: the site package turns its pages into
// Documents (Parts splits a page's rendered HTML by heading).
//
// Documents are grouped by language (their Language tag, lowercased; ""
// counts as "und"), and each language gets an index of its own under
// "<lang>/":
//
//	<lang>/manifest.json       fixed name; everything else is named by a hash
//	                           of its bytes and so can be cached forever
//	<lang>/t/<hash>.bin        term fragments: postings of a range of terms
//	<lang>/p/<hash>-<n>.bin    pair fragments: postings of adjacent terms, for
//	                           phrases, in buckets by a hash of the pair; <hash>
//	                           covers all of them
//	<lang>/l/<hash>.bin        lexicons: the terms that start with one character,
//	                           for typo tolerance
//	<lang>/s/<hash>.bin        shards: the file names of the documents of 128 document ids
//	<lang>/d/<hash>.bin        one document: URL, title, section, description and
//	                           its parts (anchor, heading, text) for passages
//
// Every .bin file is gzip-compressed by Write (search.js inflates it with
// DecompressionStream), so the bytes a query transfers are the same whatever
// the host compresses; manifest.json is plain JSON. The page points the
// script at "<lang>/" with a data attribute; the manifest is small and
// fetched once per page load, revalidated, so a rebuilt site is seen at once.
//
// # Matching and ranking
//
// Text is tokenized (token.go), folded (fold.go) and stemmed (stem.go).
// Each document's fields are weighted (title 6, headings and tags 3,
// description 2, section title and body 1) and each (term, document) gets a
// BM25F impact (k1 1.2, b 0.75 over weighted lengths), quantized to one of
// 31 levels on a log scale; the manifest holds the level values. Adjacent
// terms within a field form pairs ("giving back" -> "giv back"), indexed
// like terms, so a phrase query loads the postings of its pairs only.
//
// search.js ranks documents by how many of the query's words (and quoted
// phrases, which are required) they match, then by the sum of their
// impacts. The last word, while typed (no space after it), also matches
// the terms it begins, weighted 0.75, when those lie in at most two
// fragments (a shorter prefix matches whole words only until more letters
// come), and a word typed past a stem into an ending the stemmer strips
// ("receivin") matches that stem. A word with no term of its own takes the
// closest terms of its lexicon, weighted 0.5 (optimal string alignment
// distance 1 for stems of 4 to 7 characters, 2 from 8; the most common
// such term, and others nearly as common). Typos in a word's first
// character are not corrected: the lexicon a word is compared with is the
// one of its first character. Words of fewer than 4 characters are never
// corrected.
//
// # Sizes
//
// Fragments hold a range of terms sorted by their bytes, cut near
// fragmentTarget bytes (before compression) and, where there is a choice,
// where adjacent terms share the shortest prefix, so that one prefix tends
// to live in one fragment. A query loads the manifest, one fragment per
// word (two for a typed prefix at most), one pair bucket per adjacent pair
// of a phrase, the lexicon of a misspelled word's first character, and for
// the results it shows one shard and one document file each.
//
// Measured with BenchmarkIndex on the generated 10,000-page corpus (about
// a thousand words a page, code included) on a shared 2-core machine: 40
// MB stored in 11,117 files (29 MB of it the document files), built in
// 7.4 s of wall time with other work loading the machine (about 4 s of it
// analysis on one core, the rest gzip on both); a first query of two words fetches 42 KB, the next ones 25 KB,
// a phrase 43 KB. The bytes are those stored, which is what a host serves.
package search

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Document is one page to index.
type Document struct {
	URL         string // root-relative URL of the page, e.g. "/guides/listening/"
	Title       string
	Section     string // title of the page's section, shown with the result
	Description string
	Tags        []string
	Language    string // language tag, e.g. "en" or "pt-BR"
	Parts       []Part // the body, split at its headings
}

// Part is a stretch of a page's body: the text before the first heading
// (Anchor and Heading empty), or a heading and the text up to the next.
type Part struct {
	Anchor  string // the heading's id, without '#'
	Heading string
	Text    string
}

// Field weights of BM25F.
const (
	weightTitle   = 6
	weightHeading = 3
	weightTag     = 3
	weightDesc    = 2
	weightSection = 1
	weightBody    = 1
)

const (
	format = 1 // manifest "format": changes when a file's layout does
	// levels is the number of impact levels.
	levels = 31
	// shardSize is the number of document ids per shard.
	shardSize = 128
	// fragmentTarget is the size a fragment is cut near, before
	// compression.
	fragmentTarget = 24 << 10
)

// Write builds the index of docs. It fails on a document without a URL and
// on two documents of one language with the same URL.
func Write(docs []Document) (map[string][]byte, error) {
	byLang := map[string][]*Document{}
	for i := range docs {
		d := &docs[i]
		if d.URL == "" {
			return nil, fmt.Errorf("search: document %q has no URL", d.Title)
		}
		lang := strings.ToLower(d.Language)
		if lang == "" {
			lang = "und"
		}
		if strings.ContainsAny(lang, "/\\.") {
			return nil, fmt.Errorf("search: document %s: bad language tag %q", d.URL, d.Language)
		}
		byLang[lang] = append(byLang[lang], d)
	}
	out := map[string][]byte{}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		ds := byLang[lang]
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].URL < ds[j].URL })
		for i := 1; i < len(ds); i++ {
			if ds[i].URL == ds[i-1].URL {
				return nil, fmt.Errorf("search: two documents have the URL %s", ds[i].URL)
			}
		}
		files, err := buildLang(lang, ds)
		if err != nil {
			return nil, err
		}
		for name, b := range files {
			out[lang+"/"+name] = b
		}
	}
	return out, nil
}

// manifest is manifest.json.
type manifest struct {
	Format    int         `json:"format"`
	Language  string      `json:"language"`
	Stemmer   string      `json:"stemmer"`
	Docs      int         `json:"docs"`
	ShardSize int         `json:"shardSize"`
	Levels    []float64   `json:"levels"`
	Terms     [][2]string `json:"terms"` // first term of each fragment, file
	Pairs     pairFiles   `json:"pairs"`
	Lexicons  [][2]string `json:"lexicons"` // first character, file
	Shards    []string    `json:"shards"`
	Elide     bool        `json:"elide,omitempty"` // French elision when tokenizing
}

// pairFiles names the pair fragments: pair key k is in file Prefix + i +
// ".bin" with i = fnv1a32(k) % Buckets. The prefix carries a hash of all of
// them, so the manifest stays small however many there are.
type pairFiles struct {
	Buckets int    `json:"buckets"`
	Prefix  string `json:"prefix"`
}

// posting is one (term, document) with its weighted term frequency.
type posting struct {
	doc int32
	tf  uint16
}

// table interns terms (or pairs) and collects their postings.
type table struct {
	ids   map[string]int32
	pairs map[uint64]int32 // pair tables: the two term ids -> pair id
	keys  []string
	post  [][]posting
}

func newTable() *table { return &table{ids: map[string]int32{}} }

// pairID interns the pair of terms a, b of terms.
func (t *table) pairID(terms *table, a, b int32) int32 {
	k := uint64(a)<<32 | uint64(uint32(b))
	if id, ok := t.pairs[k]; ok {
		return id
	}
	id := int32(len(t.keys))
	t.pairs[k] = id
	t.keys = append(t.keys, terms.keys[a]+" "+terms.keys[b])
	t.post = append(t.post, nil)
	return id
}

func (t *table) id(key []byte) int32 {
	if id, ok := t.ids[string(key)]; ok {
		return id
	}
	id := int32(len(t.keys))
	k := string(key)
	t.ids[k] = id
	t.keys = append(t.keys, k)
	t.post = append(t.post, nil)
	return id
}

// indexer analyses the documents of one language.
type indexer struct {
	stem  func(string) string
	tok   tokenizer
	cache map[string]int32 // folded word -> term id
	terms *table
	pairs *table
	// per document accumulators
	tf       map[int32]uint16
	pairTF   map[int32]uint16
	docLen   []float64
	prevTerm int32
}

func (x *indexer) termOf(w []byte) int32 {
	if id, ok := x.cache[string(w)]; ok {
		return id
	}
	s := x.stem(string(w))
	id := x.terms.id([]byte(s))
	x.cache[string(w)] = id
	return id
}

// field adds the words of text with weight w to the current document and
// returns the number of words.
func (x *indexer) field(text string, w uint16) int {
	n := 0
	x.prevTerm = -1
	x.tok.words(text, func(word []byte) {
		id := x.termOf(word)
		x.tf[id] = satAdd(x.tf[id], w)
		if x.prevTerm >= 0 {
			pid := x.pairs.pairID(x.terms, x.prevTerm, id)
			x.pairTF[pid] = satAdd(x.pairTF[pid], w)
		}
		x.prevTerm = id
		n++
	})
	return n
}

func satAdd(a, b uint16) uint16 {
	if s := uint32(a) + uint32(b); s < math.MaxUint16 {
		return uint16(s)
	}
	return math.MaxUint16
}

func (x *indexer) add(doc int32, d *Document) {
	clear(x.tf)
	clear(x.pairTF)
	l := weightTitle * x.field(d.Title, weightTitle)
	l += weightSection * x.field(d.Section, weightSection)
	l += weightDesc * x.field(d.Description, weightDesc)
	for _, t := range d.Tags {
		l += weightTag * x.field(t, weightTag)
	}
	for i := range d.Parts {
		l += weightHeading * x.field(d.Parts[i].Heading, weightHeading)
		l += weightBody * x.field(d.Parts[i].Text, weightBody)
	}
	x.docLen = append(x.docLen, float64(l))
	flushTF(x.tf, x.terms, doc)
	flushTF(x.pairTF, x.pairs, doc)
}

// flushTF appends the document's postings (documents arrive in id order, so
// every posting list stays sorted).
func flushTF(tf map[int32]uint16, t *table, doc int32) {
	for id, f := range tf {
		t.post[id] = append(t.post[id], posting{doc, f})
	}
}

func buildLang(lang string, docs []*Document) (map[string][]byte, error) {
	stemmer := Stemmer(lang)
	x := &indexer{
		stem:   stemFunc(stemmer),
		tok:    tokenizer{elide: stemmer == "fr"},
		cache:  map[string]int32{},
		terms:  newTable(),
		pairs:  &table{pairs: map[uint64]int32{}},
		tf:     map[int32]uint16{},
		pairTF: map[int32]uint16{},
	}
	for i, d := range docs {
		x.add(int32(i), d)
	}
	n := len(docs)
	avg := 0.0
	for _, l := range x.docLen {
		avg += l
	}
	if n > 0 {
		avg /= float64(n)
	}
	if avg == 0 {
		avg = 1
	}
	sc := scorer{n: n, avg: avg, docLen: x.docLen}
	sc.bounds(x.terms)
	sc.bounds(x.pairs)
	q := sc.quantizer()

	files := map[string][]byte{}
	var jobs []job
	m := manifest{Format: format, Language: lang, Stemmer: stemmer, Docs: n, ShardSize: shardSize, Levels: q.values, Elide: stemmer == "fr"}

	termFrags := fragments(x.terms, n, sc, q)
	m.Terms = make([][2]string, len(termFrags))
	for i, f := range termFrags {
		jobs = append(jobs, job{dir: "t", raw: f.raw, slot: &m.Terms[i][1]})
		m.Terms[i][0] = f.first
	}
	m.Pairs = pairBuckets(x.pairs, n, sc, q, files)
	lex := lexicons(x.terms)
	m.Lexicons = make([][2]string, len(lex))
	for i, l := range lex {
		m.Lexicons[i][0] = l.first
		jobs = append(jobs, job{dir: "l", raw: l.raw, slot: &m.Lexicons[i][1]})
	}
	// Documents first, then the shards that name them.
	docNames := make([]string, n)
	var docJobs []job
	for i, d := range docs {
		docJobs = append(docJobs, job{dir: "d", raw: docJSON(d), slot: &docNames[i]})
	}
	run(docJobs, files)
	m.Shards = make([]string, (n+shardSize-1)/shardSize)
	for s := range m.Shards {
		end := min(n, (s+1)*shardSize)
		ids := make([]string, 0, end-s*shardSize)
		for _, name := range docNames[s*shardSize : end] {
			ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(name, "d/"), ".bin"))
		}
		b, _ := json.Marshal(ids)
		jobs = append(jobs, job{dir: "s", raw: b, slot: &m.Shards[s]})
	}
	run(jobs, files)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	files["manifest.json"] = buf.Bytes()
	return files, nil
}

// job is one file to compress and name.
type job struct {
	dir  string
	raw  []byte
	slot *string // receives the file's path, relative to the language folder
	out  []byte
}

// run compresses the jobs on every core and stores them in files under
// their hashed names.
func run(jobs []job, files map[string][]byte) {
	compressAll(jobs)
	for i := range jobs {
		name := jobs[i].dir + "/" + hashName(jobs[i].out) + ".bin"
		*jobs[i].slot = name
		files[name] = jobs[i].out
	}
}

// compressionLevel is gzip's level for every .bin file. Measured on the
// 1,000-page bench corpus (BenchmarkIndex): level 9 spends 0.45 s of CPU
// compressing and stores 4.4 MB, level 6 0.34 s and 4.4 MB, level 4 0.24 s
// and 4.5 MB (a query's bytes +0.5 %), level 1 0.15 s and 4.8 MB (+9 %).
const compressionLevel = 4

// compressAll compresses every job's raw bytes into out, on every core.
// Each worker reuses one gzip.Writer: a new one allocates about a megabyte.
func compressAll(jobs []job) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			w, _ := gzip.NewWriterLevel(&b, compressionLevel)
			for i := range next {
				b.Reset()
				w.Reset(&b)
				w.Write(jobs[i].raw)
				w.Close()
				jobs[i].out = bytes.Clone(b.Bytes())
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
}

func hashName(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:5])
}

// docFile is what a document file holds.
type docFile struct {
	URL         string      `json:"u"`
	Title       string      `json:"t"`
	Section     string      `json:"s,omitempty"`
	Description string      `json:"d,omitempty"`
	Parts       [][3]string `json:"p"`
}

func docJSON(d *Document) []byte {
	f := docFile{URL: d.URL, Title: d.Title, Section: d.Section, Description: d.Description, Parts: make([][3]string, 0, len(d.Parts))}
	for _, p := range d.Parts {
		f.Parts = append(f.Parts, [3]string{p.Anchor, p.Heading, p.Text})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(f)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// ---------- scoring ----------

type scorer struct {
	n        int
	avg      float64
	docLen   []float64
	min, max float64
}

const (
	k1 = 1.2
	bb = 0.75
)

func (s *scorer) idf(df int) float64 {
	return math.Log(1 + (float64(s.n)-float64(df)+0.5)/(float64(df)+0.5))
}

func (s *scorer) score(idf float64, p posting) float64 {
	tf := float64(p.tf)
	norm := k1 * (1 - bb + bb*s.docLen[p.doc]/s.avg)
	return idf * tf * (k1 + 1) / (tf + norm)
}

// bounds widens [min, max] to every score of t.
func (s *scorer) bounds(t *table) {
	for _, ps := range t.post {
		idf := s.idf(len(ps))
		for _, p := range ps {
			v := s.score(idf, p)
			if s.min == 0 || v < s.min {
				s.min = v
			}
			if v > s.max {
				s.max = v
			}
		}
	}
}

// quantizer maps scores to levels 1..levels on a log scale between the
// smallest and the largest score.
type quantizer struct {
	lo, step float64
	values   []float64 // values[l-1] is the score level l stands for
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
	}
	return q
}

func (q quantizer) level(v float64) byte {
	l := math.Round((math.Log(max(v, 1e-6)) - q.lo) / q.step)
	return byte(min(max(l, 0), levels-1) + 1)
}

// ---------- fragments ----------

type fragment struct {
	first string
	raw   []byte
}

// fragments encodes t's terms, sorted, into fragments.
//
// A fragment (before compression) is a sequence of unsigned LEB128
// integers and bytes:
//
//	count
//	count times: shared, suffixLen, suffix bytes, df, kind, docBytes
//	count times: the term's documents (docBytes bytes), then df impact levels (one byte each)
//
// A term is its predecessor's first shared bytes followed by the suffix.
// kind 0: documents as gaps (the first id, then differences); kind 1: a
// bitmap of the index's documents, low bit first, for terms in more than
// one document in eight.
func fragments(t *table, n int, sc scorer, q quantizer) []fragment {
	order := sortedIDs(t)
	encs, sizes := encode(t, order, n, sc, q)
	var out []fragment
	for start := 0; start < len(order); {
		end := cut(order, t.keys, sizes, start)
		first := t.keys[order[start]]
		if start == 0 {
			first = ""
		}
		out = append(out, fragment{first: first, raw: assemble(t.keys, order[start:end], encs[start:end])})
		start = end
	}
	return out
}

// encoded is one term's postings, encoded.
type encoded struct {
	docs []byte
	kind byte
	imp  []byte
}

// encode encodes the postings of the terms ids.
func encode(t *table, ids []int32, n int, sc scorer, q quantizer) ([]encoded, []int) {
	encs := make([]encoded, len(ids))
	sizes := make([]int, len(ids))
	var gaps []byte
	for i, id := range ids {
		ps := t.post[id]
		idf := sc.idf(len(ps))
		e := encoded{imp: make([]byte, len(ps))}
		gaps = gaps[:0]
		prev := int32(0)
		for j, p := range ps {
			gaps = appendUvarint(gaps, uint64(p.doc-prev))
			prev = p.doc
			e.imp[j] = q.level(sc.score(idf, p))
		}
		if bm := (n + 7) / 8; bm < len(gaps) {
			bits := make([]byte, bm)
			for _, p := range ps {
				bits[p.doc/8] |= 1 << (p.doc % 8)
			}
			e.docs, e.kind = bits, 1
		} else {
			e.docs = bytes.Clone(gaps)
		}
		encs[i] = e
		sizes[i] = len(t.keys[id]) + 8 + len(e.docs) + len(e.imp)
	}
	return encs, sizes
}

// assemble writes one fragment of the terms ids (sorted) and their
// encodings.
func assemble(keys []string, ids []int32, encs []encoded) []byte {
	var head, body []byte
	head = appendUvarint(head, uint64(len(ids)))
	prev := ""
	for i, id := range ids {
		k := keys[id]
		sh := sharedPrefix(prev, k)
		head = appendUvarint(head, uint64(sh))
		head = appendUvarint(head, uint64(len(k)-sh))
		head = append(head, k[sh:]...)
		head = appendUvarint(head, uint64(len(encs[i].imp)))
		head = append(head, encs[i].kind)
		head = appendUvarint(head, uint64(len(encs[i].docs)))
		body = append(body, encs[i].docs...)
		body = append(body, encs[i].imp...)
		prev = k
	}
	return append(head, body...)
}

// pairBuckets encodes the pairs into buckets by the hash of their keys,
// fragments of the same layout as the terms', stores them in files and
// returns their names.
func pairBuckets(t *table, n int, sc scorer, q quantizer, files map[string][]byte) pairFiles {
	order := sortedIDs(t)
	encs, sizes := encode(t, order, n, sc, q)
	total := 0
	for _, s := range sizes {
		total += s
	}
	buckets := max(1, (total+fragmentTarget-1)/fragmentTarget)
	ids := make([][]int32, buckets)
	bencs := make([][]encoded, buckets)
	for i, id := range order {
		b := fnv1a(t.keys[id]) % uint32(buckets)
		ids[b] = append(ids[b], id)
		bencs[b] = append(bencs[b], encs[i])
	}
	jobs := make([]job, buckets)
	for b := range jobs {
		jobs[b].raw = assemble(t.keys, ids[b], bencs[b])
	}
	compressAll(jobs)
	h := sha256.New()
	for _, j := range jobs {
		s := sha256.Sum256(j.out)
		h.Write(s[:])
	}
	prefix := "p/" + hex.EncodeToString(h.Sum(nil)[:5]) + "-"
	for b, j := range jobs {
		files[prefix+strconv.Itoa(b)+".bin"] = j.out
	}
	return pairFiles{Buckets: buckets, Prefix: prefix}
}

// fnv1a is the 32-bit FNV-1a hash of s's bytes (search.js has the same).
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func sortedIDs(t *table) []int32 {
	order := make([]int32, len(t.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(t.keys[a], t.keys[b]) })
	return order
}

// cut returns the end of the fragment that starts at start: past
// fragmentTarget bytes at most (one term at least), and, from half the
// target on, after the term that shares the shortest prefix with the next.
func cut(order []int32, keys []string, sizes []int, start int) int {
	total := 0
	best, bestShared := -1, 0
	for i := start; i < len(order); i++ {
		total += sizes[i]
		if i+1 == len(order) {
			return len(order)
		}
		if total >= fragmentTarget/2 {
			sh := sharedPrefix(keys[order[i]], keys[order[i+1]])
			if best < 0 || sh <= bestShared {
				best, bestShared = i+1, sh
			}
		}
		if total+sizes[i+1] > fragmentTarget && i+1 > start {
			if best < 0 {
				return i + 1
			}
			return best
		}
	}
	return len(order)
}

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

// ---------- lexicons ----------

type lexicon struct {
	first string
	raw   []byte
}

// lexicons groups the terms by their first character: each lexicon is a
// JSON array of [term, documents] sorted by term.
func lexicons(t *table) []lexicon {
	keys := slices.Clone(t.keys)
	sort.Strings(keys)
	var out []lexicon
	for i := 0; i < len(keys); {
		first := firstRune(keys[i])
		j := i
		var b bytes.Buffer
		b.WriteByte('[')
		for ; j < len(keys) && firstRune(keys[j]) == first; j++ {
			if j > i {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(keys[j])
			fmt.Fprintf(&b, "[%s,%d]", k, len(t.post[t.ids[keys[j]]]))
		}
		b.WriteByte(']')
		out = append(out, lexicon{first: first, raw: b.Bytes()})
		i = j
	}
	return out
}

func firstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}
