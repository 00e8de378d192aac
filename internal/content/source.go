package content

import (
	"bytes"
	"errors"
	"hash/maphash"
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
	"unicode/utf8"

	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/worksheet"
)

// Kind is what a source is, by its path (see Scan).
type Kind int

const (
	PageSource      Kind = iota // a Markdown page
	IndexSource                 // a section's (or the home page's) _index.md
	WorksheetSource             // a worksheet under content/worksheets/
	FileSource                  // any other file, copied as it is
)

// Source is one file under content/, read and parsed. Sources are kept
// between builds and re-read only when their size or time changes.
type Source struct {
	Rel  string // slash path relative to content/: "guides/listening.md"
	Kind Kind
	Size int64
	Mod  time.Time
	// Sum is a seeded hash of the file's bytes (not for FileSource: 0),
	// for the build's memo, which renders again only what changed: it is
	// compared within one process, never stored or shown (see sumSeed).
	Sum uint64

	FrontMatter FrontMatter // PageSource and IndexSource
	Body        []byte      // the Markdown after the front matter, without its <!--more--> divider
	// More is the offset in Body where the <!--more--> divider stood: the
	// text before it is the page's summary. -1 without one.
	More int
	// Summary is the page's summary, plain text: its summary: key, or the
	// text before its <!--more--> divider; "" for neither.
	Summary string
	// Shortcodes reports that Body holds "{{<" or "{{%": the page runs
	// shortcodes (see package render).
	Shortcodes bool
	// TitleFromName reports that the title was made from the file name
	// (PageTitle), so that a translation's is made from its original's
	// name: receiving.de.md is "Receiving", not "Receiving.de".
	TitleFromName bool
	// Static marks a file of the site's static/ folder (Rel is relative to
	// it), published at the root of the output.
	Static bool
	// Dropped reports that Body was let go (Unload): Markdown reads it
	// from the file again, and the next scan reads the whole file again.
	Dropped   bool
	Worksheet *worksheet.Worksheet // WorksheetSource, when it parsed
	Errs      diag.List            // what reading and parsing found

	file   string // the path look read a page from, for Markdown after Unload
	bodyAt int    // where Body (with its <!--more--> divider) begins in the file

	svgChecked bool      // an SVG image was checked (see active.go)
	svgErrs    diag.List // and what its check found
}

// URLPos is where the source sets its page's address: its url, else its
// slug, or nothing (the zero Pos) when the address comes from its path.
func (s *Source) URLPos() Pos {
	if s.FrontMatter.URL != "" {
		return s.FrontMatter.urlPos
	}
	return s.FrontMatter.slugPos
}

// Path is the site-relative path used in messages.
func (s *Source) Path() string {
	if s.Static {
		return StaticDir + "/" + s.Rel
	}
	return "content/" + s.Rel
}

// StaticDir is the site's folder of files published as they are at the
// root of the output, as in Hugo and Zola.
const StaticDir = "static"

// Bundle reports that s is a leaf bundle's page: an index.md, whose
// folder is the page (about/index.md is /about/) and whose other files are
// its resources.
func (s *Source) Bundle() bool { return s.Kind == PageSource && path.Base(s.Rel) == "index.md" }

