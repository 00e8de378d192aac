package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The live reload protocol, spoken on EventsURL as Server-Sent Events. Every
// client first gets the current state: "ok" with the build id, followed by
// "warnings" with the last good build's (an empty list when it has none,
// and nothing from a Builder that keeps no warnings), or "error" (or
// "unbuilt") with the error lines. After that:
//
//	reload   data: build id      a build changed the site: reload the page
//	css      data: build id      only stylesheets changed: swap them in place
//	error    data: list of lines a build failed: show them (the last good site stays)
//	unbuilt  data: list of lines a build failed and none has succeeded since the server
//	                             started: show them, saying there is no site to show yet
//	ok       data: build id      a build succeeded after a failure: clear and reload
//	warnings data: list of lines a good build's warnings changed: show them
//	                             in the warnings panel ([] when none is left)
//
// A good build sends "warnings" after its own event, and only when they
// differ from the last good build's. Each line is a warning as mutual build
// prints it: "path:line:col: warning: message".
//
// Every data field is one line of JSON (a string, or an array of strings
// for "error", "unbuilt" and "warnings"), and event names come from the
// fixed set above. So nothing a site holds can end a field or start
// another one: an error line naming a file called "x\revent: reload\r\r.md"
// arrives as that name, escaped, instead of a "reload" event (a browser
// ends a line at CR, LF or CR LF).
//
// A build id is unique per server process, so a browser that reconnects to a
// restarted server (or to this one after missing builds) sees a new id in the
// first "ok" and reloads.
const (
	evReload = "reload"
	evCSS    = "css"
	evError  = "error"
	evNone   = "unbuilt"
	evOK     = "ok"
	evWarn   = "warnings"
)

// event is one message of the stream: a name from the set above and its
// data, which write encodes as JSON.
type event struct {
	name string
	data any // string (build id) or []string (error or warning lines)
}

// write formats ev as one SSE message. It panics on a name outside the
// protocol: names are the server's own, never taken from a site.
func (ev event) write(b *strings.Builder) {
	switch ev.name {
	case evReload, evCSS, evError, evNone, evOK, evWarn:
	default:
		panic(fmt.Sprintf("serve: event name %q is not part of the protocol", ev.name))
	}
	data, err := json.Marshal(ev.data)
	if err != nil {
		panic(fmt.Sprintf("serve: event data %T: %v", ev.data, err)) // strings and lists of them always encode
	}
	// json.Marshal escapes every control character, CR and LF among them,
	// so data is one line.
	b.WriteString("event: " + ev.name + "\ndata: ")
	b.Write(data)
	b.WriteString("\n\n")
}

// clientBuffer is how many events a slow client may fall behind before it is
// dropped; its browser reconnects and catches up from the state.
const clientBuffer = 16

// heartbeat keeps idle connections open through proxies and notices clients
// that went away.
const heartbeat = 20 * time.Second

// MaxStreams is how many live reload streams (open preview pages) the
// server keeps at once. One more is answered 503, and its page tries again
// later and later (livereload.js), so that whatever opens streams without
// end cannot use up the connections and file descriptors a rebuild needs.
const MaxStreams = 64

// broker fans events out to the connected browsers and remembers the state
// a new one starts from.
type broker struct {
	max      int // open streams at most
	mu       sync.Mutex
	state    event
	warnings []string // the last good build's warning lines; nil until known
	clients  map[chan event]struct{}
	closed   bool
	done     chan struct{}
}

func newBroker(state event, max int) *broker {
	return &broker{max: max, state: state, clients: make(map[chan event]struct{}), done: make(chan struct{})}
}

// publish sends ev to every client and makes state the state for new ones.
func (b *broker) publish(ev, state event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.state = state
	b.send(ev)
}

// warn sends a good build's warning lines to every client (none: the panel
// goes) and keeps them for new ones, which get them after an "ok" state.
// A browser that reloads when none is left learns so from that state.
func (b *broker) warn(lines []string) {
	if lines == nil {
		lines = []string{} // JSON [], not null
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.warnings = lines
	b.send(event{evWarn, lines})
}

// send gives ev to every client; b.mu is held.
func (b *broker) send(ev event) {
	for ch := range b.clients {
		select {
		case ch <- ev:
		default: // too far behind: drop it, it reconnects
			delete(b.clients, ch)
			close(ch)
		}
	}
}

// Why subscribe refused a stream.
var (
	errStopping = errors.New("the server is stopping")
	errFull     = errors.New("too many live reload streams")
)

// subscribe adds a client and returns what it starts from: the state, then
// the warnings of the last good build unless the state is an error (the
// error overlay is what a broken build shows).
func (b *broker) subscribe() (chan event, []event, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, nil, errStopping
	}
	if len(b.clients) >= b.max {
		return nil, nil, errFull
	}
	ch := make(chan event, clientBuffer)
	b.clients[ch] = struct{}{}
	state := []event{b.state}
	if b.state.name != evError && b.state.name != evNone && b.warnings != nil {
		state = append(state, event{evWarn, b.warnings})
	}
	return ch, state, nil
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
		return // a stream has no end to measure
	}
	ch, state, err := b.subscribe()
	switch err {
	case errStopping:
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	case errFull:
		// Close the connection too: its file descriptor is what the cap
		// protects.
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", "10")
		http.Error(w, fmt.Sprintf("too many pages are following this preview (%d): this one tries again later; close some preview tabs", b.max), http.StatusServiceUnavailable)
		return
	}
	defer b.unsubscribe(ch)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	var msg strings.Builder
	msg.WriteString("retry: 1000\n\n")
	for _, ev := range state {
		ev.write(&msg)
	}
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
