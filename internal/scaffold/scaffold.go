// Package scaffold writes the files of `mutual init` and `mutual new`: a new
// site that builds at once, commented starter guides and worksheets, and
// the start of a translation (NewTranslation: a draft copy of the original
// beside it, with a note on what to translate; it reads the site's
// languages through package content).
//
// A new site holds content/ (site.yaml, a home page, a guides section with
// one guide, a worksheets section with one worksheet) and a theme,
// themes/brand, that extends the built-in default theme with a single
// stylesheet, static/css/custom.css, which the default theme loads last. The
// default theme itself is embedded in the mutual binary and is not copied.
//
// NewLayout copies one of the default theme's layouts, partials or
// shortcode templates into the site's own theme, for editing: the default
// theme is embedded in the binary, so that is the counselor's one way to
// its files.
//
// Nothing here overwrites a file: Init refuses a folder that is not empty,
// NewGuide, NewWorksheet, NewTranslation and NewLayout refuse a file that
// exists.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

//go:embed all:site
var siteFiles embed.FS

// SchemaPath is where a build writes the worksheet JSON Schema, relative to
// the output folder; editors find it through the starter's schema line.
const SchemaPath = "schema/worksheet.json"

// now is the clock for the dates in starter files; tests fix it.
var now = time.Now

// Init creates a new site in dir, which must be empty or not exist yet.
func Init(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return errors.New("no folder given: name the new site's folder, such as mutual init my-site")
	}
	ents, err := os.ReadDir(dir)
	switch {
	case err == nil && len(ents) > 0:
		return fmt.Errorf("%s is not empty: choose a new folder for the site", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	title := titleFromName(filepath.Base(abs))
	if title == "" {
		title = "My site"
	}
	sub, err := fs.Sub(siteFiles, "site")
	if err != nil {
		return err
	}
	return fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		switch p {
		case "gitignore": // embed would drop a dot-file name
			target = filepath.Join(dir, ".gitignore")
		case "content/site.yaml":
			data = []byte(strings.Replace(string(data), "{{title}}", strconv.Quote(title), 1))
		}
		return writeNew(target, data)
	})
}

// NewGuide writes a starter guide at content/<rel> in the site folder and
// returns the path it wrote. rel must end in .md and stay inside content/.
func NewGuide(siteDir, rel string) (string, error) {
	clean, err := contentPath(rel, ".md", "guide")
	if err != nil {
		return "", err
	}
	title := titleFromName(strings.TrimSuffix(path.Base(clean), ".md"))
	if path.Base(clean) == "_index.md" {
		title = titleFromName(path.Base(path.Dir(clean)))
	}
	if title == "" {
		title = "Untitled"
	}
	body := fmt.Sprintf(guideStarter, strconv.Quote(title), now().Format("2006-01-02"))
	return create(siteDir, clean, body)
}

// NewWorksheet writes a starter worksheet at content/<rel> in the site
// folder and returns the path it wrote. rel must end in .yaml (or .yml)
// and lie in worksheets/. Its first line points editors at the JSON Schema a build
// writes to public/schema/worksheet.json.
func NewWorksheet(siteDir, rel string) (string, error) {
	clean, err := contentPath(rel, ".yaml", "worksheet", ".yml")
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(clean, "worksheets/") {
		return "", fmt.Errorf("worksheets live in content/worksheets/: use %q", "worksheets/"+path.Base(clean))
	}
	// From the new file's folder to <site>/public/schema/worksheet.json.
	up := strings.Repeat("../", strings.Count(clean, "/")+1)
	schema := up + "public/" + SchemaPath
	title := titleFromName(strings.TrimSuffix(path.Base(clean), path.Ext(clean)))
	if title == "" {
		title = "Untitled"
	}
	body := fmt.Sprintf(worksheetStarter, schema, strconv.Quote(title))
	return create(siteDir, clean, body)
}

