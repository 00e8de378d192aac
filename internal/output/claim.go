package output

import (
	"path"
	"strings"

	"mutual/internal/diag"
)

// Every file of the output has one source. claimOutputs gives each output
// path to what writes it, in this order: the files mutual writes itself
// (sitemap, feed, robots.txt), the theme's static files and the generated
// assets, the pages, the content files, the aliases; a path claimed twice
// is an error naming both sources, at the later one (the one a writer can
// change, when one of them is), and so is a path one source needs as a
// folder (guides/ of guides/a/index.html) and another writes as a file.
// It costs a map lookup for each output path and each of its folders.

// claim is who writes an output path.
type claim struct {
	what      string // "content/guides/a.md", "the alias \"/x/\" of content/guides/a.md", "the sitemap"
	file      string // the file an error about it is reported in, "" for none
	line, col int
}

func (bd *build) claimOutputs() {
	claims := make(map[string]claim, len(bd.m.nodes)+len(bd.m.files)+len(bd.assets)+3)
	var order []string
	add := func(out string, c claim) {
		if prev, ok := claims[out]; ok {
			bd.clash(out, prev, c)
			return
		}
		claims[out] = c
		order = append(order, out)
	}
	add("sitemap.xml", claim{what: "the sitemap mutual writes"})
	add("feed.xml", claim{what: "the feed mutual writes"})
	add("robots.txt", claim{what: "the robots.txt mutual writes"})
	for _, name := range sortedKeys(bd.assets) {
		a := bd.assets[name]
		c := claim{what: a.from}
		if strings.HasPrefix(a.from, "themes/") {
			c.what, c.file = "the theme's file "+a.from, a.from
		}
		add(a.out, c)
	}
	for _, n := range bd.m.nodes {
		if bd.m.byURL[n.url] != n {
			continue // a duplicate URL, reported by buildModel
		}
		c := claim{what: pageName(n), file: "content"}
		if n.src != nil {
			c.file, c.line, c.col = n.src.path(), 1, 1
		}
		add(n.out, c)
	}
	for _, rel := range sortedKeys(bd.m.files) {
		add(rel, claim{what: "content/" + rel, file: "content/" + rel})
	}
	for _, n := range bd.m.nodes {
		for _, a := range n.aliases {
			add(outFile(a.url), claim{what: "the alias " + quote(a.written) + " of " + n.src.path(), file: n.src.path(), line: a.line, col: a.col})
		}
	}
	// A path some source needs as a folder.
	for _, out := range order {
		for d := path.Dir(out); d != "."; d = path.Dir(d) {
			if prev, ok := claims[d]; ok {
				c := claims[out]
				bd.errs = append(bd.errs, clashError(c, prev, "%s would be published at /%s, inside /%s/, but %s is published at /%s itself, as a file: rename one of them", c.what, out, d, prev.what, d))
				break
			}
		}
	}
}

// pageName names a page for messages.
func pageName(n *node) string {
	if n.src != nil {
		return n.src.path()
	}
	switch n.kind {
	case "home", "tags", "404":
		return "the " + n.kind + " page mutual writes"
	}
	return "the " + n.kind + " page /" + n.url + " mutual writes"
}

func (bd *build) clash(out string, first, second claim) {
	bd.errs = append(bd.errs, clashError(second, first, "%s and %s would both be published at /%s: rename or remove one of them", second.what, first.what, out))
}

// clashError reports a clash at the source a writer can change: the
// later one when it has a file, else the earlier.
func clashError(later, earlier claim, format string, args ...any) *diag.Error {
	at := later
	if at.file == "" || at.file == "content" && earlier.file != "" {
		at = earlier
	}
	file := at.file
	if file == "" {
		file = "content"
	}
	return diag.Errorf(file, at.line, at.col, format, args...)
}
