package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/diag"
	"mutual/internal/site"
	"mutual/internal/testio"
)

// sseClient reads events from the server's event stream.
type sseClient struct {
	t    testing.TB
	res  *http.Response
	r    *bufio.Reader
	evs  chan event
	errc chan error
}

func dialEvents(t testing.TB, base string) *sseClient {
	t.Helper()
	res, err := http.Get(base + EventsURL)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type = %q", ct)
	}
	c := &sseClient{t: t, res: res, r: bufio.NewReader(res.Body), evs: make(chan event, 16), errc: make(chan error, 1)}
	t.Cleanup(func() { res.Body.Close() })
	go c.read()
	return c
}

// read parses the stream as a browser does (the HTML standard's event
// stream rules): a line ends at CR LF, LF or CR; an empty line dispatches
// the event if it has data; a line starting with ":" is a comment.
func (c *sseClient) read() {
	var name string
	var data []string
	for {
		line, err := readSSELine(c.r)
		if err != nil {
			c.errc <- err
			close(c.evs)
			return
		}
		switch {
		case line == "":
			if data != nil {
				if name == "" {
					name = "message"
				}
				c.evs <- event{name, decodeData(c.t, name, strings.Join(data, "\n"))}
			}
			name, data = "", nil
		case line[0] == ':':
		default:
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "event":
				name = value
			case "data":
				data = append(data, value)
			}
		}
	}
}

// decodeData reads the JSON data of an event back into the text a test
// compares: the build id, or the error lines joined by newlines. Data that
// is not JSON of the right shape fails the test.
func decodeData(t testing.TB, name, data string) string {
	if name == evError || name == evNone || name == evWarn {
		var lines []string
		if err := json.Unmarshal([]byte(data), &lines); err != nil || lines == nil {
			t.Errorf("%s event data %q is not a JSON list of strings: %v", name, data, err)
		}
		return strings.Join(lines, "\n")
	}
	var id string
	if err := json.Unmarshal([]byte(data), &id); err != nil {
		t.Errorf("%s event data %q is not a JSON string: %v", name, data, err)
	}
	return id
}

// readSSELine reads one line of an event stream, which may end in CR LF,
// LF or CR, and returns it without its end.
func readSSELine(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		c, err := r.ReadByte()
		if err != nil {
			return "", err
		}
		switch c {
		case '\n':
			return b.String(), nil
		case '\r':
			if next, err := r.Peek(1); err == nil && next[0] == '\n' {
				r.ReadByte()
			}
			return b.String(), nil
		}
		b.WriteByte(c)
	}
}

func (c *sseClient) next() event {
	c.t.Helper()
	select {
	case ev, ok := <-c.evs:
		if !ok {
			c.t.Fatalf("event stream ended: %v", <-c.errc)
		}
		return ev
	case <-time.After(5 * time.Second):
		c.t.Fatal("no event within 5s")
	}
	return event{}
}

// Errors before any build worked are "unbuilt" (there is no last good
// site to show), to the browsers listening and to those that connect
// later; once one worked, they are "error".
func TestEventsUnbuilt(t *testing.T) {
	out, _ := testSite(t)
	fb := &fakeBuilder{out: out, results: make(chan fakeResult, 1)}
	var stdout, stderr testio.Buffer
	s := New(fb, Options{Stdout: &stdout, Stderr: &stderr})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close()

	a := dialEvents(t, srv.URL)
	a.next() // the state before any build
	var errs diag.List
	errs.Add("content/worksheets/x.yaml", 8, 30, "link to missing file %q", "../guides/a.md")
	want := `content/worksheets/x.yaml:8:30: link to missing file "../guides/a.md"`
	for i := range 2 {
		fb.results <- fakeResult{err: errs}
		if s.Build() {
			t.Fatal("failing build reported success")
		}
		if ev := a.next(); ev.name != evNone || ev.data != want {
			t.Fatalf("failure %d: event = %+v, want unbuilt with %s", i+1, ev, want)
		}
	}
	if ev := dialEvents(t, srv.URL).next(); ev.name != evNone || ev.data != want {
		t.Fatalf("state on connect = %+v, want unbuilt", ev)
	}
	if got := stderr.String(); !strings.Contains(got, "build failed: 1 error; fix them and save; the page will update") {
		t.Errorf("stderr = %q", got)
	}
	fb.results <- fakeResult{stats: &site.Stats{Files: 3, Changed: []string{"a"}}}
	if !s.Build() {
		t.Fatal("good build failed")
	}
	if ev := a.next(); ev.name != evOK {
		t.Fatalf("after the fix: %+v, want ok", ev)
	}
	fb.results <- fakeResult{err: errs}
	s.Build()
	for ev := a.next(); ev.name != evError; ev = a.next() {
		if ev.name != evWarn {
			t.Fatalf("failure after a good build: %+v, want error", ev)
		}
	}
}

