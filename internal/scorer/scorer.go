// Package scorer embeds the worksheet scorer built for the browser:
// scorer.wasm (cmd/scorer, package score compiled with GOOS=js GOARCH=wasm)
// and the wasm_exec.js of the same Go toolchain, which loads it.
//
// Both files are build products: `make wasm` runs build.sh, which writes them
// into dist/ (ignored by git), and the next `go build` embeds them. Without
// that step FS is empty and Available reports false, and a site with
// worksheets does not build: a worksheet page without its scorer would
// publish a form that never scores, so the build stops with
//
//	this mutual binary was built without the worksheet scorer: build it with `make build`
//
// A site without worksheets builds as usual. (In the browser, a page whose
// scorer cannot load, or rejects its model, says that scoring is
// unavailable and stays a working form.)
//
// The tests hold the module to issue 3's size budget (at most 1.10 × a
// minimal syscall/js program built the same way, in the same run) and check
// under Node that the module scores, makes and reads share codes and
// compares two people exactly like package score.
package scorer

import (
	"embed"
	"io"
	"io/fs"
	"slices"
)

// dist always holds README.txt, so the pattern matches before make wasm.
//
//go:embed dist
var dist embed.FS

// shipped are the files FS serves, in name order.
var shipped = []string{"scorer.wasm", "wasm_exec.js"}

// FS returns the built files: "scorer.wasm" and "wasm_exec.js" at its root,
// or an empty FS when they were not built. Nothing else (not the README that
// keeps dist/ in git) is visible, so a caller may copy the whole FS.
func FS() fs.FS { return distFS{} }

// Available reports whether scorer.wasm was built and embedded.
func Available() bool {
	_, err := fs.Stat(dist, "dist/scorer.wasm")
	return err == nil
}

type distFS struct{}

func (distFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		f, err := dist.Open("dist")
		if err != nil {
			return nil, err
		}
		var entries []fs.DirEntry
		all, err := dist.ReadDir("dist")
		if err != nil {
			return nil, err
		}
		for _, e := range all {
			if slices.Contains(shipped, e.Name()) {
				entries = append(entries, e)
			}
		}
		return &root{File: f, entries: entries}, nil
	}
	if !slices.Contains(shipped, name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return dist.Open("dist/" + name)
}

// root is the FS's only directory, listing the shipped files that exist.
type root struct {
	fs.File // dist/ itself, for Stat and Close
	entries []fs.DirEntry
}

func (r *root) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: ".", Err: fs.ErrInvalid}
}

func (r *root) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		e := r.entries
		r.entries = nil
		return e, nil
	}
	if len(r.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(r.entries))
	e := r.entries[:n:n]
	r.entries = r.entries[n:]
	return e, nil
}
