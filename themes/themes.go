// Package themes embeds the default theme in the mutual binary, so a new
// site needs no copy of it. A site overrides any of its files by putting a
// file at the same path under its own themes/<name>/ folder; the override
// rule is "site theme beats its parent, and the default theme comes last".
package themes

import (
	"embed"
	"io/fs"
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
