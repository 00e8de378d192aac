// Package gctune sets the garbage collector's policy for a one-off build.
//
// A build allocates gigabytes that die young (mostly inside chroma's lexers)
// while keeping tens of megabytes live. Under the default policy the
// collector runs every few dozen megabytes and marks the same live data each
// time. So, by the live heap the last collection measured:
//
//   - small sites (under Low): proportional collection (GOGC 200), which
//     keeps their memory small; the collector costs them little anyway;
//   - larger ones: collection only when the heap nears the soft limit, a
//     few times as seldom for the same peak memory (set by the early part of
//     the build, when every source is in memory);
//   - once the live heap passes half the limit: proportional collection
//     with no limit, since near the limit the collector would run nearly
//     all the time.
package gctune

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"time"
)

// Proportional is the GOGC of small sites and of sites that outgrow the
// limit.
const Proportional = 200

// Low is the live heap above which collection waits for the limit.
const Low = 24 << 20

// Start applies the policy with the given soft limit in bytes and returns
// a function that stops watching the heap. GOGC or GOMEMLIMIT set in the
// environment win: then nothing is changed; so does
// MUTUAL_BENCH_WITHOUT=gctune, with which make bench measures what the
// policy saves.
func Start(limit int64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" ||
		strings.Contains(","+os.Getenv("MUTUAL_BENCH_WITHOUT")+",", ",gctune,") {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(Proportional)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { watch(Low, limit/2, 20*time.Millisecond, done) })
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
}

// watch moves from proportional collection to collection at the limit
// once the live heap measured by the last collection passes low, and to
// proportional collection with no limit once it passes high.
func watch(low, high int64, every time.Duration, done <-chan struct{}) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(every)
	defer t.Stop()
	atLimit := false
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		live := sample[0].Value.Uint64()
		if live > uint64(high) {
			debug.SetGCPercent(Proportional)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		if !atLimit && live > uint64(low) {
			debug.SetGCPercent(-1)
			atLimit = true
		}
	}
}
