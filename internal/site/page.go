package site

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/output"
	"mutual/internal/render"
	"mutual/internal/search"
	"mutual/internal/theme"
	"mutual/internal/worksheet"
)

// pageJob is what rendering the pages of one build needs: read-only
// inputs, and the two stores that take results from every core (the write
// plan and the bodies kept for the next build).
type pageJob struct {
	*world
	md         *markdown.Markdown
	keys       *memo // nil for a one-off build (see memo)
	prev       *last // the previous build, for an incremental one; else nil
	bodies     *render.Bodies
	keepBodies bool // keep rendered bodies for the next build (a one-off build unloaded the Markdown: content.Source.Unload)
	plan       *output.Plan
	search     *searchState // nil when the site has no search
	sheets     *sheetMemo   // what the worksheet pages' rendering reported, for pages kept
}

// sheetMemo keeps, by output path, what rendering each worksheet page
// reported (its links and problems), the source it rendered and the key
// of everything else the report depends on, so that a rebuild that keeps
// the page's output still checks its links and reports its warnings, as a
// full build does.
//
// The report depends on other files: whether the files its links name
// exist, the pages' URLs and titles, the interface texts. Its key is the
// memo's cards key, which covers them all (memo.go); a report made by a
// build that failed (a linked guide deleted) is thus never taken for one
// of a build whose files are whole again, though that build's previous
// successful one had the same key.
type sheetMemo struct {
	mu    sync.Mutex
	byOut map[string]sheetReport
}

type sheetReport struct {
	src         *content.Source
	key         string // the memo's cards key when it was made
	links       []content.LinkRef
	errs, warns diag.List
}

// get is what rendering the page at out from src reported under key, if
// it is known.
func (m *sheetMemo) get(out string, src *content.Source, key string) (sheetReport, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.byOut[out]
	return r, ok && r.src == src && r.key == key
}

func (m *sheetMemo) put(out string, r sheetReport) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byOut == nil {
		m.byOut = map[string]sheetReport{}
	}
	m.byOut[out] = r
}

// retain forgets every page but those whose output path is in outs: a
// worksheet removed, renamed or no longer built in a language leaves no
// entry behind (nor the source it holds) in a long-running serve.
func (m *sheetMemo) retain(outs map[string]bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for out := range m.byOut {
		if !outs[out] {
			delete(m.byOut, out)
		}
	}
}

// pageResult is what rendering one page tells the rest of the build.
type pageResult struct {
	ids      map[string]bool   // its headings' ids, for links to them
	links    []content.LinkRef // its links to headings
	errs     diag.List
	warns    diag.List
	rendered bool // its layout ran
	// For the search index (search.go): the body or worksheet view, until
	// searchPage analysed them, and what it made of them.
	body      *render.Body
	view      *worksheet.View
	searchDoc *search.Doc
	searchKey string
}

