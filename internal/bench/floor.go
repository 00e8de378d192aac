package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/markdown"
)

// readBodies reads the n guide pages of the corpus in dir and cuts off their
// front matter.
func readBodies(dir string, n int) ([][]byte, error) {
	bodies := make([][]byte, n)
	for i := range n {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(benchcorpus.PageRel(i))))
		if err != nil {
			return nil, err
		}
		bodies[i] = stripFrontMatter(src)
	}
	return bodies, nil
}

// stripFrontMatter returns what follows the closing --- line of the front
// matter; src without front matter is returned whole.
func stripFrontMatter(src []byte) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return src
	}
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[i+len("\n---\n"):]
	}
	return src
}

// floor renders every body with one Markdown (as the site does, and with
// nothing else around it) in GOMAXPROCS goroutines and returns the wall
// time and the CPU time of the process (user and system) it took. Output
// goes to a reused buffer per goroutine; links are kept as written.
func floor(bodies [][]byte) (wall, cpu time.Duration) {
	settle()
	runtime.GC()
	md := markdown.New(markdown.Options{})
	var next atomic.Int64
	var wg sync.WaitGroup
	cpu0 := cpuTime()
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(bodies) {
					return
				}
				buf.Reset()
				// Errors are only the buffer's, which has none.
				md.Render(&buf, bodies[i], markdown.Context{})
			}
		})
	}
	wg.Wait()
	return time.Since(start), cpuTime() - cpu0
}

// cpuTime is the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