// classify tells a source's kind by its path. trees are the site's
// language codes (none for a site in one language): a folder of content/
// named by one holds that language's own tree (content/de/...), inside
// which worksheets/ holds worksheets too, and _index.<code>.md is a
// section's page in that language.
func classify(rel string, trees []string) Kind {
	base := path.Base(rel)
	inner := rel
	if first, rest, ok := strings.Cut(rel, "/"); ok && slices.ContainsFunc(trees, func(t string) bool { return strings.EqualFold(t, first) }) {
		inner = rest
	}
	isIndex := base == "_index.md"
	if mid, ok := strings.CutPrefix(base, "_index."); ok && !isIndex {
		code, _ := strings.CutSuffix(mid, ".md")
		isIndex = code != mid && slices.ContainsFunc(trees, func(t string) bool { return strings.EqualFold(t, code) })
	}
	switch {
	case isIndex || rel == "index.md":
		// content/index.md is the home page's, as content/_index.md.
		return IndexSource
	case strings.HasSuffix(base, ".md"):
		return PageSource
	case (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")) && strings.HasPrefix(inner, "worksheets/"):
		return WorksheetSource
	}
	return FileSource
}

// Scan walks content/ and returns its sources sorted by path, reusing prev
// entries whose file did not change. site.yaml (or .yml) is not a source. With a
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
//
// trees are the site's language codes (Config.Langs, for a site with
// languages; none otherwise): content/<code>/ is that language's tree,
// where worksheets/ holds worksheets as it does at the top.
func Scan(contentDir, within string, prev map[string]*Source, hint []string, trees ...string) ([]*Source, diag.List, error) {
	srcs, errs, _, err := scan(contentDir, within, prev, hint, false, trees)
	return srcs, errs, err
}

// UnreadableFolder is the message for a folder of content/ or static/
// whose permissions keep mutual out, at the folder's path ending in "/".
const UnreadableFolder = "cannot read the folder: its permissions do not let mutual read it (give read and search permission to the user who runs mutual)"

// UnreadableFolders are the folders errs (Scan's and ScanStatic's) say
// could not be read, as they print ("content/guides/private/"), for
// Model.Unreadable.
func UnreadableFolders(errs diag.List) []string {
	var dirs []string
	for _, e := range errs {
		if e.Msg == UnreadableFolder && strings.HasSuffix(e.Path, "/") {
			dirs = append(dirs, e.Path)
		}
	}
	return dirs
}

// ScanWarns is Scan, with its warnings: a symbolic link to a folder, which
// the walk does not go into (so that no link can lead it round in a loop
// or through the site twice), is skipped with a warning that says nothing
// in it is published.
func ScanWarns(contentDir, within string, prev map[string]*Source, hint []string, trees ...string) ([]*Source, diag.List, diag.List, error) {
	return scan(contentDir, within, prev, hint, false, trees)
}

// ScanStatic is Scan for the site's static/ folder (dir): every file is a
// FileSource marked Static, whatever its extension; names are skipped by
// the rule of staticnames.go, warns naming those a writer may have meant.
// A site without the folder has none.
func ScanStatic(dir, within string, prev map[string]*Source, hint []string) (srcs []*Source, errs, warns diag.List, err error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil, nil, nil
	}
	if within != "" {
		if target, out := LinkOutside(dir, within); out {
			return nil, diag.List{{Path: StaticDir, Msg: "static/ is a symbolic link to " + target + ", which is outside the site folder: move the files into it"}}, nil, nil
		}
	}
	return scan(dir, within, prev, hint, true, nil)
}

func scan(contentDir, within string, prev map[string]*Source, hint []string, static bool, trees []string) ([]*Source, diag.List, diag.List, error) {
	prefix := "content/"
	if static {
		prefix = StaticDir + "/"
	}
	hinted := func(p string) bool {
		for _, h := range hint {
			if p == h || strings.HasPrefix(p, h+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var found []*Source
	var todo []string // the paths of found[i] still to look at, "" when reused
	var linkErrs, warns diag.List
	// content/ (or static/) itself may be a symbolic link to a folder of
	// the site (one outside it is refused before): walked from the folder
	// it leads to, which a walk from the link itself would not go into.
	root := contentDir
	if st, err := os.Lstat(contentDir); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root = contentDir + string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) && d != nil && d.IsDir() {
				// A folder that cannot be listed: said where, in words,
				// and the rest of the site still read.
				shown := strings.TrimSuffix(prefix, "/")
				if p != root {
					rel, _ := filepath.Rel(contentDir, p)
					shown = prefix + filepath.ToSlash(rel)
				}
				linkErrs.Add(shown+"/", 0, 0, "%s", UnreadableFolder)
				return nil
			}
			return err
		}
		if p == root {
			return nil
		}
		if static {
			// The rule of static/ names (staticnames.go).
			switch classifyStatic(d.Name(), d.IsDir(), filepath.Dir(p) == contentDir) {
			case skipName:
				shown, _ := filepath.Rel(contentDir, p)
				shown = prefix + filepath.ToSlash(shown)
				if d.IsDir() {
					shown += "/"
				}
				warns.Add(shown, 0, 0, "%s", skippedStatic(d.IsDir()))
				fallthrough
			case litterName:
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		} else if Hidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !utf8.ValidString(d.Name()) {
			// Its address would hold a replacement character where the
			// name's letter was: the name must be renamed.
			shown, _ := filepath.Rel(contentDir, p)
			linkErrs.Add(prefix+strings.ToValidUTF8(filepath.ToSlash(shown), "?"), 0, 0, "this name is not UTF-8 text (a program saved it in another encoding): rename it, retyping its accented letters")
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
		if !static && (rel == "site.yaml" || rel == "site.yml") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				// A link whose file is gone: said where it is, rather than
				// stopping the build with the system's words.
				target, _ := os.Readlink(p)
				linkErrs.Add(prefix+rel, 0, 0, "symbolic link to %s, which does not exist: make it point at a file or folder, or remove it", target)
				return nil
			}
		}
		if d.Type()&fs.ModeSymlink != 0 && within != "" {
			if target, out := LinkOutside(p, within); out {
				if LinkLoop(p) {
					linkErrs.Add(prefix+rel, 0, 0, "symbolic link that leads back to itself through other links: make it point at a file or folder, or remove it")
					return nil
				}
				linkErrs.Add(prefix+rel, 0, 0, "symbolic link to %s, which is outside the site folder: copy what it points to into the site instead", target)
				return nil
			}
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				target, _ := os.Readlink(p)
				warns.Add(prefix+rel, 0, 0, "symbolic link to the folder %s, which mutual does not go into: nothing in it is published; move the folder here instead, or link its files one by one", target)
				return nil
			}
		}
		kind := FileSource
		if !static {
			kind = classify(rel, trees)
		}
		if old := prev[rel]; old != nil && !old.Dropped && old.Kind == kind && hint != nil && !hinted(p) {
			found = append(found, old)
			todo = append(todo, "")
			return nil
		}
		found = append(found, &Source{Rel: rel, Kind: kind, Static: static})
		todo = append(todo, p)
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	statErrs := make([]error, len(found))
	Parallel(len(found), func(i int) {
		if todo[i] == "" {
			return
		}
		old := prev[found[i].Rel]
		if old != nil && old.Kind != found[i].Kind {
			old = nil // the site's languages changed what the file is
		}
		found[i], statErrs[i] = look(todo[i], found[i], old)
	})
	// The first error in walk order, as the walk would have returned it.
	for _, err := range statErrs {
		if err != nil {
			return nil, nil, nil, err
		}
	}
	found = slices.DeleteFunc(found, func(s *Source) bool { return s == nil })
	sort.Slice(found, func(i, j int) bool { return found[i].Rel < found[j].Rel })
	return found, linkErrs, warns, nil
}

