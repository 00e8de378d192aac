package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"mutual/internal/scaffold"
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
		{[]string{"serve", "--base-url", "nope"}, 2, `--base-url "nope" is not an absolute http or https address`},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"serve", "-s", empty, "--port", "0"}, 1, "no site here"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("mutual %s = %d, stderr %q; want %d with %q", strings.Join(tt.args, " "), code, stderr.String(), tt.code, tt.stderr)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--help"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "-port") || stderr.Len() > 0 {
		t.Errorf("serve --help = %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
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
	if res.StatusCode != 200 || !strings.Contains(string(body), `<script src="/_mutual/livereload.js" defer></script>`) {
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
