//go:build browser

// Package browsertest runs tests in Debian's chromium through
// github.com/chromedp/chromedp. It is test support, compiled only with the
// build tag "browser": this package and every test file that uses it start
// with //go:build browser, so `go build ./...` and the mutual binary never
// compile chromedp, and `make test` passes -tags browser. Without the tag
// only TestBrowserTag runs here, and it fails under CI=true: CI must run
// the browser tests, not pass without them. (A test that checks the
// binary's build graph, TestBinaryGraph in cmd/mutual, holds chromedp out
// of it.)
//
// One headless chromium serves all the tests of a package (the machine has
// two cores): the package's TestMain calls Main, which stops the browser when
// the tests end, and each test opens its own tab with New, or with
// NewIsolated in a browser context of its own (its own storage and
// downloads: a second person's browser). A tab records what
// a page does that a test may want to forbid: console errors, uncaught
// exceptions, browser log errors (Content Security Policy violations among
// them), every network request and every response; and every message of
// an event stream (EventSource) that the page heard, for a test to wait
// until the page has heard something rather than for a set time.
//
// Chromium is /usr/bin/chromium, or the file named by $CHROMIUM. When it is
// missing, New skips the test with a message saying so, except under CI=true,
// where a missing browser fails the test: CI must not pass by skipping.
//
// Every name below RebindDomain resolves to 127.0.0.1 in this browser, as a
// name of an attacker's does in a DNS rebinding attack, so that a test can
// see what a server on loopback answers to a foreign Host.
//
// With MUTUAL_SCREENSHOTS=dir set, Tab.Screenshot writes PNG files into dir,
// so a person can look at the pages the tests saw.
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// TestTimeout bounds the life of one tab: every action of a test that uses
// it must be done by then. It is there so that a test whose browser hangs
// fails with what it was doing, long before go test's own limit; it is
// not a measure of speed. On a two-core machine busy with other browsers
// (a load average of 20 to 35), the longer worksheet tests (a dozen loads
// of a page and its scorer, or a hundred clicks) took 90 to 200 s, and
// failed at the former limits of 90 s and 3 minutes; at 5 minutes a hung
// test still fails well within go test's limit (-timeout 20m in make test).
const TestTimeout = 5 * time.Minute

// RebindDomain is a made-up domain whose names (evil.rebind.test) the test
// browser resolves to 127.0.0.1.
const RebindDomain = "rebind.test"

// startTimeout bounds the start of the browser.
const startTimeout = 30 * time.Second

// The shared browser of the test binary, started by the first New.
var shared struct {
	mu      sync.Mutex
	main    bool // Main is running the tests
	ctx     context.Context
	cancel  func()
	dir     string // the profile folder
	err     error  // why the browser could not start
	started bool
}

// Main runs the tests of m and then stops the browser, if a test started
// one. Call it from TestMain:
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
//
// Everything the tests put in the temporary folder (t.TempDir, the
// browser's profile, chromium's own temporary files) goes into one folder
// of this run, mutual-tests-*, removed when the tests end. A run that
// never ends them (a timeout's panic, a kill) leaves that folder behind
// with the number of its process in it; the next run removes every such
// folder whose process is gone.
func Main(m *testing.M) {
	shared.mu.Lock()
	shared.main = true
	shared.mu.Unlock()
	tmp := runTempDir()
	code := m.Run()
	stop()
	if tmp != "" {
		os.RemoveAll(tmp)
	}
	os.Exit(code)
}

// runTempPrefix names the folders of runTempDir.
const runTempPrefix = "mutual-tests-"

// runTempDir removes the folders that runs which died left in the
// temporary folder, then makes this run's and points $TMPDIR at it. It
// returns "" (and changes nothing) when it cannot.
func runTempDir() string {
	parent := os.TempDir()
	if olds, err := filepath.Glob(filepath.Join(parent, runTempPrefix+"*")); err == nil {
		for _, old := range olds {
			b, err := os.ReadFile(filepath.Join(old, "pid"))
			if err != nil {
				continue // not made by runTempDir, or still being made
			}
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 && !alive(pid) {
				os.RemoveAll(old)
			}
		}
	}
	dir, err := os.MkdirTemp(parent, runTempPrefix)
	if err != nil {
		return ""
	}
	if err := os.WriteFile(filepath.Join(dir, "pid"), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		os.RemoveAll(dir)
		return ""
	}
	os.Setenv("TMPDIR", dir)
	return dir
}

// alive says whether a process pid exists (one of another user's counts).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func stop() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.cancel != nil {
		shared.cancel()
		shared.cancel = nil
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
		shared.dir = ""
	}
}

