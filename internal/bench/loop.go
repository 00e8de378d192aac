package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/serve"
	"mutual/internal/site"
)

// loop measures the authoring loop on the corpus in dir, in this process:
// a Builder made as mutual serve makes it (Watch on, the live reload
// script, the search index of a rebuild written after the reload:
// site.Options.DeferIndex, waited for after each timed edit, outside its
// time), built once, then
//
//  1. o.Edits edits timed from the write to Build returning, called
//     directly (no watcher, no debounce), told the edited path by Changed
//     as serve tells it the watcher's paths;
//  2. the same Builder handed to a serve.Server running on a loopback port,
//     with a Server-Sent Events client on serve.EventsURL as a browser would
//     have: o.Edits edits timed from the write to the "reload" event read by
//     the client (fsnotify, the debounce, the build, the event over HTTP);
//  3. o.MemEdits more edits like 2, with the live heap (builder, server,
//     watcher and client) read before and after.
//
// An edit appends a sentence to one page; edits go round the corpus with a
// stride so that they hit different pages and sections. The pages are
// restored when loop returns. While they are edited the corpus has no
// stamp, so an interrupted run makes the next one rewrite it.
func loop(o *Options, dir string, r *result) (err error) {
	out, err := o.outDir("serve-out", r.pages)
	if err != nil {
		return err
	}
	b := site.New(site.Options{Dir: dir, Out: out, Watch: true, DeferIndex: true, Scripts: []string{serve.ScriptURL}})
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
	// Every page to be edited is read before the first edit, so that the
	// copies kept for restoring them are in the heap before it is measured.
	editPath := func(k int) (string, error) {
		return filepath.Abs(filepath.Join(dir, filepath.FromSlash(benchcorpus.PageRel(k*7919%r.pages))))
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
	for k := range 2*o.Edits + o.MemEdits {
		p, err := editPath(k)
		if err != nil {
			return err
		}
		if _, ok := originals[p]; !ok {
			if originals[p], err = os.ReadFile(p); err != nil {
				return err
			}
		}
	}
	edit := func(k int) (string, error) {
		p, err := editPath(k)
		if err != nil {
			return "", err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		src = fmt.Appendf(src, "\nEdit %d adds one more sentence about a small favour returned.\n", k)
		return p, os.WriteFile(p, src, 0o644)
	}

	// 1. Write to Build returning.
	var direct []time.Duration
	rendered := 0
	for k := range o.Edits {
		start := time.Now()
		p, err := edit(k)
		if err != nil {
			return err
		}
		b.Changed([]string{p}) // as serve passes on the watcher's paths
		st, err := b.Build()
		if err != nil {
			return fmt.Errorf("bench: rebuild after edit %d: %w", k, err)
		}
		direct = append(direct, time.Since(start))
		rendered += st.Rendered
		// The search index, written after Build returned as serve has it
		// (site.Options.DeferIndex), before the next edit: a person does
		// not save twice within milliseconds.
		if err := b.Wait(); err != nil {
			return fmt.Errorf("bench: search index after edit %d: %w", k, err)
		}
	}
	r.rebuild = latency{median(direct), percentile(direct, 90)}
	r.rendered = float64(rendered) / float64(o.Edits)

	// 2. Write to the reload event, through mutual serve's server.
	var serverErr bytes.Buffer
	srv := serve.New(b, serve.Options{Stderr: &serverErr})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- srv.Run(ctx, ln) }()
	defer func() {
		cancel()
		if runErr := <-ran; runErr != nil {
			err = errors.Join(err, fmt.Errorf("bench: serve: %w", runErr))
		}
	}()
	events, err := listen(ctx, "http://"+ln.Addr().String()+serve.EventsURL)
	if err != nil {
		return err
	}
	// The first event is the state after the server's first build.
	if ev, err := nextBuild(events, 5*time.Minute); err != nil || ev.name != "ok" {
		return fmt.Errorf("bench: serve: first event %q %q, %v; server said: %s", ev.name, ev.data, err, serverErr.Bytes())
	}
	reloadEdit := func(k int) (time.Duration, error) {
		start := time.Now()
		if _, err := edit(k); err != nil {
			return 0, err
		}
		ev, err := nextBuild(events, time.Minute)
		if err != nil || ev.name != "reload" {
			return 0, fmt.Errorf("bench: serve: after edit %d: event %q %q, %v; server said: %s", k, ev.name, ev.data, err, serverErr.Bytes())
		}
		d := time.Since(start)
		return d, b.Wait()
	}
	var reloads []time.Duration
	for k := o.Edits; k < 2*o.Edits; k++ {
		d, err := reloadEdit(k)
		if err != nil {
			return err
		}
		reloads = append(reloads, d)
	}
	r.reload = latency{median(reloads), percentile(reloads, 90)}

	// 3. The heap across many edits.
	r.heap0 = liveHeap()
	for k := 2 * o.Edits; k < 2*o.Edits+o.MemEdits; k++ {
		if _, err := reloadEdit(k); err != nil {
			return err
		}
	}
	r.heap1 = liveHeap()
	return nil
}

// sse is one Server-Sent Event.
type sse struct{ name, data string }

// listen connects to an event stream and delivers its events until ctx is
// done or the stream ends; then it closes the channel.
func listen(ctx context.Context, url string) (<-chan sse, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: serve: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("bench: serve: %s: %s", url, resp.Status)
	}
	ch := make(chan sse, 16)
	go func() {
		defer close(ch)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					select {
					case ch <- ev:
					case <-ctx.Done():
						return
					}
				}
				ev = sse{}
			case strings.HasPrefix(line, "event:"):
				ev.name = strings.TrimSpace(line[len("event:"):])
			case strings.HasPrefix(line, "data:"):
				if ev.data != "" {
					ev.data += "\n"
				}
				ev.data += strings.TrimPrefix(line[len("data:"):], " ")
			}
		}
	}()
	return ch, nil
}

// next waits for the next event.
func next(events <-chan sse, timeout time.Duration) (sse, error) {
	select {
	case ev, ok := <-events:
		if !ok {
			return sse{}, errors.New("the event stream ended")
		}
		return ev, nil
	case <-time.After(timeout):
		return sse{}, fmt.Errorf("no event within %s", timeout)
	}
}

// nextBuild waits for the next event about a build, passing over the
// "warnings" events (the warnings panel's), which follow the state and a
// build's own event.
func nextBuild(events <-chan sse, timeout time.Duration) (sse, error) {
	deadline := time.Now().Add(timeout)
	for {
		ev, err := next(events, time.Until(deadline))
		if err != nil || ev.name != "warnings" {
			return ev, err
		}
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
