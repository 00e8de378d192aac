package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"mutual/internal/diag"
)

// Flags. Each command parses its flags with a flag.FlagSet, and mutual
// owns what a person sees of it: flags are written with two dashes when
// their name is a word (--base-url) and one when it is a letter (-s), in
// the usage as in the README (both forms are accepted); -h and --help
// print the usage to stdout and exit 0; an unknown flag or a bad value is
// one line saying so (with a hint for a misspelled flag), then the usage,
// on stderr, and exit code 2.

// newFlagSet makes a command's flag set; summary is the usage line after
// "mutual ", and may go on with a description.
func newFlagSet(name, summary string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: mutual %s\n\n", summary)
		printFlags(fs.Output(), fs)
	}
	return fs
}

// flagName writes a flag as the usage and the README do.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// printFlags writes the flags of fs sorted by name, as flag.PrintDefaults
// does, with two dashes for word flags.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  %s", flagName(f.Name))
		arg, usage := flag.UnquoteUsage(f)
		if arg != "" {
			b.WriteString(" " + arg)
		}
		// One-letter flags with no argument fit on the line, as in flag.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			if g, ok := f.Value.(flag.Getter); ok {
				if _, isString := g.Get().(string); isString {
					fmt.Fprintf(&b, " (default %q)", f.DefValue)
				} else {
					fmt.Fprintf(&b, " (default %s)", f.DefValue)
				}
			}
		}
		fmt.Fprintln(w, b.String())
	})
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
// should stop (help asked for, or a usage error, reported).
func parsePositional(fs *flag.FlagSet, args []string, stdout io.Writer) (pos []string, code int, done bool) {
	// The flag package prints its own error and the usage; mutual prints
	// both itself.
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			usage()
			return nil, exitOK, true
		}
		if err != nil {
			fs.SetOutput(out)
			fmt.Fprintf(out, "mutual %s: %s\n\n", fs.Name(), flagError(fs, err))
			usage()
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

// otherTools maps the flags other site generators (Hugo, Zola, Eleventy)
// use for what a mutual flag does, for the hint after an unknown flag.
// Names longer than a letter are looked up in lower case (--baseURL is
// baseurl); one letter as written, since case tells Hugo's apart: -d is
// its destination, -D its --buildDrafts.
var otherTools = map[string]string{
	"d": "o", "destination": "o", "out": "o", "output": "o", "output-dir": "o", "outdir": "o",
	"source": "s", "site": "s", "input": "s", "root": "s", "dir": "s",
	"builddrafts": "drafts", "buildfuture": "future", "buildexpired": "expired",
	"D": "drafts", "F": "future", "E": "expired",
	"b": "base-url", "baseurl": "base-url", "base_url": "base-url", "u": "base-url",
	"p": "port", "interface": "bind", "host": "bind", "i": "bind",
}

// needless says why mutual has no flag for what another tool's flag name
// (Hugo's --minify, --cleanDestinationDir, --watch) asks of command cmd:
// mutual always does it. "" for any other name.
func needless(cmd, name string) string {
	switch strings.ToLower(name) {
	case "minify":
		return "mutual always publishes stylesheets and scripts compacted"
	case "cleandestinationdir":
		return "every build replaces the output folder it built, and refuses one that holds files it did not write"
	case "watch", "w":
		if cmd == "serve" {
			return "mutual serve always watches"
		}
		return "mutual serve watches the site and rebuilds it on every save"
	}
	return ""
}

// otherTool is mutual's name for another tool's flag name, if it has one.
func otherTool(name string) (string, bool) {
	if len(name) > 1 {
		name = strings.ToLower(name)
	}
	s, ok := otherTools[name]
	return s, ok
}

// flagError rewrites the flag package's error in mutual's words: an
// unknown flag with a hint from the command's flags, a bad value naming
// the flag as the usage writes it.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var known []string
		fs.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		slices.Sort(known)
		// Another tool's name for a flag first; a one-letter name is one
		// edit from every other, so only longer ones get a spelling hint.
		hint := ""
		if s, ok := otherTool(name); ok && fs.Lookup(s) != nil {
			hint = fmt.Sprintf(" (mutual's is %s)", flagName(s))
		} else if s := needless(fs.Name(), name); s != "" {
			hint = " (" + s + ")"
		} else if s := diag.Suggest(name, known); s != "" && len(name) > 1 {
			hint = fmt.Sprintf(" (did you mean %s?)", flagName(s))
		}
		return fmt.Sprintf("unknown flag %s%s; the flags of mutual %s are below", flagName(name), hint, fs.Name())
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Sprintf("%s needs a value", flagName(name))
	}
	// invalid value "x" for flag -port: parse error
	// invalid boolean value "x" for -drafts: parse error
	rest, ok := strings.CutPrefix(msg, "invalid value ")
	if !ok {
		rest, ok = strings.CutPrefix(msg, "invalid boolean value ")
		rest = strings.Replace(rest, " for -", " for flag -", 1)
	}
	if ok {
		if value, after, ok := strings.Cut(rest, " for flag -"); ok {
			name, why, _ := strings.Cut(after, ": ")
			if why == "parse error" {
				why = "not a valid value"
			}
			return fmt.Sprintf("%s %s: %s", flagName(name), value, why)
		}
	}
	return msg
}
