// Package search builds the site's search index: files that the browser
// script themes/default/static/js/search-engine.js fetches, so that a search runs
// on the person's device and no query leaves the site.
//
// # Contract
//
// An Index analyses pages (Index.Analyze, safe to call from every core while
// pages render: each page's text is read and tokenized while its body is
// at hand) and writes the index of the analysed pages (Index.Write): a map
// from a slash-separated path, relative to the folder the site publishes
// the index in, to the file's bytes. Index.WriteFiles writes the same
// files but hands each over as soon as it is made, so that a build writes
// it out and the next file is made in the same array. Write is a pure function of the
// documents analysed: they are taken in the order of their URLs, every map
// is walked sorted, and the same documents in any order give identical
// bytes, however many other documents the Index analysed before, so a site
// that writes the index again after an edit gets exactly what a full build
// writes. A Doc (an analysed page) depends only on its Document, so a
// rebuild may keep the Docs of the pages that did not change. An Index
// told to Remember also keeps, from one Write to the next, what it encoded
// of each term (its documents, positions, scores and levels) and the
// files' hashes, so that a Write after an edit computes again only what
// the edited documents touch; what it returns is the same. The package
// imports nothing of mutual: the site package turns its pages into
// Documents. Write(docs) does both steps for a list of Documents.
//
// Documents are grouped by language (their Language tag, lowercased; ""
// counts as "und"), and each language gets an index of its own under
// "<lang>/":
//
//	<lang>/manifest.json         fixed name; everything else is named by a hash of
//	                             its bytes and so can be cached forever
//	<lang>/t/<hash>.bin          term fragments: postings of a range of terms
//	<lang>/x/<hash>.bin          positions of the terms of part of a term fragment
//	                             (for phrases), named by that fragment
//	<lang>/l/<hash>.json         lexicons: the terms that start with one
//	                             character, for typo tolerance
//	<lang>/d/<hash>-<n>.json     bundle n: what results show of bundleSize
//	                             documents; <hash> covers a group of groupSize
//	                             bundles
//
// The files are written as they are: a static host compresses the JSON
// files (manifest, lexicons, bundles) as it compresses pages, and the .bin
// files are dense already (numbers as varints, one byte per impact). The
// page points the script at "<lang>/" with a data attribute; the manifest
// is small and fetched once per page load, revalidated, so a rebuilt site
// is seen at once.
//
// # What is indexed
//
// A Document's title, section title, description, tags and body: its
// rendered HTML (see html.go: code blocks are left out), split into parts at
// its headings, then any Parts given. Results show each document's URL,
// title, section, description and, for each part, its anchor, its heading
// and the first passageBytes bytes of its text (cut at a word): the passage
// a result shows is taken from these openings.
//
// # Matching and ranking
//
// Text is tokenized (token.go), folded (fold.go) and stemmed (stem.go).
// Each document's fields are weighted (title 6, headings and tags 3,
// description 2, section title and body 1) and each (term, document) gets a
// BM25F impact (k1 1.2, b 0.75 over weighted lengths; the average length
// is rounded to a step of 1/16 on a log2 scale, so that an edit seldom
// changes the other documents' impacts), quantized to one of 31 levels on a
// log scale; the manifest holds the level values. Each
// (term, document) also has the positions of the term in the document's
// words (one word apart within a field, two between fields), kept in
// separate files that a query loads only for a phrase.
//
// search-engine.js ranks documents by how many of the query's words (and
// quoted phrases, which are required) they match, then, of the best
// matches as far as 8 bundles hold them, those whose title or headings
// (read from the bundles) hold more of the words, then by the sum of their
// impacts: an impact cannot say where a word is (a short page that
// mentions a word once can score as high as a long one with it in its
// title). The last word, while typed (no space after it), also matches
// the terms it begins, weighted 0.75 and at most as much as the most
// common of them (or the stem) by its idf (a rare form is no better a
// match for being rare), when those lie in at most two
// fragments (a shorter prefix matches whole words only until more letters
// come), and a word typed past a stem into an ending the stemmer strips
// ("receivin") matches that stem. A word with no term of its own takes the
// closest term of its lexicon, weighted 0.5 (optimal string alignment
// distance 1 for stems of 4 to 7 characters, 2 from 8; the most common
// such term), and the results name the query so corrected, in a word of
// their texts whose stem that term is. Typos in a word's first
// character are not corrected: the lexicon a word is compared with is the
// one of its first character. Words of fewer than 4 characters are never
// corrected. A phrase matches a document that has its words' stems at
// consecutive positions. A phrase is two or more words in quotes, or a word
// joined by hyphens ("give-and-take", searched for as its words when no
// document has it); a quote left open closes at the end of the query, and a
// phrase that ends the query while typed matches the terms its last word
// begins. A result's passage is the description or the
// part (heading and opening) that holds the most of the query's words.
//
// # Sizes
//
// Fragments hold a range of terms sorted by their bytes, cut near
// fragmentTarget bytes and, where there is a choice, where adjacent terms
// share the shortest prefix, so that one prefix tends to live in one
// fragment. A query loads the manifest, one fragment per word (two for a
// typed prefix at most), the positions of a phrase's words, the lexicon of
// a misspelled word's first character, and for the results it shows one
// bundle each. BenchmarkIndex measures the figures on the generated bench
// corpus; make bench prints them beside Pagefind's (package bench).
//
// # Speed
//
// Analysis runs in the render workers, one analyzer (and its buffers and
// cache of words) per worker at a time; the site package has each worker
// render a run of up to 8 pages and then analyse them one after the
// other, so that the analyzer's tables stay in the core's caches from one
// page to the next. A body is read in one pass over its HTML (html.go): a
// tag that is a lowercase name alone ("<p>", "</em>") is read without a
// look for attributes, a quoted attribute value is passed over to its
// closing quote at once, and a code block (half the HTML of the bench
// pages, highlighted code being all spans) is passed over to its "</pre",
// found by its 'r' with strings.IndexByte; a part's passage and heading
// are collapsed, and written as JSON, by runs of bytes that need nothing
// done (partsRef, collapseRef and appendJSONRef in reference_test.go are
// the plain versions the fuzz targets hold them to). The usual word (ASCII letters and digits) is read 8
// bytes at a time, lowercased as read, and found in the cache by its bytes
// as one or two numbers (analyzer.asciiWord, wordTable); other words take
// the tokenizer's longer way, which gives the same words (FuzzField). A
// Doc is two byte slices: its entry, and its terms' records with their
// positions already encoded as the files hold them. Without Remember they
// are cut from shared 512 KB slabs (Index.hold): a build's Docs live until
// the write, and two small arrays a page, spread among the render's
// garbage, kept its spans from being reused.
//
// The write splits its work over every core, in ranges the cores take as
// they come free: the postings are gathered by runs of documents, the
// terms sorted in runs then merged, and the scores, levels, fragments,
// positions files and bundles made and hashed in parallel; whatever the
// number of cores, the bytes are the same (TestIndexGolden writes its
// corpus on 1, 3 and 8 and compares every file with
// testdata/index.golden). As the postings are gathered (each Doc read in
// order), their positions are copied into one array in the order of the
// terms (writer.pos), so that a positions file is a run of it rather than
// records fetched from documents at random, one for each posting; a
// posting is then only its document and frequency (6 bytes, in two
// arrays). Documents' length norms are read from an array by document
// number. Without Remember no score is kept: a first pass over the
// documents finds each term's least and greatest score (writer.bounds),
// so that the levels are known when the postings are gathered, and a
// posting is its document and its level (5 bytes; the levels are the
// fragments' own, with no array per term): the write of 10,000 bench
// pages allocates 35 MB instead of 47, garbage that in a build lands on
// a heap near gctune's limit, where every fresh page costs a page fault
// (13 us on the nested-hypervisor machine). A build writes through WriteFiles:
// each core makes its files (positions files, term fragments, a group of
// bundles at a time) in arrays it takes from the writer's spares and
// gives back, and the site writes each file out as it gets it, so that
// the index's 40 MB of files (at 10,000 pages) are not all held until
// the last is made; the write of 3,000 bench pages allocates 15 MB
// instead of 29 (BenchmarkWrite/WriteFiles beside /Write). Without
// Remember only: with it, the files' bytes are kept for the next write
// to compare. Measured on 2026-11-30 (07:00 UTC) with the 10,000 bench
// pages analysed, written on a heap held at gctune's limit as at the end
// of a build (360 MB, 200 MB of it live, render-like garbage made before
// each write; 6 writes each, in alternation, medians): Write 0.315 s of
// CPU time, 2 to 3 collections and 16,000 page faults a write;
// WriteFiles 0.245 s, one collection and 9,500 page faults.
//
// BenchmarkAnalyze gives the analysis's CPU time per word of body text
// (1,000 bench pages), BenchmarkWrite the write of 10,000 analysed pages
// alone, BenchmarkIndex both. Measured on 2026-11-29 on the 2-core
// development machine, shared (medians, the code before and after run in
// alternation): analysis 67.3 -> 64.3 cpu-ns a word (BenchmarkAnalyze, 5
// runs each); the write of 10,000 pages 234 -> 170 ms of wall time and 336
// -> 314 ms of CPU time (BenchmarkWrite, 3 runs of 10 writes each);
// analysis and write of 10,000 pages 532 -> 453 ms of wall time, 931 ->
// 884 ms of CPU time, the write's share 227 -> 177 ms of wall time and
// about the same CPU time (BenchmarkIndex, 5 runs of 2 each). Then, with
// the positions gathered in the terms' order and the smaller postings (3
// runs of 2 each, 21:50 UTC): BenchmarkWrite 295 -> 213 ms of CPU time
// and 144 -> 102 MB allocated a write; BenchmarkIndex 861 -> 783 ms of
// CPU time, the write's share 282 -> 218 ms.
//
// Then, on 2026-11-30 00:10-00:55 UTC, with the machine loaded by other
// builds (so: medians of runs in alternation, whose spread was wide): the
// extractor's fast paths and the runs of collapse and appendJSON took
// BenchmarkExtract from 508 to 962 MB/s of HTML and BenchmarkAnalyze from
// 80.7 to 73.6 cpu-ns a word (5 runs each; the old code gave about 67 on
// the quiet machine). In the in-process build of the 10,000-page bench
// corpus, with the site's runs of 8 pages too (9 builds each), the
// profile's Index.Analyze went from 0.79 to 0.69 s of CPU time, and the
// site's searchPage, which calls it, from 0.85 to 0.73 s; the build's
// total CPU time went from 22.9 to 21.9 s, less than its spread from one
// build to the next. In a build the analysis costs more than
// BenchmarkAnalyze's pages in a row (about 0.6 s for 10,000): each render
// leaves its tables cold.
package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Document is one page to index.
type Document struct {
	URL         string // root-relative URL of the page, e.g. "/guides/listening/"
	Title       string
	Section     string // title of the page's section, shown with the result
	Description string
	Tags        []string
	Language    string // language tag, e.g. "en" or "pt-BR"
	// Body is the page's rendered body (HTML), split at its headings.
	Body string
	// Parts follow the body's (a worksheet's texts, for example).
	Parts []Part
}