// contentPath checks a path relative to content/ and returns it cleaned,
// with forward slashes. It must end in ext, or one of also.
func contentPath(rel, ext, kind string, also ...string) (string, error) {
	if rel == "" {
		return "", fmt.Errorf("missing path: give the %s's path inside content/, such as %q", kind, exampleFor(ext))
	}
	slash := filepath.ToSlash(rel)
	if strings.HasPrefix(slash, "content/") {
		return "", fmt.Errorf("path %q starts with content/: paths are relative to content/ already, use %q", rel, strings.TrimPrefix(slash, "content/"))
	}
	if path.IsAbs(slash) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return "", fmt.Errorf("path %q is absolute: give a path inside content/, such as %q", rel, exampleFor(ext))
	}
	clean := path.Clean(slash)
	if clean == ".." || strings.HasPrefix(clean, "../") || !fs.ValidPath(clean) || clean == "." {
		return "", fmt.Errorf("path %q leaves content/: give a path inside it, such as %q", rel, exampleFor(ext))
	}
	if got := path.Ext(clean); got != ext && !slices.Contains(also, got) {
		if got == "" {
			return "", fmt.Errorf("path %q has no extension: a %s file ends in %s", rel, kind, ext)
		}
		return "", fmt.Errorf("path %q ends in %s: a %s file ends in %s", rel, got, kind, ext)
	}
	for _, seg := range strings.Split(clean, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", fmt.Errorf("path %q has a hidden name %q: the build skips those", rel, seg)
		}
	}
	if clean == "site.yaml" || clean == "site.yml" {
		return "", fmt.Errorf("content/%s is the site's configuration, not a %s", clean, kind)
	}
	return clean, nil
}

func exampleFor(ext string) string {
	if ext == ".md" {
		return "guides/listening.md"
	}
	return "worksheets/weekly-check.yaml"
}

// create writes body at content/<clean> in siteDir, refusing to overwrite,
// and refusing to write through a symbolic link that leads out of the site
// folder: the file and the folders made for it stay inside the site.
func create(siteDir, clean, body string) (string, error) {
	if st, err := os.Stat(filepath.Join(siteDir, "content")); err != nil || !st.IsDir() {
		return "", fmt.Errorf("%s has no content/ folder: is it a site? (create one with mutual init, or pick one with -s DIR)", siteDir)
	}
	rel := "content/" + clean
	if link, target, ok := linkOutOf(siteDir, rel); ok {
		return "", fmt.Errorf("%s is a symbolic link to %s, which is outside the site folder: mutual new does not write through it", link, target)
	}
	return writeInSite(siteDir, rel, []byte(body))
}

// writeInSite writes data at the slash path rel inside siteDir, making its
// folders, refusing to overwrite; the caller has checked rel for links
// out of the site.
func writeInSite(siteDir, rel string, data []byte) (string, error) {
	// os.Root refuses any path that leaves siteDir, links included, should
	// one change after the check.
	root, err := os.OpenRoot(siteDir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	if err := root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return "", err
	}
	target := filepath.Join(siteDir, filepath.FromSlash(rel))
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: not overwriting it", target)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return target, nil
}

// linkOutOf finds, along the slash path rel inside dir, the first part
// that is a symbolic link leading out of dir, and returns it (as a path
// under dir) and its target.
func linkOutOf(dir, rel string) (string, string, bool) {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", "", false
	}
	cur := dir
	for _, part := range strings.Split(rel, "/") {
		cur = filepath.Join(cur, part)
		st, err := os.Lstat(cur)
		if err != nil {
			return "", "", false // not there yet: made inside
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := filepath.EvalSymlinks(cur)
		if err != nil {
			target, _ = os.Readlink(cur)
			return cur, target, true // a link to nowhere: writing would create its target
		}
		if target != realDir && !strings.HasPrefix(target, realDir+string(filepath.Separator)) {
			return cur, target, true
		}
	}
	return "", "", false
}

// writeNew creates a file that must not exist yet.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: not overwriting it", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// titleFromName makes a readable title of a file or folder name:
// "asking-for-help" becomes "Asking for help".
func titleFromName(name string) string {
	name = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return ""
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
