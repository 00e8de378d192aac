package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func readManifest(t testing.TB, files map[string][]byte, lang string) manifest {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(files[lang+"/manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m
}

// decoded is a term fragment read back: term -> document ids, levels and
// positions (per document, the term's positions).
type decoded struct {
	keys  []string
	docs  map[string][]int
	level map[string][]byte
	pos   map[string][][]int
	files []string
}

// decodeFragment reads a term fragment and its positions files the way
// search.js does.
func decodeFragment(t testing.TB, files map[string][]byte, lang string, raw []byte, n int) decoded {
	t.Helper()
	r := bytes.NewReader(raw)
	uv := func(r *bytes.Reader) int {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			t.Fatalf("fragment: %v", err)
		}
		return int(v)
	}
	count := uv(r)
	d := decoded{docs: map[string][]int{}, level: map[string][]byte{}, pos: map[string][][]int{}}
	for range uv(r) {
		name := make([]byte, uv(r))
		io.ReadFull(r, name)
		d.files = append(d.files, string(name))
	}
	type head struct {
		key                  string
		df, kind, size, file int
	}
	var heads []head
	prev := ""
	for range count {
		shared, sl := uv(r), uv(r)
		suf := make([]byte, sl)
		io.ReadFull(r, suf)
		k := prev[:shared] + string(suf)
		prev = k
		heads = append(heads, head{k, uv(r), uv(r), uv(r), uv(r)})
	}
	for _, h := range heads {
		d.keys = append(d.keys, h.key)
		docs := make([]byte, h.size)
		io.ReadFull(r, docs)
		lv := make([]byte, h.df)
		io.ReadFull(r, lv)
		var ids []int
		if h.kind == 1 {
			for i := range n {
				if docs[i/8]&(1<<(i%8)) != 0 {
					ids = append(ids, i)
				}
			}
		} else {
			dr := bytes.NewReader(docs)
			id := 0
			for range h.df {
				g, _ := binary.ReadUvarint(dr)
				id += int(g)
				ids = append(ids, id)
			}
		}
		if len(ids) != h.df {
			t.Fatalf("term %q: %d documents, df %d", h.key, len(ids), h.df)
		}
		d.docs[h.key] = ids
		d.level[h.key] = lv
	}
	if r.Len() != 0 {
		t.Fatalf("fragment has %d bytes left over", r.Len())
	}
	// Positions: the terms of file f are the consecutive heads with
	// file f.
	for f, name := range d.files {
		b, ok := files[lang+"/"+name]
		if !ok {
			t.Fatalf("positions file %s is missing", name)
		}
		pr := bytes.NewReader(b)
		c := uv(pr)
		lens := make([]int, c)
		for i := range lens {
			lens[i] = uv(pr)
		}
		var terms []head
		for _, h := range heads {
			if h.file == f {
				terms = append(terms, h)
			}
		}
		if len(terms) != c {
			t.Fatalf("positions file %s holds %d terms, the fragment names %d", name, c, len(terms))
		}
		for i, h := range terms {
			chunk := make([]byte, lens[i])
			io.ReadFull(pr, chunk)
			cr := bytes.NewReader(chunk)
			var all [][]int
			for range h.df {
				np := uv(cr)
				var ps []int
				at := 0
				for range np {
					at += uv(cr)
					ps = append(ps, at)
				}
				all = append(all, ps)
			}
			if cr.Len() != 0 {
				t.Fatalf("term %q: %d bytes of positions left over", h.key, cr.Len())
			}
			d.pos[h.key] = all
		}
		if pr.Len() != 0 {
			t.Fatalf("positions file %s has %d bytes left over", name, pr.Len())
		}
	}
	return d
}

// allTerms decodes every fragment of a list.
func allTerms(t testing.TB, files map[string][]byte, lang string, list [][2]string, n int) decoded {
	all := decoded{docs: map[string][]int{}, level: map[string][]byte{}, pos: map[string][][]int{}}
	for i, f := range list {
		d := decodeFragment(t, files, lang, files[lang+"/"+f[1]], n)
		if i > 0 && d.keys[0] != f[0] {
			t.Errorf("fragment %d starts at %q, manifest says %q", i, d.keys[0], f[0])
		}
		all.keys = append(all.keys, d.keys...)
		all.files = append(all.files, d.files...)
		for k, v := range d.docs {
			all.docs[k] = v
			all.level[k] = d.level[k]
			all.pos[k] = d.pos[k]
		}
	}
	if !slices.IsSorted(all.keys) {
		t.Errorf("terms are not sorted across fragments")
	}
	return all
}

// bundleEntries reads every document entry of a language, in order.
func bundleEntries(t testing.TB, files map[string][]byte, lang string, m manifest) [][]any {
	t.Helper()
	var out [][]any
	for b := 0; b*m.Bundles.Size < m.Docs; b++ {
		name := lang + "/d/" + m.Bundles.Hashes[b/m.Bundles.Group] + "-" + strconv.Itoa(b) + ".json"
		var entries [][]any
		if err := json.Unmarshal(files[name], &entries); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, entries...)
	}
	return out
}

