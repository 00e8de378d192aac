package scaffold

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"mutual/internal/diag"
	"mutual/themes"
)

// NewLayout copies the default theme's layout, partial or shortcode
// template name (a path under layouts/: "page.html",
// "partials/footer.html", "shortcodes/hint.html") into the layouts/ of the
// site's own theme (site.yaml's theme, themes/<name>/ in the site
// folder), where it replaces the default theme's for that site and can
// be edited: the default theme is built into the binary, so a counselor
// has no other copy of it. It returns the path it wrote. It never
// overwrites a file, never writes through a symbolic link that leads out
// of the site folder, and refuses a site that uses the built-in default
// theme directly (its copy needs a theme of the site's own). An unknown
// name is an error listing the names there are, with a hint.
func NewLayout(siteDir, name string) (string, error) {
	names := LayoutNames()
	clean := path.Clean(strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(name)), "/"))
	for _, p := range []string{"themes/default/layouts/", "themes/default/", "layouts/"} {
		clean = strings.TrimPrefix(clean, p)
	}
	if name == "" || !slices.Contains(names, clean) {
		hint := diag.Hint(clean, names)
		for _, dir := range []string{"partials/", "shortcodes/"} {
			if slices.Contains(names, dir+clean) {
				hint = fmt.Sprintf(" (did you mean %q?)", dir+clean)
			}
		}
		what := fmt.Sprintf("the default theme has no layout %q%s", name, hint)
		if name == "" {
			what = "name the layout to copy"
		}
		return "", fmt.Errorf("%s: the names are %s", what, strings.Join(names, ", "))
	}
	cfg, err := siteConfig(siteDir)
	if err != nil {
		return "", err
	}
	cfgName := cfg.Path
	theme := cfg.Theme
	dir := "themes/" + theme
	if st, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(dir))); err != nil || !st.IsDir() {
		if theme == "default" {
			return "", fmt.Errorf("the site uses the built-in default theme, which lives in the mutual program: a copy of a layout goes in a theme of the site's own. Make themes/brand/ with a theme.yaml that says extends: default, set theme: brand in %s, and run this again", cfgName)
		}
		return "", fmt.Errorf("%s names the theme %q, and %s/ does not exist: create it (with a theme.yaml that says extends: default) first", cfgName, theme, dir)
	}
	data, err := fs.ReadFile(themes.Default(), "layouts/"+clean)
	if err != nil {
		return "", err
	}
	rel := dir + "/layouts/" + clean
	if link, target, ok := linkOutOf(siteDir, rel); ok {
		return "", fmt.Errorf("%s is a symbolic link to %s, which is outside the site folder: mutual new does not write through it (a theme shared by several sites is changed in its own folder)", link, target)
	}
	return writeInSite(siteDir, rel, data)
}

// LayoutNames are the layouts, partials and shortcode templates of the
// default theme, as paths under layouts/, sorted: what NewLayout copies.
func LayoutNames() []string {
	var names []string
	fs.WalkDir(themes.Default(), "layouts", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, strings.TrimPrefix(p, "layouts/"))
		}
		return nil
	})
	slices.Sort(names)
	return names
}
