// Command mutual-bench measures mutual's build against goldmark and chroma
// alone, and its edit-to-rebuild loop, on generated corpora; `make bench`
// runs it. See package mutual/internal/bench for what each figure means.
//
//	go run ./cmd/mutual-bench [-sizes 1000,10000] [-keep] [-cpuprofile FILE] [-memprofile FILE]
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/bench"
)

func main() {
	if bench.Relaying() {
		os.Exit(bench.Relay(os.Args[1:]))
	}
	var opts bench.Options
	sizes := flag.String("sizes", "1000,10000", "corpus `sizes` in guide pages, comma-separated")
	flag.Int64Var(&opts.Seed, "seed", 1, "corpus seed")
	flag.StringVar(&opts.Dir, "dir", ".bench", "`folder` for the corpora and outputs")
	flag.StringVar(&opts.Bin, "bin", "bin/mutual", "the mutual `binary` to time (make build writes it)")
	flag.IntVar(&opts.Runs, "runs", 5, "floor and build runs per size (the median is reported)")
	flag.IntVar(&opts.HackRuns, "hack-runs", 5, "rounds of the with/without comparison of each performance hack, at the largest size")
	hacks := flag.String("hacks", strings.Join(bench.Hacks, ","), "the performance `hacks` to compare with and without (\"\" for none)")
	flag.IntVar(&opts.Edits, "edits", 20, "timed edits per size for the rebuild latency")
	flag.IntVar(&opts.MemEdits, "mem-edits", 200, "edits between the two heap readings")
	flag.BoolVar(&opts.Keep, "keep", false, "keep the output folders (the corpora are always kept and reused)")
	flag.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of an in-process build of the largest size to `file`")
	flag.StringVar(&opts.MemProfile, "memprofile", "", "write a heap profile of an in-process build of the largest size to `file`")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: mutual-bench [flags]\n\n"+
			"Generates corpora of guide pages in .bench/, then measures goldmark + chroma alone (the floor),\n"+
			"`mutual build` in a child process, and edits through mutual serve; prints one column per size.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "mutual-bench: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "mutual-bench: -sizes: %q is not a page count\n", s)
			os.Exit(2)
		}
		opts.Sizes = append(opts.Sizes, n)
	}
	opts.Hacks = []string{}
	for _, h := range strings.Split(*hacks, ",") {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		if !slices.Contains(bench.Hacks, h) {
			fmt.Fprintf(os.Stderr, "mutual-bench: -hacks: unknown hack %q (the hacks are: %s)\n", h, strings.Join(bench.Hacks, ", "))
			os.Exit(2)
		}
		opts.Hacks = append(opts.Hacks, h)
	}
	if err := bench.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