func TestWriteIndex(t *testing.T) {
	files, err := Write(testCorpus())
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, files, "en")
	if m.Docs != 6 || m.Stemmer != "en" || m.Language != "en" || len(m.Levels) != levels || m.Format != format {
		t.Fatalf("manifest: %+v", m)
	}
	if fr := readManifest(t, files, "fr"); fr.Docs != 1 || fr.Stemmer != "fr" || !fr.Elide {
		t.Errorf("French manifest: %+v", fr)
	}
	terms := allTerms(t, files, "en", m.Terms, m.Docs)
	// Documents are numbered in URL order: /guides/cafe/ is 0.
	want := map[string][]int{
		"receiv":  {3, 4}, // planning (body), receiving (title)
		"cafe":    {0},    // "café", folded
		"listen":  {2, 5}, // listening, give-and-take
		"partner": {2},
		"dont":    nil,
	}
	for k, ids := range want {
		if got := terms.docs[k]; !reflect.DeepEqual(got, ids) {
			t.Errorf("postings of %q = %v, want %v", k, got, ids)
		}
	}
	// The title counts more than the body: "receive" once in a title
	// beats twice in a body.
	lv := terms.level["receiv"]
	if lv[1] <= lv[0] {
		t.Errorf("levels of receiv = %v: the title match should rank first", lv)
	}
	// Positions: "giving back" is a phrase in giving-back (document 1)
	// only; planning has both words, never one after the other.
	phrase := func(a, b string) []int {
		var out []int
		for i, d := range terms.docs[a] {
			j := slices.Index(terms.docs[b], d)
			if j < 0 {
				continue
			}
			for _, p := range terms.pos[a][i] {
				if slices.Contains(terms.pos[b][j], p+1) {
					out = append(out, d)
					break
				}
			}
		}
		return out
	}
	if got := phrase("give", "back"); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("phrase give back in %v, want [1]", got)
	}
	if got := phrase("back", "give"); got != nil {
		t.Errorf("phrase back give in %v, want none", got)
	}
	// A phrase never spans two fields: the title "Giving back" ends,
	// the body starts "Giving back": two occurrences, not "back giving".
	if got := len(terms.pos["give"][slices.Index(terms.docs["give"], 1)]); got != 2 {
		t.Errorf("give is %d times in giving-back, want 2", got)
	}
	// Bundles: every document's entry, in URL order, code left out.
	entries := bundleEntries(t, files, "en", m)
	if len(entries) != m.Docs {
		t.Fatalf("%d entries for %d documents", len(entries), m.Docs)
	}
	if entries[0][0] != "/guides/cafe/" || entries[0][1] != "Meeting at the café" || entries[0][2] != "Guides" {
		t.Errorf("entry 0 = %v", entries[0])
	}
	parts := entries[4][4].([]any) // receiving
	if len(parts) != 9 || parts[3] != "why-receiving-can-be-hard" || parts[4] != "Why receiving can be hard" {
		t.Errorf("parts of receiving = %v", parts)
	}
	// Lexicons hold every term once, under its first character.
	n := 0
	for _, l := range m.Lexicons {
		var entries [][2]any
		if err := json.Unmarshal(files["en/"+l[1]], &entries); err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasPrefix(e[0].(string), l[0]) {
				t.Errorf("lexicon %q holds %q", l[0], e[0])
			}
			n++
		}
	}
	if n != len(terms.keys) {
		t.Errorf("lexicons hold %d terms, fragments %d", n, len(terms.keys))
	}
	// Every file the manifest names exists, and every file is named.
	named := map[string]bool{"en/manifest.json": true}
	for _, l := range [][][2]string{m.Terms, m.Lexicons} {
		for _, f := range l {
			named["en/"+f[1]] = true
		}
	}
	for _, f := range terms.files {
		named["en/"+f] = true
	}
	for name := range files {
		if strings.HasPrefix(name, "en/") && !named[name] && !strings.HasPrefix(name, "en/d/") {
			t.Errorf("%s is not in the manifest", name)
		}
	}
}

