package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"mutual/internal/diag"
	"mutual/internal/site"
)

// Builder is what the server needs from a site build; *site.Builder is one.
// Build is called again for every batch of changes and must leave the
// previous output untouched when it fails.
type Builder interface {
	Build() (*site.Stats, error)
	WatchDirs() []string // absolute folders whose changes need a rebuild
	Out() string         // absolute output folder
	NotFound() string    // output-relative path of the 404 page
}

// warner is a Builder that keeps its last build's warnings (*site.Builder
// is one): the server prints them, and sends them to the browsers'
// warnings panel, when they change.
type warner interface {
	Warnings() diag.List
}

// changeHinter is a Builder that can be told which paths a batch of
// changes touched, so that its next Build looks at nothing else
// (*site.Builder is one).
type changeHinter interface {
	Changed(paths []string)
}

// URLs the server answers besides the site's own files. The site adds
// ScriptURL to every page in serve mode (site.Options.Scripts).
const (
	mutualPrefix = "/_mutual/"
	ScriptURL    = mutualPrefix + "livereload.js"
	OverlayURL   = mutualPrefix + "overlay.css"
	EventsURL    = mutualPrefix + "events"
)

//go:embed assets/livereload.js assets/overlay.css
var assets embed.FS

// Options tune a Server. The zero value serves the site at the root and
// prints nothing.
type Options struct {
	// Stdout gets one line per successful build; Stderr the errors of a
	// failed one. nil discards.
	Stdout, Stderr io.Writer
	// Quiet is the debounce time of the watcher; 0 means DefaultQuiet.
	Quiet time.Duration
	// BasePath is the URL path the site is served under ("/help/" for a
	// baseURL of https://example.org/help/); "" means "/".
	BasePath string
	// AllowHosts are the names besides localhost and IP addresses that
	// the server answers to (see ParseAllowHost); requests for any other
	// host get a 403, the defence against DNS rebinding.
	AllowHosts []string
	// MaxStreams caps the open live reload streams; 0 means MaxStreams.
	// MaxConns caps the open connections; 0 means MaxConns.
	MaxStreams, MaxConns int
	// Policy is the site's Content-Security-Policy (site.PolicyFor: the
	// default one with the image origins site.yaml allows); "" means
	// site.ContentSecurityPolicy.
	Policy string
}

// Server watches a site, rebuilds it on every change, serves the output
// folder and tells connected browsers to reload. A failed build leaves the
// last good site served and sends its errors to the browsers' overlay.
type Server struct {
	b       Builder
	opts    Options
	events  *broker
	handler http.Handler

	slowAfter time.Duration // when 0, slowBuild; tests set less

	mu      sync.Mutex // serialises builds
	id      string     // unique per Server, prefix of build ids
	builds  int
	healthy bool   // the last build succeeded
	warned  string // the warnings printed and sent last, so that a rebuild repeats none that did not change
}

// New returns a Server for b. Nothing is built or watched until Run.
func New(b Builder, opts Options) *Server {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	opts.BasePath = cleanBase(opts.BasePath)
	if opts.MaxStreams <= 0 {
		opts.MaxStreams = MaxStreams
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = MaxConns
	}
	s := &Server{
		b:       b,
		opts:    opts,
		id:      fmt.Sprintf("%x", time.Now().UnixNano()),
		healthy: true,
	}
	s.events = newBroker(event{evOK, s.buildID()}, opts.MaxStreams)
	mux := http.NewServeMux()
	mux.Handle("GET "+EventsURL, s.events)
	mux.HandleFunc("GET "+ScriptURL, serveAsset("assets/livereload.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET "+OverlayURL, serveAsset("assets/overlay.css", "text/css; charset=utf-8"))
	mux.HandleFunc(mutualPrefix, http.NotFound)
	s.handler = guard(&files{
		dir:      b.Out(),
		notFound: b.NotFound,
		prefix:   opts.BasePath,
		extra:    stripTo(opts.BasePath, mux),
	}, newHostPolicy(opts.AllowHosts), opts.Policy)
	return s
}

// cleanBase makes p a path that starts and ends with a slash.
func cleanBase(p string) string {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	return p
}

// stripTo serves /_mutual/ both at the root and under the base path: the
// site may or may not prefix the script URL with its base path.
func stripTo(base string, h http.Handler) http.Handler {
	if base == "/" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, strings.TrimSuffix(base, "/")); ok && strings.HasPrefix(rest, mutualPrefix) {
			r2 := r.Clone(r.Context())
			r2.URL.Path, r2.URL.RawPath = rest, ""
			r = r2
		}
		h.ServeHTTP(w, r)
	})
}

func serveAsset(name, ctype string) http.HandlerFunc {
	body, err := assets.ReadFile(name)
	if err != nil {
		panic(err) // embedded above: a missing file is a build bug
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}
}

