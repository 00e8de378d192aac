package site

import (
	"hash/fnv"
	"mutual/internal/output"

	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mutual/internal/testio"
)

// TestOutputRules holds what -o may replace: only a folder a build made
// (it holds MarkerFile, or is an earlier mutual build), an empty folder or
// nothing; never a file, a folder of other files, or (through a symbolic
// link) a folder of the site. Whatever is refused is left untouched.
func TestOutputRules(t *testing.T) {
	dir := minimalSite(t)
	elsewhere := t.TempDir()
	earlier := func(robots string) func(p string) {
		return func(p string) {
			for _, name := range []string{"index.html", "404.html", "sitemap.xml"} {
				writeFile(t, p, name, "<p>old</p>\n")
			}
			writeFile(t, p, "robots.txt", robots)
			writeFile(t, p, "guides/a/index.html", "old\n")
		}
	}
	link := func(target string) func(p string) {
		return func(p string) {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		make    func(p string) // makes the output path p
		want    string         // "" = the build succeeds
		replace string         // with want "", the folder that must hold the build
	}{
		{"missing", func(string) {}, "", ""},
		{"empty folder", func(p string) { os.Mkdir(p, 0o755) }, "", ""},
		{"a previous build", func(p string) {
			writeFile(t, p, MarkerFile, output.MarkerText)
			writeFile(t, p, "old.html", "old")
		}, "", ""},
		{"an earlier mutual's build", earlier("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"), "", ""},
		{"a file", func(p string) { writeFile(t, filepath.Dir(p), filepath.Base(p), "my thesis") },
			"it is a file, not a folder", ""},
		{"a folder with an index.html", func(p string) {
			writeFile(t, p, "index.html", "<p>mine</p>")
			writeFile(t, p, "uploads/photo.jpg", "jpeg")
		}, "it holds files that mutual did not build (a folder mutual builds holds a .mutual-output file); empty it or choose another output folder with -o", ""},
		{"an earlier build with another robots.txt", earlier("User-agent: *\nDisallow: /private/\n"), "it holds files that mutual did not build", ""},
		{"a link into content", link(filepath.Join(dir, "content", "guides")), "it is inside the site's content/ folder", ""},
		{"a link to the site", link(dir), "refusing to build into the site folder", ""},
		{"a link to a folder holding the site", link(filepath.Dir(dir)), "it holds the site folder", ""},
		{"a link to a missing folder", link(filepath.Join(elsewhere, "nothing")), "a symbolic link to a missing folder", ""},
		{"a link to an empty folder", func(p string) {
			os.Mkdir(filepath.Join(elsewhere, "site"), 0o755)
			link(filepath.Join(elsewhere, "site"))(p)
		}, "", filepath.Join(elsewhere, "site")},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), fmt.Sprintf("out%d", i))
			tt.make(out)
			before := snapshot(t, out)
			_, err := New(Options{Dir: dir, Out: out}).Build()
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("got %v, want %q", err, tt.want)
				}
				if after := snapshot(t, out); after != before {
					t.Errorf("a refused output changed:\nbefore %s\nafter  %s", before, after)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			where := out
			if tt.replace != "" {
				where = tt.replace
				if st, err := os.Lstat(out); err != nil || st.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link %s was replaced", out)
				}
			}
			tree := readTree(t, where)
			if marker := string(tree[MarkerFile]); !strings.HasPrefix(marker, output.MarkerText) || !strings.Contains(marker, fnvLine("guides/a/index.html")) || tree["guides/a/index.html"] == nil || tree["old.html"] != nil {
				t.Errorf("%s does not hold exactly a new build: %v", where, treeNames(tree))
			}
			if sitemap := string(tree["sitemap.xml"]); strings.Contains(sitemap, MarkerFile) {
				t.Errorf("the sitemap lists the marker:\n%s", sitemap)
			}
		})
	}
	// The site's own folders, also given directly.
	// static/ and a theme's static/ are published by every build: an
	// output there would be published into the next one. Refused before
	// anything is written.
	for _, tc := range []struct{ out, want string }{
		{"content", "inside the site's content/ folder"},
		{"content/new", "inside the site's content/ folder"},
		{"themes/x", "inside the site's themes/ folder"},
		{"themes/default/static/out", "inside the site's themes/ folder"},
		{"static", "inside the site's static/ folder, which a build reads and publishes as they are: choose an output folder outside it, such as " + filepath.Join(dir, "public")},
		{"static/out", "inside the site's static/ folder"},
		{"i18n/out", "inside the site's i18n/ folder"},
	} {
		out := filepath.Join(dir, filepath.FromSlash(tc.out))
		_, statErr := os.Stat(out)
		if _, err := New(Options{Dir: dir, Out: out}).Build(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-o %s: got %v, want %q", tc.out, err, tc.want)
		}
		if _, err := os.Stat(out); err == nil && statErr != nil {
			t.Errorf("-o %s: a refused build made it", tc.out)
		}
	}
}

