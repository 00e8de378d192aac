package search

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSortTerms: term ids sorted on any number of cores are in the order
// of their terms' bytes.
func TestSortTerms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5000, 9000, 40000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("%x", r.Uint64()>>r.IntN(64))
		}
		keys = slices.Compact(slices.Sorted(slices.Values(keys)))
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		want := make([]uint32, len(keys))
		for i := range want {
			want[i] = uint32(i)
		}
		slices.SortFunc(want, func(a, b uint32) int { return strings.Compare(keys[a], keys[b]) })
		for _, procs := range []int{1, 2, 3, 5, 8} {
			ids := make([]uint32, len(keys))
			for i := range ids {
				ids[i] = uint32(len(ids) - 1 - i)
			}
			old := runtime.GOMAXPROCS(procs)
			sortTerms(ids, keys)
			runtime.GOMAXPROCS(old)
			if !slices.Equal(ids, want) {
				t.Fatalf("%d terms on %d cores: not in order", len(keys), procs)
			}
		}
	}
}

// FuzzLevel: quantizer.level, which guesses then steps, gives the level a
// search of the bounds gives.
func FuzzLevel(f *testing.F) {
	f.Add(0.01, 20.0, 1.0)
	f.Add(1e-9, 1e9, 0.0)
	f.Add(3.0, 3.0, 3.0)
	f.Add(0.5, 7.0, math.Inf(1))
	f.Fuzz(func(t *testing.T, lo, hi, v float64) {
		if !(lo > 0 && hi >= lo) || math.IsInf(hi, 0) {
			return
		}
		s := scorer{min: lo, max: hi}
		q := s.quantizer()
		// The search the level was found by before.
		i, j := 0, len(q.bounds)
		for i < j {
			mid := (i + j) / 2
			if v >= q.bounds[mid] {
				i = mid + 1
			} else {
				j = mid
			}
		}
		if got, want := q.level(v), byte(i+1); got != want {
			t.Fatalf("level(%v) between %v and %v = %d, want %d", v, lo, hi, got, want)
		}
	})
}

// TestWriteFilesStopsAtPutError: the first error of put is what
// WriteFiles returns, and no file is handed over after it (but those
// other cores were handing over then), the manifest least of all.
func TestWriteFilesStopsAtPutError(t *testing.T) {
	docs := testCorpus()
	ix := NewIndex()
	ds := analyzeAll(t, ix, docs)
	full := 0
	if err := ix.WriteFiles(ds, func(string, []byte) error { full++; return nil }); err != nil {
		t.Fatal(err)
	}
	if full < 3 {
		t.Fatalf("the test corpus's index has %d files, want more than 2", full)
	}
	disk := errors.New("disk full")
	var mu sync.Mutex
	calls := 0
	err := ix.WriteFiles(ds, func(name string, _ []byte) error {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if strings.HasSuffix(name, "manifest.json") {
			t.Errorf("the manifest was handed over after put failed")
		}
		return disk
	})
	if !errors.Is(err, disk) {
		t.Fatalf("WriteFiles returned %v, want put's error", err)
	}
	// Each core may have had one put under way when the first failed.
	if calls > runtime.GOMAXPROCS(0) {
		t.Errorf("put was called %d times, on %d cores: not stopped at its first error", calls, runtime.GOMAXPROCS(0))
	}
}
