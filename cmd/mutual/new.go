package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/scaffold"
)

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "new [-s DIR] guide|worksheet PATH\n       mutual new [-s DIR] translation CODE PATH\n       mutual new [-s DIR] layout NAME\n\nWrites a commented starter file at content/PATH of the site and never\noverwrites one. Guides end in .md; worksheets end in .yaml and live in\nworksheets/:\n\n  mutual new guide guides/listening.md\n  mutual new worksheet worksheets/weekly-check.yaml\n\nA translation starts as a copy of the page or worksheet at content/PATH,\nbeside it, in the language CODE of site.yaml's languages, marked as a\ndraft until it is translated:\n\n  mutual new translation es guides/listening.md   (guides/listening.es.md)\n\nA layout is a copy of the default theme's layout, partial or shortcode\ntemplate NAME (a path under layouts/) in the layouts/ of the site's own\ntheme, where it replaces the default's and can be edited:\n\n  mutual new layout page.html\n  mutual new layout partials/footer.html", stdout, stderr)
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
	if len(pos) > 2 && (pos[0] == "guide" || pos[0] == "worksheet" || pos[0] == "layout") {
		// mutual new worksheet worksheets/Check In.yaml: the shell cut
		// the name at its space.
		what := "path"
		if pos[0] == "layout" {
			what = "name"
		}
		fmt.Fprintf(stderr, "mutual new %s: one %s, and here are %d: %s; a name with spaces goes in quotes: mutual new %s %q\n", pos[0], what, len(pos)-1, quoteAll(pos[1:]), pos[0], strings.Join(pos[1:], " "))
		fs.Usage()
		return exitUsage
	}
	if len(pos) != 2 && (len(pos) == 0 || pos[0] != "translation") {
		if len(pos) == 1 && pos[0] == "layout" {
			_, err := scaffold.NewLayout(*dir, "")
			fmt.Fprintf(stderr, "mutual new layout: %v\n", err)
			return exitUsage
		}
		fmt.Fprintln(stderr, "mutual new: want a kind (guide, worksheet, translation or layout) and a path")
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
	case "layout":
		path, err = scaffold.NewLayout(*dir, pos[1])
	default:
		hint := diag.Hint(pos[0], []string{"guide", "worksheet", "translation", "layout"})
		if s := otherKind(pos[0], pos[1]); s != "" {
			hint = " (" + s + ")"
		}
		fmt.Fprintf(stderr, "mutual new: unknown kind %q%s: want guide, worksheet, translation or layout\n", pos[0], hint)
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
	if pos[0] == "layout" {
		fmt.Fprintf(stdout, "created %s: edit it; the site's pages use it instead of the default theme's\n", path)
		return exitOK
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return exitOK
}

// quoteAll is each of args quoted, separated by spaces.
func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = strconv.Quote(a)
	}
	return strings.Join(q, " ")
}

// otherKind says what mutual does instead of another generator's kind for
// new (Hugo's hugo new site DIR, hugo new content PATH, hugo new theme
// NAME), given its argument arg; "" for any other kind.
func otherKind(kind, arg string) string {
	switch strings.ToLower(kind) {
	case "site":
		return "mutual init " + arg + " starts a new site"
	case "content", "post", "page", "article":
		return "a page is a guide: mutual new guide " + arg
	case "theme":
		return "a theme of your own is a folder themes/" + arg + "/ whose theme.yaml says extends: default, as mutual init makes one; mutual new layout NAME copies a layout into it"
	}
	return ""
}
