package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/benchcorpus"
	"mutual/internal/content"
	"mutual/internal/markdown"
	"mutual/internal/output"
	"mutual/internal/render"
	"mutual/internal/theme"
)

// BenchmarkPageLayout measures what a build spends on each page outside
// Markdown: "corpus" runs the page job (page data, memo key, layout, the
// plan's bookkeeping, no file written) over every page of the generated
// 1,000-page corpus in turn, their bodies already rendered, as a full build
// runs it (each pass with new templates, whose partialCached cache starts
// empty, as a build's does); "one" runs the default theme's layout alone for one made-up
// guide page.
func BenchmarkPageLayout(b *testing.B) {
	b.Run("corpus", benchPageCorpus)
	b.Run("one", benchPageLayoutOne)
}

func benchPageCorpus(b *testing.B) {
	dir := b.TempDir()
	if err := benchcorpus.Write(dir, 1000, 1); err != nil {
		b.Fatal(err)
	}
	// A build that keeps the bodies it rendered; its page job is then run
	// again, with a plan that writes nothing and no previous build, so
	// that every page's layout runs.
	bl := New(Options{Dir: dir, Out: filepath.Join(dir, "public"), Watch: true})
	var job *pageJob
	bl.onPages = func(j *pageJob) { job = j }
	if _, err := bl.Build(); err != nil {
		b.Fatal(err)
	}
	j := *job
	j.prev, j.search = nil, nil
	// Each pass over the corpus starts, as a build does, with templates
	// of its own: their partialCached cache empty.
	chain, errs := theme.LoadChain(dir, "default", ConfigPath, 0, 0)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	funcs := theme.Funcs(theme.FuncEnv{Assets: j.assets, BasePath: j.basePath, Origin: j.cfg.Origin(), Latest: j.model.Newest()})
	funcs["active"] = func(item MenuItem, p *Page) bool { return item.URL != "" && item.URL == p.ActiveMenu }
	for name, f := range j.langs[0].funcs {
		funcs[name] = f
	}
	if len(j.langs) != 1 {
		b.Fatalf("the corpus has %d languages", len(j.langs))
	}
	nodes := j.model.Nodes
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	c0 := processCPU()
	for b.Loop() {
		if i%len(nodes) == 0 {
			j.plan = output.NewPlan(output.CheckOnly, nil, nil)
			ts, errs := chain.Templates(funcs)
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			j.langs[0].templates = ts
		}
		if r := j.page(nodes[i%len(nodes)]); !r.rendered || len(r.errs) > 0 {
			b.Fatalf("%s: rendered %v, %v", nodes[i%len(nodes)].Out, r.rendered, r.errs)
		}
		i++
	}
	b.ReportMetric(float64(processCPU()-c0)/float64(b.N), "cpu-ns/op")
}

// benchPageLayoutOne runs the default theme's layout for one guide page
// (with the ready-made meta tags, pager, date, table of contents and
// links the build makes for it): the cost of the theme alone.
func benchPageLayoutOne(b *testing.B) {
	chain, errs := theme.LoadChain(b.TempDir(), "default", ConfigPath, 0, 0)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	assets, errs := chain.Static()
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	// The build adds the code stylesheet it generates; head.html links it.
	assets["css/chroma.css"] = theme.NewAsset("css/chroma.css", []byte(".chroma{}\n"), "the code highlighting stylesheet")
	funcs := theme.Funcs(theme.FuncEnv{Assets: assets, BasePath: "/help/", Origin: "https://example.org"})
	funcs["active"] = func(item MenuItem, p *Page) bool { return item.URL != "" && item.URL == p.ActiveMenu }
	// The interface texts, bound to the page's language as a build binds them.
	cfg, _ := content.ParseConfig([]byte("title: Bench\nbaseURL: https://example.org/help/\n"))
	m, _ := content.NewSiteModel(nil, nil, content.ModelOptions{}, cfg)
	trs, _, errs := chain.Translations(b.TempDir(), "", cfg.Lang, nil)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	lang := newLanguages(cfg, m, trs)[0]
	for name, f := range lang.funcs {
		funcs[name] = f
	}
	ts, errs := chain.Templates(funcs)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	site := &Site{Title: "Bench", Description: "A site.", BaseURL: "https://example.org/help/", Language: "en",
		FeedURL: "/help/feed.xml", Home: "/help/", Generator: "mutual test", Help: "<p>Call <strong>someone</strong>.</p>",
		Menu: []MenuItem{{"Home", "/help/"}, {"Guides", "/help/guides/"}, {"Worksheets", "/help/worksheets/"}, {"Tags", "/help/tags/"}}}
	var toc []markdown.Heading
	for i := range 8 {
		toc = append(toc, markdown.Heading{Level: 2 + i%2, ID: fmt.Sprintf("heading-%d", i), Text: fmt.Sprintf("Heading number %d", i)})
	}
	p := &Page{Kind: "page", Title: "Saying yes to what matters", Description: "A description of the page.",
		URL: "/help/guides/s01/page-00001/", Permalink: "https://example.org/help/guides/s01/page-00001/",
		Date:        time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Tags:        []Link{{Title: "teams", URL: "/help/tags/teams/"}, {Title: "self-awareness", URL: "/help/tags/self-awareness/"}},
		Content:     template.HTML(strings.Repeat("<p>Some text of the page, with <em>emphasis</em>.</p>\n", 150)),
		TOC:         toc,
		Breadcrumbs: []Link{{Title: "Home", URL: "/help/"}, {Title: "Guides", URL: "/help/guides/"}, {Title: "S01", URL: "/help/guides/s01/"}},
		Prev:        &Link{Title: "Previous page", URL: "/help/guides/s01/page-00000/"},
		Next:        &Link{Title: "Next page", URL: "/help/guides/s01/page-00002/"},
		ActiveMenu:  "/help/guides/", Site: site}
	p.TableOfContents = render.TableOfContents(toc)
	var buf bytes.Buffer
	b.ReportAllocs()
	c0 := processCPU()
	for b.Loop() {
		p.MetaTags = render.MetaTags(render.Meta{Kind: p.Kind, Title: p.Title, Description: p.Description, // made per page by pageData
			Permalink: p.Permalink, Date: p.Date, SiteTitle: site.Title, SiteDescription: site.Description})
		p.Pager, p.TimeTag = lang.readyMade(p, false)
		p.TOCNav = render.TOCNav(p.TableOfContents, lang.readyTexts(false).toc)
		p.links = readyLinks(assets, "/help/", p)
		p.StyleLinks = render.StyleLinks(p.links)
		buf.Reset()
		if err := ts.Execute(&buf, p.Kind, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(processCPU()-c0)/float64(b.N), "cpu-ns/op")
	b.SetBytes(int64(buf.Len()))
}
