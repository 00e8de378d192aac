// Package site turns a site folder (content/, themes/) into a static
// website. It is the pipeline that runs the engine's rooms, and it owns
// the contract themes see: the Page every layout receives.
//
// # The pipeline
//
// Builder.Build runs, in order (see Builder.run):
//
//  1. output.Check: the output folder is one a build may replace;
//  2. content: site.yaml, the sources under content/ and their model;
//  3. theme: the chain, its assets (with the generated ones), its
//     templates and functions;
//  4. the memo (memo.go): what each output depends on, and so what a
//     rebuild may keep;
//  5. every page, on every core: its body and data (render, and Page
//     here), then its layout, streamed to the write plan;
//  6. what needs every page: links to headings, then the sitemap, the
//     feed, redirects, assets and content files;
//  7. output.Plan.Commit: the new output swapped in (a full build), or the
//     changed files written in place (a rebuild).
//
// Builder.Check does the same and writes nothing. Errors are positioned
// (diag) and all reported at once: a stage with errors does not stop the
// next ones, but nothing is written, and the previous output is left
// exactly as it was.
//
// A Builder is reused by mutual serve: a rebuild re-reads only the files
// that changed, renders only the pages whose memo key changed, and writes
// only the files whose bytes change, yet its output is byte-identical to
// a full build's (TestIncrementalEqualsFull). A one-off build (mutual
// build, mutual check: a Builder's first, not told to watch) computes no
// memo keys, since no rebuild will compare with them, and a Builder built
// again after one builds in full (TestOneOffComputesNoKeys).
//
// # The Page contract
//
// Every layout receives a *Page as ".": its fields (data.go) are the
// contract a theme may rely on, and template functions (package theme's
// Funcs, and active here) are the rest of it. A field added to Page that
// shows something of another page must be covered by the memo: pageData
// reads other pages only through a pageView, which records them, and the
// memo's card lists what it may read of each.
//
// # Ready-made parts
//
// html/template calls a function by reflection for every value a layout
// prints and for each escaper it puts after it, about a microsecond each:
// a part of every page that needs a dozen actions for a few lines of
// markup costs more than the rest of its layout. Such parts come
// ready-made, as HTML written in Go by package render, each exactly what
// the default theme's template for it wrote (and what the old template,
// kept in readymade_test.go, still writes: TestReadyMadeParts builds every
// render case both ways and compares the bytes): Page.MetaTags,
// Page.TableOfContents, Page.TOCNav (toc.html), Page.Pager (pager.html),
// Page.TimeTag and Entry.TimeTag (the date in meta.html and entry.html),
// and Page.StyleLinks (the stylesheets in base.html; Page.HeadLinks, the
// stylesheets and async scripts base.html linked in <head> until
// 2026-11-30, is made only when a layout prints it). They are
// made with the T and date functions the page's layout runs with, marked
// texts on a page shown untranslated included. The default theme's
// partials print them; a theme that overrides a partial writes its own
// markup from the fields underneath (Prev, Next, TOC, Date, Scripts), and
// its partial is what its pages show. Partials that are shared between
// pages are not made ready: partialCached renders them once (header,
// footer, breadcrumbs, tag lists, list entries).
//
// # Where the next features land
//
// The rooms are cut so that the features planned next each have a place:
//
//   - Hugo content (issue 12, landed): TOML and JSON front matter and
//     Params in content.ParseFrontMatter; page bundles in content.NewSiteModel;
//     shortcodes in render.NewBody (render.Shortcodes, made per build in
//     shortcodes.go from the chain's layouts/shortcodes/); .Params, .Param,
//     .LinkTitle and .Summary on Page (data.go), the link title and summary
//     in the memo's card; a body with shortcodes is keyed on every card and
//     the site (it may show any page, and runs templates); front matter
//     menus in menu.go and the site key; layout and type lookup in
//     theme.Templates.ExecuteLayout; images from other origins in
//     origins.go.
//   - Languages (issue 14), landed: the languages in content.Config;
//     translations by file name (<name>.<code>.md) and content/<code>/
//     trees in classify and content.NewSiteModel, one content.Tree per
//     language whose pages have URLs of their own (so that the memo keys
//     them apart); the i18n catalogs of the site and the theme chain
//     (theme.Chain.Translations), T, plurals, date, textLang and textDir
//     bound per language on a copy of the layouts (theme.Templates.With,
//     i18n.go here); a sitemap with alternates, and a feed per language,
//     in render.
//   - Search (issue 15, landed: search.go): each page's text analysed from
//     its render.Body (a worksheet's from its view) in the render worker
//     that rendered it; the index written once every page is rendered
//     (writeSearch), each page's entry kept with the key of its card, its
//     section's title and its body's inputs, so a rebuild analyses only what
//     changed. With Options.DeferIndex (mutual serve), a rebuild commits
//     its pages and writes its index right after Build returns; the next
//     Build, Check or Wait waits for it (search.go).
//
// # Trust model
//
// Site writers (content/) are trusted to write pages, worksheets and
// pictures, not programs; theme authors are trusted like the authors of a
// program. The rooms hold the checks: raw HTML in Markdown and content
// files that can run scripts are refused unless site.yaml says trustHTML:
// true (markdown, content.CheckActive); symbolic links that lead out of
// the site or a theme are never followed (content, theme); every output
// path has one source (output.Clashes); every URL is percent-encoded
// (content.PathEscape); files read whole have size limits; the output
// folder is replaced only when a build made it, under a lock, atomically
// (output).
package site
