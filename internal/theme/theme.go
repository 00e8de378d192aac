package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
	"mutual/themes"
)

// theme is one theme of the chain: the site's own themes/<name>/ folder on
// disk, or the embedded default.
//
// A theme on disk may be a symbolic link to a folder elsewhere (a theme
// shared by several sites); its files, and the links among them, must stay
// inside the folder it resolves to: a link that leads out of it is an
// error, and is not read.
type theme struct {
	name   string
	dir    string // site-relative folder for messages: "themes/default"
	fsys   fs.FS
	onDisk string // absolute folder when read from disk, "" when embedded
	real   string // onDisk with symbolic links resolved
}

// loadThemes resolves the chain for name, child first. A theme folder in
// the site wins over the embedded default of the same name.
func loadThemes(siteDir, name string, line, col int) ([]theme, diag.List) {
	var errs diag.List
	var chain []theme
	seen := map[string]bool{}
	for name != "" {
		if seen[name] {
			errs.Add(chain[len(chain)-1].dir+"/theme.yaml", line, col, "themes extend each other in a loop: %q", name)
			break
		}
		seen[name] = true
		if !validSlug(name) {
			errs.Add(ConfigPath, line, col, "theme name %q may only hold letters, digits, '-' and '_'", name)
			break
		}
		t := theme{name: name, dir: "themes/" + name}
		abs := filepath.Join(siteDir, "themes", name)
		if st, err := os.Stat(abs); err == nil && st.IsDir() {
			t.fsys, t.onDisk = os.DirFS(abs), abs
			if t.real, err = filepath.EvalSymlinks(abs); err != nil {
				t.real = abs
			}
		} else if name == "default" {
			t.fsys = themes.Default()
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
			from := ConfigPath
			if len(chain) > 0 {
				from, line, col = chain[len(chain)-1].dir+"/theme.yaml", 1, 1
			}
			errs.Add(from, line, col, "unknown theme %q: no folder themes/%s%s", name, name, diag.Hint(name, known))
			break
		}
		chain = append(chain, t)
		name = ""
		if e := t.linkError("theme.yaml"); e != nil {
			errs = append(errs, e)
			continue
		}
		src, err := readLimited(t.fsys, "theme.yaml", maxConfigSize, "file")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			errs.Add(t.dir+"/theme.yaml", 0, 0, "%s", readError(err))
			continue
		}
		y := &yamlFile{path: t.dir + "/theme.yaml", errs: &errs}
		if root := y.parse(src); root != nil {
			y.fields(root, "theme.yaml", []string{"name", "description", "extends"}, nil, func(key string, k, v *yaml.Node) {
				if key == "extends" {
					name = y.str(key, v)
					line, col = v.Line, v.Column
				}
			})
		}
	}
	return chain, errs
}

// themeFile is a file found in the chain: which theme has it.
type themeFile struct {
	rel   string // path within the theme: "layouts/page.html"
	theme *theme
}

// path is the site-relative path for messages.
func (f themeFile) path() string { return f.theme.dir + "/" + f.rel }

// linkError is the error for rel, a path in the theme, when it is a
// symbolic link that leads out of the theme's folder, or nil.
func (t *theme) linkError(rel string) *diag.Error {
	if t.onDisk == "" {
		return nil
	}
	p := filepath.Join(t.onDisk, filepath.FromSlash(rel))
	if st, err := os.Lstat(p); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	if target, out := linkOutside(p, t.real); out {
		return diag.Errorf(t.dir+"/"+rel, 0, 0, "symbolic link to %s, which is outside the theme's folder %s: copy what it points to into the theme instead", target, t.dir)
	}
	return nil
}

// files lists the files under dir across the chain; a child's file hides
// the parent's file at the same path. The result is sorted by path.
// Symbolic links that lead out of their theme's folder are left out and
// reported.
func themeFiles(chain []theme, dir string) (map[string]themeFile, diag.List, error) {
	out := map[string]themeFile{}
	var links diag.List
	for i := range chain {
		t := &chain[i]
		if e := t.linkError(dir); e != nil {
			links = append(links, e)
			continue
		}
		err := fs.WalkDir(t.fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || hiddenName(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if e := t.linkError(p); e != nil {
					links = append(links, e)
					return nil
				}
			}
			if _, ok := out[p]; !ok {
				out[p] = themeFile{rel: p, theme: t}
			}
			return nil
		})
		if err != nil {
			return nil, links, err
		}
	}
	return out, links, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// hiddenName reports files that are never content or theme files: dot
// files and editors' backup and swap files.
func hiddenName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || name == "4913"
}

// asset is one file of the output that templates link to by name.
type asset struct {
	name string // logical name: "css/main.css"
	out  string // output path: "css/main.1a2b3c4d5e.css"
	data []byte
	from string // what it is, for messages: "themes/default/static/css/main.css"
}

// fingerprinted reports the files whose output name carries a content hash,
// so browsers may cache them forever.
func fingerprinted(name string) bool {
	switch path.Ext(name) {
	case ".css", ".js", ".wasm":
		return true
	}
	return false
}

