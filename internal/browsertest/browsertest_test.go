//go:build browser

package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Main(m) }

// pages are the fixtures: each shows one thing a Tab must notice, or must
// not.
func pages(other string) http.Handler {
	mux := http.NewServeMux()
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<!doctype html><html><head><meta charset=utf-8><title>t</title>"+body)
		}
	}
	mux.HandleFunc("/clean", html(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head><body><p>fine</p></body></html>`))
	mux.HandleFunc("/csp", html(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'"></head><body><p style="color:red">inline style</p></body></html>`))
	mux.HandleFunc("/throw", html(`</head><body><script>null.x</script></body></html>`))
	mux.HandleFunc("/console", html(`</head><body><script>console.error("broken", 42)</script></body></html>`))
	mux.HandleFunc("/outside", html(`</head><body><img src="`+other+`/pixel.png" alt=""></body></html>`))
	mux.HandleFunc("/media", html(`<style>body{background:#fff}@media (prefers-color-scheme: dark){body{background:#000}}</style></head><body>x</body></html>`))
	mux.HandleFunc("/blocked", html(`</head><body><img src="/pixel.png" alt=""></body></html>`))
	mux.HandleFunc("/contrast", html(`<style>
		body{background:#fff;color:#000;font-size:16px}
		.pale{color:#999} .big{color:#949494;font-size:24px} .small{color:#949494}
		.veil{background:rgba(0,0,0,.5)} .veil p{color:#777}
		.image{background-image:linear-gradient(#fff,#fff)} .image p{color:#eee}
		.hidden{display:none;color:#fff}
		</style></head><body><p>black on white</p><p class="pale">pale grey</p>
		<p class="big">large grey</p><p class="small">small grey</p>
		<div class="veil"><p>under a veil</p></div><div class="image"><p>on an image</p></div>
		<p class="hidden">hidden</p></body></html>`))
	// Chromium asks for /favicon.ico by itself.
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/pixel.png", func(w http.ResponseWriter, r *http.Request) { w.Header().Set("Content-Type", "image/png") })
	// A stream that sends its events a while after the page asks, as a
	// server busy with a build does; the page's listeners leave a trace.
	mux.HandleFunc("/stream", html(`</head><body><script src="/stream.js"></script></body></html>`))
	mux.HandleFunc("/stream.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `window.heard = []; const s = new EventSource("/events");
			s.addEventListener("hello", e => window.heard.push("hello " + e.data));
			s.onmessage = e => { window.heard.push("message " + e.data); s.close(); };`)
	})
	mux.HandleFunc("/events", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		time.Sleep(300 * time.Millisecond)
		fmt.Fprint(w, "event: hello\ndata: one\n\ndata: two\n\n")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	return mux
}

func servers(t *testing.T) (site, other *httptest.Server) {
	other = httptest.NewServer(pages(""))
	t.Cleanup(other.Close)
	site = httptest.NewServer(pages(other.URL))
	t.Cleanup(site.Close)
	return site, other
}

func TestProblems(t *testing.T) {
	site, _ := servers(t)
	tab := New(t)
	for _, tc := range []struct {
		path string
		want string // substring of one problem; "" = no problem
	}{
		{"/clean", ""},
		{"/csp", "Content Security Policy"},
		{"/throw", "TypeError"},
		{"/console", "broken 42"},
	} {
		tab.Forget()
		if status := tab.Navigate(site.URL + tc.path); status != 200 {
			t.Fatalf("%s: status %d", tc.path, status)
		}
		if tc.want == "" {
			// Nothing to wait for: a moment for a late message, were one
			// coming.
			time.Sleep(100 * time.Millisecond)
			if problems := tab.Problems(); len(problems) > 0 {
				t.Errorf("%s: unexpected problems %v", tc.path, problems)
			}
			continue
		}
		// Console and log events may trail the load event, by more than
		// 100 ms on a machine busy with other tests: wait for the one
		// expected, for up to 5 s.
		found := false
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(25 * time.Millisecond) {
			for _, p := range tab.Problems() {
				found = found || strings.Contains(p.String(), tc.want)
			}
			if found || time.Now().After(deadline) {
				break
			}
		}
		if !found {
			t.Errorf("%s: no problem mentions %q; recorded %v", tc.path, tc.want, tab.Messages())
		}
	}
}

func TestRequests(t *testing.T) {
	site, other := servers(t)
	tab := New(t)
	tab.Navigate(site.URL + "/outside")
	var sawOther bool
	for _, r := range tab.Requests() {
		sawOther = sawOther || strings.HasPrefix(r.URL, other.URL+"/pixel.png")
	}
	if !sawOther {
		t.Errorf("the request to the other origin was not recorded: %v", tab.Requests())
	}
	// Each carries when it was sent: the page before what it holds.
	if r := tab.Requests(); len(r) < 2 || r[0].Sent <= 0 || r[1].Sent < r[0].Sent {
		t.Errorf("the requests' times are not in order: %v", r)
	}
	var got []string
	for _, r := range tab.Responses() {
		if !strings.HasSuffix(r.URL, "/favicon.ico") { // asked for or not, at the browser's whim
			got = append(got, fmt.Sprintf("%s %d", strings.TrimPrefix(strings.TrimPrefix(r.URL, site.URL), other.URL), r.Status))
		}
	}
	if want := []string{"/outside 200", "/pixel.png 200"}; !slices.Equal(got, want) {
		t.Errorf("responses %q, want %q", got, want)
	}

	tab.Forget()
	tab.BlockURLs("*://*:*/*.png")
	tab.Navigate(site.URL + "/blocked")
	failed := false
	for _, r := range tab.Responses() {
		failed = failed || (strings.HasSuffix(r.URL, "/pixel.png") && r.Failed != "")
	}
	if !failed {
		t.Errorf("the blocked image did not fail: %v", tab.Responses())
	}
}

// TestStreamed: the tab records the messages of the page's event stream,
// and by the time a test sees one the page's listeners have run.
func TestStreamed(t *testing.T) {
	site, _ := servers(t)
	tab := New(t)
	tab.Navigate(site.URL + "/stream")
	var got []StreamMessage
	for deadline := time.Now().Add(10 * time.Second); len(got) < 2; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the stream's two messages were not recorded: %+v", got)
		}
		got = tab.Streamed()
	}
	if heard := Eval[[]string](tab, `window.heard`); !slices.Equal(heard, []string{"hello one", "message two"}) {
		t.Errorf("once the messages were recorded, the page had heard %q", heard)
	}
	want := []StreamMessage{{site.URL + "/events", "hello", "one"}, {site.URL + "/events", "message", "two"}}
	if !slices.Equal(got, want) {
		t.Errorf("recorded %+v, want %+v", got, want)
	}
	tab.Forget()
	if got := tab.Streamed(); len(got) != 0 {
		t.Errorf("after Forget: %+v", got)
	}
}

func TestEmulation(t *testing.T) {
	site, _ := servers(t)
	tab := New(t)
	tab.Viewport(320, 640)
	tab.Navigate(site.URL + "/media")
	if w := Eval[int](tab, `innerWidth`); w != 320 {
		t.Errorf("innerWidth = %d, want 320", w)
	}
	for scheme, want := range map[string]string{"dark": "rgb(0, 0, 0)", "light": "rgb(255, 255, 255)"} {
		tab.ColorScheme(scheme)
		if got := Eval[string](tab, `getComputedStyle(document.body).backgroundColor`); got != want {
			t.Errorf("%s: body background %s, want %s", scheme, got, want)
		}
	}
}

// TestLowContrast checks the WCAG AA check on known colours: #999 on white
// is 2.85:1, #949494 is 3.03:1 (enough for large text only), #777 on the
// grey a half-black veil makes of white is 1.12:1.
func TestLowContrast(t *testing.T) {
	site, _ := servers(t)
	tab := New(t)
	tab.Navigate(site.URL + "/contrast")
	got := tab.LowContrast()
	want := []string{`p.pale "pale grey"`, `p.small "small grey"`, `p "under a veil"`}
	if len(got) != len(want) {
		t.Fatalf("LowContrast() = %q, want %d entries starting %q", got, len(want), want)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w+": ") {
			t.Errorf("entry %d = %q, want it to start %q", i, got[i], w+": ")
		}
	}
	if !strings.Contains(got[0], "= 2.85 < 4.5") {
		t.Errorf("entry 0 = %q, want the ratio 2.85 against 4.5", got[0])
	}
}

func TestScreenshot(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("MUTUAL_SCREENSHOTS", dir)
	site, _ := servers(t)
	tab := New(t)
	tab.Navigate(site.URL + "/clean")
	tab.Screenshot("clean page")
	data, err := os.ReadFile(filepath.Join(dir, "TestScreenshot-clean_page.png"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\x89PNG") {
		t.Errorf("the screenshot is not a PNG")
	}
}

// TestIsolated: tabs made by New share the browser's storage, as tabs of
// one person do; a tab made by NewIsolated sees none of it.
func TestIsolated(t *testing.T) {
	site, _ := servers(t)
	a, b, other := New(t), New(t), NewIsolated(t)
	for _, tab := range []*Tab{a, b, other} {
		tab.Navigate(site.URL + "/clean")
	}
	Eval[bool](a, `(localStorage.setItem("who", "a"), true)`)
	if got := Eval[string](b, `localStorage.getItem("who") || ""`); got != "a" {
		t.Errorf("a second tab of the same browser reads %q, want %q", got, "a")
	}
	if got := Eval[string](other, `localStorage.getItem("who") || ""`); got != "" {
		t.Errorf("an isolated tab reads %q, want nothing", got)
	}
	Eval[bool](a, `(localStorage.clear(), true)`)
}

// TestRunTempDir: the tests' temporary files go into this run's
// mutual-tests-* folder (removed when the tests end), and a run starting
// removes the folders of runs whose process is gone (a timeout's panic
// skips every cleanup), and only those.
func TestRunTempDir(t *testing.T) {
	if dir := filepath.Base(filepath.Dir(filepath.Dir(t.TempDir()))); !strings.HasPrefix(dir, runTempPrefix) {
		t.Errorf("t.TempDir is in %s, not in this run's %s* folder", dir, runTempPrefix)
	}
	if b, err := os.ReadFile(filepath.Join(os.TempDir(), "pid")); err != nil || strings.TrimSpace(string(b)) != fmt.Sprint(os.Getpid()) {
		t.Errorf("this run's folder %s does not hold its pid: %q, %v", os.TempDir(), b, err)
	}

	parent := t.TempDir()
	t.Setenv("TMPDIR", parent)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	folders := map[string]string{ // folder -> its pid file, "" for none
		runTempPrefix + "dead":     fmt.Sprint(gone.Process.Pid),
		runTempPrefix + "alive":    fmt.Sprint(os.Getpid()),
		runTempPrefix + "starting": "",
		"someone-else":             fmt.Sprint(gone.Process.Pid),
	}
	for dir, pid := range folders {
		if err := os.MkdirAll(filepath.Join(parent, dir, "TestX123", "001"), 0o755); err != nil {
			t.Fatal(err)
		}
		if pid != "" {
			if err := os.WriteFile(filepath.Join(parent, dir, "pid"), []byte(pid+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := runTempDir()
	if filepath.Dir(dir) != parent || !strings.HasPrefix(filepath.Base(dir), runTempPrefix) || os.TempDir() != dir {
		t.Errorf("runTempDir made %q and $TMPDIR is %q, want a %s* folder in %s", dir, os.TempDir(), runTempPrefix, parent)
	}
	for name, pid := range folders {
		_, err := os.Stat(filepath.Join(parent, name))
		if kept := err == nil; kept != (name != runTempPrefix+"dead") {
			t.Errorf("%s (pid %q): kept = %v", name, pid, kept)
		}
	}
}

// TestForgetOrigin: what a test's tabs saved for its server's origin is
// gone once the test ends, so that a later test whose server gets the
// same port starts from an empty store; another origin's is kept.
func TestForgetOrigin(t *testing.T) {
	site, other := servers(t)
	t.Run("saves", func(t *testing.T) {
		ForgetOrigin(t, site.URL)
		tab := New(t)
		for _, u := range []string{site.URL, other.URL} {
			tab.Navigate(u + "/clean")
			Eval[bool](tab, `(localStorage.setItem("answers", "kept"), true)`)
		}
	})
	tab := New(t)
	tab.Navigate(site.URL + "/clean")
	if got := Eval[string](tab, `localStorage.getItem("answers") || ""`); got != "" {
		t.Errorf("after the test that saved it, the same origin reads %q, want nothing", got)
	}
	tab.Navigate(other.URL + "/clean")
	if got := Eval[string](tab, `localStorage.getItem("answers") || ""`); got != "kept" {
		t.Errorf("another origin reads %q, want %q", got, "kept")
	}
	Eval[bool](tab, `(localStorage.clear(), true)`)
}
