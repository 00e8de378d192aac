package bench

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"mutual/internal/serve"
)

// report prints the machine, then one column per corpus size.
func report(w io.Writer, o *Options, rs []*result) {
	fmt.Fprintf(w, "\nmutual bench: %s, GOMAXPROCS=%d, %s/%s, CPU %s (%d logical), load %s\n",
		runtime.Version(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, cpuModel(), runtime.NumCPU(), loadAvg())
	if m := o.machine; m.fault > 0 {
		fmt.Fprintf(w, "machine: a system call %s, a page fault (first touch of 4 KiB) %s, fastest of 3 (see internal/bench/machine.go)\n",
			us(m.syscall), us(m.fault))
	}
	fmt.Fprintf(w, "corpus: benchcorpus seed %d in %s; %d runs each of floor and build (alternating), medians\n\n",
		o.Seed, o.Dir, o.Runs)
	if o.sinceDeletion > 0 {
		fmt.Fprintf(w, "note: this bench deleted output folders %s before this run; the builds' system time is likely\n"+
			"  inflated (the kernel passes over recently freed inodes for %s). Rerun later for a quiet-disk figure.\n\n",
			o.sinceDeletion.Round(time.Second), recentDeletion)
	}

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Labels are padded here so that they line up on the left while the
	// figures line up on the right.
	row := func(label string, f func(r *result) string) {
		fmt.Fprintf(tw, "%-40s\t", label)
		for _, r := range rs {
			fmt.Fprintf(tw, "%s\t", f(r))
		}
		fmt.Fprintln(tw)
	}
	row("guide pages", func(r *result) string {
		s := thousands(r.pages)
		if r.reused {
			s += " (reused)"
		}
		return s
	})
	row("output files", func(r *result) string { return thousands(r.htmlOut) })
	row("floor: goldmark + chroma", func(r *result) string { return secs(r.floor) })
	row("  per page", func(r *result) string { return ms(r.floor / time.Duration(r.pages)) })
	row("  runs", func(r *result) string { return runs(r.floors) })
	row("  CPU time", func(r *result) string { return secs(r.floorCPU) })
	row("build: "+o.Bin+" build", func(r *result) string { return secs(r.build) })
	row("  runs", func(r *result) string { return runs(r.builds) })
	row("  CPU time", func(r *result) string { return secs(r.buildCPU) })
	row("    of which system", func(r *result) string { return secs(r.buildSys) })
	row("    page faults; at this machine's cost", func(r *result) string {
		return fmt.Sprintf("%s; %s", thousands(int(r.faults)), secs(time.Duration(r.faults)*o.machine.fault))
	})
	row("  pages/second", func(r *result) string {
		return thousands(int(float64(r.pages) / r.build.Seconds()))
	})
	row("  peak RSS", func(r *result) string { return mb(r.rss) })
	row("ratio build/floor (median of the runs' own)", func(r *result) string {
		return fmt.Sprintf("%.2f", pairedRatio(r.floors, r.builds))
	})
	row("  of the medians", func(r *result) string {
		return fmt.Sprintf("%.2f", r.build.Seconds()/r.floor.Seconds())
	})
	row("  CPU time ratio", func(r *result) string {
		return fmt.Sprintf("%.2f", r.buildCPU.Seconds()/r.floorCPU.Seconds())
	})
	row("    without the build's system time", func(r *result) string {
		return fmt.Sprintf("%.2f", (r.buildCPU-r.buildSys).Seconds()/r.floorCPU.Seconds())
	})
	row(fmt.Sprintf("  target <= %.2f (%s pages)", targetRatio, thousands(targetPages)), func(r *result) string {
		if r.pages != targetPages {
			return "-"
		}
		return verdict(pairedRatio(r.floors, r.builds) <= targetRatio)
	})
	row(fmt.Sprintf("  target RSS < %s (%s pages)", mb(targetRSS), thousands(targetPages)), func(r *result) string {
		if r.pages != targetPages {
			return "-"
		}
		return verdict(r.rss < targetRSS)
	})
	// erow is a row of the error path, "-" where it was not measured.
	erow := func(label string, f func(r *result, e *errorPath) string) {
		row(label, func(r *result) string {
			if r.errPath == nil {
				return "-"
			}
			return f(r, r.errPath)
		})
	}
	erow(fmt.Sprintf("error path: %d broken links/page", brokenPerPage), func(r *result, e *errorPath) string { return secs(e.build) })
	erow("  errors reported", func(r *result, e *errorPath) string { return thousands(e.errors) })
	erow("  runs", func(r *result, e *errorPath) string { return runs(e.builds) })
	erow("  CPU time", func(r *result, e *errorPath) string { return secs(e.cpu) })
	erow("  ratio to the clean build", func(r *result, e *errorPath) string {
		return fmt.Sprintf("%.2f", e.build.Seconds()/r.build.Seconds())
	})
	erow("    CPU time ratio", func(r *result, e *errorPath) string {
		return fmt.Sprintf("%.2f", e.cpu.Seconds()/r.buildCPU.Seconds())
	})
	erow(fmt.Sprintf("  target <= %.1fx the clean build", targetErrorPath), func(r *result, e *errorPath) string {
		return verdict(e.build.Seconds() <= targetErrorPath*r.build.Seconds())
	})
	row("build with search: false", func(r *result) string { return secs(median(r.search.offBuilds)) })
	row("  CPU time", func(r *result) string { return secs(r.search.offCPU) })
	row("  peak RSS", func(r *result) string { return mb(r.search.offRSS) })
	row("search adds: wall (median of runs' ratios)", func(r *result) string {
		return fmt.Sprintf("%+.1f%%", 100*(medianFloat(r.search.ratios)-1))
	})
	row("  CPU time", func(r *result) string {
		return fmt.Sprintf("%+.1f%%", 100*(r.buildCPU.Seconds()/r.search.offCPU.Seconds()-1))
	})
	row(fmt.Sprintf("  target <= +%.0f%% wall (%s pages)", 100*targetSearch, thousands(targetPages)), func(r *result) string {
		if r.pages != targetPages {
			return "-"
		}
		return verdict(medianFloat(r.search.ratios)-1 <= targetSearch)
	})
	row("edit -> rebuilt: median", func(r *result) string { return ms(r.rebuild.median) })
	row("  p90", func(r *result) string { return ms(r.rebuild.p90) })
	row("  pages rendered per edit", func(r *result) string { return fmt.Sprintf("%.1f", r.rendered) })
	row("edit -> reload event (serve): median", func(r *result) string { return ms(r.reload.median) })
	row("  p90", func(r *result) string { return ms(r.reload.p90) })
	row(fmt.Sprintf("  target median < %s (%s pages)", ms(targetLatency), thousands(latencyPages)), func(r *result) string {
		if r.pages != latencyPages {
			return "-"
		}
		return verdict(r.reload.median < targetLatency)
	})
	row(fmt.Sprintf("live heap before %d edits", o.MemEdits), func(r *result) string { return mb(int64(r.heap0)) })
	row(fmt.Sprintf("  after %d edits", o.MemEdits), func(r *result) string { return mb(int64(r.heap1)) })
	row("  growth", func(r *result) string { return fmt.Sprintf("%+.1f%%", 100*growth(r)) })
	row(fmt.Sprintf("  flat (growth < %.0f%%)", 100*targetHeapFlat), func(r *result) string {
		return verdict(growth(r) < targetHeapFlat)
	})
	if rs[len(rs)-1].profiled > 0 {
		row("in-process build, profiled", func(r *result) string {
			if r.profiled == 0 {
				return "-"
			}
			return secs(r.profiled)
		})
	}
	tw.Flush()

	if len(o.Hacks) == 0 {
		fmt.Fprintf(w, "\nperformance hacks: none is left (each must save %.0f%% of the build's wall time in a paired\n"+
			"  comparison; the last three measured did not: see go doc mutual/internal/bench)\n", 100*minSaving)
	}
	if last := rs[len(rs)-1]; len(last.hacks) > 0 {
		fmt.Fprintf(w, "\nperformance hacks, %s pages: each built with and without it (MUTUAL_BENCH_WITHOUT), %d rounds in\n"+
			"alternating order; saving is the median of the rounds' own 1 - with/without in wall time, beside the fastest\n"+
			"build with against the fastest without, and the CPU time saving; a hack stays if it saves %.0f%% of the wall time\n",
			thousands(last.pages), o.HackRuns, 100*minSaving)
		ht := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(ht, "  hack\twith (median)\twithout (median)\tsaving\trounds' savings\tfastest vs fastest\tCPU time saving\tverdict\n")
		for _, h := range last.hacks {
			var rounds []string
			for i := range min(len(h.with), len(h.without)) {
				rounds = append(rounds, fmt.Sprintf("%+.1f%%", 100*(1-h.with[i].Seconds()/h.without[i].Seconds())))
			}
			verdict := "pays"
			if h.saving() < minSaving {
				verdict = "does not pay: remove it"
			}
			fmt.Fprintf(ht, "  %s\t%s\t%s\t%+.1f%%\t%s\t%+.1f%%\t%+.1f%%\t%s\n", h.name, secs(median(h.with)), secs(median(h.without)),
				100*h.saving(), strings.Join(rounds, " "), 100*h.fastestSaving(), 100*h.cpuSaving(), verdict)
		}
		ht.Flush()
	}

	reportSearch(w, rs[len(rs)-1])

	fmt.Fprintf(w, "\nfloor: every page body (front matter cut) rendered by markdown.Render in %d goroutines, pages read beforehand.\n", runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "build: a fresh process into an empty output folder; peak RSS is the highest ru_maxrss of the runs (the build's own, reported by a relay).\n")
	fmt.Fprintf(w, "ratio: the median of the runs' own ratios, each build paired with the floor run just before it (the\n  target's verdict; what search adds and what a hack saves are medians of paired runs too); below it, the\n  ratio of the medians.\n")
	fmt.Fprintf(w, "CPU time is user + system (getrusage); its ratio is less sensitive than wall time to other load on the machine.\n")
	fmt.Fprintf(w, "  The build's system time is mostly the kernel creating a folder and a file per page; on this VM's ext4 it\n")
	fmt.Fprintf(w, "  varies several-fold with recent deletions on the disk (ext4 passes over inodes freed in the last minutes,\n")
	fmt.Fprintf(w, "  so a run soon after deleting earlier output folders pays seconds more).\n")
	fmt.Fprintf(w, "error path: the corpus with %d broken links appended to every guide page (a missing file, a missing\n", brokenPerPage)
	fmt.Fprintf(w, "  section, a missing address); the build must fail reporting each, in at most %.1fx the clean build's time.\n", targetErrorPath)
	fmt.Fprintf(w, "edit -> rebuilt: one page gets a sentence appended, then site.Builder.Build (Watch on) returns, in process.\n")
	fmt.Fprintf(w, "edit -> reload event: the same Builder run by serve.Server on a loopback port; timed from the write to the\n")
	fmt.Fprintf(w, "  \"reload\" Server-Sent Event read by a client on %s (fsnotify, %s debounce, rebuild, event).\n", serve.EventsURL, serve.DefaultQuiet)
	for _, r := range rs {
		fmt.Fprintf(w, "mutual's summary, %s pages: %s\n", thousands(r.pages), r.summary)
	}
	if o.CPUProfile != "" {
		fmt.Fprintf(w, "CPU profile of the in-process build: %s (go tool pprof -top %s)\n", o.CPUProfile, o.CPUProfile)
	}
	if o.MemProfile != "" {
		fmt.Fprintf(w, "heap profile of the in-process build: %s (go tool pprof -sample_index=alloc_space -diff_base %s.base -top %s)\n", o.MemProfile, o.MemProfile, o.MemProfile)
	}
}

func growth(r *result) float64 {
	if r.heap0 == 0 {
		return 0
	}
	return (float64(r.heap1) - float64(r.heap0)) / float64(r.heap0)
}

func verdict(ok bool) string {
	if ok {
		return "PASS"
	}
	return "MISS"
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func runs(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = fmt.Sprintf("%.2f", d.Seconds())
	}
	return strings.Join(s, " ")
}

// thousands writes n with comma separators: 10000 -> "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cpuModel is the first "model name" of /proc/cpuinfo, or "unknown".
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// loadAvg is the 1, 5 and 15 minute load averages, as a hint of how shared
// the machine was.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func us(d time.Duration) string {
	return fmt.Sprintf("%.2f us", float64(d)/float64(time.Microsecond))
}
