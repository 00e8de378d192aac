package bench

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/site"
)

// deletedStamp is a file in the bench folder whose time is when the bench
// last deleted output folders.
const deletedStamp = "deleted.stamp"

// recentDeletion is how long ext4 (without a journal, as on this project's
// machines) passes over recently freed inodes when it picks one for a new
// file: five minutes after the deletion, ten while the freed inode's block
// of the inode table is not yet written back. Builds that soon after
// deleting tens of thousands of files pay seconds of extra system time.
const recentDeletion = 10 * time.Minute

// sinceDeletion is how long before now the stamp file was touched, when
// that is recent enough to matter; else 0.
func sinceDeletion(stamp string, now time.Time) time.Duration {
	st, err := os.Stat(stamp)
	if err != nil {
		return 0
	}
	if since := now.Sub(st.ModTime()); since < recentDeletion {
		return max(since, time.Second)
	}
	return 0
}

// Options configure Run. Zero fields take the defaults in brackets.
type Options struct {
	Sizes []int  // corpus sizes in guide pages [1000, 10000]
	Seed  int64  // corpus seed [1]
	Dir   string // folder for corpora and outputs [.bench]
	Bin   string // the mutual binary to time [bin/mutual]
	Runs  int    // build and floor runs per size; the median counts [5]
	// HackRuns is the rounds of the with/without comparison of each
	// performance hack, at the largest size [5]; Hacks the hacks compared
	// [Hacks].
	HackRuns int
	Hacks    []string
	Edits    int  // edits timed for the rebuild latency [20]
	MemEdits int  // edits between the two heap readings [200]
	Keep     bool // keep the output folders (corpora are always kept)

	// trash collects the output folders to remove at the end.
	trash []string
	// machine is what a system call and a page fault cost here.
	machine machineCost
	// sinceDeletion is how long before the run this bench last deleted
	// output folders; 0 when unknown or long enough ago not to matter.
	sinceDeletion time.Duration

	// CPUProfile and MemProfile, when set, get a CPU profile and a heap
	// profile of one extra in-process full build of the largest size.
	CPUProfile, MemProfile string

	Stdout io.Writer // the report [os.Stdout]
	Stderr io.Writer // progress [os.Stderr]
}

