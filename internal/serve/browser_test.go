//go:build browser

package serve

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/scaffold"
	"mutual/internal/site"
	"mutual/internal/testio"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// liveSite serves a new scaffolded site as `mutual serve` does, with the
// real site.Builder, and returns the site folder, the base URL, the server
// and a function that stops it.
func liveSite(t *testing.T) (dir, base string, s *Server, stop func()) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "site")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	base, s, stop = startLive(t, dir, "127.0.0.1:0")
	return dir, base, s, stop
}

// startLive serves the site in dir on addr until the test ends or stop is
// called.
func startLive(t *testing.T, dir, addr string) (base string, s *Server, stop func()) {
	t.Helper()
	return startLiveWith(t, dir, addr, Options{})
}

// startLiveWith is startLive with options (their Stdout and Stderr are
// replaced).
func startLiveWith(t *testing.T, dir, addr string, opts Options) (base string, s *Server, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	base = LocalURL(ln.Addr())
	b := site.New(site.Options{
		Dir:     dir,
		Out:     filepath.Join(t.TempDir(), "public"),
		BaseURL: base,
		Scripts: []string{ScriptURL},
		Watch:   true,
	})
	var stdout, stderr testio.Buffer
	opts.Stdout, opts.Stderr = &stdout, &stderr
	s = New(b, opts)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
			t.Logf("server stdout:\n%s\nserver stderr:\n%s", stdout.String(), stderr.String())
		})
	}
	t.Cleanup(stop)
	return base, s, stop
}

