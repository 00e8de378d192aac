// Package hugo is `mutual import hugo SRC DEST`: it turns a Hugo site into
// a new mutual site, then checks it and reports what it did. The content
// moves over unchanged, because mutual's engine reads Hugo's front matter
// and shortcodes itself; what this package converts is what lives outside
// the content: the configuration and the site's own shortcode templates.
//
// # What it reads, and how
//
// The Hugo site is only read. Every file is found by a walk that does not
// follow symbolic links; a link is followed only to a file inside the site
// (a link that leads out is left behind and named in the report), and no
// folder named by the configuration (contentDir, staticDir) may lead out of
// it. Version control folders are skipped.
//
// The configuration is read as `hugo` (a production build) reads it: the
// first of hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml,
// config.yaml, config.yml, config.json (rootConfigNames), then every file of
// config/_default/ and config/production/, merged in path order over it. A
// file of a configuration folder holds the key it is named after
// (params.toml is params), a language code before the extension puts it
// under that language (menus.en.toml is languages.en.menus), tables merge
// key by key and the later value wins, keys compare without case, and menu
// is the old name of menus (see loadConfig). The three formats go through
// yamldoc (ParseTOML, Parse, ParseJSON), mutual's one reader of them, into a
// small tree (tree.go) that keeps the position of every key, so that each
// error and each key left out is reported at its path:line:col in the Hugo
// site. A file that does not parse stops the import before anything is
// written; a YAML value that yamldoc refuses (an anchor, an alias) is left
// out and named, and the rest is read.
//
// # What it writes
//
// DEST must be new or empty and outside SRC, and SRC outside DEST, links
// resolved. Everything to copy is planned before the first write; the
// writes go through an os.Root on DEST, never replace a file, and a failure
// halfway removes what was written (DEST was empty, so all of it was the
// import's).
//
//   - content/ and static/: the Hugo site's content and static folders,
//     byte for byte, but for the aliases below.
//   - content/site.yaml: title, baseURL, language (languageCode, or
//     defaultContentLanguage), description (params.description), the main
//     menu (name and address; a pageRef becomes the content file it names,
//     so the build checks it like any link; Hugo's order, and each weight,
//     which places the pages' own menu entries among them), and
//     params as they are, written so that yamldoc.Value reads back the
//     values Hugo's file gave (quoted texts stay texts, numbers and
//     booleans stay plain), and lowercaseURLs: false for Hugo's
//     disablePathToLower. The default language's settings under
//     languages override the top level, as in Hugo. A missing title or
//     baseURL gets a stand-in and a comment saying what to write.
//   - languages, for a site with more than one enabled language
//     (languages.go): the default first, the others in Hugo's order, each
//     with its name, title, description, main menu and direction; a
//     language's own contentDir is copied to content/<code>/. Pages keep
//     their translationKey, which mutual pairs as Hugo does (the check
//     warns about the pairs it cannot make).
//   - aliases: a page whose address in Hugo differs from its new one
//     (permalinks, defaultContentLanguageInSubdir, uglyURLs,
//     removePathAccents, a name Hugo cleaned up) gets the Hugo one added
//     to its front matter's aliases, which mutual redirects from
//     (aliases.go, permalinks.go). This is the one change an import makes
//     to a page; the result is read back before it is written, and a page
//     it cannot be done for is named.
//   - themes/imported/: a theme that extends the default one, holding the
//     site's layouts/shortcodes/NAME.html (and layouts/_shortcodes/) as its
//     shortcode templates, which override built-in ones of the same name.
//   - .gitignore: the build's public/.
//
// Everything else of Hugo's configuration, and the folders an import
// leaves (themes/, layouts/ but the shortcodes, assets/, data/, i18n/,
// archetypes/), is listed in the report with why.
//
// # The report
//
// Import then runs the check (site.Builder.Check) on DEST. The shortcodes
// the pages call are found with the shortcode package's parser, the same
// that renders them, and each name is sorted by where its template comes
// from: the site's own (copied), mutual's default theme (built in), or
// nowhere (unknown: the build fails at each call), with the first call of
// each unknown one and a hint (the Hugo theme's template of that name, or
// what Hugo's own embedded shortcode did). Report.Write prints it all.
package hugo
