package bench

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/serve"
	"mutual/internal/site"
)

// loop measures the authoring loop on the corpus in dir, in this process:
// a Builder with Watch on (as mutual serve makes it), built once, then
//
//  1. o.Edits edits timed from the write to Build returning (no watcher);
//  2. o.Edits edits timed from the write to Build returning, with serve's
//     Watcher between them: fsnotify, its debounce, then the build, as
//     mutual serve does before it sends the reload event;
//  3. o.MemEdits more edits like 2, with the live heap read before and
//     after.
//
// An edit appends a sentence to one page; edits go round the corpus with a
// stride so that they hit different pages and sections. The pages are
// restored when loop returns. While they are edited the corpus has no
// stamp, so an interrupted run makes the next one rewrite it.
func loop(o *Options, dir string, r *result) (err error) {
	out, err := os.MkdirTemp(o.Dir, fmt.Sprintf("serve-out-%d-", r.pages))
	if err != nil {
		return err
	}
	if !o.Keep {
		defer os.RemoveAll(out)
	}
	b := site.New(site.Options{Dir: dir, Out: out, Watch: true})
	if _, err := b.Build(); err != nil {
		return fmt.Errorf("bench: first build of %s: %w", dir, err)
	}

	stampPath := filepath.Join(dir, benchcorpus.StampFile)
	stamp, err := os.ReadFile(stampPath)
	if err != nil {
		return err
	}
	if err := os.Remove(stampPath); err != nil {
		return err
	}
	originals := map[string][]byte{}
	defer func() {
		for p, src := range originals {
			err = errors.Join(err, os.WriteFile(p, src, 0o644))
		}
		if err == nil {
			err = os.WriteFile(stampPath, stamp, 0o644)
		}
	}()
	edit := func(k int) (string, error) {
		p, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(benchcorpus.PageRel(k*7919%r.pages))))
		if err != nil {
			return "", err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		if _, ok := originals[p]; !ok {
			originals[p] = src
		}
		src = fmt.Appendf(src, "\nEdit %d adds one more sentence about a small favour returned.\n", k)
		return p, os.WriteFile(p, src, 0o644)
	}

	// 1. Write to Build returning.
	var direct []time.Duration
	rendered := 0
	for k := range o.Edits {
		start := time.Now()
		if _, err := edit(k); err != nil {
			return err
		}
		st, err := b.Build()
		if err != nil {
			return fmt.Errorf("bench: rebuild after edit %d: %w", k, err)
		}
		direct = append(direct, time.Since(start))
		rendered += st.Rendered
	}
	r.rebuild = latency{median(direct), percentile(direct, 90)}
	r.rendered = float64(rendered) / float64(o.Edits)

	// 2. Write, watcher, Build.
	w, err := serve.NewWatcher(0)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Watch(b.WatchDirs()...); err != nil {
		return err
	}
	watchedEdit := func(k int) (time.Duration, error) {
		start := time.Now()
		p, err := edit(k)
		if err != nil {
			return 0, err
		}
		timeout := time.After(10 * time.Second)
		for seen := false; !seen; {
			select {
			case batch := <-w.Events():
				seen = slices.Contains(batch, p)
			case <-w.Errors():
			case <-timeout:
				return 0, fmt.Errorf("bench: the watcher did not report %s within 10s", p)
			}
		}
		if _, err := b.Build(); err != nil {
			return 0, fmt.Errorf("bench: rebuild after edit %d: %w", k, err)
		}
		return time.Since(start), nil
	}
	var watched []time.Duration
	for k := o.Edits; k < 2*o.Edits; k++ {
		d, err := watchedEdit(k)
		if err != nil {
			return err
		}
		watched = append(watched, d)
	}
	r.watched = latency{median(watched), percentile(watched, 90)}

	// 3. The heap across many edits.
	r.heap0 = liveHeap()
	for k := 2 * o.Edits; k < 2*o.Edits+o.MemEdits; k++ {
		if _, err := watchedEdit(k); err != nil {
			return err
		}
	}
	r.heap1 = liveHeap()
	runtime.KeepAlive(b)
	return nil
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
