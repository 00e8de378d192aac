// Package theme reads a site's theme chain and makes what its pages are
// rendered with: layouts and partials (Templates), the template functions
// (Funcs), and the static files as assets with fingerprinted names
// (Assets).
//
// # The chain
//
// site.yaml names a theme (default: "default"); a theme's theme.yaml (or
// theme.yml) may name the theme it extends. The override rule in one sentence: a file in
// a theme beats the same path in the theme it extends, which beats the
// built-in default. A theme is the folder themes/<name>/ of the site, or
// for "default" the theme embedded in the binary when the site has no such
// folder. A theme folder may be a symbolic link (a theme shared by several
// sites); a link inside it that leads out of it is an error, and what it
// points to is never read or published. Themes extending each other in a
// loop, unknown themes and bad names are errors at the line that names
// them.
//
// # Layouts and partials
//
// layouts/base.html is the page shell (it calls {{block "main" .}}); each
// page kind (home, section, page, worksheet, tags, tag, 404) has a layout
// <kind>.html that defines "main" (one that defines no template but holds
// text or actions is an error: base.html would show none of it); partials
// live in layouts/partials/.
// Every layout receives the page's data (package site's Page). Partials are
// called as in Hugo: {{partial "toc.html" .}} runs one with a context,
// {{partialCached "footer.html" . .Kind}} once per build and distinct set
// of variants (never per context: a cached partial must show nothing but
// what its variants and the site determine; CacheWarnings warns of each
// read of the page that breaks this, see cached.go). A partial's name must be a
// quoted constant and a partial may not reach itself through partial
// calls; both are reported when the theme is read, with template errors
// and {{template}} calls that name no template, at the theme file's line
// and column. Template errors are put in plain words (Templates.plain):
// no Go type names ("the page has no field "Titel" (did you mean
// "Title"?)"), a function's own error without html/template's wrapping,
// and hints for unknown functions; a mistake inside a partial at the
// partial's own position, in the same words, whether it was called with
// partial, partialCached or {{template}} (partialError). One syntax error
// hides no other: every
// layout and partial is parsed (a broken base.html is replaced by an empty
// one for the others' sake) and all their errors come together, sorted.
//
// A page may choose another layout, as in Hugo (ExecuteLayout): the first
// of layouts/TYPE/LAYOUT.html, layouts/TYPE/KIND.html, layouts/LAYOUT.html
// and layouts/KIND.html the chain has, TYPE being the page's type (its
// front matter's, else its top folder) and LAYOUT its front matter's
// layout. Every .html under layouts/ other than base.html, partials and
// shortcodes is parsed as such a layout. Shortcode templates
// (layouts/shortcodes/) follow the same override chain; package render
// reads them.
//
// # Assets
//
// Every file under static/ is an asset, published at its path; generated
// files (the code highlighting stylesheet, the worksheet schema, the
// scorer) are added by the build with NewAsset. Stylesheets, scripts and
// WebAssembly get a content hash in their name (css/main.1a2b3c4d5e.css),
// so browsers may cache them forever; templates link to them by their
// logical name with the asset function. Stylesheets and scripts are
// compacted first (compactCSS, compactJS): comments, indentation, blank
// lines and the spaces no token needs go, every line break of a script
// stays, and what the compactor cannot read for sure is kept as written: a
// string, comment or regular expression never closed, a "/" that could
// start a regular expression or divide (after await, yield or a name var,
// let or const declares), a script whose brackets do not match. A theme's
// scripts never change meaning.
//
// Chain.Contrast measures the colours a theme's static/css/custom.css
// gives the default theme's text, link and accent properties against its
// backgrounds, in the light and the dark scheme, and warns of those under
// 4.5:1 (see contrast.go).
//
// # Trust
//
// Theme authors are trusted like the authors of a program: a theme's
// layouts and scripts run on every page. Even so, a theme stays inside its
// own folder, and its files have size limits (MaxLayoutSize,
// MaxStaticSize).
package theme
