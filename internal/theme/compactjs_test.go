package theme

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompactJS(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comments and indentation", "// head\nfunction f(a) {\n  /* body */\n  return a; // done\n}\n", "function f(a){\nreturn a;\n}\n"},
		{"blank lines", "a();\n\n\n   \nb();", "a();\nb();"},
		{"CRLF", "a();\r\n\r\n  b();\r\n", "a();\nb();\n"},
		{"spaces around operators", "const x = a + b * (c - 1);", "const x=a+b*(c-1);"},
		{"names stay apart", "return typeof x in y", "return typeof x in y"},
		{"unary after binary", "x = -y; z = a && !b; w = c ? -1 : +2;", "x=-y;z=a&&!b;w=c?-1:+2;"},
		{"plus plus stays apart", "a + +b; a - -b; a++ + b; a - --b", "a+ +b;a- -b;a++ +b;a- --b"},
		{"no HTML comment made", "x < !--y", "x< !--y"},
		{"number and dot", "1 .toFixed(2); a . b", "1 .toFixed(2);a . b"},
		{"strings keep comment markers", `s = "// not a comment /* nor this */" + 'it\'s // still';`, `s="// not a comment /* nor this */"+'it\'s // still';`},
		{"string with line continuation", "s = 'a\\\n  // b';", "s='a\\\n  // b';"},
		{"template literal", "t = `a // b\n  /* c */ ${x /* d */ + `in ${y} // e`} f`;", "t=`a // b\n  /* c */ ${x+`in ${y} // e`} f`;"},
		{"template with braces inside", "t = `${ {a: 1}.a } // x`; // y", "t=`${{a:1}.a} // x`;"},
		{"regex with slashes", "re = /https?:\\/\\//g; // url", "re= /https?:\\/\\//g;"},
		{"regex with comment start", "re = /a*/; x = /[/*]/ /* c */", "re= /a*/;x= /[/*]/"},
		{"regex class holds slash", "m = s.match(/[/]+/) // tail", "m=s.match(/[/]+/)"},
		{"regex after return", "return /\\/\\*/.test(s) // c", "return /\\/\\*/.test(s)"},
		{"regex after if paren", "if (x) /a\\/\\//.test(s) // c", "if(x) /a\\/\\//.test(s)"},
		{"division after name", "x = a / b / c // c", "x=a / b / c"},
		{"division after paren", "x = (a) / 2 / (b) // c", "x=(a) / 2 / (b)"},
		{"division after index", "x = a[0] / 2 + '//' ", "x=a[0] / 2+'//'"},
		{"division on the next line", "a\n/b/g", "a\n/b/g"},
		{"division in the next statement", "x = a\n/ 2 /* c */", "x=a\n/ 2"},
		{"regex after block", "if (x) {}\n/a\\/\\//.test(s) // c", "if(x){}\n/a\\/\\//.test(s)"},
		{"division after object", "x = {a: 1}.a / 2 // c", "x={a:1}.a / 2"},
		{"regex never closed is a division", "x = a /b\n/c", "x=a /b\n/c"},
		{"property named like a keyword", "x = a.return / 2 / 1 // c", "x=a.return / 2 / 1"},
		{"comment across lines is a line break", "return /*\n*/ x", "return\nx"},
		{"comment in a line keeps tokens apart", "a/**/b; c/**/+d", "a b;c+d"},
		{"licence comment stays", "/*! MIT */\nx = 1", "/*! MIT */\nx=1"},
		{"hashbang stays", "#!/usr/bin/env node\n  run()", "#!/usr/bin/env node\nrun()"},
		{"line separator ends a line comment", "a // c\u2028b", "a\nb"},
		{"unterminated comment keeps the rest", "a = 1;\n/* open\n  x", "a=1;\n/* open\n  x"},
		{"unterminated string keeps the rest", "a = 1;\ns = 'open\n  // x", "a=1;\ns='open\n  // x"},
		{"unterminated template keeps the rest", "a = 1;\nt = `open\n  // x", "a=1;\nt=`open\n  // x"},
		{"arrow bodies", "f = (a) => {\n  return a;\n};\ng = () => ({a: 1});", "f=(a)=>{\nreturn a;\n};\ng=()=>({a:1});"},
		{"optional chaining", "a?.b ?? c ? .5 : 1", "a?.b??c? .5:1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(compactJS([]byte(tt.in))); got != tt.want {
				t.Errorf("compactJS(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzCompactJS(f *testing.F) {
	for _, s := range []string{
		"a = /re\\/x/g / 2 // c", "t = `a${b + `c${d}`}e`", "if (x) /a/.test(y)", "x = 'a' /* b */ + \"c\"",
		"return /*\n*/ x", "a\n/b/g", "/* open", "'open", "`open ${", "a + +b", "#!x\ny",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := compactJS([]byte(s))
		if len(once) > len(s) {
			t.Errorf("longer: %q -> %q", s, once)
		}
		if twice := compactJS(once); !bytes.Equal(twice, once) {
			t.Errorf("not stable: %q -> %q -> %q", s, once, twice)
		}
	})
}

// nodePath returns the path of Node; without it the test is skipped, or
// fails in CI.
func nodePath(t *testing.T) string {
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is not installed; CI must install nodejs")
		}
		t.Skip("node is not installed")
	}
	return p
}

// Every script of the default theme, compacted, still parses in Node, and
// is much smaller; the e2e browser tests run all of them, compacted, as
// published.
func TestCompactDefaultScriptsInNode(t *testing.T) {
	node := nodePath(t)
	files, err := filepath.Glob("../../themes/default/static/js/*.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	dir := t.TempDir()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := compactJS(src)
		out := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(out, got, 0o644); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(node, "--check", out).CombinedOutput(); err != nil {
			t.Errorf("%s compacted does not parse: %v\n%s", filepath.Base(f), err, b)
		}
		if len(got) > len(src)*3/4 {
			t.Errorf("%s: %d bytes compacted, %d before", filepath.Base(f), len(got), len(src))
		}
		// Blank lines go.
		for line := range strings.SplitSeq(strings.TrimSuffix(string(got), "\n"), "\n") {
			if line == "" {
				t.Errorf("%s: blank line kept", filepath.Base(f))
			}
		}
	}
}

// The search engine compacted answers as its source does: fold, tokens,
// stem, parseQuery and distance on every character of the Basic
// Multilingual Plane and on the text of the README and the shipped
// content (testdata/same-search.js compares them).
func TestCompactedSearchEngineSameInNode(t *testing.T) {
	node := nodePath(t)
	const src = "../../themes/default/static/js/search-engine.js"
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	compacted := filepath.Join(t.TempDir(), "search-engine.js")
	if err := os.WriteFile(compacted, compactJS(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var corpus bytes.Buffer
	for _, pattern := range []string{"../../README.md", "../../content/*.md", "../../content/*/*.md", "../../content/*/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			corpus.Write(b)
		}
	}
	cmd := exec.Command(node, "testdata/same-search.js", src, compacted)
	cmd.Stdin = &corpus
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("the compacted search engine answers otherwise: %v\n%s", err, out)
	}
}
