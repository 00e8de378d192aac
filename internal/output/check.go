package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Check refuses output folders a build must never replace, and returns
// out with symbolic links resolved: every check is made on the folders the
// paths really name, so that a link cannot lead a build into the site.
// siteDir is the site folder. (Whether a folder holds a previous build is
// checked once the build holds the output's lock: see Open.)
func Check(siteDir, out string) (string, error) {
	real, err := ResolveLinks(out)
	if err != nil {
		return "", fmt.Errorf("cannot use the output folder %s: %w", out, err)
	}
	dir, err := ResolveLinks(siteDir)
	if err != nil {
		dir = filepath.Clean(siteDir)
	}
	shown := out
	if shown != real {
		shown = out + " (a link to " + real + ")"
	}
	switch {
	case real == string(filepath.Separator) || real == filepath.VolumeName(real)+string(filepath.Separator):
		return "", fmt.Errorf("refusing to build into %s: choose an output folder of its own", shown)
	case real == dir:
		return "", fmt.Errorf("refusing to build into the site folder %s: choose an output folder such as %s", shown, filepath.Join(siteDir, "public"))
	case within(dir, real):
		return "", fmt.Errorf("refusing to build into %s: it holds the site folder", shown)
	}
	// The folders a build reads: content/ and static/ (whose files it
	// publishes: an output there would be published into the next
	// output), themes/ (each theme's static/ too) and i18n/.
	for _, name := range []string{"content", "static", "themes", "i18n"} {
		d, err := ResolveLinks(filepath.Join(dir, name))
		if err != nil {
			d = filepath.Join(dir, name)
		}
		if real == d || within(real, d) || real == filepath.Join(dir, name) || within(real, filepath.Join(dir, name)) {
			return "", fmt.Errorf("refusing to build into %s: it is inside the site's %s/ folder, which a build reads%s: choose an output folder outside it, such as %s", shown, name, readWhy[name], filepath.Join(siteDir, "public"))
		}
	}
	for _, name := range []string{"content", ".git"} {
		if _, err := os.Lstat(filepath.Join(real, name)); err == nil {
			return "", fmt.Errorf("refusing to build into %s: it holds %s/, so it looks like a site or a repository, not an output folder", shown, name)
		}
	}
	if st, err := os.Stat(real); err == nil && !st.IsDir() {
		return "", fmt.Errorf("refusing to build into %s: it is a file, not a folder; choose a folder with -o", shown)
	}
	// A folder inside another build's output (-o public/v2 beside the
	// site's public/): that build replaces its whole folder, so it would
	// refuse to, since it did not write this one, or this output would go
	// with it.
	for d := filepath.Dir(real); d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, MarkerFile)); err == nil {
			return "", fmt.Errorf("refusing to build into %s: it is inside %s, the output of another build (it holds %s), which a build there replaces whole: choose an output folder outside it", shown, d, MarkerFile)
		}
	}
	return real, nil
}

// readWhy says what a build does with the files of a site folder an
// output may not be in.
var readWhy = map[string]string{
	"content": " and publishes",
	"static":  " and publishes as they are",
	"themes":  " (each theme's static/ files it publishes)",
}

// within reports whether p lies inside the folder dir (both clean and
// absolute).
func within(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// ResolveLinks is the absolute path p names once every symbolic link in
// it is followed: the longest part of it that exists resolved, the rest
// (not yet made) appended. A link that leads nowhere is an error: building
// through it would make its target.
func ResolveLinks(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		if _, lerr := os.Lstat(cur); lerr == nil {
			return "", fmt.Errorf("%s is a symbolic link to a missing folder", cur)
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}
