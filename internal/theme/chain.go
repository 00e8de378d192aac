package theme

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/yamldoc"
	"mutual/themes"
)

// Layer is one theme of the chain: the site's own themes/<name>/ folder
// on disk, or the embedded default.
//
// A theme on disk may be a symbolic link to a folder elsewhere (a theme
// shared by several sites); its files, and the links among them, must stay
// inside the folder it resolves to: a link that leads out of it is an
// error, and is not read.
type Layer struct {
	Name   string
	Dir    string // site-relative folder for messages: "themes/default"
	FS     fs.FS
	OnDisk string // absolute folder when read from disk, "" when embedded
	real   string // OnDisk with symbolic links resolved
}

// Chain is a site's theme and the themes it extends, child first.
type Chain []Layer

// LoadChain resolves the chain for name, named in the file from (the
// site's configuration) at line:col. A theme folder in the site wins over
// the embedded default of the same name. Each theme's theme.yaml (or
// theme.yml; optional) may name the theme it extends.
func LoadChain(siteDir, name, from string, line, col int) (Chain, diag.List) {
	var errs diag.List
	var chain Chain
	var seen []string
	for name != "" {
		if slices.Contains(seen, name) {
			errs.Add(from, line, col, "themes extend each other in a loop: %s -> %s", strings.Join(seen[slices.Index(seen, name):], " -> "), name)
			break
		}
		seen = append(seen, name)
		if !content.ValidSlug(name) {
			errs.Add(from, line, col, "theme name %q may only hold letters, digits, '-' and '_'", name)
			break
		}
		t := Layer{Name: name, Dir: "themes/" + name}
		abs := filepath.Join(siteDir, "themes", name)
		if st, err := os.Stat(abs); err == nil && st.IsDir() {
			t.FS, t.OnDisk = os.DirFS(abs), abs
			if t.real, err = filepath.EvalSymlinks(abs); err != nil {
				t.real = abs
			}
		} else if name == "default" {
			t.FS = themes.Default()
		} else {
			var known []string
			if ents, err := os.ReadDir(filepath.Join(siteDir, "themes")); err == nil {
				for _, e := range ents {
					if e.IsDir() {
						known = append(known, e.Name())
					}
				}
			}
			known = append(known, "default")
			errs.Add(from, line, col, "unknown theme %q: no folder themes/%s%s", name, name, diag.Hint(name, known))
			break
		}
		chain = append(chain, t)
		name = ""
		file, err := t.themeFile()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if file == "" {
			continue
		}
		path := t.Dir + "/" + file
		if e := t.linkError(file); e != nil {
			errs = append(errs, e)
			continue
		}
		src, rerr := content.ReadLimited(t.FS, file, content.MaxConfigSize, "file")
		if rerr != nil {
			errs.Add(path, 0, 0, "%s", content.ReadError(rerr))
			continue
		}
		root, perrs := yamldoc.Parse(src, yamldoc.Options{Path: path})
		errs = append(errs, perrs...)
		if root == nil {
			continue
		}
		d := yamldoc.Decoder{Path: path, Errs: &errs}
		others := d.Others(root, "theme.yaml", themeKeys, styleKeys(t.Dir))
		ignored := append(others, metadataKeys...)
		if f, ok := d.Map(root, "theme.yaml", themeKeys, ignored).Get("extends"); ok {
			if next, ok := d.Text(f); ok {
				name, from, line, col = next, path, f.Value.Line, f.Value.Col
			}
		}
	}
	return chain, errs
}

// themeKeys are the keys of theme.yaml.
var themeKeys = []string{"name", "description", "extends"}

// metadataKeys are the keys of the metadata Hugo's and Zola's themes give
// in their theme.toml (who wrote the theme, under which licence, where it
// comes from, which version of the generator it needs): a theme.yaml
// ported from one may keep them, and mutual reads none of them. A key
// within an edit or two of one of themeKeys that is none of these stays
// an error with its hint.
var metadataKeys = []string{
	"license", "licence", "licenselink", "homepage", "demosite", "demo",
	"author", "authors", "original", "min_version", "tags", "features",
	"version", "repo", "repository", "images", "screenshot",
}

