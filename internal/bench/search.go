package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"mutual/internal/benchcorpus"
)

// The search figures (issue 15): what the built-in search costs the build,
// and the index beside Pagefind's on the same output.
//
// At every size, each build run is paired with a build of the same corpus
// with search: false (a copy of the corpus, corpus-N-nosearch), in
// alternating order; the report gives the medians and the median of the
// runs' own ratios. At the largest size, Pagefind (the npm package
// pagefind, PagefindVersion, installed into .bench/pagefind with npm the
// first time) indexes the output of the last build; the report gives both
// indexes' build time, size, and the bytes each transfers for the same
// queries in a row (the three of issue 15, then a phrase in quotes), as a
// static host serves them: text files (JSON,
// JavaScript) gzip-compressed, the others as stored (mutual's .bin files
// and Pagefind's files, which Pagefind compresses itself). mutual's
// queries run in Node (internal/search/testdata/run.js, the engine of
// search.js), Pagefind's in chromium (its script needs a browser's
// WebAssembly and fetch); each counts the files its queries fetched.

// PagefindVersion is the Pagefind the bench compares with.
const PagefindVersion = "1.6.0"

// searchQueries are the queries both indexes answer, in a row: the three
// of issue 15, then (from phrasesFrom on) a phrase in quotes, which both
// engines take as a phrase and for which mutual loads the positions of its
// words.
var searchQueries = []string{"partner listens", "gratitude apology", "repairs trust", `"the weekly rhythm"`}

// phrasesFrom is the index in searchQueries of the first phrase query.
const phrasesFrom = 3

// searchResult is the search figures of one size.
type searchResult struct {
	offBuilds []time.Duration // with search: false, paired with result.builds
	offCPU    time.Duration   // median
	offRSS    int64
	ratios    []float64 // each run's build with search / without

	// The largest size only; err says why the comparison is missing.
	err                  error
	mutualIndex          indexFigures
	pagefind             indexFigures
	pagefindWall         time.Duration
	pagefindCPU          time.Duration
	mutualQ, pagefindQ   []int // bytes per query, served
	mutualHits, pfHits   []int // results per query
	mutualFiles, pfFiles []int
	mutualMS             []float64 // per query: results after the files arrived, median of searchLoads
}

type indexFigures struct {
	files          int
	stored, served int64
}

// noSearchCorpus makes sure dir-nosearch holds the corpus of dir with
// search: false in its site.yaml.
func noSearchCorpus(o *Options, n int) (string, error) {
	dir := o.corpusDir(n) + "-nosearch"
	if !benchcorpus.Current(dir, n, o.Seed) {
		o.progress("writing %s (%d pages, search: false)", dir, n)
		if err := os.RemoveAll(dir); err != nil {
			return "", err
		}
		if err := benchcorpus.Write(dir, n, o.Seed); err != nil {
			return "", err
		}
	}
	cfg := filepath.Join(dir, "content", "site.yaml")
	src, err := os.ReadFile(cfg)
	if err != nil {
		return "", err
	}
	if !bytes.Contains(src, []byte("\nsearch: false\n")) {
		src = append(src, "search: false\n"...)
		if err := os.WriteFile(cfg, src, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// servedSize is what a static host transfers for a file: text
// gzip-compressed (level 6), anything else as stored.
func servedSize(name string, data []byte) int64 {
	switch filepath.Ext(name) {
	case ".json", ".js", ".html", ".css":
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, 6)
		w.Write(data)
		w.Close()
		return int64(buf.Len())
	}
	return int64(len(data))
}

// measureIndex adds up the files under dir.
func measureIndex(dir string) (indexFigures, error) {
	var f indexFigures
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.files++
		f.stored += int64(len(b))
		f.served += servedSize(p, b)
		return nil
	})
	return f, err
}

// compareSearch fills the comparison of the largest size from out, the
// output of a build with search.
func compareSearch(o *Options, out string, s *searchResult) {
	s.err = func() error {
		entries, err := os.ReadDir(filepath.Join(out, "search"))
		if err != nil {
			return err
		}
		var lang string
		for _, e := range entries {
			if e.IsDir() {
				lang = e.Name()
			}
		}
		if lang == "" {
			return errors.New("the build wrote no search index")
		}
		index := filepath.Join(out, "search", lang)
		if s.mutualIndex, err = measureIndex(index); err != nil {
			return err
		}
		if err := mutualQueries(index, s); err != nil {
			return fmt.Errorf("mutual's queries: %w", err)
		}
		bin, err := pagefind(o)
		if err != nil {
			return err
		}
		o.progress("pagefind %s: indexing %s", PagefindVersion, out)
		cmd := exec.Command(bin, "--site", out)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pagefind: %v\n%s", err, stderr.Bytes())
		}
		s.pagefindWall = time.Since(start)
		s.pagefindCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if s.pagefind, err = measureIndex(filepath.Join(out, "pagefind")); err != nil {
			return err
		}
		o.progress("pagefind: the %d queries in chromium", len(searchQueries))
		return pagefindQueries(out, s)
	}()
}

