package content

import (
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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

	svgChecked bool      // an SVG image was checked (see active.go)
	svgErrs    diag.List // and what its check found
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
//
// The walk itself only lists folders; files are looked at (stat, and read
// and parsed when new or changed) on every core.
//
// within, when not "", is the site folder with its links resolved: a
// symbolic link that leads outside it is not a source but an error naming
// the link and its target, in the returned list.
func scan(contentDir, within string, prev map[string]*source, hint []string) ([]*source, diag.List, error) {
	hinted := func(p string) bool {
		for _, h := range hint {
			if p == h || strings.HasPrefix(p, h+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var found []*source
	var todo []string // the paths of found[i] still to look at, "" when reused
	var linkErrs diag.List
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
		if d.Type()&fs.ModeSymlink != 0 && within != "" {
			if target, out := linkOutside(p, within); out {
				linkErrs.Add("content/"+rel, 0, 0, "symbolic link to %s, which is outside the site folder: copy what it points to into the site instead", target)
				return nil
			}
		}
		if old := prev[rel]; old != nil && !old.dropped && hint != nil && !hinted(p) {
			found = append(found, old)
			todo = append(todo, "")
			return nil
		}
		found = append(found, &source{rel: rel, kind: classify(rel), sum: unread})
		todo = append(todo, p)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	statErrs := make([]error, len(found))
	parallel(len(found), func(i int) {
		if todo[i] == "" {
			return
		}
		found[i], statErrs[i] = look(todo[i], found[i], prev[found[i].rel])
	})
	// The first error in walk order, as the walk would have returned it.
	for _, err := range statErrs {
		if err != nil {
			return nil, nil, err
		}
	}
	found = slices.DeleteFunc(found, func(s *source) bool { return s == nil })
	sort.Slice(found, func(i, j int) bool { return found[i].rel < found[j].rel })
	return found, linkErrs, nil
}

// look fills s, a file found by the walk at path p, or returns old when
// the file has the size and time old was read with. It returns nil for a
// folder (a symbolic link to one). Pages and worksheets are read and parsed;
// other files only looked at.
func look(p string, s, old *source) (*source, error) {
	reusable := func(st fs.FileInfo) bool {
		return old != nil && !old.dropped && old.size == st.Size() && old.mod.Equal(st.ModTime())
	}
	if s.kind == srcFile || old != nil && !old.dropped {
		// Stat first: an unchanged file is not read again.
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, nil
		}
		if reusable(st) {
			return old, nil
		}
		s.size, s.mod = st.Size(), st.ModTime()
		if s.kind == srcFile {
			return s, nil
		}
	}
	f, err := os.Open(p)
	if err != nil {
		if _, serr := os.Stat(p); serr != nil {
			return nil, serr // gone, or a broken link: as the walk reports it
		}
		s.errs.Add(s.path(), 0, 0, "cannot read: %v", err)
		return s, nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, nil
	}
	s.size, s.mod = st.Size(), st.ModTime()
	limit := int64(maxPageSize)
	if s.kind == srcWorksheet {
		limit = maxWorksheetSize
	}
	if st.Size() > limit {
		s.errs.Add(s.path(), 0, 0, "%s", (&tooBigError{size: st.Size(), limit: limit, what: kindNames[s.kind]}).Error())
		return s, nil
	}
	src := make([]byte, 0, st.Size()+1) // +1: EOF is seen without growing
	for {
		if int64(len(src)) > limit {
			s.errs.Add(s.path(), 0, 0, "%s", (&tooBigError{size: int64(len(src)), limit: limit, what: kindNames[s.kind]}).Error())
			return s, nil
		}
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			s.errs.Add(s.path(), 0, 0, "cannot read: %v", err)
			return s, nil
		}
		if len(src) == cap(src) {
			src = slices.Grow(src, 4096)
		}
	}
	s.sum = sha256.Sum256(src)
	switch s.kind {
	case srcPage, srcIndex:
		s.fm, s.body, s.errs = ParseFrontMatter(s.path(), src)
	case srcWorksheet:
		s.ws, s.errs = worksheet.Parse(s.path(), src)
	}
	return s, nil
}

// unread marks a source whose bytes have not been read yet.
var unread = [32]byte{0xff, 0xfe}

// parallel calls fn(0..n-1) on every core.
func parallel(n int, fn func(i int)) {
	workers := min(workerCount(), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
