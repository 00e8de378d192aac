package theme

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// compactJSTests are scripts and what compactJS makes of them;
// TestCompactJSSameInNode runs both.
var compactJSTests = []struct{ name, in, want string }{
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
	{"no hashbang made", " #!\"\n ", " #!\"\n "},
	{"line separator ends a line comment", "a // c\u2028b", "a\nb"},
	{"unterminated comment keeps the rest", "a = 1;\n/* open\n  x", "a=1;\n/* open\n  x"},
	{"unterminated string keeps the rest", "a = 1;\ns = 'open\n  // x", "a=1;\ns='open\n  // x"},
	{"unterminated template keeps the rest", "a = 1;\nt = `open\n  // x", "a=1;\nt=`open\n  // x"},
	{"arrow bodies", "f = (a) => {\n  return a;\n};\ng = () => ({a: 1});", "f=(a)=>{\nreturn a;\n};\ng=()=>({a:1});"},
	{"optional chaining", "a?.b ?? c ? .5 : 1", "a?.b??c? .5:1"},
	{"regex after a case's block", "switch (1) { case 1: {} /a, b/.test(s) }", "switch(1){case 1:{} /a, b/.test(s)}"},
	{"regex after a default's block", "switch (2) { default: {} /a, b/.test(s) }", "switch(2){default:{} /a, b/.test(s)}"},
	{"regex after a case with a conditional", "switch (2) { case a ? b : c: {} /a, b/.test(s) }", "switch(2){case a?b:c:{} /a, b/.test(s)}"},
	{"regex after a labelled block", "l: { } /a, b/.test(s)", "l:{} /a, b/.test(s)"},
	{"regex after a labelled loop", "l: for (;;) { break l }\n/a, b/.test(s)", "l:for(;;){break l}\n/a, b/.test(s)"},
	{"regex after if's block", "if (a) {} /a, b/g.exec(s)", "if(a){} /a, b/g.exec(s)"},
	{"regex after a function declaration", "function q() {}\n/a, b/.test(s)", "function q(){}\n/a, b/.test(s)"},
	{"regex after catch", "try {} catch (e) {} /a, b/.test(s)", "try{}catch(e){} /a, b/.test(s)"},
	{"regex after finally", "try {} finally {} /a, b/.test(s)", "try{}finally{} /a, b/.test(s)"},
	{"regex after else", "if (z) {} else {} /a, b/.test(s)", "if(z){}else{} /a, b/.test(s)"},
	{"regex after do while", "do {} while (z) /a, b/.test(s)", "do{}while(z) /a, b/.test(s)"},
	{"regex after a class declaration", "class A {}\nclass B { static {} }\n/a, b/.test(s)", "class A{}\nclass B{static{}}\n/a, b/.test(s)"},
	{"regex after an arrow's body", "f = () => {}\n/a, b/.test(s)", "f=()=>{}\n/a, b/.test(s)"},
	{"regex after a block a line break begins", "x = o\n{ w = 1 } /a, b/.test(s)", "x=o\n{w=1} /a, b/.test(s)"},
	{"regex after return and a line break", "if (z) return\n{}\n/a, b/.test(s) && (k = 1)", "if(z)return\n{}\n/a, b/.test(s)&&(k=1)"},
	{"regex after yield and a line break", "w = (function* () { yield\n/a, b/.test(s) })().next()", "w=(function*(){yield\n/a, b/.test(s)})().next()"},
	{"division after an object in parentheses", "x = ({a: 1}) / 2 / 1", "x=({a:1}) / 2 / 1"},
	{"division after an empty object", "x = {} / 2 / 1", "x={} / 2 / 1"},
	{"division after an object, on the next line", "x = {a: 1}\n/a, b/g", "x={a:1}\n/a,b/g"},
	{"division after a conditional's objects", "x = c ? {} : {} / 2 / 1; k = {a: c ? {} : {}} / 2 / 1", "x=c?{}:{} / 2 / 1;k={a:c?{}:{}} / 2 / 1"},
	{"division after keywords as keys", "o = {case: 1, default: {}, if: {}} / 2 / 1", "o={case:1,default:{},if:{}} / 2 / 1"},
	{"division after a getter", "x = {get if() { return 1 }, set: 2}.if / 2 / 1", "x={get if(){return 1},set:2}.if / 2 / 1"},
	{"division after a function expression", "x = function () {} / 2, y = 3 / 1", "x=function(){} / 2,y=3 / 1"},
	{"division after a class expression", "x = class {} / 2, y = 3 / 1", "x=class{} / 2,y=3 / 1"},
	{"division in a class field", "class C { x = {} / 2 / 1; delete() {} }\nw = new C().x", "class C{x={} / 2 / 1;delete(){}}\nw=new C().x"},
	{"division after objects in a template", "t = `${ {} / a, b / 1 } ${ {a: 1}.a / 2 }`", "t=`${{} / a,b / 1} ${{a:1}.a / 2}`"},
	{"division after a template, on the next line", "x = `${ {} }`\n/a, b/g", "x=`${{}}`\n/a,b/g"},
	{"division after postfix", "x = a++ / 2 / 1", "x=a++ / 2 / 1"},
	{"division after a spread", "x = [...[1]] / 2 / 1", "x=[...[1]] / 2 / 1"},
	{"regex after a declared name kept as written", "var v\n/a, b/.test(s)", "var v\n/a, b/.test(s)"},
	{"regex after a function declared after a declared name kept as written", "var x\nfunction f() {}\n/a, b/.test(s)", "var x\nfunction f(){}\n/a, b/.test(s)"},
	{"division after a declaration's value", "var v = 4, k = 8\n/ 2 / 1", "var v=4,k=8\n/ 2 / 1"},
	{"regex after of", "for (const k of /a, b/.exec(s)) w = k", "for(const k of /a, b/.exec(s))w=k"},
	{"regex after break's label", "m: for (;;) { break m\n/a, b/.test(s) }", "m:for(;;){break m\n/a, b/.test(s)}"},
	{"regex after debugger", "debugger\n/a, b/.test(s)", "debugger\n/a, b/.test(s)"},
	{"regex after an import", "import {a as b2} from 'x'\n/a, b/.test(s)", "import{a as b2}from'x'\n/a, b/.test(s)"},
	{"regex after await kept as written", "(async function () { w = await /a, b/.test(s) })()", "(async function(){w=await /a, b/.test(s) })()"},
	{"regex after a brace it cannot place kept as written", "x = 1 {} /a, b/", "x=1{} /a, b/"},
	{"brackets that do not match keep the script", "a = 1; b)", "a = 1; b)"},
	{"a bracket never closed keeps the script", "f(a = 1,\n  b", "f(a = 1,\n  b"},
	{"empty", "", ""},
}