// Handler serves the output folder, the live reload script and the event
// stream. It is usable without Run (tests, or a caller with its own loop).
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) buildID() string { return fmt.Sprintf("%s-%d", s.id, s.builds) }

// Build runs one build, prints its outcome and tells the browsers. It
// reports whether the build succeeded.
func (s *Server) Build() bool { return s.build() == nil }

func (s *Server) build() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	first := s.builds == 0
	start := time.Now()
	st, err := s.b.Build()
	if err != nil && first && !contentError(err) {
		return err // Run stops and its caller reports it
	}
	if err != nil {
		lines := errorLines(err)
		for _, l := range lines {
			fmt.Fprintln(s.opts.Stderr, printable(l))
		}
		what := "rebuild"
		if first {
			what = "build"
		}
		fmt.Fprintf(s.opts.Stderr, "%s failed: %s; %s\n", what, plural(len(lines), "error"), keepServing(first))
		s.healthy = false
		ev := event{evError, lines}
		if first {
			// No build has worked yet: the browser has no site to show,
			// only the errors (the "last good version" is none).
			ev.name = evNone
		}
		s.events.publish(ev, ev)
		return err
	}
	d := st.Duration
	if d <= 0 {
		d = time.Since(start)
	}
	s.builds++
	id := s.buildID()
	if first {
		fmt.Fprintf(s.opts.Stdout, "built in %s (%s)\n", formatDuration(d), plural(st.Files, "file"))
	} else {
		fmt.Fprintf(s.opts.Stdout, "rebuilt in %s (%s)\n", formatDuration(d), plural(len(st.Changed), "file"))
	}
	warnings, changed := s.newWarnings(first)
	ok := event{evOK, id}
	switch {
	case !s.healthy:
		s.events.publish(ok, ok)
	case len(st.Changed) == 0 && !st.CSSOnly:
		// Nothing in the output changed (a save without edits, a comment
		// in a template that renders the same): no reason to reload.
		s.builds-- // keep the id the browsers have
	case st.CSSOnly:
		s.events.publish(event{evCSS, id}, ok)
	default:
		s.events.publish(event{evReload, id}, ok)
	}
	if changed {
		// After the build's own event: a page that reloads gets them
		// again with its new stream's state.
		s.events.warn(warnings)
	}
	s.healthy = true
	return nil
}

// newWarnings prints the last build's warnings, as mutual build does, when
// they differ from those printed last, and returns their lines for the
// browsers: a save that fixes one, or brings one, shows the new list (or
// that none is left); a save that changes none prints nothing more and
// reports no change. The first good build reports its list, empty or not,
// so that the browsers learn there is none.
func (s *Server) newWarnings(first bool) (lines []string, changed bool) {
	w, ok := s.b.(warner)
	if !ok {
		return nil, false
	}
	list := w.Warnings()
	text := list.Error()
	if text == s.warned && !first {
		return nil, false
	}
	lines = []string{}
	for _, e := range list {
		lines = append(lines, e.Warning())
	}
	if text == s.warned {
		return lines, true
	}
	s.warned = text
	if len(list) == 0 {
		fmt.Fprintln(s.opts.Stderr, "no warnings left")
	}
	for _, l := range lines {
		fmt.Fprintln(s.opts.Stderr, printable(l))
	}
	return lines, true
}

// contentError reports whether err is something a writer fixes by editing
// and saving (positioned diag errors), as opposed to a setup problem such as
// an output folder the build refuses.
func contentError(err error) bool {
	var list diag.List
	var one *diag.Error
	return errors.As(err, &list) || errors.As(err, &one)
}

func keepServing(first bool) string {
	if first {
		return "fix them and save; the page will update"
	}
	return "still serving the last good site"
}

// errorLines turns a build error into the lines to show: one per error of
// a diag.List (whatever its message holds, a newline in a file name
// included), else one per line of its text.
func errorLines(err error) []string {
	var lines []string
	var list diag.List
	if errors.As(err, &list) && len(list) > 0 {
		for _, e := range list {
			lines = append(lines, e.Error())
		}
		return lines
	}
	for l := range strings.SplitSeq(err.Error(), "\n") {
		if l = strings.TrimRight(l, " \r"); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		lines = []string{"build failed"}
	}
	return lines
}

