package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports changes below a set of root folders, recursively, as
// debounced batches of absolute paths. Folders created later are watched as
// they appear (and the files already inside them reported). A root that
// does not exist yet (a site's i18n/ or static/ before its first file) is
// watched for: the nearest folder above it that exists is watched, alone,
// until the root appears, and a root removed is watched for again. Editor temp,
// swap, lock and backup files are ignored, so a save by rename (vim, VS Code,
// JetBrains) shows up as a change of the file that was saved.
type Watcher struct {
	fw     *fsnotify.Watcher
	paths  chan string
	events chan []string
	errs   chan error
	done   chan struct{}
	wg     sync.WaitGroup

	mu    sync.Mutex
	roots map[string]bool // watched, recursively
	// pending are the roots that do not exist (yet); lookouts are the
	// folders above them watched (alone) to see them appear. Changes in
	// a lookout that is not inside a root are not reported.
	pending  map[string]bool
	lookouts map[string]bool
	skip     []string // absolute folders whose changes are not reported (the output folder)

	closeOnce sync.Once
}

// NewWatcher starts a watcher that waits for quiet (DefaultQuiet when 0)
// without changes before it sends a batch. Add roots with Watch.
func NewWatcher(quiet time.Duration) (*Watcher, error) {
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		fw:       fw,
		paths:    make(chan string, 64),
		events:   make(chan []string),
		errs:     make(chan error, 8),
		done:     make(chan struct{}),
		roots:    make(map[string]bool),
		pending:  make(map[string]bool),
		lookouts: make(map[string]bool),
	}
	w.wg.Add(2)
	go func() { defer w.wg.Done(); w.loop() }()
	go func() { defer w.wg.Done(); debounce(w.paths, w.events, quiet, w.done) }()
	return w, nil
}

// Events delivers batches of changed paths: absolute, sorted, without
// duplicates. A path may name a file or folder that no longer exists.
func (w *Watcher) Events() <-chan []string { return w.events }

// Errors delivers problems the watcher ran into (such as a folder it could
// not watch). They are not fatal; the watcher goes on.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Skip excludes a folder (and everything below it) from the reported
// changes, for an output folder that lives inside a watched root.
func (w *Watcher) Skip(dir string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return
	}
	w.mu.Lock()
	w.skip = append(w.skip, abs)
	w.mu.Unlock()
}

// Watch adds roots, recursively. Roots already watched are skipped; a root
// that does not exist is watched for, and watched once it appears (its
// files then reported), without error: a site's static/ folder or a theme
// folder may be created while mutual serve runs.
func (w *Watcher) Watch(roots ...string) error {
	var errs []error
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		w.mu.Lock()
		seen := w.roots[abs] || w.pending[abs]
		if !seen {
			w.pending[abs] = true
		}
		w.mu.Unlock()
		if seen {
			continue
		}
		if err := w.activate(abs, false); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// activate watches the pending root if it is there now, reporting the
// files found inside when report is set (it appeared while serve ran);
// else it watches the nearest folder above it that is there.
func (w *Watcher) activate(root string, report bool) error {
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return w.lookFor(root)
	}
	w.mu.Lock()
	if !w.pending[root] {
		w.mu.Unlock()
		return nil // activated meanwhile
	}
	delete(w.pending, root)
	w.roots[root] = true
	w.mu.Unlock()
	if err := w.addTree(root, report); err != nil {
		return err
	}
	if report {
		w.send(root)
	}
	// Removed at once after it appeared: watch for it again.
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		w.lost(root)
	}
	return nil
}

// lookFor watches the nearest folder above root that exists, so that
// root's appearing (or that of a folder on the way to it) is seen.
func (w *Watcher) lookFor(root string) error {
	for dir := filepath.Dir(root); ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			w.mu.Lock()
			known := w.lookouts[dir]
			w.lookouts[dir] = true
			w.mu.Unlock()
			if known {
				return nil
			}
			if err := w.fw.Add(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("watch %s: %w", dir, err)
			}
			// The root may have appeared before the watch was in place.
			if fi, err := os.Stat(root); err == nil && fi.IsDir() {
				return w.activate(root, true)
			}
			return nil
		}
		if filepath.Dir(dir) == dir {
			return nil
		}
	}
}

// lost makes a root that was removed (or renamed away) pending again.
func (w *Watcher) lost(root string) {
	w.mu.Lock()
	if !w.roots[root] {
		w.mu.Unlock()
		return
	}
	delete(w.roots, root)
	w.pending[root] = true
	w.mu.Unlock()
	w.fw.Remove(root) // may be gone with the folder already
	if err := w.activate(root, true); err != nil {
		w.report(err)
	}
}

