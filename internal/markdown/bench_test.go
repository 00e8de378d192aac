package markdown

import (
	"bytes"
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// benchPage is a realistic guide: ~900 words with headings, lists, a table,
// links and one Go and one YAML block, as make bench generates them.
func benchPage(b *testing.B) []byte {
	src, err := os.ReadFile("testdata/bench/page.md")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// cpuTime is the CPU time this process has used, user and system. On a
// shared machine it measures the work better than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds a "cpu-ns/op" metric: the process's CPU time per loop.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkRender(b *testing.B) {
	src := benchPage(b)
	m := New(Options{})
	ctx := Context{Path: "content/guides/page.md", LineOffset: 4, Resolve: testResolve}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := m.Render(io.Discard, src, ctx); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkRenderNoResolve is what the site's floor measurement calls.
func BenchmarkRenderNoResolve(b *testing.B) {
	src := benchPage(b)
	m := New(Options{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := m.Render(io.Discard, src, Context{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkBaseline is goldmark with the same extensions and chroma
// highlighting the way goldmark-highlighting does it (lexer looked up per
// block, classes), without ids, anchors or link resolution: the floor that
// Render's cost compares to.
func BenchmarkBaseline(b *testing.B) {
	src := benchPage(b)
	code := &baselineCode{f: html.New(html.WithClasses(true)), style: styles.Get("github")}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(code, 100))),
	)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var buf bytes.Buffer
	start := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := md.Convert(src, &buf); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

type baselineCode struct {
	f     *html.Formatter
	style *chroma.Style
}

func (c *baselineCode) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
}

func (c *baselineCode) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lexer := lexers.Get(string(n.Language(src)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkContinue, c.f.Format(w, c.style, it)
}

// BenchmarkWalk is the pass over the parsed document that Render makes
// before writing (heading ids, links through Resolve, tables, unread
// links): "walk-cpu-ns/op" is its CPU time alone, without the parse.
func BenchmarkWalk(b *testing.B) {
	src := benchPage(b)
	m := New(Options{})
	ctx := Context{Path: "content/guides/page.md", LineOffset: 4, Resolve: func(dest string, p Pos) (string, error) {
		if p.Line < 1 {
			b.Fatalf("link %q has no position", dest)
		}
		return testResolve(dest, p)
	}}
	b.ReportAllocs()
	var walk time.Duration
	for b.Loop() {
		b.StopTimer()
		var res Result
		d := document{src: src, ctx: &ctx, res: &res, fmt: m.fmt}
		doc := m.md.Parser().Parse(text.NewReader(src))
		b.StartTimer()
		start := cpuTime()
		d.walk(doc)
		walk += cpuTime() - start
	}
	b.ReportMetric(float64(walk)/float64(b.N), "walk-cpu-ns/op")
}
