package site

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/output"
	"mutual/internal/render"
	"mutual/internal/search"
	"mutual/internal/worksheet"
)

// Search (issue 15). Unless site.yaml says search: false, a build writes
// a search page per language at its prefix (/search/, /es/search/; page
// kind "search", layout search.html) and, per language, the search index
// of that language's own guides, sections and worksheets into
// search/<lang>/ (package search; fallback copies of the default
// language's pages are left out, so a language without pages of its own
// has an index of none, whose searches find nothing), and every page
// loads js/search.js, which
// turns the header's search form (to its language's page and index:
// Site.SearchURL, Site.SearchIndex) into instant results.
//
// Each page's text is analysed in the render worker that rendered it, from
// the body it has just rendered (searchPage), so that no page is read twice
// (a worker renders a run of up to searchRun pages, then analyses them);
// the index is written once every page is (writeSearch). A Builder keeps the
// analysed pages of its last build with the key of what each depends on
// (its card, its section's title, its source's bytes and what its body's
// links resolve against, the language and the base path), so that a rebuild analyses only the
// pages that changed and keeps the index files when none did; what it
// writes is byte-identical to a full build's (package search). A one-off
// build (Builder.caching false, so no memo: see memo.go) makes no keys and
// keeps no pages: should its Builder build again, that build analyses
// every page and writes the index again.

// searchDir is the output folder of the search page and the index.
const searchDir = "search/"

// searchState is what a Builder keeps of the last build's search index.
type searchState struct {
	ix    *search.Index
	docs  map[string]searchDoc // by page URL
	sum   string               // of every page's key, in order; "" after a one-off build
	langs []string             // the site's language tags: each has an index, if only of no pages
}

// searchDoc is one page's analysed text and the key it was analysed for.
type searchDoc struct {
	key string
	doc *search.Doc
}

// searchOn reports whether the site has search.
func searchOn(cfg *content.Config) bool { return !cfg.NoSearch }

// indexed reports whether n's text goes into the index: every guide,
// section and worksheet of every language, in that language's index; a
// page shown in a language only as a fallback copy of the default
// language's is not indexed there (the default language's index has it),
// nor a further page of a section's list cut into pages (the section's
// text is on its first).
func indexed(n *content.Node) bool {
	if n.Fallback || n.ListPage() {
		return false
	}
	return n.Kind == "page" || n.Kind == "section" || n.Kind == "worksheet"
}

// langTag is the language tag of a tree's pages, as the index groups them.
func langTag(cfg *content.Config, t *content.Tree) string {
	codes := cfg.Langs()
	if t.Index < len(codes) && codes[t.Index] != "" {
		return string(codes[t.Index])
	}
	return cfg.Language
}

// addSearchPage adds a search page per language to the model (/search/,
// /es/search/), each before its language's 404 page, unless a page of the
// site has its URL.
func addSearchPage(m *content.Model, cfg *content.Config) diag.List {
	var errs diag.List
	for _, t := range m.Trees {
		lang := langTag(cfg, t)
		if _, err := search.LangFolder(lang); err != nil {
			errs.Add(cfg.Path, 0, 0, "language %q cannot name the search index's folder: use a language tag such as en or pt-BR, or turn search off with search: false", lang)
			return errs
		}
		url := t.Prefix + searchDir
		if o := m.ByURL[url]; o != nil {
			p, line, col := "content", 0, 0
			if o.Src != nil {
				p = o.Src.Path()
				at := o.Src.URLPos()
				line, col = at.Line, at.Col
			}
			errs.Add(p, line, col, "this page has the URL /%s, which is the search page's: move it, or turn search off with search: false in site.yaml", url)
			continue
		}
		n := &content.Node{Kind: "search", URL: url, Title: "Search", Tree: t, Key: searchDir}
		at := len(m.Nodes)
		for i, o := range m.Nodes {
			if o.Kind == "404" && o.Tree == t {
				at = i
				break
			}
		}
		m.Nodes = slices.Insert(m.Nodes, at, n)
		t.Nodes = append(t.Nodes, n) // titled in its language (titlePages)
		m.Add(n)
	}
	return errs
}

// searchClaims claim each language's index folder for the index: its
// manifest is the one fixed name there.
func searchClaims(cfg *content.Config) []output.Claim {
	var cs []output.Claim
	for _, code := range cfg.Langs() {
		lang, _ := search.LangFolder(cmp.Or(string(code), cfg.Language))
		cs = append(cs, output.Claim{Out: searchDir + lang + "/manifest.json", What: "the search index mutual writes"})
	}
	return cs
}

// searchKey is the key of what n's entry in the index depends on.
func (j *pageJob) searchKey(n *content.Node) string {
	k := j.keys.keyer()
	card(k, n)
	k.str(sectionTitle(n, j.langs[n.Tree.Index].text("home")))
	k.str(langTag(j.cfg, n.Tree))
	k.str(j.basePath)
	if n.Src != nil {
		// What its body depends on (with shortcodes, every card too).
		k.str(j.keys.bodyKey(n.Src))
	}
	return k.sum()
}

