package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/site"
)

// fakeBuilder stands in for *site.Builder: each Build returns the next
// queued result, or an empty success.
type fakeBuilder struct {
	out, watch string
	results    chan fakeResult
	builds     chan struct{} // receives after every Build, when not nil
}

type fakeResult struct {
	stats *site.Stats
	err   error
}

func (f *fakeBuilder) Build() (*site.Stats, error) {
	r := fakeResult{stats: &site.Stats{Changed: []string{"index.html"}}}
	select {
	case r = <-f.results:
	default:
	}
	if f.builds != nil {
		f.builds <- struct{}{}
	}
	return r.stats, r.err
}
func (f *fakeBuilder) WatchDirs() []string { return []string{f.watch} }
func (f *fakeBuilder) Out() string         { return f.out }
func (f *fakeBuilder) NotFound() string    { return "404.html" }

// testSite writes a small output folder and a secret file beside it.
func testSite(t *testing.T) (out, secret string) {
	t.Helper()
	dir := t.TempDir()
	out = filepath.Join(dir, "public")
	secret = filepath.Join(dir, "secret.txt")
	mkfile(t, secret, "SECRET")
	for name, body := range map[string]string{
		"index.html":            "<!doctype html><title>home</title>",
		"404.html":              "<!doctype html><title>theme 404</title>",
		"guides/x/index.html":   "<!doctype html><title>guide x</title>",
		"guides/empty/.keep":    "",
		"css/main.3fa2.css":     "body{}",
		"js/worksheet.9c1e.js":  "void 0",
		"scorer.12ab.wasm":      "\x00asm\x01\x00\x00\x00",
		"favicon.svg":           "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
		"index.xml":             "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
		"sitemap.xml":           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset></urlset>",
		"robots.txt":            "User-agent: *",
		"schema/worksheet.json": "{}",
		"a b/index.html":        "spaced",
		"es/404.html":           "<!doctype html><title>404 en español</title>",
		"es/index.html":         "<!doctype html><title>inicio</title>",
	} {
		mkfile(t, filepath.Join(out, filepath.FromSlash(name)), body)
	}
	if err := os.Symlink(secret, filepath.Join(out, "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(out, "up")); err != nil {
		t.Fatal(err)
	}
	return out, secret
}

func TestHandler(t *testing.T) {
	out, _ := testSite(t)
	h := New(&fakeBuilder{out: out}, Options{}).Handler()
	tests := []struct {
		method, target string
		status         int
		ctype          string // prefix
		body           string // substring
		location       string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "<title>home</title>", ""},
		{"HEAD", "/", 200, "text/html", "", ""},
		{"GET", "/index.html", 200, "text/html", "<title>home</title>", ""},
		{"GET", "/guides/x/", 200, "text/html", "guide x", ""},
		{"GET", "/guides/x", 302, "", "", "/guides/x/"},
		{"GET", "/guides/x?a=1", 302, "", "", "/guides/x/?a=1"},
		{"GET", "/a%20b/", 200, "text/html", "spaced", ""},
		{"GET", "/css/main.3fa2.css", 200, "text/css", "body{}", ""},
		{"GET", "/js/worksheet.9c1e.js", 200, "text/javascript", "void 0", ""},
		{"GET", "/scorer.12ab.wasm", 200, "application/wasm", "asm", ""},
		{"GET", "/favicon.svg", 200, "image/svg+xml", "<svg", ""},
		{"GET", "/index.xml", 200, "application/atom+xml", "<feed", ""},
		{"GET", "/sitemap.xml", 200, "application/xml", "urlset", ""},
		{"GET", "/robots.txt", 200, "text/plain", "User-agent", ""},
		{"GET", "/schema/worksheet.json", 200, "application/json", "{}", ""},
		// No directory listing, the theme's 404 page instead.
		{"GET", "/guides/", 404, "text/html", "theme 404", ""},
		{"GET", "/guides/empty/", 404, "text/html", "theme 404", ""},
		{"GET", "/nope/", 404, "text/html", "theme 404", ""},
		// Under a language's folder, its own 404 page.
		{"GET", "/es/nope/", 404, "text/html", "404 en español", ""},
		{"GET", "/es/", 200, "text/html", "inicio", ""},
		{"GET", "/robots.txt/", 404, "text/html", "theme 404", ""},
		{"HEAD", "/nope", 404, "text/html", "", ""},
		{"POST", "/", 405, "", "", ""},
		// Traversal: refused, or confined to the output folder.
		{"GET", "/../secret.txt", 400, "", "", ""},
		{"GET", "/%2e%2e/secret.txt", 400, "", "", ""},
		{"GET", "/..%2fsecret.txt", 400, "", "", ""},
		{"GET", "/..%2f..%2fetc%2fpasswd", 400, "", "", ""},
		{"GET", "/guides/%2e%2e/%2e%2e/secret.txt", 400, "", "", ""},
		{"GET", "/..%5csecret.txt", 400, "", "", ""},
		{"GET", "/guides\\..\\..\\secret.txt", 400, "", "", ""},
		{"GET", "/index.html%00.css", 400, "", "", ""},
		{"GET", "/%00", 400, "", "", ""},
		{"GET", "/leak.txt", 404, "text/html", "theme 404", ""},
		{"GET", "/up/secret.txt", 404, "text/html", "theme 404", ""},
		{"GET", "//up/secret.txt", 404, "text/html", "theme 404", ""},
		// Live reload files.
		{"GET", ScriptURL, 200, "text/javascript", "EventSource", ""},
		{"GET", OverlayURL, 200, "text/css", "#mutual-overlay", ""},
		{"GET", "/_mutual/nope", 404, "", "", ""},
		{"HEAD", EventsURL, 200, "text/event-stream", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://127.0.0.1"+"/", nil)
			// Set the raw target by hand: httptest would clean some of them.
			req.RequestURI = tt.target
			u, err := url.Parse(tt.target)
			if err != nil {
				t.Fatal(err)
			}
			req.URL = u
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d (body %q)", res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type = %q, want %q", ct, tt.ctype)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body %q does not contain %q", body, tt.body)
			}
			if loc := res.Header.Get("Location"); loc != tt.location {
				t.Errorf("Location = %q, want %q", loc, tt.location)
			}
			if strings.Contains(string(body), "SECRET") {
				t.Errorf("served a file outside the output folder")
			}
			if tt.status < 400 {
				if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("Cache-Control = %q, want no-store", cc)
				}
			}
		})
	}
}

