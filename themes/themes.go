// Package themes embeds the default theme in the mutual binary, so a new
// site needs no copy of it. A site overrides any of its files by putting a
// file at the same path under its own themes/<name>/ folder; the override
// rule is "site theme beats its parent, and the default theme comes last".
package themes

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed all:default
var files embed.FS

// Default returns the embedded default theme, rooted at its folder (the one
// holding theme.yaml, layouts/ and static/).
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder exists
	}
	return sub
}

// Former is the markup a default layout's comment shows as what the layout
// once wrote where it now prints a ready-made part (base.html, partials/
// pager.html, partials/toc.html): the lines after the comment's only ":"
// that ends a paragraph, up to the comment's end, without their indent.
// Tests hold the ready-made parts to it, so the comment a theme author
// copies from stays true.
func Former(name string) (string, error) {
	b, err := fs.ReadFile(Default(), name)
	if err != nil {
		return "", err
	}
	_, after, ok := strings.Cut(string(b), ":\n\n")
	block, _, closed := strings.Cut(after, "*/")
	if !ok || !closed {
		return "", fmt.Errorf("%s: no former markup in a comment", name)
	}
	lines := strings.Split(strings.TrimRight(block, " \n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "     ")
	}
	return strings.Join(lines, "\n"), nil
}