func newAsset(name string, data []byte) *asset {
	a := &asset{name: name, out: name, data: data}
	if fingerprinted(name) {
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		a.out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	}
	return a
}

// layoutKinds are the page kinds and their layout files.
var layoutKinds = []string{"home", "section", "page", "worksheet", "tags", "tag", "404"}

// templateSet holds one parsed template per page kind, each made of
// base.html, every partial and the kind's own layout.
type templateSet struct {
	kinds   map[string]*template.Template
	broken  bool              // a layout failed to parse: its error is reported already
	sources map[string]string // template name -> site-relative file, for messages
	hash    []byte            // of every layout's bytes, for incremental builds
}

func layoutName(kind string) string { return kind + ".html" }

// parseTemplates parses the chain's layouts with funcs. Kinds whose layout
// is missing are absent from the set; using one is an error at that time.
func parseTemplates(chain []theme, funcs template.FuncMap) (*templateSet, diag.List) {
	files, errs, err := themeFiles(chain, "layouts")
	if err != nil {
		errs.Add("themes", 0, 0, "cannot read layouts: %v", err)
		return nil, errs
	}
	ts := &templateSet{kinds: map[string]*template.Template{}, sources: map[string]string{}}
	h := sha256.New()
	srcs := map[string][]byte{}
	for _, p := range sortedKeys(files) {
		f := files[p]
		b, err := readLimited(f.theme.fsys, p, maxLayoutSize, "layout")
		if err != nil {
			errs.Add(f.path(), 0, 0, "%s", readError(err))
			continue
		}
		name := strings.TrimPrefix(p, "layouts/")
		srcs[name] = b
		ts.sources[name] = f.path()
		fmt.Fprintf(h, "%s\x00%d\x00", f.path(), len(b))
		h.Write(b)
	}
	ts.hash = h.Sum(nil)
	base, ok := srcs["base.html"]
	if !ok {
		errs.Add(chain[0].dir+"/layouts", 0, 0, "the theme chain has no layouts/base.html")
		return ts, errs
	}
	var partials []string
	for name := range srcs {
		if strings.HasPrefix(name, "partials/") {
			partials = append(partials, name)
		}
	}
	sort.Strings(partials)
	root := template.New("base.html").Funcs(partialFuncs).Funcs(funcs)
	if _, err := root.Parse(string(base)); err != nil {
		errs.Append(ts.templateError(err))
		return ts, errs
	}
	for _, name := range partials {
		if _, err := root.New(name).Parse(string(srcs[name])); err != nil {
			errs.Append(ts.templateError(err))
		}
	}
	if len(errs) > 0 {
		return ts, errs
	}
	for _, kind := range layoutKinds {
		src, ok := srcs[layoutName(kind)]
		if !ok {
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(layoutName(kind)).Parse(string(src))
		}
		if err != nil {
			errs.Append(ts.templateError(err))
			ts.broken = true
			continue
		}
		ts.kinds[kind] = t
	}
	seen := map[string]bool{}
	for _, kind := range sortedKeys(ts.kinds) {
		for _, e := range ts.checkPartials(ts.kinds[kind]) {
			if !seen[e.Error()] {
				seen[e.Error()] = true
				errs.Append(e)
			}
		}
	}
	if len(errs) > 0 {
		ts.broken = true
		return ts, errs
	}
	ts.bindPartials()
	return ts, errs
}

// templateLoc is a position as text/template writes it: "name:line" or
// "name:line:col", the column counted from 0.
const templateLoc = `([^:]+):(\d+)(?::(\d+))?`

var (
	templateErrRE = regexp.MustCompile(`^template: ` + templateLoc + `: ?(.*)$`)
	templateLocRE = regexp.MustCompile(`^` + templateLoc + `$`)
)

// templateError turns an html/template error into a positioned error
// naming the theme file.
func (ts *templateSet) templateError(err error) *diag.Error {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		return ts.errorAt(m[1], m[2], m[3], "template: "+m[4])
	}
	return &diag.Error{Path: "themes", Msg: "template: " + strings.TrimPrefix(msg, "template: ")}
}

// errorAt is msg at a text/template position (line and col as written
// there, col possibly empty) in the theme file that holds template name.
func (ts *templateSet) errorAt(name, line, col, msg string) *diag.Error {
	l, _ := strconv.Atoi(line)
	c, _ := strconv.Atoi(col)
	if col != "" {
		c++ // text/template counts columns from 0; editors from 1
	}
	p := ts.sources[name]
	if p == "" {
		p = name
	}
	return &diag.Error{Path: p, Line: l, Col: c, Msg: msg}
}

// execute renders page with its kind's layout.
func (ts *templateSet) execute(w *bytes.Buffer, p *Page) *diag.Error {
	t, ok := ts.kinds[p.Kind]
	if !ok && ts.broken {
		return nil
	}
	if !ok {
		return &diag.Error{Path: "themes", Msg: fmt.Sprintf("the theme chain has no layouts/%s for %s pages", layoutName(p.Kind), p.Kind)}
	}
	if err := t.ExecuteTemplate(w, "base.html", p); err != nil {
		return ts.templateError(err)
	}
	return nil
}
