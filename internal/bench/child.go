package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// childRun is one `mutual build` in a child process.
type childRun struct {
	wall    time.Duration
	cpu     time.Duration // user and system
	sys     time.Duration // system alone: mostly creating folders and files
	rss     int64         // peak resident memory, bytes
	faults  int64         // page faults (minor and major)
	summary string        // the summary line mutual printed
}

// childBuild builds the corpus in dir into out, a new empty folder, with
// the mutual binary: a full build from a fresh process. without names the
// performance hacks the build turns off (MUTUAL_BENCH_WITHOUT), "" none.
//
// The build runs under a relay (Relay), a second, small bench process
// that starts it and reports its resource use: Linux counts into a
// process's peak resident memory (ru_maxrss) the memory of the process
// that started it, as of its start, since os/exec starts a program from
// within its parent's memory (vfork); started straight from this process,
// which holds whole corpora, every build would show at least this
// process's own peak (a 1,000-page build read 381 MB on 2026-11-30, not
// its 87). The relay adds its own few megabytes, and a few milliseconds to
// the wall time.
func childBuild(o *Options, dir, out, without string) (childRun, error) {
	var env []string
	if without != "" {
		env = append(env, "MUTUAL_BENCH_WITHOUT="+without)
	}
	settle()
	r, err := relayed(env, o.Bin, "build", "-s", dir, "-o", out)
	if err != nil {
		return childRun{}, err
	}
	u := r.usage
	return childRun{wall: r.wall, cpu: u.User + u.System, sys: u.System, rss: u.MaxRSS, faults: u.Faults, summary: strings.TrimSpace(r.stdout)}, nil
}

// relayRun is a command run under a relay.
type relayRun struct {
	wall   time.Duration // from start to end, the relay's included
	usage  usage         // the command's own
	stdout string
}

// relayed runs args under a relay started from this program's binary,
// with env added to the environment.
func relayed(env []string, args ...string) (relayRun, error) {
	self, err := os.Executable()
	if err != nil {
		return relayRun{}, err
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(append(os.Environ(), relayEnv+"=1"), env...)
	r, w, err := os.Pipe()
	if err != nil {
		return relayRun{}, err
	}
	defer r.Close()
	cmd.ExtraFiles = []*os.File{w}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Start()
	w.Close()
	if err != nil {
		return relayRun{}, err
	}
	report, _ := io.ReadAll(r)
	err = cmd.Wait()
	wall := time.Since(start)
	if err != nil {
		return relayRun{}, fmt.Errorf("bench: %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	var u usage
	if err := json.Unmarshal(report, &u); err != nil {
		return relayRun{}, fmt.Errorf("bench: %s: the relay's report %q: %v", strings.Join(args, " "), report, err)
	}
	return relayRun{wall: wall, usage: u, stdout: stdout.String()}, nil
}

// relayEnv, set in mutual-bench's environment, makes it a relay: see
// Relaying and Relay.
const relayEnv = "MUTUAL_BENCH_RELAY"

// usage is what a relay reports of the command it ran.
type usage struct {
	User, System time.Duration
	MaxRSS       int64 // peak resident memory, bytes
	Faults       int64 // page faults, minor and major
}

// Relaying reports whether this process was started as a relay by
// childBuild; cmd/mutual-bench then calls Relay instead of measuring.
func Relaying() bool { return os.Getenv(relayEnv) != "" }

// Relay runs args as a command, its output going to this process's, and
// writes the command's resource use as JSON to file descriptor 3 (a pipe
// from childBuild); it returns the exit code to exit with.
func Relay(args []string) int {
	report := os.NewFile(3, "report")
	if len(args) == 0 || report == nil {
		fmt.Fprintln(os.Stderr, "mutual-bench: a relay needs a command and file descriptor 3")
		return 2
	}
	os.Unsetenv(relayEnv)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "mutual-bench:", err)
		return 2
	}
	var u usage
	u.User, u.System = cmd.ProcessState.UserTime(), cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.MaxRSS = int64(ru.Maxrss) // bytes on macOS
		if runtime.GOOS != "darwin" {
			u.MaxRSS *= 1024 // KiB on Linux and the BSDs
		}
		u.Faults = int64(ru.Minflt + ru.Majflt)
	}
	json.NewEncoder(report).Encode(u)
	report.Close()
	return cmd.ProcessState.ExitCode()
}

// settle writes out what earlier runs left in the kernel's page cache
// (syscall.Sync) before a timed run starts. Without it a build paid for
// the runs before it: 10,000-page builds one after the other spent 2.5 to
// 2.9 s of system time each, against 1.2 to 1.5 s after a sync, as the
// kernel wrote back the hundreds of megabytes each left behind while the
// next one ran. A person's build starts from a settled disk too, and its
// own output is still written back after it ends, as it is here.
func settle() { syscall.Sync() }
