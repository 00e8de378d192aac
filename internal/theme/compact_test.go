package theme

import (
	"os"
	"strings"
	"testing"
)

func TestCompactCSS(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comment and indentation", "/* the header */\n.a {\n  color: red; /* brand */\n}\n", ".a {\ncolor: red;\n}\n"},
		{"blank lines", "a{}\n\n\n   \nb{}", "a{}\nb{}\n"},
		{"comment markers in strings stay", `.q::before { content: "/* not a comment */"; }`, ".q::before { content: \"/* not a comment */\"; }\n"},
		{"single quotes and escapes", `.q { content: '\'/*'; } /* x */`, ".q { content: '\\'/*'; }\n"},
		{"a comment between tokens keeps them apart by line", ".a/* x */\n.b{}", ".a\n.b{}\n"},
		{"a comment never closed runs to the end", "a{}\n/* open", "a{}\n"},
		{"a string never closed ends at its line", "a{content:\"x\n/* c */b{}", "a{content:\"x\nb{}\n"},
		{"calc keeps its spaces", "a { width: calc(100% - 2rem); }", "a { width: calc(100% - 2rem); }\n"},
		{"url keeps its text", "a { background: url(data:image/svg+xml;utf8,<svg/>); }", "a { background: url(data:image/svg+xml;utf8,<svg/>); }\n"},
		{"empty", "", ""},
		{"a comment between two tokens stays, emptied", "a{margin:1/* x */px}", "a{margin:1/**/px}\n"},
		{"no new comment from the pieces", "//**/*", "//**/*\n"},
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
