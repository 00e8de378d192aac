//go:build browser

package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mutual/internal/browsertest"
	"mutual/internal/scaffold"
	"mutual/internal/site"
	"mutual/internal/testio"
)

// TestNoCutOffPages edits a page again and again under mutual serve while
// readers fetch it without pause, in Go and in chromium: every response is
// one whole version of the page, never the first part of one (the server
// used to rewrite files in place, and about one response in thirty was cut
// off mid-page).
func TestNoCutOffPages(t *testing.T) {
	t.Parallel() // a server, a site and a tab of its own
	dir := filepath.Join(t.TempDir(), "site")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "content", "guides", "first-guide.md")
	version := func(i int) string {
		// Versions of very different lengths.
		return fmt.Sprintf("---\ntitle: First guide\n---\nVersion %d.\n\n%s\n", i, strings.Repeat("Some words of text. ", 1+(i%2)*8000))
	}
	os.WriteFile(src, []byte(version(0)), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "guides", "notes.txt"), []byte("notes\n"), 0o644)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := LocalURL(ln.Addr())
	b := site.New(site.Options{Dir: dir, Out: filepath.Join(t.TempDir(), "public"), BaseURL: base, Scripts: []string{ScriptURL}, Watch: true})
	var logs testio.Buffer
	srv := New(b, Options{Stdout: &logs, Stderr: &logs})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	defer func() {
		// How fast the server stops with a browser still connected is not
		// what this test is about.
		cancel()
		if err := <-done; err != nil {
			t.Logf("Run: %v", err)
		}
	}()
	page := base + "guides/first-guide/"
	get := func() (string, error) {
		res, err := http.Get(page)
		if err != nil {
			return "", err
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		return string(body), err
	}
	waitFor := func(i int) {
		t.Helper()
		want := fmt.Sprintf("Version %d.", i)
		for deadline := time.Now().Add(30 * time.Second); ; {
			if body, err := get(); err == nil && strings.Contains(body, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("the server never showed %q\n%s", want, logs.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor(0)
	whole := func(body string) bool {
		return strings.HasSuffix(body, "</html>\n") && strings.Contains(body, "Version ")
	}

	var tab *browsertest.Tab
	if _, ok := browsertest.ExecPath(); ok || os.Getenv("CI") == "true" {
		tab = browsertest.New(t)
		// A page without the live-reload script, so that it stays put.
		if status := tab.Navigate(base + "guides/notes.txt"); status != http.StatusOK {
			t.Fatalf("notes.txt: status %d", status)
		}
		browsertest.Eval[bool](tab, `window.reads = 0; window.cut = []; window.stop = false; window.done = false;
			void (async () => {
				while (!window.stop) {
					const t = await (await fetch(`+fmt.Sprintf("%q", page)+`, {cache: "no-store"})).text();
					window.reads++;
					if (!t.endsWith("</html>\n") || !t.includes("Version ")) window.cut.push(t.length);
				}
				window.done = true;
			})();
			true`)
	}

	stop := make(chan struct{})
	var reads atomic.Int64
	var mu sync.Mutex
	var cut []int
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				body, err := get()
				if err != nil {
					continue
				}
				reads.Add(1)
				if !whole(body) {
					mu.Lock()
					cut = append(cut, len(body))
					mu.Unlock()
				}
			}
		})
	}
	const edits = 40
	for i := 1; i <= edits; i++ {
		tmp := src + ".new"
		os.WriteFile(tmp, []byte(version(i)), 0o644)
		os.Rename(tmp, src)
		waitFor(i)
	}
	close(stop)
	wg.Wait()
	if len(cut) > 0 {
		t.Errorf("%d of %d responses were cut off (the first lengths: %v)", len(cut), reads.Load(), cut[:min(len(cut), 10)])
	}
	if reads.Load() < edits {
		t.Errorf("only %d reads during %d edits: the test did not race the rewrites", reads.Load(), edits)
	}
	if tab != nil {
		browsertest.Eval[bool](tab, `window.stop = true`)
		tab.Poll("the reads to end", `window.done`, 10*time.Second)
		n := browsertest.Eval[int](tab, `window.reads`)
		if bad := browsertest.Eval[[]int](tab, `window.cut`); len(bad) > 0 {
			t.Errorf("chromium got %d cut-off responses of %d (the first lengths: %v)", len(bad), n, bad[:min(len(bad), 10)])
		}
		if n < edits {
			t.Errorf("chromium read the page only %d times during %d edits", n, edits)
		}
	}
}