// pagefind returns the Pagefind binary, installing the npm package into
// .bench/pagefind when it is not there.
func pagefind(o *Options) (string, error) {
	dir, err := filepath.Abs(filepath.Join(o.Dir, "pagefind"))
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "pagefind")
	if out, err := exec.Command(bin, "--version").Output(); err == nil && strings.Contains(string(out), PagefindVersion) {
		return bin, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errors.New("npm is not installed (apt-get install npm), so Pagefind cannot be installed")
	}
	o.progress("installing pagefind %s with npm into %s", PagefindVersion, dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	cmd := exec.Command(npm, "install", "--prefix", dir, "--no-save", "--no-audit", "--no-fund", "pagefind@"+PagefindVersion)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm install pagefind@%s: %v\n%s", PagefindVersion, err, out)
	}
	return bin, nil
}

// mutualQueries runs the queries in Node against index with the engine of
// the default theme's search-engine.js, searchLoads times, each in a new
// Node process: as on a page just loaded, the engine's code is not yet
// optimized by the JavaScript engine and its cache is empty.
func mutualQueries(index string, s *searchResult) error {
	node, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node is not installed (apt-get install nodejs)")
	}
	runner := filepath.Join("internal", "search", "testdata", "run.js")
	script := filepath.Join("themes", "default", "static", "js", "search-engine.js")
	req, _ := json.Marshal(map[string]any{"sessions": [][]string{searchQueries}, "show": 8})
	type answer struct {
		Total     int
		Files     []string
		ComputeMS float64 `json:"compute_ms"`
	}
	var loads [][]answer
	for range searchLoads {
		cmd := exec.Command(node, runner, script, index)
		cmd.Stdin = bytes.NewReader(req)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("%v\n%s", err, stderr.Bytes())
		}
		var answers [][]answer
		if err := json.Unmarshal(out, &answers); err != nil || len(answers) != 1 || len(answers[0]) != len(searchQueries) {
			return fmt.Errorf("node's answer: %v", err)
		}
		loads = append(loads, answers[0])
	}
	for i := range searchQueries {
		var ms []float64
		for _, l := range loads {
			ms = append(ms, l[i].ComputeMS)
		}
		s.mutualMS = append(s.mutualMS, medianFloat(ms))
	}
	for _, a := range loads[0] {
		sum, err := servedFiles(index, a.Files)
		if err != nil {
			return err
		}
		s.mutualQ = append(s.mutualQ, int(sum))
		s.mutualHits = append(s.mutualHits, a.Total)
		s.mutualFiles = append(s.mutualFiles, len(a.Files))
	}
	return nil
}

// servedFiles is what a static host serving dir transfers for the files
// a query fetched (their paths in dir, with or without a leading "/"). A
// file that is not there was a 404, which carries nothing: the browser's
// own /favicon.ico, asked for by the page that runs Pagefind's queries.
func servedFiles(dir string, files []string) (int64, error) {
	var sum int64
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(f, "/"))))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		sum += servedSize(f, b)
	}
	return sum, nil
}

// pagefindHarness is the page that runs Pagefind's queries: it loads
// /pagefind/pagefind.js, runs each query and loads the data of its first
// eight results (as Pagefind's UI shows them), and writes the files each
// query fetched into the page as JSON, which chromium's --dump-dom prints.
const pagefindHarness = `<!doctype html><meta charset="utf-8"><title>pagefind bench</title>
<pre id="out"></pre>
<script type="module">
const queries = %s;
const out = [];
try {
	const pf = await import("/pagefind/pagefind.js");
	await pf.init();
	for (const q of queries) {
		const before = performance.getEntriesByType("resource").length;
		const r = await pf.search(q);
		await Promise.all(r.results.slice(0, 8).map((x) => x.data()));
		const files = performance.getEntriesByType("resource").slice(before).map((e) => new URL(e.name).pathname);
		out.push({total: r.results.length, files});
	}
	document.getElementById("out").textContent = "RESULT" + JSON.stringify(out) + "END";
} catch (e) {
	document.getElementById("out").textContent = "ERROR" + e + "END";
}
</script>
`