// ExecPath returns the chromium to run: $CHROMIUM when set, else
// /usr/bin/chromium. ok is false when that file does not exist.
func ExecPath() (path string, ok bool) {
	path = os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	fi, err := os.Stat(path)
	return path, err == nil && !fi.IsDir()
}

// browser returns the context of the shared browser, starting it on first
// use.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	path, ok := ExecPath()
	if !ok {
		msg := fmt.Sprintf("browsertest: no chromium at %s (install Debian's chromium, or set $CHROMIUM)", path)
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg + "; CI=true, so this fails instead of skipping")
		}
		tb.Skip(msg)
	}
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.main {
		tb.Fatal("browsertest: call browsertest.Main(m) from the package's TestMain, so the browser stops after the tests")
	}
	if shared.started {
		if shared.err != nil {
			tb.Fatalf("browsertest: chromium did not start: %v", shared.err)
		}
		return shared.ctx
	}
	shared.started = true
	dir, err := os.MkdirTemp("", "mutual-chromium-")
	if err != nil {
		shared.err = err
		tb.Fatalf("browsertest: %v", err)
	}
	shared.dir = dir
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root in a container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("host-resolver-rules", "MAP *."+RebindDomain+" 127.0.0.1"),
		chromedp.WindowSize(1280, 800),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	shared.cancel = func() { cancelBrowser(); cancelAlloc() }
	shared.ctx = ctx
	// The first Do starts the browser; its life is bound to ctx, not to
	// this timeout, which only bounds the wait.
	errc := make(chan error, 1)
	go func() { errc <- chromedp.Do(ctx) }()
	select {
	case err = <-errc:
	case <-time.After(startTimeout):
		err = fmt.Errorf("no answer after %v", startTimeout)
	}
	if err != nil {
		shared.err = err
		tb.Fatalf("browsertest: chromium did not start: %v", err)
	}
	return ctx
}

// Message is something a page reported that a test may want to see: a
// console call, an uncaught exception or a browser log entry.
type Message struct {
	Kind  string // "console", "exception" or "log"
	Level string // console type ("log", "error", ...) or log level ("error", "warning", ...)
	Text  string
	URL   string // where it came from, when known
}

func (m Message) String() string {
	s := m.Kind + " " + m.Level + ": " + m.Text
	if m.URL != "" {
		s += " (" + m.URL + ")"
	}
	return s
}

// Request is one network request the page made.
type Request struct {
	URL    string
	Method string
	Type   network.ResourceType
	// Sent is when the browser sent it, on the browser's monotonic clock:
	// only the time between two requests means something.
	Sent time.Duration
}

// Response is one response the page received, or a request that failed
// (Status 0 with Failed set).
type Response struct {
	URL    string
	Status int64
	Type   network.ResourceType
	Failed string // the network error of a failed request
}

// StreamMessage is one message of a Server-Sent Events stream that the
// page's EventSource received. The browser reports it just before it
// calls the page's listeners, in the same task: an Eval made once a test
// has seen it runs after them.
type StreamMessage struct {
	URL   string // the stream's
	Event string // the event's name ("message" when the stream names none)
	Data  string
}

// Tab is one browser tab for one test. Its methods fail the test on error,
// so a test reads as a list of steps.
type Tab struct {
	tb  testing.TB
	ctx context.Context

	mu        sync.Mutex
	messages  []Message
	requests  []Request
	responses []Response
	streamed  []StreamMessage
	pending   map[network.RequestID]Request
}

// New opens a tab in the shared browser for tb and closes it when tb ends.
// The tab's actions must finish within TestTimeout. It records messages and
// network traffic from the start.
func New(tb testing.TB) *Tab {
	tb.Helper()
	return newTab(tb)
}

// NewIsolated is New in a browser context of its own, like a second
// person's browser: its storage, cookies, cache and downloads are apart
// from every other tab's. The context goes with the tab.
func NewIsolated(tb testing.TB) *Tab {
	tb.Helper()
	return newTab(tb, chromedp.WithNewBrowserContext())
}

func newTab(tb testing.TB, opts ...chromedp.ContextOption) *Tab {
	tb.Helper()
	bctx := browser(tb)
	tctx, cancelTimeout := context.WithTimeout(bctx, TestTimeout)
	ctx, cancelTab := chromedp.NewContext(tctx, opts...)
	tab := &Tab{tb: tb, ctx: ctx, pending: map[network.RequestID]Request{}}
	tb.Cleanup(func() { cancelTab(); cancelTimeout() })
	if err := chromedp.Listen(ctx, tab.record); err != nil {
		tb.Fatalf("browsertest: opening a tab: %v", err)
	}
	// Belt and braces for CSP: the browser logs violations, and the page
	// also sees a securitypolicyviolation event, which this script (run by
	// the protocol, outside the page's CSP) turns into a console error.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `addEventListener("securitypolicyviolation", e => console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber), true);`,
	})
	if err != nil {
		tb.Fatalf("browsertest: %v", err)
	}
	return tab
}

