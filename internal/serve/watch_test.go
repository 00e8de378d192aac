package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// startWatcher watches a fresh temp folder holding a guide and a folder.
func startWatcher(t *testing.T) (*Watcher, string) {
	t.Helper()
	dir := t.TempDir()
	mkfile(t, filepath.Join(dir, "guides", "a.md"), "# a\n")
	mkfile(t, filepath.Join(dir, "_index.md"), "home\n")
	return watching(t, dir), dir
}

// watching starts a watcher on root, closed when the test ends.
func watching(t *testing.T, root string) *Watcher {
	t.Helper()
	w, err := NewWatcher(10 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if err := w.Watch(root); err != nil {
		t.Fatal(err)
	}
	return w
}

func mkfile(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// collect reads batches until every path in want has been seen, and returns
// all paths seen. It fails after a few seconds.
func collect(t *testing.T, w *Watcher, want ...string) []string {
	t.Helper()
	var seen []string
	timeout := time.After(5 * time.Second)
	for {
		missing := false
		for _, p := range want {
			if !slices.Contains(seen, p) {
				missing = true
			}
		}
		if !missing {
			return seen
		}
		select {
		case b := <-w.Events():
			if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
				t.Errorf("batch not sorted and unique: %v", b)
			}
			seen = append(seen, b...)
		case err := <-w.Errors():
			t.Errorf("watch error: %v", err)
		case <-timeout:
			t.Fatalf("timed out waiting for %v; saw %v", want, seen)
		}
	}
}

func TestWatcher(t *testing.T) {
	tests := []struct {
		name string
		// do changes the tree and returns the paths that must be reported
		// (relative to the root) and the names that must not be.
		do func(t *testing.T, dir string) (want, never []string)
	}{
		{"create", func(t *testing.T, dir string) ([]string, []string) {
			mkfile(t, filepath.Join(dir, "guides", "b.md"), "# b\n")
			return []string{"guides/b.md"}, nil
		}},
		{"write", func(t *testing.T, dir string) ([]string, []string) {
			f, err := os.OpenFile(filepath.Join(dir, "guides", "a.md"), os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("more\n")
			f.Close()
			return []string{"guides/a.md"}, nil
		}},
		{"delete", func(t *testing.T, dir string) ([]string, []string) {
			if err := os.Remove(filepath.Join(dir, "guides", "a.md")); err != nil {
				t.Fatal(err)
			}
			return []string{"guides/a.md"}, nil
		}},
		{"rename over (atomic save)", func(t *testing.T, dir string) ([]string, []string) {
			tmp := filepath.Join(dir, "guides", ".a.md.tmp")
			mkfile(t, tmp, "# new a\n")
			if err := os.Rename(tmp, filepath.Join(dir, "guides", "a.md")); err != nil {
				t.Fatal(err)
			}
			return []string{"guides/a.md"}, []string{".a.md.tmp"}
		}},
		{"vim save with backup and probe", func(t *testing.T, dir string) ([]string, []string) {
			g := filepath.Join(dir, "guides")
			mkfile(t, filepath.Join(g, ".a.md.swp"), "swap")
			mkfile(t, filepath.Join(g, ".a.md.swx"), "probe")
			os.Remove(filepath.Join(g, ".a.md.swx"))
			mkfile(t, filepath.Join(g, "4913"), "")
			os.Remove(filepath.Join(g, "4913"))
			if err := os.Rename(filepath.Join(g, "a.md"), filepath.Join(g, "a.md~")); err != nil {
				t.Fatal(err)
			}
			mkfile(t, filepath.Join(g, "a.md"), "# a by vim\n")
			os.Remove(filepath.Join(g, "a.md~"))
			return []string{"guides/a.md"}, []string{".a.md.swp", ".a.md.swx", "4913", "a.md~"}
		}},
		{"jetbrains safe write", func(t *testing.T, dir string) ([]string, []string) {
			g := filepath.Join(dir, "guides")
			mkfile(t, filepath.Join(g, "a.md___jb_tmp___"), "# a by idea\n")
			os.Rename(filepath.Join(g, "a.md"), filepath.Join(g, "a.md___jb_old___"))
			os.Rename(filepath.Join(g, "a.md___jb_tmp___"), filepath.Join(g, "a.md"))
			os.Remove(filepath.Join(g, "a.md___jb_old___"))
			return []string{"guides/a.md"}, []string{"a.md___jb_tmp___", "a.md___jb_old___"}
		}},
		{"emacs lock and autosave", func(t *testing.T, dir string) ([]string, []string) {
			g := filepath.Join(dir, "guides")
			if err := os.Symlink("user@host.1234", filepath.Join(g, ".#a.md")); err != nil {
				t.Fatal(err)
			}
			mkfile(t, filepath.Join(g, "#a.md#"), "autosave")
			mkfile(t, filepath.Join(g, "a.md"), "# a by emacs\n")
			return []string{"guides/a.md"}, []string{".#a.md", "#a.md#"}
		}},
		{"new folder with files", func(t *testing.T, dir string) ([]string, []string) {
			// Written at once, likely before the watch on the new folder is
			// in place: the walk of the new folder reports them.
			mkfile(t, filepath.Join(dir, "guides", "work", "deep", "x.md"), "# x\n")
			return []string{"guides/work", "guides/work/deep/x.md"}, nil
		}},
		{"folder moved in from outside", func(t *testing.T, dir string) ([]string, []string) {
			outside := filepath.Join(t.TempDir(), "family")
			mkfile(t, filepath.Join(outside, "sub", "y.md"), "# y\n")
			if err := os.Rename(outside, filepath.Join(dir, "guides", "family")); err != nil {
				t.Fatal(err)
			}
			return []string{"guides/family", "guides/family/sub/y.md"}, nil
		}},
		{"deleted folder", func(t *testing.T, dir string) ([]string, []string) {
			if err := os.RemoveAll(filepath.Join(dir, "guides")); err != nil {
				t.Fatal(err)
			}
			return []string{"guides", "guides/a.md"}, nil
		}},
		{"chmod only is not a change", func(t *testing.T, dir string) ([]string, []string) {
			os.Chmod(filepath.Join(dir, "guides", "a.md"), 0o600)
			mkfile(t, filepath.Join(dir, "sentinel.md"), "")
			return []string{"sentinel.md"}, []string{"a.md"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, dir := startWatcher(t)
			want, never := tt.do(t, dir)
			abs := make([]string, len(want))
			for i, p := range want {
				abs[i] = filepath.Join(dir, filepath.FromSlash(p))
			}
			seen := collect(t, w, abs...)
			for _, p := range seen {
				if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
					t.Errorf("reported %q outside the root", p)
				}
				if slices.Contains(never, filepath.Base(p)) {
					t.Errorf("reported ignored file %q", p)
				}
			}
		})
	}
}

// A folder created after the start is watched: a later edit inside it is
// reported too.
func TestWatcherNewFolderIsWatched(t *testing.T) {
	w, dir := startWatcher(t)
	sub := filepath.Join(dir, "worksheets")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	collect(t, w, sub)
	f := filepath.Join(sub, "check.yaml")
	mkfile(t, f, "title: x\n")
	collect(t, w, f)
}

// A root that does not exist yet is watched once it appears, however it
// appears (made with its parents, moved in), and again after it was
// removed; changes beside it, outside every root, are not reported.
func TestWatcherRootAppearsLater(t *testing.T) {
	tests := []struct {
		name string
		root string // relative to the site folder
		make func(t *testing.T, site, root string)
	}{
		{"made", "static", func(t *testing.T, site, root string) {
			if err := os.Mkdir(root, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"made with its parents", "themes/mine", func(t *testing.T, site, root string) {
			if err := os.MkdirAll(filepath.Join(root, "layouts"), 0o755); err != nil {
				t.Fatal(err)
			}
		}},
		{"moved in", "i18n", func(t *testing.T, site, root string) {
			tmp := filepath.Join(t.TempDir(), "i18n")
			mkfile(t, filepath.Join(tmp, "en.yaml"), "x: y\n")
			if err := os.Rename(tmp, root); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			root := filepath.Join(site, filepath.FromSlash(tt.root))
			w := watching(t, root)
			mkfile(t, filepath.Join(site, "beside.txt"), "not in a root\n")
			tt.make(t, site, root)
			collect(t, w, root)
			f := filepath.Join(root, "hello.txt")
			mkfile(t, f, "hello\n")
			for _, p := range collect(t, w, f) {
				if !strings.HasPrefix(p, root) {
					t.Errorf("reported %s, outside the root %s", p, root)
				}
			}
			// Removed, and made again: still watched.
			if err := os.RemoveAll(root); err != nil {
				t.Fatal(err)
			}
			collect(t, w, root)
			g := filepath.Join(root, "again.txt")
			mkfile(t, g, "again\n")
			collect(t, w, g)
		})
	}
}

// A folder renamed inside the tree stays watched under its new name.
func TestWatcherRenamedFolder(t *testing.T) {
	w, dir := startWatcher(t)
	from, to := filepath.Join(dir, "guides"), filepath.Join(dir, "articles")
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	collect(t, w, from, to)
	f := filepath.Join(to, "a.md")
	mkfile(t, f, "# a, moved\n")
	for _, p := range collect(t, w, f) {
		if strings.HasPrefix(p, from+string(filepath.Separator)) {
			t.Errorf("reported %q under the old folder name", p)
		}
	}
}

// One save is one batch.
func TestWatcherOneSaveOneBatch(t *testing.T) {
	w, dir := startWatcher(t)
	g := filepath.Join(dir, "guides")
	mkfile(t, filepath.Join(g, "a.md.tmp"), "# a\n")
	os.Rename(filepath.Join(g, "a.md.tmp"), filepath.Join(g, "a.md"))
	os.Chmod(filepath.Join(g, "a.md"), 0o644)
	b := <-w.Events()
	if want := []string{filepath.Join(g, "a.md")}; !slices.Equal(b, want) {
		t.Fatalf("batch = %v, want %v", b, want)
	}
	select {
	case b := <-w.Events():
		t.Fatalf("second batch for one save: %v", b)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestWatcherSkip(t *testing.T) {
	w, dir := startWatcher(t)
	out := filepath.Join(dir, "public")
	w.Skip(out)
	mkfile(t, filepath.Join(out, "index.html"), "x")
	mkfile(t, filepath.Join(dir, "sentinel.md"), "")
	for _, p := range collect(t, w, filepath.Join(dir, "sentinel.md")) {
		if strings.HasPrefix(p, out) {
			t.Errorf("reported %q inside the skipped folder", p)
		}
	}
}

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name string
		dir  bool
		want bool
	}{
		{"a.md", false, false},
		{"check-in.yaml", false, false},
		{"main.css", false, false},
		{"movie.swf", false, false},
		{"2024.md", false, false},
		{".well-known", true, false},
		{"a.md~", false, true},
		{".a.md.swp", false, true},
		{".a.md.swo", false, true},
		{".a.md.swx", false, true},
		{"a.swp", false, true},
		{"4913", false, true},
		{"5036", false, true},
		{".#a.md", false, true},
		{"#a.md#", false, true},
		{"a.md___jb_tmp___", false, true},
		{"a.md___jb_old___", false, true},
		{".goutputstream-ABC123", false, true},
		{".DS_Store", false, true},
		{".git", true, true},
		{"node_modules", true, true},
	}
	for _, tt := range tests {
		if got := ignoredName(tt.name, tt.dir); got != tt.want {
			t.Errorf("ignoredName(%q, %v) = %v, want %v", tt.name, tt.dir, got, tt.want)
		}
	}
}

// A root that is a symbolic link to a folder (content/ kept elsewhere in
// the site) is watched through the link, with the paths the build reads:
// a save under the folder it leads to, or through the link, is reported
// under the link's name.
func TestWatcherLinkedRoot(t *testing.T) {
	tests := []struct {
		name  string
		write func(site string) string // the file written, by which path
	}{
		{"written through the link", func(site string) string { return filepath.Join(site, "content", "guides", "a.md") }},
		{"written where the link leads", func(site string) string { return filepath.Join(site, "real", "guides", "a.md") }},
		{"a new folder", func(site string) string { return filepath.Join(site, "content", "new", "b.md") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			mkfile(t, filepath.Join(site, "real", "guides", "a.md"), "# a\n")
			root := filepath.Join(site, "content")
			if err := os.Symlink("real", root); err != nil {
				t.Fatal(err)
			}
			w := watching(t, root)
			f := tt.write(site)
			mkfile(t, f, "# changed\n")
			collect(t, w, filepath.Join(root, strings.TrimPrefix(strings.TrimPrefix(f, root), filepath.Join(site, "real"))))
		})
	}
}