func TestCompactJS(t *testing.T) {
	for _, tt := range compactJSTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(compactJS([]byte(tt.in))); got != tt.want {
				t.Errorf("compactJS(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// Each script of compactJSTests, compacted, gives in Node what it gave as
// written: its value and the variables it leaves, or the same error
// (testdata/same-result.js runs them). All but those named here run
// without an error, so the comparison means something.
// compactJSThrows names the scripts of compactJSTests that throw: broken
// on purpose, or with names that hold no function.
var compactJSThrows = map[string]bool{
	"blank lines": true, "CRLF": true, "spaces around operators": true, "names stay apart": true,
	"comment in a line keeps tokens apart": true, "hashbang stays": true,
	"unterminated comment keeps the rest": true, "unterminated string keeps the rest": true,
	"unterminated template keeps the rest": true, "regex after a brace it cannot place kept as written": true,
	"brackets that do not match keep the script": true, "a bracket never closed keeps the script": true,
	"regex after an import": true, // a module's
	"no hashbang made":      true,
}

func TestCompactJSSameInNode(t *testing.T) {
	node := nodePath(t)
	var scripts []string
	for _, tt := range compactJSTests {
		scripts = append(scripts, tt.in, string(compactJS([]byte(tt.in))))
	}
	in, err := json.Marshal(scripts)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/same-result.js")
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var results []string
	if err := json.Unmarshal(out, &results); err != nil || len(results) != len(scripts) {
		t.Fatalf("node answered %d results for %d scripts (%v): %s", len(results), len(scripts), err, out)
	}
	for i, tt := range compactJSTests {
		was, is := results[2*i], results[2*i+1]
		if was != is {
			t.Errorf("%s: compacted, %q gives\n%s\nwhere as written it gave\n%s", tt.name, scripts[2*i+1], is, was)
		}
		if throws := strings.HasPrefix(was, "throws "); throws != compactJSThrows[tt.name] {
			t.Errorf("%s: %q as written gives %s", tt.name, tt.in, was)
		}
	}
}

// Compacted, a script parses into the same tokens, with a line break
// before the same ones, as the parser Node ships (acorn) reads them: for
// 3,000 scripts made at random of what makes a "/" hard to read
// (testdata/same-tokens.js makes and compares them), every script of
// compactJSTests and every script of the default theme.
func TestCompactJSSameTokens(t *testing.T) {
	node := nodePath(t)
	const tool = "testdata/same-tokens.js"
	if out, err := exec.Command(node, "--expose-internals", "-e", `require("internal/deps/acorn/acorn/dist/acorn")`).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("this node does not ship acorn (CI installs Debian's nodejs, whose node-acorn it reaches this way): %v\n%s", err, out)
		}
		t.Skipf("this node does not ship acorn: %v\n%s", err, out)
	}
	gen, err := exec.Command(node, "--expose-internals", tool, "gen", "3000", "1").Output()
	if err != nil {
		t.Fatalf("%s gen: %v", tool, err)
	}
	var scripts []string
	if err := json.Unmarshal(gen, &scripts); err != nil {
		t.Fatal(err)
	}
	for _, tt := range compactJSTests {
		scripts = append(scripts, tt.in)
	}
	files, _ := filepath.Glob("../../themes/default/static/js/*.js")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, string(b))
	}
	var pairs [][2]string
	for _, s := range scripts {
		pairs = append(pairs, [2]string{s, string(compactJS([]byte(s)))})
	}
	in, err := json.Marshal(pairs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--expose-internals", tool, "check")
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%v\n%s", err, out)
	}
}

// FuzzCompactJS: compacting never panics, never lengthens a script, is
// idempotent (what it made it leaves as it is), and keeps each string,
// template piece and regular expression it read byte for byte, in order.
func FuzzCompactJS(f *testing.F) {
	for _, s := range []string{
		"a = /re\\/x/g / 2 // c", "t = `a${b + `c${d}`}e`", "if (x) /a/.test(y)", "x = 'a' /* b */ + \"c\"",
		"return /*\n*/ x", "a\n/b/g", "/* open", "'open", "`open ${", "a + +b", "#!x\ny",
	} {
		f.Add(s)
	}
	for _, tt := range compactJSTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var literals [][]byte
		once := compactJSWith([]byte(s), func(lit []byte) { literals = append(literals, lit) })
		if len(once) > len(s) {
			t.Errorf("longer: %q -> %q", s, once)
		}
		if twice := compactJS(once); !bytes.Equal(twice, once) {
			t.Errorf("not stable: %q -> %q -> %q", s, once, twice)
		}
		rest := once
		for _, lit := range literals {
			j := bytes.Index(rest, lit)
			if j < 0 {
				t.Fatalf("%q -> %q: literal %q lost", s, once, lit)
			}
			rest = rest[j+len(lit):]
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
