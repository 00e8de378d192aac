package yamldoc

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkParseFrontMatter is Parse on the plainest front matter, the
// case a fast path would have to beat.
func BenchmarkParseFrontMatter(b *testing.B) {
	src := []byte("title: \"Naming old debts\"\ndate: 2020-06-08\nweight: 37\ntags: [habits, care]\n")
	for b.Loop() {
		if _, errs := Parse(src, Options{Path: "a.md", LineOffset: 1}); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkParseWorksheet is Parse on a real worksheet.
func BenchmarkParseWorksheet(b *testing.B) {
	src, err := os.ReadFile("testdata/give-and-take.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, errs := Parse(src, Options{Path: "w.yaml"}); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkSyntaxError is Parse on a worksheet with a badly indented entry
// near its end: the cost of finding and explaining the mistake.
func BenchmarkSyntaxError(b *testing.B) {
	src, err := os.ReadFile("testdata/give-and-take.yaml")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	last := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "      - id: ") {
			last = i
		}
	}
	lines[last] = " " + lines[last]
	src = []byte(strings.Join(lines, "\n"))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, errs := Parse(src, Options{Path: "w.yaml"}); len(errs) == 0 {
			b.Fatal("no error")
		}
	}
}

// BenchmarkHostile is Parse on inputs built to be slow: a megabyte of
// brackets on one line, of keys, of nesting by indentation, of quotes
// never closed.
func BenchmarkHostile(b *testing.B) {
	var deep strings.Builder
	for i := 0; deep.Len() < DefaultMaxBytes-2000; i++ {
		deep.WriteString(strings.Repeat(" ", i%1000) + "k:\n")
	}
	for _, c := range []struct{ name, src string }{
		{"brackets", "a: " + strings.Repeat("[", DefaultMaxBytes-10)},
		{"keys", strings.Repeat("k: v\n", DefaultMaxBytes/5-2) + "  x: - y\n"},
		{"indentation", deep.String()},
		{"quotes", strings.Repeat("a: \"x\n", DefaultMaxBytes/6)},
		{"dashes", strings.Repeat("- ", DefaultMaxBytes/2-1)},
	} {
		b.Run(c.name, func(b *testing.B) {
			src := []byte(c.src)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse(src, Options{Path: "h.yaml"})
			}
		})
	}
}