// Part is a stretch of a page's text: the text before the first heading
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

// passageBytes is how much of each part's text (and of the description)
// results may show.
const passageBytes = 200

// Index analyses documents and writes their index. Its zero value is not
// usable: make one with NewIndex. It keeps the terms it has seen (interned,
// so that analysed documents are small), and is meant to live as long as the
// site builder that uses it.
type Index struct {
	mu   sync.Mutex
	ids  map[string]uint32
	keys []string

	pool sync.Pool // of *analyzer

	// keep is set by Remember: each language's last write is kept in
	// last, so that the next Write copies what did not change.
	keep bool
	last map[string]*lastWrite

	// slab is where, without Remember, the Docs' bytes are kept (see
	// Index.hold).
	slabMu sync.Mutex
	slab   []byte
}

// slabSize is the size of the arrays Index.hold fills.
const slabSize = 512 << 10

// hold returns copies of a Doc's entry and t. Without Remember, they are
// cut from large arrays filled one after the other (slabs): the Docs of
// a build live until the index is written, and small arrays of theirs,
// one or two per page, spread over the heap among the render's garbage,
// kept the spans they lay in from being reused. With Remember, where a
// Doc may be replaced after each edit and the others live on, each has
// arrays of its own, so that a replaced Doc's bytes are freed with it.
func (ix *Index) hold(entry, t []byte) ([]byte, []byte) {
	ix.mu.Lock()
	keep := ix.keep
	ix.mu.Unlock()
	if keep {
		return slices.Clone(entry), slices.Clone(t)
	}
	need := len(entry) + len(t)
	ix.slabMu.Lock()
	if cap(ix.slab)-len(ix.slab) < need {
		ix.slab = make([]byte, 0, max(slabSize, need))
	}
	at := len(ix.slab)
	ix.slab = ix.slab[:at+need]
	b := ix.slab[at : at+need : at+need]
	ix.slabMu.Unlock()
	copy(b, entry)
	copy(b[len(entry):], t)
	return b[:len(entry):len(entry)], b[len(entry):]
}

