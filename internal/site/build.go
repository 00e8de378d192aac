package site

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/markdown"
	"mutual/internal/output"
	"mutual/internal/render"
	"mutual/internal/scorer"
	"mutual/internal/search"
	"mutual/internal/theme"
	"mutual/internal/worksheet"
)

// Version is mutual's version, shown by `mutual version` and in the
// generator meta tag.
const Version = "0.1.0"

// ConfigPath is where a site keeps its configuration, relative to the site.
const ConfigPath = content.ConfigPath

// Exists reports whether dir holds a site: content/site.yaml or
// content/site.yml.
func Exists(dir string) bool {
	for _, p := range content.ConfigPaths {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			return true
		}
	}
	return false
}

// NoSite is the message for a folder dir that holds no site (Exists is
// false): how to pick one or start one, or, for a Hugo site's folder, how
// to import it.
func NoSite(dir string) string { return content.NoSite(dir) }

// MarkerFile is the file mutual writes into every output folder it builds
// (see package output).
const MarkerFile = output.MarkerFile

// Options configure a Builder.
type Options struct {
	Dir     string // site folder (holds content/ and themes/); "" = "."
	Out     string // output folder; "" = Dir/public
	Drafts  bool   // include pages marked draft
	Future  bool   // include pages whose publishDate (or, without one, date) is in the future
	Expired bool   // include pages whose expiryDate has passed
	// Now is the time publishDate and expiryDate are compared with; zero
	// for the time of the build.
	Now      time.Time
	BaseURL  string    // overrides content/site.yaml's baseURL when set
	Scripts  []string  // extra root-relative script URLs added to every page
	Progress io.Writer // progress for builds longer than a second; nil = none
	// Notice is told when the build waits for another build into the same
	// output folder; nil = nobody.
	Notice io.Writer
	// StrictI18n turns every gap of the coverage report (a page or
	// worksheet not translated, an interface text missing, a translation
	// older than its original) into an error (mutual check --strict-i18n).
	StrictI18n bool
	// Watch keeps rendered pages in memory between builds, so that a rebuild
	// after an edit renders only what the edit changed (mutual serve).
	Watch bool
	// DeferIndex lets a rebuild (not the first build) return, with its
	// pages written, before its search index is: the index is written
	// right after, on another goroutine, so that a browser reloads the
	// edited page without waiting for it (mutual serve). The next Build or
	// Check, and Wait, wait for it.
	DeferIndex bool
}

// Stats describe one build.
type Stats struct {
	Pages    int      // HTML pages in the site, the further pages of cut lists not counted
	Sections int      // sections, the home page not counted
	Files    int      // files in the output
	Changed  []string // output paths written or removed, sorted
	Rendered int      // pages whose layout ran in this build
	CSSOnly  bool     // only stylesheets changed since the previous build
	Duration time.Duration
}

// Builder builds one site, again and again. The first Build is a full build
// into a new folder swapped in on success; later ones re-read only what
// changed on disk and write only the files whose bytes change, yet produce
// exactly what a full build would.
//
// A Builder keeps, between builds, only what the next build compares with
// or reuses: the sources read, the rendered Markdown bodies, the generated
// assets, and what the last successful build wrote (its manifest and memo
// keys; a one-off build, which computes no keys, leaves none: see memo).
// Each build runs the pipeline's stages on values: see run.
type Builder struct {
	opts Options
	dir  string
	out  string
	seed maphash.Seed // of the memo keys

	mu        sync.Mutex // one build at a time
	sources   map[string]*content.Source
	static    map[string]*content.Source // the site's static/ files
	sc        *render.Shortcodes         // the shortcode templates of the last build, parsed
	scKey     [32]byte                   // of their files (see shortcodes)
	md        *markdown.Markdown
	mdOpts    markdown.Options
	bodies    render.Bodies
	sheets    sheetMemo    // what the worksheet pages reported (page.go)
	generated theme.Assets // the code stylesheet and the worksheet schema
	i18nFiles i18n.Files   // the translation files of the last build, parsed
	search    *searchState // the search index of the last build (search.go)
	scorer    theme.Assets // the embedded WebAssembly scorer and its loader
	last      *last        // the last successful build; nil after a one-off one
	warnings  diag.List    // of the last Build or Check
	// The cached partials' warnings of the last build, and the hash of
	// the layouts they are for (cacheWarnings).
	cacheWarns     diag.List
	cacheWarnsHash []byte
	// The keys layouts asked T for that no translation has, and the memo's
	// site key they were asked under: a rebuild that keeps pages adds the
	// keys their layouts asked for (missingKeys).
	tMissing     map[string]bool
	tMissingSite string
	coverage     []string // of the last Build or Check: one line per language
	builds       int

	// The search index a rebuild writes after Build returned
	// (Options.DeferIndex): indexing is set while it is written, and
	// indexed is what it leaves for the next build (search.go).
	indexing sync.WaitGroup
	indexed  *indexResult

	hintMu sync.Mutex
	hint   []string // paths a watcher saw change since the last build; nil = unknown

	onPages func(*pageJob) // tests: sees each build's page job before its pages render
}

