package site

import (
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"mutual/internal/testio"
)

// TestProgress checks that a build shows its progress only once it has
// taken a second, and clears the line when it ends.
func TestProgress(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out testio.Buffer
		var done atomic.Int64
		stop := progress(&out, time.Now(), 40, &done)
		stopped := false
		defer func() {
			if !stopped {
				stop()
			}
		}()
		done.Store(10)
		time.Sleep(900 * time.Millisecond)
		synctest.Wait()
		if out.Len() != 0 {
			t.Fatalf("progress before a second: %q", out.String())
		}
		time.Sleep(200 * time.Millisecond)
		synctest.Wait()
		if got := out.String(); !strings.Contains(got, "building: 10/40 pages (1s)") {
			t.Fatalf("got %q", got)
		}
		done.Store(40)
		time.Sleep(250 * time.Millisecond)
		synctest.Wait()
		stop()
		stopped = true
		if got := out.String(); !strings.Contains(got, "building: 40/40 pages") || !strings.HasSuffix(got, "\r\033[K") {
			t.Fatalf("got %q", got)
		}
	})
	// A short build prints nothing at all.
	synctest.Test(t, func(t *testing.T) {
		var out testio.Buffer
		var done atomic.Int64
		stop := progress(&out, time.Now(), 40, &done)
		time.Sleep(500 * time.Millisecond)
		stop()
		if out.Len() != 0 {
			t.Fatalf("a short build printed %q", out.String())
		}
	})
}
