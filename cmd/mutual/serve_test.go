package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"mutual/internal/scaffold"
	"mutual/internal/serve"
	"mutual/internal/site"
	"mutual/internal/testio"
)

func TestServeUsage(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"serve", "--port", "-1"}, 2, "--port -1 is not a port"},
		{[]string{"serve", "--base-url", "nope"}, 2, `mutual serve: --base-url "nope": must be an absolute http or https URL such as https://example.org/`},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--nope"}, 2, "mutual serve: unknown flag --nope"},
		{[]string{"serve", "--prot", "8080"}, 2, "mutual serve: unknown flag --prot (did you mean --port?)"},
		{[]string{"serve", "-p", "8080"}, 2, "mutual serve: unknown flag -p (mutual's is --port)"},
		{[]string{"serve", "--port", "abc"}, 2, `mutual serve: --port "abc": not a valid value`},
		{[]string{"serve", "--allow-host", "*.example.test"}, 2, `write ".example.test" to allow a domain`},
		{[]string{"serve", "--allow-host", "ok.example,laptop.local:1313"}, 2, "without a port"},
		{[]string{"serve", "--allow-host", "a b"}, 2, `"a b" is not a host name`},
		{[]string{"serve", "-s", empty, "--port", "0"}, 1, "no site here"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("mutual %s = %d, stderr %q; want %d with %q", strings.Join(tt.args, " "), code, stderr.String(), tt.code, tt.stderr)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve", "--help"}, &stdout, &stderr)
	help := strings.Join(strings.Fields(stdout.String()), " ")
	for _, want := range []string{"-port", "next free one", "-allow-host", "always answered", "403", "at most 64 live reload streams", "256 connections"} {
		if code != 0 || !strings.Contains(help, want) || stderr.Len() > 0 {
			t.Errorf("serve --help = %d, stdout %q (want %q), stderr %q", code, stdout.String(), want, stderr.String())
		}
	}
}

// mutual serve end to end: a temporary output folder with the live reload
// script, public/ untouched, and a clean stop on an interrupt.
func TestServeRunsAndStops(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var stdout, stderr testio.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"serve", "-s", dir, "--port", "0"}, &stdout, &stderr) }()

	serving := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == ""; {
		if m := serving.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no serving line\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d\nstderr: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	res, err := http.Get(base + "guides/first-guide/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `<script src="/_mutual/livereload.js"></script>`) {
		t.Fatalf("GET guide: %d\n%s", res.StatusCode, body)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote the site's public/ folder")
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 1 {
		t.Errorf("want one temporary output folder in TMPDIR, found %d", len(ents))
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve stopped with %d\nstderr: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary output folder left behind: %v", ents)
	}
	if !strings.Contains(stdout.String(), "built in ") || !strings.HasSuffix(stdout.String(), "stopped\n") {
		t.Errorf("stdout = %q", stdout.String())
	}
}

// startServe runs `mutual serve args...` in this process and returns the
// address it serves, its output and the channel its exit code arrives on.
// Stop it with a SIGINT to this process (it catches the signal once it
// prints its address).
func startServe(t *testing.T, args ...string) (base string, stdout, stderr *testio.Buffer, done chan int) {
	t.Helper()
	stdout, stderr = new(testio.Buffer), new(testio.Buffer)
	done = make(chan int, 1)
	go func() { done <- run(append([]string{"serve"}, args...), stdout, stderr) }()
	serving := regexp.MustCompile(`serving (http://[^ ]+/) \(Ctrl-C to stop\)`)
	for deadline := time.Now().Add(20 * time.Second); ; {
		if m := serving.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], stdout, stderr, done
		}
		if time.Now().After(deadline) {
			t.Fatalf("no serving line\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended with %d\nstderr: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func interrupt(t *testing.T, done chan int, stderr *testio.Buffer) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve stopped with %d\nstderr: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
}

// A port in use (another preview, say) is no reason to give up: serve
// takes the next free one, says so, and serves there, whether the port
// was the default or given with --port.
func TestServePortInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	_, port, _ := net.SplitHostPort(taken.Addr().String())
	base, stdout, stderr, done := startServe(t, "-s", dir, "--port", port)
	m := regexp.MustCompile(`port ` + port + ` is in use; using port (\d+) instead\n`).FindStringSubmatch(stdout.String())
	if m == nil || m[1] == port || base != "http://127.0.0.1:"+m[1]+"/" {
		t.Fatalf("stdout = %q, serving %s", stdout.String(), base)
	}
	res, err := http.Get(base + "guides/first-guide/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET on the port taken instead: %d", res.StatusCode)
	}
	interrupt(t, done, stderr)
}