// waitClients waits until n browsers listen to the server's events, so an
// edit made next cannot happen before the page is listening.
func waitClients(t *testing.T, s *Server, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		s.events.mu.Lock()
		got := len(s.events.clients)
		s.events.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d browsers listening, want %d", got, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// heard waits until the page in tab has heard the live reload event name
// among the messages after the first from that the tab recorded (count
// them before loading the page), and its listeners have run. A page's
// stream starts with the server's state ("ok", then "warnings"): waitClients
// can count the stream of the page a reload replaced, which the server
// may not have let go of yet.
func heard(t *testing.T, tab *browsertest.Tab, from int, name string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		got := tab.Streamed()
		for _, m := range got[min(from, len(got)):] {
			if m.Event == name {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not hear %q from the server; it heard %+v", name, got[min(from, len(got)):])
		}
	}
}

func edit(t *testing.T, name, old, new string) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	// Write a temp file and rename it over, as most editors save.
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".tmp")
	if err := os.WriteFile(tmp, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

const overlayJS = `(() => { const o = document.getElementById("mutual-overlay"); return o ? o.innerText : ""; })()`

func TestLiveReloadInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir, base, s, _ := liveSite(t)
	start := time.Now()
	defer func() { t.Logf("took %v", time.Since(start)) }()
	tab := browsertest.New(t)
	t.Logf("tab after %v", time.Since(start))

	// An edit to a guide shows without a manual reload.
	if status := tab.Navigate(base + "guides/first-guide/"); status != 200 {
		t.Fatalf("guide: status %d", status)
	}
	waitClients(t, s, 1)
	guide := filepath.Join(dir, "content", "guides", "first-guide.md")
	edit(t, guide, "Replace this text\nwith your own.", "Replace this text\nwith your own. A sentence the test just wrote.")
	tab.Poll("the edited text", `document.body.innerText.includes("A sentence the test just wrote.")`, 10*time.Second)
	t.Logf("%s after %v", "the edited text", time.Since(start))

	// A CSS change swaps the stylesheet in place: no reload, so the scroll
	// position and a worksheet's answers stay. (The page must listen
	// before the edit, or it never hears of it.)
	from := len(tab.Streamed())
	if status := tab.Navigate(base + "worksheets/check-in/"); status != 200 {
		t.Fatalf("worksheet: status %d", status)
	}
	heard(t, tab, from, "ok")
	browsertest.Eval[bool](tab, `(() => {
		window.mutualMarker = true;
		document.querySelector('input[name="listening.give"][value="3"]').click();
		document.querySelector('textarea[name="one-step"]').value = "call my sister";
		window.scrollTo({top: 300, behavior: "instant"});
		return true;
	})()`)
	scrolled := browsertest.Eval[float64](tab, `window.scrollY`)
	if scrolled <= 0 {
		t.Fatalf("the worksheet page does not scroll (scrollY %v): make the test page longer", scrolled)
	}
	oldCSS := browsertest.Eval[string](tab, `document.querySelector('link[href*="/css/custom."]').getAttribute("href")`)
	edit(t, filepath.Join(dir, "themes", "brand", "static", "css", "custom.css"),
		"/* --accent: #0b6b61;        links, buttons, highlights */", "--accent: #0a5c53;")
	tab.Poll("the new stylesheet", `(() => {
		const l = document.querySelectorAll('link[href*="/css/custom."]');
		return l.length === 1 && l[0].getAttribute("href") !== `+jsString(oldCSS)+` && l[0].sheet !== null;
	})()`, 10*time.Second)
	t.Logf("%s after %v", "the new stylesheet", time.Since(start))
	state := browsertest.Eval[string](tab, `[
		window.mutualMarker === true,
		document.querySelector('input[name="listening.give"][value="3"]').checked,
		document.querySelector('textarea[name="one-step"]').value,
		window.scrollY,
		getComputedStyle(document.documentElement).getPropertyValue("--accent").trim(),
	].join("|")`)
	if want := fmt.Sprintf("true|true|call my sister|%v|#0a5c53", scrolled); state != want {
		t.Errorf("after the CSS swap: %s, want %s (no reload, answers, scroll, new accent)", state, want)
	}

	// A broken worksheet shows the overlay with its error; the page stays.
	ws := filepath.Join(dir, "content", "worksheets", "check-in.yaml")
	edit(t, ws, "\ntitle: A quick check-in", "\ntitel: A quick check-in")
	want := `content/worksheets/check-in.yaml:2:1: unknown key "titel" in worksheet (did you mean "title"?)`
	tab.Poll("the error overlay", overlayJS+`.includes(`+jsString(want)+`)`, 10*time.Second)
	t.Logf("%s after %v", "the error overlay", time.Since(start))
	// overlay.css is added with the overlay, and may still be loading.
	tab.Poll("overlay.css to apply", `getComputedStyle(document.getElementById("mutual-overlay")).position === "fixed"`, 10*time.Second)

	// A browser that opens a page while the build is broken sees it too.
	other := browsertest.New(t)
	if status := other.Navigate(base + "guides/first-guide/"); status != 200 {
		t.Fatalf("guide while broken: status %d", status)
	}
	other.Poll("the error overlay on a fresh page", overlayJS+`.includes(`+jsString(want)+`)`, 10*time.Second)
	t.Logf("%s after %v", "the error overlay on a fresh page", time.Since(start))

	// Fixed: the overlay goes away in both.
	edit(t, ws, "\ntitel: A quick check-in", "\ntitle: A quick check-in")
	for _, tb := range []*browsertest.Tab{tab, other} {
		tb.Poll("the overlay to go", `document.readyState === "complete" && !document.getElementById("mutual-overlay") && document.body.innerText.length > 0`, 10*time.Second)
		t.Logf("%s after %v", "the overlay to go", time.Since(start))
	}
	for _, tb := range []*browsertest.Tab{tab, other} {
		for _, p := range tb.Problems() {
			t.Errorf("browser problem: %s", p)
		}
	}
}

func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// A page whose server stopped reconnects to the next one on the same
// address and reloads, since the site may have changed in between.
func TestReconnectAfterRestart(t *testing.T) {
	// Not parallel: the server comes back on the same port, which a
	// parallel test's listener or connection might take meanwhile.
	dir, base, s, stop := liveSite(t)
	tab := browsertest.New(t)
	if status := tab.Navigate(base + "guides/first-guide/"); status != 200 {
		t.Fatalf("guide: status %d", status)
	}
	waitClients(t, s, 1)
	browsertest.Eval[bool](tab, `window.mutualMarker = true`)
	stop()
	edit(t, filepath.Join(dir, "content", "guides", "first-guide.md"), "## Noticing the balance", "## Noticing the balance again")
	addr := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	_, s2, _ := startLive(t, dir, addr)
	tab.Poll("a reload from the new server", `window.mutualMarker === undefined && document.body.innerText.includes("Noticing the balance again")`, 15*time.Second)
	waitClients(t, s2, 1)
	for _, p := range tab.Problems() {
		// While the server is away, chromium logs the dropped event stream
		// and anything it fetched then (the favicon).
		if strings.Contains(p.Text, EventsURL) || strings.Contains(p.Text, "ERR_CONNECTION_REFUSED") {
			continue
		}
		t.Errorf("browser problem: %s", p)
	}
}