func TestEvents(t *testing.T) {
	out, _ := testSite(t)
	fb := &fakeBuilder{out: out, results: make(chan fakeResult, 1)}
	var stdout, stderr testio.Buffer
	s := New(fb, Options{Stdout: &stdout, Stderr: &stderr})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close() // first: end the streams so Close does not wait

	fb.results <- fakeResult{stats: &site.Stats{Files: 12, Changed: []string{"a"}, Duration: 120 * time.Millisecond}}
	if !s.Build() {
		t.Fatal("first build failed")
	}
	a := dialEvents(t, srv.URL)
	first := a.next()
	if first.name != evOK || first.data == "" {
		t.Fatalf("first event = %+v, want ok with a build id", first)
	}

	// A failed build: every client gets the lines; the terminal too, once.
	var errs diag.List
	errs.Add("content/worksheets/x.yaml", 3, 5, "unknown key %q (did you mean %q?)", "titel", "title")
	errs.Add("content/guides/a.md", 10, 1, "broken link %q", "b.md")
	fb.results <- fakeResult{err: errs}
	if s.Build() {
		t.Fatal("failing build reported success")
	}
	ev := a.next()
	want := "content/worksheets/x.yaml:3:5: unknown key \"titel\" (did you mean \"title\"?)\ncontent/guides/a.md:10:1: broken link \"b.md\""
	if ev.name != evError || ev.data != want {
		t.Fatalf("event = %+v, want error with\n%s", ev, want)
	}
	if got := stderr.String(); strings.Count(got, "content/guides/a.md:10:1: broken link") != 1 || !strings.Contains(got, "rebuild failed: 2 errors; still serving the last good site") {
		t.Errorf("stderr = %q", got)
	}

	// A browser that opens a page now sees the errors at once.
	b := dialEvents(t, srv.URL)
	if ev := b.next(); ev.name != evError || ev.data != want {
		t.Fatalf("state on connect = %+v, want the error", ev)
	}

	// Fixed: ok with a new build id, to both.
	fb.results <- fakeResult{stats: &site.Stats{Changed: []string{"x", "y", "z"}, Duration: 12 * time.Millisecond}}
	s.Build()
	evA, evB := a.next(), b.next()
	if evA.name != evOK || evA.data == first.data || evB != evA {
		t.Fatalf("after the fix: %+v and %+v, want ok with a new id", evA, evB)
	}
	if got := stdout.String(); !strings.Contains(got, "built in 120ms (12 files)\n") || !strings.Contains(got, "rebuilt in 12ms (3 files)\n") {
		t.Errorf("stdout = %q", got)
	}

	// CSS only, then a content change.
	fb.results <- fakeResult{stats: &site.Stats{Changed: []string{"css/main.1.css"}, CSSOnly: true}}
	s.Build()
	if ev := a.next(); ev.name != evCSS || ev.data == evA.data {
		t.Fatalf("css change: %+v", ev)
	}
	fb.results <- fakeResult{stats: &site.Stats{Changed: []string{"index.html"}}}
	s.Build()
	if ev := a.next(); ev.name != evReload {
		t.Fatalf("content change: %+v", ev)
	}
	b.next()
	b.next()

	// A build that changed nothing in the output sends nothing.
	before := s.buildID()
	fb.results <- fakeResult{stats: &site.Stats{}}
	s.Build()
	if s.buildID() != before {
		t.Errorf("build id changed from %s to %s without output changes", before, s.buildID())
	}
	fb.results <- fakeResult{stats: &site.Stats{Changed: []string{"css/main.2.css"}, CSSOnly: true}}
	s.Build()
	if ev := a.next(); ev.name != evCSS {
		t.Fatalf("after a no-op build then a css change: %+v, want css", ev)
	}
	b.next()

	// A browser that comes back learns the latest id as its state.
	c := dialEvents(t, srv.URL)
	if ev := c.next(); ev.name != evOK || ev.data != s.buildID() {
		t.Fatalf("state = %+v, want ok %s", ev, s.buildID())
	}
}