// sectionTitle is the title of the section a result for n names; home
// names the home page's section in n's language.
func sectionTitle(n *content.Node, home string) string {
	s := n.Section
	if s != nil && n.Kind == "section" {
		s = s.Parent
	}
	if s == nil || s.Node == nil {
		return ""
	}
	if s.Dir == "" {
		return home
	}
	return s.Node.Title
}

// searchPage analyses n's text for the index, in the render worker that
// rendered it, and lets go of the body and view the result held for it.
func (j *pageJob) searchPage(n *content.Node, r *pageResult) {
	body, view := r.body, r.view
	r.body, r.view = nil, nil
	if j.search == nil || !indexed(n) {
		return
	}
	// The key serves only a next build of this Builder: a one-off build
	// (no memo) has no use for it, nor a last build's Docs to compare it
	// with (writeSearch keeps none).
	if j.keys != nil {
		key := j.searchKey(n)
		r.searchKey = key
		if prev, ok := j.search.docs[n.URL]; ok && prev.key == key {
			r.searchDoc = prev.doc
			return
		}
	}
	d, ok := j.searchDocument(n, body, view)
	if !ok {
		return
	}
	doc, err := j.search.ix.Analyze(&d)
	if err != nil {
		r.errs.Add(n.Out, 0, 0, "cannot index for search: %v", err)
		return
	}
	r.searchDoc = doc
}

// searchDocument is what the index holds of n: its body, rendered for
// this build or nil (a guide's is then taken from the kept bodies or made
// again), or its worksheet's view, made for this build or nil (made
// again). It is false for a worksheet whose view cannot be made.
func (j *pageJob) searchDocument(n *content.Node, body *render.Body, view *worksheet.View) (search.Document, bool) {
	d := search.Document{
		URL: j.basePath + n.Href, Title: n.Title, Section: sectionTitle(n, j.langs[n.Tree.Index].text("home")),
		Description: n.Description, Language: langTag(j.cfg, n.Tree),
	}
	for _, t := range n.Tags {
		d.Tags = append(d.Tags, t.Name)
	}
	switch {
	case n.Kind == "worksheet":
		if view == nil {
			// A kept page: its view was not made in this build.
			view, _, _, _ = render.Worksheet(n.Src, j.worksheetEnv(n))
			if view == nil {
				return search.Document{}, false
			}
		}
		worksheetText(&d, view)
	case n.Src != nil:
		if body == nil {
			body = j.bodies.Get(n.Src.Rel, j.keys.bodyKey(n.Src))
		}
		if body == nil {
			body = j.newBody(n, j.keys.bodyKey(n.Src))
		}
		d.Body = string(body.HTML)
	}
	return d, true
}

// worksheetText is what the index holds of a worksheet: its introduction,
// and for each section its title (as the heading, with the fieldset's id
// as the anchor), its introduction and its questions with their help.
// Options and answers are never indexed. The default worksheet layout
// marks the same texts on the page (data-search-body, data-search-part,
// data-search-skip), from which search-engine.js takes a result's passage
// when the index's opening of a part does not hold the query's words:
// TestWorksheetSearchPartsMatchPage (build tag browser) holds the two to
// the same parts.
func worksheetText(d *search.Document, v *worksheet.View) {
	if v.Summary != "" && d.Description == "" {
		d.Description = v.Summary
	}
	d.Body = string(v.Intro)
	for _, s := range v.Sections {
		var b strings.Builder
		b.WriteString(string(s.Intro))
		for _, q := range s.Questions {
			b.WriteString("<p>")
			if q.Text != "" {
				b.WriteString(html.EscapeString(q.Text))
			} else {
				for _, g := range q.Groups {
					b.WriteString(html.EscapeString(g.Legend))
					b.WriteString("<br>")
				}
			}
			b.WriteString("</p>")
			b.WriteString(string(q.Help))
		}
		var text []string
		for _, p := range search.Parts(b.String()) {
			if p.Heading != "" {
				text = append(text, p.Heading)
			}
			if p.Text != "" {
				text = append(text, p.Text)
			}
		}
		d.Parts = append(d.Parts, search.Part{Anchor: s.ID, Heading: s.Title, Text: strings.Join(text, " ")})
	}
}

