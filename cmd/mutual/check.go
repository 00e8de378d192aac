package main

import (
	"fmt"
	"io"

	"mutual/internal/site"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("check", "check [-s DIR] [--drafts] [--future] [--expired] [--base-url URL] [--strict-i18n]", stdout, stderr)
	f.register(fs, false)
	strict := fs.Bool("strict-i18n", false, "treat every gap of the translation report as an error")
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	b := site.New(site.Options{Dir: f.dir, Drafts: f.drafts, Future: f.future, Expired: f.expired, BaseURL: f.baseURL, StrictI18n: *strict})
	err := b.Check()
	warnings := b.Warnings()
	printWarnings(stderr, warnings)
	// The translation report, one line per language, on every check.
	for _, line := range b.Coverage() {
		fmt.Fprintln(stdout, line)
	}
	if err == nil {
		if n := len(warnings); n > 0 {
			fmt.Fprintf(stdout, "no errors found, %d %s\n", n, plural(n, "warning", "warnings"))
		} else {
			fmt.Fprintln(stdout, "no problems found")
		}
		return exitOK
	}
	if n, ok := printErrors(stderr, err); ok {
		fmt.Fprintf(stderr, "mutual check: %d %s found\n", n, plural(n, "problem", "problems"))
	} else {
		fmt.Fprintf(stderr, "mutual check: %v\n", err)
	}
	return exitFail
}