// last is what a successful build leaves for the next one.
type last struct {
	manifest output.Manifest
	sources  map[string]*content.Source
	keys     *memo
	search   *searchState // nil when the site had no search
}

// New returns a Builder for opts.
func New(opts Options) *Builder {
	dir := opts.Dir
	if dir == "" {
		dir = "."
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		absDir = dir
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(absDir, "public")
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		absOut = out
	}
	return &Builder{opts: opts, dir: absDir, out: absOut, sources: map[string]*content.Source{}, seed: maphash.MakeSeed()}
}

// Out is the absolute output folder.
func (b *Builder) Out() string { return b.out }

// NotFound is the output path of the "page not found" page.
func (b *Builder) NotFound() string { return "404.html" }

// WatchDirs lists the folders whose changes call for a rebuild: content/,
// the site's own interface texts (i18n/), its static/ folder, themes/
// (a theme folder made while serve runs, a local copy of the default
// theme) and every theme folder of the chain that is on disk. Folders
// that do not exist yet are listed too: the watcher waits for them to
// appear (serve.Watcher).
func (b *Builder) WatchDirs() []string {
	dirs := []string{filepath.Join(b.dir, "content"), filepath.Join(b.dir, theme.I18nDir),
		filepath.Join(b.dir, content.StaticDir), filepath.Join(b.dir, "themes")}
	name, from := "default", ConfigPath
	if p, src, err := content.ReadConfig(b.dir, ""); err == nil {
		if cfg, _ := content.ParseConfigFile(p, src); cfg != nil {
			name, from = cfg.Theme, p
		}
	}
	// A theme folder may be a symbolic link, which watching themes/
	// does not follow.
	chain, _ := theme.LoadChain(b.dir, name, from, 0, 0)
	return append(dirs, chain.Folders()...)
}

// Changed tells the next Build which files or folders changed (absolute
// paths, as a file watcher reports them), so that it need not look at the
// others. Calls add up until the next Build; a Build that was told nothing
// checks every file.
func (b *Builder) Changed(paths []string) {
	b.hintMu.Lock()
	defer b.hintMu.Unlock()
	if b.hint == nil {
		b.hint = []string{}
	}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			b.hint = append(b.hint, abs)
		}
	}
}

func (b *Builder) takeHint() []string {
	b.hintMu.Lock()
	defer b.hintMu.Unlock()
	h := b.hint
	b.hint = nil
	return h
}

// Warnings are the problems the last Build or Check found that did not
// stop it, sorted: a code block shown without highlighting, for example.
func (b *Builder) Warnings() diag.List {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append(diag.List(nil), b.warnings...)
}

// Coverage is the translation report of the last Build or Check, one
// line per language but the default, in site.yaml's order:
//
//	es: 6/18 pages, 1/4 worksheets, 0 interface keys missing
//
// A site in one language has none.
func (b *Builder) Coverage() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.coverage...)
}

// Check validates the whole site as Build does, and writes nothing.
func (b *Builder) Check() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.waitIndex()
	_, err := b.run(output.CheckOnly)
	return err
}

// Build builds the site. On error (a diag.List for anything a writer can
// fix) the previous output is left exactly as it was.
func (b *Builder) Build() (*Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.waitIndex()
	mode := output.Full
	if b.last != nil {
		if st, err := os.Stat(b.out); err == nil && st.IsDir() {
			mode = output.Incremental
		}
	}
	stats, err := b.run(mode)
	if err == nil {
		b.builds++
	}
	return stats, err
}

// caching reports whether rendered bodies are kept for the next build:
// when asked to, or once a second build shows the Builder is reused.
func (b *Builder) caching() bool { return b.opts.Watch || b.builds > 0 }

