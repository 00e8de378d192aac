package bench

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"mutual/internal/benchcorpus"
)

// The error path (issue 12): a site moved over from elsewhere may meet
// thousands of broken links at once, and reporting them must cost about
// what a clean build costs, not minutes ("did you mean" must not compare
// every broken link with every file). The broken corpus is the corpus with
// brokenPerPage links appended to every guide page, each to nothing: a
// missing file next to the page, a missing file in a missing section, and
// a missing address written as a URL. mutual must fail with exactly
// pages*brokenPerPage errors.

const (
	brokenPerPage   = 3
	targetErrorPath = 2.0 // error-path build / clean build, at most
	brokenStampFile = "broken.stamp"
)

// errorPath holds the error-path figures of one size.
type errorPath struct {
	builds []time.Duration
	build  time.Duration // median wall time
	cpu    time.Duration // median CPU time
	errors int           // errors mutual reported
}

// brokenCorpus makes sure .bench/broken-N holds the corpus of n pages with
// the broken links appended.
func brokenCorpus(o *Options, n int) (string, error) {
	dir := filepath.Join(o.Dir, fmt.Sprintf("broken-%d", n))
	stamp := fmt.Sprintf("%sbroken=%d\n", benchcorpus.Stamp(n, o.Seed), brokenPerPage)
	if b, err := os.ReadFile(filepath.Join(dir, brokenStampFile)); err == nil && string(b) == stamp {
		return dir, nil
	}
	o.progress("writing %s (%d pages, %d broken links)", dir, n, n*brokenPerPage)
	os.Remove(filepath.Join(dir, brokenStampFile))
	if err := benchcorpus.Write(dir, n, o.Seed); err != nil {
		return "", err
	}
	for i := range n {
		rel := benchcorpus.PageRel(i)
		name := strings.TrimSuffix(path.Base(rel), ".md")
		f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(rel)), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return "", err
		}
		_, err = fmt.Fprintf(f, "\nSee also [one](%s-missing.md), [two](../s99/%s.md) and [three](%s-gone/).\n", name, name, name)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", err
		}
	}
	return dir, os.WriteFile(filepath.Join(dir, brokenStampFile), []byte(stamp), 0o644)
}

// measureErrorPath builds the broken corpus of n pages o.Runs times in a
// child process, each of which must fail with every broken link reported.
func measureErrorPath(o *Options, n int) (*errorPath, error) {
	dir, err := brokenCorpus(o, n)
	if err != nil {
		return nil, err
	}
	e := &errorPath{}
	var cpus []time.Duration
	for run := 1; run <= o.Runs; run++ {
		o.progress("%d pages: error path, run %d of %d", n, run, o.Runs)
		out, err := o.outDir("out-broken", n)
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(o.Bin, "build", "-s", dir, "-o", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		settle()
		start := time.Now()
		err = cmd.Run()
		wall := time.Since(start)
		if err == nil {
			return nil, fmt.Errorf("bench: the broken corpus %s built without errors", dir)
		}
		last := ""
		if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) > 0 {
			last = lines[len(lines)-1]
		}
		var count int
		if _, serr := fmt.Sscanf(last, "mutual: %d errors", &count); serr != nil || count != n*brokenPerPage {
			return nil, fmt.Errorf("bench: the broken corpus %s: want %d errors, mutual said %q", dir, n*brokenPerPage, last)
		}
		e.errors = count
		e.builds = append(e.builds, wall)
		cpus = append(cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
	}
	e.build = median(e.builds)
	slices.SortFunc(cpus, cmp.Compare)
	e.cpu = median(cpus)
	return e, nil
}
