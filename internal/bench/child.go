package bench

import (
	"bytes"
	"fmt"
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
func childBuild(o *Options, dir, out, without string) (childRun, error) {
	cmd := exec.Command(o.Bin, "build", "-s", dir, "-o", out)
	if without != "" {
		cmd.Env = append(os.Environ(), "MUTUAL_BENCH_WITHOUT="+without)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	settle()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return childRun{}, fmt.Errorf("bench: %s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.Bytes())
	}
	var rss, faults int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) // bytes on macOS
		if runtime.GOOS != "darwin" {
			rss *= 1024 // KiB on Linux and the BSDs
		}
		faults = int64(ru.Minflt + ru.Majflt)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return childRun{wall: wall, cpu: cpu, sys: cmd.ProcessState.SystemTime(), rss: rss, faults: faults, summary: strings.TrimSpace(stdout.String())}, nil
}

// settle writes out what earlier runs left in the kernel's page cache
// (syscall.Sync) before a timed run starts. Without it a build paid for
// the runs before it: 10,000-page builds one after the other spent 2.5 to
// 2.9 s of system time each, against 1.2 to 1.5 s after a sync, as the
// kernel wrote back the hundreds of megabytes each left behind while the
// next one ran. A person's build starts from a settled disk too, and its
// own output is still written back after it ends, as it is here.
func settle() { syscall.Sync() }
