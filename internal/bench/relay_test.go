package bench

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the test binary serve as the relay, as mutual-bench does.
func TestMain(m *testing.M) {
	if Relaying() {
		os.Exit(Relay(os.Args[1:]))
	}
	os.Exit(m.Run())
}

var ballast []byte

// TestRelayPeakMemory checks that a command run under the relay reports its
// own peak memory, not this process's: without the relay, Linux counts this
// process's 256 MiB into the peak of every program it starts.
func TestRelayPeakMemory(t *testing.T) {
	ballast = make([]byte, 256<<20)
	for i := 0; i < len(ballast); i += 4096 {
		ballast[i] = 1
	}
	defer func() { ballast = nil }()
	direct := exec.Command("sh", "-c", "exit 0")
	if err := direct.Run(); err != nil {
		t.Fatal(err)
	}
	if ru, ok := direct.ProcessState.SysUsage().(*syscall.Rusage); ok {
		t.Logf("started straight from the test: peak %d MiB", ru.Maxrss>>10)
	}
	r, err := relayed(nil, "sh", "-c", "echo hello")
	if err != nil {
		t.Fatal(err)
	}
	if r.usage.MaxRSS <= 0 || r.usage.MaxRSS >= 128<<20 {
		t.Errorf("peak memory of sh under the relay = %d MiB, want above 0 and well under the test's 256", r.usage.MaxRSS>>20)
	}
	if r.stdout != "hello\n" {
		t.Errorf("the command's output = %q, want %q", r.stdout, "hello\n")
	}
	if _, err := relayed(nil, "sh", "-c", "echo broken >&2; exit 3"); err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "broken") {
		t.Errorf("a failing command: err = %v, want its exit status and its error output", err)
	}
}
