package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// MarkerFile is the file mutual writes into every output folder it builds.
// It is not a page: the sitemap does not list it, and serving it is
// harmless.
const MarkerFile = ".mutual-output"

// MarkerText is what MarkerFile says, for a person who finds it.
const MarkerText = "This folder was built by mutual. A build replaces the whole folder, and\n" +
	"refuses to while it holds a file that mutual did not write (those below\n" +
	"are mutual's): put the files to publish in the site's static/ folder.\n" +
	"Delete this file to stop mutual from replacing the folder.\n"

// Dir writes a build's files into the output folder.
type Dir struct {
	final string // the output folder, symbolic links resolved
	shown string // final as messages name it
	dir   string // the folder written now: a temporary one for full builds
	root  *os.Root
	temp  bool
	made  sync.Map // folders already made in a temporary folder
	lock  *outputLock
}

// Open takes the lock on the output folder final (links resolved)
// and prepares a full build's temporary folder or an incremental build's
// root. waiting is called if another build holds the lock.
func Open(final string, full bool, waiting func()) (o *Dir, err error) {
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockOutput(filepath.Join(parent, "."+filepath.Base(final)+".lock"), waiting)
	if err != nil {
		return nil, fmt.Errorf("cannot lock the output folder %s: %w", final, err)
	}
	o = &Dir{final: final, shown: shownName(final), dir: final, lock: lock}
	defer func() {
		if err != nil {
			o.Discard()
			o = nil
		}
	}()
	if full {
		if err := checkReplaceable(final); err != nil {
			return o, err
		}
		removeStaleTemps(final)
		tmp, err := os.MkdirTemp(parent, tempPrefix(final))
		if err != nil {
			return o, err
		}
		o.dir, o.temp = tmp, true
		if err := os.Chmod(tmp, 0o755); err != nil {
			return o, err
		}
		if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte(MarkerText), 0o644); err != nil {
			return o, err
		}
	} else if st, err := os.Stat(final); err != nil || !st.IsDir() {
		return o, fmt.Errorf("the output folder %s is gone", final)
	}
	root, err := os.OpenRoot(o.dir)
	if err != nil {
		return o, err
	}
	o.root = root
	return o, nil
}

func tempPrefix(final string) string { return "." + filepath.Base(final) + ".tmp-" }

// checkReplaceable refuses to replace anything but a folder a build made.
func checkReplaceable(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("refusing to build into %s: it is a file, not a folder; choose a folder with -o", dir)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(dir, MarkerFile)); err == nil {
		return nil
	}
	if earlierBuild(dir) {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: it holds files that mutual did not build (a folder mutual builds holds a %s file); empty it or choose another output folder with -o", dir, MarkerFile)
}

// earlierBuild recognises the output folder of a mutual from before
// MarkerFile: index.html, 404.html and sitemap.xml at its top, with a
// robots.txt exactly as mutual writes it.
func earlierBuild(dir string) bool {
	for _, name := range []string{"index.html", "404.html", "sitemap.xml"} {
		if st, err := os.Lstat(filepath.Join(dir, name)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	robots, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil || len(robots) > 4096 {
		return false
	}
	rest, ok := bytes.CutPrefix(robots, []byte("User-agent: *\nAllow: /\n\nSitemap: "))
	return ok && bytes.HasSuffix(rest, []byte("sitemap.xml\n")) && bytes.Count(rest, []byte("\n")) == 1
}

// removeStaleTemps removes the temporary folders of builds into final that
// were killed before they finished: the caller holds the lock, so no
// running build owns them. Only folders that are provably a build's are
// removed: empty (killed before the marker) or holding MarkerFile.
func removeStaleTemps(final string) {
	parent := filepath.Dir(final)
	ents, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := tempPrefix(final)
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		inside, err := os.ReadDir(p)
		if err != nil {
			continue
		}
		if _, err := os.Lstat(filepath.Join(p, MarkerFile)); len(inside) == 0 || err == nil {
			os.RemoveAll(p)
		}
	}
}

func cleanOutPath(p string) (string, error) {
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return "", fmt.Errorf("output path %q leaves the output folder", p)
	}
	return p, nil
}

