package serve

import (
	"slices"
	"time"
)

// DefaultQuiet is how long the file system must stay quiet before a batch of
// changes is handed on. Editors save in a burst of events (a temp file, a
// rename, a chmod, a backup removed) that lasts a millisecond or two; 20 ms
// covers the burst with room to spare and leaves most of a 50 ms
// edit-to-reload budget to the rebuild.
const DefaultQuiet = 20 * time.Millisecond

// debounce collects paths from in and sends them on out as one sorted,
// deduplicated batch once no path has arrived for quiet. While the receiver is
// busy (a rebuild is running), new paths join the pending batch and restart
// the quiet time, so a burst is never split and nothing is lost. It returns
// when in is closed or done is closed.
func debounce(in <-chan string, out chan<- []string, quiet time.Duration, done <-chan struct{}) {
	pending := make(map[string]struct{})
	timer := time.NewTimer(quiet)
	timer.Stop()
	defer timer.Stop()
	var (
		timerC <-chan time.Time
		sendC  chan<- []string // nil until the batch is ready
		batch  []string
	)
	for {
		select {
		case p, ok := <-in:
			if !ok {
				return
			}
			pending[p] = struct{}{}
			sendC, batch = nil, nil
			timer.Reset(quiet)
			timerC = timer.C
		case <-timerC:
			timerC = nil
			if len(pending) > 0 {
				batch = make([]string, 0, len(pending))
				for p := range pending {
					batch = append(batch, p)
				}
				slices.Sort(batch)
				sendC = out
			}
		case sendC <- batch:
			clear(pending)
			sendC, batch = nil, nil
		case <-done:
			return
		}
	}
}
