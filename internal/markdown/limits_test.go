package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// TestLimits renders texts that break each limit: each is refused with one
// positioned error and nothing is written. The repeated shapes are the
// ones goldmark spends time on in proportion to the square of their size
// (a line of "[a](", unclosed brackets over many lines of one paragraph,
// emphasis marks that never pair, quotes and lists nested on one line).
func TestLimits(t *testing.T) {
	tangled := "this paragraph is too tangled to render in reasonable time"
	tests := []struct {
		name, src string
		want      string // the error, after "content/a.md:"
	}{
		{"too big", strings.Repeat("word ", MaxSize/5+1), "3:1: this text is 10.0 MB; a page may be at most 10.0 MB: split it into several pages"},
		{"link openers on one line", "Intro.\n\n" + strings.Repeat("[a](", 40_000), "5:1: " + tangled},
		{"image openers on one line", strings.Repeat("![a](", 40_000), "3:1: " + tangled},
		{"unclosed links over many lines", "# T\n\n" + strings.Repeat("[a](\n", 40_000), "5:1: " + tangled},
		{"reference openers", strings.Repeat("[a][\n", 40_000), "3:1: " + tangled},
		{"unpaired emphasis", strings.Repeat("**a __b\n", 20_000), "3:1: " + tangled},
		{"html over lines", strings.Repeat("<a b=\"\n", 30_000), "3:1: " + tangled},
		{"a run of quotes", strings.Repeat("'", 100_000), "3:1: " + tangled},
		{"a quote a line", strings.Repeat("\"\n", 30_000), "3:1: " + tangled},
		// Rows after a delimiter row that goldmark does not read as a
		// table (no header before it, or a header of other width) count
		// as one paragraph.
		{"no table after a rule", "***\n|-|\n" + strings.Repeat("[a]\n", 40_000), "3:1: " + tangled},
		{"no table in a list item", "- | a |\n  |-|-|\n" + strings.Repeat("  [a]\n", 40_000), "3:1: " + tangled},
		{"no table after a rule after a table", "| a |\n|---|\n| r |\n***\n" + strings.Repeat("|[a]\n", 40_000), "6:1: " + tangled},
		// A fence in a list item ends with the item: the lines after it
		// are a paragraph.
		{"no code after a list item's fence", "- a\n   ```\n" + strings.Repeat("[a]\n", 40_000), "3:1: " + tangled},
		{"nested quotes", "ok\n\n" + strings.Repeat("> ", 40) + "deep\n", "5:1: quotes and lists are nested 40 deep on this line; at most 32 levels are allowed"},
		{"nested lists", strings.Repeat("1) ", 33) + "x\n", "3:1: quotes and lists are nested 33 deep on this line; at most 32 levels are allowed"},
		{"too many pieces", strings.Repeat("- a\n", 600_000), "3:1: this text has more than 1000000 lines and markup characters ([, ], *, _, |, < and the like): split it into several pages"},
		{"too many autolinks", strings.Repeat("www.example.org ", 400_000), "3:1: this text has more than 1000000 lines and markup characters ([, ], *, _, |, < and the like): split it into several pages"},
	}
	m := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			res, err := m.Render(&out, []byte(tt.src), Context{Path: "content/a.md", LineOffset: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Error(), "content/a.md:"+tt.want) {
				t.Fatalf("errors: %v\nwant one starting %q", res.Errors, "content/a.md:"+tt.want)
			}
			if out.Len() > 0 {
				t.Errorf("a refused text wrote %d bytes", out.Len())
			}
		})
	}
}