// pageFuncs are the template functions of the build that take the page,
// and the fields of it they read, for theme.CacheWarnings: active reads
// .ActiveMenu, so a cached partial that calls it must be cached per
// .ActiveMenu.
var pageFuncs = map[string][]string{"active": {"ActiveMenu"}}

// cacheWarnings are ts.CacheWarnings, kept while the layouts stay the
// same: they are a walk through every layout's parse trees (about a
// millisecond or two for the default theme: BenchmarkCacheWarnings in
// internal/theme), which a rebuild after a page's edit
// need not pay again.
func (b *Builder) cacheWarnings(ts *theme.Templates) diag.List {
	if ts == nil {
		return nil
	}
	if b.cacheWarnsHash == nil || !bytes.Equal(b.cacheWarnsHash, ts.Hash) {
		b.cacheWarns, b.cacheWarnsHash = ts.CacheWarnings(pageFuncs), ts.Hash
	}
	return b.cacheWarns
}

// run is the pipeline. Each stage takes values and returns values:
//
//  1. where: the output folder checked (output.Check), the site folder's
//     links resolved;
//  2. read: site.yaml, then content/ (content.Scan, re-reading only what
//     changed) and its model (content.NewModel);
//  3. theme: the chain, its static files and the generated assets
//     (theme.LoadChain, Chain.Static), the link resolver, the templates
//     with their functions;
//  4. memo: the keys that decide what this build may keep (memo.go),
//     none for a one-off build;
//  5. pages: every page rendered on every core (renderPages), each
//     streamed to the write plan as soon as it is done;
//  6. checks that need every page: links to headings, then the files that
//     are not pages (sitemap, feed, redirects, assets, content files);
//  7. commit: the plan becomes the output (output.Plan.Commit).
//
// Every stage's errors are collected, and a build with errors goes on as a
// check, writing nothing, so that all of them are reported at once.
func (b *Builder) run(mode output.Mode) (*Stats, error) {
	start := time.Now()
	var warns diag.List
	b.warnings = nil
	defer func() {
		warns.Sort()
		b.warnings = warns
	}()

	// 1. Where.
	var realOut string
	if mode != output.CheckOnly {
		// A check writes nothing: the output folder is none of its business.
		out, err := output.Check(b.dir, b.out)
		if err != nil {
			return nil, err
		}
		realOut = out
	}
	siteReal, err := output.ResolveLinks(b.dir)
	if err != nil {
		return nil, err
	}
	contentDir := filepath.Join(b.dir, "content")
	if target, out := content.LinkOutside(contentDir, siteReal); out {
		return nil, diag.List{{Path: "content", Msg: "content/ is a symbolic link to " + target + ", which is outside the site folder: move the site's content into it"}}
	}

	// 2. Read.
	cfgSrc, cfg, err := readConfig(b.dir, siteReal, b.opts.BaseURL)
	if err != nil {
		return nil, err
	}
	b.useMarkdown(markdown.Options{Unsafe: cfg.TrustHTML})
	var hint []string
	if mode == output.Incremental {
		hint = b.takeHint()
	} else if mode == output.Full {
		b.takeHint()
	}
	srcs, static, m, errs, swarns, err := readContent(b.dir, siteReal, b.sources, b.static, hint, b.modelOptions(cfg), cfg)
	if err != nil {
		return nil, fmt.Errorf("reading content: %w", err)
	}
	warns = append(warns, swarns...)
	if searchOn(cfg) {
		errs = append(errs, addSearchPage(m, cfg)...)
	}
	if m != nil {
		warns = append(warns, m.Warnings...)
	}
	warns = append(warns, content.LanguageLookalikes(srcs, cfg)...)
	warns = append(warns, content.MisplacedFiles(srcs, b.dir)...)
	b.sources = make(map[string]*content.Source, len(srcs))
	for _, s := range srcs {
		b.sources[s.Rel] = s
		if !b.caching() {
			// A one-off build reads each page's Markdown again when it
			// renders it (content.Source.Unload).
			s.Unload()
		}
	}
	b.static = make(map[string]*content.Source, len(static))
	for _, s := range static {
		b.static[s.Rel] = s
	}

	// 3. Theme.
	chain, assets, terrs := b.loadTheme(cfg, m)
	errs = append(errs, terrs...)
	basePath := cfg.BasePath()
	res := &content.Resolver{Model: m, BasePath: basePath, WrittenBasePath: cfg.WrittenBasePath, Origin: cfg.Origin(), Theme: assets.Outputs()}
	latest := m.Newest()
	trs, i18nHash, ierrs := chain.Translations(b.dir, siteReal, cfg.Lang, &b.i18nFiles)
	b.i18nFiles.Done()
	errs = append(errs, ierrs...)
	langs := newLanguages(cfg, m, trs)
	var ts *theme.Templates
	if len(chain) > 0 {
		funcs := theme.Funcs(theme.FuncEnv{Assets: assets, BasePath: basePath, Origin: cfg.Origin(), Latest: latest})
		funcs["active"] = func(item MenuItem, p *Page) bool { return item.URL != "" && item.URL == p.ActiveMenu }
		for name, f := range langs[0].funcs {
			funcs[name] = f
		}
		var terrs diag.List
		ts, terrs = chain.Templates(funcs)
		errs = append(errs, terrs...)
	}
	// A misspelt key of the site's or a theme's i18n/ is warned of, and
	// counts as no interface key missing: coverage needs the layouts.
	strayWarns, stray := strayKeys(ts, trs)
	strayWarns = notAt(strayWarns, ierrs)
	b.coverage = nil
	if cov, err := coverage(cfg, m, srcs, b.opts.Drafts, trs, stray); err == nil {
		for _, c := range cov {
			b.coverage = append(b.coverage, c.String())
			if b.opts.StrictI18n {
				errs = append(errs, c.Gaps()...)
			}
		}
	} // else: the model reports the same errors
	var sc *render.Shortcodes
	var scSite *render.ShortcodeSite
	if len(chain) > 0 {
		var serrs diag.List
		sc, scSite, serrs = b.shortcodes(chain, cfg, res)
		errs = append(errs, serrs...)
	}
	if searchOn(cfg) && !ts.Empty() && !ts.Has("search") {
		errs.Add(chain[0].Dir+"/layouts", 0, 0, "the theme chain has no layouts/search.html for the search page /search/: add one (the default theme's is a start), or turn search off with search: false in site.yaml")
	}
	if ts.Empty() {
		// Without templates there is nothing more to learn.
		errs.Sort()
		return nil, errs
	}

	// 4. Memo.
	var prev *last
	if mode == output.Incremental {
		prev = b.last
	}
	var keys *memo // nil: a one-off build computes no keys
	if b.caching() {
		var names map[*content.Source]bool
		if b.last != nil && b.last.keys != nil {
			names = b.last.keys.names
		}
		keys = newMemo(b.seed, memoInputs{
			config: cfgSrc, drafts: b.opts.Drafts, future: b.opts.Future, expired: b.opts.Expired, scripts: b.opts.Scripts, version: Version,
			cfg: cfg, sources: append(srcs, static...), model: m, templates: ts.Hash, i18n: i18nHash, assets: assets, latest: latest,
			names: names,
		})
	}

	var links []content.LinkRef
	for _, l := range langs {
		l.templates = ts
		if l.index > 0 && !ts.Empty() {
			c, err := ts.With(l.funcs)
			if err != nil {
				errs.Add("themes", 0, 0, "cannot prepare the layouts for %s: %v", l.code, err)
				continue
			}
			l.templates = c
			if l.hasFallbacks() {
				if c, err = ts.With(l.fallbackFuncs); err == nil {
					l.fallbackTemplates = c
				}
			}
		}
		l.titlePages()
		site, slinks, serrs, swarns := l.siteData(cfg, res, b.md)
		l.site = site
		links = append(links, slinks...)
		errs = append(errs, serrs...)
		warns = append(warns, swarns...)
	}
	cs := claims(m, assets)
	if searchOn(cfg) {
		cs = append(searchClaims(cfg), cs...)
	}
	errs = append(errs, output.Clashes(cs)...)

	// 5. Pages.
	var dir *output.Dir
	if len(errs) == 0 && mode != output.CheckOnly {
		dir, err = output.Open(realOut, mode == output.Full, func() {
			if w := b.opts.Notice; w != nil {
				fmt.Fprintf(w, "waiting for another mutual build into %s to finish\n", b.out)
			}
		})
		if err != nil {
			return nil, err
		}
		defer func() {
			if dir != nil {
				dir.Discard()
			}
		}()
	}
	var prevManifest output.Manifest
	if prev != nil {
		prevManifest = prev.manifest
	}
	plan := output.NewPlan(mode, prevManifest, dir)
	w := &world{cfg: cfg, model: m, res: res, assets: assets, basePath: basePath, scripts: b.opts.Scripts, langs: langs,
		sc: sc, scSite: scSite, image: imageCheck(cfg), pointedBy: pointers(m, res)}
	job := &pageJob{world: w, md: b.md, keys: keys, prev: prev, bodies: &b.bodies, keepBodies: b.caching(), plan: plan, sheets: &b.sheets}
	if searchOn(cfg) && mode != output.CheckOnly {
		if b.search == nil {
			b.search = &searchState{ix: search.NewIndex()}
		}
		if b.caching() {
			b.search.ix.Remember() // a rebuild encodes again only the edited pages' terms
		}
		langs := make([]string, 0, len(m.Trees))
		for _, t := range m.Trees {
			langs = append(langs, langTag(cfg, t))
		}
		b.search.langs = langs
		job.search = b.search
	}
	if b.onPages != nil {
		b.onPages(job)
	}
	var done atomic.Int64
	stopProgress := progress(b.opts.Progress, start, len(m.Nodes), &done)
	results := make([]pageResult, len(m.Nodes))
	// Pages go to the workers in runs of up to searchRun, each rendered
	// and then analysed for search one after the other, so that the
	// analysis's tables stay in the core's caches from one page to the
	// next instead of being pushed out by each render (and the render's
	// by each analysis); in runs short enough to keep every core busy.
	run := min(searchRun, max(1, len(m.Nodes)/(16*runtime.GOMAXPROCS(0))))
	content.Parallel((len(m.Nodes)+run-1)/run, func(c int) {
		from, to := c*run, min(len(m.Nodes), (c+1)*run)
		for i := from; i < to; i++ {
			results[i] = job.page(m.Nodes[i])
		}
		for i := from; i < to; i++ {
			job.searchPage(m.Nodes[i], &results[i])
			done.Add(1)
		}
	})
	stopProgress()
	// The memo now holds this build's worksheet pages, and those of
	// worksheets gone since: forget the latter.
	sheetOuts := map[string]bool{}
	for _, n := range m.Nodes {
		if n.Kind == "worksheet" {
			sheetOuts[n.Out] = true
		}
	}
	b.sheets.retain(sheetOuts)

	// 6. What needs every page.
	anchors := make(map[string]map[string]bool, len(m.Nodes))
	rendered := 0
	for i, r := range results {
		if r.ids != nil {
			anchors[m.Nodes[i].URL] = r.ids
		}
		links = append(links, r.links...)
		errs = append(errs, r.errs...)
		warns = append(warns, r.warns...)
		if r.rendered {
			rendered++
		}
	}
	warns = append(warns, unknownKeys(b.missingKeys(langs, keys.siteKey()), ts, trs)...)
	warns = append(warns, strayWarns...)
	warns = append(warns, chain.Contrast()...)
	warns = append(warns, chain.StyleURLs(assets, basePath, cfg.AllowOrigins, res.HasFile)...)
	warns = append(warns, ts.PolicyWarnings(cfg.AllowOrigins)...)
	warns = append(warns, b.cacheWarnings(ts)...)
	warns = append(warns, pagerWarnings(m, cfg, ts)...)
	// The search index is written meanwhile, on another core, unless the
	// pages had errors (then nothing is written); with Options.DeferIndex,
	// a rebuild's index is written after Build returns (deferIndex).
	var nextSearch *searchState
	var searchErrs diag.List
	var searchDone sync.WaitGroup
	deferred := job.search != nil && len(errs) == 0 && b.opts.DeferIndex && mode == output.Incremental
	if job.search != nil && len(errs) == 0 && !deferred {
		searchDone.Go(func() {
			nextSearch, searchErrs = writeSearch(plan, keys, job.search, m.Nodes, results, prev)
		})
	}
	errs = append(errs, content.CheckAnchors(links, anchors)...)
	errs = append(errs, writeFiles(plan, w, keys, prev, contentDir)...)
	searchDone.Wait()
	errs = append(errs, searchErrs...)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	if mode == output.CheckOnly {
		return nil, nil
	}

	// 7. Commit.
	var index *output.Plan
	if deferred {
		index = keepIndex(plan, prevManifest, dir)
	}
	changed, err := plan.Commit()
	if err != nil {
		return nil, err
	}
	stats := &Stats{Files: plan.Len(), Rendered: rendered, Changed: changed, Duration: time.Since(start)}
	for _, n := range m.Nodes {
		if n.ListPage() {
			continue // part of its list's page
		}
		if n.Kind != "404" && n.Kind != "search" {
			stats.Pages++
		}
		if n.Kind == "section" {
			stats.Sections++
		}
	}
	if b.last != nil && keys != nil && b.last.keys.other == keys.other && b.last.keys.css != keys.css {
		stats.CSSOnly = true
	}
	b.last = nil
	if keys != nil {
		// A one-off build's manifest has no keys: the next build of its
		// Builder is a full one.
		b.last = &last{manifest: plan.Manifest(), sources: b.sources, keys: keys, search: nextSearch}
	}
	b.search = nextSearch
	if deferred {
		b.deferIndex(index, dir, keys, job.search, m.Nodes, results, prev)
		dir = nil // the index's writer releases it
	}
	if !b.caching() {
		b.bodies.Reset()
	}
	return stats, nil
}

