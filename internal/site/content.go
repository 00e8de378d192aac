package site

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"mutual/internal/diag"
	"mutual/internal/worksheet"
)

type srcKind int

const (
	srcPage      srcKind = iota // a Markdown page
	srcIndex                    // a section's (or the home page's) _index.md
	srcWorksheet                // a worksheet under content/worksheets/
	srcFile                     // any other file, copied as it is
)

// source is one file under content/, read and parsed. Sources are kept
// between builds and re-read only when their size or time changes.
type source struct {
	rel  string // slash path relative to content/: "guides/listening.md"
	kind srcKind
	size int64
	mod  time.Time
	sum  [32]byte // of the file's bytes (not for srcFile)

	fm      FrontMatter
	body    []byte
	dropped bool // body let go after rendering: read the file again next time
	ws      *worksheet.Worksheet
	errs    diag.List
}

// path is the site-relative path used in messages.
func (s *source) path() string { return "content/" + s.rel }

func classify(rel string) srcKind {
	base := path.Base(rel)
	switch {
	case strings.HasSuffix(base, ".md") && base == "_index.md":
		return srcIndex
	case strings.HasSuffix(base, ".md"):
		return srcPage
	case (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) && strings.HasPrefix(rel, "worksheets/"):
		return srcWorksheet
	}
	return srcFile
}

// scan walks content/ and returns its sources sorted by path, reusing prev
// entries whose file did not change. site.yaml is not a source. With a
// hint (the paths a watcher saw change), only the files it names, or that
// lie in a folder it names, or are new, are looked at again; without one,
// every file's size and time are checked.
func scan(contentDir string, prev map[string]*source, hint []string) ([]*source, error) {
	hinted := func(p string) bool {
		for _, h := range hint {
			if p == h || strings.HasPrefix(p, h+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var found []*source
	err := filepath.WalkDir(contentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == contentDir {
			return nil
		}
		if hiddenName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		rel, err := filepath.Rel(contentDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "site.yaml" {
			return nil
		}
		if old := prev[rel]; old != nil && !old.dropped && hint != nil && !hinted(p) {
			found = append(found, old)
			return nil
		}
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		if st.IsDir() {
			return nil
		}
		if old := prev[rel]; old != nil && !old.dropped && old.size == st.Size() && old.mod.Equal(st.ModTime()) {
			found = append(found, old)
			return nil
		}
		found = append(found, &source{rel: rel, kind: classify(rel), size: st.Size(), mod: st.ModTime(), sum: unread})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(found, func(i, j int) bool { return found[i].rel < found[j].rel })
	// Read and parse new and changed files on every core.
	var todo []*source
	for _, s := range found {
		if s.sum == unread && s.kind != srcFile {
			todo = append(todo, s)
		}
	}
	parallel(len(todo), func(i int) {
		s := todo[i]
		src, err := os.ReadFile(filepath.Join(contentDir, filepath.FromSlash(s.rel)))
		if err != nil {
			s.errs.Add(s.path(), 0, 0, "cannot read: %v", err)
			return
		}
		s.sum = sha256.Sum256(src)
		switch s.kind {
		case srcPage, srcIndex:
			s.fm, s.body, s.errs = ParseFrontMatter(s.path(), src)
		case srcWorksheet:
			s.ws, s.errs = worksheet.Parse(s.path(), src)
		}
	})
	return found, nil
}

// unread marks a source whose bytes have not been read yet.
var unread = [32]byte{0xff, 0xfe}

// parallel calls fn(0..n-1) on every core.
func parallel(n int, fn func(i int)) {
	workers := workerCount()
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
