package theme

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/themes"
)

// I18nDir is the folder of interface translations, in a theme and in the
// site folder itself (beside content/ and themes/): i18n/<code>.yaml.
const I18nDir = "i18n"

// Translations reads the interface texts a site's pages show: the site's
// own i18n/ folder (siteDir/i18n, siteReal being the site folder with its
// links resolved), then each theme's i18n/ folder, child first, down to the
// default theme; def is the site's default language. A missing folder is no
// error. Every file is checked against its original (i18n.Translations.Check):
// a key the theme does not have, plural forms a language does not use, a
// placeholder the original does not have are errors at their line. Keys a
// language lacks are not: they show in the default language.
//
// It returns, besides the translations, a hash of every file read (its
// path and bytes), for the memo. files, when not nil, keeps the parsed
// files from one call to the next (see i18n.Files).
func (c Chain) Translations(siteDir, siteReal string, def i18n.Code, files *i18n.Files) (*i18n.Translations, []byte, diag.List) {
	var errs diag.List
	h := sha256.New()
	var layers []i18n.Layer
	load := func(fsys fs.FS, shown string) {
		entries, err := fs.ReadDir(fsys, I18nDir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs.Add(shown, 0, 0, "cannot read the folder: %v", err)
			return
		}
		for _, e := range entries {
			if ext := path.Ext(e.Name()); e.IsDir() || ext != ".yaml" && ext != ".yml" {
				continue
			}
			if info, err := e.Info(); err == nil && info.Size() > i18n.MaxFileSize {
				continue // LoadLayer reports it
			}
			data, err := fs.ReadFile(fsys, path.Join(I18nDir, e.Name()))
			if err != nil {
				continue // LoadLayer reports it
			}
			fmt.Fprintf(h, "%s/%s\x00%d\x00", shown, e.Name(), len(data))
			h.Write(data)
		}
		l, err := files.LoadLayer(fsys, I18nDir, shown)
		if err != nil {
			var list diag.List
			if errors.As(err, &list) {
				errs = append(errs, list...)
			} else {
				errs.Add(shown, 0, 0, "%v", err)
			}
		}
		if l != nil {
			// What could be read, so that the check below reports the
			// rest of a file with a mistake in the same run.
			layers = append(layers, l)
		}
	}

	// The site's own folder, which must be the site's: not a link out of it.
	own := filepath.Join(siteDir, I18nDir)
	if st, err := os.Lstat(own); err == nil {
		bad := false
		if target, out := content.LinkOutside(own, siteReal); out && siteReal != "" {
			errs.Add(I18nDir, 0, 0, "symbolic link to %s, which is outside the site folder: copy the translations into the site instead", target)
			bad = true
		} else if st.Mode().IsDir() || st.Mode()&fs.ModeSymlink != 0 {
			ents, _ := os.ReadDir(own)
			for _, e := range ents {
				if e.Type()&fs.ModeSymlink == 0 || siteReal == "" {
					continue
				}
				if target, out := content.LinkOutside(filepath.Join(own, e.Name()), siteReal); out {
					errs.Add(I18nDir+"/"+e.Name(), 0, 0, "symbolic link to %s, which is outside the site folder: copy it into the site instead", target)
					bad = true
				}
			}
		}
		if !bad {
			load(os.DirFS(siteDir), I18nDir)
		}
	}
	for i := range c {
		t := &c[i]
		if e := t.linkError(I18nDir); e != nil {
			errs = append(errs, e)
			continue
		}
		_, links, err := c[i : i+1].files(I18nDir)
		if err != nil {
			errs.Add(t.Dir+"/"+I18nDir, 0, 0, "cannot read the folder: %v", err)
			continue
		}
		if len(links) > 0 {
			errs = append(errs, links...)
			continue
		}
		load(t.FS, t.Dir+"/"+I18nDir)
	}
	// A site's own copy of the default theme (themes/default/ on disk)
	// replaces the embedded one, and may come from before the default
	// theme had translations: the embedded texts stay below it, so that
	// no page shows a key instead of its words.
	if len(c) > 0 && c[len(c)-1].OnDisk != "" {
		load(themes.Default(), "themes/default/"+I18nDir)
	}
	trs := i18n.New(def, layers...)
	errs = append(errs, trs.Check()...)
	errs.Sort()
	errs = slices.CompactFunc(errs, func(a, b *diag.Error) bool { return a.Error() == b.Error() })
	return trs, h.Sum(nil), errs
}