// look fills s, a file found by the walk at path p, or returns old when
// the file has the size and time old was read with. It returns nil for a
// folder (a symbolic link to one). Pages and worksheets are read and parsed;
// other files only looked at.
func look(p string, s, old *Source) (*Source, error) {
	reusable := func(st fs.FileInfo) bool {
		return old != nil && !old.Dropped && old.Size == st.Size() && old.Mod.Equal(st.ModTime())
	}
	if s.Kind == FileSource || old != nil && !old.Dropped {
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
		s.Size, s.Mod = st.Size(), st.ModTime()
		if s.Kind == FileSource {
			return s, nil
		}
	}
	f, err := os.Open(p)
	if err != nil {
		if _, serr := os.Stat(p); serr != nil {
			return nil, serr // gone, or a broken link: as the walk reports it
		}
		s.Errs.Add(s.Path(), 0, 0, "%s", ReadError(err))
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
	s.Size, s.Mod = st.Size(), st.ModTime()
	limit := int64(MaxPageSize)
	if s.Kind == WorksheetSource {
		limit = MaxWorksheetSize
	}
	if st.Size() > limit {
		s.Errs.Add(s.Path(), 0, 0, "%s", (&TooBigError{size: st.Size(), limit: limit, what: kindNames[s.Kind]}).Error())
		return s, nil
	}
	src := make([]byte, 0, st.Size()+1) // +1: EOF is seen without growing
	for {
		if int64(len(src)) > limit {
			s.Errs.Add(s.Path(), 0, 0, "%s", (&TooBigError{size: int64(len(src)), limit: limit, what: kindNames[s.Kind]}).Error())
			return s, nil
		}
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			s.Errs.Add(s.Path(), 0, 0, "%s", ReadError(err))
			return s, nil
		}
		if len(src) == cap(src) {
			src = slices.Grow(src, 4096)
		}
	}
	s.Sum = maphash.Bytes(sumSeed, src)
	switch s.Kind {
	case PageSource, IndexSource:
		s.FrontMatter, s.Body, s.Errs = ParseFrontMatter(s.Path(), src)
		// The body is the end of the file, whatever the front matter's
		// format (FuzzFrontMatter holds ParseFrontMatter to that).
		s.file, s.bodyAt = p, len(src)-len(s.Body)
		if line, col := diag.InvalidUTF8(s.Body); line > 0 {
			// The front matter's own characters are checked as YAML.
			s.Errs.Add(s.Path(), s.FrontMatter.Lines+line, col, "%s", diag.NotUTF8)
		}
		s.Body, s.More = cutMore(s.Body)
		s.Summary = pageSummary(&s.FrontMatter, s.Body, s.More)
		s.Shortcodes = bytes.Contains(s.Body, []byte("{{<")) || bytes.Contains(s.Body, []byte("{{%"))
		if s.FrontMatter.Title == "" {
			if t := markdown.Title(s.Body); t != "" && !HasShortcode(t) {
				s.FrontMatter.Title = t
			} else {
				s.FrontMatter.Title, s.TitleFromName = PageTitle(s.Rel, nil), true
			}
		}
	case WorksheetSource:
		s.Worksheet, s.Errs = worksheet.Parse(s.Path(), src)
	}
	return s, nil
}

