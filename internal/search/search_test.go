package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("gunzip: %v", err)
	}
	return out
}

func readManifest(t testing.TB, files map[string][]byte, lang string) manifest {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(files[lang+"/manifest.json"], &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return m
}

// decoded is a fragment read back: term -> document ids and levels.
type decoded struct {
	keys  []string
	docs  map[string][]int
	level map[string][]byte
}

// decodeFragment reads a fragment the way search.js does.
func decodeFragment(t testing.TB, raw []byte, n int) decoded {
	t.Helper()
	r := bytes.NewReader(raw)
	uv := func() int {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			t.Fatalf("fragment: %v", err)
		}
		return int(v)
	}
	type head struct {
		key            string
		df, kind, size int
	}
	count := uv()
	var heads []head
	prev := ""
	for range count {
		shared, sl := uv(), uv()
		suf := make([]byte, sl)
		io.ReadFull(r, suf)
		k := prev[:shared] + string(suf)
		prev = k
		heads = append(heads, head{k, uv(), uv(), uv()})
	}
	d := decoded{docs: map[string][]int{}, level: map[string][]byte{}}
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
	return d
}

// allTerms decodes every fragment of a list.
func allTerms(t testing.TB, files map[string][]byte, lang string, list [][2]string, n int) decoded {
	all := decoded{docs: map[string][]int{}, level: map[string][]byte{}}
	for i, f := range list {
		d := decodeFragment(t, gunzip(t, files[lang+"/"+f[1]]), n)
		if i > 0 && d.keys[0] != f[0] {
			t.Errorf("fragment %d starts at %q, manifest says %q", i, d.keys[0], f[0])
		}
		all.keys = append(all.keys, d.keys...)
		for k, v := range d.docs {
			all.docs[k] = v
			all.level[k] = d.level[k]
		}
	}
	if !slices.IsSorted(all.keys) {
		t.Errorf("terms are not sorted across fragments")
	}
	return all
}

func TestWriteIndex(t *testing.T) {
	files, err := Write(testCorpus())
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, files, "en")
	if m.Docs != 6 || m.Stemmer != "en" || m.Language != "en" || len(m.Levels) != levels {
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
	pairs := decoded{docs: map[string][]int{}}
	for b := range m.Pairs.Buckets {
		d := decodeFragment(t, gunzip(t, files["en/"+m.Pairs.Prefix+fmt.Sprint(b)+".bin"]), m.Docs)
		for _, k := range d.keys {
			if int(fnv1a(k))%m.Pairs.Buckets != b {
				t.Errorf("pair %q is in bucket %d", k, b)
			}
			pairs.docs[k] = d.docs[k]
		}
	}
	if got := pairs.docs["give back"]; !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("pair %q in %v, want [1] (giving-back only: planning has the words apart)", "give back", got)
	}
	// Every document file is reachable through its shard.
	for s, shard := range m.Shards {
		var ids []string
		if err := json.Unmarshal(gunzip(t, files["en/"+shard]), &ids); err != nil {
			t.Fatal(err)
		}
		for i, id := range ids {
			var d docFile
			if err := json.Unmarshal(gunzip(t, files["en/d/"+id+".bin"]), &d); err != nil {
				t.Fatalf("document %d: %v", s*shardSize+i, err)
			}
			if i == 0 && s == 0 && d.URL != "/guides/cafe/" {
				t.Errorf("document 0 is %s", d.URL)
			}
		}
	}
	// Lexicons hold every term once, under its first character.
	n := 0
	for _, l := range m.Lexicons {
		var entries [][2]any
		if err := json.Unmarshal(gunzip(t, files["en/"+l[1]]), &entries); err != nil {
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
	for b := range m.Pairs.Buckets {
		named["en/"+m.Pairs.Prefix+fmt.Sprint(b)+".bin"] = true
	}
	for _, l := range [][][2]string{m.Terms, m.Lexicons} {
		for _, f := range l {
			named["en/"+f[1]] = true
		}
	}
	for _, s := range m.Shards {
		named["en/"+s] = true
	}
	for name := range files {
		if strings.HasPrefix(name, "en/") && !named[name] && !strings.HasPrefix(name, "en/d/") {
			t.Errorf("%s is not in the manifest", name)
		}
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
		raw := gunzip(t, files["en/"+f[1]])
		d := decodeFragment(t, raw, m.Docs)
		if len(raw) > fragmentTarget && len(d.keys) > 1 {
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
	if len(m.Shards) != 5 {
		t.Errorf("%d shards for 600 documents, want 5", len(m.Shards))
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
		{Anchor: "café", Heading: "Café", Text: "a < b No id still café"},
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
// spaces.
func FuzzParts(f *testing.F) {
	for _, s := range []string{"<p>a</p><h2 id=x>b</h2>c", "<h1 id='", "<<>>", "<!--", "<div aria-hidden=true><div>x</div></div>y", "a &amp b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Parts(s) {
			for _, x := range []string{p.Text, p.Heading} {
				if strings.TrimSpace(x) != x || strings.Contains(x, "  ") {
					t.Fatalf("untidy text %q from %q", x, s)
				}
			}
		}
	})
}