// ForgetOrigin makes the shared browser forget, when tb ends, everything
// it keeps for origin ("http://127.0.0.1:41234"): local storage, caches,
// cookies. Tabs made by New share one browser profile, and a test server's
// port is free again once it closes, so the next test's server may get the
// same origin and, without this, find the earlier test's saved answers in
// it (a worksheet's reflection "still works" once turned up in another
// test's text box). Call it right after starting the server and
// registering its Close: cleanups run last first, so the browser forgets
// the origin before the port is free.
func ForgetOrigin(tb testing.TB, origin string) {
	tb.Helper()
	ctx := browser(tb)
	tb.Cleanup(func() {
		cctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if _, err := chromedp.Call(cctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
			tb.Errorf("browsertest: forgetting what the browser keeps for %s: %v", origin, err)
		}
	})
}

// Context is the chromedp context of the tab, for actions the helpers do
// not cover.
func (tab *Tab) Context() context.Context { return tab.ctx }

// record runs on chromedp's event loop: it must be quick and never call the
// browser.
func (tab *Tab) record(ev any) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		m := Message{Kind: "console", Level: string(ev.Type), Text: argsText(ev.Args)}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			m.URL = st.CallFrames[0].URL
		}
		tab.messages = append(tab.messages, m)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		m := Message{Kind: "exception", Level: "error", Text: d.Text, URL: d.URL}
		if d.Exception != nil && d.Exception.Description != "" {
			m.Text += " " + d.Exception.Description
		}
		tab.messages = append(tab.messages, m)
	case *log.EventEntryAdded:
		e := ev.Entry
		tab.messages = append(tab.messages, Message{Kind: "log", Level: string(e.Level), Text: string(e.Source) + ": " + e.Text, URL: e.URL})
	case *network.EventRequestWillBeSent:
		r := Request{URL: ev.Request.URL, Method: ev.Request.Method, Type: ev.Type, Sent: time.Duration(ev.Timestamp.Float64() * float64(time.Second))}
		tab.requests = append(tab.requests, r)
		tab.pending[ev.RequestID] = r
	case *network.EventResponseReceived:
		tab.responses = append(tab.responses, Response{URL: ev.Response.URL, Status: ev.Response.Status, Type: ev.Type})
	case *network.EventEventSourceMessageReceived:
		tab.streamed = append(tab.streamed, StreamMessage{URL: tab.pending[ev.RequestID].URL, Event: ev.EventName, Data: ev.Data})
	case *network.EventLoadingFailed:
		r := tab.pending[ev.RequestID]
		why := ev.ErrorText
		if ev.BlockedReason != "" {
			why += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		tab.responses = append(tab.responses, Response{URL: r.URL, Type: ev.Type, Failed: why})
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if err := json.Unmarshal([]byte(a.Value), &s); err == nil {
				parts = append(parts, s)
				continue
			}
			parts = append(parts, string(a.Value))
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// Messages returns everything the tab recorded so far.
func (tab *Tab) Messages() []Message {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Message(nil), tab.messages...)
}

// Problems returns the recorded messages a finished page must not have:
// console errors and warnings, uncaught exceptions and browser log entries
// of level error or warning (where Content Security Policy violations,
// failed loads and deprecations land). Verbose and info entries pass.
func (tab *Tab) Problems() []Message {
	var out []Message
	for _, m := range tab.Messages() {
		switch m.Level {
		case "error", "warning", "assert":
			out = append(out, m)
		}
		if m.Kind == "exception" && m.Level != "error" {
			out = append(out, m)
		}
	}
	return out
}

// Requests returns every request the tab made so far, in order.
func (tab *Tab) Requests() []Request {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Request(nil), tab.requests...)
}

// Responses returns every response (and failed request) so far, in order.
func (tab *Tab) Responses() []Response {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Response(nil), tab.responses...)
}

// Streamed returns every event stream message the page heard so far, in
// order.
func (tab *Tab) Streamed() []StreamMessage {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]StreamMessage(nil), tab.streamed...)
}

// Forget clears what the tab recorded, so that a test can check one step.
func (tab *Tab) Forget() {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	tab.messages, tab.requests, tab.responses, tab.streamed = nil, nil, nil, nil
}