func TestRun(t *testing.T) {
	out, _ := testSite(t)
	watch := t.TempDir()
	mkfile(t, filepath.Join(watch, "guides", "a.md"), "# a\n")
	fb := &fakeBuilder{out: out, watch: watch, results: make(chan fakeResult, 1), builds: make(chan struct{}, 8)}
	var stdout, stderr testio.Buffer
	s := New(fb, Options{Stdout: &stdout, Stderr: &stderr, Quiet: 5 * time.Millisecond})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	<-fb.builds // the first build

	base := "http://" + ln.Addr().String()
	c := dialEvents(t, base)
	c.next() // state
	mkfile(t, filepath.Join(watch, "guides", "a.md"), "# a, edited\n")
	<-fb.builds
	if ev := c.next(); ev.name != evReload {
		t.Fatalf("after an edit: %+v, want reload", ev)
	}
	// A new folder's file is watched too.
	mkfile(t, filepath.Join(watch, "worksheets", "w.yaml"), "title: w\n")
	<-fb.builds
	if ev := c.next(); ev.name != evReload {
		t.Fatalf("after a new folder: %+v, want reload", ev)
	}

	// Stopping ends open event streams and returns quickly.
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("server still answers after Run returned")
	}
	if got := stdout.String(); !strings.Contains(got, "serving "+base+"/ (Ctrl-C to stop)") {
		t.Errorf("stdout = %q", got)
	}
}

func TestRunListenerError(t *testing.T) {
	out, _ := testSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	s := New(&fakeBuilder{out: out, watch: t.TempDir()}, Options{})
	if err := s.Run(context.Background(), ln); err == nil || errors.Is(err, http.ErrServerClosed) {
		t.Fatalf("Run on a closed listener = %v, want an error", err)
	}
}

// A first build that fails for a reason no save can fix stops Run; content
// errors do not.
func TestRunSetupError(t *testing.T) {
	out, _ := testSite(t)
	for _, tt := range []struct {
		err  error
		stop bool
	}{
		{errors.New("refusing to build into /: choose an output folder of its own"), true},
		{diag.List{{Path: "content/site.yaml", Line: 1, Col: 1, Msg: "missing title"}}, false},
	} {
		fb := &fakeBuilder{out: out, watch: t.TempDir(), results: make(chan fakeResult, 1), builds: make(chan struct{}, 1)}
		fb.results <- fakeResult{err: tt.err}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- New(fb, Options{}).Run(ctx, ln) }()
		<-fb.builds
		if !tt.stop {
			cancel()
		}
		select {
		case err := <-done:
			if tt.stop != (err != nil) {
				t.Errorf("first build error %v: Run = %v", tt.err, err)
			}
		case <-time.After(3 * time.Second):
			t.Errorf("first build error %v: Run did not return", tt.err)
		}
		cancel()
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		400 * time.Microsecond:  "0.4ms",
		3400 * time.Microsecond: "3.4ms",
		12 * time.Millisecond:   "12ms",
		999 * time.Millisecond:  "999ms",
		1250 * time.Millisecond: "1.25s",
	} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestLocalURL(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:1313": "http://127.0.0.1:1313/",
		"0.0.0.0:1313":   "http://localhost:1313/",
		"[::]:8080":      "http://localhost:8080/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := LocalURL(a); got != want {
			t.Errorf("LocalURL(%s) = %q, want %q", addr, got, want)
		}
	}
}

// A file name may hold any byte but NUL and "/": a carriage return or a
// newline in it must not end a field of the event stream, or a file named
// "x\revent: reload\r\r.md" would make every open page reload in a loop.
func TestEventFieldInjection(t *testing.T) {
	out, _ := testSite(t)
	fb := &fakeBuilder{out: out, results: make(chan fakeResult, 1)}
	s := New(fb, Options{})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close()
	s.Build()
	c := dialEvents(t, srv.URL)
	if ev := c.next(); ev.name != evOK {
		t.Fatalf("state = %+v", ev)
	}
	for _, name := range []string{
		"content/x\revent: reload\r\r.md",
		"content/y\nevent: reload\n\n.md",
		"content/z\r\nevent: css\r\ndata: 1\r\n\r\n.md",
		"content/w\r\rretry: 1\r.md",
	} {
		// diag escapes control characters in a path, so the raw text rides
		// in the message, which reaches the stream as it is.
		var errs diag.List
		errs.Add("content/a.md", 1, 1, "%s", name)
		fb.results <- fakeResult{err: errs}
		s.Build()
		ev := c.next()
		if ev.name != evError {
			t.Fatalf("file %q: event %q %q, want one error event", name, ev.name, ev.data)
		}
		if want := "content/a.md:1:1: " + name; ev.data != want {
			t.Errorf("file %q: error data %q, want %q", name, ev.data, want)
		}
	}
	// Nothing else arrived: no injected event behind the errors.
	fb.results <- fakeResult{stats: &site.Stats{Changed: []string{"index.html"}}}
	s.Build()
	if ev := c.next(); ev.name != evOK {
		t.Fatalf("after the fix: %+v, want ok", ev)
	}
}

