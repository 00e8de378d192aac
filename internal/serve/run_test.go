package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"mutual/internal/site"
	"mutual/internal/testio"
)

// stuckBuilder is a Builder whose builds from number hang on onward wait
// until release is closed: a build caught in an endless loop, or a very
// slow one. It records what each build was told had changed.
type stuckBuilder struct {
	out, watch string
	hangFrom   int           // the first build (1-based) that waits for release
	started    chan int      // receives each build's number as it starts
	release    chan struct{} // closed to let waiting builds end

	mu    sync.Mutex
	n     int
	hint  []string
	hints [][]string // per build, from the second
}

func newStuckBuilder(t *testing.T, out string, hangFrom int) *stuckBuilder {
	b := &stuckBuilder{out: out, watch: t.TempDir(), hangFrom: hangFrom, started: make(chan int, 16), release: make(chan struct{})}
	t.Cleanup(b.free)
	return b
}

var freeMu sync.Mutex

// free lets every waiting build end (once).
func (b *stuckBuilder) free() {
	freeMu.Lock()
	defer freeMu.Unlock()
	select {
	case <-b.release:
	default:
		close(b.release)
	}
}

func (b *stuckBuilder) Build() (*site.Stats, error) {
	b.mu.Lock()
	b.n++
	n := b.n
	if n > 1 {
		b.hints = append(b.hints, b.hint)
	}
	b.hint = nil
	b.mu.Unlock()
	b.started <- n
	if n >= b.hangFrom {
		<-b.release
	}
	return &site.Stats{Changed: []string{"index.html"}}, nil
}

func (b *stuckBuilder) Changed(paths []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hint = append(b.hint, paths...)
}

func (b *stuckBuilder) WatchDirs() []string { return []string{b.watch} }
func (b *stuckBuilder) Out() string         { return b.out }
func (b *stuckBuilder) NotFound() string    { return "404.html" }

func (b *stuckBuilder) waitStart(t *testing.T, want int) {
	t.Helper()
	select {
	case n := <-b.started:
		if n != want {
			t.Fatalf("build %d started, want %d", n, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("build %d did not start", want)
	}
}

// runServer starts s.Run on a loopback port and returns the base URL,
// cancel and the channel Run's result arrives on.
func runServer(t *testing.T, s *Server) (base string, cancel func(), done chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done = make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	return "http://" + ln.Addr().String(), cancel, done
}

func waitRun(t *testing.T, done chan error, within time.Duration) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v", err)
		}
	case <-time.After(within):
		t.Fatalf("Run did not return within %v of the stop", within)
	}
}

// A build that never ends (an endless loop in a lexer, say) cannot be
// stopped, but Run must not wait for it: stopping returns at once, whether
// the stuck build is the first one or a rebuild.
func TestRunStopsDuringStuckBuild(t *testing.T) {
	for _, hangFrom := range []int{1, 2} {
		out, _ := testSite(t)
		b := newStuckBuilder(t, out, hangFrom)
		var stderr testio.Buffer
		s := New(b, Options{Stderr: &stderr, Quiet: 5 * time.Millisecond})
		_, cancel, done := runServer(t, s)
		b.waitStart(t, 1)
		if hangFrom == 2 {
			mkfile(t, filepath.Join(b.watch, "a.md"), "edited")
			b.waitStart(t, 2)
			// More saves while it hangs: queued, not lost, and no reason
			// to wait either.
			mkfile(t, filepath.Join(b.watch, "b.md"), "edited")
			time.Sleep(30 * time.Millisecond)
		}
		cancel()
		waitRun(t, done, 3*time.Second)
		if !strings.Contains(stderr.String(), "stopped without waiting for the build") {
			t.Errorf("build %d stuck: stderr = %q", hangFrom, stderr.String())
		}
	}
}

