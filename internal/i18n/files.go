package i18n

// Files remembers the catalogs of the translation files a site builder
// parsed, so that a rebuild after an edit (mutual serve) parses again only
// the files whose bytes changed. A catalog is read-only once parsed, so
// builds may share it. It keeps the files of the last two loads, so that
// it does not grow with files that were renamed or removed. The zero
// value is ready; it is not safe for concurrent use.
type Files struct {
	last, next map[fileKey]*Catalog
}

// fileKey is a file as parsed: its name as errors show it, its language
// and its bytes.
type fileKey struct {
	file string
	code Code
	src  string
}

// parse is ParseFile, through f when f is not nil. Files with errors are
// not kept: their errors come back each time.
func (f *Files) parse(file string, code Code, src []byte) (*Catalog, error) {
	if f == nil {
		return ParseFile(file, code, src)
	}
	k := fileKey{file, code, string(src)}
	if c, ok := f.next[k]; ok {
		return c, nil
	}
	if c, ok := f.last[k]; ok {
		f.put(k, c)
		return c, nil
	}
	c, err := ParseFile(file, code, src)
	if err == nil {
		f.put(k, c)
	}
	return c, err
}

func (f *Files) put(k fileKey, c *Catalog) {
	if f.next == nil {
		f.next = map[fileKey]*Catalog{}
	}
	f.next[k] = c
}

// Done ends one load (a build): the files parsed or taken during it are
// the ones the next load may take.
func (f *Files) Done() {
	f.last, f.next = f.next, nil
}
