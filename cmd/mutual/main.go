// Command mutual builds reciprocity guides and worksheets into a static
// website, and serves it with live reload while you write.
//
// The command owns the user's experience (flags, messages, exit codes); the
// packages under internal/ own what a site means. Exit codes: 0 ok, 1 the
// build (or check) failed, 2 the command line is wrong.
package main

import (
	"fmt"
	"io"
	"os"

	"mutual/internal/diag"
)

const usage = `mutual builds reciprocity guides and worksheets into a static website.

Usage:
  mutual <command> [flags]

Commands:
  build     build the site into public/
  serve     build, serve on http://127.0.0.1:1313/ and rebuild on every save
  check     validate the whole site without writing anything
  init      start a new site in a folder
  new       start a new guide or worksheet from a commented template
  import    convert a Hugo site into a new mutual site (import hugo SRC DEST)
  version   print mutual's version

Run "mutual <command> -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "serve", "server":
		return cmdServe(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "import":
		return cmdImport(args[1:], stdout, stderr)
	case "version", "--version":
		return cmdVersion(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "mutual: unknown command %q%s\n\n%s", args[0], diag.Hint(args[0], []string{"build", "serve", "check", "init", "new", "import", "version"}), usage)
	return exitUsage
}
