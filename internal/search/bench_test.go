package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/markdown"
)

// The search figures of make bench, measured on the generated corpus:
//
//	go test -run XX -bench Index -benchtime 1x ./internal/search
//
// MUTUAL_SEARCH_PAGES sets the number of pages (default 10000); the corpus
// is kept in $TMPDIR/mutual-search-bench-N. It prints the index's build
// time, its size (files and bytes as stored, which is what a host serves),
// and for the sample sessions the bytes each query fetches with an empty
// cache first and then with what the earlier queries loaded.

// benchSessions are the sample queries: three in a row, as one person
// searching three times on one page, and a word typed letter by letter
// (each keystroke a query, the worst case: search.js waits for a pause).
var benchSessions = [][]string{
	{"partner listens", "gratitude apology", `"repairs trust"`},
	{"g", "gr", "gra", "grat", "gratitude", "gratitude r", "gratitude re", "gratitude rep", "gratitude repair"},
	{"recieve kindnes"},
}

// benchPages is MUTUAL_SEARCH_PAGES, the number of bench pages to index
// (10,000 unless it says otherwise).
func benchPages(b *testing.B) int {
	s := os.Getenv("MUTUAL_SEARCH_PAGES")
	if s == "" {
		return 10000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("MUTUAL_SEARCH_PAGES=%q", s)
	}
	return n
}

func BenchmarkIndex(b *testing.B) {
	docs := benchDocs(b, benchPages(b))
	words := 0
	for _, d := range docs {
		for _, p := range Parts(d.Body) {
			words += len(strings.Fields(p.Text))
		}
	}
	var files map[string][]byte
	var err error
	var analyse, write, cpu, writeCPU time.Duration
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		// As in a build: every page analysed on the core that rendered it
		// (here: on every core), then the index written once.
		ix := NewIndex()
		ds := make([]*Doc, len(docs))
		t0, c0 := time.Now(), cpuTime()
		var wg sync.WaitGroup
		var next atomic.Int64
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(docs) {
						return
					}
					d, err := ix.Analyze(&docs[i])
					if err != nil {
						b.Error(err)
					}
					ds[i] = d
				}
			})
		}
		wg.Wait()
		t1, c1 := time.Now(), cpuTime()
		files, err = ix.Write(ds)
		if err != nil {
			b.Fatal(err)
		}
		analyse += t1.Sub(t0)
		write += time.Since(t1)
		c2 := cpuTime()
		cpu += c2 - c0
		writeCPU += c2 - c1
	}
	b.StopTimer()
	n := time.Duration(b.N)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64((analyse+write)/n)/1e6, "index-ms")
	b.ReportMetric(float64(cpu/n)/1e6, "index-cpu-ms")
	// The write alone: in a build it runs once every page is rendered,
	// so its wall time adds to the build's.
	b.ReportMetric(float64(write/n)/1e6, "write-ms")
	b.ReportMetric(float64(writeCPU/n)/1e6, "write-cpu-ms")

	total, served := 0, 0
	kinds := map[string][3]int{}
	for name, f := range files {
		total += len(f)
		s := servedSize(name, f)
		served += s
		k := strings.Split(name, "/")[1]
		c := kinds[k]
		kinds[k] = [3]int{c[0] + 1, c[1] + len(f), c[2] + s}
	}
	b.ReportMetric(float64(total)/1e6, "index-MB")
	b.ReportMetric(float64(len(files)), "files")
	fmt.Printf("search index of %d pages (%d words of body text): analysed in %v (wall, on %d cores), written in %v; %v of CPU time; %d files, %.1f MB stored, %.1f MB served compressed; %.0f MB allocated per build\n",
		len(docs), words, (analyse / n).Round(time.Millisecond), runtime.GOMAXPROCS(0), (write / n).Round(time.Millisecond), (cpu / n).Round(time.Millisecond),
		len(files), float64(total)/1e6, float64(served)/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6/float64(b.N))
	d := indexDigest(files)
	fmt.Printf("  digest of every file: %s", d[strings.LastIndex(d[:len(d)-1], "\n")+1:])
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("  %-14s %6d files %9.1f KB stored %9.1f KB served\n", k, kinds[k][0], float64(kinds[k][1])/1e3, float64(kinds[k][2])/1e3)
	}

	dir := filepath.Join(b.TempDir(), "index")
	for name, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f, 0o644)
	}
	res := querySessions(b, filepath.Join(dir, "en"), benchSessions, 8)
	for i, session := range res {
		sum := 0
		for j, a := range session {
			sv := 0
			for _, f := range a.Files {
				sv += servedSize(f, files["en/"+f])
			}
			sum += sv
			fmt.Printf("  session %d query %d %-22q %6.1f KB served (%6.1f KB stored) in %2d files, %5d results, %6.1f ms in Node (first: %s)\n",
				i+1, j+1, a.Q, float64(sv)/1e3, float64(a.Bytes)/1e3, len(a.Files), a.Total, a.Ms, firstURL(a))
			if i == 0 {
				b.ReportMetric(float64(sv)/1e3, fmt.Sprintf("q%d-KB", j+1))
			}
		}
		fmt.Printf("  session %d: %.1f KB in all\n", i+1, float64(sum)/1e3)
	}
}