// DNS rebinding, as a browser lives it: a page of someone else's whose name
// now resolves to 127.0.0.1 gets a 403 and nothing of the preview, not even
// the event stream; localhost and a name given with AllowHosts get the site,
// which runs under the server's security headers without a complaint.
func TestRebindingInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir := filepath.Join(t.TempDir(), "site")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	mine := "mine." + browsertest.RebindDomain
	base, s, _ := startLiveWith(t, dir, "127.0.0.1:0", Options{AllowHosts: []string{mine}})
	_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))

	tab := browsertest.New(t)
	evil := "http://evil." + browsertest.RebindDomain + ":" + port
	if status := tab.Navigate(evil + "/guides/first-guide/"); status != 403 {
		t.Fatalf("%s: status %d, want 403", evil, status)
	}
	text := browsertest.Eval[string](tab, `document.body.innerText`)
	if !strings.Contains(text, "--allow-host") || strings.Contains(text, "Your first guide") {
		t.Errorf("the refusal reads %q", text)
	}
	// The page's own script (same origin as far as the browser knows) can
	// read nothing either.
	got := browsertest.Eval[string](tab, `Promise.all(["/", "/guides/first-guide/", "`+EventsURL+`", "`+ScriptURL+`"].map(u => fetch(u).then(r => r.status))).then(s => s.join(" "))`)
	if got != "403 403 403 403" {
		t.Errorf("fetches from the rebound page: %s, want 403 each", got)
	}

	for i, host := range []string{"localhost", mine} {
		ok := browsertest.New(t)
		url := "http://" + host + ":" + port + "/guides/first-guide/"
		if status := ok.Navigate(url); status != 200 {
			t.Fatalf("%s: status %d, want 200", url, status)
		}
		if title := browsertest.Eval[string](ok, `document.querySelector("h1").textContent`); !strings.Contains(title, "Your first guide") {
			t.Errorf("%s: h1 %q", url, title)
		}
		waitClients(t, s, i+1) // its live reload script listens
		for _, p := range ok.Problems() {
			t.Errorf("%s: browser problem: %s", url, p)
		}
	}
}

// A page refused a live reload stream (the cap is reached) asks again
// later and later rather than every second, and follows the site once a
// stream is free.
func TestStreamRefusedInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir := filepath.Join(t.TempDir(), "site")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	base, s, _ := startLiveWith(t, dir, "127.0.0.1:0", Options{MaxStreams: 1})
	holder := dialEvents(t, strings.TrimSuffix(base, "/"))
	holder.next()

	tab := browsertest.New(t)
	if status := tab.Navigate(base + "guides/first-guide/"); status != 200 {
		t.Fatalf("guide: status %d", status)
	}
	browsertest.Eval[bool](tab, `window.mutualMarker = true`)
	// Once at load, then about 1 and 2 more seconds after each refusal
	// (with up to 20% randomness): the gaps between the browser's own
	// times of sending are at least 0.8 s and 1.6 s, however busy the
	// machine (a slow machine only makes them longer). A page that asked
	// every second would leave 1 s gaps. (Counting the asks in a set time
	// fails when a busy browser is slow to ask.)
	var asked []browsertest.Request
	for deadline := time.Now().Add(20 * time.Second); len(asked) < 3; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the refused page asked for the stream %d times in 20 s, want 3", len(asked))
		}
		asked = asked[:0]
		for _, r := range tab.Requests() {
			if strings.Contains(r.URL, EventsURL) {
				asked = append(asked, r)
			}
		}
	}
	for i, least := range []time.Duration{800 * time.Millisecond, 1600 * time.Millisecond} {
		gap := asked[i+1].Sent - asked[i].Sent
		t.Logf("ask %d came %v after ask %d", i+2, gap, i+1)
		if gap < least {
			t.Errorf("the refused page asked for the stream again %v after its ask %d, want %v or more", gap, i+1, least)
		}
	}

	holder.res.Body.Close()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		s.events.mu.Lock()
		n := len(s.events.clients)
		s.events.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server still counts the closed stream")
		}
	}
	waitClients(t, s, 1) // the page's, now
	edit(t, filepath.Join(dir, "content", "guides", "first-guide.md"), "## Noticing the balance", "## Noticing the balance, once a stream was free")
	tab.Poll("a reload", `window.mutualMarker === undefined && document.body.innerText.includes("once a stream was free")`, 15*time.Second)
}

