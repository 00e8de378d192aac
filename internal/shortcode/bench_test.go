package shortcode

import (
	"os"
	"strings"
	"testing"
)

// benchPage is a guide that uses shortcodes the way migrated Hugo content
// does: callouts in both forms, tabs, a figure, refs in links, params.
func benchPage(b *testing.B) string {
	b.Helper()
	var s strings.Builder
	for _, name := range []string{"notice", "hint", "tabs", "figure", "ref", "param", "details", "button"} {
		a := readArchive(b, "testdata/builtin/"+name+".txt")
		s.WriteString(a.Files["page.md"])
		s.WriteString("\n\nSome text between the examples, as a guide has.\n\n")
	}
	return s.String()
}

// BenchmarkPipeline is a page through Parse, Expand, the Markdown renderer
// and HTML, as the site runs it.
func BenchmarkPipeline(b *testing.B) {
	src := benchPage(b)
	set := newTestSet(b, builtinFiles(b))
	page := newTestPage()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		runPipeline(b, "content/bench.md", src, 0, set, page)
	}
}

// BenchmarkParsePlain is a page without shortcodes: the cost every page
// pays.
func BenchmarkParsePlain(b *testing.B) {
	src, err := os.ReadFile("../markdown/testdata/bench/page.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		doc, _ := Parse(src, Options{})
		if _, errs := doc.Expand(Env{}); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkParseBroken is bad input at scale: 20,000 tags on one line,
// half of them unclosed calls and stray closing tags, each an error. It
// holds the parser linear: doubling n doubles the time.
func BenchmarkParseBroken(b *testing.B) {
	src := []byte(strings.Repeat("{{< a >}}", 10000) + strings.Repeat("{{< /b >}}{{< a `", 5000))
	defs := map[string]Def{"a": {Inner: true}, "b": {Inner: true}}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Parse(src, Options{Defs: defs})
	}
}