// CheckBaseURL checks a site URL given on the command line (--base-url)
// as baseURL of site.yaml is checked: the error says what is wrong with
// it, in words that follow the flag's name and value.
func CheckBaseURL(raw string) error {
	var cfg content.Config
	if e := cfg.SetBaseURL(raw); e != nil {
		// The flag's value is said before the message: not again at its end.
		msg := strings.TrimSuffix(strings.TrimPrefix(e.Msg, "baseURL "), ", not "+strconv.Quote(raw))
		msg = strings.TrimSuffix(msg, " instead of "+strconv.Quote(raw))
		msg = strings.Replace(msg, "baseURL's path", "its path", 1)
		return errors.New(msg)
	}
	return nil
}

// readConfig reads and parses site.yaml, with the --base-url override.
func readConfig(dir, siteReal, baseURL string) ([]byte, *content.Config, error) {
	path, src, err := content.ReadConfig(dir, siteReal)
	if err != nil {
		return nil, nil, err
	}
	cfg, errs := content.ParseConfigFile(path, src)
	if baseURL != "" {
		// Given a base URL, site.yaml need not have one: a CI that
		// builds one site for several addresses, mutual serve.
		errs = slices.DeleteFunc(errs, func(e *diag.Error) bool { return e.Msg == content.MissingBaseURL })
		if e := cfg.OverrideBaseURL(baseURL); e != nil {
			e.Path = "--base-url"
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, nil, errs
	}
	return src, cfg, nil
}

// useMarkdown keeps the Builder's Markdown renderer, or makes a new one
// (forgetting what the old one rendered) when the options changed.
func (b *Builder) useMarkdown(opts markdown.Options) {
	if b.md == nil || b.mdOpts != opts {
		b.md, b.mdOpts = markdown.New(opts), opts
		b.bodies.Reset()
		b.generated = nil
	}
}

// readContent reads content/ (reusing prev's sources that did not change,
// or only those outside hint when there is one), makes the model and
// checks the files published as they are.
func readContent(siteDir, siteReal string, prev, prevStatic map[string]*content.Source, hint []string, opts content.ModelOptions, cfg *content.Config) (srcs, static []*content.Source, m *content.Model, errs, warns diag.List, err error) {
	contentDir := filepath.Join(siteDir, "content")
	var trees []string // a site in one language has no language marks
	for i, c := range cfg.Langs() {
		if len(cfg.Languages) > i {
			trees = append(trees, string(c))
		}
	}
	srcs, errs, warns, err = content.ScanWarns(contentDir, siteReal, prev, hint, trees...)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	for _, s := range srcs {
		errs = append(errs, s.Errs...)
	}
	static, serrs, swarns, err := content.ScanStatic(filepath.Join(siteDir, content.StaticDir), siteReal, prevStatic, hint)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	errs = append(errs, serrs...)
	warns = append(warns, swarns...)
	m, merrs := content.NewSiteModel(srcs, static, opts, cfg)
	m.Unreadable = content.UnreadableFolders(errs)
	errs = append(errs, merrs...)
	if !cfg.TrustHTML {
		for _, rel := range sortedKeys(m.Files) {
			errs = append(errs, content.CheckActive(m.Files[rel], filepath.Join(contentDir, filepath.FromSlash(rel)))...)
		}
		for _, rel := range sortedKeys(m.Static) {
			errs = append(errs, content.CheckActive(m.Static[rel], filepath.Join(siteDir, content.StaticDir, filepath.FromSlash(rel)))...)
		}
	}
	return srcs, static, m, errs, warns, nil
}

// modelOptions are the Builder's options for content.NewModel.
func (b *Builder) modelOptions(cfg *content.Config) content.ModelOptions {
	return content.ModelOptions{Drafts: b.opts.Drafts, Future: b.opts.Future, Expired: b.opts.Expired, Now: b.opts.Now,
		SiteTitle: cfg.Title, LowercaseURLs: cfg.LowercaseURLs}
}

// loadTheme reads the theme chain and its static files, and adds the
// assets the build generates: the code highlighting stylesheet and the
// worksheet schema always, the scorer when the site has worksheets.
func (b *Builder) loadTheme(cfg *content.Config, m *content.Model) (theme.Chain, theme.Assets, diag.List) {
	chain, errs := theme.LoadChain(b.dir, cfg.Theme, cfg.Path, cfg.ThemeLine, cfg.ThemeCol)
	if len(chain) == 0 || len(errs) > 0 {
		// A chain cut short (a theme it extends is unknown, a loop, a
		// mistake in a theme.yaml) would only add what it lacks to the
		// errors that explain why.
		return nil, theme.Assets{}, errs
	}
	assets, serrs := chain.Static()
	errs = append(errs, serrs...)
	if b.generated == nil {
		// Generated once per Builder: they depend on nothing a writer edits.
		var css bytes.Buffer
		if err := b.md.CSS(&css); err != nil {
			errs.Add("themes", 0, 0, "cannot write the code stylesheet: %v", err)
			return chain, assets, errs
		}
		b.generated = theme.Assets{
			"css/chroma.css":        theme.NewAsset("css/chroma.css", css.Bytes(), "the code highlighting stylesheet"),
			"schema/worksheet.json": theme.NewAsset("schema/worksheet.json", worksheet.Schema(), "the worksheet schema"),
		}
	}
	for name, a := range b.generated {
		assets[name] = a
	}
	hasWorksheets := false
	for _, n := range m.Nodes {
		if n.Kind == "worksheet" {
			hasWorksheets = true
		}
	}
	if hasWorksheets {
		scorerAssets, err := b.scorerAssets()
		if err != nil {
			errs = append(errs, err)
		}
		for name, a := range scorerAssets {
			assets[name] = a
		}
		if assets["js/worksheet.js"] == nil && len(errs) == 0 {
			errs.Add(chain[0].Dir+"/static/js", 0, 0, "the theme chain has no static/js/worksheet.js, which worksheet pages need%s", chain.ExtendsHint())
		}
	}
	return chain, assets, errs
}

// scorerAssets are the WebAssembly scorer and its loader, which worksheet
// pages need, read once per Builder from the binary.
func (b *Builder) scorerAssets() (theme.Assets, *diag.Error) {
	if !scorer.Available() {
		return nil, diag.Errorf("content/worksheets", 0, 0, "this mutual binary was built without the worksheet scorer: build it with `make build`")
	}
	if b.scorer == nil {
		as := theme.Assets{}
		for name, file := range map[string]string{"wasm/scorer.wasm": "scorer.wasm", "js/wasm_exec.js": "wasm_exec.js"} {
			data, err := fsRead(scorer.FS(), file)
			if err != nil {
				return nil, diag.Errorf("content/worksheets", 0, 0, "cannot read the embedded scorer: %v", err)
			}
			as[name] = theme.NewAsset(name, data, "the worksheet scorer")
		}
		b.scorer = as
	}
	return b.scorer, nil
}

// claims lists who writes each output path, in order of precedence: the
// files mutual writes itself, the theme's static files and the generated
// assets, the pages, the content files, the aliases (see output.Clashes).
func claims(m *content.Model, assets theme.Assets) []output.Claim {
	cs := make([]output.Claim, 0, len(m.Nodes)+len(m.Files)+len(assets)+3)
	cs = append(cs, output.Claim{Out: "sitemap.xml", What: "the sitemap mutual writes"})
	if m.Static["robots.txt"] == nil {
		// A site's own static/robots.txt replaces mutual's (writeFiles).
		cs = append(cs, output.Claim{Out: "robots.txt", What: "the robots.txt mutual writes", Instead: "to publish your own, put it in static/robots.txt, which replaces mutual's"})
	}
	for _, t := range m.Trees {
		cs = append(cs, output.Claim{Out: t.Prefix + "feed.xml", What: "the feed mutual writes"})
	}
	for _, name := range assets.Names() {
		a := assets[name]
		c := output.Claim{Out: a.Out, What: a.From}
		if len(a.From) > 7 && a.From[:7] == "themes/" {
			c.What, c.File = "the theme's file "+a.From, a.From
		}
		cs = append(cs, c)
	}
	for _, n := range m.Nodes {
		if m.ByURL[n.URL] != n {
			continue // a duplicate URL, reported by content.NewModel
		}
		c := output.Claim{Out: n.Out, What: pageName(n), File: "content"}
		switch n.Kind {
		case "404", "search":
			// A static/404.html meant to replace mutual's.
			c.Instead = "to change this page, write layouts/" + n.Kind + ".html in a theme of your own (see Themes in mutual's README), or rename yours"
		}
		if n.Src != nil {
			at := n.Src.URLPos()
			c.File, c.Line, c.Col = n.Src.Path(), at.Line, at.Col
		}
		cs = append(cs, c)
	}
	for _, rel := range sortedKeys(m.Files) {
		what := "content/" + rel
		if content.Decomposed(rel) {
			// It prints as the composed name it clashes with.
			what += " (its accented letters saved as a Mac saves them)"
		}
		cs = append(cs, output.Claim{Out: m.FileOut[rel], What: what, File: "content/" + rel})
	}
	for _, rel := range sortedKeys(m.Static) {
		p := m.Static[rel].Path()
		what := p
		if content.Decomposed(rel) {
			what += " (its accented letters saved as a Mac saves them)"
		}
		cs = append(cs, output.Claim{Out: content.StaticOut(rel), What: what, File: p})
	}
	for _, n := range m.Nodes {
		for _, a := range n.Aliases {
			cs = append(cs, output.Claim{Out: content.OutFile(a.URL), What: "the alias " + quote(a.Written) + " of " + n.Src.Path(), File: n.Src.Path(), Line: a.Line, Col: a.Col, Alias: true})
		}
	}
	return cs
}

// pageName names a page for messages.
func pageName(n *content.Node) string {
	if n.First != nil {
		return fmt.Sprintf("page %d of the list of %s (paginate: %d cuts it into pages)", n.PageNum, pageName(n.First), n.PageSize)
	}
	if n.Src != nil {
		return n.Src.Path()
	}
	switch n.Kind {
	case "home", "tags", "404":
		return "the " + n.Kind + " page mutual writes"
	}
	return "the " + n.Kind + " page /" + n.URL + " mutual writes"
}

// progress prints "building: n/total pages" while a long build runs, from
// its first second on, and clears the line when stopped.
func progress(w io.Writer, start time.Time, total int, done *atomic.Int64) (stop func()) {
	if w == nil {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTimer(time.Second)
		defer t.Stop()
		shown := false
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-t.C:
				fmt.Fprintf(w, "\rbuilding: %d/%d pages (%s)", done.Load(), total, time.Since(start).Round(100*time.Millisecond))
				shown = true
				t.Reset(200 * time.Millisecond)
			}
		}
	})
	return func() { close(quit); wg.Wait() }
}