// Remember makes ix keep, from each Write to the next, what it encoded of
// each term, so that a Write after a few documents changed encodes again
// only the terms of those documents (their positions and their list of
// documents; every impact is computed again, as they depend on every
// document). What Write returns is the same with or without it; it costs
// memory (about the size of the positions files) and is meant for a site
// that is rebuilt after each edit.
func (ix *Index) Remember() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.keep = true
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	ix := &Index{ids: map[string]uint32{}}
	ix.pool.New = func() any { return &analyzer{ix: ix, caches: map[string]*wordTable{}} }
	return ix
}

// intern returns the id of term s.
func (ix *Index) intern(s string) uint32 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if id, ok := ix.ids[s]; ok {
		return id
	}
	id := uint32(len(ix.keys))
	ix.ids[s] = id
	ix.keys = append(ix.keys, s)
	return id
}

// terms returns the interned terms, by id.
func (ix *Index) terms() []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.keys
}

// Doc is an analysed Document.
type Doc struct {
	lang    string // folder: the language tag lowercased, "und" for none
	stemmer string
	url     string
	// entry is the document's entry in its bundle (JSON).
	entry []byte
	// t holds a record per term, in uvarints: its id, its weighted
	// frequency, the byte length of its positions, then its positions:
	// their number, the first, and the gaps to the next ones (termAt
	// reads one). One byte slice, a third of the size of three numbers a
	// term, since every document of the site stays in memory until the
	// index is written.
	t      []byte
	length uint32 // weighted length, for BM25F
}

