package site

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/scorer"
	"mutual/internal/worksheet"
)

// Version is mutual's version, shown by `mutual version` and in the
// generator meta tag.
const Version = "0.1.0"

// Options configure a Builder.
type Options struct {
	Dir      string    // site folder (holds content/ and themes/); "" = "."
	Out      string    // output folder; "" = Dir/public
	Drafts   bool      // include pages marked draft
	BaseURL  string    // overrides content/site.yaml's baseURL when set
	Scripts  []string  // extra root-relative script URLs added to every page
	Progress io.Writer // progress for builds longer than a second; nil = none
	// Notice is told when the build waits for another build into the same
	// output folder; nil = nobody.
	Notice io.Writer
	// Watch keeps rendered pages in memory between builds, so that a rebuild
	// after an edit renders only what the edit changed (mutual serve).
	Watch bool
}

// Stats describe one build.
type Stats struct {
	Pages    int      // HTML pages in the site
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
type Builder struct {
	opts Options
	dir  string
	out  string

	mu       sync.Mutex
	sources  map[string]*source
	md       *markdown.Markdown
	mdOpts   markdown.Options
	bodies   map[string]*body  // rendered Markdown by content path, kept when caching
	bodiesMu sync.RWMutex      // guards bodies while pages render
	fixed    map[string]*asset // generated assets: the code stylesheet and the schema
	scorer   map[string]*asset // the embedded WebAssembly scorer and its loader
	last     *state            // the last successful build
	warnings diag.List         // of the last Build or Check
	builds   int
	hintMu   sync.Mutex
	hint     []string     // paths a watcher saw change since the last build; nil = unknown
	seed     maphash.Seed // of the keys that decide what a rebuild redoes
}

// state is what a successful build leaves for the next one.
type state struct {
	manifest  map[string]string // output path -> key of its bytes
	structure string
	meta      string
	sources   map[string]*source
	cssGen    string
	otherGen  string
}

// body is a rendered Markdown body with what the build learned from it.
type body struct {
	key      string
	html     template.HTML
	headings []markdown.Heading
	ids      map[string]bool // the headings' ids; made once, then only read
	links    []linkRec
	errs     diag.List
	warns    diag.List
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
	return &Builder{opts: opts, dir: absDir, out: absOut, sources: map[string]*source{}, bodies: map[string]*body{}, seed: maphash.MakeSeed()}
}

// Out is the absolute output folder.
func (b *Builder) Out() string { return b.out }

// NotFound is the output path of the "page not found" page.
func (b *Builder) NotFound() string { return "404.html" }

// WatchDirs lists the folders whose changes call for a rebuild: content/
// and every theme folder of the chain that is on disk.
func (b *Builder) WatchDirs() []string {
	dirs := []string{filepath.Join(b.dir, "content")}
	name := "default"
	if src, err := readOSLimited(filepath.Join(b.dir, ConfigPath), maxConfigSize, "site.yaml"); err == nil {
		if cfg, _ := ParseConfig(src); cfg != nil {
			name = cfg.Theme
		}
	}
	chain, _ := loadThemes(b.dir, name, 0, 0)
	for _, t := range chain {
		if t.onDisk != "" {
			dirs = append(dirs, t.onDisk)
		}
	}
	return dirs
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

// Check validates the whole site as Build does, and writes nothing.
func (b *Builder) Check() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, err := b.run(modeCheck)
	return err
}

// Build builds the site. On error (a diag.List for anything a writer can
// fix) the previous output is left exactly as it was.
func (b *Builder) Build() (*Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	mode := modeFull
	if b.last != nil {
		if st, err := os.Stat(b.out); err == nil && st.IsDir() {
			mode = modeIncremental
		}
	}
	stats, err := b.run(mode)
	if err == nil {
		b.builds++
	}
	return stats, err
}

type buildMode int

const (
	modeFull        buildMode = iota // everything, into a new folder swapped in at the end
	modeIncremental                  // changed files only, written in place after success
	modeCheck                        // everything, written nowhere
)

// build is one run of the pipeline.
type build struct {
	b         *Builder
	mode      buildMode
	cfg       *Config
	m         *model
	res       *resolver
	ts        *templateSet
	assets    map[string]*asset // by logical name
	site      *Site
	basePath  string
	gen       string    // key of everything every page depends on
	inputs    string    // key of the config and the options
	structure string    // key of what the sitemap, feed and redirects say
	meta      string    // key of everything one page shows of the others
	sameMeta  bool      // meta is the same as in the last build, and so is gen
	bodyGen   string    // key of everything a Markdown body depends on
	titles    string    // key of every page title, for worksheet "see" links
	latest    time.Time // the newest date in the content

	mu       sync.Mutex
	errs     diag.List
	warns    diag.List                  // problems that do not fail the build
	anchors  map[string]map[string]bool // page URL -> heading ids
	links    []linkRec
	manifest map[string]string
	changed  []string
	staged   map[string][]byte
	copies   map[string]string // output path -> content file to copy, staged or in a full build
	realOut  string            // the output folder, symbolic links resolved
	rendered int
	done     atomic.Int64

	out *outputDir
}

func (bd *build) fail(errs ...*diag.Error) {
	bd.mu.Lock()
	bd.errs = append(bd.errs, errs...)
	bd.mu.Unlock()
}

func (b *Builder) run(mode buildMode) (*Stats, error) {
	start := time.Now()
	bd := &build{b: b, mode: mode, anchors: map[string]map[string]bool{}, manifest: map[string]string{}, staged: map[string][]byte{}, copies: map[string]string{}}
	b.warnings = nil
	defer func() {
		bd.warns.Sort()
		b.warnings = bd.warns
	}()
	// A check writes nothing: the output folder is none of its business.
	var realOut string
	if mode != modeCheck {
		out, err := b.checkOut()
		if err != nil {
			return nil, err
		}
		realOut = out
	}
	bd.realOut = realOut
	siteReal, err := resolveLinks(b.dir)
	if err != nil {
		return nil, err
	}
	contentDir := filepath.Join(b.dir, "content")
	if target, out := linkOutside(contentDir, siteReal); out {
		return nil, diag.List{{Path: "content", Msg: "content/ is a symbolic link to " + target + ", which is outside the site folder: move the site's content into it"}}
	}
	// Config.
	cfgSrc, err := readConfig(b.dir, siteReal)
	if err != nil {
		return nil, err
	}
	cfg, errs := ParseConfig(cfgSrc)
	if b.opts.BaseURL != "" {
		if e := cfg.SetBaseURL(b.opts.BaseURL); e != nil {
			e.Path = "--base-url"
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	bd.cfg = cfg
	bd.basePath = cfg.BasePath()
	mdOpts := markdown.Options{Unsafe: cfg.TrustHTML}
	if b.md == nil || b.mdOpts != mdOpts {
		b.md, b.mdOpts = markdown.New(mdOpts), mdOpts
		b.bodies = map[string]*body{}
		b.fixed = nil
	}
	// Theme: templates and static files.
	chain, errs := loadThemes(b.dir, cfg.Theme, cfg.ThemeLine, cfg.ThemeCol)
	bd.errs = append(bd.errs, errs...)
	if len(chain) > 0 {
		bd.loadAssets(chain)
		var errs diag.List
		bd.ts, errs = parseTemplates(chain, bd.funcs())
		bd.errs = append(bd.errs, errs...)
	}
	// Content.
	var hint []string
	if mode != modeCheck {
		hint = b.takeHint()
	}
	if mode != modeIncremental {
		hint = nil
	}
	srcs, linkErrs, err := scan(contentDir, siteReal, b.sources, hint)
	if err != nil {
		return nil, fmt.Errorf("reading content: %w", err)
	}
	bd.errs = append(bd.errs, linkErrs...)
	b.sources = map[string]*source{}
	for _, s := range srcs {
		b.sources[s.rel] = s
		bd.errs = append(bd.errs, s.errs...)
	}
	m, errs := buildModel(srcs, b.opts.Drafts)
	bd.errs = append(bd.errs, errs...)
	bd.m = m
	if !cfg.TrustHTML {
		for _, rel := range sortedKeys(m.files) {
			bd.errs = append(bd.errs, activeErrors(m.files[rel], filepath.Join(contentDir, filepath.FromSlash(rel)))...)
		}
	}
	bd.res = &resolver{m: m, basePath: bd.basePath, assets: map[string]*asset{}}
	for _, a := range bd.assets {
		bd.res.assets[a.out] = a
	}
	if m.byRel["_index.md"] == nil && len(m.nodes) > 0 {
		m.home.title = cfg.Title
	}
	if bd.ts == nil || len(bd.ts.kinds) == 0 {
		// Without templates there is nothing more to learn.
		bd.errs.Sort()
		return nil, bd.errs
	}
	bd.keys(cfgSrc, srcs)
	bd.site = bd.siteData()
	hasWorksheets := false
	for _, n := range m.nodes {
		if n.kind == "worksheet" {
			hasWorksheets = true
		}
	}
	if hasWorksheets {
		bd.addScorer()
		if bd.assets["js/worksheet.js"] == nil && len(bd.errs) == 0 {
			bd.errs.Add(chain[0].dir+"/static/js", 0, 0, "the theme chain has no static/js/worksheet.js, which worksheet pages need")
		}
	}
	bd.claimOutputs()
	if len(bd.errs) > 0 {
		// Keep going without writing, to report every error at once.
		mode, bd.mode = modeCheck, modeCheck
	}
	// Output.
	if mode != modeCheck {
		out, err := newOutputDir(realOut, mode == modeFull, func() {
			if w := b.opts.Notice; w != nil {
				fmt.Fprintf(w, "waiting for another mutual build into %s to finish\n", b.out)
			}
		})
		if err != nil {
			return nil, err
		}
		bd.out = out
		defer out.discard()
	}
	stopProgress := bd.progress(start, len(m.nodes))
	parallel(len(m.nodes), func(i int) { bd.page(m.nodes[i]) })
	stopProgress()
	bd.checkAnchors()
	bd.extras()
	if len(bd.errs) > 0 {
		bd.errs.Sort()
		return nil, bd.errs
	}
	if bd.mode == modeCheck {
		return nil, nil
	}
	// Removed files.
	if b.last != nil && mode == modeIncremental {
		for _, p := range sortedKeys(b.last.manifest) {
			if _, ok := bd.manifest[p]; !ok {
				bd.changed = append(bd.changed, p)
			}
		}
	}
	if err := bd.commit(); err != nil {
		return nil, err
	}
	stats := &Stats{Files: len(bd.manifest), Rendered: bd.rendered, Duration: time.Since(start)}
	for _, n := range m.nodes {
		if n.kind != "404" {
			stats.Pages++
		}
		if n.kind == "section" {
			stats.Sections++
		}
	}
	sort.Strings(bd.changed)
	stats.Changed = bd.changed
	cssGen, otherGen := bd.cssKeys()
	if b.last != nil && b.last.otherGen == otherGen && b.last.cssGen != cssGen {
		stats.CSSOnly = true
	}
	b.last = &state{manifest: bd.manifest, cssGen: cssGen, otherGen: otherGen, structure: bd.structure, meta: bd.meta, sources: b.sources}
	if !b.caching() {
		b.bodies = map[string]*body{}
	}
	return stats, nil
}

// readConfig reads content/site.yaml, which must be a file of the site
// (not a link to one outside it) of at most maxConfigSize bytes.
func readConfig(dir, siteReal string) ([]byte, error) {
	p := filepath.Join(dir, ConfigPath)
	if target, out := linkOutside(p, siteReal); out {
		return nil, diag.List{{Path: ConfigPath, Msg: "symbolic link to " + target + ", which is outside the site folder: copy it into the site instead"}}
	}
	src, err := readOSLimited(p, maxConfigSize, "file")
	var big *tooBigError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, diag.List{{Path: ConfigPath, Msg: "no site here: " + p + " does not exist (use -s DIR to pick a site folder, or mutual init DIR to start one)"}}
	case errors.As(err, &big):
		return nil, diag.List{{Path: ConfigPath, Msg: big.Error()}}
	}
	return src, err
}

// caching reports whether rendered bodies are kept for the next build:
// when asked to, or once a second build shows the Builder is reused.
func (b *Builder) caching() bool { return b.opts.Watch || b.builds > 0 }

// checkOut refuses output folders a build must never replace, and returns
// the output folder with symbolic links resolved: every check is made on
// the folders the paths really name, so that a link cannot lead a build
// into the site. (Whether a folder holds a previous build is checked once
// the build holds the output's lock: see output.go.)
func (b *Builder) checkOut() (string, error) {
	out, err := resolveLinks(b.out)
	if err != nil {
		return "", fmt.Errorf("cannot use the output folder %s: %w", b.out, err)
	}
	dir, err := resolveLinks(b.dir)
	if err != nil {
		dir = filepath.Clean(b.dir)
	}
	shown := b.out
	if shown != out {
		shown = b.out + " (a link to " + out + ")"
	}
	switch {
	case out == string(filepath.Separator) || out == filepath.VolumeName(out)+string(filepath.Separator):
		return "", fmt.Errorf("refusing to build into %s: choose an output folder of its own", shown)
	case out == dir:
		return "", fmt.Errorf("refusing to build into the site folder %s: choose an output folder such as %s", shown, filepath.Join(b.dir, "public"))
	case within(dir, out):
		return "", fmt.Errorf("refusing to build into %s: it holds the site folder", shown)
	}
	for _, name := range []string{"content", "themes"} {
		d, err := resolveLinks(filepath.Join(dir, name))
		if err != nil {
			d = filepath.Join(dir, name)
		}
		if out == d || within(out, d) || out == filepath.Join(dir, name) || within(out, filepath.Join(dir, name)) {
			return "", fmt.Errorf("refusing to build into %s: it is inside the site's %s/ folder", shown, name)
		}
	}
	for _, name := range []string{"content", ".git"} {
		if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
			return "", fmt.Errorf("refusing to build into %s: it holds %s/, so it looks like a site or a repository, not an output folder", shown, name)
		}
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return "", fmt.Errorf("refusing to build into %s: it is a file, not a folder; choose a folder with -o", shown)
	}
	return out, nil
}

// within reports whether p lies inside the folder dir (both clean and
// absolute).
func within(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// resolveLinks is the absolute path p names once every symbolic link in
// it is followed: the longest part of it that exists resolved, the rest
// (not yet made) appended.
func resolveLinks(p string) (string, error) {
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
			// A link that leads nowhere: building would make its target.
			return "", fmt.Errorf("%s is a symbolic link to a missing folder", cur)
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// loadAssets reads the chain's static files and the generated stylesheet.
func (bd *build) loadAssets(chain []theme) {
	bd.assets = map[string]*asset{}
	files, linkErrs, err := themeFiles(chain, "static")
	bd.errs = append(bd.errs, linkErrs...)
	if err != nil {
		bd.errs.Add("themes", 0, 0, "cannot read static files: %v", err)
		return
	}
	for _, p := range sortedKeys(files) {
		f := files[p]
		data, err := readLimited(f.theme.fsys, p, maxStaticSize, "static file")
		if err != nil {
			bd.errs.Add(f.path(), 0, 0, "%s", readError(err))
			continue
		}
		name := strings.TrimPrefix(p, "static/")
		bd.assets[name] = newAsset(name, data)
		bd.assets[name].from = f.path()
	}
	b := bd.b
	if b.fixed == nil {
		// Generated once per Builder: they depend on nothing a writer edits.
		var css bytes.Buffer
		if err := b.md.CSS(&css); err != nil {
			bd.errs.Add("themes", 0, 0, "cannot write the code stylesheet: %v", err)
			return
		}
		b.fixed = map[string]*asset{
			"css/chroma.css":        newAsset("css/chroma.css", css.Bytes()),
			"schema/worksheet.json": newAsset("schema/worksheet.json", worksheet.Schema()),
		}
		b.fixed["css/chroma.css"].from = "the code highlighting stylesheet"
		b.fixed["schema/worksheet.json"].from = "the worksheet schema"
	}
	for name, a := range b.fixed {
		bd.assets[name] = a
	}
}

// addScorer adds the WebAssembly scorer and its loader, which worksheet
// pages need.
func (bd *build) addScorer() {
	if !scorer.Available() {
		bd.errs.Add("content/worksheets", 0, 0, "this mutual binary was built without the worksheet scorer: build it with `make build`")
		return
	}
	b := bd.b
	if b.scorer == nil {
		b.scorer = map[string]*asset{}
		for name, file := range map[string]string{"wasm/scorer.wasm": "scorer.wasm", "js/wasm_exec.js": "wasm_exec.js"} {
			data, err := readFS(scorer.FS(), file)
			if err != nil {
				bd.errs.Add("content/worksheets", 0, 0, "cannot read the embedded scorer: %v", err)
				b.scorer = nil
				return
			}
			b.scorer[name] = newAsset(name, data)
			b.scorer[name].from = "the worksheet scorer"
		}
	}
	for name, a := range b.scorer {
		bd.assets[name] = a
	}
}

// keys computes what decides whether a page must be rendered again.
func (bd *build) keys(cfgSrc []byte, srcs []*source) {
	seed := bd.b.seed
	in := newKeyer(seed)
	in.str(Version)
	in.str(strconv.FormatBool(bd.b.opts.Drafts))
	for _, s := range bd.b.opts.Scripts {
		in.str(s)
	}
	in.bytes(cfgSrc)
	bd.inputs = in.sum()
	h := newKeyer(seed)
	h.str(bd.inputs)
	h.bytes(bd.ts.hash)
	for _, name := range sortedKeys(bd.assets) {
		h.str(name)
		h.str(bd.assets[name].out)
	}
	files := newKeyer(seed)
	files.str(bd.basePath)
	files.str(strconv.FormatBool(bd.cfg.TrustHTML))
	for _, s := range srcs {
		files.str(s.rel)
		files.int(int64(s.kind))
	}
	for _, rel := range sortedKeys(bd.m.drafts) {
		files.str("draft:" + rel)
	}
	bd.bodyGen = files.sum()
	h.str(bd.bodyGen)
	bd.gen = h.sum()
	t := newKeyer(seed)
	for _, n := range bd.m.nodes {
		t.str(n.url)
		t.str(n.title)
	}
	bd.titles = t.sum()
	// What a page shows of other pages: lists, neighbours, breadcrumbs,
	// tags. When none of it changed, only pages whose own file changed can
	// have new output.
	mk := newKeyer(seed)
	mk.str(bd.gen)
	for _, n := range bd.m.nodes {
		mk.str(n.url)
		mk.str(n.kind)
		mk.str(n.title)
		mk.str(n.description)
		mk.time(n.date)
		mk.time(n.lastmod)
		mk.int(int64(n.weight))
		mk.int(int64(n.minutes))
		for _, t := range n.tags {
			mk.str(t.name)
		}
		mk.int(int64(len(n.tags)))
	}
	bd.meta = mk.sum()
	bd.sameMeta = bd.mode == modeIncremental && bd.b.last.meta == bd.meta
	bd.latest = bd.newest()
}

// cssKeys split the build's inputs into stylesheets and everything else.
func (bd *build) cssKeys() (css, other string) {
	c, o := newKeyer(bd.b.seed), newKeyer(bd.b.seed)
	for _, name := range sortedKeys(bd.assets) {
		a := bd.assets[name]
		k := o
		if path.Ext(name) == ".css" {
			k = c
		}
		k.str(name)
		k.str(a.out)
	}
	o.bytes(bd.ts.hash)
	for _, rel := range sortedKeys(bd.b.sources) {
		s := bd.b.sources[rel]
		o.str(rel)
		o.int(s.size)
		o.time(s.mod)
		o.bytes(s.sum[:])
	}
	o.str(bd.inputs) // config and options
	return c.sum(), o.sum()
}

// progress prints "rendered n/total pages" while a long build runs.
func (bd *build) progress(start time.Time, total int) func() {
	w := bd.b.opts.Progress
	if w == nil {
		return func() {}
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTimer(time.Second)
		defer t.Stop()
		shown := false
		for {
			select {
			case <-stop:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-t.C:
				fmt.Fprintf(w, "\rbuilding: %d/%d pages (%s)", bd.done.Load(), total, time.Since(start).Round(100*time.Millisecond))
				shown = true
				t.Reset(200 * time.Millisecond)
			}
		}
	}()
	return func() { close(stop); wg.Wait() }
}

// page renders one node.
func (bd *build) page(n *node) {
	defer bd.done.Add(1)
	var bodyKey string
	var bd0 *body
	if n.src != nil && n.kind != "worksheet" {
		k := newKeyer(bd.b.seed)
		k.bytes(n.src.sum[:])
		k.str(bd.bodyGen)
		bodyKey = k.sum()
		bd0 = bd.b.cachedBody(n.src.rel, bodyKey)
	}
	if bd.sameMeta && (n.src == nil || bd.b.last.sources[n.src.rel] == n.src) && (bd0 != nil || n.src == nil || n.kind == "worksheet") {
		// Neither this page's file nor anything any list shows changed:
		// its output cannot have changed either.
		if key, ok := bd.b.last.manifest[n.out]; ok {
			if bd0 != nil {
				bd.learn(n, bd0)
			}
			bd.record(n.out, key, nil)
			return
		}
	}
	p := bd.pageData(n)
	key := bd.pageKey(n, p, bodyKey)
	if bd.mode == modeIncremental && bd.b.last.manifest[n.out] == key && (n.src == nil || n.kind == "worksheet" || bd0 != nil) {
		// Unchanged: keep the file, but still learn its anchors and links.
		if bd0 != nil {
			bd.learn(n, bd0)
		}
		bd.record(n.out, key, nil)
		return
	}
	if n.src != nil && n.kind != "worksheet" {
		if bd0 == nil {
			bd0 = bd.renderBody(n, bodyKey)
			if !bd.b.caching() {
				// A one-off build needs the Markdown no more: let it go.
				n.src.body, n.src.dropped = nil, true
			}
		}
		bd.learn(n, bd0)
		p.Content = bd0.html
		if len(bd0.headings) >= 3 {
			p.TOC = tocOf(bd0.headings)
			p.TableOfContents = tableOfContents(p.TOC)
		}
	}
	if n.kind == "worksheet" {
		if !bd.worksheet(n, p) {
			return
		}
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := bd.ts.execute(buf, p); err != nil {
		bd.fail(err)
		return
	}
	bd.record(n.out, key, buf.Bytes())
	bd.mu.Lock()
	bd.rendered++
	bd.mu.Unlock()
}

func (b *Builder) cachedBody(rel string, key string) *body {
	b.bodiesMu.RLock()
	defer b.bodiesMu.RUnlock()
	if c := b.bodies[rel]; c != nil && c.key == key {
		return c
	}
	return nil
}

// tocOf keeps the headings a table of contents lists: levels 2 to 4.
func tocOf(hs []markdown.Heading) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range hs {
		if h.Level >= 2 && h.Level <= 4 {
			out = append(out, h)
		}
	}
	return out
}

// renderBody renders a page's Markdown, resolving its links.
func (bd *build) renderBody(n *node, key string) *body {
	s := n.src
	res := &body{key: key}
	buf := getBuffer()
	defer putBuffer(buf)
	r, err := bd.b.md.Render(buf, s.body, markdown.Context{
		Path:       s.path(),
		LineOffset: s.fm.Lines,
		Resolve:    bd.linkFunc(s.rel, s.path(), &res.links),
	})
	if err != nil {
		res.errs.Add(s.path(), 0, 0, "cannot render: %v", err)
	}
	res.errs = append(res.errs, r.Errors...)
	res.warns = r.Warnings
	res.headings = r.Headings
	res.html = template.HTML(buf.String())
	if bd.b.caching() {
		bd.b.bodiesMu.Lock()
		bd.b.bodies[s.rel] = res
		bd.b.bodiesMu.Unlock()
	}
	return res
}

// linkFunc is the Markdown resolver for one file. Links to anchors are
// recorded in links to be checked at the end of the build.
func (bd *build) linkFunc(rel, file string, links *[]linkRec) func(string, markdown.Pos) (string, error) {
	return func(dest string, pos markdown.Pos) (string, error) {
		u, target, frag, msg := bd.res.resolve(rel, dest)
		if msg != "" {
			return "", errors.New(msg)
		}
		if frag != "" && target != nil {
			*links = append(*links, linkRec{path: file, line: pos.Line, col: pos.Col, target: target.url, frag: frag})
		}
		return u, nil
	}
}

// learn records what a rendered body tells the rest of the build.
func (bd *build) learn(n *node, c *body) {
	if c.ids == nil {
		c.ids = make(map[string]bool, len(c.headings))
		for _, h := range c.headings {
			c.ids[h.ID] = true
		}
	}
	bd.mu.Lock()
	bd.anchors[n.url] = c.ids
	bd.links = append(bd.links, c.links...)
	bd.errs = append(bd.errs, c.errs...)
	bd.warns = append(bd.warns, c.warns...)
	bd.mu.Unlock()
}

// checkAnchors fails links to headings that do not exist.
func (bd *build) checkAnchors() {
	for _, l := range bd.links {
		ids := bd.anchors[l.target]
		if ids[l.frag] || strings.HasPrefix(l.frag, "fn:") || strings.HasPrefix(l.frag, "fnref:") {
			continue
		}
		var known []string
		for id := range ids {
			known = append(known, id)
		}
		sort.Strings(known)
		page := "/" + l.target
		bd.errs.Add(l.path, l.line, l.col, "link to #%s: %s has no heading with that id%s", l.frag, page, diag.Hint(l.frag, known))
	}
}

// worksheet fills a worksheet page's view.
func (bd *build) worksheet(n *node, p *Page) bool {
	s := n.src
	var links []linkRec
	resolve := bd.linkFunc(s.rel, s.path(), &links)
	env := worksheet.Env{
		Markdown: func(src string, line, col int) (template.HTML, diag.List) {
			buf := getBuffer()
			defer putBuffer(buf)
			r, err := bd.b.md.Render(buf, []byte(src), markdown.Context{Path: s.path(), LineOffset: line - 1, ColOffset: col - 1, Resolve: resolve})
			errs := r.Errors
			if err != nil {
				errs.Add(s.path(), line, col, "cannot render: %v", err)
			}
			if len(r.Warnings) > 0 {
				bd.mu.Lock()
				bd.warns = append(bd.warns, r.Warnings...)
				bd.mu.Unlock()
			}
			return template.HTML(buf.String()), errs
		},
		Resolve: func(l worksheet.Link) (string, string, *diag.Error) {
			u, target, _, msg := bd.res.resolve(s.rel, l.Dest)
			if msg != "" {
				return "", "", diag.Errorf(s.path(), l.Line, l.Col, "%s", msg)
			}
			title := l.Dest
			if target != nil {
				title = target.title
			}
			return u, title, nil
		},
		Help:        bd.site.Help,
		WasmURL:     bd.assetURL("wasm/scorer.wasm"),
		WasmExecURL: bd.assetURL("js/wasm_exec.js"),
		ScriptURL:   bd.assetURL("js/worksheet.js"),
	}
	view, errs := s.ws.View(env)
	bd.mu.Lock()
	bd.errs = append(bd.errs, errs...)
	bd.links = append(bd.links, links...)
	bd.mu.Unlock()
	if len(errs) > 0 || view == nil {
		return false
	}
	p.Worksheet = view
	return true
}

// record adds an output file. data nil keeps the file from the last build.
func (bd *build) record(out, key string, data []byte) {
	bd.mu.Lock()
	bd.manifest[out] = key
	if data != nil && bd.mode == modeIncremental && bd.b.last.manifest[out] != key {
		bd.staged[out] = append([]byte(nil), data...)
	}
	bd.mu.Unlock()
	if data != nil && bd.mode == modeFull {
		// Written outside the lock, so that other workers go on meanwhile.
		if err := bd.out.write(out, data); err != nil {
			bd.fail(diag.Errorf(out, 0, 0, "cannot write: %v", err))
		}
	}
}

// extras writes the files that are not pages: assets, content files,
// aliases, feed, sitemap and robots.txt.
func (bd *build) extras() {
	for _, name := range sortedKeys(bd.assets) {
		a := bd.assets[name]
		if a.out != a.name {
			bd.record(a.out, a.out, a.data) // the name carries the content hash
			continue
		}
		bd.recordBytes(a.out, a.data)
	}
	for _, rel := range sortedKeys(bd.m.files) {
		s := bd.m.files[rel]
		key := fmt.Sprintf("file:%d:%d", s.size, s.mod.UnixNano())
		if bd.mode == modeIncremental && bd.b.last.manifest[rel] == key {
			bd.record(rel, key, nil)
			continue
		}
		bd.recordCopy(rel, key, filepath.Join(bd.b.dir, "content", filepath.FromSlash(rel)), s)
	}
	// Redirects, sitemap, feed and robots.txt depend only on the site's
	// structure: when it did not change, keep last build's files.
	bd.structure = bd.structureKey()
	same := bd.mode == modeIncremental && bd.b.last.structure == bd.structure
	for _, n := range bd.m.nodes {
		for _, a := range n.aliases {
			u := a.url
			if same {
				bd.record(outFile(u), bd.b.last.manifest[outFile(u)], nil)
				continue
			}
			bd.recordBytes(outFile(u), aliasPage(bd.cfg.Language, bd.basePath+n.href, bd.cfg.Origin()+bd.basePath+n.href, bd.assetURL("favicon.svg")))
		}
	}
	if same {
		for _, p := range []string{"sitemap.xml", "feed.xml", "robots.txt"} {
			bd.record(p, bd.b.last.manifest[p], nil)
		}
		return
	}
	bd.recordBytes("sitemap.xml", bd.sitemap())
	bd.recordBytes("feed.xml", bd.feed())
	bd.recordBytes("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+bd.cfg.Origin()+bd.basePath+"sitemap.xml\n"))
}

// structureKey covers everything redirects, the sitemap and the feed say.
func (bd *build) structureKey() string {
	k := newKeyer(bd.b.seed)
	k.str(bd.inputs)
	k.str(bd.assetURL("favicon.svg"))
	for _, n := range bd.m.nodes {
		k.str(n.url)
		k.str(n.kind)
		k.str(n.title)
		k.str(n.description)
		k.time(n.date)
		k.time(n.lastmod)
		for _, a := range n.aliases {
			k.str(a.url)
		}
		k.int(int64(len(n.aliases)))
	}
	return k.sum()
}

// recordCopy adds a content file to the output, copied from src as a
// stream when it is written (never read whole into memory).
func (bd *build) recordCopy(out, key, src string, s *source) {
	bd.mu.Lock()
	bd.manifest[out] = key
	if bd.mode == modeFull || bd.mode == modeIncremental && bd.b.last.manifest[out] != key {
		bd.copies[out] = src
	}
	bd.mu.Unlock()
	if bd.mode == modeFull {
		if err := bd.out.copyFile(out, src); err != nil {
			bd.fail(diag.Errorf(s.path(), 0, 0, "cannot copy: %v", err))
		}
	}
}

func (bd *build) recordBytes(out string, data []byte) {
	k := newKeyer(bd.b.seed)
	k.bytes(data)
	bd.record(out, k.sum(), data)
}

// commit makes the build's output the site's output.
func (bd *build) commit() error {
	switch bd.mode {
	case modeFull:
		for p := range bd.manifest {
			bd.changed = append(bd.changed, p)
		}
		return bd.out.swap()
	case modeIncremental:
		for _, p := range sortedKeys(bd.staged) {
			if err := bd.out.write(p, bd.staged[p]); err != nil {
				return err
			}
			bd.changed = append(bd.changed, p)
		}
		for _, p := range sortedKeys(bd.copies) {
			if err := bd.out.copyFile(p, bd.copies[p]); err != nil {
				return err
			}
			bd.changed = append(bd.changed, p)
		}
		for _, p := range bd.changed {
			if _, ok := bd.manifest[p]; !ok {
				bd.out.remove(p)
			}
		}
	}
	return nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() < 1<<20 {
		bufPool.Put(b)
	}
}
