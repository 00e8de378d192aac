package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/site"
	"mutual/internal/testio"
)

// BenchmarkEditToReload times one edit of a page on disk to the "reload"
// event a browser gets, through everything mutual serve does in between:
// fsnotify, the debounce, the incremental build and the event stream over
// loopback. It reports the median and the 90th percentile besides the mean,
// and serve-median-ms: the median of the same minus the build's own time,
// which is what serve adds (mostly the DefaultQuiet debounce); and the
// growth of the live heap across the edits (run -benchtime 200x to see that
// it stays flat).
// `make bench` (package bench) measures the same on the 1,000 and 10,000
// page corpora, with the heap across 200 edits.
func BenchmarkEditToReload(b *testing.B) {
	for _, pages := range []int{100, 1000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			dir := b.TempDir()
			if err := benchcorpus.Write(dir, pages, 1); err != nil {
				b.Fatal(err)
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			bld := site.New(site.Options{Dir: dir, Out: filepath.Join(b.TempDir(), "public"), Scripts: []string{ScriptURL}, Watch: true, DeferIndex: true})
			var stderr testio.Buffer
			tb := &timedBuilder{Builder: bld}
			s := New(tb, Options{Stderr: &stderr})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() {
				cancel()
				<-done
			}()
			c := dialEvents(b, "http://"+ln.Addr().String())
			if ev := c.next(); ev.name != evOK {
				b.Fatalf("first event %+v; server said %s", ev, stderr.String())
			}
			if ev := c.next(); ev.name != evWarn {
				b.Fatalf("second event %+v, want the warnings; server said %s", ev, stderr.String())
			}
			var times, overhead []time.Duration
			heap0 := liveHeap()
			k := 0
			for b.Loop() {
				p := filepath.Join(dir, filepath.FromSlash(benchcorpus.PageRel(k*7919%pages)))
				src, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := os.WriteFile(p, fmt.Appendf(src, "\nEdit %d adds a sentence.\n", k), 0o644); err != nil {
					b.Fatal(err)
				}
				ev := c.next()
				for ev.name == evWarn { // an edit may bring one, or fix one
					ev = c.next()
				}
				if ev.name != evReload {
					b.Fatalf("after edit %d: %+v; server said %s", k, ev, stderr.String())
				}
				d := time.Since(start)
				times = append(times, d)
				overhead = append(overhead, d-time.Duration(tb.nanos.Load()))
				k++
				// The search index is written after the reload (DeferIndex):
				// wait for it outside the time, as a person saves seconds apart.
				if err := bld.Wait(); err != nil {
					b.Fatal(err)
				}
			}
			heap1 := liveHeap()
			slices.Sort(times)
			slices.Sort(overhead)
			b.ReportMetric((float64(heap1)-float64(heap0))/1024, "heap-growth-KiB")
			b.ReportMetric(float64(times[len(times)/2])/1e6, "median-ms")
			b.ReportMetric(float64(times[len(times)*9/10])/1e6, "p90-ms")
			b.ReportMetric(float64(overhead[len(overhead)/2])/1e6, "serve-median-ms")
		})
	}
}

// timedBuilder records how long the last Build took.
type timedBuilder struct {
	Builder
	nanos atomic.Int64
}

func (t *timedBuilder) Build() (*site.Stats, error) {
	start := time.Now()
	st, err := t.Builder.Build()
	t.nanos.Store(int64(time.Since(start)))
	return st, err
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