// termAt reads the term record at byte off of d.t: the term's id, its
// weighted frequency, where its positions lie in d.t, and where the next
// record starts.
func (d *Doc) termAt(off uint32) (id, tf, from, to uint32) {
	id, off = uvarint32(d.t, off)
	tf, off = uvarint32(d.t, off)
	n, off := uvarint32(d.t, off)
	return id, tf, off, off + n
}

// uvarint32 reads the uvarint at b[off:] and returns it with the offset
// after it. The bytes are the analyzer's own: never malformed.
func uvarint32(b []byte, off uint32) (uint32, uint32) {
	c := b[off]
	if c < 0x80 {
		return uint32(c), off + 1
	}
	v := uint32(c & 0x7f)
	shift := uint(7)
	for {
		off++
		c = b[off]
		if c < 0x80 {
			return v | uint32(c)<<shift, off + 1
		}
		v |= uint32(c&0x7f) << shift
		shift += 7
	}
}

// URL is the document's URL.
func (d *Doc) URL() string { return d.url }

// Size is about how many bytes d holds.
func (d *Doc) Size() int { return len(d.entry) + len(d.t) + 64 }

// LangFolder is the folder of a language tag's index: the tag lowercased,
// "und" when empty. It fails on a tag that cannot be a folder name.
func LangFolder(tag string) (string, error) {
	lang := strings.ToLower(tag)
	if lang == "" {
		lang = "und"
	}
	for i := 0; i < len(lang); i++ {
		c := lang[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return "", fmt.Errorf("search: bad language tag %q", tag)
		}
	}
	return lang, nil
}

