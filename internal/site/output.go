package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// outputDir writes a build's files. A full build writes into a new folder
// beside the output and swaps it in at the end, so a failed build leaves the
// previous output exactly as it was; an incremental build writes the
// changed files in place once the whole build has succeeded. Every write
// goes through an os.Root, so nothing lands outside the folder.
type outputDir struct {
	final string // the output folder
	dir   string // the folder written now: a temporary one for full builds
	root  *os.Root
	temp  bool
	made  sync.Map // folders already made in a temporary folder
}

func newOutputDir(final string, full bool) (*outputDir, error) {
	o := &outputDir{final: final, dir: final}
	if full {
		if err := checkReplaceable(final); err != nil {
			return nil, err
		}
		parent := filepath.Dir(final)
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, err
		}
		tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
		if err != nil {
			return nil, err
		}
		if err := os.Chmod(tmp, 0o755); err != nil {
			os.RemoveAll(tmp)
			return nil, err
		}
		o.dir, o.temp = tmp, true
	}
	root, err := os.OpenRoot(o.dir)
	if err != nil {
		if o.temp {
			os.RemoveAll(o.dir)
		}
		return nil, err
	}
	o.root = root
	return o, nil
}

// checkReplaceable refuses to replace a folder that holds something other
// than a previous build: a build replaces the whole output folder.
func checkReplaceable(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) == 0 {
		return nil
	}
	for _, e := range ents {
		if e.Name() == "index.html" || e.Name() == "404.html" {
			return nil
		}
	}
	return fmt.Errorf("refusing to replace %s: it is not empty and does not look like a built site; empty it or choose another output folder", dir)
}

func (o *outputDir) write(p string, data []byte) error {
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return fmt.Errorf("output path %q leaves the output folder", p)
	}
	if o.temp {
		// A full build writes into the folder it has just made and nobody
		// else writes to: direct system calls (rawfile_*.go), and each
		// folder made only once, save the many os.Root spends per path.
		if d := path.Dir(p); d != "." {
			if err := o.mkdir(d); err != nil {
				return err
			}
		}
		return rawWriteFile(filepath.Join(o.dir, filepath.FromSlash(p)), data, 0o644)
	}
	if d := path.Dir(p); d != "." {
		if err := o.root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return o.root.WriteFile(p, data, 0o644)
}

// mkdir makes folder d of a temporary output folder and its parents. Most
// folders take one system call: their parent is known to exist already.
func (o *outputDir) mkdir(d string) error {
	if _, done := o.made.Load(d); done {
		return nil
	}
	full := filepath.Join(o.dir, filepath.FromSlash(d))
	err := rawMkdir(full, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if parent := path.Dir(d); parent != "." {
			if err := o.mkdir(parent); err != nil {
				return err
			}
		}
		err = rawMkdir(full, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.made.Store(d, true)
	return nil
}

// remove deletes a file and the folders it leaves empty.
func (o *outputDir) remove(p string) {
	if err := o.root.Remove(p); err != nil {
		return
	}
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if ents, err := fs.ReadDir(o.root.FS(), d); err != nil || len(ents) > 0 || o.root.Remove(d) != nil {
			return
		}
	}
}

// swap puts the temporary folder in place of the output folder.
func (o *outputDir) swap() error {
	if !o.temp {
		return nil
	}
	o.root.Close()
	o.root = nil
	var old string
	if _, err := os.Lstat(o.final); err == nil {
		old = o.dir + ".old"
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("cannot replace %s: %w", o.final, err)
		}
	}
	if err := os.Rename(o.dir, o.final); err != nil {
		if old != "" {
			os.Rename(old, o.final)
		}
		return fmt.Errorf("cannot replace %s: %w", o.final, err)
	}
	o.temp = false
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// discard removes what an unfinished full build wrote.
func (o *outputDir) discard() {
	if o.root != nil {
		o.root.Close()
	}
	if o.temp && strings.Contains(filepath.Base(o.dir), ".tmp-") {
		os.RemoveAll(o.dir)
	}
}