// writeSearch gives the plan the search index of the pages rendered (or
// keeps the last build's files when no page's entry changed), and returns
// what the Builder keeps for the next build.
func writeSearch(plan *output.Plan, keys *memo, st *searchState, nodes []*content.Node, results []pageResult, prev *last) (*searchState, diag.List) {
	var errs diag.List
	next := &searchState{ix: st.ix, langs: st.langs}
	var docs []*search.Doc
	for i := range nodes {
		if d := results[i].searchDoc; d != nil {
			docs = append(docs, d)
		}
	}
	// A one-off build (no memo: searchPage made no keys) keeps no Docs
	// and no sum, and a next build writes the index again.
	if keys != nil {
		next.docs = make(map[string]searchDoc, len(docs))
		k := strings.Builder{}
		for i, n := range nodes {
			r := &results[i]
			if r.searchDoc == nil {
				continue
			}
			next.docs[n.URL] = searchDoc{key: r.searchKey, doc: r.searchDoc}
			k.WriteString(n.URL)
			k.WriteByte(0)
			k.WriteString(r.searchKey)
			k.WriteByte(0)
		}
		k.WriteString(strings.Join(st.langs, ","))
		next.sum = k.String()
	}
	if prev != nil && prev.search != nil && next.sum != "" && prev.search.sum == next.sum {
		for out := range prev.manifest {
			if isIndexFile(out) {
				plan.Keep(out)
			}
		}
		return next, nil
	}
	// Each file is given to the plan as soon as it is made (a full
	// build writes it out at once), from every core.
	err := st.ix.WriteFiles(docs, func(name string, b []byte) error {
		out := searchDir + name
		key := out // every name but the manifest's carries a hash of its bytes
		if strings.HasSuffix(name, "/manifest.json") {
			key = keys.bytesKey(b)
			plan.WriteLast(out) // it names the others
		}
		if err := plan.Put(out, key, b); err != nil {
			return &putError{out, err}
		}
		return nil
	}, st.langs...)
	if pe := (*putError)(nil); errors.As(err, &pe) {
		errs.Add(pe.out, 0, 0, "cannot write: %v", pe.err)
		return nil, errs
	} else if err != nil {
		errs.Add(searchDir, 0, 0, "cannot write the search index: %v", err)
		return nil, errs
	}
	return next, errs
}

// putError is a file of the index that the plan could not take.
type putError struct {
	out string
	err error
}

func (e *putError) Error() string { return e.out + ": " + e.err.Error() }

// isIndexFile reports whether an output path is one of the index's: in a
// folder under search/.
func isIndexFile(out string) bool {
	rest, ok := strings.CutPrefix(out, searchDir)
	return ok && strings.Contains(rest, "/")
}

// A rebuild with Options.DeferIndex commits its pages, then writes its
// search index on another goroutine (deferIndex), so that mutual serve
// sends the reload without waiting for the index; meanwhile the previous
// index stays in place, whole. The next Build or Check first waits for it
// (waitIndex). Its files get a plan of their own: the pages' plan keeps
// the previous index's files (keepIndex), and the index's plan writes the
// new ones and removes those no longer named, as the pages' plan would
// have done.

// indexResult is what a deferred index write leaves for the next build.
type indexResult struct {
	last     *last // the build it belongs to
	search   *searchState
	manifest output.Manifest // the index's files
	err      error
}

// keepIndex makes the pages' plan keep the previous build's index files,
// and returns the plan that writes the new index in their place.
func keepIndex(plan *output.Plan, prev output.Manifest, dir *output.Dir) *output.Plan {
	files := output.Manifest{}
	for out, key := range prev {
		if isIndexFile(out) {
			files[out] = key
			plan.Keep(out)
		}
	}
	return output.NewPlan(output.Incremental, files, dir)
}

// deferIndex writes the index of the build that has just been committed
// (b.last) into index on another goroutine, which releases dir when done.
func (b *Builder) deferIndex(index *output.Plan, dir *output.Dir, keys *memo, st *searchState, nodes []*content.Node, results []pageResult, prev *last) {
	built := b.last
	b.indexing.Go(func() {
		defer dir.Discard()
		next, errs := writeSearch(index, keys, st, nodes, results, prev)
		var err error
		if len(errs) > 0 {
			err = errs
		} else {
			_, err = index.Commit()
		}
		b.indexed = &indexResult{last: built, search: next, manifest: index.Manifest(), err: err}
	})
}

// waitIndex waits for a deferred index write and takes what it left into
// b.last. After a failed one the index on disk may be half written: the
// next build is then a full one, which writes everything again. It
// returns the failure. b.mu must be held.
func (b *Builder) waitIndex() error {
	b.indexing.Wait()
	r := b.indexed
	b.indexed = nil
	if r == nil || r.last != b.last {
		return nil
	}
	if r.err != nil {
		b.last, b.search = nil, nil
		return fmt.Errorf("writing the search index: %w", r.err)
	}
	for out := range b.last.manifest {
		if isIndexFile(out) {
			delete(b.last.manifest, out)
		}
	}
	maps.Copy(b.last.manifest, r.manifest)
	b.last.search, b.search = r.search, r.search
	return nil
}

// Wait waits until the search index that a rebuild left to write
// (Options.DeferIndex) is written, and returns the error that stopped
// it, if any (the next Build then writes the whole site again).
func (b *Builder) Wait() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.waitIndex()
}

// searchRun is how many pages a render worker renders before it analyses
// them for search (see Builder.build).
const searchRun = 8