// The names serve answers to: localhost and IP addresses, the --allow-host
// names, and the host of --base-url; any other gets 403.
func TestServeAllowHost(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	base, _, stderr, done := startServe(t, "-s", dir, "--port", "0", "--allow-host", "laptop.local,.dev.example", "--allow-host", "other.example",
		"--base-url", "http://preview.example.org:8080/")
	for host, want := range map[string]int{
		"localhost":               200,
		"127.0.0.1":               200,
		"laptop.local":            200,
		"x.dev.example":           200,
		"other.example":           200,
		"preview.example.org":     200,
		"evil.example":            403,
		"laptop.local.evil.test":  403,
		"www.preview.example.org": 403,
	} {
		req, _ := http.NewRequest("GET", base, nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, res.StatusCode, want)
		}
	}
	interrupt(t, done, stderr)
}

// The helper process: when the test binary runs with MUTUAL_SERVE_HELPER
// set to n, it is `mutual serve -s $MUTUAL_SERVE_SITE --port 0` whose
// builds from the n-th on never end, spinning as a lexer caught in an
// endless loop does. It runs before the tests and exits with serve's code.
func init() {
	from, err := strconv.Atoi(os.Getenv("MUTUAL_SERVE_HELPER"))
	if err != nil {
		return
	}
	newBuilder = func(opts site.Options) serve.Builder {
		return &spinningBuilder{Builder: site.New(opts), from: from}
	}
	os.Exit(run([]string{"serve", "-s", os.Getenv("MUTUAL_SERVE_SITE"), "--port", "0"}, os.Stdout, os.Stderr))
}

type spinningBuilder struct {
	*site.Builder
	from, n int
}

func (b *spinningBuilder) Build() (*site.Stats, error) {
	b.n++
	if b.n >= b.from {
		fmt.Fprintf(os.Stderr, "helper: build %d spins for ever\n", b.n)
		for x := uint64(1); ; x = x*6364136223846793005 + 1442695040888963407 {
			spun.Store(x)
		}
	}
	return b.Builder.Build()
}

var spun atomic.Uint64

// The real command, in a process of its own, stops on the first SIGINT or
// SIGTERM while a build spins for ever (the first build, or a rebuild
// after a save), and removes its temporary output folder. Saves made
// meanwhile do not block it, and the server still answers.
func TestServeStopsDuringStuckBuild(t *testing.T) {
	for _, tt := range []struct {
		from int
		sig  syscall.Signal
	}{
		{1, syscall.SIGTERM},
		{2, syscall.SIGINT},
		{2, syscall.SIGTERM},
	} {
		t.Run(fmt.Sprintf("build %d, %v", tt.from, tt.sig), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "s")
			if err := scaffold.Init(dir); err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "MUTUAL_SERVE_HELPER="+strconv.Itoa(tt.from), "MUTUAL_SERVE_SITE="+dir, "TMPDIR="+tmp)
			var stdout, stderr testio.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			var waitErr error
			go func() { waitErr = cmd.Wait(); close(exited) }()
			t.Cleanup(func() {
				cmd.Process.Kill() // when the test failed before it ended
				<-exited
			})
			waitFor := func(what string, in *testio.Buffer) string {
				t.Helper()
				for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
					if m := regexp.MustCompile(what).FindStringSubmatch(in.String()); m != nil {
						return m[len(m)-1]
					}
					if time.Now().After(deadline) {
						t.Fatalf("waiting for %q\nstdout: %s\nstderr: %s", what, stdout.String(), stderr.String())
					}
				}
			}
			if tt.from > 1 {
				base := waitFor(`serving (http://[^ ]+/) `, &stdout)
				guide := filepath.Join(dir, "content", "guides", "first-guide.md")
				if err := os.WriteFile(guide, []byte("---\ntitle: Edited\n---\nEdited.\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				waitFor(`helper: build 2 spins`, &stderr)
				if err := os.WriteFile(guide, []byte("---\ntitle: Edited again\n---\nAgain.\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				res, err := http.Get(base + "guides/first-guide/")
				if err != nil || res.StatusCode != 200 {
					t.Fatalf("GET during the stuck build: %v %v", res, err)
				}
				res.Body.Close()
			} else {
				waitFor(`helper: build 1 spins`, &stderr)
			}
			if ents, _ := os.ReadDir(tmp); len(ents) != 1 {
				t.Fatalf("want the temporary output folder in TMPDIR, found %v", ents)
			}
			start := time.Now()
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
				if waitErr != nil {
					t.Fatalf("serve exited with %v\nstderr: %s", waitErr, stderr.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("serve did not stop within 10s of %v\nstderr: %s", tt.sig, stderr.String())
			}
			t.Logf("stopped %v after the signal", time.Since(start).Round(time.Millisecond))
			if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
				t.Errorf("temporary output folder left behind: %v", ents)
			}
			if !strings.HasSuffix(stdout.String(), "stopped\n") || !strings.Contains(stderr.String(), "stopped without waiting for the build") {
				t.Errorf("stdout %q\nstderr %q", stdout.String(), stderr.String())
			}
		})
	}
}