// pagerWarnings warn of lists cut into pages (paginate) whose layout never
// reads .Paginator: it shows the first page's part of the list and no way
// to the others. One warning per layout, at the paginate: that cut the
// first such list (a section's own, or else site.yaml's).
func pagerWarnings(m *content.Model, cfg *content.Config, ts *theme.Templates) diag.List {
	var warns diag.List
	seen := map[string]bool{}
	for _, n := range m.Nodes {
		if n.PageNum != 1 || n.Fallback {
			continue
		}
		reads, file := ts.ReadsPage(n.Kind, n.Type, n.Layout, "Paginator")
		if reads || file == "" || seen[file] {
			continue
		}
		seen[file] = true
		at, line, col := cfg.Path, cfg.PaginateLine, cfg.PaginateCol
		if n.Src != nil && n.Src.FrontMatter.PaginateSet {
			p := n.Src.FrontMatter.PaginatePos
			at, line, col = n.Src.Path(), p.Line, p.Col
		}
		fix := `add {{template "partials/pagination.html" .}} below the list (the default theme's pager)`
		if !ts.HasFile("partials/pagination.html") {
			// A theme chain that does not end with the default theme
			// has no such partial until it is copied in.
			fix = `copy the default theme's pager into the theme with mutual new layout partials/pagination.html, and add {{template "partials/pagination.html" .}} below the list`
		}
		warns.Add(at, line, col, "the list of /%s is cut into %d pages of %d (paginate), but %s never shows .Paginator: its readers see the list's first page and no link to the others; %s, or write your own from .Paginator", n.URL, n.PageCount, n.PageSize, file, fix)
	}
	return warns
}