// TestLimitsKeepRealText checks that the limits leave real writing alone:
// the shipped guides, this package's test cases and the README, and large
// pages of ordinary prose, lists, tables and code, up to MaxSize.
func TestLimitsKeepRealText(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../content/*/*.md", "../../content/*/*/*.md", "testdata/render/*.md", "../../README.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if c := checkLimits(src); c.msg != "" {
			t.Errorf("%s: %s", f, c.msg)
		}
	}
	// A guide's page, repeated to nearly MaxSize: prose with links and
	// emphasis, a list, a table, headings and code.
	page, err := os.ReadFile("../../content/guides/asking-and-offering.md")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat(page, MaxSize/len(page))
	long := "| a | b |\n|---|---|\n" + strings.Repeat("| [x](y) | *z* |\n", 20_000)
	list := strings.Repeat("- An item with [a link](x.md) and *emphasis*, as lists have.\n", 40_000)
	prose := strings.Repeat("Words of prose, as people write them: sentences, commas and the odd \"quote\" or apostrophe's.\nA paragraph's second line, and a third one that ends it.\n\n", 70_000)
	for name, src := range map[string]string{"guide x many": string(big), "long table": long, "long list": list, "10 MB of prose": prose[:min(len(prose), MaxSize)]} {
		if c := checkLimits([]byte(src)); c.msg != "" {
			t.Errorf("%s (%d bytes): %s", name, len(src), c.msg)
		}
	}
}

// TestLimitsMemory measures the memory of goldmark's syntax tree for the
// largest texts the limits let through, in the shapes that make the
// biggest trees for their size, and for 10 MB of the shipped guides: each
// must stay under the bound README documents, 300 MB. (The tree is most of
// what rendering a page holds; its output is a few times the text at most.)
func TestLimitsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("renders several large texts")
	}
	const bound = 300 << 20
	page, err := os.ReadFile("../../content/guides/asking-and-offering.md")
	if err != nil {
		t.Fatal(err)
	}
	shapes := map[string]string{
		"10 MB of a guide": string(page),
		"nested lists":     "- - a\n",
		"a table":          "| a | b |\n|---|---|\n| c | d |\n",
		"autolinks":        "www.a.b ",
	}
	m := New(Options{})
	for _, name := range sortedKeys(shapes) {
		shape := shapes[name]
		// The most repetitions the limits accept: pieces grow with them.
		per := float64(checkLimits([]byte(strings.Repeat(shape, 100))).pieces) / 100
		k := min(MaxSize/len(shape), int(maxPieces/per)-2)
		src := []byte(strings.Repeat(shape, k))
		if c := checkLimits(src); c.msg != "" {
			t.Fatalf("%s: %d bytes refused: %s", name, len(src), c.msg)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		doc := m.md.Parser().Parse(text.NewReader(src))
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(doc)
		tree := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		t.Logf("%-18s %8d bytes: tree %4d MB", name, len(src), tree>>20)
		if tree > bound {
			t.Errorf("%s (%d bytes): the syntax tree takes %d MB, over the %d MB bound", name, len(src), tree>>20, bound>>20)
		}
	}
}

// FuzzLimits checks that checkLimits is deterministic, points inside the
// text, and refuses exactly what Render refuses.
func FuzzLimits(f *testing.F) {
	f.Add([]byte("| a | b |\n|---|:-:|\n| [x](y) | *z* |\n"), 3)
	f.Add([]byte("- | a |\n  |-|-|\n  [a]\n"), 100)
	f.Add([]byte("[a](\n\"'`<"), 1000)
	f.Add([]byte("```go\n[[[\n```\n> > 1) - x"), 50)
	m := New(Options{})
	f.Fuzz(func(t *testing.T, motif []byte, times int) {
		times = max(1, times%20_000)
		if len(motif)*times > 1<<20 {
			times = max(1, (1<<20)/max(1, len(motif)))
		}
		src := bytes.Repeat(motif, times)
		a, b := checkLimits(src), checkLimits(src)
		if a != b {
			t.Fatalf("two checks differ: %+v, %+v", a, b)
		}
		if a.line < 0 || a.line > bytes.Count(src, []byte("\n")) {
			t.Fatalf("line %d outside the text", a.line)
		}
		var out bytes.Buffer
		res, err := m.Render(&out, src, Context{Path: "f.md"})
		if err != nil {
			t.Fatal(err)
		}
		refused := a.msg != ""
		if refused != (len(res.Errors) == 1 && out.Len() == 0) {
			t.Fatalf("checkLimits says %q, Render wrote %d bytes with errors %v", a.msg, out.Len(), res.Errors)
		}
	})
}