// Code blocks are not indexed; passages are cut near passageBytes.
func TestAnalyzeBody(t *testing.T) {
	long := strings.Repeat("word ", 100)
	files, err := Write([]Document{{
		URL: "/a/", Title: "A", Language: "en",
		Body: `<p>Intro</p><pre><code>secretcode()</code></pre><h2 id="h">Heading</h2><p>` + long + `</p>`,
	}})
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, files, "en")
	terms := allTerms(t, files, "en", m.Terms, m.Docs)
	if terms.docs["secretcod"] != nil || terms.docs["secretcode"] != nil {
		t.Errorf("code was indexed: %v", terms.keys)
	}
	if terms.docs["intro"] == nil || terms.docs["word"] == nil {
		t.Errorf("text was not indexed: %v", terms.keys)
	}
	e := bundleEntries(t, files, "en", m)[0]
	parts := e[4].([]any)
	if len(parts) != 6 || parts[2] != "Intro" || parts[3] != "h" {
		t.Fatalf("parts = %q", parts)
	}
	text := parts[5].(string)
	if len(text) > passageBytes+len("…") || !strings.HasSuffix(text, "word…") {
		t.Errorf("passage of %d bytes: %q", len(text), text)
	}
}

// The same documents in any order give the same bytes, and a rebuild
// after an edit equals a full build of the edited documents.
func TestWriteDeterministic(t *testing.T) {
	docs := testCorpus()
	first, err := Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		shuffled := slices.Clone(docs)
		rand.New(rand.NewPCG(uint64(i), 1)).Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		again, err := Write(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("order %d: different files", i)
		}
	}
	// An edit changes the index; undoing it restores the bytes.
	edited := slices.Clone(docs)
	edited[2].Parts = append(slices.Clone(edited[2].Parts), Part{Anchor: "tea", Heading: "Tea", Text: "Or a teahouse."})
	e1, _ := Write(edited)
	if reflect.DeepEqual(e1, first) {
		t.Fatal("an edit left the index unchanged")
	}
	e2, _ := Write(slices.Clone(edited))
	if !reflect.DeepEqual(e1, e2) {
		t.Fatal("two builds of the edited documents differ")
	}
	back, _ := Write(docs)
	if !reflect.DeepEqual(back, first) {
		t.Fatal("undoing the edit does not restore the index")
	}
}

// An Index that lives across rebuilds (as in mutual serve): the unchanged
// pages keep their Docs, the edited one is analysed again, a removed one
// is dropped, and each Write equals a full build of the pages as they are,
// whether the Index remembers its last Write (and copies the terms no
// edited page holds) or not.
func TestIncremental(t *testing.T) {
	for _, remember := range []bool{false, true} {
		t.Run(fmt.Sprintf("remember=%v", remember), func(t *testing.T) { testIncremental(t, remember) })
	}
}

func testIncremental(t *testing.T, remember bool) {
	docs := testCorpus()
	ix := NewIndex()
	if remember {
		ix.Remember()
	}
	kept := analyzeAll(t, ix, docs)
	if _, err := ix.Write(kept); err != nil {
		t.Fatal(err)
	}
	steps := []func([]Document) []Document{
		func(ds []Document) []Document { // edit a page's body
			ds[2].Parts = append(slices.Clone(ds[2].Parts), Part{Anchor: "tea", Heading: "Tea", Text: "Or a zebra teahouse."})
			return ds
		},
		func(ds []Document) []Document { // edit the same body again
			ds[2].Parts = append(slices.Clone(ds[2].Parts), Part{Text: "Zebras listen, then apologise."})
			return ds
		},
		func(ds []Document) []Document { // edit a title
			ds[0].Title = "Meeting somewhere quiet"
			return ds
		},
		func(ds []Document) []Document { // move a page: the same number of pages, in another order
			ds[1].URL = "/zz/moved/"
			return ds
		},
		func(ds []Document) []Document { // remove a page
			return slices.Delete(ds, 3, 4)
		},
		func(ds []Document) []Document { // add a page
			return append(ds, Document{URL: "/guides/new/", Title: "New", Language: "en", Body: "<p>Fresh words.</p>"})
		},
	}
	for s, step := range steps {
		before := slices.Clone(docs)
		docs = step(slices.Clone(docs))
		// Analyse again only what changed.
		byURL := map[string]*Doc{}
		for i, d := range before {
			byURL[d.URL] = kept[i]
		}
		next := make([]*Doc, len(docs))
		for i := range docs {
			if j := slices.IndexFunc(before, func(b Document) bool { return b.URL == docs[i].URL }); j >= 0 && reflect.DeepEqual(before[j], docs[i]) {
				next[i] = byURL[docs[i].URL]
				continue
			}
			d, err := ix.Analyze(&docs[i])
			if err != nil {
				t.Fatal(err)
			}
			next[i] = d
		}
		kept = next
		got, err := ix.Write(kept)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Write(docs)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: the incremental index differs from a full build", s)
		}
	}
}

