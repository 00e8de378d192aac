package yamldoc

import (
	"strings"
	"testing"
)

func errorsOf(t *testing.T, src string, opt Options) string {
	t.Helper()
	if opt.Path == "" {
		opt.Path = "in.yaml"
	}
	_, errs := Parse([]byte(src), opt)
	for _, e := range errs {
		if j := jargon(e.Msg); j != "" {
			t.Errorf("jargon %q in %s", j, e)
		}
	}
	return errs.Error()
}

// TestCharacters covers what a file may hold byte by byte: encodings, line
// endings and invisible characters, which cannot live in golden text files.
func TestCharacters(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"byte order mark at the start", "\xef\xbb\xbftitle: x\n", ""},
		{"windows line endings", "title: x\r\nintro: |\r\n  one\r\n  two\r\n", ""},
		{"windows line endings, bad indentation", "a: 1\r\n  b: 2\r\n",
			`in.yaml:2:3: this line is indented more than line 1 above it: line up "b" with "a"`},
		{"windows line endings, quote never closed", "a: 1\r\nb: \"x\r\nc: 2\r\n",
			`in.yaml:2:4: the quote opened here is never closed`},
		{"UTF-16, big end first", "\xfe\xff\x00t\x00:", "in.yaml:1:1: the file is saved as UTF-16 text; save it as UTF-8"},
		{"UTF-16, little end first", "\xff\xfet\x00:\x00", "in.yaml:1:1: the file is saved as UTF-16 text; save it as UTF-8"},
		{"not UTF-8", "title: caf\xe9\n", "in.yaml:1:11: this is not UTF-8 text; save the file as UTF-8"},
		{"a bell", "a: b\x07c\n", "in.yaml:1:5: an invisible control character (U+0007) is here; delete it"},
		{"a NUL", "a: b\x00\n", "in.yaml:1:5: an invisible control character (U+0000) is here; delete it"},
		{"DEL", "a: \x7f\n", "in.yaml:1:4: an invisible control character (U+007F) is here; delete it"},
		{"a C1 control", "a: \u0090\n", "in.yaml:1:4: an invisible control character (U+0090) is here; delete it"},
		{"a carriage return alone", "a: 1\rb: 2\n",
			"in.yaml:1:5: a carriage return without a line feed is here; save the file with ordinary line endings"},
		{"a line separator", "text: one\u2028two\n",
			"in.yaml:1:10: an invisible line separator (U+2028), probably pasted, is here; replace it with an ordinary line break"},
		{"a next-line character", "text: one\u0085two\n",
			"in.yaml:1:10: an invisible line separator (U+0085), probably pasted, is here; replace it with an ordinary line break"},
		{"a byte order mark later", "a: 1\nb: \ufeffx\n", "in.yaml:2:4: an invisible byte order mark (U+FEFF) is here; delete it"},
		{"columns count characters", "é: ü\x01\n", "in.yaml:1:5: an invisible control character (U+0001) is here; delete it"},
		{"one error per line, every line", "a: \x01\x02\nb: \x03\n",
			"in.yaml:1:4: an invisible control character (U+0001) is here; delete it\n" +
				"in.yaml:2:4: an invisible control character (U+0003) is here; delete it"},
		{"a tab inside a text is fine", "a: one\ttwo\nb:\t3\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorsOf(t, tt.src, Options{}); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opt  Options
		want string
	}{
		{"size", "title: abcd\n", Options{MaxBytes: 10}, "in.yaml: this YAML is 12 bytes, more than the 10 bytes it may hold"},
		{"size, default", strings.Repeat("a", DefaultMaxBytes+1), Options{}, "in.yaml: this YAML is 1.0 MB, more than the 1 MB it may hold"},
		{"size, at the limit", strings.Repeat("a", 10), Options{MaxBytes: 10}, ""},
		{"depth by indentation", "a:\n  b:\n    c:\n      d: 1\n", Options{MaxDepth: 3}, "in.yaml:4:7: this is nested more than 3 levels deep"},
		{"depth in brackets", "a: [[[1]]]\n", Options{MaxDepth: 3}, "in.yaml:1:6: this is nested more than 3 levels deep"},
		{"depth, reported once", "a: [[[1]], [[2]]]\n", Options{MaxDepth: 3}, "in.yaml:1:6: this is nested more than 3 levels deep"},
		{"depth at the limit", "a: [[1]]\n", Options{MaxDepth: 3}, ""},
		{"a very long line", "text: " + strings.Repeat("word ", 50000) + "\n", Options{}, ""},
		{"a very long line, then a mistake", "title: x\ntext: " + strings.Repeat("é ", 50000) + "Note: this\n", Options{},
			`in.yaml:2:7: a text holding ": " must be in quotes; put quotes around the whole text`},
		{"a mistake at the end of a very long line", "text: \"" + strings.Repeat("é", 50000) + "\" y\n", Options{},
			"in.yaml:1:50010: more text follows the closing quote; put quotes around the whole text, using single quotes if it holds double quotes ('She said \"yes\"')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorsOf(t, tt.src, tt.opt); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestEmpty: a document without content is a nil root and no error; the
// caller decides.
func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment\n", "---\n", "--- \n...\n", "~\n", "null\n", "   \n"} {
		root, errs := Parse([]byte(src), Options{Path: "in.yaml"})
		if root != nil || len(errs) > 0 {
			t.Errorf("%q: root %v, errors %v", src, root, errs)
		}
	}
	root, errs := Parse([]byte(`""`), Options{Path: "in.yaml"})
	if root == nil || root.Kind != Scalar || root.Value != "" || len(errs) > 0 {
		t.Errorf(`"": want an empty text, got %v %v`, root, errs)
	}
}

