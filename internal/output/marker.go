package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// markerList opens the list of the files a build wrote, in MarkerFile
// after MarkerText: one output path a line, sorted, a path that holds a
// line break or starts with a quote written as a Go string. A marker
// without it is an output from before the list, which a build replaces
// whole as it always did.
const markerList = "\nThe files mutual wrote here, one a line:\n"

// maxShown is how many foreign files a refusal names.
const maxShown = 10

// markerData is MarkerFile listing files (sorted).
func markerData(files []string) []byte {
	n := len(MarkerText) + len(markerList)
	for _, f := range files {
		n += len(f) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, MarkerText...)
	b = append(b, markerList...)
	for _, f := range files {
		if strings.ContainsAny(f, "\n\r") || strings.HasPrefix(f, `"`) {
			b = strconv.AppendQuote(b, f)
		} else {
			b = append(b, f...)
		}
		b = append(b, '\n')
	}
	return b
}

// parseMarker is the set of files a marker lists; ok is false when it
// lists none (an output from before the list).
func parseMarker(data []byte) (files map[string]bool, ok bool) {
	_, list, ok := bytes.Cut(data, []byte(markerList))
	if !ok {
		return nil, false
	}
	files = make(map[string]bool, bytes.Count(list, []byte("\n")))
	for len(list) > 0 {
		line, rest, _ := bytes.Cut(list, []byte("\n"))
		list = rest
		f := string(line)
		if strings.HasPrefix(f, `"`) {
			if u, err := strconv.Unquote(f); err == nil {
				f = u
			}
		}
		if f != "" {
			files[f] = true
		}
	}
	return files, true
}

// readMarker reads the list of the marker in the folder dir: ok is false
// when there is none.
func readMarker(dir string) (files map[string]bool, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, MarkerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	files, ok = parseMarker(data)
	return files, ok, nil
}

// foreign lists what the output folder dir holds that its marker does not
// list, sorted: files, and folders holding files ("x/") where no listed
// file lies. Empty folders, the marker itself and the temporary files of
// a killed incremental write (".<name>.tmp-N") are not foreign. An output
// whose marker has no list holds nothing foreign: it is replaced whole, as
// before the list.
func foreign(dir string) ([]string, error) {
	files, ok, err := readMarker(dir)
	if err != nil || !ok {
		return nil, err
	}
	dirs := map[string]bool{}
	for f := range files {
		for d := path.Dir(f); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var found []string
	var walk func(full, rel string) error
	walk = func(full, rel string) error {
		ents, err := os.ReadDir(full)
		if err != nil {
			return err
		}
		for _, e := range ents {
			name := e.Name()
			p := name
			if rel != "" {
				p = rel + "/" + name
			}
			switch {
			case rel == "" && name == MarkerFile, files[p], writeTemp(name):
			case e.IsDir() && dirs[p]:
				if err := walk(filepath.Join(full, name), p); err != nil {
					return err
				}
			case e.IsDir():
				if holdsFile(filepath.Join(full, name)) {
					found = append(found, p+"/")
				}
			default:
				found = append(found, p)
			}
		}
		return nil
	}
	if err := walk(dir, ""); err != nil {
		return nil, err
	}
	slices.Sort(found)
	return found, nil
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

// holdsFile reports whether the folder dir holds anything but folders, at
// any depth.
func holdsFile(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
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

// writeMarker writes MarkerFile listing files into the folder being
// written: directly into a full build's temporary folder, atomically in
// place otherwise.
func (o *Dir) writeMarker(files []string) error {
	data := markerData(files)
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
func (o *Dir) claimNew(added []string) (map[string]bool, error) {
	listed, ok, err := readMarker(o.dir)
	if err != nil || !ok {
		return nil, err
	}
	var found []string
	grew := false
	for _, out := range added {
		if listed[out] {
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
			listed[out] = true
		}
		if err := o.writeMarker(slices.Sorted(maps.Keys(listed))); err != nil {
			return nil, err
		}
	}
	return listed, nil
}