// warningBuilder is a fakeBuilder with warnings, as *site.Builder has.
type warningBuilder struct {
	*fakeBuilder
	warnings diag.List
}

func (w *warningBuilder) Warnings() diag.List { return w.warnings }

// TestServeWarnings: serve prints a build's warnings as mutual build
// does, again only when they change, and says when none is left.
func TestServeWarnings(t *testing.T) {
	out, _ := testSite(t)
	var one, two diag.List
	one.Add("content/guides/a.md", 4, 14, "this link or image is not read as one")
	two.Add("content/guides/a.md", 4, 14, "this link or image is not read as one")
	two.Add("i18n/en.yaml", 2, 12, "no layout asks for the key %q", "pager.nxt")
	wb := &warningBuilder{fakeBuilder: &fakeBuilder{out: out}}
	var stdout, stderr testio.Buffer
	s := New(wb, Options{Stdout: &stdout, Stderr: &stderr})
	defer s.events.close()
	for i, step := range []struct {
		warnings diag.List
		want     string // what stderr gets
	}{
		{one, "content/guides/a.md:4:14: warning: this link or image is not read as one\n"},
		{one, ""},
		{two, "content/guides/a.md:4:14: warning: this link or image is not read as one\ni18n/en.yaml:2:12: warning: no layout asks for the key \"pager.nxt\"\n"},
		{nil, "no warnings left\n"},
		{nil, ""},
	} {
		wb.warnings = step.warnings
		before := len(stderr.String())
		if !s.Build() {
			t.Fatalf("build %d failed", i)
		}
		if got := stderr.String()[before:]; got != step.want {
			t.Errorf("build %d: stderr %q, want %q", i, got, step.want)
		}
	}
}

// TestWarningEvents: a good build's warnings reach the browsers as a
// "warnings" event after the build's own, only when they change, as an
// empty list once none is left; a browser that connects gets them after
// the "ok" state (an empty list when there are none), unless the build is
// broken (then only the errors).
func TestWarningEvents(t *testing.T) {
	out, _ := testSite(t)
	var one, two diag.List
	one.Add("content/guides/a.md", 4, 14, "this link or image is not read as one")
	two.Add("content/guides/a.md", 4, 14, "this link or image is not read as one")
	two.Add("content/guides/b.md", 7, 3, "broken link %q", "c.md")
	const w1 = "content/guides/a.md:4:14: warning: this link or image is not read as one"
	const w2 = "content/guides/b.md:7:3: warning: broken link \"c.md\""
	var broken diag.List
	broken.Add("content/site.yaml", 1, 1, "missing title")

	wb := &warningBuilder{fakeBuilder: &fakeBuilder{out: out, results: make(chan fakeResult, 1)}, warnings: one}
	s := New(wb, Options{})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close()
	if !s.Build() {
		t.Fatal("first build failed")
	}
	a := dialEvents(t, srv.URL)
	if got := eventsText(a.next(), a.next()); got != "ok|warnings "+w1 {
		t.Fatalf("state with warnings: %s", got)
	}
	reload := &site.Stats{Changed: []string{"index.html"}}
	for i, step := range []struct {
		what     string
		result   fakeResult
		warnings diag.List
		events   []string // what the open page gets
		fresh    []string // what a page that connects now gets
	}{
		{"same warnings", fakeResult{stats: reload}, one, []string{"reload"}, []string{"ok", "warnings " + w1}},
		{"one more", fakeResult{stats: reload}, two, []string{"reload", "warnings " + w1 + "\n" + w2}, []string{"ok", "warnings " + w1 + "\n" + w2}},
		{"css only", fakeResult{stats: &site.Stats{Changed: []string{"css/main.2.css"}, CSSOnly: true}}, two, []string{"css"}, []string{"ok", "warnings " + w1 + "\n" + w2}},
		{"fixed without an output change", fakeResult{stats: &site.Stats{}}, one, []string{"warnings " + w1}, []string{"ok", "warnings " + w1}},
		{"broken", fakeResult{err: broken}, one, []string{"error content/site.yaml:1:1: missing title"}, []string{"error content/site.yaml:1:1: missing title"}},
		{"mended, same warnings", fakeResult{stats: reload}, one, []string{"ok"}, []string{"ok", "warnings " + w1}},
		{"none left", fakeResult{stats: reload}, nil, []string{"reload", "warnings "}, []string{"ok", "warnings "}},
		{"still none", fakeResult{stats: reload}, nil, []string{"reload"}, []string{"ok", "warnings "}},
	} {
		wb.warnings = step.warnings
		wb.results <- step.result
		s.Build()
		var got []string
		for range step.events {
			got = append(got, eventsText(a.next()))
		}
		if strings.Join(got, "|") != strings.Join(step.events, "|") {
			t.Errorf("step %d (%s): the open page got %q, want %q", i, step.what, got, step.events)
		}
		c := dialEvents(t, srv.URL)
		got = nil
		for range step.fresh {
			got = append(got, eventsText(c.next()))
		}
		if strings.Join(got, "|") != strings.Join(step.fresh, "|") {
			t.Errorf("step %d (%s): a new page got %q, want %q", i, step.what, got, step.fresh)
		}
		c.res.Body.Close()
	}
	// Nothing more came after the last step's events.
	select {
	case ev := <-a.evs:
		t.Errorf("an extra event %+v", ev)
	case <-time.After(100 * time.Millisecond):
	}
}