// Write writes data to the output path p: at once in a full build's
// temporary folder, or in place atomically (replace) otherwise.
func (o *Dir) Write(p string, data []byte) error {
	p, err := cleanOutPath(p)
	if err != nil {
		return err
	}
	if o.temp {
		// A full build writes into the folder it has just made and nobody
		// else writes to: plain os calls, and each folder made only once,
		// save the many calls os.Root spends per path.
		if d := path.Dir(p); d != "." {
			if err := o.mkdir(d); err != nil {
				return err
			}
		}
		return os.WriteFile(filepath.Join(o.dir, filepath.FromSlash(p)), data, 0o644)
	}
	return o.replace(p, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Copy writes the file at src to p, streaming it: a large content file
// is never held in memory.
func (o *Dir) Copy(p, src string) error {
	p, err := cleanOutPath(p)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if o.temp {
		if d := path.Dir(p); d != "." {
			if err := o.mkdir(d); err != nil {
				return err
			}
		}
		out, err := os.OpenFile(filepath.Join(o.dir, filepath.FromSlash(p)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, in)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	}
	return o.replace(p, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// replace writes p in place atomically: into a new temporary file in p's
// folder, renamed over p once complete. On any error the temporary file
// is removed and p is left as it was.
func (o *Dir) replace(p string, fill func(io.Writer) error) error {
	dir := path.Dir(p)
	if dir != "." {
		if err := o.root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, tmp, err := o.createTemp(dir, path.Base(p))
	if err != nil {
		return err
	}
	err = fill(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = o.root.Rename(tmp, p)
	}
	if err != nil {
		o.root.Remove(tmp)
	}
	return err
}

// createTemp makes a new file ".<name>.tmp-N" in dir of the root.
func (o *Dir) createTemp(dir, name string) (*os.File, string, error) {
	for i := 0; ; i++ {
		tmp := path.Join(dir, fmt.Sprintf(".%s.tmp-%d", name, rand.Uint32()))
		f, err := o.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil || !errors.Is(err, fs.ErrExist) || i == 100 {
			return f, tmp, err
		}
	}
}

// mkdir makes folder d of a temporary output folder and its parents. Most
// folders take one system call: their parent is known to exist already.
func (o *Dir) mkdir(d string) error {
	if _, done := o.made.Load(d); done {
		return nil
	}
	full := filepath.Join(o.dir, filepath.FromSlash(d))
	err := os.Mkdir(full, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if parent := path.Dir(d); parent != "." {
			if err := o.mkdir(parent); err != nil {
				return err
			}
		}
		err = os.Mkdir(full, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.made.Store(d, true)
	return nil
}

// Remove deletes a file and the folders it leaves empty.
func (o *Dir) Remove(p string) {
	if err := o.root.Remove(p); err != nil {
		return
	}
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if ents, err := fs.ReadDir(o.root.FS(), d); err != nil || len(ents) > 0 || o.root.Remove(d) != nil {
			return
		}
	}
}

// Swap puts the temporary folder in place of the output folder, its
// marker listing the files written (the hashes of their output paths). It refuses,
// changing nothing, when the output folder holds a file that its marker
// does not list (a *ForeignError). It costs nothing more when the output
// folder does not exist yet, or holds an output from before the list.
func (o *Dir) Swap(files []uint64) error {
	if !o.temp {
		return nil
	}
	if err := o.writeMarker(files); err != nil {
		return err
	}
	_, err := os.Lstat(o.final)
	exists := err == nil
	if exists {
		found, err := foreign(o.final)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", o.shown, err)
		}
		if len(found) > 0 {
			return &ForeignError{Out: o.shown, Files: found}
		}
	}
	o.root.Close()
	o.root = nil
	var old string
	if exists {
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

// Discard removes what an unfinished full build wrote and releases the
// lock. It is safe to call more than once.
func (o *Dir) Discard() {
	if o.root != nil {
		o.root.Close()
		o.root = nil
	}
	if o.temp && strings.HasPrefix(filepath.Base(o.dir), tempPrefix(o.final)) {
		os.RemoveAll(o.dir)
		o.temp = false
	}
	if o.lock != nil {
		o.lock.unlock()
		o.lock = nil
	}
}