// Do runs actions in the tab, failing the test on the first error.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.tb.Helper()
	if err := chromedp.Do(tab.ctx, actions...); err != nil {
		tab.tb.Fatalf("browser: %v", err)
	}
}

// Eval evaluates a JavaScript expression in the page and decodes its
// value into T. Promises are awaited.
func Eval[T any](tab *Tab, expr string) T {
	tab.tb.Helper()
	v, err := chromedp.Run(tab.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.tb.Fatalf("browser: evaluating %s: %v", expr, err)
	}
	return v
}

// Navigate loads url and waits for its load event, returning the status of
// the document's response.
func (tab *Tab) Navigate(url string) int64 {
	tab.tb.Helper()
	resp, err := chromedp.Run(tab.ctx, chromedp.NavigateResponse(url))
	if err != nil {
		tab.tb.Fatalf("browser: loading %s: %v", url, err)
	}
	if resp == nil {
		tab.tb.Fatalf("browser: loading %s: no response", url)
	}
	return resp.Status
}

// Viewport makes the window width × height CSS pixels at device scale 1,
// like a narrow desktop window rather than a phone: a page wider than that
// scrolls sideways instead of being zoomed out, so overflow shows in
// document.documentElement.scrollWidth. Scrollbars are hidden (headless).
func (tab *Tab) Viewport(width, height int64) {
	tab.tb.Helper()
	_, err := chromedp.Call(tab.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: height, DeviceScaleFactor: 1,
	})
	if err != nil {
		tab.tb.Fatalf("browser: viewport %dx%d: %v", width, height, err)
	}
}

// ColorScheme emulates prefers-color-scheme: "dark" or "light".
func (tab *Tab) ColorScheme(scheme string) {
	tab.tb.Helper()
	_, err := chromedp.Call(tab.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		tab.tb.Fatalf("browser: color scheme %s: %v", scheme, err)
	}
}

// Media emulates a CSS media type such as "print"; "" goes back to screen.
func (tab *Tab) Media(media string) {
	tab.tb.Helper()
	_, err := chromedp.Call(tab.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
	if err != nil {
		tab.tb.Fatalf("browser: media %s: %v", media, err)
	}
}

// BlockURLs makes every request whose URL matches one of the URLPattern
// strings fail, as a network error would (e.g. "*://*:*/*.wasm").
func (tab *Tab) BlockURLs(patterns ...string) {
	tab.tb.Helper()
	var ps []*network.BlockPattern
	for _, p := range patterns {
		ps = append(ps, &network.BlockPattern{URLPattern: p, Block: true})
	}
	_, err := chromedp.Call(tab.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: ps})
	if err != nil {
		tab.tb.Fatalf("browser: blocking %q: %v", patterns, err)
	}
}

// Key presses and releases keys in the focused element, for example "\t"
// for Tab (see chromedp/kb for the others).
func (tab *Tab) Key(keys string) {
	tab.tb.Helper()
	tab.Do(chromedp.KeyEvent(keys))
}

// ScreenshotDir is the folder screenshots go to: $MUTUAL_SCREENSHOTS, or
// "" when screenshots are off.
func ScreenshotDir() string { return os.Getenv("MUTUAL_SCREENSHOTS") }

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// Screenshot saves a full-page PNG of the tab as dir/<test>-<name>.png when
// MUTUAL_SCREENSHOTS=dir is set, and does nothing otherwise.
func (tab *Tab) Screenshot(name string) {
	tab.tb.Helper()
	dir := ScreenshotDir()
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tab.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tab.tb.Fatalf("browser: screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tab.tb.Fatal(err)
	}
	file := unsafeName.ReplaceAllString(tab.tb.Name()+"-"+name, "_") + ".png"
	if err := os.WriteFile(filepath.Join(dir, file), png, 0o644); err != nil {
		tab.tb.Fatal(err)
	}
}

// ErrTimeout is what a Poll that ran out of time reports.
var ErrTimeout = errors.New("timed out")

// Poll evaluates a JavaScript boolean expression every 25 ms until it is
// true, failing the test with what after d.
func (tab *Tab) Poll(what, expr string, d time.Duration) {
	tab.tb.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, err := chromedp.Run(tab.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = ErrTimeout
			}
			tab.tb.Fatalf("browser: waiting for %s (%s): %v", what, expr, err)
		}
		if err := sleep(tab.ctx, 25*time.Millisecond); err != nil {
			tab.tb.Fatalf("browser: waiting for %s: %v", what, err)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