// Analyze reads a document for the index. It fails on a document without
// a URL or with a language tag that cannot name a folder.
func (ix *Index) Analyze(d *Document) (*Doc, error) {
	if d.URL == "" {
		return nil, fmt.Errorf("search: document %q has no URL", d.Title)
	}
	lang, err := LangFolder(d.Language)
	if err != nil {
		return nil, fmt.Errorf("search: document %s: bad language tag %q", d.URL, d.Language)
	}
	a := ix.pool.Get().(*analyzer)
	defer ix.pool.Put(a)
	return a.analyze(d, lang), nil
}

// Write builds the index of docs, analysed by ix. It fails on two
// documents of one language with the same URL. Each language tag of
// langs gets an index too when no document is in it (an index of no
// documents, whose searches find nothing), so that a site's every
// language has one to search; it fails on a tag that cannot name a
// folder.
func (ix *Index) Write(docs []*Doc, langs ...string) (map[string][]byte, error) {
	out := map[string][]byte{}
	var mu sync.Mutex
	err := ix.write(docs, langs, false, func(name string, b []byte) error {
		mu.Lock()
		out[name] = b
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// WriteFiles writes what Write returns, but hands each file to put as
// soon as it is made (a static site writes it out at once) instead of
// holding them all: put is called from every core at once, with each
// language's manifest.json after every other file of its language; b is
// put's to read (never to change) only until it returns: the writer makes
// the next files in the same arrays. It fails as Write does, before any
// put, or with the first error put returns (and then hands no more files).
func (ix *Index) WriteFiles(docs []*Doc, put func(name string, b []byte) error, langs ...string) error {
	return ix.write(docs, langs, true, put)
}

// write writes the index of docs through put; with reuse, a file's array
// may be filled again once put returns.
func (ix *Index) write(docs []*Doc, langs []string, reuse bool, put func(name string, b []byte) error) error {
	byLang := map[string][]*Doc{}
	for _, d := range docs {
		byLang[d.lang] = append(byLang[d.lang], d)
	}
	for _, tag := range langs {
		lang, err := LangFolder(tag)
		if err != nil {
			return err
		}
		if _, ok := byLang[lang]; !ok {
			byLang[lang] = nil
		}
	}
	for _, ds := range byLang {
		slices.SortStableFunc(ds, func(a, b *Doc) int { return strings.Compare(a.url, b.url) })
		for i := 1; i < len(ds); i++ {
			if ds[i].url == ds[i-1].url {
				return fmt.Errorf("search: two documents have the URL %s", ds[i].url)
			}
		}
	}
	keys := ix.terms()
	ix.mu.Lock()
	keep := ix.keep
	ix.mu.Unlock()
	next := map[string]*lastWrite{}
	for _, lang := range sortedKeys(byLang) {
		ds := byLang[lang]
		stemmer := Stemmer(lang)
		if len(ds) > 0 {
			stemmer = ds[0].stemmer
		}
		// With Remember, the files' bytes are kept (writer.sum) for the
		// next write to compare: never reused.
		w := &writer{lang: lang, stemmer: stemmer, docs: ds, keys: keys, emit: put, reuse: reuse && !keep}
		if keep {
			w.last = ix.last[lang]
			w.next = &lastWrite{docs: slices.Clone(ds)}
		}
		if err := w.write(); err != nil {
			return err
		}
		next[lang] = w.next
	}
	if keep {
		ix.last = next
	}
	return nil
}

// Write builds the index of docs with a new Index.
func Write(docs []Document) (map[string][]byte, error) {
	ix := NewIndex()
	ds := make([]*Doc, 0, len(docs))
	var errs []error
	for i := range docs {
		d, err := ix.Analyze(&docs[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ds = append(ds, d)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ix.Write(ds)
}

// analyzer reads documents one at a time; its buffers and its cache of
// words are reused.
type analyzer struct {
	ix     *Index
	tok    tokenizer
	key    [8]byte // a short word's bytes, from its key
	x      extractor
	caches map[string]*wordTable // stemmer -> folded word -> term id
	cache  *wordTable
	stem   func(string) string

	// The document being read.
	slot  []uint32    // term id -> local index + 1; 0 when not in the document
	terms []localTerm // by local index
	// words holds, for each position, the local index of the word there,
	// or noWord for the gap between two fields.
	words  []uint32
	length int
	entry  []byte
	show   []byte   // a text as results show it
	start  []uint32 // scratch of positions
	sorted []uint32
	pos    []byte // one term's positions
	t      []byte // the Doc's t
}

// localTerm is a term of the document being read.
type localTerm struct {
	id    uint32
	count uint32 // its positions
	tf    uint32 // its weighted frequency (written at most 0xffff)
}

const noWord = ^uint32(0)

func (a *analyzer) analyze(d *Document, lang string) *Doc {
	stemmer := Stemmer(lang)
	a.cache = a.caches[stemmer]
	if a.cache == nil {
		a.cache = newWordTable()
		a.caches[stemmer] = a.cache
	}
	a.stem = stemFunc(stemmer)
	a.tok.elide = stemmer == "fr"
	a.terms, a.words, a.length = a.terms[:0], a.words[:0], 0

	e := append(a.entry[:0], '[')
	e = appendJSON(e, d.URL)
	e = append(e, ',')
	e = appendJSON(e, d.Title)
	e = append(e, ',')
	e = appendJSON(e, d.Section)
	e = append(e, ',')
	a.show = collapse(a.show[:0], []byte(d.Description), passageBytes)
	e = appendJSON(e, bytesString(a.show))
	e = append(e, ",["...)
	first := true
	part := func(anchor string, heading, text []byte) {
		a.length += weightHeading * a.field(heading, weightHeading)
		a.length += weightBody * a.field(text, weightBody)
		if !first {
			e = append(e, ',')
		}
		first = false
		e = appendJSON(e, anchor)
		e = append(e, ',')
		a.show = collapse(a.show[:0], heading, -1)
		e = appendJSON(e, bytesString(a.show))
		e = append(e, ',')
		a.show = collapse(a.show[:0], text, passageBytes)
		e = appendJSON(e, bytesString(a.show))
	}
	a.length += weightTitle * a.field([]byte(d.Title), weightTitle)
	a.length += weightSection * a.field([]byte(d.Section), weightSection)
	a.length += weightDesc * a.field([]byte(d.Description), weightDesc)
	for _, t := range d.Tags {
		a.length += weightTag * a.field([]byte(t), weightTag)
	}
	if d.Body != "" {
		a.x.parts(d.Body, part)
	}
	for _, p := range d.Parts {
		part(p.Anchor, []byte(p.Heading), []byte(p.Text))
	}
	e = append(e, "]]"...)
	a.entry = e

	doc := &Doc{lang: lang, stemmer: stemmer, url: d.URL, length: uint32(a.length)}
	doc.entry, doc.t = a.ix.hold(e, a.positions())
	for _, lt := range a.terms {
		a.slot[lt.id] = 0
	}
	return doc
}

// field adds the words of text with weight w to the document and returns
// their number.
func (a *analyzer) field(text []byte, w uint16) int {
	if len(text) == 0 {
		return 0
	}
	n := 0
	s := bytesString(text)
	for i := 0; i < len(s); {
		var id uint32
		if c := byteClass[s[i]]; c == 0 {
			i++ // ASCII between words
			continue
		} else if c == 4 && s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+2000–U+203F: punctuation (dashes, quotes, "…") and spaces
			continue
		} else if c < 4 && i+8 <= cap(text) {
			// The usual word: ASCII letters and digits, ended by ASCII that
			// is neither a word's nor an apostrophe, or by the end. It is
			// read 8 bytes at a time (from text's array, which may hold
			// other bytes past its end), lowercased as read, and looked up
			// without a call to the tokenizer, which gives the same word.
			if w, end, ok := a.asciiWord(text, i); ok {
				id, i = w, end
				goto found
			}
		}
		{
			var word []byte
			if word, i = a.tok.next(s, i); word == nil {
				continue
			}
			var ok bool
			if id, ok = a.cache.get(word); !ok { // the id of its term
				id = a.newWord(word)
			}
		}
	found:
		if int(id) >= len(a.slot) {
			a.slot = append(a.slot, make([]uint32, int(id)+1-len(a.slot)+len(a.slot)/2)...)
		}
		l := a.slot[id]
		if l == 0 {
			a.terms = append(a.terms, localTerm{id: id})
			l = uint32(len(a.terms))
			a.slot[id] = l
		}
		l--
		lt := &a.terms[l]
		lt.tf += uint32(w)
		lt.count++
		a.words = append(a.words, l)
		n++
	}
	a.words = append(a.words, noWord) // a phrase never spans two fields
	return n
}

// asciiWord reads the word of ASCII letters and digits that starts at
// text[i] (a letter or digit), where cap(text) >= i+8, and returns its
// term's id and where it ends. It returns false, having read nothing,
// when the word is not such (it goes on with other bytes, or an
// apostrophe), or is longer than maxWord.
func (a *analyzer) asciiWord(text []byte, i int) (id uint32, end int, ok bool) {
	x := lowerASCII(binary.LittleEndian.Uint64(text[i : i+8]))
	k := min(lowerRun(x), len(text)-i)
	if k < 8 {
		// The word fits in 8 bytes: its key is its bytes.
		end = i + k
		if end < len(text) && (byteClass[text[end]] != 0 || text[end] == '\'') {
			return 0, 0, false
		}
		key := x & (1<<(8*k) - 1)
		if id, ok = a.cache.getKey(key); !ok {
			binary.LittleEndian.PutUint64(a.key[:], key)
			id = a.newWord(a.key[:k])
		}
		return id, end, true
	}
	// A longer word, lowercased into the tokenizer's buffer.
	b := binary.LittleEndian.AppendUint64(a.tok.buf[:0], x)
	end = i + 8
	for k == 8 && end < len(text) && len(b) <= maxWord {
		if end+8 > cap(text) {
			return 0, 0, false
		}
		x = lowerASCII(binary.LittleEndian.Uint64(text[end : end+8]))
		k = min(lowerRun(x), len(text)-end)
		b = binary.LittleEndian.AppendUint64(b, x)
		end += k
	}
	a.tok.buf = b
	if end-i > maxWord || end < len(text) && (byteClass[text[end]] != 0 || text[end] == '\'') {
		return 0, 0, false
	}
	word := b[:end-i]
	if id, ok = a.cache.get(word); !ok {
		id = a.newWord(word)
	}
	return id, end, true
}

// lowerASCII is x (8 bytes of text, little-endian) with its bytes A-Z
// made a-z, found as lowerRun finds a-z.
func lowerASCII(x uint64) uint64 {
	const ones, low7, top = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	y := x & low7
	upper := ((127+'Z'+1)*ones - y) & (y + (127-'A'+1)*ones) & ^x & top
	return x | upper>>2 // 0x80>>2 is 'a'-'A'
}

// newWord returns the id of the term of a folded word that is not in the
// cache yet, and adds the word.
func (a *analyzer) newWord(word []byte) uint32 {
	id := a.ix.intern(a.stem(string(word)))
	a.cache.put(word, id)
	return id
}

// positions returns the Doc's t of the words read, in a buffer of a's.
func (a *analyzer) positions() []byte {
	n := len(a.terms)
	// Each local term's positions, in order: a counting sort of the words.
	a.start = grow(a.start, n)
	total := uint32(0)
	for l, lt := range a.terms {
		a.start[l] = total
		total += lt.count
	}
	a.sorted = grow(a.sorted, int(total))
	for p, l := range a.words {
		if l != noWord {
			a.sorted[a.start[l]] = uint32(p)
			a.start[l]++
		}
	}
	// The records are written in place, in an array as long as they can
	// be (five bytes a number): each term's id, weighted frequency, one
	// byte for the length of its positions, and its positions; when that
	// length takes more than a byte (a term of many positions), the
	// positions move up to make room.
	t := a.t[:cap(a.t)]
	if need := 18*n + 5*int(total); len(t) < need {
		t = make([]byte, need+need/4)
	}
	o, from := 0, uint32(0)
	for _, lt := range a.terms {
		o = putUvarint(t, o, lt.id)
		o = putUvarint(t, o, min(lt.tf, 0xffff))
		mark := o
		o = putUvarint(t, o+1, lt.count)
		prev := uint32(0)
		for _, x := range a.sorted[from : from+lt.count] {
			if d := x - prev; d < 1<<14 {
				// One or two bytes, without a branch on which: a gap's
				// length is hard to foresee.
				var two uint32
				if d >= 0x80 {
					two = 1
				}
				t[o] = byte(d) | byte(two<<7)
				t[o+1] = byte(d >> 7)
				o += 1 + int(two)
			} else {
				o = putUvarint(t, o, d)
			}
			prev = x
		}
		from += lt.count
		if size := uint32(o - mark - 1); size < 0x80 {
			t[mark] = byte(size)
		} else {
			k := uvarintLen(size)
			copy(t[mark+k:], t[mark+1:o])
			putUvarint(t, mark, size)
			o += k - 1
		}
	}
	a.t = t
	return t[:o]
}

// putUvarint writes v as a uvarint at b[o:], which has room for it, and
// returns the offset after it.
func putUvarint(b []byte, o int, v uint32) int {
	for v >= 0x80 {
		b[o] = byte(v) | 0x80
		v >>= 7
		o++
	}
	b[o] = byte(v)
	return o + 1
}

// uvarintLen is the byte length of v as a uvarint.
func uvarintLen(v uint32) int { return (bits.Len32(v|1) + 6) / 7 }

// grow returns s with length n, reusing its array when it can.
func grow(s []uint32, n int) []uint32 {
	if cap(s) < n {
		return make([]uint32, n, n+n/4)
	}
	return s[:n]
}

// bytesString is b as a string, without a copy: the string must not be
// kept past b's next change.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// appendJSON appends s as a JSON string: quotes, backslashes and control
// characters escaped, and U+2028 and U+2029, which JavaScript once took
// for line ends.
func appendJSON(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if jsonPlain[c] {
			if i = plainRun(s, i+1); i == len(s) {
				break
			}
			c = s[i]
		}
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

// jsonPlain[c] is set for the bytes appendJSON copies as they are
// whatever follows them.
// plainRun returns the index of the first byte of s[i:] that is not
// jsonPlain, or len(s): eight bytes at a time, those that may not be
// found at once and then looked at.
func plainRun(s string, i int) int {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		m := (x-0x20*ones)&^x&top | zeroBytes(x^'"'*ones) | zeroBytes(x^'\\'*ones) | zeroBytes(x^0xE2*ones)
		for ; m != 0; m &= m - 1 {
			if k := i + bits.TrailingZeros64(m)>>3; !jsonPlain[s[k]] {
				return k
			}
		}
	}
	for ; i < len(s); i++ {
		if !jsonPlain[s[i]] {
			return i
		}
	}
	return len(s)
}

var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\' && c != 0xE2
	}
	return t
}()

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