// printable escapes the control characters of a line for a terminal, where
// a carriage return, an escape sequence or a newline in a file name would
// otherwise overwrite, recolour or split what the terminal shows.
func printable(line string) string {
	if !strings.ContainsFunc(line, isControl) {
		return line
	}
	var b strings.Builder
	for _, r := range line {
		if isControl(r) {
			q := strconv.QuoteRune(r) // '\r', '\x1b', '\u0085'
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r != '\t' && unicode.IsControl(r) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// formatDuration prints whole milliseconds, one decimal below 10 ms, and
// seconds from one second up: "12ms", "3.4ms", "1.25s".
func formatDuration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%dms", d.Round(time.Millisecond).Milliseconds())
	default:
		return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
	}
}

// slowBuild is how long a build may run before the terminal hears about
// it: a first build of a large site takes a few seconds; one that runs far
// longer may be stuck, and the person should know that saves are waiting
// and that Ctrl-C still works.
const slowBuild = 10 * time.Second

// shutdownGrace is how long a stopping server lets responses under way
// finish before it closes their connections.
const shutdownGrace = time.Second

// Run builds the site, serves it on ln and rebuilds on every change until
// ctx is done; then it stops the watcher and the server and returns nil.
// Content errors never stop it, nor does any failure of a later build; it
// returns an error when the watcher cannot start, the listener fails, or
// the first build fails for a reason no edit of the site can fix (such as
// an output folder the build refuses).
//
// Builds run one at a time, beside the loop that waits for changes and for
// ctx: changes saved during a build are gathered by the watcher and built
// together once it ends. Run returns as soon as ctx is done, without
// waiting for a build that is running: Go cannot stop a goroutine, and a
// build caught in an endless loop must not keep the server from stopping.
// Such a build is left behind; the caller is expected to end the process.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w, err := NewWatcher(s.opts.Quiet)
	if err != nil {
		return err
	}
	defer w.Close()
	w.Skip(s.b.Out())
	// Watch before building, so no change made during the first build is
	// missed; again after, as the theme chain is known only then.
	if err := w.Watch(s.b.WatchDirs()...); err != nil {
		fmt.Fprintln(s.opts.Stderr, err)
	}

	built := make(chan error, 1)
	startBuild := func(paths []string) {
		go func() {
			// Tell the builder what changed so that it looks at nothing
			// else. No other build runs now: Run starts one at a time.
			if h, ok := s.b.(changeHinter); ok && paths != nil {
				h.Changed(paths)
			}
			built <- s.build()
		}()
	}
	slowAfter := s.slowAfter
	if slowAfter <= 0 {
		slowAfter = slowBuild
	}
	slow := time.NewTimer(slowAfter)
	defer slow.Stop()
	stopped := func() error {
		fmt.Fprintln(s.opts.Stderr, "stopped without waiting for the build that was running")
		return nil
	}

	startBuild(nil)
	select {
	case <-ctx.Done():
		return stopped()
	case <-slow.C:
		fmt.Fprintf(s.opts.Stderr, "still building after %s (Ctrl-C stops the server)\n", formatDuration(slowAfter))
		select {
		case <-ctx.Done():
			return stopped()
		case err := <-built:
			if err != nil && !contentError(err) {
				return err
			}
		}
	case err := <-built:
		if err != nil && !contentError(err) {
			return err // no save can fix it: stop rather than serve nothing
		}
	}
	if err := w.Watch(s.b.WatchDirs()...); err != nil {
		fmt.Fprintln(s.opts.Stderr, err)
	}

	ln = limitConns(ln, s.opts.MaxConns, func() {
		fmt.Fprintf(s.opts.Stderr, "too many connections (%d open): closing new ones until some end\n", s.opts.MaxConns)
	})
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute, // an idle connection holds a slot of MaxConns
		ErrorLog:          log.New(s.opts.Stderr, "serve: ", 0),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(s.opts.Stdout, "serving %s (Ctrl-C to stop)\n", strings.TrimSuffix(LocalURL(ln.Addr()), "/")+s.opts.BasePath)

	var runErr error
	building := false
loop:
	for {
		// While a build runs, changes wait in the watcher, which gathers
		// them into one batch.
		changes := w.Events()
		if building {
			changes = nil
		}
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			runErr = err
			break loop
		case paths := <-changes:
			building = true
			slow.Reset(slowAfter)
			startBuild(paths)
		case <-built:
			building = false
			slow.Stop()
			if err := w.Watch(s.b.WatchDirs()...); err != nil {
				fmt.Fprintln(s.opts.Stderr, err)
			}
		case <-slow.C:
			if building {
				fmt.Fprintf(s.opts.Stderr, "still building after %s; changes saved meanwhile are built next (Ctrl-C stops the server)\n", formatDuration(slowAfter))
			}
		case err := <-w.Errors():
			fmt.Fprintln(s.opts.Stderr, "watch:", err)
		}
	}
	if building {
		stopped()
	}
	s.events.close()
	// Let the responses under way end, briefly; then close what is still
	// open. Browsers keep sockets open that never carry a request (they
	// connect ahead of need), and Shutdown would wait five seconds for
	// each of those.
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
		if !errors.Is(err, context.DeadlineExceeded) && runErr == nil {
			runErr = err
		}
	}
	if errors.Is(runErr, http.ErrServerClosed) {
		runErr = nil
	}
	return runErr
}

// LocalURL is the address to open in a browser for a listener:
// "http://127.0.0.1:1313/". An unspecified address (0.0.0.0, ::) shows as
// localhost.
func LocalURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