// inRoot reports whether name is a root or inside one.
func (w *Watcher) inRoot(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for dir := name; ; dir = filepath.Dir(dir) {
		if w.roots[dir] {
			return true
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// seePending activates the pending roots that appeared, and watches for
// the others from the folders above them that appeared.
func (w *Watcher) seePending() {
	w.mu.Lock()
	roots := make([]string, 0, len(w.pending))
	for r := range w.pending {
		roots = append(roots, r)
	}
	w.mu.Unlock()
	slices.Sort(roots)
	for _, r := range roots {
		if err := w.activate(r, true); err != nil {
			w.report(err)
		}
	}
}

// Close stops the watcher and waits for its goroutines to end. Events is not
// closed: select on your own stop signal as well.
func (w *Watcher) Close() error {
	var err error
	w.closeOnce.Do(func() {
		close(w.done)
		err = w.fw.Close()
		w.wg.Wait()
	})
	return err
}

// addTree watches dir and every folder below it. When report is set (a
// folder that just appeared), the files found inside are reported too: they
// may have been written before the watch was in place. A dir that is a
// symbolic link to a folder (content/ kept elsewhere in the site) is
// watched through the link, as the build reads it.
func (w *Watcher) addTree(dir string, report bool) error {
	root := dir
	if st, err := os.Lstat(dir); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone while we walked; its removal is reported on its own
			}
			return err
		}
		if p == root {
			p = dir
		}
		if p != dir && ignoredName(d.Name(), d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("watch %s: %w", p, err)
			}
		}
		if report && p != dir {
			w.send(p)
		}
		return nil
	})
}

// recheckAfter is how long after a folder appears the watcher checks that
// the folder is still watched; see recheck.
const recheckAfter = 20 * time.Millisecond

func (w *Watcher) loop() {
	recheck := time.NewTimer(recheckAfter)
	recheck.Stop()
	defer recheck.Stop()
	newDirs := map[string]bool{}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if dir := w.handle(ev); dir != "" {
				newDirs[dir] = true
				recheck.Reset(recheckAfter)
			}
		case <-recheck.C:
			w.recheck(newDirs)
			clear(newDirs)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: report every root so the next build
				// looks at everything.
				w.mu.Lock()
				for r := range w.roots {
					w.send(r)
				}
				w.mu.Unlock()
			}
			w.report(err)
		}
	}
}

// handle reports the path of an event, and watches a folder that appeared,
// whose path it returns.
func (w *Watcher) handle(ev fsnotify.Event) (newDir string) {
	if ev.Op == fsnotify.Chmod {
		return "" // attributes only: indexers and backup tools touch these
	}
	name := ev.Name
	if w.skipped(name) {
		return ""
	}
	if !w.inRoot(name) {
		// A lookout's event: perhaps a pending root (or a folder on the
		// way to one) appeared.
		if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Rename) {
			w.seePending()
		}
		return ""
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.mu.Lock()
		root := w.roots[name]
		w.mu.Unlock()
		if root {
			// The root itself went: report it, and watch for it again.
			w.send(name)
			w.lost(name)
			return ""
		}
	}
	base := filepath.Base(name)
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(name); err == nil && fi.IsDir() {
			if ignoredName(base, true) {
				return ""
			}
			if err := w.addTree(name, true); err != nil {
				w.report(err)
			}
			w.send(name)
			// A root inside this one (a theme's folder in themes/) may
			// be what appeared.
			w.seePending()
			return name
		}
	}
	if !ignoredName(base, false) {
		w.send(name)
	}
	return ""
}

// recheck watches again the new folders that lost their watch. A folder
// renamed inside the tree arrives as a new folder, which is watched at
// once; but fsnotify then handles the old name's move and drops the
// kernel's watch, which the old and new names share. Once the burst of
// events is over, any such folder is watched again, and the files it holds
// reported, as they may have changed meanwhile.
func (w *Watcher) recheck(dirs map[string]bool) {
	watched := map[string]bool{}
	for _, p := range w.fw.WatchList() {
		watched[p] = true
	}
	for dir := range dirs {
		if watched[dir] {
			continue
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if err := w.addTree(dir, true); err != nil {
			w.report(err)
		}
	}
}

func (w *Watcher) skipped(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, s := range w.skip {
		if name == s || strings.HasPrefix(name, s+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func (w *Watcher) send(p string) {
	select {
	case w.paths <- p:
	case <-w.done:
	}
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // nobody is reading; drop rather than block the watcher
	}
}

// ignoredName reports whether a file or folder name belongs to an editor, a
// version control system or the operating system rather than to the site.
func ignoredName(name string, dir bool) bool {
	if dir {
		switch name {
		case ".git", ".hg", ".svn", ".idea", ".vscode", "node_modules":
			return true
		}
		return false
	}
	switch {
	case name == ".DS_Store", name == "Thumbs.db", name == "desktop.ini":
		return true
	case strings.HasSuffix(name, "~"): // vim and emacs backups
		return true
	case strings.HasPrefix(name, ".#"): // emacs lock files
		return true
	case len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#': // emacs autosave
		return true
	case isDigits(name): // vim probes a folder by writing "4913" (and 5036, ...)
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains safe write
		return true
	case strings.HasPrefix(name, ".goutputstream-"): // GNOME editors
		return true
	case strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".crswap"), strings.HasSuffix(name, ".kate-swp"):
		return true
	}
	// vim swap files: .name.swp, then .swo, .swn, ... down to .swa, and
	// .swx for its probes. They start with a dot, which keeps .swf files.
	ext := filepath.Ext(name)
	if ext == ".swp" || strings.HasPrefix(name, ".") && len(ext) == 4 && strings.HasPrefix(ext, ".sw") && (ext[3] >= 'a' && ext[3] <= 'p' || ext[3] == 'x') {
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