// fnvLine is the line of the marker's list for the output path p: its
// 64-bit FNV-1a hash in hexadecimal.
func fnvLine(p string) string {
	h := fnv.New64a()
	h.Write([]byte(p))
	return fmt.Sprintf("\n%016x\n", h.Sum64())
}

// snapshot describes every file and link under p (or p itself).
func snapshot(t *testing.T, p string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(p, func(q string, info os.FileInfo, err error) error {
		if err != nil {
			fmt.Fprintf(&b, "%s: %v;", q, errors.Unwrap(err))
			return nil
		}
		fmt.Fprintf(&b, "%s %v", q, info.Mode())
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(q)
			fmt.Fprintf(&b, " %q", data)
		}
		b.WriteString(";")
		return nil
	})
	return b.String()
}

// TestBuildWaitsForAnotherBuild holds the output's lock as another build
// would: a build into the same folder says it waits, does not finish until
// the lock is released, then builds; the lock file is gone afterwards.
func TestBuildWaitsForAnotherBuild(t *testing.T) {
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	lockPath := filepath.Join(dir, ".public.lock")
	held, err := output.Open(out, true, nil) // as another build would

	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{})
	notice := &notifyWriter{once: func() { close(waiting) }}
	done := make(chan error, 1)
	go func() {
		_, err := New(Options{Dir: dir, Out: out, Notice: notice}).Build()
		done <- err
	}()
	select {
	case <-waiting:
	case err := <-done:
		t.Fatalf("the build finished while another held the lock: %v", err)
	}
	if got := notice.String(); got != "waiting for another mutual build into "+out+" to finish\n" {
		t.Errorf("notice %q", got)
	}
	select {
	case err := <-done:
		t.Fatalf("the build finished while another held the lock: %v", err)
	default:
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		t.Fatal("the waiting build wrote its output")
	}
	held.Discard()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
	if _, err := os.Lstat(lockPath); err == nil {
		t.Error("the lock file was left behind")
	}
}

type notifyWriter struct {
	testio.Buffer
	once func()
	mu   sync.Mutex
}

func (w *notifyWriter) Write(p []byte) (int, error) {
	n, err := w.Buffer.Write(p)
	w.mu.Lock()
	if w.once != nil {
		w.once()
		w.once = nil
	}
	w.mu.Unlock()
	return n, err
}