// Over a real connection the raw path reaches the server unchanged, which
// is where encoded traversal is tried.
func TestHandlerTraversalOverTheWire(t *testing.T) {
	out, _ := testSite(t)
	srv := httptest.NewServer(New(&fakeBuilder{out: out}, Options{}).Handler())
	defer srv.Close()
	for _, tt := range []struct {
		target string
		status int
	}{
		{"/../secret.txt", 400},
		{"/%2e%2e/secret.txt", 400},
		{"/..%2f..%2fsecret.txt", 400},
		{"/%2e%2e%2fsecret.txt", 400},
		{"/..%5c..%5csecret.txt", 400},
		{"/./../secret.txt", 400},
		{"/%00", 400},
		{"/up/secret.txt", 404},
		{"/leak.txt", 404},
	} {
		req, _ := http.NewRequest("GET", srv.URL, nil)
		req.URL.Opaque = tt.target // sent verbatim
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.target, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || strings.Contains(string(body), "SECRET") {
			t.Errorf("%s: status %d, want %d; body %q", tt.target, res.StatusCode, tt.status, body)
		}
	}
}

func TestHandlerBasePath(t *testing.T) {
	out, _ := testSite(t)
	h := New(&fakeBuilder{out: out}, Options{BasePath: "help"}).Handler()
	tests := []struct {
		target   string
		status   int
		location string
	}{
		{"/", 302, "/help/"},
		{"/help", 302, "/help/"},
		{"/help/", 200, ""},
		{"/help/guides/x", 302, "/help/guides/x/"},
		{"/help/guides/x/", 200, ""},
		{"/guides/x/", 404, ""},
		{"/help" + ScriptURL, 200, ""},
		{ScriptURL, 200, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+tt.target, nil))
		if rec.Code != tt.status || rec.Header().Get("Location") != tt.location {
			t.Errorf("%s: %d %q, want %d %q", tt.target, rec.Code, rec.Header().Get("Location"), tt.status, tt.location)
		}
	}
}

// Before any good build there is no 404 page: a plain one that loads the
// live reload script (so the error overlay shows) takes its place.
func TestHandlerNoBuildYet(t *testing.T) {
	h := New(&fakeBuilder{out: filepath.Join(t.TempDir(), "missing")}, Options{}).Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if rec.Code != 404 || !strings.Contains(rec.Body.String(), `<script src="`+ScriptURL+`" defer>`) {
		t.Fatalf("got %d %q", rec.Code, rec.Body.String())
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "."},
		{"/a/b/", "a/b"},
		{"/a//b", "a/b"},
		{"/a/./b", "a/b"},
		{"/..", ""},
		{"/a/../b", ""},
		{"/a\\b", ""},
		{"/a\x00", ""},
		{"a", ""},
	}
	for _, tt := range tests {
		got, err := cleanName(tt.in)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("cleanName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
