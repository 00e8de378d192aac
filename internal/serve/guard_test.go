package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"mutual/internal/site"
)

// The headers every response of the server carries, whatever it answers.
var wantHeaders = map[string]string{
	"Content-Security-Policy":      site.ContentSecurityPolicy + "; frame-ancestors 'none'",
	"X-Frame-Options":              "DENY",
	"Referrer-Policy":              "no-referrer",
	"Cross-Origin-Resource-Policy": "same-origin",
	"X-Content-Type-Options":       "nosniff",
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// checkHeaders checks the headers of a response; secure is whether the
// request was for a secure context (127.0.0.1, localhost), where browsers
// also obey Cross-Origin-Opener-Policy.
func checkHeaders(t *testing.T, what string, h http.Header, secure bool) {
	t.Helper()
	for k, want := range wantHeaders {
		if got := h.Values(k); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %s = %q, want %q", what, k, got, want)
		}
	}
	if got := h.Values("Cross-Origin-Opener-Policy"); secure && (len(got) != 1 || got[0] != "same-origin") || !secure && len(got) > 0 {
		t.Errorf("%s: Cross-Origin-Opener-Policy = %q, want same-origin on a secure context only", what, got)
	}
}

// Every kind of response carries the security headers: pages, assets, the
// theme's 404 page and the plain one, redirects, refusals, the live reload
// files, the event stream, and the answers to a foreign Host and to one
// stream too many.
func TestSecurityHeaders(t *testing.T) {
	out, _ := testSite(t)
	s := New(&fakeBuilder{out: out}, Options{MaxStreams: 1})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close()
	noBuild := httptest.NewServer(New(&fakeBuilder{out: t.TempDir() + "/missing"}, Options{}).Handler())
	defer noBuild.Close()

	type request struct {
		base, method, target, host, rangeHdr string
		status                               int
	}
	for _, r := range []request{
		{srv.URL, "GET", "/", "", "", 200},
		{srv.URL, "HEAD", "/guides/x/", "", "", 200},
		{srv.URL, "GET", "/css/main.3fa2.css", "", "", 200},
		{srv.URL, "GET", "/js/worksheet.9c1e.js", "", "", 200},
		{srv.URL, "GET", "/scorer.12ab.wasm", "", "", 200},
		{srv.URL, "GET", "/css/main.3fa2.css", "", "bytes=0-1", 206},
		{srv.URL, "GET", "/css/main.3fa2.css", "", "bytes=99-", 416},
		{srv.URL, "GET", "/guides/x", "", "", 302},
		{srv.URL, "GET", "/nope/", "", "", 404},
		{noBuild.URL, "GET", "/", "", "", 404},
		{srv.URL, "GET", "/%2e%2e/secret.txt", "", "", 400},
		{srv.URL, "POST", "/", "", "", 405},
		{srv.URL, "GET", ScriptURL, "", "", 200},
		{srv.URL, "GET", OverlayURL, "", "", 200},
		{srv.URL, "GET", "/_mutual/nope", "", "", 404},
		{srv.URL, "HEAD", EventsURL, "", "", 200},
		{srv.URL, "GET", "/", "localhost:1313", "", 200},
		{srv.URL, "GET", "/", "rebound.example", "", 403},
		{srv.URL, "GET", EventsURL, "rebound.example", "", 403},
	} {
		what := r.method + " " + r.target
		req, err := http.NewRequest(r.method, r.base, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = r.target
		if r.host != "" {
			req.Host = r.host
			what += " (Host " + r.host + ")"
		}
		if r.rangeHdr != "" {
			req.Header.Set("Range", r.rangeHdr)
		}
		res, err := noRedirects.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != r.status {
			t.Errorf("%s: status %d, want %d", what, res.StatusCode, r.status)
		}
		checkHeaders(t, what, res.Header, r.host != "rebound.example")
	}

	// Browsers ignore Cross-Origin-Opener-Policy outside a secure context
	// and log an error for it: a phone that opens the preview on the
	// network, or an --allow-host name, gets every header but that one.
	for _, host := range []string{"192.168.1.20:1313", "laptop.local"} {
		s := New(&fakeBuilder{out: out}, Options{AllowHosts: []string{"laptop.local"}})
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("Host %s: status %d, want 200", host, rec.Code)
		}
		checkHeaders(t, "Host "+host, rec.Header(), false)
	}

	// The event stream, and one stream more than the cap.
	stream := dialEvents(t, srv.URL)
	checkHeaders(t, "GET "+EventsURL, stream.res.Header, true)
	stream.next()
	res, err := http.Get(srv.URL + EventsURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a stream over the cap: status %d, want 503", res.StatusCode)
	}
	checkHeaders(t, "GET "+EventsURL+" over the cap", res.Header, true)
}

