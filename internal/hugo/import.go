package hugo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/site"
)

// themeName is the theme an import makes: it extends the default theme and
// holds the Hugo site's shortcode templates.
const themeName = "imported"

// ThemeName is the name of the theme an import writes into the new site.
const ThemeName = themeName

const themeYAML = `# The theme of this site, made by mutual import hugo. It changes only what it
# holds; everything else comes from mutual's built-in default theme.
# layouts/shortcodes/ holds the Hugo site's own shortcode templates. To change
# a layout, partial or shortcode, copy the default theme's into layouts/ here
# with ` + "`mutual new layout NAME`" + ` (such as page.html or partials/footer.html;
# with no NAME it lists them) and edit the copy; static/css/custom.css here is
# loaded after the default styles.
name: ` + themeName + `
description: The site imported from Hugo, on top of the default theme.
extends: default
`

const gitignore = "# The built site; `mutual build` writes it.\n/public/\n"

// Report is what an import did, for the person who ran it.
type Report struct {
	Src, Dest string
	// ConfigFiles are the Hugo configuration files read, in merge order.
	ConfigFiles []string
	// Converted says what of the configuration went into site.yaml.
	Converted []string
	// BaseURLMissing is true when site.yaml's baseURL is a stand-in.
	BaseURLMissing bool
	// ContentDir is the Hugo site's content folder (content, or contentDir).
	ContentDir string
	// LanguageDirs are the content folders of other languages and where
	// each went: "content/de/ -> content/de/".
	LanguageDirs []string
	// Pages are the Markdown files of content/ (Sections of them
	// _index.md), Files its other files; Static the files copied into
	// static/.
	Pages, Sections, Files, Static int
	// Templates are the shortcode templates copied into the theme.
	Templates []string
	// Shortcodes are the shortcodes the pages call, by name, and
	// PagesWithShortcodes how many pages call any.
	Shortcodes          []Shortcode
	PagesWithShortcodes int
	// Ignored are the configuration keys with no place in a mutual site,
	// each at its position in the Hugo site, with why.
	Ignored diag.List
	// Skipped are the files not copied, with why, and content files mutual
	// does not render as pages.
	Skipped diag.List
	// NotCopied are the Hugo site's folders that an import leaves behind.
	NotCopied []string
	// Aliases is how many pages got their Hugo address as an alias (one
	// each), AliasNotes the pages whose address changed and got none, with
	// why.
	Aliases    int
	AliasNotes diag.List
	// Problems and Warnings are what mutual check found in the new site;
	// CheckFailed is set when the check itself could not run; Checked
	// when it ran.
	Checked     bool
	Problems    diag.List
	Warnings    diag.List
	CheckFailed error
}

// Import converts the Hugo site in src into a new mutual site in dest,
// then checks the new site. It reads src and never writes into it. dest
// must be a new or empty folder, and neither folder may hold the other.
// Configuration errors are a diag.List, positioned in src; nothing is
// written when any step before the copy fails, and a copy that fails
// halfway is removed.
func Import(src, dest string) (*Report, error) {
	r, err := convertSite(src, dest)
	if err != nil {
		return nil, err
	}
	// The check, as mutual check -s DEST runs it.
	b := site.New(site.Options{Dir: dest})
	if err := b.Check(); err != nil {
		var list diag.List
		if errors.As(err, &list) {
			r.Problems = list
		} else {
			r.CheckFailed = err
		}
	}
	r.Warnings = b.Warnings()
	r.Checked = true
	return r, nil
}