// Unload lets go of a page's Markdown (Body) once the scan has taken from
// it what the site's model needs (summary, title, whether it runs
// shortcodes); Markdown reads it from the file again when the page is
// rendered. A one-off build unloads every page right after its scan: the
// bodies of a large site are then never all in memory at once, which
// leaves the garbage collector less to carry and more room between its
// runs: measured on the 10,000-page bench corpus (2026-11-30), the build
// spends about 0.35 s less CPU time outside the Markdown rendering, 2% of
// its total, for 10,000 files read twice. A source that was never read
// from a file keeps its Body.
func (s *Source) Unload() {
	if s.file != "" && (s.Kind == PageSource || s.Kind == IndexSource) {
		s.Body, s.Dropped = nil, true
	}
}

// Markdown returns the page's Markdown as Body holds it: Body itself, or,
// after Unload, the file read again. The file must be as the scan found
// it (size and modification time): a page edited in the middle of a build
// is reported, to be built again, rather than rendered from a body its
// summary and title were not taken from.
func (s *Source) Markdown() ([]byte, error) {
	if !s.Dropped || s.Body != nil || s.file == "" {
		return s.Body, nil
	}
	f, err := os.Open(s.file)
	if err != nil {
		return nil, errors.New(ReadError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, errors.New(ReadError(err))
	}
	if st.Size() != s.Size || !st.ModTime().Equal(s.Mod) || s.Size < int64(s.bodyAt) {
		return nil, errChanged
	}
	// Only the body: the front matter before it was read by the scan.
	raw := make([]byte, s.Size-int64(s.bodyAt))
	if _, err := f.ReadAt(raw, int64(s.bodyAt)); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errChanged
		}
		return nil, errors.New(ReadError(err))
	}
	body, _ := cutMore(raw)
	return body, nil
}

// errChanged is Markdown's error for a file that changed after the scan.
var errChanged = errors.New("this file changed while the site was being built: build again")

// moreDivider ends a page's summary, as in Hugo.
var moreDivider = []byte("<!--more-->")

// cutMore takes the first <!--more--> divider out of body, and returns
// where it stood (-1 without one). Hugo finds it anywhere, code
// included; so does mutual. Only the divider's characters go, so lines
// keep their numbers.
func cutMore(body []byte) ([]byte, int) {
	i := bytes.Index(body, moreDivider)
	if i < 0 {
		return body, -1
	}
	out := make([]byte, 0, len(body)-len(moreDivider))
	out = append(out, body[:i]...)
	out = append(out, body[i+len(moreDivider):]...)
	return out, i
}

// PageTitle is the title of a page whose front matter gives none: its
// first level-1 heading, or else its file name (its folder's for a
// bundle's index.md) made readable: "getting-started.md" is "Getting
// started".
func PageTitle(rel string, body []byte) string {
	if t := markdown.Title(body); t != "" && !HasShortcode(t) {
		return t
	}
	name := path.Base(rel)
	if name == "index.md" || name == "_index.md" {
		name = path.Base(path.Dir(rel))
		if name == "." {
			return ""
		}
	}
	return humanize(strings.TrimSuffix(name, path.Ext(name)))
}

// sumSeed seeds every Source.Sum of the process. The sums only tell one
// build of a Builder from the next, in memory, so a fast seeded hash is
// enough, as for the memo's keys (package site), which are themselves 64
// bits: a longer or cryptographic sum would make no key safer. On the
// 10,000-page bench corpus (2026-11-30) it takes about a quarter of the
// time SHA-256 took.
var sumSeed = maphash.MakeSeed()

// Parallel calls fn(0..n-1) on every core, each index once, and returns
// when all calls have. The build's passes over pages use it too.
func Parallel(n int, fn func(i int)) {
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