func (o *Options) defaults() {
	if len(o.Sizes) == 0 {
		o.Sizes = []int{1000, 10000}
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Dir == "" {
		o.Dir = ".bench"
	}
	if o.Bin == "" {
		o.Bin = filepath.Join("bin", "mutual")
	}
	if o.Runs <= 0 {
		o.Runs = 5
	}
	if o.HackRuns <= 0 {
		o.HackRuns = 5
	}
	if o.Hacks == nil {
		o.Hacks = Hacks
	}
	if o.Edits <= 0 {
		o.Edits = 20
	}
	if o.MemEdits <= 0 {
		o.MemEdits = 200
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
}

// Targets from issues 2 and 4.
const (
	targetRatio    = 1.25                  // build / floor at the largest size
	targetRSS      = 400 << 20             // peak memory of the build, bytes
	targetLatency  = 50 * time.Millisecond // write to reload, median
	targetHeapFlat = 0.10                  // heap growth over MemEdits edits
	targetPages    = 10000                 // the size the build targets apply to
	latencyPages   = 1000                  // the size the latency target applies to
)

// result holds the figures of one corpus size.
type result struct {
	pages  int
	reused bool

	floor    time.Duration // median
	floors   []time.Duration
	floorCPU time.Duration // median
	build    time.Duration // median
	builds   []time.Duration
	buildCPU time.Duration // median
	buildSys time.Duration // system time of the median-CPU run
	rss      int64         // bytes, highest of the runs
	faults   int64         // page faults of the median-CPU run
	summary  string
	htmlOut  int     // files in the output folder
	rebuild  latency // write to Build returning
	reload   latency // write to the reload event, through serve
	rendered float64 // pages rendered per incremental build, mean
	heap0    uint64
	heap1    uint64
	hacks    []hackResult  // the largest size only
	profiled time.Duration // in-process build under the profiler, 0 when not run
	errPath  *errorPath    // the broken corpus's build (errorpath.go)
	search   searchResult  // search's cost and the comparison with Pagefind (search.go)
}

type latency struct{ median, p90 time.Duration }

// Run writes or reuses the corpora, measures and prints the report. It
// returns an error only when something could not be measured.
func Run(opts Options) error {
	opts.defaults()
	if _, err := os.Stat(opts.Bin); err != nil {
		return fmt.Errorf("bench: %s not found: run make build first (or pass -bin)", opts.Bin)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	// Outputs left by an interrupted run.
	stamp := filepath.Join(opts.Dir, deletedStamp)
	for _, pat := range []string{"out-*", "serve-out-*", "prof-out-*", "hack-out-*", "out-nosearch-*"} {
		old, _ := filepath.Glob(filepath.Join(opts.Dir, pat))
		for _, d := range old {
			if err := os.RemoveAll(d); err != nil {
				return err
			}
		}
		if len(old) > 0 {
			os.WriteFile(stamp, nil, 0o644)
		}
	}
	opts.sinceDeletion = sinceDeletion(stamp, time.Now())
	opts.machine = measureMachine()
	defer func() {
		if !opts.Keep && len(opts.trash) > 0 {
			opts.progress("removing %d output folders (-keep keeps them)", len(opts.trash))
			for _, d := range opts.trash {
				os.RemoveAll(d)
			}
			os.WriteFile(stamp, nil, 0o644)
		}
	}()
	sizes := slices.Clone(opts.Sizes)
	slices.Sort(sizes)
	var results []*result
	for _, n := range sizes {
		r, err := measure(&opts, n)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if opts.CPUProfile != "" || opts.MemProfile != "" {
		last := results[len(results)-1]
		d, err := profile(&opts, last.pages)
		if err != nil {
			return err
		}
		last.profiled = d
	}
	report(opts.Stdout, &opts, results)
	return nil
}

func (o *Options) corpusDir(n int) string { return filepath.Join(o.Dir, fmt.Sprintf("corpus-%d", n)) }

// outDir makes a new, empty output folder, removed at the end of Run.
func (o *Options) outDir(prefix string, n int) (string, error) {
	d, err := os.MkdirTemp(o.Dir, fmt.Sprintf("%s-%d-", prefix, n))
	if err == nil {
		o.trash = append(o.trash, d)
	}
	return d, err
}

func (o *Options) progress(format string, args ...any) {
	fmt.Fprintf(o.Stderr, "bench: "+format+"\n", args...)
}

// corpus makes sure .bench/corpus-N holds the current corpus.
func corpus(o *Options, n int) (dir string, reused bool, err error) {
	dir = o.corpusDir(n)
	if benchcorpus.Current(dir, n, o.Seed) {
		return dir, true, nil
	}
	o.progress("writing %s (%d pages)", dir, n)
	// The folder is ours: a corpus of another version, size or seed, or
	// one whose writing or editing was interrupted.
	if err := os.RemoveAll(dir); err != nil {
		return "", false, err
	}
	return dir, false, benchcorpus.Write(dir, n, o.Seed)
}

func measure(o *Options, n int) (*result, error) {
	dir, reused, err := corpus(o, n)
	if err != nil {
		return nil, err
	}
	r := &result{pages: n, reused: reused}
	bodies, err := readBodies(dir, n)
	if err != nil {
		return nil, err
	}
	var out string
	var floorCPU, buildCPU, offCPU []time.Duration
	var buildRuns []childRun
	noSearch, err := noSearchCorpus(o, n)
	if err != nil {
		return nil, err
	}
	for run := 1; run <= o.Runs; run++ {
		o.progress("%d pages: floor, run %d of %d", n, run, o.Runs)
		wall, cpu := floor(bodies)
		r.floors = append(r.floors, wall)
		floorCPU = append(floorCPU, cpu)
		o.progress("%d pages: build, run %d of %d", n, run, o.Runs)
		if out, err = o.outDir("out", n); err != nil {
			return nil, err
		}
		b, err := childBuild(o, dir, out, "")
		if err != nil {
			return nil, err
		}
		r.builds = append(r.builds, b.wall)
		buildCPU = append(buildCPU, b.cpu)
		buildRuns = append(buildRuns, b)
		r.rss = max(r.rss, b.rss)
		r.summary = b.summary
		o.progress("%d pages: build with search: false, run %d of %d", n, run, o.Runs)
		offOut, err := o.outDir("out-nosearch", n)
		if err != nil {
			return nil, err
		}
		off, err := childBuild(o, noSearch, offOut, "")
		if err != nil {
			return nil, err
		}
		r.search.offBuilds = append(r.search.offBuilds, off.wall)
		offCPU = append(offCPU, off.cpu)
		r.search.offRSS = max(r.search.offRSS, off.rss)
		r.search.ratios = append(r.search.ratios, b.wall.Seconds()/off.wall.Seconds())
	}
	r.search.offCPU = median(offCPU)
	bodies = nil
	r.floor, r.build = median(r.floors), median(r.builds)
	r.floorCPU, r.buildCPU = median(floorCPU), median(buildCPU)
	slices.SortFunc(buildRuns, func(a, b childRun) int { return cmp.Compare(a.cpu, b.cpu) })
	r.buildSys = buildRuns[len(buildRuns)/2].sys
	r.faults = buildRuns[len(buildRuns)/2].faults
	if r.htmlOut, err = countFiles(out); err != nil {
		return nil, err
	}
	if n == slices.Max(o.Sizes) {
		compareSearch(o, out, &r.search)
		if r.hacks, err = compareHacks(o, dir, n); err != nil {
			return nil, err
		}
	}
	if r.errPath, err = measureErrorPath(o, n); err != nil {
		return nil, err
	}
	o.progress("%d pages: edit and rebuild in process", n)
	if err := loop(o, dir, r); err != nil {
		return nil, err
	}
	return r, nil
}

// profile runs one full build of the corpus of n pages in this process
// under the CPU profiler and writes a heap profile at its end.
func profile(o *Options, n int) (time.Duration, error) {
	out, err := o.outDir("prof-out", n)
	if err != nil {
		return 0, err
	}
	o.progress("%d pages: profiled in-process build", n)
	runtime.GC()
	if o.MemProfile != "" {
		// The allocation profile counts from the start of the process:
		// this base lets pprof -diff_base show the build's share alone.
		if err := writeAllocs(o.MemProfile + ".base"); err != nil {
			return 0, err
		}
	}
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return 0, err
		}
	}
	b := site.New(site.Options{Dir: o.corpusDir(n), Out: out})
	start := time.Now()
	_, err = b.Build()
	d := time.Since(start)
	if o.CPUProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return 0, fmt.Errorf("bench: in-process build of %s: %w", o.corpusDir(n), err)
	}
	if o.MemProfile != "" {
		if err := writeAllocs(o.MemProfile); err != nil {
			return 0, err
		}
	}
	runtime.KeepAlive(b)
	return d, nil
}

// writeAllocs writes the allocation profile (allocated and in use, since
// the process started) to file, after a collection so it is up to date.
func writeAllocs(file string) error {
	runtime.GC()
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	return errors.Join(pprof.Lookup("allocs").WriteTo(f, 0), f.Close())
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pairedRatio is the median of build[i]/floor[i]: each build against the
// floor run just before it, so that load which comes and goes on a shared
// machine over the minutes of a bench weighs less than in the ratio of the
// medians.
func pairedRatio(floors, builds []time.Duration) float64 {
	var rs []float64
	for i := range min(len(floors), len(builds)) {
		if floors[i] > 0 {
			rs = append(rs, float64(builds[i])/float64(floors[i]))
		}
	}
	if len(rs) == 0 {
		return 0
	}
	slices.Sort(rs)
	if len(rs)%2 == 1 {
		return rs[len(rs)/2]
	}
	return (rs[len(rs)/2-1] + rs[len(rs)/2]) / 2
}

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	k := (p*len(s) + 99) / 100
	return s[max(k-1, 0)]
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	return n, err
}
