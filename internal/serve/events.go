package serve

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The live reload protocol, spoken on EventsURL as Server-Sent Events. Every
// client first gets the current state: "ok" with the build id, or "error"
// with the error lines. After that:
//
//	reload  data: build id   a build changed the site: reload the page
//	css     data: build id   only stylesheets changed: swap them in place
//	error   data: lines      a build failed: show them (the last good site stays)
//	ok      data: build id   a build succeeded after a failure: clear and reload
//
// A build id is unique per server process, so a browser that reconnects to a
// restarted server (or to this one after missing builds) sees a new id in the
// first "ok" and reloads.
const (
	evReload = "reload"
	evCSS    = "css"
	evError  = "error"
	evOK     = "ok"
)

type event struct{ name, data string }

// write formats ev as one SSE message; every line of data gets its own
// "data:" field, which the browser joins back with newlines.
func (ev event) write(b *strings.Builder) {
	fmt.Fprintf(b, "event: %s\n", ev.name)
	for line := range strings.SplitSeq(ev.data, "\n") {
		fmt.Fprintf(b, "data: %s\n", line)
	}
	b.WriteByte('\n')
}

// clientBuffer is how many events a slow client may fall behind before it is
// dropped; its browser reconnects and catches up from the state.
const clientBuffer = 16

// heartbeat keeps idle connections open through proxies and notices clients
// that went away.
const heartbeat = 20 * time.Second

// broker fans events out to the connected browsers and remembers the state
// a new one starts from.
type broker struct {
	mu      sync.Mutex
	state   event
	clients map[chan event]struct{}
	closed  bool
	done    chan struct{}
}

func newBroker(state event) *broker {
	return &broker{state: state, clients: make(map[chan event]struct{}), done: make(chan struct{})}
}

// publish sends ev to every client and makes state the state for new ones.
func (b *broker) publish(ev, state event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.state = state
	for ch := range b.clients {
		select {
		case ch <- ev:
		default: // too far behind: drop it, it reconnects
			delete(b.clients, ch)
			close(ch)
		}
	}
}

func (b *broker) subscribe() (chan event, event, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, event{}, false
	}
	ch := make(chan event, clientBuffer)
	b.clients[ch] = struct{}{}
	return ch, b.state, true
}

func (b *broker) unsubscribe(ch chan event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[ch]; ok {
		delete(b.clients, ch)
		close(ch)
	}
}

// close ends every stream, so an http.Server shutdown does not wait for them.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	close(b.done)
	for ch := range b.clients {
		delete(b.clients, ch)
		close(ch)
	}
}

func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		return // a stream has no end to measure
	}
	ch, state, ok := b.subscribe()
	if !ok {
		http.Error(w, "server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer b.unsubscribe(ch)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	var msg strings.Builder
	msg.WriteString("retry: 1000\n\n")
	state.write(&msg)
	send := func() bool {
		_, err := w.Write([]byte(msg.String()))
		msg.Reset()
		return err == nil && rc.Flush() == nil
	}
	if !send() {
		return
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-b.done:
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			ev.write(&msg)
		case <-tick.C:
			msg.WriteString(": ping\n\n")
		}
		if !send() {
			return
		}
	}
}