// find returns the value of a path of keys and list indexes ("a.0.b").
func find(t *testing.T, root *Node, path string) *Node {
	t.Helper()
	n := root
	for _, step := range strings.Split(path, ".") {
		switch n.Kind {
		case Map:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == step {
					n, found = n.Content[i+1], true
					break
				}
			}
			if !found {
				t.Fatalf("%s: no key %q", path, step)
			}
		case List:
			i := int(step[0] - '0')
			if i >= len(n.Content) {
				t.Fatalf("%s: no entry %d", path, i)
			}
			n = n.Content[i]
		default:
			t.Fatalf("%s: %v has no %q", path, n.Kind, step)
		}
	}
	return n
}

// TestPositions: every node carries its file position, offsets included,
// and TextPos finds where a text itself begins.
func TestPositions(t *testing.T) {
	src := "title: \"Naming\"\n" + // file line 2
		"empty:\n" + // 3
		"tags: [habits, care]\n" + // 4
		"menu:\n" + // 5
		"  - name: Home\n" + // 6
		"    url: /\n" + // 7
		"intro: |\n" + // 8
		"\n" + // 9
		"    First line\n" + // 10
		"    second\n" + // 11
		"help: >-\n" + // 12
		"  Folded\n" + // 13
		"café: ü\n" + // 14
		"plain: a\n  b\n" // 15, 16
	root, errs := Parse([]byte(src), Options{Path: "a.md", LineOffset: 1, ColOffset: 2})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		path              string
		line, col         int
		textLine, textCol int
		kind              Kind
		style             Style
		value             string
	}{
		{"title", 2, 10, 2, 11, Scalar, DoubleQuoted, "Naming"},
		{"empty", 3, 9, 3, 9, Null, Plain, ""},
		{"tags", 4, 9, 4, 9, List, Flow, ""},
		{"tags.1", 4, 18, 4, 18, Scalar, Plain, "care"},
		{"menu", 6, 5, 6, 5, List, Plain, ""},
		{"menu.0", 6, 7, 6, 7, Map, Plain, ""},
		{"menu.0.url", 7, 12, 7, 12, Scalar, Plain, "/"},
		{"intro", 8, 10, 10, 7, Scalar, Literal, "\nFirst line\nsecond\n"},
		{"help", 12, 9, 13, 5, Scalar, Folded, "Folded"},
		{"café", 14, 9, 14, 9, Scalar, Plain, "ü"},
		{"plain", 15, 10, 15, 10, Scalar, Plain, "a b"},
	}
	for _, tt := range tests {
		n := find(t, root, tt.path)
		tl, tc := n.TextPos()
		if n.Line != tt.line || n.Col != tt.col || tl != tt.textLine || tc != tt.textCol ||
			n.Kind != tt.kind || n.Style != tt.style || n.Value != tt.value {
			t.Errorf("%s: got %v %v %q at %d:%d, text at %d:%d; want %v %v %q at %d:%d, text at %d:%d", tt.path,
				n.Kind, n.Style, n.Value, n.Line, n.Col, tl, tc, tt.kind, tt.style, tt.value, tt.line, tt.col, tt.textLine, tt.textCol)
		}
	}
	// Keys are positioned too.
	if k := root.Content[2]; k.Value != "empty" || k.Line != 3 || k.Col != 3 {
		t.Errorf("key: %q at %d:%d", k.Value, k.Line, k.Col)
	}
	// So are errors, syntax errors included.
	if got, want := errorsOf(t, "a: 1\n  b: 2\n", Options{LineOffset: 1, ColOffset: 2}),
		`in.yaml:3:5: this line is indented more than line 2 above it: line up "b" with "a"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := errorsOf(t, "a: 1\na: 2\n", Options{LineOffset: 1, ColOffset: 2}),
		`in.yaml:3:3: duplicate key "a" (first at line 2)`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestValues: a value is kept as written, whatever YAML would make of it.
func TestValues(t *testing.T) {
	src := "year: 2024\nprice: 1.50\nhex: 0x1F\nyes: yes\nnull: ~\nquoted: \"null\"\n~: tilde\n1: one\nwhen: 2026-03-14\nflow: {a: 1}\n"
	root, errs := Parse([]byte(src), Options{Path: "in.yaml"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		got = append(got, k.Value+"="+v.Kind.String()+":"+v.Value)
	}
	want := "year=scalar:2024 price=scalar:1.50 hex=scalar:0x1F yes=scalar:yes null=null: quoted=scalar:null ~=scalar:tilde 1=scalar:one when=scalar:2026-03-14 flow=map:"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestDuplicateKeys: the first of two keys stays, the second is reported
// where it is written, naming the line of the first.
func TestDuplicateKeys(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a: 1\nb: 2\na: 3\n", `in.yaml:3:1: duplicate key "a" (first at line 1)`},
		{"m: {a: 1, a: 2}\n", `in.yaml:1:11: duplicate key "a" (first at line 1)`},
		{"- a: 1\n  a: 2\n", `in.yaml:2:3: duplicate key "a" (first at line 1); to start a new entry of the list, begin this line with "- "`},
		{"- {a: 1, a: 2}\n", `in.yaml:1:10: duplicate key "a" (first at line 1)`},
		{"- a: 1\n  b: 2\n  b: 3\n", `in.yaml:3:3: duplicate key "b" (first at line 2); this entry of the list has it already: keep one of the two`},
		{"- a: 1\n  b: 2\n  c: 3\n  b: 4\n  c: 5\n", `in.yaml:4:3: duplicate key "b" (first at line 2); to start a new entry of the list, begin this line with "- "`},
		{"- a: 1\n  b: 2\n  a: 3\n  b: 4\n  b: 5\n", "in.yaml:3:3: duplicate key \"a\" (first at line 1); to start a new entry of the list, begin this line with \"- \"\nin.yaml:5:3: duplicate key \"b\" (first at line 4); this entry of the list has it already: keep one of the two"},
		{"a:\n  b: 1\n  b: 2\n  b: 3\n", "in.yaml:3:3: duplicate key \"b\" (first at line 2)\nin.yaml:4:3: duplicate key \"b\" (first at line 2)"},
		{"1: a\n\"1\": b\n", `in.yaml:2:1: duplicate key "1" (first at line 1)`},
		{"a: 1\nA: 2\n", ""},
	}
	for _, tt := range tests {
		if got := errorsOf(t, tt.src, Options{}); got != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
	}
	root, _ := Parse([]byte("a: 1\na: 2\nb: 3\n"), Options{})
	if len(root.Content) != 4 || root.Content[1].Value != "1" || root.Content[2].Value != "b" {
		t.Errorf("the first key must stay and the second go: %s", dump(root))
	}
}