// getUntil fetches base+path until its body holds want, and fails with
// what it saw and serve's errors after a while (long enough for a
// rebuild on a loaded machine).
func getUntil(t *testing.T, base, path, want string, stderr *testio.Buffer) {
	t.Helper()
	var last string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if last = fmt.Sprintf("%d %s", res.StatusCode, body); res.StatusCode == 200 && strings.Contains(string(body), want) {
			return
		}
	}
	if len(last) > 300 {
		last = last[:300]
	}
	t.Fatalf("GET %s never held %q; last: %s\nstderr: %s", path, want, last, stderr.String())
}

// Folders that appear while serve runs are watched: the site's i18n/ and
// static/, a theme's layouts/, a theme folder named in site.yaml before
// it was made, a content subfolder. Each change shows without a restart.
func TestServeSeesFoldersMadeLater(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	base, _, stderr, done := startServe(t, "-s", dir, "--port", "0")
	defer interrupt(t, done, stderr)
	write := func(name, body string) {
		t.Helper()
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	getUntil(t, base, "worksheets/check-in/", ">Never<", stderr)

	write("i18n/en.yaml", "scale.frequency.never: Not at all\n")
	getUntil(t, base, "worksheets/check-in/", ">Not at all<", stderr)

	write("static/hello.txt", "hello from static\n")
	getUntil(t, base, "hello.txt", "hello from static", stderr)

	write("themes/brand/layouts/partials/footer.html", "<footer>brand footer</footer>\n")
	getUntil(t, base, "guides/first-guide/", "brand footer", stderr)

	cfg, err := os.ReadFile(filepath.Join(dir, "content/site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write("content/site.yaml", strings.Replace(string(cfg), "theme: brand", "theme: later", 1))
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), `unknown theme "later"`); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no error for the missing theme; stderr: %s", stderr.String())
		}
	}
	write("themes/later/theme.yaml", "extends: default\n")
	write("themes/later/layouts/partials/footer.html", "<footer>later footer</footer>\n")
	getUntil(t, base, "guides/first-guide/", "later footer", stderr)

	write("content/notes/more/deep.md", "---\ntitle: Deep\n---\nA page in a new folder.\n")
	getUntil(t, base, "notes/more/deep/", "A page in a new folder.", stderr)
}

// Issue: serve stuck on old errors. A guide the starter's worksheet links
// to, moved away and back: the rebuild after it is back succeeds, as
// mutual build would, with nothing touched but the guide.
func TestServeRecoversWhenALinkedFileComesBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	base, stdout, stderr, done := startServe(t, "-s", dir, "--port", "0")
	defer interrupt(t, done, stderr)
	guide := filepath.Join(dir, "content/guides/first-guide.md")
	away := filepath.Join(dir, "x.md")
	if err := os.Rename(guide, away); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), `link to missing file "../guides/first-guide.md"`); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no error for the missing guide; stderr: %s", stderr.String())
		}
	}
	rebuilt := strings.Count(stdout.String(), "rebuilt in ")
	if err := os.Rename(away, guide); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); strings.Count(stdout.String(), "rebuilt in ") == rebuilt; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no successful rebuild once the guide is back\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
	}
	getUntil(t, base, "guides/first-guide/", "<h1", stderr)
}

func writeFile(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
