//go:build browser

package e2e

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/site"
)

// stealer is a page a careless or hostile writer might drop into content/:
// it reads every answer saved on the site's origin and shows it (a real
// one would send it to another host).
const stealer = `<!doctype html><title>Resources</title>
<script>document.title = "stolen:" + JSON.stringify(Object.assign({}, localStorage));</script>
<p>Helpful links.</p>
`

// cleanSVG is an image that is safe to publish.
const cleanSVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">
<defs><linearGradient id="g"><stop offset="0" stop-color="#2a7"/><stop offset="1" stop-color="#27a"/></linearGradient></defs>
<rect width="120" height="60" rx="8" fill="url(#g)"/><text x="60" y="36" text-anchor="middle" fill="#fff">give</text>
</svg>
`

// copySite copies the shipped site's content/ into a new folder, adds
// files, and returns the folder.
func copySite(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(root, "content")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeTestFile(filepath.Join(dir, rel), string(data))
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range extra {
		if strings.HasSuffix(name, "+") { // append to the shipped file
			name = strings.TrimSuffix(name, "+")
			old, _ := os.ReadFile(filepath.Join(dir, name))
			body = string(old) + body
		}
		if err := writeTestFile(filepath.Join(dir, filepath.FromSlash(name)), body); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeSite writes files (paths under the site folder, and their text)
// into a new folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := writeTestFile(filepath.Join(dir, filepath.FromSlash(name)), body); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeTestFile(p, body string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(body), 0o644)
}

// serveBuilt builds dir for a new local server and serves it.
func serveBuilt(t *testing.T, dir string) (*served, error) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	s := &served{Out: out}
	srv := httptest.NewServer(files(out))
	t.Cleanup(srv.Close)
	browsertest.ForgetOrigin(t, srv.URL)
	s.Base = srv.URL + "/"
	_, err := site.New(site.Options{Dir: dir, Out: out, BaseURL: s.Base}).Build()
	return s, err
}

// TestHostileContentCannotReadAnswers shows why content/ may not hold
// active files, and that the build keeps them out: a page with a script
// in content/ reads the answers a reader saved on a worksheet of the same
// site when the site says it trusts its HTML; otherwise the build refuses
// it and the page does not exist. A clean SVG image needs no trust: it
// shows on its guide and opened on its own.
func TestHostileContentCannotReadAnswers(t *testing.T) {
	t.Parallel()
	w := parseWorksheet(t, giveAndTake)

	// The threat: with trustHTML, the page is published and reads them.
	trusted := copySite(t, map[string]string{
		"content/resources.html": stealer,
		"content/site.yaml+":     "trustHTML: true\n",
	})
	s, err := serveBuilt(t, trusted)
	if err != nil {
		t.Fatalf("a site that trusts its HTML does not build: %v", err)
	}
	tab := browsertest.New(t)
	if status := tab.Navigate(s.URL("worksheets/" + w.Slug + "/")); status != http.StatusOK {
		t.Fatalf("worksheet: status %d", status)
	}
	waitScorer(t, tab, "ready")
	answer(t, tab, nil, "listening.give", "4")
	tab.Poll("an answer saved", `localStorage.length > 0`, 10*time.Second)
	saved := browsertest.Eval[string](tab, `JSON.stringify(Object.assign({}, localStorage))`)
	if status := tab.Navigate(s.URL("resources.html")); status != http.StatusOK {
		t.Fatalf("resources.html: status %d", status)
	}
	if got := browsertest.Eval[string](tab, `document.title`); got != "stolen:"+saved {
		t.Fatalf("the test's own premise fails: a trusted page read %q, the worksheet saved %q", got, saved)
	}

	// Without trust, the build refuses the page.
	untrusted := copySite(t, map[string]string{"content/resources.html": stealer})
	if _, err := serveBuilt(t, untrusted); err == nil || !strings.Contains(err.Error(), "content/resources.html: an HTML page in content/ is published as it is, and a script in it could read what readers saved on this site") {
		t.Fatalf("a site with an HTML page in content/ built: %v", err)
	}

	// A clean SVG image needs no trust.
	withImage := copySite(t, map[string]string{
		"content/img/give.svg":   cleanSVG,
		"content/guides/give.md": "---\ntitle: A picture\n---\n![Giving, drawn](../img/give.svg)\n",
	})
	s, err = serveBuilt(t, withImage)
	if err != nil {
		t.Fatalf("a site with a clean SVG image does not build: %v", err)
	}
	tab = browsertest.New(t)
	if status := tab.Navigate(s.URL("guides/give/")); status != http.StatusOK {
		t.Fatalf("guide: status %d", status)
	}
	tab.Poll("the image loaded", `(() => { const i = document.querySelector("main img, img[alt]"); return !!i && i.complete && i.naturalWidth === 120; })()`, 10*time.Second)
	checkTraffic(t, tab, s, "guide with an image", "")
	checkProblems(t, tab, "guide with an image", nil)
	tab.Forget()
	if status := tab.Navigate(s.URL("img/give.svg")); status != http.StatusOK {
		t.Fatalf("the image itself: status %d", status)
	}
	// Shown on its own, the image is a document without the site's
	// <link rel="icon">: the browser may ask for /favicon.ico, which the
	// site does not have. That request is the browser's, not the image's.
	checkProblems(t, tab, "the image itself", func(m browsertest.Message) bool {
		return strings.HasSuffix(m.URL, "/favicon.ico") && strings.Contains(m.Text, "404")
	})
	if status := tab.Navigate(s.URL("resources.html")); status != http.StatusNotFound {
		t.Errorf("resources.html: status %d, want 404", status)
	}
}
