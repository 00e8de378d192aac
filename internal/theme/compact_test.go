package theme

import (
	"os"
	"strings"
	"testing"
)

func TestCompactCSS(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comment and indentation", "/* the header */\n.a {\n  color: red; /* brand */\n}\n", ".a{color:red;}\n"},
		{"blank lines", "a{}\n\n\n   \nb{}", "a{}b{}\n"},
		{"comment markers in strings stay", `.q::before { content: "/* not a comment */"; }`, ".q::before{content:\"/* not a comment */\";}\n"},
		{"single quotes and escapes", `.q { content: '\'/*'; } /* x */`, ".q{content:'\\'/*';}\n"},
		{"a comment between tokens keeps them apart", ".a/* x */\n.b{}", ".a .b{}\n"},
		{"a comment never closed runs to the end", "a{}\n/* open", "a{}\n"},
		{"a string never closed ends at its line", "a{content:\"x\n/* c */b{}", "a{content:\"x\nb{}\n"},
		{"calc keeps its spaces", "a { width: calc(100% - 2rem + 1px); }", "a{width:calc(100% - 2rem + 1px);}\n"},
		{"url keeps its text", "a { background: url( data:image/svg+xml;utf8,<svg a=1, b=2/> ); }", "a{background:url( data:image/svg+xml;utf8,<svg a=1, b=2/> );}\n"},
		{"empty", "", ""},
		{"a comment between two tokens stays, emptied", "a{margin:1/* x */px}", "a{margin:1/**/px}\n"},
		{"no new comment from the pieces", "//**/*", "//**/*\n"},
		{"descendant combinators stay", ".a  .b,\n.c\t:focus > p ~ q + r {}", ".a .b,.c :focus>p ~ q + r{}\n"},
		{"selector lists on lines", "h1,\nh2,\n  h3 {\n  margin: 0;\n}", "h1,h2,h3{margin:0;}\n"},
		{"values keep their spaces", "a {\n  box-shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 4px 14px red;\n  font: 1rem / 1.5 a , b;\n}", "a{box-shadow:0 1px 2px rgb(0 0 0 / 0.3),0 4px 14px red;font:1rem / 1.5 a,b;}\n"},
		{"grid areas keep their strings", "a {\n  grid-template-areas:\n    \"a  b\"\n    \"c  d\";\n}", "a{grid-template-areas:\"a  b\" \"c  d\";}\n"},
		{"media queries", "@media (prefers-color-scheme: dark) and (min-width: 40em) {\n  a { color: red }\n}", "@media (prefers-color-scheme:dark) and (min-width:40em){a{color:red}}\n"},
		{"an empty custom property keeps its space", ":root { --x: ; --y: }", ":root{--x: ;--y: }\n"},
		{"an escaped space stays", ".a\\ b { x: y }", ".a\\ b{x:y}\n"},
		{"important", "a { color: red !important; }", "a{color:red !important;}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(compactCSS([]byte(tt.in))); got != tt.want {
				t.Errorf("compactCSS(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The default theme's stylesheets keep every rule: the same count of
// braces and declarations, a third fewer bytes or so.
func TestCompactDefaultTheme(t *testing.T) {
	for _, name := range []string{"main.css", "worksheet-more.css"} {
		src, err := os.ReadFile("../../themes/default/static/css/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got := string(compactCSS(src))
		stripped := stripComments(string(src))
		for _, c := range []string{"{", "}", ";", ":"} {
			if strings.Count(got, c) != strings.Count(stripped, c) {
				t.Errorf("%s: %d %q after, %d before", name, strings.Count(got, c), c, strings.Count(stripped, c))
			}
		}
		if len(got) >= len(src) {
			t.Errorf("%s: %d bytes after, %d before", name, len(got), len(src))
		}
	}
}

// stripComments is the slow, obvious way, for the test.
func stripComments(s string) string {
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+2+j+2:]
	}
}

func FuzzCompactCSS(f *testing.F) {
	f.Add("a{color:red}/* x */")
	f.Add(`.q{content:"/*"}`)
	f.Fuzz(func(t *testing.T, s string) {
		once := compactCSS([]byte(s))
		if twice := compactCSS(once); string(twice) != string(once) {
			t.Errorf("not stable: %q -> %q -> %q", s, once, twice)
		}
	})
}