// pagefindQueries serves out on loopback and runs the harness in
// chromium.
func pagefindQueries(out string, s *searchResult) error {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		return errors.New("chromium is not installed (apt-get install chromium), so Pagefind's queries cannot run")
	}
	q, _ := json.Marshal(searchQueries)
	harness := filepath.Join(out, "pagefind-bench.html")
	if err := os.WriteFile(harness, fmt.Appendf(nil, pagefindHarness, q), 0o644); err != nil {
		return err
	}
	defer os.Remove(harness)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(out))}
	go srv.Serve(ln)
	defer srv.Close()
	profile, err := os.MkdirTemp("", "mutual-bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+profile,
		"--virtual-time-budget=60000", "--dump-dom", "http://"+ln.Addr().String()+"/pagefind-bench.html")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("chromium: %v\n%s", err, stderr.Bytes())
	}
	text := string(dom)
	if i := strings.Index(text, `<pre id="out">`); i >= 0 {
		text = text[i+len(`<pre id="out">`):]
	}
	if i := strings.Index(text, "</pre>"); i >= 0 {
		text = text[:i]
	}
	if rest, ok := strings.CutPrefix(text, "ERROR"); ok {
		return fmt.Errorf("pagefind in chromium: %s", strings.TrimSuffix(rest, "END"))
	}
	i := strings.Index(text, "RESULT")
	j := strings.LastIndex(text, "END")
	if i < 0 || j < i {
		return errors.New("pagefind in chromium: no result on the page")
	}
	var answers []struct {
		Total int
		Files []string
	}
	raw := strings.NewReplacer("&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(text[i+6 : j])
	if err := json.Unmarshal([]byte(raw), &answers); err != nil {
		return fmt.Errorf("pagefind in chromium: %v", err)
	}
	for _, a := range answers {
		sum, err := servedFiles(out, a.Files)
		if err != nil {
			return err
		}
		s.pagefindQ = append(s.pagefindQ, int(sum))
		s.pfHits = append(s.pfHits, a.Total)
		s.pfFiles = append(s.pfFiles, len(a.Files))
	}
	return nil
}

// targetSearch is what search may add to the build's wall time (issue 15).
const targetSearch = 0.05

// targetFirstQuery is the most the first query may transfer (issue 15).
const targetFirstQuery = 100 << 10

// targetResultMS is how soon results must show once a query's files have
// arrived (issue 15), in milliseconds.
const targetResultMS = 50

// searchLoads is how many times mutual's queries run, each time in a
// new Node process as after a page load; the report gives each query's
// median.
const searchLoads = 5

func medianFloat(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// reportSearch prints the comparison with Pagefind of the largest size.
func reportSearch(w io.Writer, r *result) {
	s := &r.search
	fmt.Fprintf(w, "\nsearch index, %s pages, beside Pagefind %s indexing the same output:\n", thousands(r.pages), PagefindVersion)
	if s.err != nil {
		fmt.Fprintf(w, "  not measured: %v\n", s.err)
		return
	}
	kb := func(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }
	mbs := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %-44s\tmutual\tPagefind\t\n", "")
	fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", "index build, wall (mutual: build - build without)",
		fmt.Sprintf("%+.2f s", (r.build-median(s.offBuilds)).Seconds()), secs(s.pagefindWall))
	fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", "index build, CPU time", fmt.Sprintf("%+.2f s", (r.buildCPU-s.offCPU).Seconds()), secs(s.pagefindCPU))
	fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", "index files", thousands(s.mutualIndex.files), thousands(s.pagefind.files))
	fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", "index size, stored", mbs(s.mutualIndex.stored), mbs(s.pagefind.stored))
	fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", "index size, served (text gzip-compressed)", mbs(s.mutualIndex.served), mbs(s.pagefind.served))
	for i, q := range searchQueries {
		if i >= len(s.mutualQ) || i >= len(s.pagefindQ) {
			break
		}
		label := fmt.Sprintf("query %d %q: bytes served", i+1, q)
		if i >= phrasesFrom {
			label = fmt.Sprintf("query %d, phrase %s: bytes served", i+1, q)
		}
		fmt.Fprintf(tw, "  %-44s\t%s\t%s\t\n", label, kb(int64(s.mutualQ[i])), kb(int64(s.pagefindQ[i])))
		fmt.Fprintf(tw, "  %-44s\t%d files, %s results\t%d files, %s results\t\n", "", s.mutualFiles[i], thousands(s.mutualHits[i]), s.pfFiles[i], thousands(s.pfHits[i]))
		if i < len(s.mutualMS) {
			fmt.Fprintf(tw, "  %-44s\t%.1f ms\t\t\n", "  results once its files arrived (median)", s.mutualMS[i])
		}
	}
	tw.Flush()
	if len(s.mutualQ) > 0 {
		fmt.Fprintf(w, "  first query: mutual %s (target <= %s): %s\n", kb(int64(s.mutualQ[0])), kb(targetFirstQuery), verdict(s.mutualQ[0] <= targetFirstQuery))
	}
	if len(s.mutualMS) > 0 {
		slowest := slices.Max(s.mutualMS)
		fmt.Fprintf(w, "  results once the files arrived: slowest query %.1f ms (target <= %d ms): %s\n", slowest, targetResultMS, verdict(slowest <= targetResultMS))
		fmt.Fprintf(w, "  (mutual's queries run in Node with search-engine.js's engine, %d times, each time in a new process as on a page just\n"+
			"  loaded; the time is from the query to its first 8 results ready to show, less the time spent reading its files)\n", searchLoads)
	}
	fmt.Fprintf(w, "  The %d queries run in a row with one cache (a person searching %d times on one page); Pagefind's\n"+
		"  include its script and WebAssembly on the first query, mutual's its script is not counted (a page loads it\n"+
		"  with the page). Served: JSON and JavaScript gzip-compressed at level 6, other files as stored.\n", len(searchQueries), len(searchQueries))
}
