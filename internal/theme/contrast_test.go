package theme

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"mutual/themes"
)

// TestContrast: a colour custom.css gives a property the default theme
// writes text in is measured against its background in each scheme, and
// one under 4.5:1 is a warning at its declaration with the ratio; what
// cannot be judged without a browser is skipped.
func TestContrast(t *testing.T) {
	const both = "this :root rule applies to both schemes: give the dark scheme a value of its own inside @media (prefers-color-scheme: dark) { :root { … } }"
	const needs = "text needs 4.5:1 or more to be read by everyone"
	tests := []struct {
		name, css string
		want      []string
	}{
		{"an accent for the light page in the plain :root", ":root {\n  --accent: #7a1fa2;\n}\n",
			[]string{"themes/brand/static/css/custom.css:2:3: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": " + both}},
		{"the same as rgb()", ":root { --accent: rgb(122 31 162); }",
			[]string{"themes/brand/static/css/custom.css:1:9: --accent rgb(122 31 162) on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": " + both}},
		{"the same as rgba() with commas, opaque", ":root { --accent: rgba(122, 31, 162, 1) !important; }",
			[]string{"themes/brand/static/css/custom.css:1:9: --accent rgba(122, 31, 162, 1) on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": " + both}},
		{"each scheme its own, both fine", "@media (prefers-color-scheme: light) {\n  :root { --accent: #7a1fa2; }\n}\n@media (prefers-color-scheme: dark) {\n  :root { --accent: #d7a6ec; }\n}\n", nil},
		{"a dark value too dark", "@media (prefers-color-scheme: dark) {\n  :root {\n    --accent: #7a1fa2;\n  }\n}\n",
			[]string{"themes/brand/static/css/custom.css:3:5: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": pick a lighter colour"}},
		{"a light value too light", "@media (prefers-color-scheme: light) { :root { --fg: #aaa; } }",
			[]string{"themes/brand/static/css/custom.css:1:48: --fg #aaa on --bg #faf7f2 has a contrast of 2.1:1 in the light scheme, and " + needs + ": pick a darker colour"}},
		{"the dark block written before the plain rule loses to it", "@media (prefers-color-scheme: dark) { :root { --accent: #d7a6ec; } }\n:root { --accent: #7a1fa2; }\n",
			[]string{"themes/brand/static/css/custom.css:2:9: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": " + both}},
		{"a dark background under the theme's light text colours", "@media (prefers-color-scheme: light) { :root { --bg: #333333; } }",
			[]string{"themes/brand/static/css/custom.css:1:48: --fg #1f2a2e on --bg #333333 has a contrast of 1.1:1 in the light scheme, and " + needs + ": pick colours further apart"}},
		{"button text on the accent", "@media (prefers-color-scheme: light) { :root { --accent-fg: #1f2a2e; } }",
			[]string{"themes/brand/static/css/custom.css:1:48: --accent-fg #1f2a2e on --accent #0b6b61 has a contrast of 2.3:1 in the light scheme, and " + needs + ": pick colours further apart"}},
		{"a short hex with full alpha", "@media (prefers-color-scheme: light) { :root { --muted: #ccdf; } }",
			[]string{"themes/brand/static/css/custom.css:1:48: --muted #ccdf on --bg #faf7f2 has a contrast of 1.4:1 in the light scheme, and " + needs + ": pick a darker colour"}},
		{"a transparent colour is skipped", ":root { --accent: rgb(122 31 162 / 50%); --fg: #7a1fa280; }", nil},
		{"a colour name is measured", ":root { --accent: Purple; }",
			[]string{"themes/brand/static/css/custom.css:1:9: --accent Purple on --bg #141a1b has a contrast of 1.8:1 in the dark scheme, and " + needs + ": " + both}},
		{"a light name on the light page", "@media (prefers-color-scheme: light) { :root { --fg: lightgray; } }",
			[]string{"themes/brand/static/css/custom.css:1:48: --fg lightgray on --bg #faf7f2 has a contrast of 1.4:1 in the light scheme, and " + needs + ": pick a darker colour"}},
		{"var(), color-mix() and transparent are skipped", ":root { --accent: transparent; --fg: var(--x); --muted: color-mix(in srgb, red, blue); }", nil},
		{"another media query is skipped", "@media (min-width: 40rem) { :root { --accent: #7a1fa2; } }", nil},
		{"other selectors are skipped", ".card { --accent: #7a1fa2; }\nbody { color: #7a1fa2 }", nil},
		{"comments are skipped", ":root {\n  /* --accent: #7a1fa2; */\n}\n", nil},
		{"unbalanced braces do not stop the check", ":root { --accent: #7a1fa2;", []string{"themes/brand/static/css/custom.css:1:9: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and " + needs + ": " + both}},
		{"nonsense", "}}}{{{ :root --x; @media { ;;", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := contrastOf(t, tt.css)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestContrastScaffold: the custom.css mutual init writes is fine as it
// is, and so with only its light accent changed to a colour that fails
// on the dark page: the dark scheme keeps its own.
func TestContrastScaffold(t *testing.T) {
	// The scaffold's file, as package scaffold embeds it (read from the
	// source tree, as the test of a neighbour's file).
	src := readScaffoldCSS(t)
	if got := contrastOf(t, src); len(got) > 0 {
		t.Errorf("the starter custom.css warns:\n%s", strings.Join(got, "\n"))
	}
	light := strings.Replace(src, "/* --accent: #0b6b61;        links, buttons, highlights */", "--accent: #7a1fa2;", 1)
	if light == src {
		t.Fatal("the starter custom.css has no commented light --accent")
	}
	if got := contrastOf(t, light); len(got) > 0 {
		t.Errorf("a light-only accent warns:\n%s", strings.Join(got, "\n"))
	}
}

func contrastOf(t *testing.T, css string) []string {
	t.Helper()
	chain := Chain{
		{Name: "brand", Dir: "themes/brand", FS: fstest.MapFS{"static/css/custom.css": &fstest.MapFile{Data: []byte(css)}}},
		{Name: "default", Dir: "themes/default", FS: themes.Default()},
	}
	var got []string
	for _, w := range chain.Contrast() {
		got = append(got, w.Error())
	}
	return got
}

// TestContrastRatio holds the formula to WCAG's known values.
func TestContrastRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#fff", "#fff", 1},
		{"#1f2a2e", "#faf7f2", 13.75}, // main.css's table
		{"#0b6b61", "#faf7f2", 5.97},
		{"#5cc8b9", "#141a1b", 8.73},
		{"rgb(100% 100% 100%)", "rgb(0, 0, 0)", 21},
	}
	for _, tt := range tests {
		a, ok1 := parseColor(tt.a)
		b, ok2 := parseColor(tt.b)
		if !ok1 || !ok2 {
			t.Fatalf("cannot read %s or %s", tt.a, tt.b)
		}
		if got := contrastRatio(a, b); got < tt.want-0.01 || got > tt.want+0.01 {
			t.Errorf("%s on %s = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

func readScaffoldCSS(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../scaffold/site/themes/brand/static/css/custom.css")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// FuzzContrast: any custom.css is read without a panic, the same way
// twice, and every warning lies inside the file.
func FuzzContrast(f *testing.F) {
	f.Add(":root { --accent: #7a1fa2; }")
	f.Add("@media (prefers-color-scheme: dark) { :root { --fg: rgb(1 2 3 / 1); } }")
	f.Add("/* x */ :root{--bg:#fff;--fg:#fefefe}")
	f.Add("}{ @media {:root{--accent:rgba(,,,)}")
	f.Fuzz(func(t *testing.T, css string) {
		a, b := contrastOf(t, css), contrastOf(t, css)
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Fatalf("two runs differ:\n%s\n%s", a, b)
		}
		lines := strings.Count(css, "\n") + 1
		chain := Chain{{Name: "brand", Dir: "themes/brand", FS: fstest.MapFS{"static/css/custom.css": &fstest.MapFile{Data: []byte(css)}}}, {Name: "default", Dir: "themes/default", FS: themes.Default()}}
		for _, w := range chain.Contrast() {
			if w.Line < 1 || w.Line > lines || w.Col < 1 {
				t.Fatalf("warning outside the file: %s", w)
			}
		}
	})
}
