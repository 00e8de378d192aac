package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"path"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// MaxStaticSize is the most a theme's static file may hold.
const MaxStaticSize = 16 << 20

// Asset is one file of the output that templates link to by its logical
// name: a theme's static file or a file the build generates.
type Asset struct {
	Name string // logical name: "css/main.css"
	Out  string // output path: "css/main.1a2b3c4d5e.css"
	Data []byte
	From string // what it is, for messages: "themes/default/static/css/main.css"
}

// fingerprinted reports the files whose output name carries a content hash,
// so browsers may cache them forever.
func fingerprinted(name string) bool {
	switch path.Ext(name) {
	case ".css", ".js", ".wasm":
		return true
	}
	return false
}

// NewAsset makes the asset name of data, described by from in messages.
// Stylesheets, scripts and WebAssembly get a fingerprinted output name
// (the first ten hex digits of the SHA-256 of data before the extension),
// so browsers may cache them forever; other files keep their name.
// Stylesheets and scripts lose their comments, indentation and blank lines
// first (compactCSS, compactJS), and the UTF-8 byte-order mark an editor
// may write (the page is UTF-8, and so is every stylesheet and script it
// loads); the source file stays as it is.
func NewAsset(name string, data []byte, from string) *Asset {
	switch path.Ext(name) {
	case ".css":
		data = compactCSS(diag.TrimBOM(data))
	case ".js":
		data = compactJS(diag.TrimBOM(data))
	}
	a := &Asset{Name: name, Out: name, Data: data, From: from}
	if fingerprinted(name) {
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		a.Out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	}
	return a
}

// Assets are a build's assets by logical name.
type Assets map[string]*Asset

// URL is the URL of the asset name under the base path basePath, or ""
// when there is no such asset.
func (as Assets) URL(basePath, name string) string {
	if a := as[strings.TrimPrefix(name, "/")]; a != nil {
		return basePath + content.PathEscape(a.Out)
	}
	return ""
}

// Outputs are the output paths of the assets, as a set.
func (as Assets) Outputs() map[string]bool {
	out := make(map[string]bool, len(as))
	for _, a := range as {
		out[a.Out] = true
	}
	return out
}

// Names are the assets' logical names, sorted.
func (as Assets) Names() []string { return slices.Sorted(maps.Keys(as)) }

// Static reads the chain's static/ files as assets: a child theme's file
// hides its parent's at the same path.
func (c Chain) Static() (Assets, diag.List) {
	as := Assets{}
	files, errs, err := c.files("static")
	if err != nil {
		errs.Add("themes", 0, 0, "cannot read static files: %v", err)
		return as, errs
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		f := files[p]
		data, err := content.ReadLimited(f.layer.FS, p, MaxStaticSize, "static file")
		if err != nil {
			errs.Add(f.path(), 0, 0, "%s", content.ReadError(err))
			continue
		}
		name := strings.TrimPrefix(p, "static/")
		if ext := path.Ext(name); (ext == ".css" || ext == ".js") && diag.UTF16(data) {
			// A browser would read it, but no check of mutual's would
			// (contrast, addresses), and the compactor would not either.
			errs.Add(f.path(), 1, 1, "%s", diag.SavedAsUTF16)
			continue
		}
		as[name] = NewAsset(name, data, f.path())
	}
	return as, errs
}
