package main

import (
	"fmt"
	"io"

	"mutual/internal/hugo"
)

const importUsage = `import hugo SRC DEST

Converts the Hugo site in SRC into a new mutual site in DEST (a new or empty
folder outside SRC): content/ and static/ as they are, Hugo's configuration
into content/site.yaml, the site's own shortcode templates into a theme,
themes/` + hugo.ThemeName + `/, that extends the default one. Then it checks the new site
and reports what it converted, the shortcodes the pages call, what it left
behind and what to do next. SRC is only read.`

func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", importUsage, stdout, stderr)
	pos, code, done := parsePositional(fs, args, stdout)
	if done {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "mutual import: want what to import from: mutual import hugo SRC DEST")
		fs.Usage()
		return exitUsage
	}
	if pos[0] != "hugo" {
		fmt.Fprintf(stderr, "mutual import: unknown kind of site %q: mutual imports Hugo sites (mutual import hugo SRC DEST)\n", pos[0])
		return exitUsage
	}
	if len(pos) != 3 {
		fmt.Fprintln(stderr, "mutual import: want two folders, the Hugo site and the new site: mutual import hugo SRC DEST")
		fs.Usage()
		return exitUsage
	}
	r, err := hugo.Import(pos[1], pos[2])
	if err != nil {
		if n, ok := printErrors(stderr, err); ok {
			fmt.Fprintf(stderr, "mutual import: %d %s in the Hugo site %s (paths are in it); nothing was written\n", n, plural(n, "error", "errors"), pos[1])
		} else {
			fmt.Fprintf(stderr, "mutual import: %v\n", err)
		}
		return exitFail
	}
	printWarnings(stderr, r.Warnings)
	for _, e := range r.Problems {
		fmt.Fprintln(stderr, e)
	}
	r.Write(stdout)
	if len(r.Problems) > 0 || r.CheckFailed != nil {
		return exitFail
	}
	return exitOK
}
