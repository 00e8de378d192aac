package bench

import (
	"fmt"
	"slices"
	"time"
)

// Hacks are the performance hacks mutual keeps, each named as
// MUTUAL_BENCH_WITHOUT turns it off in a build; make bench builds the
// largest corpus with and without each (compareHacks):
//
//   - gctune: `mutual build` sets the garbage collector's policy for a
//     one-off build (internal/gctune).
//
// Four more were measured this way and removed (raw file calls, the
// front-matter fast path, natives: the default theme's tag lists and
// list entries run as Go, and hugepages: the build's heap backed by
// transparent huge pages): see the performance log in the package
// documentation. A hack added later reads MUTUAL_BENCH_WITHOUT (a
// comma-separated list of names) to switch itself off, is listed here, and
// stays only while this comparison shows it pays.
var Hacks = []string{"gctune"}

// minSaving is the least share of the build's wall time a hack must save.
const minSaving = 0.05

// hackResult is the paired comparison of one hack.
type hackResult struct {
	name          string
	with, without []time.Duration // wall time, round by round
	// CPU time (user and system), round by round: less sensitive than wall
	// time to other work on the machine.
	withCPU, withoutCPU []time.Duration
}

// saving is the median of the rounds' own savings, 1 - with/without: the
// share of the build's wall time (without the hack) that the hack saves.
func (h hackResult) saving() float64 { return medianSaving(h.with, h.without) }

// fastestSaving compares the fastest build with the hack and the fastest
// without: load from elsewhere only adds time, so the fastest of several
// builds is the best estimate of an undisturbed one.
func (h hackResult) fastestSaving() float64 {
	if len(h.with) == 0 || len(h.without) == 0 {
		return 0
	}
	return 1 - float64(slices.Min(h.with))/float64(slices.Min(h.without))
}

// cpuSaving is saving in CPU time.
func (h hackResult) cpuSaving() float64 { return medianSaving(h.withCPU, h.withoutCPU) }

func medianSaving(with, without []time.Duration) float64 {
	var s []float64
	for i := range min(len(with), len(without)) {
		if without[i] > 0 {
			s = append(s, 1-float64(with[i])/float64(without[i]))
		}
	}
	if len(s) == 0 {
		return 0
	}
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// compareHacks builds the corpus in dir with and without each hack, o.HackRuns
// rounds each, in alternating order (with first in odd rounds, without
// first in even ones), so that load from elsewhere and the disk's state
// weigh on both alike; each round pairs the two builds made one after the
// other.
func compareHacks(o *Options, dir string, n int) ([]hackResult, error) {
	var out []hackResult
	for _, hack := range o.Hacks {
		h := hackResult{name: hack}
		for round := 1; round <= o.HackRuns; round++ {
			order := []bool{true, false}
			if round%2 == 0 {
				order = []bool{false, true}
			}
			for _, with := range order {
				without, label := hack, "without"
				if with {
					without, label = "", "with"
				}
				o.progress("%d pages: build %s %s, round %d of %d", n, label, hack, round, o.HackRuns)
				outDir, err := o.outDir("hack-out", n)
				if err != nil {
					return nil, err
				}
				b, err := childBuild(o, dir, outDir, without)
				if err != nil {
					return nil, fmt.Errorf("bench: build without %s: %w", hack, err)
				}
				if with {
					h.with, h.withCPU = append(h.with, b.wall), append(h.withCPU, b.cpu)
				} else {
					h.without, h.withoutCPU = append(h.without, b.wall), append(h.withoutCPU, b.cpu)
				}
			}
		}
		out = append(out, h)
	}
	return out, nil
}