// Analyze is safe from several goroutines (the render workers).
func TestAnalyzeConcurrent(t *testing.T) {
	docs := testCorpus()
	want, _ := Write(docs)
	ix := NewIndex()
	ds := make([]*Doc, len(docs))
	done := make(chan bool)
	for i := range docs {
		go func() {
			ds[i], _ = ix.Analyze(&docs[i])
			done <- true
		}()
	}
	for range docs {
		<-done
	}
	got, err := ix.Write(ds)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("concurrent analysis gives another index (%v)", err)
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		docs []Document
		want string
	}{
		{[]Document{{Title: "x"}}, `document "x" has no URL`},
		{[]Document{{URL: "/a/"}, {URL: "/a/"}}, "two documents have the URL /a/"},
		{[]Document{{URL: "/a/", Language: "../x"}}, "bad language tag"},
	}
	for _, tt := range tests {
		_, err := Write(tt.docs)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Write(%v) error %v, want %q", tt.docs, err, tt.want)
		}
	}
	// The same URL in two languages is fine; no documents gives no files.
	if _, err := Write([]Document{{URL: "/a/", Language: "en"}, {URL: "/a/", Language: "de"}}); err != nil {
		t.Error(err)
	}
	if files, err := Write(nil); err != nil || len(files) != 0 {
		t.Errorf("Write(nil) = %d files, %v", len(files), err)
	}
	for _, tag := range []string{"", "EN", "pt-BR"} {
		if _, err := LangFolder(tag); err != nil {
			t.Errorf("LangFolder(%q): %v", tag, err)
		}
	}
	if f, _ := LangFolder("pt-BR"); f != "pt-br" {
		t.Errorf("LangFolder(pt-BR) = %q", f)
	}
}

// Fragments stay near their target and hold a term once; a term far
// larger than the target gets a fragment of its own.
func TestFragments(t *testing.T) {
	var docs []Document
	for i := range 600 {
		var b strings.Builder
		for j := range 300 {
			fmt.Fprintf(&b, "w%d common ", (i*7+j*13)%2000)
		}
		docs = append(docs, Document{URL: fmt.Sprintf("/p%03d/", i), Title: fmt.Sprintf("Page %d", i), Language: "en", Parts: []Part{{Text: b.String()}}})
	}
	files, err := Write(docs)
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, files, "en")
	if len(m.Terms) < 3 {
		t.Fatalf("only %d term fragments", len(m.Terms))
	}
	seen := map[string]bool{}
	for _, f := range m.Terms {
		raw := files["en/"+f[1]]
		d := decodeFragment(t, files, "en", raw, m.Docs)
		if len(raw) > fragmentTarget+1024 && len(d.keys) > 1 {
			t.Errorf("fragment %s: %d bytes for %d terms, over the target %d", f[1], len(raw), len(d.keys), fragmentTarget)
		}
		for _, k := range d.keys {
			if seen[k] {
				t.Errorf("term %q in two fragments", k)
			}
			seen[k] = true
		}
	}
	terms := allTerms(t, files, "en", m.Terms, m.Docs)
	if got := len(terms.docs["common"]); got != 600 {
		t.Errorf("common is in %d documents, want 600 (bitmap)", got)
	}
	if got := len(m.Bundles.Hashes); got != (600+bundleSize*groupSize-1)/(bundleSize*groupSize) {
		t.Errorf("%d bundle groups for 600 documents", got)
	}
	if got := len(bundleEntries(t, files, "en", m)); got != 600 {
		t.Errorf("%d entries", got)
	}
}

