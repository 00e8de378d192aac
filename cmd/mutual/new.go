package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"mutual/internal/diag"
	"mutual/internal/scaffold"
)

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "new [-s DIR] guide|worksheet PATH\n\nWrites a commented starter file at content/PATH of the site and never\noverwrites one. Guides end in .md; worksheets end in .yaml and live in\nworksheets/:\n\n  mutual new guide guides/listening.md\n  mutual new worksheet worksheets/weekly-check.yaml", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (it holds content/ and themes/)")
	pos, code, done := parsePositional(fs, args, stdout)
	if done {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, "mutual new: want a kind (guide or worksheet) and a path")
		fs.Usage()
		return exitUsage
	}
	var (
		path string
		err  error
	)
	switch pos[0] {
	case "guide":
		path, err = scaffold.NewGuide(*dir, pos[1])
	case "worksheet":
		path, err = scaffold.NewWorksheet(*dir, pos[1])
	default:
		fmt.Fprintf(stderr, "mutual new: unknown kind %q%s: want guide or worksheet\n", pos[0], diag.Hint(pos[0], []string{"guide", "worksheet"}))
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "mutual new: %v\n", err)
		return exitFail
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && len(rel) < len(path) {
			path = rel
		}
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return exitOK
}
