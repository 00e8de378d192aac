package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// restore puts the collector back as the test binary had it.
func restore(t *testing.T) {
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
}

func TestStart(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	stop := Start(256 << 20)
	defer stop()
	if got := debug.SetGCPercent(Proportional); got != Proportional {
		t.Errorf("GOGC = %d, want %d while the live heap is small", got, Proportional)
	}
	if got := debug.SetMemoryLimit(-1); got != 256<<20 {
		t.Errorf("memory limit = %d, want %d", got, 256<<20)
	}
}

func TestEnvironmentWins(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "50")
	stop := Start(256 << 20)
	defer stop()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GOGC = %d, want the 100 the test set: GOGC in the environment must win", got)
	}
}

var keep [][]byte

// TestWatch keeps 8 MiB live and moves the thresholds around it.
func TestWatch(t *testing.T) {
	tests := []struct {
		name      string
		low, high int64
		ends      bool // the watcher stops by itself
		gogc      int
		limit     int64
	}{
		{"small", 64 << 20, 128 << 20, false, Proportional, 1 << 30},
		{"medium", 1 << 20, 128 << 20, false, -1, 1 << 30},
		{"large", 1 << 20, 2 << 20, true, Proportional, math.MaxInt64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			restore(t)
			debug.SetGCPercent(Proportional)
			debug.SetMemoryLimit(1 << 30)
			for range 8 {
				keep = append(keep, make([]byte, 1<<20))
			}
			defer func() { keep = nil }()
			runtime.GC() // the live heap the watcher reads
			done := make(chan struct{})
			finished := make(chan struct{})
			go func() { watch(tc.low, tc.high, time.Millisecond, done); close(finished) }()
			if tc.ends {
				select {
				case <-finished:
				case <-time.After(10 * time.Second):
					close(done)
					t.Fatal("the watcher did not stop")
				}
			} else {
				time.Sleep(50 * time.Millisecond)
				close(done)
				<-finished
			}
			if got := debug.SetGCPercent(Proportional); got != tc.gogc {
				t.Errorf("GOGC = %d, want %d", got, tc.gogc)
			}
			if got := debug.SetMemoryLimit(-1); got != tc.limit {
				t.Errorf("memory limit = %d, want %d", got, tc.limit)
			}
		})
	}
}
