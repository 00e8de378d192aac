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
	fs := newFlagSet("new", "new [-s DIR] guide|worksheet PATH\n       mutual new [-s DIR] translation CODE PATH\n\nWrites a commented starter file at content/PATH of the site and never\noverwrites one. Guides end in .md; worksheets end in .yaml and live in\nworksheets/:\n\n  mutual new guide guides/listening.md\n  mutual new worksheet worksheets/weekly-check.yaml\n\nA translation starts as a copy of the page or worksheet at content/PATH,\nbeside it, in the language CODE of site.yaml's languages, marked as a\ndraft until it is translated:\n\n  mutual new translation es guides/listening.md   (guides/listening.es.md)", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (it holds content/ and themes/)")
	pos, code, done := parsePositional(fs, args, stdout)
	if done {
		return code
	}
	if len(pos) > 0 && pos[0] == "translation" && len(pos) != 3 {
		fmt.Fprintln(stderr, "mutual new translation: want a language code and the path of the original, such as: mutual new translation es guides/listening.md")
		fs.Usage()
		return exitUsage
	}
	if len(pos) != 2 && (len(pos) == 0 || pos[0] != "translation") {
		fmt.Fprintln(stderr, "mutual new: want a kind (guide, worksheet or translation) and a path")
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
	case "translation":
		path, err = scaffold.NewTranslation(*dir, pos[1], pos[2])
	default:
		fmt.Fprintf(stderr, "mutual new: unknown kind %q%s: want guide, worksheet or translation\n", pos[0], diag.Hint(pos[0], []string{"guide", "worksheet", "translation"}))
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
	if pos[0] == "translation" {
		fmt.Fprintf(stdout, "created %s: translate it, then remove its draft: true to publish it\n", path)
		return exitOK
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return exitOK
}
