package hugo

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"mutual/internal/diag"
)

// rootConfigNames are the configuration files Hugo looks for at the top of
// a site, in its order: the first that exists is the one it reads.
var rootConfigNames = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// environment is the configuration folder `hugo` (the build) merges over
// config/_default/; `hugo server` takes development instead.
const environment = "production"

// hugoConfig is a Hugo site's configuration, merged as Hugo merges it.
type hugoConfig struct {
	root  *node
	files []string // the files read, in merge order, relative to the site
	notes diag.List
}

// loadConfig reads the configuration of the Hugo site in src (a real
// path, links resolved): the root file (hugo.toml and the rest of
// rootConfigNames, first found), then every file of config/_default/ and
// config/production/ merged over it, as `hugo` does:
//
//   - a file named hugo.* or config.* holds top-level keys;
//   - any other file holds the key it is named after: params.toml is
//     params, menus.toml is menus, languages.toml is languages;
//   - a language code before the extension puts the file under that
//     language: menus.en.toml is languages.en.menus, params.fr.toml
//     languages.fr.params;
//   - files merge in the order of their paths, folder after folder, and a
//     table merges key by key: a later file's value wins;
//   - menu is the old name of menus.
//
// Other environment folders (config/development/, config/staging/...) are
// not read, and are named in the notes. ok is false when src has no Hugo
// configuration at all.
func loadConfig(src string) (cfg *hugoConfig, ok bool, err error) {
	cfg = &hugoConfig{root: &node{kind: table}}
	var errs diag.List
	read := func(rel string, under []string) {
		root, refused, err := readConfigFile(src, rel)
		for _, r := range refused {
			cfg.notes.Add(r.Path, r.Line, r.Col, "%s: left out", r.Msg)
		}
		if err != nil {
			errs.Append(err)
			return
		}
		cfg.files = append(cfg.files, rel)
		for i := len(under) - 1; i >= 0; i-- {
			root = &node{kind: table, entries: []*entry{{key: under[i], keyPos: root.pos, val: root}}, pos: root.pos}
		}
		renameMenu(root)
		merge(cfg.root, root)
	}
	for _, name := range rootConfigNames {
		if _, err := os.Lstat(filepath.Join(src, name)); err != nil {
			continue
		}
		if !ok {
			read(name, nil)
			ok = true
			continue
		}
		cfg.notes.Add(name, 0, 0, "not read: Hugo reads the first of %s that a site has, here %s", strings.Join(rootConfigNames, ", "), cfg.files[0])
	}
	dirs, err := os.ReadDir(filepath.Join(src, "config"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	var found bool
	for _, env := range []string{"_default", environment} {
		files, isDir, err := configDirFiles(src, "config/"+env)
		if err != nil {
			return nil, false, err
		}
		found = found || isDir
		for _, rel := range files {
			read(rel, configKeyPath(rel))
		}
	}
	ok = ok || found
	for _, d := range dirs {
		if d.IsDir() && d.Name() != "_default" && d.Name() != environment && !strings.HasPrefix(d.Name(), ".") {
			cfg.notes.Add("config/"+d.Name()+"/", 0, 0, "the configuration of Hugo's %q environment is not read: an import takes config/_default/ and config/%s/, as hugo builds a site", d.Name(), environment)
		}
	}
	if len(errs) > 0 {
		return nil, ok, errs
	}
	return cfg, ok, nil
}

// configDirFiles lists the configuration files under dir (relative to
// src, slash-separated), sorted by path as Hugo walks them. isDir is false
// when dir is not there.
func configDirFiles(src, dir string) (files []string, isDir bool, err error) {
	root := filepath.Join(src, filepath.FromSlash(dir))
	st, err := os.Lstat(root)
	if err != nil || !st.IsDir() {
		return nil, false, nil
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		switch ext(d.Name()) {
		case "toml", "yaml", "yml", "json":
			rel, _ := filepath.Rel(src, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(files)
	return files, true, err
}

// configKeyPath is where a file of a configuration folder goes in the
// configuration (nil: at the top).
func configKeyPath(rel string) []string {
	name := path.Base(rel)
	name = name[:len(name)-len(ext(name))-1]
	if name == "hugo" || name == "config" {
		return nil
	}
	key, lang := name, ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		key, lang = name[:i], name[i+1:]
	}
	if lang == "" {
		return []string{key}
	}
	switch strings.ToLower(key) {
	case "menu", "menus":
		return []string{"languages", lang, "menus"}
	case "params":
		return []string{"languages", lang, "params"}
	}
	return []string{"languages", lang}
}

// renameMenu renames menu, Hugo's old name for menus, at the top and in
// each language.
func renameMenu(root *node) {
	rename := func(t *node) {
		for _, e := range t.entries {
			if strings.EqualFold(e.key, "menu") {
				e.key = "menus"
			}
		}
	}
	rename(root)
	if langs := root.value("languages"); langs != nil && langs.kind == table {
		for _, l := range langs.entries {
			if l.val.kind == table {
				rename(l.val)
			}
		}
	}
}

// readConfigFile reads one configuration file of the site, refusing a
// symbolic link that leads out of it.
func readConfigFile(src, rel string) (*node, diag.List, error) {
	p := filepath.Join(src, filepath.FromSlash(rel))
	real, err := resolveInside(src, p)
	if err != nil {
		return nil, nil, &diag.Error{Path: rel, Msg: err.Error()}
	}
	data, err := readLimited(real, maxConfigSize)
	if err != nil {
		return nil, nil, &diag.Error{Path: rel, Msg: err.Error()}
	}
	return parseConfig(rel, data)
}