// convertSite is Import without the check.
func convertSite(src, dest string) (*Report, error) {
	if strings.TrimSpace(src) == "" || strings.TrimSpace(dest) == "" {
		return nil, errors.New("name both folders: mutual import hugo SRC DEST")
	}
	st, err := os.Stat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s does not exist: name the folder of the Hugo site", src)
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("%s is a file: name the folder of the Hugo site", src)
	}
	srcReal, err := realPath(src)
	if err != nil {
		return nil, err
	}
	destReal, err := realPath(dest)
	if err != nil {
		return nil, err
	}
	switch {
	case destReal == srcReal:
		return nil, fmt.Errorf("%s is the Hugo site itself: the new site needs a folder of its own, outside the Hugo site", dest)
	case within(destReal, srcReal):
		return nil, fmt.Errorf("%s is inside the Hugo site %s: an import never writes into the Hugo site; choose a folder outside it", dest, src)
	case within(srcReal, destReal):
		return nil, fmt.Errorf("%s holds the Hugo site %s: choose a new or empty folder outside it", dest, src)
	}
	destExists := false
	if st, err := os.Stat(destReal); err == nil {
		if !st.IsDir() {
			return nil, fmt.Errorf("%s is a file: the new site needs a new or empty folder", dest)
		}
		ents, err := os.ReadDir(destReal)
		if err != nil {
			return nil, err
		}
		if len(ents) > 0 {
			return nil, fmt.Errorf("%s is not empty: an import writes a new site only into a new or empty folder", dest)
		}
		destExists = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}

	h, ok, err := loadConfig(srcReal)
	if !ok {
		return nil, fmt.Errorf("%s is not a Hugo site: it has none of %s, nor a config/_default/ folder", src, strings.Join(rootConfigNames, ", "))
	}
	if err != nil {
		return nil, err
	}
	r := &Report{Src: src, Dest: dest, ConfigFiles: h.files}

	// Everything to copy, found before anything is written.
	contentDir, staticDirs := siteFolders(h.root)
	r.ContentDir = contentDir.path
	p := &plan{src: srcReal, byDest: map[string]string{}}
	var errs diag.List
	langs := siteLanguages(h.root, defaultLangCode(h.root), func(pos, string, ...any) {})
	langDirs := languageFolders(langs, contentDir)
	// A language's folder inside the default language's (content/de in
	// content) is copied once, as that language's tree.
	var nested []string
	for _, ld := range langDirs {
		if sub, ok := nestedIn(ld.dir.path, contentDir.path); ok {
			nested = append(nested, sub+"/")
		}
	}
	errs.Append(p.addTree(contentDir, "content", func(sub string) (string, bool) {
		for _, n := range nested {
			if strings.HasPrefix(sub, n) {
				return "", false
			}
		}
		return sub, true
	}))
	for _, ld := range langDirs {
		errs.Append(p.addTree(ld.dir, ld.to, nil))
		r.LanguageDirs = append(r.LanguageDirs, path.Clean(ld.dir.path)+"/ -> "+ld.to+"/")
	}
	for _, sd := range staticDirs {
		errs.Append(p.addTree(sd, "static", nil))
	}
	templatesAt := len(p.copies)
	for _, dir := range shortcodeFolders {
		errs.Append(p.addTree(folder{path: dir}, "themes/"+themeName+"/layouts/shortcodes", func(sub string) (string, bool) {
			name, ok := templateName(sub)
			if !ok {
				p.skipped.Add(path.Join(dir, sub), 0, 0, "not copied: a mutual shortcode is one NAME.html template, for every page and language, and its NAME is letters, digits, -, _ and / (a folder)")
				return "", false
			}
			return name + ".html", true
		}))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, name := range content.ConfigPaths {
		if rel, ok := p.byDest[name]; ok {
			return nil, diag.List{{Path: rel, Msg: "the new site keeps its configuration at " + name + ", so this content file cannot be copied there: rename or move it in a copy of the Hugo site, then import the copy"}}
		}
	}

	index := map[string]string{}
	var pages []fileCopy
	copied := map[string]bool{}
	for i, c := range p.copies {
		switch {
		case i >= templatesAt:
			name := strings.TrimSuffix(strings.TrimPrefix(c.to, "themes/"+themeName+"/layouts/shortcodes/"), ".html")
			copied[name] = true
			r.Templates = append(r.Templates, name)
		case strings.HasPrefix(c.to, "content/"):
			rel := strings.TrimPrefix(c.to, "content/")
			index[strings.ToLower(rel)] = rel
			if strings.HasSuffix(rel, ".md") {
				pages = append(pages, c)
				r.Pages++
				if path.Base(rel) == "_index.md" {
					r.Sections++
				}
			} else {
				r.Files++
				if why, ok := otherFormats[strings.ToLower(path.Ext(rel))]; ok {
					p.skipped.Add(c.to, 0, 0, "%s", why)
				}
			}
		default:
			r.Static++
		}
	}
	slices.Sort(r.Templates)

	conv := convert(h, titleFromName(filepath.Base(srcReal)), index)
	r.Converted = conv.used
	r.BaseURLMissing = conv.cfg.BaseURLComment != ""
	r.Ignored = conv.ignored
	builtIn, err := builtInNames()
	if err != nil {
		return nil, err
	}
	r.Shortcodes, r.PagesWithShortcodes = scanShortcodes(pages, builtIn, copied, hugoThemeTemplate(srcReal, conv.hugoThemes))
	r.NotCopied = leftBehind(srcReal, contentDir, staticDirs)
	p.skipped.Sort()
	r.Skipped = p.skipped

	// The pages' Hugo addresses, as aliases where they changed.
	siteData := siteYAML(conv.cfg, h.files)
	newCfg, cerrs := content.ParseConfig(siteData)
	if len(cerrs) > 0 {
		return nil, fmt.Errorf("the site.yaml the import wrote does not read back: %v", cerrs)
	}
	hugoLangs := make([]i18n.Code, len(langs))
	for i, l := range langs {
		hugoLangs[i] = i18n.Code(l.code)
	}
	aliases := planAliases(pages, aliasSite{hugoLangs: hugoLangs, siteLangs: newCfg.Langs(), inSubdir: conv.inSubdir, keepCase: !newCfg.LowercaseURLs, rules: conv.permalinks, langRules: conv.langPermalinks, ugly: conv.ugly, dates: conv.dateSources, noAccents: conv.noAccents})
	r.Aliases, r.AliasNotes = aliases.count, aliases.notes

	// Write the new site.
	if err := os.MkdirAll(destReal, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(destReal)
	if err != nil {
		return nil, err
	}
	w := &written{root: root, made: !destExists, dir: destReal}
	for _, c := range p.copies {
		var err error
		if data, ok := aliases.data[c.to]; ok {
			err = w.writeFile(c.to, data)
		} else {
			err = w.copyFile(c)
		}
		if err != nil {
			w.undo()
			return nil, fmt.Errorf("%v; nothing was kept in %s", err, dest)
		}
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{content.ConfigPath, siteData},
		{"themes/" + themeName + "/theme.yaml", []byte(themeYAML)},
		{".gitignore", []byte(gitignore)},
	} {
		if err := w.writeFile(f.name, f.data); err != nil {
			w.undo()
			return nil, fmt.Errorf("%v; nothing was kept in %s", err, dest)
		}
	}
	root.Close()
	return r, nil
}

// otherFormats are content files Hugo renders as pages and mutual copies
// as files, and what to do.
var otherFormats = map[string]string{
	".markdown": "Hugo renders .markdown files as pages; mutual renders .md files only, and publishes this one as a file: rename it to .md",
	".mdown":    "Hugo renders .mdown files as pages; mutual renders .md files only, and publishes this one as a file: rename it to .md",
	".mkd":      "Hugo renders .mkd files as pages; mutual renders .md files only, and publishes this one as a file: rename it to .md",
	".mkdn":     "Hugo renders .mkdn files as pages; mutual renders .md files only, and publishes this one as a file: rename it to .md",
	".org":      "Hugo renders Org files as pages; mutual renders Markdown (.md) only, and publishes this one as a file",
	".adoc":     "Hugo renders AsciiDoc files as pages (with an external program); mutual renders Markdown (.md) only, and publishes this one as a file",
	".asciidoc": "Hugo renders AsciiDoc files as pages (with an external program); mutual renders Markdown (.md) only, and publishes this one as a file",
	".rst":      "Hugo renders reStructuredText files as pages (with an external program); mutual renders Markdown (.md) only, and publishes this one as a file",
	".pandoc":   "Hugo renders Pandoc files as pages (with an external program); mutual renders Markdown (.md) only, and publishes this one as a file",
	".pdc":      "Hugo renders Pandoc files as pages (with an external program); mutual renders Markdown (.md) only, and publishes this one as a file",
	".html":     "Hugo renders HTML content files as pages in its layouts; mutual publishes them as files, as they are, and only when site.yaml says trustHTML: true (see the README's Security section)",
	".htm":      "Hugo renders HTML content files as pages in its layouts; mutual publishes them as files, as they are, and only when site.yaml says trustHTML: true (see the README's Security section)",
}

// leftBehind lists the Hugo site's folders that an import does not copy,
// with what they held, in words.
func leftBehind(src string, contentDir folder, staticDirs []folder) []string {
	var out []string
	count := func(dir string, skip func(rel string) bool) int {
		n := 0
		filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel := relTo(src, p)
			if d.IsDir() {
				if skip != nil && skip(rel) {
					return filepath.SkipDir
				}
				return nil
			}
			n++
			return nil
		})
		return n
	}
	// Folders that are copied, when they sit inside one that is not.
	copiedDir := func(rel string) bool {
		return rel == path.Clean(contentDir.path) || slices.ContainsFunc(staticDirs, func(f folder) bool { return rel == path.Clean(f.path) })
	}
	if n := count("layouts", func(rel string) bool { return slices.Contains(shortcodeFolders, rel) || copiedDir(rel) }); n > 0 {
		out = append(out, fmt.Sprintf("layouts/: %d %s besides the shortcodes (mutual's themes have layouts of their own: see the README's Themes section)", n, plural(n, "template", "templates")))
	}
	why := []struct{ dir, what string }{
		{"themes", "the Hugo themes"},
		{"assets", "Hugo Pipes assets"},
		{"data", "data files"},
		{"i18n", "translations of the Hugo theme's texts"},
		{"archetypes", "starter pages of hugo new"},
		{"resources", "Hugo's generated resources"},
	}
	for _, w := range why {
		if w.dir == contentDir.path || slices.ContainsFunc(staticDirs, func(f folder) bool { return f.path == w.dir }) {
			continue
		}
		if n := count(w.dir, copiedDir); n > 0 {
			out = append(out, fmt.Sprintf("%s/: %s (%d %s)", w.dir, w.what, n, plural(n, "file", "files")))
		}
	}
	return out
}