// servedSize is what a static host transfers for an index file: JSON
// gzip-compressed (level 6, as hosts commonly do), the dense .bin files as
// they are (hosts do not compress application/octet-stream).
func servedSize(name string, data []byte) int {
	if !strings.HasSuffix(name, ".json") {
		return len(data)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// cpuTime is the CPU time (user and system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func firstURL(a jsAnswer) string {
	if len(a.Results) == 0 {
		return "none"
	}
	return a.Results[0].URL
}

// benchDocs writes (or reuses) the corpus and turns its guide pages into
// Documents the way the site will: the body rendered by the markdown
// package, then split by Parts.
func benchDocs(b testing.TB, pages int) []Document {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("mutual-search-bench-%d", pages))
	const seed = 1
	if !benchcorpus.Current(dir, pages, seed) {
		if err := benchcorpus.Write(dir, pages, seed); err != nil {
			b.Fatal(err)
		}
	}
	md := markdown.New(markdown.Options{})
	docs := make([]Document, pages)
	var wg sync.WaitGroup
	next := make(chan int)
	errs := make(chan error, 1)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				rel := benchcorpus.PageRel(i)
				src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
				if err != nil {
					select {
					case errs <- err:
					default:
					}
					continue
				}
				fm, body, lines := splitFrontMatter(string(src))
				buf.Reset()
				if _, err := md.Render(&buf, []byte(body), markdown.Context{Path: rel, LineOffset: lines}); err != nil {
					select {
					case errs <- err:
					default:
					}
					continue
				}
				url := "/" + strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/"
				docs[i] = Document{
					URL: url, Title: fm["title"], Description: fm["description"], Language: "en",
					Section: "Section " + strings.TrimPrefix(strings.Split(rel, "/")[2], "s"),
					Tags:    strings.Split(strings.Trim(fm["tags"], "[]"), ", "),
					Body:    buf.String(),
				}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		b.Fatal(err)
	default:
	}
	return docs
}

// splitFrontMatter reads the corpus's one-line `key: value` front matter
// (values quoted with Go's %q).
func splitFrontMatter(src string) (map[string]string, string, int) {
	fm := map[string]string{}
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return fm, src, 0
	}
	head, body, _ := strings.Cut(rest, "\n---\n")
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ": ")
		if u, err := strconv.Unquote(v); err == nil {
			v = u
		}
		fm[k] = v
	}
	return fm, body, strings.Count(head, "\n") + 3
}

// BenchmarkAnalyze is the analysis alone, on one core: each op analyses
// the first 1,000 pages of the bench corpus (as the render workers do, one
// page at a time), reporting the time per word of body text.
//
//	go test -run XX -bench Analyze -count 6 ./internal/search
func BenchmarkAnalyze(b *testing.B) {
	docs := benchDocs(b, 1000)
	words := 0
	for _, d := range docs {
		for _, p := range Parts(d.Body) {
			words += len(strings.Fields(p.Text))
		}
	}
	ix := NewIndex()
	b.ResetTimer()
	c0, n := cpuTime(), 0
	for b.Loop() {
		n++
		for i := range docs {
			if _, err := ix.Analyze(&docs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	// CPU time too (over every round b.Loop ran): on a shared machine it
	// varies much less than the wall time. It includes the garbage
	// collector's work on idle cores: -cpu 1 leaves none.
	cpu := cpuTime() - c0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(words), "ns/word")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n)/float64(words), "cpu-ns/word")
}

// BenchmarkWrite is the index write alone (Index.Write, and
// Index.WriteFiles as a build calls it, of the bench corpus's documents,
// analysed once): in a build it runs once every page is rendered, so its
// wall time adds to the build's. MUTUAL_SEARCH_PAGES sets the number of
// pages (10,000).
func BenchmarkWrite(b *testing.B) {
	docs := benchDocs(b, benchPages(b))
	ix := NewIndex()
	ds := analyzeAll(b, ix, docs)
	docs = nil
	// Write returns the files; WriteFiles, as a build calls it, hands
	// each to a put (here one that only reads its length) and makes the
	// next in the same arrays.
	for _, files := range []bool{false, true} {
		name := "Write"
		if files {
			name = "WriteFiles"
		}
		b.Run(name, func(b *testing.B) {
			runtime.GC()
			b.ReportAllocs()
			c0, n, size := cpuTime(), 0, 0
			for b.Loop() {
				n++
				var err error
				if files {
					var mu sync.Mutex
					err = ix.WriteFiles(ds, func(_ string, f []byte) error {
						mu.Lock()
						size += len(f)
						mu.Unlock()
						return nil
					})
				} else {
					_, err = ix.Write(ds)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - c0
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/1e6, "write-ms")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(n)/1e6, "write-cpu-ms")
		})
	}
}

// BenchmarkExtract is the read of the rendered bodies alone (the
// extractor's pass over the first 1,000 bench pages' HTML, split into
// parts, with each part's passage and heading collapsed and written as
// the bundles hold them), reporting its speed in bytes of HTML a second.
//
//	go test -run XX -bench Extract -count 6 ./internal/search
func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b, 1000)
	size := 0
	for _, d := range docs {
		size += len(d.Body)
	}
	var x extractor
	var show, out []byte
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			x.parts(docs[i].Body, func(anchor string, heading, text []byte) {
				show = collapse(show[:0], heading, -1)
				out = appendJSON(out[:0], bytesString(show))
				show = collapse(show[:0], text, passageBytes)
				out = appendJSON(out, bytesString(show))
			})
		}
	}
}
