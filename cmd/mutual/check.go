package main

import (
	"errors"
	"fmt"
	"io"

	"mutual/internal/diag"
	"mutual/internal/site"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("check", "check [-s DIR] [--drafts] [--base-url URL]", stdout, stderr)
	f.register(fs, false)
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	err := site.New(site.Options{Dir: f.dir, Drafts: f.drafts, BaseURL: f.baseURL}).Check()
	if err == nil {
		fmt.Fprintln(stdout, "no problems found")
		return exitOK
	}
	var list diag.List
	if !errors.As(err, &list) {
		fmt.Fprintf(stderr, "mutual check: %v\n", err)
		return exitFail
	}
	for _, e := range list {
		fmt.Fprintln(stderr, e)
	}
	noun := "problems"
	if len(list) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(stderr, "mutual check: %d %s found\n", len(list), noun)
	return exitFail
}
