package yamldoc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// seeds adds every golden input and a few valid documents.
func seeds(f *testing.F, add func([]byte)) {
	files, _ := filepath.Glob("testdata/*/*.txtar")
	for _, file := range files {
		c := readCase(&testing.T{}, file)
		if in, ok := c.get("in.yaml"); ok && len(in) < 4096 {
			add(in)
		}
	}
	for _, s := range []string{
		"title: x\n",
		"a:\n  - b: 1\n    c: [d, {e: f}]\n  - |\n    text\n\n    more\n",
		"k:\n- a\n- 'b ''c'''\n- \"d\\\"e\"\n",
		"a: >-\n  folded\n  text\nb: plain\n  continued\n",
		"- - a\n  - b\n- c: d\n  e: f\n",
		"a: [x,\n  y]\nb: \"one\n  two\"\n",
		"a: {b: [c, d],\n  e: f}\n",
	} {
		add([]byte(s))
	}
}

// FuzzParse holds Parse to its promises on any input: no panic; the same
// errors for the same input; every error inside the file's lines and
// columns; no message in yaml.v3's words; and, for a text yaml.v3 reads, a
// tree with yaml.v3's values and positions.
func FuzzParse(f *testing.F) {
	seeds(f, func(b []byte) { f.Add(b, uint8(0)) })
	f.Fuzz(func(t *testing.T, src []byte, off uint8) {
		opt := Options{Path: "f.yaml", LineOffset: int(off % 4), ColOffset: int(off/4) % 3}
		root, errs := Parse(src, opt)
		root2, errs2 := Parse(src, opt)
		if errs.Error() != errs2.Error() {
			t.Fatalf("errors differ between two runs:\n%s\n--\n%s", errs, errs2)
		}
		if dump(root) != dump(root2) {
			t.Fatal("trees differ between two runs")
		}
		text := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		lines := bytes.Split(text, []byte("\n"))
		for _, e := range errs {
			if e.Path != "f.yaml" {
				t.Errorf("error with path %q: %s", e.Path, e)
			}
			if j := jargon(e.Msg); j != "" {
				t.Errorf("message carries the parser's jargon %q: %s", j, e)
			}
			if e.Line == 0 {
				if e.Col != 0 || !strings.Contains(e.Msg, "more than") {
					t.Errorf("error without a line: %s", e)
				}
				continue
			}
			l := e.Line - opt.LineOffset
			if l < 1 || l > len(lines) {
				t.Fatalf("line outside the %d lines of the text: %s", len(lines), e)
			}
			width := utf8.RuneCount(bytes.TrimSuffix(lines[l-1], []byte("\r")))
			if c := e.Col - opt.ColOffset; c < 1 || c > width+1 {
				t.Fatalf("column outside the %d characters of line %d: %s", width, l, e)
			}
		}
		// A text yaml.v3 reads, and Parse finds nothing to refuse in, gives
		// the tree yaml.v3 gives.
		var doc yaml.Node
		if len(errs) > 0 || unmarshal(text, &doc) != nil {
			return
		}
		if len(doc.Content) == 0 {
			if root != nil {
				t.Fatalf("yaml.v3 reads no content, Parse a root: %s", dump(root))
			}
			return
		}
		want := dumpYAML(doc.Content[0], opt)
		if want == "null\n" {
			want = dump(nil)
		}
		if got := dump(root); got != want {
			t.Fatalf("tree differs from yaml.v3's:\n%s--\n%s", got, want)
		}
	})
}

// FuzzPrefixes holds the bisection of diagnose to its assumption: cut at
// any line, a text yaml.v3 reads either parses or fails with a complaint
// from cutComplaints while the lexer says a quote or bracket is open there.
func FuzzPrefixes(f *testing.F) {
	seeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, src []byte) {
		var doc yaml.Node
		if unmarshal(src, &doc) != nil || bytes.ContainsAny(src, "\r\u0085\u2028\u2029\ufeff") || !utf8.Valid(src) {
			return
		}
		if bytes.Contains(src, []byte("\n---")) || bytes.Contains(src, []byte("\n...")) || bytes.HasPrefix(src, []byte("%")) {
			return // Parse cuts a second document before diagnosing
		}
		d := &diagnoser{src: src, lines: splitLines(src)}
		off := 0
		for _, l := range d.lines {
			d.starts = append(d.starts, off)
			off += len(l) + 1
		}
		d.lex = lex(d.lines)
		for k := 1; k < len(d.lines); k++ {
			_, err := d.parsePrefix(k)
			if d.state(k, err) == fail {
				t.Fatalf("the first %d lines fail for a cut alone: %v (open at the end: %v)\n%s", k, err, d.lex[k-1].open, src[:d.starts[k]])
			}
		}
	})
}

// dump prints a tree, one node per line, for comparisons.
func dump(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, ind string)
	walk = func(n *Node, ind string) {
		fmt.Fprintf(&b, "%s%v %d %q @%d:%d\n", ind, n.Kind, n.Style, n.Value, n.Line, n.Col)
		for _, c := range n.Content {
			walk(c, ind+"  ")
		}
	}
	if n == nil {
		return "nil\n"
	}
	walk(n, "")
	return b.String()
}

// dumpYAML prints a yaml.v3 tree as dump prints the same tree of Nodes.
func dumpYAML(y *yaml.Node, opt Options) string {
	var b strings.Builder
	var walk func(y *yaml.Node, ind string, key bool)
	walk = func(y *yaml.Node, ind string, key bool) {
		kind, style, value := Scalar, Plain, y.Value
		switch y.Kind {
		case yaml.MappingNode:
			kind, value = Map, ""
		case yaml.SequenceNode:
			kind, value = List, ""
		}
		switch {
		case y.Style&yaml.FlowStyle != 0:
			style = Flow
		case y.Style&yaml.DoubleQuotedStyle != 0:
			style = DoubleQuoted
		case y.Style&yaml.SingleQuotedStyle != 0:
			style = SingleQuoted
		case y.Style&yaml.LiteralStyle != 0:
			style = Literal
		case y.Style&yaml.FoldedStyle != 0:
			style = Folded
		case kind == Scalar && y.Tag == "!!null" && !key:
			kind, value = Null, ""
		}
		if y == nil {
			return
		}
		fmt.Fprintf(&b, "%s%v %d %q @%d:%d\n", ind, kind, style, value, y.Line+opt.LineOffset, y.Column+opt.ColOffset)
		for i, c := range y.Content {
			walk(c, ind+"  ", kind == Map && i%2 == 0)
		}
	}
	walk(y, "", false)
	if strings.HasPrefix(b.String(), "null ") {
		return "null\n"
	}
	return b.String()
}
