package shortcode

import (
	"bytes"
	"html"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks properties that hold for any page:
//   - no panic, and the same tree twice;
//   - every error inside the file (lines after the front matter, columns
//     from 1);
//   - the nodes of every list cover their source exactly: no gap, no
//     overlap, in order;
//   - a page without "{{<" or "{{%" is one text node equal to the page;
//   - an escaped form round-trips: writing /* */ back into the text it
//     writes out gives its source;
//   - Expand does not panic, leaves no placeholder in the HTML it
//     finishes, and maps every Markdown position into the file.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"parse", "expand", "builtin"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		for _, file := range files {
			a := readArchive(f, file)
			f.Add([]byte(a.Files["page.md"]), 3, dir == "builtin")
		}
	}
	f.Add([]byte("{{< a >}}{{% b %}}{{< /a >}}{{% /b %}}"), 0, false)
	f.Add([]byte("{{</* x */%}}{{%/* y */>}}"), 0, false)
	f.Add([]byte("{{< x \"\\\"\" `\n` >}}\r\n{{<"), 1, true)
	defs := map[string]Def{"a": {Inner: true}, "b": {}, "hint": {Inner: true}, "param": {}, "x": {}}
	f.Fuzz(func(t *testing.T, src []byte, lineOffset int, useDefs bool) {
		lineOffset = max(0, lineOffset%1000)
		opts := Options{Path: "content/f.md", LineOffset: lineOffset, Theme: "t"}
		if useDefs {
			opts.Defs = defs
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		inFile := func(line, col int) bool {
			return line > lineOffset && line <= lineOffset+lines && col >= 1
		}
		doc, errs := Parse(src, opts)
		for _, e := range errs {
			if !inFile(e.Line, e.Col) || e.Path != "content/f.md" || e.Msg == "" {
				t.Errorf("error outside the file: %v", e)
			}
		}
		again, _ := Parse(src, opts)
		if dumpTree(doc) != dumpTree(again) {
			t.Error("two parses differ")
		}
		checkTiling(t, src, doc.Nodes, 0, len(src))
		if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
			if len(src) == 0 && len(doc.Nodes) != 0 || len(src) > 0 && (len(doc.Nodes) != 1 || doc.Nodes[0].Kind != TextNode || doc.Nodes[0].Text != string(src)) {
				t.Errorf("a page without shortcodes is not one text node: %s", dumpTree(doc))
			}
		}
		for _, c := range doc.Calls() {
			if c.Paired {
				checkTiling(t, src, c.Inner, c.OpenEnd, c.CloseStart)
			}
		}
		walkNodes(doc.Nodes, func(n *Node) {
			if n.Kind == EscapedNode {
				back := n.Text[:3] + "/*" + n.Text[3:len(n.Text)-3] + "*/" + n.Text[len(n.Text)-3:]
				if back != string(src[n.Start:n.End]) {
					t.Errorf("escaped form %q does not round-trip to %q", n.Text, src[n.Start:n.End])
				}
			}
		})

		exp, _ := doc.Expand(Env{
			Execute: func(c *Call) (string, error) {
				if c.sc.Markdown {
					b, _ := c.Body()
					return "*" + c.Name + "*<div>" + string(b) + "</div>", nil
				}
				return "<b>" + html.EscapeString(c.Name) + "</b>" + string(c.Inner), nil
			},
			Markdown: func(fr Fragment) (string, error) {
				return "<p>" + html.EscapeString(fr.Src) + "</p>\n", nil
			},
		})
		out, _ := exp.HTML(exp.Markdown)
		if exp.prefix != "" && bytes.Contains(out, []byte(exp.prefix)) {
			t.Errorf("placeholder left in %q", out)
		}
		mdLines := bytes.Count(exp.Markdown, []byte("\n")) + 1
		for _, l := range []int{1, mdLines / 2, mdLines} {
			for _, c := range []int{1, 2, 40} {
				if line, col := exp.Position(l, c); !inFile(line, col) {
					t.Errorf("Markdown %d:%d maps to %d:%d, outside the file", l, c, line, col)
				}
			}
		}
	})
}

// checkTiling fails unless nodes cover src[from:to] in order, exactly.
func checkTiling(t *testing.T, src []byte, nodes []*Node, from, to int) {
	t.Helper()
	at := from
	for _, n := range nodes {
		if n.Start != at || n.End < n.Start || n.End > to {
			t.Errorf("node %d..%d does not follow %d (range %d..%d)", n.Start, n.End, at, from, to)
			return
		}
		if n.Kind == TextNode && n.Text != string(src[n.Start:n.End]) {
			t.Errorf("text node %q differs from its source %q", n.Text, src[n.Start:n.End])
		}
		at = n.End
	}
	if at != to {
		t.Errorf("nodes end at %d, not %d", at, to)
	}
}

func walkNodes(nodes []*Node, fn func(*Node)) {
	for _, n := range nodes {
		fn(n)
		if n.Kind == CallNode {
			walkNodes(n.Call.Inner, fn)
		}
	}
}

// FuzzPipeline runs any page through the default theme's shortcodes and
// the real Markdown renderer: no panic, the same HTML twice, no style or
// event attribute, and no placeholder left in the HTML unless an error
// says where it got lost.
func FuzzPipeline(f *testing.F) {
	for _, dir := range []string{"expand", "builtin"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		for _, file := range files {
			a := readArchive(f, file)
			f.Add([]byte(a.Files["page.md"]))
		}
	}
	set := newTestSet(f, builtinFiles(f))
	f.Fuzz(func(t *testing.T, src []byte) {
		r := runPipeline(t, "content/f.md", string(src), 2, set, newTestPage())
		again := runPipeline(t, "content/f.md", string(src), 2, set, newTestPage())
		if r.html != again.html || r.errs.Error() != again.errs.Error() {
			t.Error("two runs differ")
		}
		if attr := forbiddenAttribute(r.html); attr != "" {
			t.Errorf("output has a %s attribute:\n%s", attr, r.html)
		}
		if strings.Contains(r.html, placeholderPrefix) && !bytes.Contains(src, []byte(placeholderPrefix)) && !strings.Contains(r.errs.Error(), "is lost") {
			t.Errorf("a placeholder is left without an error:\n%s", r.html)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range r.errs {
			if e.Line != 0 && (e.Line <= 2 || e.Line > 2+lines || e.Col < 1) {
				t.Errorf("error outside the file: %v", e)
			}
		}
	})
}