// The Host header decides whether the server answers: localhost, its
// subdomains and IP addresses always, other names only when allowed. A
// page on another site that rebinds its own name to 127.0.0.1 sends that
// name, and gets a 403 instead of the preview.
func TestHostCheck(t *testing.T) {
	out, _ := testSite(t)
	h := New(&fakeBuilder{out: out}, Options{AllowHosts: []string{"laptop.local", ".dev.example"}}).Handler()
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:1313", true},
		{"127.0.0.1", true},
		{"127.1.2.3:80", true},
		{"192.168.1.20:1313", true},
		{"[::1]:1313", true},
		{"[::1]", true},
		{"[fe80::1%25en0]:1313", false}, // not what a browser sends
		{"localhost:1313", true},
		{"localhost", true},
		{"LocalHost.:1313", true},
		{"preview.localhost:1313", true},
		{"a.b.localhost", true},
		{"laptop.local:1313", true},
		{"LAPTOP.LOCAL", true},
		{"dev.example", true},
		{"x.dev.example:8080", true},
		{"", false},
		{"evil.example:1313", false},
		{"evil.example", false},
		{"localhost.evil.example", false},
		{"evillocalhost", false},
		{"127.0.0.1.evil.example", false},
		{"laptop.local.evil.example", false},
		{"xdev.example", false},
		{"2130706433", false}, // an IP only to some parsers; browsers send 127.0.0.1
		{"0x7f.1", false},
		{"127.0.0.1:1313@evil.example", false},
		{"0 .dev.example", false}, // no DNS name, though it ends as an allowed one
		{"a b.localhost", false},
		{"x..dev.example", false},
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Code != http.StatusForbidden; got != tt.ok {
			t.Errorf("Host %q: status %d, want allowed=%v", tt.host, rec.Code, tt.ok)
			continue
		}
		if !tt.ok {
			body := rec.Body.String()
			if ct := rec.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" || !strings.Contains(body, "--allow-host") || strings.Contains(body, "home") {
				t.Errorf("Host %q: %q %q, want a short plain text explanation", tt.host, ct, body)
			}
		}
	}
}

// A request whose target is a full URL (as a proxy gets it) is judged by
// the host it names.
func TestHostCheckAbsoluteTarget(t *testing.T) {
	out, _ := testSite(t)
	srv := httptest.NewServer(New(&fakeBuilder{out: out}, Options{}).Handler())
	defer srv.Close()
	for target, want := range map[string]string{
		"http://evil.example/":            "403",
		"http://localhost:1313/":          "200",
		"http://127.0.0.1:9/":             "200",
		"http://evil.example" + EventsURL: "403",
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
		line, _ := bufio.NewReader(conn).ReadString('\n')
		conn.Close()
		if !strings.HasPrefix(line, "HTTP/1.1 "+want) {
			t.Errorf("GET %s: %q, want %s", target, line, want)
		}
	}
}

func TestParseAllowHost(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"laptop.local", "laptop.local", ""},
		{"Laptop.Local.", "laptop.local", ""},
		{".dev.example", ".dev.example", ""},
		{"my-box", "my-box", ""},
		{"under_score.example", "under_score.example", ""},
		{"", "", "empty"},
		{".", "", "not a host name"},
		{"a..b", "", "not a host name"},
		{"evil.example:1313", "", "without a port"},
		{"http://evil.example/", "", "not a host name"},
		{"*", "", "not a host name"},
		{"*.example", "", `".example"`},
		{"a b", "", "not a host name"},
		{"-a.example", "", "not a host name"},
		{strings.Repeat("a", 64) + ".example", "", "not a host name"},
		// Always allowed anyway; harmless to name.
		{"127.0.0.1", "127.0.0.1", ""},
		{"[::1]", "::1", ""},
		{"localhost", "localhost", ""},
	} {
		got, err := ParseAllowHost(tt.in)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseAllowHost(%q) = %q, %v; want %q, error with %q", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestSitePolicy: a server given the site's own policy (site.yaml's
// allowOrigins, site.PolicyFor) sends it on every response, with the
// framing rule, and the other headers unchanged.
func TestSitePolicy(t *testing.T) {
	out, _ := testSite(t)
	policy := strings.Replace(site.ContentSecurityPolicy, "img-src 'self' data:", "img-src 'self' data: https://images.example.org", 1)
	s := New(&fakeBuilder{out: out}, Options{Policy: policy})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.events.close()
	for _, target := range []string{"/", "/nope/", ScriptURL} {
		resp, err := http.Get(srv.URL + target)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Values("Content-Security-Policy"); len(got) != 1 || got[0] != policy+"; frame-ancestors 'none'" {
			t.Errorf("%s: Content-Security-Policy = %q", target, got)
		}
		if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("%s: X-Frame-Options = %q", target, got)
		}
	}
}
