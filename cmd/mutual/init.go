package main

import (
	"fmt"
	"io"
	"strings"

	"mutual/internal/scaffold"
)

func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("init", "init DIR\n\nCreates a new site in DIR (a new or empty folder): a home page, one guide,\none worksheet and a theme that brands the built-in one with a single stylesheet.", stdout, stderr)
	pos, code, done := parsePositional(fs, args, stdout)
	if done {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "mutual init: want exactly one folder: mutual init DIR")
		fs.Usage()
		return exitUsage
	}
	dir := pos[0]
	if strings.TrimSpace(dir) == "" {
		fmt.Fprintln(stderr, "mutual init: the folder is empty: name the new site's folder, such as mutual init my-site")
		return exitUsage
	}
	if err := scaffold.Init(dir); err != nil {
		fmt.Fprintf(stderr, "mutual init: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "created a new site in %s\n\nNext:\n", dir)
	fmt.Fprintf(stdout, "  mutual serve -s %s                          preview it at http://127.0.0.1:1313/\n", dir)
	fmt.Fprintf(stdout, "  mutual new -s %s guide guides/my-topic.md   start a guide\n", dir)
	fmt.Fprintf(stdout, "  mutual build -s %s                          build it into %s/public/\n", dir, strings.TrimSuffix(dir, "/"))
	return exitOK
}