// A file name with carriage returns lands in an error line; the page shows
// it in the overlay and does not reload (an injected "reload" event would
// reload it again on every reconnect).
func TestFileNameInjectionInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir, base, s, _ := liveSite(t)
	tab := browsertest.New(t)
	if status := tab.Navigate(base + "guides/first-guide/"); status != 200 {
		t.Fatalf("guide: status %d", status)
	}
	waitClients(t, s, 1)
	browsertest.Eval[bool](tab, `window.mutualMarker = true`)
	name := filepath.Join(dir, "content", "guides", "x\revent: reload\r\r.md")
	if err := os.WriteFile(name, []byte("---\ntitel: x\n---\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.Poll("the error overlay", overlayJS+`.includes("titel")`, 10*time.Second)
	time.Sleep(time.Second) // time for a reload, were one coming
	if !browsertest.Eval[bool](tab, `window.mutualMarker === true`) {
		t.Fatal("the page reloaded")
	}
	// A reload just asked for may not have begun yet: that the page heard
	// no "reload" says it was not asked for.
	for _, m := range tab.Streamed() {
		if m.Event != "ok" && m.Event != "warnings" && m.Event != "error" {
			t.Errorf("the page heard %q (%q)", m.Event, m.Data)
		}
	}
	if text := browsertest.Eval[string](tab, overlayJS); !strings.Contains(text, "event: reload") {
		t.Errorf("overlay %q does not name the file", text)
	}
}

// A site broken from the start: no build has worked, so the browser gets
// the server's "Not found" page, and the overlay says that no version of
// the site could be built yet (not that the last good one is shown), with
// each error's file:line:col. Fixed, the page becomes the site.
func TestUnbuiltSiteInBrowser(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir := filepath.Join(t.TempDir(), "site")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	guide := filepath.Join(dir, "content", "guides", "first-guide.md")
	away := filepath.Join(dir, "first-guide.md")
	if err := os.Rename(guide, away); err != nil {
		t.Fatal(err)
	}
	base, s, _ := startLive(t, dir, "127.0.0.1:0")
	tab := browsertest.New(t)
	if status := tab.Navigate(base); status != 404 {
		t.Fatalf("home of a site never built: status %d, want 404", status)
	}
	waitClients(t, s, 1)
	tab.Poll("the overlay", overlayJS+`.includes("check-in.yaml")`, 20*time.Second)
	text := browsertest.Eval[string](tab, overlayJS)
	for _, want := range []string{
		"No version of the site could be built yet",
		`content/worksheets/check-in.yaml:8:30: link to missing file "../guides/first-guide.md"`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay %q does not say %q", text, want)
		}
	}
	if strings.Contains(text, "last good") {
		t.Errorf("overlay %q speaks of a last good version there is none of", text)
	}
	tab.Screenshot("unbuilt")
	// A browser that connects later hears the same.
	tab2 := browsertest.New(t)
	tab2.Navigate(base + "guides/")
	tab2.Poll("the overlay in a second tab", overlayJS+`.includes("No version of the site could be built yet")`, 20*time.Second)

	if err := os.Rename(away, guide); err != nil {
		t.Fatal(err)
	}
	tab.Poll("the site", `document.title !== "Not found" && !document.getElementById("mutual-overlay") && !!document.querySelector("main")`, 30*time.Second)
}
