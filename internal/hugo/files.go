package hugo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"mutual/internal/diag"
)

// Reading the Hugo site: every file is opened read-only, found by a walk
// that does not follow symbolic links, and a link is followed only to a
// file inside the site. Nothing here writes.

// within reports whether p is dir or lies inside it (both clean, absolute,
// links resolved).
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// realPath is p made absolute with its symbolic links resolved; for a path
// that does not exist yet, the links of its deepest existing folder.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// resolveInside follows p's symbolic links and returns the file they lead
// to, which must be inside the site folder src.
func resolveInside(src, p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", errors.New("a symbolic link to a missing file")
		}
		return "", err
	}
	if !within(real, src) {
		return "", fmt.Errorf("a symbolic link to %s, which is outside the Hugo site: not read", real)
	}
	return real, nil
}

// readLimited reads a regular file of at most limit bytes.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("this file is %d KB; at most %d KB are read", (st.Size()+1023)>>10, limit>>10)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, fmt.Errorf("this file is over %d KB; at most %d KB are read", limit>>10, limit>>10)
	}
	return data, err
}

// fileCopy is one file the import copies.
type fileCopy struct {
	from string // the file in the Hugo site, links resolved
	rel  string // its path in the Hugo site, slash-separated, for messages
	to   string // its path in the new site, slash-separated
	size int64
}

// plan is every file the import copies, found before anything is written.
type plan struct {
	src     string // the Hugo site, links resolved
	copies  []fileCopy
	byDest  map[string]string // destination path -> the Hugo path copied there
	skipped diag.List         // files left behind, each with why
}

// vcsFolders are version control folders, never copied.
var vcsFolders = map[string]bool{".git": true, ".hg": true, ".svn": true}

// addTree plans the copy of the folder dir of the Hugo site (relative to
// it) into the folder to of the new site. A missing folder adds nothing;
// a folder that leads out of the site is an error at the key that named it.
// mapName, when not nil, gives each file's path in to from its path in dir,
// or false to leave it.
func (p *plan) addTree(dir folder, to string, mapName func(sub string) (string, bool)) error {
	abs := dir.path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(p.src, filepath.FromSlash(abs))
	}
	abs = filepath.Clean(abs)
	rootRel := relTo(p.src, abs)
	if !within(abs, p.src) {
		return outside(dir, rootRel, fmt.Sprintf("folder %q is outside the Hugo site: an import copies only what is inside the site", dir.path))
	}
	if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return &diag.Error{Path: dir.at.file, Line: dir.at.line, Col: dir.at.col, Msg: fmt.Sprintf("folder %q cannot be read: %v", dir.path, err)}
	}
	if !within(real, p.src) || real == p.src {
		msg := fmt.Sprintf("folder %q is outside the Hugo site: an import copies only what is inside the site", dir.path)
		if real == p.src {
			msg = fmt.Sprintf("folder %q is the Hugo site itself: an import needs the content in a folder of its own", dir.path)
		}
		return outside(dir, rootRel, msg)
	}
	st, err := os.Stat(real)
	if err != nil || !st.IsDir() {
		p.skipped.Add(rootRel, 0, 0, "not a folder: not copied")
		return nil
	}
	return filepath.WalkDir(real, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		sub, _ := filepath.Rel(real, fp)
		sub = filepath.ToSlash(sub)
		rel := path.Join(rootRel, sub)
		if d.IsDir() {
			if fp != real && vcsFolders[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		destSub := sub
		if mapName != nil {
			var ok bool
			if destSub, ok = mapName(sub); !ok {
				return nil
			}
		}
		from := fp
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := resolveInside(p.src, fp)
			if err != nil {
				p.skipped.Add(rel, 0, 0, "%v", errText(err))
				return nil
			}
			if info, err = os.Stat(target); err != nil {
				return err
			}
			if info.IsDir() {
				p.skipped.Add(rel, 0, 0, "a symbolic link to a folder: not followed, copy the folder instead")
				return nil
			}
			from = target
		}
		if !info.Mode().IsRegular() {
			p.skipped.Add(rel, 0, 0, "not a regular file: not copied")
			return nil
		}
		dest := path.Join(to, destSub)
		if prev, ok := p.byDest[dest]; ok {
			p.skipped.Add(rel, 0, 0, "not copied: %s is copied to the same place, %s", prev, dest)
			return nil
		}
		p.byDest[dest] = rel
		p.copies = append(p.copies, fileCopy{from: from, rel: rel, to: dest, size: info.Size()})
		return nil
	})
}

// outside is the error for a folder that the import may not copy, at the
// key that names it, or at the folder.
func outside(dir folder, rootRel, msg string) error {
	if dir.at.file == "" {
		return &diag.Error{Path: rootRel, Msg: msg}
	}
	return &diag.Error{Path: dir.at.file, Line: dir.at.line, Col: dir.at.col, Msg: msg}
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// relTo is p relative to the folder src, slash-separated ("../x" outside).
func relTo(src, p string) string {
	r, err := filepath.Rel(src, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// written is what an import wrote into the new site, to undo it when it
// fails halfway.
type written struct {
	root    *os.Root
	made    bool     // the import made the folder
	dir     string   // the new site's folder
	entries []string // the top-level names written
}

// copyFile streams one file into the new site, refusing to replace any.
func (w *written) copyFile(c fileCopy) error {
	if err := w.mkdirAll(path.Dir(c.to)); err != nil {
		return err
	}
	in, err := os.Open(c.from)
	if err != nil {
		return err
	}
	defer in.Close()
	if st, err := in.Stat(); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("%s: no longer a regular file", c.rel)
	}
	out, err := w.root.OpenFile(filepath.FromSlash(c.to), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w.note(c.to)
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copying %s: %w", c.rel, err)
	}
	return out.Close()
}

// writeFile writes a file the import makes.
func (w *written) writeFile(name string, data []byte) error {
	if err := w.mkdirAll(path.Dir(name)); err != nil {
		return err
	}
	out, err := w.root.OpenFile(filepath.FromSlash(name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w.note(name)
	if _, err := out.Write(data); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func (w *written) mkdirAll(dir string) error {
	if dir == "." || dir == "" {
		return nil
	}
	w.note(dir)
	return w.root.MkdirAll(filepath.FromSlash(dir), 0o755)
}

func (w *written) note(name string) {
	top, _, _ := strings.Cut(name, "/")
	for _, e := range w.entries {
		if e == top {
			return
		}
	}
	w.entries = append(w.entries, top)
}

// undo removes what the import wrote: the new site's folder was empty (or
// new) before, so everything in it is the import's.
func (w *written) undo() {
	for _, e := range w.entries {
		w.root.RemoveAll(filepath.FromSlash(e))
	}
	w.root.Close()
	if w.made {
		os.Remove(w.dir)
	}
}
