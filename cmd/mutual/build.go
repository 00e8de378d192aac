package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"mutual/internal/diag"
	"mutual/internal/gctune"
	"mutual/internal/site"
)

// siteFlags are the flags of every command that builds a site.
type siteFlags struct {
	dir, out, baseURL string
	drafts            bool
	future, expired   bool
}

func (f *siteFlags) register(fs *flag.FlagSet, withOut bool) {
	fs.StringVar(&f.dir, "s", ".", "the site `folder` (it holds content/ and themes/)")
	if withOut {
		fs.StringVar(&f.out, "o", "", "the output `folder` (default: public/ in the site folder)")
	}
	fs.BoolVar(&f.drafts, "drafts", false, "include pages and worksheets marked draft")
	fs.BoolVar(&f.future, "future", false, "include pages whose publishDate (or, without one, date) is in the future")
	fs.BoolVar(&f.expired, "expired", false, "include pages whose expiryDate has passed")
	fs.StringVar(&f.baseURL, "base-url", "", "the site's `URL`, overriding baseURL in content/site.yaml")
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("build", "build [-s DIR] [-o DIR] [--drafts] [--future] [--expired] [--base-url URL]", stdout, stderr)
	f.register(fs, true)
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	defer gctune.Start(360 << 20)() // see internal/gctune; the peak stays under 380 MB for 10,000 pages
	opts := site.Options{Dir: f.dir, Out: f.out, Drafts: f.drafts, Future: f.future, Expired: f.expired, BaseURL: f.baseURL, Notice: stderr}
	if isTerminal(stderr) {
		opts.Progress = stderr
	}
	b := site.New(opts)
	had := hasOutput(b.Out())
	stats, err := b.Build()
	printWarnings(stderr, b.Warnings())
	if err != nil {
		return reportErrors(stderr, err, had)
	}
	out := b.Out()
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, out); err == nil && len(rel) < len(out) {
			out = rel
		}
	}
	fmt.Fprintf(stdout, "built %d pages, %d sections, %d files in %s into %s\n",
		stats.Pages, stats.Sections, stats.Files, stats.Duration.Round(time.Millisecond), out)
	return exitOK
}

// hasOutput reports whether out is a folder that holds something: the
// output a failed build leaves as it was.
func hasOutput(out string) bool {
	ents, err := os.ReadDir(out)
	return err == nil && len(ents) > 0
}

// reportErrors prints a failed build's errors, one per line, and a count,
// saying what became of the output: left as it was when there was one
// (had), else that nothing was written.
func reportErrors(stderr io.Writer, err error, had bool) int {
	if n, ok := printErrors(stderr, err); ok {
		what := "nothing was written"
		if had {
			what = "the previous output was left as it was"
		}
		fmt.Fprintf(stderr, "mutual: %d %s; %s\n", n, plural(n, "error", "errors"), what)
	} else {
		fmt.Fprintf(stderr, "mutual: %v\n", err)
	}
	return exitFail
}

// printErrors prints a list of positioned errors one per line, as editors
// expect them, and says how many; ok is false for any other error, which
// it leaves to the caller.
func printErrors(w io.Writer, err error) (n int, ok bool) {
	var list diag.List
	if !errors.As(err, &list) {
		return 0, false
	}
	for _, e := range list {
		fmt.Fprintln(w, e)
	}
	return len(list), true
}

// printWarnings prints problems that did not stop a build, one per line,
// as editors expect them: "path:line:col: warning: message".
func printWarnings(w io.Writer, list diag.List) {
	for _, e := range list {
		fmt.Fprintln(w, e.Warning())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func cmdVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "version", stdout, stderr)
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	fmt.Fprintf(stdout, "mutual %s\n", site.Version)
	return exitOK
}
