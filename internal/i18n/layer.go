package i18n

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"mutual/internal/diag"
)

// MaxFileSize is the most one translation file may hold: a theme's whole
// interface is a few kilobytes.
const MaxFileSize = 1 << 20

// LoadLayer reads every translation file of one i18n folder: dir inside
// fsys, whose files are named "<code>.yaml" ("de.yaml", "pt-BR.yaml"), or
// "<code>.yml".
// shown is the folder as errors name it, relative to the site
// ("themes/brand/i18n"). A missing folder is an empty layer; files that do
// not end in .yaml are not translation files and are left alone; a .yaml
// file whose name is not a language code is an error, with a hint
// ("german.yaml": did you mean "de"?), as are two files of one language
// ("pt-br.yaml" and "pt-BR.yaml", or "de.yaml" and "de.yml"), and so is a
// file over MaxFileSize. Every error of every file comes back at once,
// sorted, with the layer of what could be read (a file with mistakes in
// some messages holds the others; see ParseFile), so that the caller may
// still check it against its originals and report the rest in one run.
func LoadLayer(fsys fs.FS, dir, shown string) (Layer, error) {
	return (*Files)(nil).LoadLayer(fsys, dir, shown)
}

// LoadLayer is the package's LoadLayer, taking from f the catalogs of the
// files it parsed before with the same bytes. A nil f parses every file.
func (f *Files) LoadLayer(fsys fs.FS, dir, shown string) (Layer, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return Layer{}, nil
	}
	if err != nil {
		return nil, diag.List{diag.Errorf(shown, 0, 0, "cannot read the folder: %v", err)}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	layer := Layer{}
	var errs diag.List
	byCode := map[Code]string{}
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		if e.IsDir() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		file := path.Join(shown, name)
		code, err := ParseCode(strings.TrimSuffix(name, ext))
		if err != nil {
			errs.Add(file, 0, 0, "a translation file is named after its language: %v", err)
			continue
		}
		if other, dup := byCode[code]; dup {
			errs.Add(file, 0, 0, "a second file for language %q (the first is %s)", string(code), other)
			continue
		}
		byCode[code] = file
		if info, err := e.Info(); err == nil && info.Size() > MaxFileSize {
			errs.Add(file, 0, 0, "this translation file is %d KB; a translation file may be at most %d KB", (info.Size()+1023)>>10, MaxFileSize>>10)
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, name))
		if errors.Is(err, fs.ErrPermission) {
			// In the words of every other file's (content.ReadError).
			errs.Add(file, 0, 0, "cannot read: the file's permissions do not let mutual read it (give read permission to the user who runs mutual)")
			continue
		}
		if err != nil {
			errs.Add(file, 0, 0, "cannot read the file: %v", err)
			continue
		}
		cat, err := f.parse(file, code, src)
		if err != nil {
			errs.Append(err)
		}
		if cat != nil {
			layer[code] = cat
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return layer, errs
	}
	return layer, nil
}