// eventsText writes events as the test above compares them: the name
// alone for a build id, the name and the lines for a list.
func eventsText(evs ...event) string {
	var parts []string
	for _, ev := range evs {
		switch ev.name {
		case evError, evNone, evWarn:
			parts = append(parts, ev.name+" "+ev.data.(string))
		default:
			parts = append(parts, ev.name)
		}
	}
	return strings.Join(parts, "|")
}

// TestWarningsJSON: the warnings event is one line of JSON, a list of the
// warnings as mutual prints them; none left is [], never null.
func TestWarningsJSON(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"content/guides/a.md:4:14: warning: broken link \"b.md\""}, "event: warnings\ndata: [\"content/guides/a.md:4:14: warning: broken link \\\"b.md\\\"\"]\n\n"},
		{[]string{"a.md:1:1: warning: x", "i18n/en.yaml:2:12: warning: <b>&"}, "event: warnings\ndata: [\"a.md:1:1: warning: x\",\"i18n/en.yaml:2:12: warning: \\u003cb\\u003e\\u0026\"]\n\n"},
		{nil, "event: warnings\ndata: []\n\n"},
	} {
		b := newBroker(event{evOK, "1"}, 1)
		ch, _, err := b.subscribe()
		if err != nil {
			t.Fatal(err)
		}
		b.warn(tt.lines)
		var msg strings.Builder
		(<-ch).write(&msg)
		if msg.String() != tt.want {
			t.Errorf("warn(%q) sent %q, want %q", tt.lines, msg.String(), tt.want)
		}
	}
}

// TestWarningEventsClean: a site without warnings says so to a browser
// that connects (an empty list after "ok"), and prints nothing about them;
// a Builder that keeps no warnings sends no warnings event at all.
func TestWarningEventsClean(t *testing.T) {
	out, _ := testSite(t)
	for _, tt := range []struct {
		name  string
		b     Builder
		state string
	}{
		{"warner", &warningBuilder{fakeBuilder: &fakeBuilder{out: out}}, "ok|warnings "},
		{"no warner", &fakeBuilder{out: out}, "ok"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr testio.Buffer
			s := New(tt.b, Options{Stderr: &stderr})
			srv := httptest.NewServer(s.Handler())
			defer srv.Close()
			defer s.events.close()
			if !s.Build() {
				t.Fatal("build failed")
			}
			c := dialEvents(t, srv.URL)
			var got []string
			for range strings.Count(tt.state, "|") + 1 {
				got = append(got, eventsText(c.next()))
			}
			if strings.Join(got, "|") != tt.state {
				t.Errorf("state %q, want %q", got, tt.state)
			}
			select {
			case ev := <-c.evs:
				t.Errorf("an extra event %+v", ev)
			case <-time.After(100 * time.Millisecond):
			}
			if stderr.String() != "" {
				t.Errorf("stderr %q, want nothing", stderr.String())
			}
		})
	}
}
