package main

import (
	"errors"
	"flag"
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

// parseNoArgs is parsePositional for commands that take no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	pos, code, done := parsePositional(fs, args, stdout)
	if !done && len(pos) > 0 {
		fmt.Fprintf(fs.Output(), "mutual %s: unexpected argument %q\n", fs.Name(), pos[0])
		return exitUsage, true
	}
	return code, done
}

// parsePositional parses flags mixed with positional arguments
// ("new guide x.md -s site" as well as "new -s site guide x.md") and returns
// the positional ones. done is true with the exit code when the command
// should stop (help asked for, or a usage error).
func parsePositional(fs *flag.FlagSet, args []string, stdout io.Writer) (pos []string, code int, done bool) {
	// The flag package prints the usage itself on -h; keep it quiet so the
	// help goes once, to stdout.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			usage()
			return nil, exitOK, true
		}
		if err != nil {
			return nil, exitUsage, true
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, false
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), 0, false
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