func TestParts(t *testing.T) {
	src := `<p>Intro <em>text</em> &amp; more.</p>
<!-- a comment <h2 id="no"> -->
<h2 id="how-to-ask">How to <code>ask</code><a class="anchor" href="#how-to-ask" aria-hidden="true" tabindex="-1">#</a></h2>
<ul><li>One</li><li>Two</li></ul><p>Line<br>break</p>
<script>var x = "<h2 id=bad>";</script>
<h3 id='caf&#233;'>Café</h3>
<pre><code>a &lt; b</code></pre>
<h2>No id</h2><p>still café</p>`
	got := Parts(src)
	want := []Part{
		{Text: "Intro text & more."},
		{Anchor: "how-to-ask", Heading: "How to ask", Text: "One Two Line break"},
		{Anchor: "café", Heading: "Café", Text: "No id still café"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parts:\n got %#v\nwant %#v", got, want)
	}
	if got := Parts("<h2 id=a>A</h2>"); !reflect.DeepEqual(got, []Part{{Anchor: "a", Heading: "A"}}) {
		t.Errorf("heading only: %#v", got)
	}
	if got := Parts(""); got != nil {
		t.Errorf("empty: %#v", got)
	}
}

// FuzzParts: Parts never fails, and its texts are trimmed, with single
// spaces (white space as HTML has it: ASCII only, so a no-break space
// stays).
func FuzzParts(f *testing.F) {
	for _, s := range []string{"<p>a</p><h2 id=x>b</h2>c", "<h1 id='", "<<>>", "<!--", "<div aria-hidden=true><div>x</div></div>y", "a &amp b", "<pre>x", "<PRE>a</pre>b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Parts(s) {
			for _, x := range []string{p.Text, p.Heading} {
				if strings.Trim(x, " \n\t\r\f") != x || strings.Contains(x, "  ") {
					t.Fatalf("untidy text %q from %q", x, s)
				}
			}
		}
	})
}

// FuzzAnalyze: any body is analysed without failing, and the index of it
// is the same twice.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"<p>a</p><h2 id=x>b</h2>c", "<h1 id='", "l'amour qu'il", "日本語", "<pre>x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		docs := []Document{{URL: "/a/", Title: s, Language: "fr", Body: s}}
		a, err := Write(docs)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Write(docs)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two indexes of one document differ")
		}
	})
}

func TestIndex3(t *testing.T) {
	code := strings.Repeat(`<span class="w"> </span><span class="nx">x</span>`, 5)
	tests := []struct{ s, needle string }{
		{"", "</pre"},
		{"</pre", "</pre"},
		{"</pr", "</pre"},
		{code + "</code></pre>", "</pre"},
		{code + "</code></PRE>", "</pre"},
		{code + "</pr</pre", "</pre"},
		{"</p</pr</pre</pre>", "</pre"},
		{"0123456</pre", "</pre"},
		{"01234567</pre", "</pre"},
		{"012345678</pre", "</pre"},
		{"0123456789</script>", "</script"},
		{"</pre" + code, "</pre"},
		{strings.Repeat("r", 300) + "</pre>", "</pre"},
		{strings.Repeat("</pr", 100) + "</pre>" + code, "</pre"},
		{strings.Repeat("r", 30) + code + strings.Repeat("/?r", 90) + "</PRE></pre>", "</pre"},
		{strings.Repeat("r", 300), "</pre"},
		{"ab", "ab"},
		{"xxab", "ab"},
		{"abc", ""},
	}
	for _, tt := range tests {
		if got, want := index3(tt.s, tt.needle), strings.Index(tt.s, tt.needle); got != want {
			t.Errorf("index3(%q, %q) = %d, want %d", tt.s, tt.needle, got, want)
		}
	}
	// The needle at every place of texts of every length.
	for n := range 40 {
		for at := 0; at+5 <= n; at++ {
			b := []byte(strings.Repeat("</p", 20)[:n])
			copy(b[at:], "</pre")
			if got, want := index3(string(b), "</pre"), strings.Index(string(b), "</pre"); got != want {
				t.Fatalf("index3(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

func TestCollapse(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"", -1, ""},
		{"  \n\t ", -1, ""},
		{"  a  b\n\nc  ", -1, "a b c"},
		{"abc def", 7, "abc def"},
		{"abc def", 6, "abc…"},
		{"abc def", 3, "abc…"},
		{"abc  def", 4, "abc…"},
		{"abcdefgh", 5, "abcde…"},
		{"ab, cd", 4, "ab…"},
		{"ab cd ef", 5, "ab cd…"},
		{"  ab   cd  ", 5, "ab cd"},
		{"héllo wörld", 2, "h…"},
		{"a\u00a0b c", 3, "a\u00a0…"},
		{"x", 0, "…"},
	}
	for _, tt := range tests {
		if got := string(collapse([]byte("pre:"), []byte(tt.in), tt.max)); got != "pre:"+tt.want {
			t.Errorf("collapse(%q, %d) = %q, want %q", tt.in, tt.max, got, "pre:"+tt.want)
		}
	}
}