// page renders n into the plan, unless the memo shows the previous build's
// output is still right.
func (j *pageJob) page(n *content.Node) pageResult {
	var r pageResult
	if n.Kind == "worksheet" && n.Src != nil && n.Src.Worksheet != nil {
		// Links may point at a section or a question of the page.
		r.ids = n.Src.Worksheet.Anchors()
	}
	isBody := n.Src != nil && n.Kind != "worksheet"
	var bodyKey string
	var body *render.Body
	l := j.langs[n.Tree.Index]
	// A page shown in a language without a translation renders its
	// original's Markdown with links to that language's pages: a body of
	// its own.
	bodyID := ""
	if isBody {
		bodyID = n.Src.Rel
		if n.Fallback {
			bodyID = n.Tree.Prefix + "\x00" + n.Src.Rel
		}
		if j.keys != nil {
			// (A one-off build has no key, nor bodies kept.)
			bodyKey = j.keys.bodyKey(n.Src)
			body = j.bodies.Get(bodyID, bodyKey)
		}
	}
	learn := func(b *render.Body) {
		r.ids, r.links, r.errs, r.warns = b.IDs, b.Links, b.Errs, b.Warns
		if n.Fallback {
			// The original's page reports its problems once.
			r.errs, r.warns = nil, nil
		}
		r.body = b
	}
	// Keeping an output needs its body's headings and links, to check
	// links: a page whose body is not kept is rendered again; so is a
	// worksheet page whose report (links, warnings) is not known.
	canKeep := j.prev != nil && (!isBody || body != nil)
	var sheet sheetReport
	if canKeep && n.Kind == "worksheet" {
		sheet, canKeep = j.sheets.get(n.Out, n.Src, j.keys.cards)
	}
	keep := func() pageResult {
		if body != nil {
			learn(body)
		}
		if n.Kind == "worksheet" {
			r.links, r.errs, r.warns = sheet.links, sheet.errs, sheet.warns
		}
		j.plan.Keep(n.Out)
		return r
	}
	if canKeep && j.prev.keys.cards == j.keys.cards && (n.Src == nil || j.prev.sources[n.Src.Rel] == n.Src) {
		// Neither this page's file nor anything any page shows changed:
		// its output cannot have changed either.
		if _, ok := j.plan.Previous(n.Out); ok {
			return keep()
		}
	}
	p, shown := j.pageData(n, j.keys != nil)
	key := j.keys.pageKey(n, shown)
	if canKeep && j.plan.Unchanged(n.Out, key) {
		return keep()
	}
	if isBody {
		if body == nil {
			body = j.newBody(n, bodyKey)
			if j.keepBodies {
				j.bodies.Put(bodyID, body)
			}
		}
		learn(body)
		p.Content = body.HTML
		if len(body.Headings) >= 3 {
			p.TOC = render.TOC(body.Headings)
			p.TableOfContents = render.TableOfContents(p.TOC)
			p.TOCNav = render.TOCNav(p.TableOfContents, l.readyTexts(n.Fallback && l.fallbackTemplates != nil).toc)
		}
	}
	if n.Kind == "worksheet" {
		view, links, errs, warns := render.Worksheet(n.Src, j.worksheetEnv(n))
		r.links, r.errs, r.warns = links, errs, warns
		if n.Fallback {
			r.errs, r.warns = nil, nil
		}
		if j.keys != nil {
			// For a next build that keeps the page (a one-off build has none).
			j.sheets.put(n.Out, sheetReport{src: n.Src, key: j.keys.cards, links: r.links, errs: r.errs, warns: r.warns})
		}
		if view == nil {
			return r
		}
		p.Worksheet = view
		r.view = view
	}
	p.links = readyLinks(j.assets, j.basePath, p)
	p.StyleLinks = render.StyleLinks(p.links)
	buf := pageBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer pageBuffers.Put(buf)
	if err := l.templatesFor(n).ExecuteLayout(buf, n.Kind, n.Type, n.Layout, p); err != nil {
		r.errs = append(r.errs, err)
		return r
	}
	if err := j.plan.Put(n.Out, key, buf.Bytes()); err != nil {
		r.errs.Add(n.Out, 0, 0, "cannot write: %v", err)
	}
	r.rendered = true
	return r
}

// readyLinks are p's stylesheets and scripts (Page.StyleLinks,
// Page.HeadLinks), once its body is known, with the theme's assets as the
// functions asset and hasAsset see them.
func readyLinks(assets theme.Assets, basePath string, p *Page) render.Links {
	l := render.Links{Custom: assets.URL(basePath, "css/custom.css"), Scripts: p.Scripts}
	if strings.Contains(string(p.Content), `class="chroma"`) {
		// The build makes css/chroma.css, whatever the theme has.
		l.Chroma = assets.URL(basePath, "css/chroma.css")
	}
	if p.Kind == "worksheet" {
		l.Worksheet = assets.URL(basePath, "css/worksheet.css")
	}
	return l
}

// worksheetEnv is what a worksheet's view is made with.
func (j *pageJob) worksheetEnv(n *content.Node) render.WorksheetEnv {
	l := j.langs[n.Tree.Index]
	return render.WorksheetEnv{
		Markdown: j.md, Resolver: j.res.In(n.Tree, n.Fallback), Help: l.site.Help,
		WasmURL:     j.assets.URL(j.basePath, "wasm/scorer.wasm"),
		WasmExecURL: j.assets.URL(j.basePath, "js/wasm_exec.js"),
		ScriptURL:   j.assets.URL(j.basePath, "js/worksheet.js"),
		Sheet:       n.Worksheet,
		Text:        func(key string) string { return l.text(key) },
	}
}

