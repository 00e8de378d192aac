package site

import (
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"mutual/internal/benchcorpus"
)

// BenchmarkSearchCost measures what search adds to a full build of the
// generated corpus (MUTUAL_SEARCH_BUILD_PAGES pages, default 1,000):
// builds with search on and with search: false alternate, each in a new
// Builder, and the medians of their wall and CPU times are reported.
//
//	go test -run XX -bench SearchCost -benchtime 7x ./internal/site
func BenchmarkSearchCost(b *testing.B) {
	pages := 1000
	if s := os.Getenv("MUTUAL_SEARCH_BUILD_PAGES"); s != "" {
		var n int
		for _, c := range s {
			n = n*10 + int(c-'0')
		}
		pages = n
	}
	on, off := b.TempDir(), b.TempDir()
	for _, dir := range []string{on, off} {
		if err := benchcorpus.Write(dir, pages, 1); err != nil {
			b.Fatal(err)
		}
	}
	cfg := filepath.Join(off, "content", "site.yaml")
	src, err := os.ReadFile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(src, "search: false\n"...), 0o644); err != nil {
		b.Fatal(err)
	}
	var wall, cpu [2][]time.Duration
	for b.Loop() {
		for i, dir := range []string{on, off} {
			out := filepath.Join(b.TempDir(), "public")
			t0, c0 := time.Now(), processCPU()
			if _, err := New(Options{Dir: dir, Out: out}).Build(); err != nil {
				b.Fatal(err)
			}
			wall[i] = append(wall[i], time.Since(t0))
			cpu[i] = append(cpu[i], processCPU()-c0)
			os.RemoveAll(out)
		}
	}
	median := func(ds []time.Duration) time.Duration {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	won, woff, con, coff := median(wall[0]), median(wall[1]), median(cpu[0]), median(cpu[1])
	b.ReportMetric(won.Seconds(), "on-s")
	b.ReportMetric(woff.Seconds(), "off-s")
	b.ReportMetric(con.Seconds(), "on-cpu-s")
	b.ReportMetric(coff.Seconds(), "off-cpu-s")
	b.Logf("%d pages: search on %v wall, %v CPU; search off %v wall, %v CPU: search adds %.1f %% wall, %.1f %% CPU",
		pages, won.Round(time.Millisecond), con.Round(time.Millisecond), woff.Round(time.Millisecond), coff.Round(time.Millisecond),
		100*(won.Seconds()/woff.Seconds()-1), 100*(con.Seconds()/coff.Seconds()-1))
}

// processCPU is the CPU time (user and system) the process used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