// Saves made while a build runs are not lost and do not pile up: they are
// built together, in one build, once the running one ends. A long build
// says so on the terminal.
func TestRunQueuesSavesDuringSlowBuild(t *testing.T) {
	out, _ := testSite(t)
	b := newStuckBuilder(t, out, 2)
	var stderr testio.Buffer
	// A quiet time well above a save's own events (create, then write),
	// which a loaded machine can space by several milliseconds: with 5
	// ms, a.md's write could come after build 2 started on its creation.
	s := New(b, Options{Stderr: &stderr, Quiet: 25 * time.Millisecond})
	s.slowAfter = 50 * time.Millisecond
	base, cancel, done := runServer(t, s)
	b.waitStart(t, 1)
	c := dialEvents(t, base)
	c.next()

	a, x, y := filepath.Join(b.watch, "a.md"), filepath.Join(b.watch, "x.md"), filepath.Join(b.watch, "y.md")
	mkfile(t, a, "edited")
	b.waitStart(t, 2)
	for _, p := range []string{x, y} {
		mkfile(t, p, "edited")
		time.Sleep(60 * time.Millisecond) // longer than the quiet time: two batches
	}
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(stderr.String(), "still building after"); {
		if time.Now().After(deadline) {
			t.Fatalf("no word of the slow build; stderr = %q", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The server answers while the build runs.
	if res, err := http.Get(base + "/"); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET / during the build: %v %v", res, err)
	} else {
		res.Body.Close()
	}
	b.free()
	if ev := c.next(); ev.name != evReload {
		t.Fatalf("after the slow build: %+v", ev)
	}
	b.waitStart(t, 3)
	if ev := c.next(); ev.name != evReload {
		t.Fatalf("after the queued build: %+v", ev)
	}
	select {
	case n := <-b.started:
		t.Fatalf("build %d started: the saves made during build 2 should make one build", n)
	case <-time.After(200 * time.Millisecond):
	}
	b.mu.Lock()
	hints := b.hints
	b.mu.Unlock()
	if len(hints) != 2 || !slices.Equal(hints[0], []string{a}) || !slices.Equal(hints[1], []string{x, y}) {
		t.Errorf("builds were told %q, want [[a] [x y]]", hints)
	}
	cancel()
	waitRun(t, done, 3*time.Second)
}

// Live reload streams are capped: one more than MaxStreams gets a 503 and
// its connection closed, and rebuilds go on for the pages that listen.
func TestStreamCap(t *testing.T) {
	out, _ := testSite(t)
	watch := t.TempDir()
	fb := &fakeBuilder{out: out, watch: watch, builds: make(chan struct{}, 8)}
	s := New(fb, Options{Quiet: 5 * time.Millisecond})
	base, cancel, done := runServer(t, s)
	<-fb.builds

	const extra = 16
	var accepted []*sseClient
	refused := 0
	for i := 0; i < MaxStreams+extra; i++ {
		// Each on a connection of its own, as browsers open them.
		client := &http.Client{Transport: &http.Transport{}}
		res, err := client.Get(base + EventsURL)
		if err != nil {
			t.Fatalf("stream %d: %v", i, err)
		}
		switch res.StatusCode {
		case http.StatusOK:
			c := &sseClient{t: t, res: res, r: bufio.NewReader(res.Body), evs: make(chan event, 16), errc: make(chan error, 1)}
			t.Cleanup(func() { res.Body.Close() })
			go c.read()
			accepted = append(accepted, c)
		case http.StatusServiceUnavailable:
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if !res.Close || !strings.Contains(string(body), "too many pages") {
				t.Errorf("stream %d refused with Close=%v, body %q; want the connection closed and a reason", i, res.Close, body)
			}
			refused++
		default:
			t.Fatalf("stream %d: status %d", i, res.StatusCode)
		}
	}
	if len(accepted) != MaxStreams || refused != extra {
		t.Fatalf("%d streams accepted and %d refused, want %d and %d", len(accepted), refused, MaxStreams, extra)
	}
	for _, c := range accepted {
		c.next() // the state
	}

	mkfile(t, filepath.Join(watch, "a.md"), "edited")
	<-fb.builds
	for _, c := range []*sseClient{accepted[0], accepted[MaxStreams-1]} {
		if ev := c.next(); ev.name != evReload {
			t.Fatalf("after an edit with the cap reached: %+v, want reload", ev)
		}
	}
	// A page that goes away makes room for another.
	accepted[0].res.Body.Close()
	for deadline := time.Now().Add(5 * time.Second); ; {
		res, err := http.Get(base + EventsURL)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no room after a stream closed: %d", res.StatusCode)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	waitRun(t, done, 3*time.Second)
}

// Connections are capped too: one more than MaxConns is closed at once,
// the terminal says so once, and a freed slot serves again.
func TestConnCap(t *testing.T) {
	out, _ := testSite(t)
	var stdout, stderr testio.Buffer
	fb := &fakeBuilder{out: out, watch: t.TempDir(), builds: make(chan struct{}, 8)}
	s := New(fb, Options{Stdout: &stdout, Stderr: &stderr, MaxConns: 4})
	base, cancel, done := runServer(t, s)
	addr := strings.TrimPrefix(base, "http://")
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(stdout.String(), "serving"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server did not start")
		}
	}

	var held []net.Conn
	for range 4 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	refusedOnce := func() {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		if n, err := c.Read(make([]byte, 1)); n != 0 || err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("a connection over the cap: read %d, %v; want it closed at once", n, err)
		}
	}
	refusedOnce()
	refusedOnce()
	if got := strings.Count(stderr.String(), "too many connections (4 open)"); got != 1 {
		t.Errorf("stderr = %q, want the refusal said once", stderr.String())
	}
	held[0].Close()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		client := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
		res, err := client.Get(base + "/")
		if err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no room after a connection closed: %v", err)
		}
	}
	for _, c := range held[1:] {
		c.Close()
	}
	cancel()
	waitRun(t, done, 3*time.Second)
}

// A connection that never sends a request (browsers open some ahead of
// need) does not hold up the stop, nor make it an error.
func TestRunStopsWithSilentConnection(t *testing.T) {
	out, _ := testSite(t)
	var stdout testio.Buffer
	s := New(&fakeBuilder{out: out, watch: t.TempDir()}, Options{Stdout: &stdout})
	base, cancel, done := runServer(t, s)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(stdout.String(), "serving"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server did not start")
		}
	}
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	time.Sleep(20 * time.Millisecond) // accepted
	cancel()
	waitRun(t, done, shutdownGrace+5*time.Second) // generous: the machine may be busy; a hang never returns
}