// newBody renders the Markdown of n's source, with the build's shortcodes
// when it has any, and the check of images' origins.
func (j *pageJob) newBody(n *content.Node, key string) *render.Body {
	env := render.BodyEnv{Image: j.image}
	if n.Src.Shortcodes && j.sc != nil {
		env.Shortcodes, env.Page = j.sc, j.shortcodePage(n)
	}
	return render.NewBody(j.md, n.Src, j.res.In(n.Tree, n.Fallback), key, env)
}

// pageBuffers hold a page's output while its layout runs.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeFiles gives the plan every output that is not a page: the assets,
// the content files copied as they are, the redirects of aliases, the
// sitemap, the feed and robots.txt.
func writeFiles(plan *output.Plan, w *world, keys *memo, prev *last, contentDir string) diag.List {
	var errs diag.List
	put := func(out, key string, data []byte) {
		if err := plan.Put(out, key, data); err != nil {
			errs.Add(out, 0, 0, "cannot write: %v", err)
		}
	}
	for _, name := range w.assets.Names() {
		a := w.assets[name]
		if a.Out != a.Name {
			put(a.Out, a.Out, a.Data) // the name carries the content hash
			continue
		}
		put(a.Out, keys.bytesKey(a.Data), a.Data)
	}
	copyFile := func(s *content.Source, out, from string) {
		key := keys.fileKey(s)
		if prev != nil && plan.Unchanged(out, key) {
			plan.Keep(out)
			return
		}
		if err := plan.Copy(out, key, from); err != nil {
			errs.Add(s.Path(), 0, 0, "cannot copy: %v", err)
		}
	}
	for _, rel := range sortedKeys(w.model.Files) {
		copyFile(w.model.Files[rel], w.model.FileOut[rel], filepath.Join(contentDir, filepath.FromSlash(rel)))
	}
	staticDir := filepath.Join(filepath.Dir(contentDir), content.StaticDir)
	for _, rel := range sortedKeys(w.model.Static) {
		copyFile(w.model.Static[rel], content.StaticOut(rel), filepath.Join(staticDir, filepath.FromSlash(rel)))
	}
	// Redirects, sitemap, feed and robots.txt show every page's card and
	// the site: when none of it changed, keep the last build's files.
	same := prev != nil && prev.keys.cards == keys.cards
	site := w.cfg.Origin() + w.basePath
	icon := w.assets.URL(w.basePath, "favicon.svg")
	for _, n := range w.model.Nodes {
		for _, a := range n.Aliases {
			out := content.OutFile(a.URL)
			if same {
				plan.Keep(out)
				continue
			}
			data := render.RedirectIn(w.langs[n.Tree.Index].redirectWords(), w.basePath+n.Href, site+n.Href, icon)
			put(out, keys.bytesKey(data), data)
		}
	}
	// A site's own static/robots.txt is published instead of mutual's
	// (copied above). Mutual's is written again by every build, as small
	// as it is, rather than kept: kept, it could be the site's own of the
	// last build.
	if w.model.Static["robots.txt"] == nil {
		data := render.Robots(site)
		put("robots.txt", keys.bytesKey(data), data)
	}
	if same {
		plan.Keep("sitemap.xml")
		for _, l := range w.langs {
			plan.Keep(l.tree.Prefix + "feed.xml")
		}
		return errs
	}
	var alternates func(*content.Node) []render.Alternate
	if len(w.langs) > 1 {
		alternates = w.alternates
	}
	files := []struct {
		out  string
		data []byte
	}{
		{"sitemap.xml", render.Sitemap(w.model.Nodes, site, alternates)},
	}
	for _, l := range w.langs {
		files = append(files, struct {
			out  string
			data []byte
		}{l.tree.Prefix + "feed.xml", render.Feed(ownPages(l.tree.Guides()), render.FeedInfo{Site: site, Home: site + l.tree.Prefix,
			Title: l.site.Title, Description: l.site.Description, Language: l.site.Language, Latest: w.model.Newest(), Generator: Version})})
	}
	for _, f := range files {
		put(f.out, keys.bytesKey(f.data), f.data)
	}
	return errs
}

// ownPages leaves out of ns the pages shown in a language that has no
// translation of them: a language's feed carries its own pages.
func ownPages(ns []*content.Node) []*content.Node {
	out := ns[:0:0]
	for _, n := range ns {
		if !n.Fallback {
			out = append(out, n)
		}
	}
	return out
}
