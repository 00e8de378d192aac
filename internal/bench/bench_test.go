package bench

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/benchcorpus"
)

// millis is durations of so many milliseconds.
func millis(ns ...int) []time.Duration {
	var ds []time.Duration
	for _, n := range ns {
		ds = append(ds, time.Duration(n)*time.Millisecond)
	}
	return ds
}

func TestMedianPercentile(t *testing.T) {
	tests := []struct {
		in          []time.Duration
		median, p90 time.Duration
	}{
		{nil, 0, 0},
		{millis(5), 5 * time.Millisecond, 5 * time.Millisecond},
		{millis(9, 1, 5), 5 * time.Millisecond, 9 * time.Millisecond},
		{millis(4, 1, 3, 2), 2500 * time.Microsecond, 4 * time.Millisecond},
		{millis(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 10500 * time.Microsecond, 18 * time.Millisecond},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.median {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.median)
		}
		if got := percentile(tt.in, 90); got != tt.p90 {
			t.Errorf("percentile(%v, 90) = %v, want %v", tt.in, got, tt.p90)
		}
	}
}

func TestPairedRatio(t *testing.T) {
	tests := []struct {
		floors, builds []time.Duration
		want           float64
	}{
		{nil, nil, 0},
		{millis(100), millis(120), 1.2},
		// The ratio of the medians is 1.25 (150/120); the runs' own ratios
		// are 1.5, 1.1 and 1.1.
		{millis(100, 120, 140), millis(150, 132, 154), 1.1},
		{millis(100, 100, 100), millis(110, 130, 200), 1.3},
		{millis(100, 100), millis(110, 130), 1.2},
		{millis(100, 0), millis(110, 130), 1.1},
		{millis(100, 100, 100), millis(110), 1.1},
	}
	for _, tt := range tests {
		if got := pairedRatio(tt.floors, tt.builds); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("pairedRatio(%v, %v) = %v, want %v", tt.floors, tt.builds, got, tt.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestStripFrontMatter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"---\ntitle: x\n---\n\nbody\n", "\nbody\n"},
		{"---\ntitle: x\nweight: 2\n---\n## h\n", "## h\n"},
		{"no front matter\n", "no front matter\n"},
		{"---\nnot closed\n", "---\nnot closed\n"},
	}
	for _, tt := range tests {
		if got := string(stripFrontMatter([]byte(tt.in))); got != tt.want {
			t.Errorf("stripFrontMatter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The in-process loop runs on a small corpus, reports figures, and leaves
// the corpus exactly as it found it, stamp included.
func TestLoopRestoresCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus several times")
	}
	o := &Options{Dir: t.TempDir(), Sizes: []int{40}, Edits: 2, MemEdits: 3, Stderr: io.Discard}
	o.defaults()
	dir, reused, err := corpus(o, 40)
	if err != nil || reused {
		t.Fatalf("corpus: reused %v, %v", reused, err)
	}
	before := snapshot(t, dir)
	r := &result{pages: 40}
	if err := loop(o, dir, r); err != nil {
		t.Fatal(err)
	}
	if r.rebuild.median <= 0 || r.reload.median <= 0 || r.heap0 == 0 || r.heap1 == 0 {
		t.Errorf("missing figures: %+v", r)
	}
	if r.rendered < 1 {
		t.Errorf("an edit re-rendered %.1f pages on average, want at least the edited one", r.rendered)
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Fatalf("the corpus had %d files, now %d", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed", p)
		}
	}
	if _, reused, err := corpus(o, 40); err != nil || !reused {
		t.Errorf("the corpus is not reused after the loop: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, benchcorpus.StampFile)); err != nil {
		t.Error(err)
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRecentDeletion(t *testing.T) {
	stamp := filepath.Join(t.TempDir(), deletedStamp)
	now := time.Now()
	if got := sinceDeletion(stamp, now); got != 0 {
		t.Errorf("no stamp: got %v, want 0", got)
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		age  time.Duration
		want time.Duration
	}{
		{0, time.Second}, // rounded up: a deletion just now still counts
		{90 * time.Second, 90 * time.Second},
		{recentDeletion + time.Second, 0},
	}
	for _, tt := range tests {
		at := now.Add(-tt.age)
		if err := os.Chtimes(stamp, at, at); err != nil {
			t.Fatal(err)
		}
		if got := sinceDeletion(stamp, now); got != tt.want {
			t.Errorf("stamp %v old: got %v, want %v", tt.age, got, tt.want)
		}
	}
	var with, without bytes.Buffer
	report(&with, &Options{Runs: 1, sinceDeletion: 90 * time.Second}, []*result{{pages: 40}})
	report(&without, &Options{Runs: 1}, []*result{{pages: 40}})
	if !strings.Contains(with.String(), "note: this bench deleted output folders 1m30s before this run") {
		t.Errorf("report after a recent deletion has no note:\n%s", with.String())
	}
	if strings.Contains(without.String(), "note:") {
		t.Errorf("report without a recent deletion has a note:\n%s", without.String())
	}
}

func TestHackSaving(t *testing.T) {
	tests := []struct {
		with, without []time.Duration
		want          float64
	}{
		{nil, nil, 0},
		{millis(90), millis(100), 0.10},
		// Rounds save 10%, 0% and 50%: the median is 10%.
		{millis(90, 100, 50), millis(100, 100, 100), 0.10},
		{millis(110, 100), millis(100, 100), -0.05},
	}
	for _, tt := range tests {
		if got := (hackResult{with: tt.with, without: tt.without}).saving(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("saving(%v, %v) = %v, want %v", tt.with, tt.without, got, tt.want)
		}
	}
}

// TestServedFiles sums what a host serves for a query's files, with or
// without a leading slash, a missing file (a 404) counting nothing.
func TestServedFiles(t *testing.T) {
	dir := t.TempDir()
	json := []byte(strings.Repeat(`{"a": 1}`, 100))
	bin := []byte("\x01\x02\x03")
	os.MkdirAll(filepath.Join(dir, "t"), 0o755)
	os.WriteFile(filepath.Join(dir, "manifest.json"), json, 0o644)
	os.WriteFile(filepath.Join(dir, "t", "x.bin"), bin, 0o644)
	got, err := servedFiles(dir, []string{"manifest.json", "/t/x.bin", "/favicon.ico"})
	if err != nil {
		t.Fatal(err)
	}
	if want := servedSize("manifest.json", json) + servedSize("t/x.bin", bin); got != want || want >= int64(len(json))+3 {
		t.Errorf("served %d bytes, want %d (the JSON compressed)", got, want)
	}
}

// The search report sets each query's bytes beside Pagefind's, the phrase
// query among them, labelled as a phrase.
func TestReportSearchPhrase(t *testing.T) {
	n := len(searchQueries)
	if n <= phrasesFrom || !strings.HasPrefix(searchQueries[phrasesFrom], `"`) {
		t.Fatalf("searchQueries %q: no phrase in quotes at %d", searchQueries, phrasesFrom)
	}
	r := &result{pages: 10000}
	s := &r.search
	for i := range n {
		s.mutualQ = append(s.mutualQ, 1000*(i+1)+100)
		s.pagefindQ = append(s.pagefindQ, 100000*(i+1)+200)
		s.mutualHits = append(s.mutualHits, i)
		s.pfHits = append(s.pfHits, i)
		s.mutualFiles = append(s.mutualFiles, 2)
		s.pfFiles = append(s.pfFiles, 3)
		s.mutualMS = append(s.mutualMS, 1.5)
	}
	var b strings.Builder
	reportSearch(&b, r)
	out := b.String()
	phrase := fmt.Sprintf(`query %d, phrase %s: bytes served`, phrasesFrom+1, searchQueries[phrasesFrom])
	for _, want := range []string{`query 1 "partner listens": bytes served`, phrase,
		fmt.Sprintf("%.1f KB", float64(1000*(phrasesFrom+1)+100)/1000), fmt.Sprintf("%.1f KB", float64(100000*(phrasesFrom+1)+200)/1000),
		fmt.Sprintf("The %d queries run in a row", n)} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	// The phrase's bytes are on its own line.
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, phrase) && !strings.Contains(line, fmt.Sprintf("%.1f KB", float64(1000*(phrasesFrom+1)+100)/1000)) {
			t.Errorf("the phrase's line does not show its bytes: %q", line)
		}
	}
}

// TestReportRatioVerdict holds the 10,000-page verdict to the median of the
// runs' own ratios, not to the ratio of the medians.
func TestReportRatioVerdict(t *testing.T) {
	tests := []struct {
		name           string
		floors, builds []time.Duration
		want           string
	}{
		// Medians 120 and 140 (1.17); the runs' own ratios 1.30, 1.33, 1.08.
		{"paired over", millis(100, 120, 130), millis(130, 160, 140), "MISS"},
		// Medians 120 and 154 (1.28); the runs' own ratios 1.54, 1.10, 1.10.
		{"paired under", millis(100, 120, 140), millis(154, 132, 154), "PASS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &result{pages: targetPages, floors: tt.floors, builds: tt.builds, floor: median(tt.floors), build: median(tt.builds)}
			var out bytes.Buffer
			report(&out, &Options{Runs: len(tt.builds)}, []*result{r})
			var line string
			for l := range strings.Lines(out.String()) {
				if strings.Contains(l, fmt.Sprintf("target <= %.2f", targetRatio)) {
					line = l
				}
			}
			if !strings.Contains(line, tt.want) {
				t.Errorf("verdict line %q, want %s", line, tt.want)
			}
		})
	}
}

// TestMachineCost measures this machine (both costs come out positive),
// and holds the report to printing them and what the build's faults cost
// at that price.
func TestMachineCost(t *testing.T) {
	m := measureMachine()
	if m.syscall <= 0 || m.fault <= 0 {
		t.Fatalf("measureMachine() = %+v, want both costs measured", m)
	}
	var out bytes.Buffer
	r := &result{pages: 40, faults: 20_000}
	report(&out, &Options{Runs: 1, machine: machineCost{syscall: 2 * time.Microsecond, fault: 12500 * time.Nanosecond}}, []*result{r})
	for _, want := range []string{"machine: a system call 2.00 us, a page fault (first touch of 4 KiB) 12.50 us", "20,000; 0.25 s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