// styleKeys are keys a writer may put in theme.yaml for the theme's look
// (Hugo's and Zola's themes take such settings as params), in lower case,
// with where the look is set instead: the theme's custom.css.
func styleKeys(dir string) map[string]string {
	colours := ": a theme's colours are custom properties in " + dir + "/static/css/custom.css (--accent: #0b6b61;), given once for the light and once for the dark scheme, as the custom.css of mutual init shows"
	fonts := ": a theme's fonts and sizes are set in " + dir + "/static/css/custom.css (body { font-family: Georgia, serif; })"
	m := map[string]string{"fonts": fonts, "font": fonts, "font-family": fonts, "fontfamily": fonts, "css": fonts, "style": fonts, "styles": fonts}
	for _, k := range []string{"colours", "colors", "colour", "color", "palette", "accent", "background", "accent-color", "accentcolor"} {
		m[k] = colours
	}
	return m
}

// themeFile is the name of the theme's theme.yaml, or theme.yml; "" when
// it has neither, and an error when it has both.
func (t *Layer) themeFile() (string, *diag.Error) {
	var found []string
	for _, name := range []string{"theme.yaml", "theme.yml"} {
		if _, err := fs.Stat(t.FS, name); err == nil || !errors.Is(err, fs.ErrNotExist) {
			found = append(found, name)
		} else if t.OnDisk != "" {
			// A symbolic link that leads nowhere (or out of the theme):
			// linkError reports the latter.
			if _, err := os.Lstat(filepath.Join(t.OnDisk, name)); err == nil {
				found = append(found, name)
			}
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 2:
		return "", diag.Errorf(t.Dir+"/theme.yml", 0, 0, "a theme has one theme.yaml, but %s/theme.yaml is here too: keep one of them", t.Dir)
	}
	return found[0], nil
}

// file is a file found in the chain: which theme has it.
type file struct {
	rel   string // path within the theme: "layouts/page.html"
	layer *Layer
}

// path is the site-relative path for messages.
func (f file) path() string { return f.layer.Dir + "/" + f.rel }

// linkError is the error for rel, a path in the theme, when it is a
// symbolic link that leads out of the theme's folder, or nil.
func (t *Layer) linkError(rel string) *diag.Error {
	if t.OnDisk == "" {
		return nil
	}
	p := filepath.Join(t.OnDisk, filepath.FromSlash(rel))
	if st, err := os.Lstat(p); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if target, out := content.LinkOutside(p, t.real); out {
		return diag.Errorf(t.Dir+"/"+rel, 0, 0, "symbolic link to %s, which is outside the theme's folder %s: copy what it points to into the theme instead", target, t.Dir)
	}
	return nil
}

// files lists the files under dir across the chain; a child's file hides
// the parent's file at the same path. Symbolic links that lead out of
// their theme's folder are left out and reported.
func (c Chain) files(dir string) (map[string]file, diag.List, error) {
	out := map[string]file{}
	var links diag.List
	for i := range c {
		t := &c[i]
		if e := t.linkError(dir); e != nil {
			links = append(links, e)
			continue
		}
		err := fs.WalkDir(t.FS, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || content.Hidden(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if e := t.linkError(p); e != nil {
					links = append(links, e)
					return nil
				}
			}
			if _, ok := out[p]; !ok {
				out[p] = file{rel: p, layer: t}
			}
			return nil
		})
		if err != nil {
			return nil, links, err
		}
	}
	return out, links, nil
}

// Folders are the chain's theme folders on disk, which a watcher watches.
func (c Chain) Folders() []string {
	var dirs []string
	for _, t := range c {
		if t.OnDisk != "" {
			dirs = append(dirs, t.OnDisk)
		}
	}
	return dirs
}

// ExtendsHint is what to add to a message about something the chain
// lacks when its last theme extends no other, such as a site's theme
// without a theme.yaml: "" when the chain ends in the default theme.
func (c Chain) ExtendsHint() string {
	if len(c) == 0 || c[len(c)-1].Name == "default" {
		return ""
	}
	last := c[len(c)-1]
	return fmt.Sprintf(" (%s extends no other theme: to build on the default theme, put extends: default in %s/theme.yaml)", last.Dir, last.Dir)
}
