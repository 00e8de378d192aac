package serve

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

func TestDebounce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := make(chan string)
		out := make(chan []string)
		done := make(chan struct{})
		defer close(done)
		go debounce(in, out, 40*time.Millisecond, done)

		received := func() []string {
			t.Helper()
			synctest.Wait()
			select {
			case b := <-out:
				return b
			default:
				return nil
			}
		}

		// A save is a burst: no batch while it lasts, one batch after.
		in <- "/s/b.md"
		time.Sleep(10 * time.Millisecond)
		in <- "/s/a.md"
		time.Sleep(39 * time.Millisecond)
		in <- "/s/b.md"
		if got := received(); got != nil {
			t.Fatalf("batch before the quiet time: %v", got)
		}
		time.Sleep(39 * time.Millisecond)
		if got := received(); got != nil {
			t.Fatalf("batch 39ms after the last event: %v", got)
		}
		time.Sleep(1 * time.Millisecond)
		if got, want := received(), []string{"/s/a.md", "/s/b.md"}; !slices.Equal(got, want) {
			t.Fatalf("batch = %v, want %v", got, want)
		}
		time.Sleep(time.Second)
		if got := received(); got != nil {
			t.Fatalf("second batch without events: %v", got)
		}

		// While the receiver is busy, new paths join the pending batch and
		// restart the quiet time; nothing is lost or split.
		in <- "/s/c.md"
		time.Sleep(100 * time.Millisecond) // ready, but nobody receives
		in <- "/s/d.md"
		time.Sleep(20 * time.Millisecond)
		if got := received(); got != nil {
			t.Fatalf("batch before the quiet time after a late event: %v", got)
		}
		time.Sleep(20 * time.Millisecond)
		if got, want := received(), []string{"/s/c.md", "/s/d.md"}; !slices.Equal(got, want) {
			t.Fatalf("batch = %v, want %v", got, want)
		}
	})
}

func TestDebounceStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in := make(chan string)
		out := make(chan []string)
		done := make(chan struct{})
		ended := make(chan struct{})
		go func() { debounce(in, out, time.Millisecond, done); close(ended) }()
		in <- "/x"
		time.Sleep(time.Second) // batch ready, never received
		close(done)
		synctest.Wait()
		select {
		case <-ended:
		default:
			t.Fatal("debounce still running after done was closed")
		}
	})
}
