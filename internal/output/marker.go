package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// markerList opens the list of the files a build wrote, in MarkerFile
// after MarkerText: one a line, as the 64-bit FNV-1a hash of its output
// path in hexadecimal, sorted. Hashes, not paths: the marker is published
// with the site, and must not list a file that only those given its
// address should find; a foreign file's name comes from the folder
// itself. A marker without the list is an output from before it, which a
// build replaces whole as it always did.
const markerList = "\nThe files mutual wrote here, one a line (a hash of each path):\n"

// maxShown is how many foreign files a refusal names.
const maxShown = 10

// pathHash is the 64-bit FNV-1a hash of an output path.
func pathHash(p string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(p); i++ {
		h ^= uint64(p[i])
		h *= 1099511628211
	}
	return h
}

// markerData is MarkerFile listing the files whose hashes are given.
func markerData(hashes []uint64) []byte {
	slices.Sort(hashes)
	b := make([]byte, 0, len(MarkerText)+len(markerList)+17*len(hashes))
	b = append(b, MarkerText...)
	b = append(b, markerList...)
	for i, h := range hashes {
		if i > 0 && h == hashes[i-1] {
			continue
		}
		for shift := 60; shift >= 0; shift -= 4 {
			b = append(b, "0123456789abcdef"[h>>shift&0xf])
		}
		b = append(b, '\n')
	}
	return b
}

// hashes are the hashes of files.
func hashes(files []string) []uint64 {
	hs := make([]uint64, len(files))
	for i, f := range files {
		hs[i] = pathHash(f)
	}
	return hs
}

// parseMarker is the set of file hashes a marker lists; ok is false when
// it lists none (an output from before the list).
func parseMarker(data []byte) (listed map[uint64]bool, ok bool) {
	_, list, ok := bytes.Cut(data, []byte(markerList))
	if !ok {
		return nil, false
	}
	listed = make(map[uint64]bool, len(list)/17)
	for len(list) > 0 {
		line, rest, _ := bytes.Cut(list, []byte("\n"))
		list = rest
		if h, err := strconv.ParseUint(string(line), 16, 64); err == nil {
			listed[h] = true
		}
	}
	return listed, true
}

// readMarker reads the list of the marker in the folder dir: ok is false
// when there is none.
func readMarker(dir string) (listed map[uint64]bool, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, MarkerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	listed, ok = parseMarker(data)
	return listed, ok, nil
}

// foreign lists what the output folder dir holds that its marker does not
// list, sorted: files, and as "x/" a folder holding files none of which
// is listed. Empty folders, the marker itself and the temporary files of
// a killed incremental write (".<name>.tmp-N") are not foreign. An output
// whose marker has no list holds nothing foreign: it is replaced whole, as
// before the list.
func foreign(dir string) ([]string, error) {
	listed, ok, err := readMarker(dir)
	if err != nil || !ok {
		return nil, err
	}
	_, found, err := walkForeign(listed, dir, "")
	if err != nil {
		return nil, err
	}
	slices.Sort(found)
	return found, nil
}

// walkForeign walks the folder full (rel in the output): mine is whether
// it holds a listed file at any depth, found the foreign files.
func walkForeign(listed map[uint64]bool, full, rel string) (mine bool, found []string, err error) {
	ents, err := os.ReadDir(full)
	if err != nil {
		return false, nil, err
	}
	for _, e := range ents {
		name := e.Name()
		p := name
		if rel != "" {
			p = rel + "/" + name
		}
		switch {
		case rel == "" && name == MarkerFile, writeTemp(name):
		case e.IsDir():
			m, f, err := walkForeign(listed, filepath.Join(full, name), p)
			if err != nil {
				return false, nil, err
			}
			if m {
				mine = true
				found = append(found, f...)
			} else if len(f) > 0 {
				found = append(found, p+"/")
			}
		case listed[pathHash(p)]:
			mine = true
		default:
			found = append(found, p)
		}
	}
	return mine, found, nil
}

// writeTemp reports whether name is one of an incremental write's
// temporary files (see Dir.createTemp).
func writeTemp(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	if !strings.HasPrefix(name, ".") || i < 1 || i+5 == len(name) {
		return false
	}
	for _, c := range name[i+5:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ForeignError refuses to replace or write over files that mutual did not
// write.
type ForeignError struct {
	Out   string   // the output folder, as shown
	Files []string // the foreign files, output paths sorted ("x/" for a folder)
	Over  bool     // an incremental build would write over them
}

func (e *ForeignError) Error() string {
	var b strings.Builder
	one := len(e.Files) == 1
	shown := make([]string, 0, maxShown)
	for _, f := range e.Files[:min(len(e.Files), maxShown)] {
		shown = append(shown, filepath.Join(e.Out, filepath.FromSlash(f))+strings.Repeat(string(filepath.Separator), boolInt(strings.HasSuffix(f, "/"))))
	}
	names := strings.Join(shown, ", ")
	if more := len(e.Files) - len(shown); more > 0 {
		names += fmt.Sprintf(" and %d more", more)
	}
	if e.Over {
		if one {
			fmt.Fprintf(&b, "refusing to write over %s: mutual did not write it, and the site now publishes a file there: move it out of %s or delete it", names, e.Out)
		} else {
			fmt.Fprintf(&b, "refusing to write over %s: mutual did not write them, and the site now publishes files there: move them out of %s or delete them", names, e.Out)
		}
		return b.String()
	}
	if one {
		fmt.Fprintf(&b, "refusing to replace %s: %s was not written by mutual, and a build replaces the whole folder: move it into the site's static/ folder so that every build publishes it, or delete it", e.Out, names)
	} else {
		fmt.Fprintf(&b, "refusing to replace %s: %s were not written by mutual, and a build replaces the whole folder: move them into the site's static/ folder so that every build publishes them, or delete them", e.Out, names)
	}
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shownName is how messages name the output folder out: relative to the
// working folder when that is shorter.
func shownName(out string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, out); err == nil && len(rel) < len(out) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return out
}

// writeMarker writes MarkerFile listing the files of hashes into the folder being
// written: directly into a full build's temporary folder, atomically in
// place otherwise.
func (o *Dir) writeMarker(hashes []uint64) error {
	data := markerData(hashes)
	if o.temp {
		return os.WriteFile(filepath.Join(o.dir, MarkerFile), data, 0o644)
	}
	return o.replace(MarkerFile, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// claimNew readies an incremental build to write the paths added, which
// the previous build did not give: it refuses (a *ForeignError) when a
// file mutual did not write is at one of them, and otherwise adds them to
// the marker's list before any is written, so that a build killed midway
// leaves them listed. It returns the list (nil for an output whose marker
// has none, whose files are not followed).
func (o *Dir) claimNew(added []string) (map[uint64]bool, error) {
	listed, ok, err := readMarker(o.dir)
	if err != nil || !ok {
		return nil, err
	}
	var found []string
	grew := false
	for _, out := range added {
		if listed[pathHash(out)] {
			continue
		}
		if _, err := o.root.Lstat(out); err == nil {
			found = append(found, out)
		}
		grew = true
	}
	if len(found) > 0 {
		slices.Sort(found)
		return nil, &ForeignError{Out: o.shown, Files: found, Over: true}
	}
	if grew {
		for _, out := range added {
			listed[pathHash(out)] = true
		}
		if err := o.writeMarker(slices.Sorted(maps.Keys(listed))); err != nil {
			return nil, err
		}
	}
	return listed, nil
}