// TestConcurrentBuilds runs full builds of one site into one folder from
// several goroutines at once (as several processes would, each with its
// own Builder): every build succeeds, and what is left is one complete
// build with no temporary or old folder beside it.
func TestConcurrentBuilds(t *testing.T) {
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	want := filepath.Join(t.TempDir(), "want")
	if _, err := New(Options{Dir: dir, Out: want}).Build(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for range 4 {
		wg.Go(func() {
			for range 3 {
				_, err := New(Options{Dir: dir, Out: out}).Build()
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	got, exp := readTree(t, out), readTree(t, want)
	if strings.Join(treeNames(got), " ") != strings.Join(treeNames(exp), " ") {
		t.Fatalf("files %v, want %v", treeNames(got), treeNames(exp))
	}
	for name := range exp {
		if !bytes.Equal(got[name], exp[name]) {
			t.Errorf("%s differs", name)
		}
	}
	checkNoLeftovers(t, dir)
}

func checkNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") || strings.HasSuffix(e.Name(), ".old") || strings.HasSuffix(e.Name(), ".lock") {
			t.Errorf("%s left behind", e.Name())
		}
	}
}

// TestStaleTemporaryFolders leaves what killed builds leave beside the
// output: a build removes the temporary folders that are provably a
// build's (marked, or empty), and nothing else.
func TestStaleTemporaryFolders(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, ".public.tmp-111/"+MarkerFile, output.MarkerText)
	writeFile(t, dir, ".public.tmp-111/guides/a/index.html", "half a page")
	os.Mkdir(filepath.Join(dir, ".public.tmp-222"), 0o755)
	writeFile(t, dir, ".public.tmp-333.old/"+MarkerFile, output.MarkerText)
	writeFile(t, dir, ".public.tmp-444/notes.txt", "not a build's")
	writeFile(t, dir, ".other.tmp-555/"+MarkerFile, output.MarkerText)
	if _, err := New(Options{Dir: dir}).Build(); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{".public.tmp-111": false, ".public.tmp-222": false, ".public.tmp-333.old": false, ".public.tmp-444": true, ".other.tmp-555": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}

// TestKilledBuild kills a build process (SIGKILL) while it writes its
// temporary folder: the previous output is intact, the lock is free, and
// the next build removes the dead build's folder.
func TestKilledBuild(t *testing.T) {
	if os.Getenv("MUTUAL_TEST_BUILD") != "" {
		_, err := New(Options{Dir: os.Getenv("MUTUAL_TEST_BUILD")}).Build()
		fmt.Println(err)
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("builds a large site in a child process")
	}
	t.Parallel() // a site of its own; its build in a child process
	dir := minimalSite(t)
	if _, err := New(Options{Dir: dir}).Build(); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, filepath.Join(dir, "public"))
	killed := false
	for pages := 2000; !killed && pages <= 32000; pages *= 2 {
		for i := range pages {
			writeFile(t, dir, fmt.Sprintf("content/many/p%d.md", i), fmt.Sprintf("---\ntitle: Page %d\n---\nText of page %d, with *some* words.\n", i, i))
		}
		exe, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(exe, "-test.run=^TestKilledBuild$")
		cmd.Env = append(os.Environ(), "MUTUAL_TEST_BUILD="+dir)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		deadline := time.Now().Add(time.Minute)
	poll:
		for time.Now().Before(deadline) {
			select {
			case <-exited:
				break poll
			default:
			}
			if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*", "many", "*")); len(m) > 0 {
				cmd.Process.Kill()
				killed = true
				break
			}
			time.Sleep(time.Millisecond)
		}
		<-exited
		if !killed {
			// The build finished first: make it bigger. Its output is now
			// the previous output.
			before = readTree(t, filepath.Join(dir, "public"))
		}
	}
	if !killed {
		t.Fatal("could not kill a build while it wrote")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*")); len(m) == 0 {
		t.Fatal("the killed build left no temporary folder: nothing tested")
	}
	after := readTree(t, filepath.Join(dir, "public"))
	if strings.Join(treeNames(after), " ") != strings.Join(treeNames(before), " ") {
		t.Fatal("the killed build changed the output")
	}
	done := make(chan error, 1)
	go func() { _, err := New(Options{Dir: dir}).Build(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Minute):
		t.Fatal("the next build waits for the killed one's lock")
	}
	checkNoLeftovers(t, dir)
}

// TestRebuildNeverShowsPartialFiles rewrites a page many times through
// incremental builds, as mutual serve does, while readers read it without
// pause: every read is one whole version of the page.
func TestRebuildNeverShowsPartialFiles(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	dir := minimalSite(t)
	out := filepath.Join(dir, "public")
	b := New(Options{Dir: dir, Out: out, Watch: true})
	page := func(i int) string {
		// Versions of very different lengths.
		return fmt.Sprintf("---\ntitle: A\n---\nVersion %d.\n\n%s\n", i, strings.Repeat("Some words of text. ", 1+(i%2)*5000))
	}
	writeFile(t, dir, "content/guides/a.md", page(0))
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "guides", "a", "index.html")
	stop := make(chan struct{})
	var reads, bad sync.Map
	var wg sync.WaitGroup
	for r := range 3 {
		wg.Go(func() {
			n := 0
			for {
				select {
				case <-stop:
					reads.Store(r, n)
					return
				default:
				}
				data, err := os.ReadFile(file)
				if err != nil {
					bad.Store(fmt.Sprintf("read: %v", err), true)
					continue
				}
				n++
				if !bytes.HasSuffix(data, []byte("</html>\n")) || !bytes.Contains(data, []byte("Version ")) {
					bad.Store(fmt.Sprintf("a cut-off page of %d bytes", len(data)), true)
				}
			}
		})
	}
	for i := 1; i <= 60; i++ {
		p := filepath.Join(dir, "content", "guides", "a.md")
		os.WriteFile(p, []byte(page(i)), 0o644)
		b.Changed([]string{p})
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	total := 0
	reads.Range(func(_, v any) bool { total += v.(int); return true })
	bad.Range(func(k, _ any) bool { t.Error(k); return true })
	if total < 60 {
		t.Errorf("only %d reads: the test did not race the writes", total)
	}
}
