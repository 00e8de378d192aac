package search

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// indexDigest lists an index's files, one a line: the name, its size and
// the SHA-256 of its bytes; the last line is the SHA-256 of every file in
// order of their names.
func indexDigest(files map[string][]byte) string {
	var b strings.Builder
	all := sha256.New()
	for _, name := range sortedKeys(files) {
		fmt.Fprintf(&b, "%s %d %x\n", name, len(files[name]), sha256.Sum256(files[name]))
		fmt.Fprintf(all, "%s\x00%d\x00", name, len(files[name]))
		all.Write(files[name])
	}
	fmt.Fprintf(&b, "all %x\n", all.Sum(nil))
	return b.String()
}

// writeFiles is the index of docs by Index.WriteFiles, whose put copies
// each file, then overwrites the array it was given (which a put must not
// do: here it shows that the writer reads no file's bytes once put has
// them, as it makes the next files in the same arrays). It fails the test if a
// language's manifest comes before one of its other files.
func writeFiles(t testing.TB, docs []Document) map[string][]byte {
	t.Helper()
	ix := NewIndex()
	ds := analyzeAll(t, ix, docs)
	var mu sync.Mutex
	files := map[string][]byte{}
	done := map[string]bool{} // languages whose manifest came
	err := ix.WriteFiles(ds, func(name string, b []byte) error {
		mu.Lock()
		defer mu.Unlock()
		lang, rest, _ := strings.Cut(name, "/")
		if done[lang] {
			t.Errorf("%s came after %s/manifest.json", name, lang)
		}
		done[lang] = rest == "manifest.json"
		files[name] = bytes.Clone(b)
		for i := range b {
			b[i] = 0xff
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestIndexGolden: the index of the test corpus and of 300 pages of the
// generated bench corpus (rendered by the markdown package, with a second
// language and a worksheet-like page of parts) is byte for byte the one in
// testdata/index.golden. A change of the analysis or of the writer that is
// meant to be a speed-up only must leave it as it is (-update rewrites
// it).
func TestIndexGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 300 pages")
	}
	docs := append(testCorpus(), benchDocs(t, 300)...)
	n := len(docs)
	for i := range 40 {
		d := docs[n-1-i]
		d.URL = "/fr" + d.URL
		d.Language = "fr"
		d.Parts = []Part{{Anchor: "q", Heading: "L'œuvre d'Ève", Text: "qu'il soit là, aujourd’hui"}}
		docs = append(docs, d)
	}
	// The writer splits its work among the cores: any number of them
	// gives the same bytes.
	var got string
	for _, procs := range []int{runtime.GOMAXPROCS(0), 1, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		files, err := Write(docs)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		if d := indexDigest(files); got == "" {
			got = d
		} else if d != got {
			t.Fatalf("the index written on %d cores differs from the one on %d", procs, runtime.GOMAXPROCS(0))
		}
		// WriteFiles hands over the same files, a language's manifest
		// last, in arrays it fills again: put scribbles over each once
		// copied, which changes none of the others.
		old = runtime.GOMAXPROCS(procs)
		streamed := writeFiles(t, docs)
		runtime.GOMAXPROCS(old)
		if d := indexDigest(streamed); d != got {
			t.Fatalf("WriteFiles on %d cores gives other files than Write", procs)
		}
	}
	// A write without Remember finds the levels' bounds in a pass of its
	// own over the documents (writer.bounds) and gathers the levels with
	// the postings; one with Remember scores each term's postings once
	// they are gathered: the same bytes.
	ix := NewIndex()
	ix.Remember()
	ds := analyzeAll(t, ix, docs)
	if files, err := ix.Write(ds); err != nil {
		t.Fatal(err)
	} else if indexDigest(files) != got {
		t.Fatal("the index written by an Index that remembers differs from the one-off write's")
	}
	path := filepath.Join("testdata", "index.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("index differs from %s at line %d:\n got %s\nwant %s", path, i+1, g[i], w[i])
			}
		}
		t.Fatalf("index differs from %s: %d lines, want %d", path, len(g), len(w))
	}
}

// analyzeAll analyses docs with ix, in order, failing tb on an error.
func analyzeAll(tb testing.TB, ix *Index, docs []Document) []*Doc {
	tb.Helper()
	ds := make([]*Doc, len(docs))
	for i := range docs {
		d, err := ix.Analyze(&docs[i])
		if err != nil {
			tb.Fatal(err)
		}
		ds[i] = d
	}
	return ds
}
