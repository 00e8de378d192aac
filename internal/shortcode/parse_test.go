package shortcode

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestParseGolden parses testdata/parse/*.txt: "-- page.md --" is the
// page (after front matter of "-- offset --" lines, if given), "-- defs --"
// the known shortcodes (absent: every name is known); "-- tree --" and
// "-- errors --" are the goldens.
func TestParseGolden(t *testing.T) {
	for _, file := range cases(t, "parse") {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			a := readArchive(t, file)
			src, ok := a.Files["page.md"]
			if !ok {
				t.Fatal("no -- page.md -- section")
			}
			opts := Options{Path: "content/" + name + ".md", Theme: "mysite"}
			if defs, ok := a.Files["defs"]; ok {
				opts.Defs = parseDefs(defs)
			}
			doc, errs := Parse([]byte(src), opts)
			errs.Sort()
			got := map[string]string{"tree": dumpTree(doc), "errors": errs.Error()}
			check(a, t, file, got, "tree", "errors")
		})
	}
}

// TestParseErrors holds each error's text, table-driven: the message a
// writer reads is the contract.
func TestParseErrors(t *testing.T) {
	defs := map[string]Def{
		"hint": {Inner: true}, "notice": {Inner: true}, "tabs": {Inner: true}, "tab": {Inner: true},
		"figure": {}, "param": {}, "ref": {},
	}
	cases := []struct {
		name, src string
		defs      map[string]Def
		want      string
	}{
		{"unknown with hint", "Text {{< hnit info >}}x{{< /hnit >}}", defs,
			`content/p.md:4:10: unknown shortcode "hnit" (did you mean "hint"?); define it in themes/mysite/layouts/shortcodes/hnit.html`},
		{"unknown without hint", "{{< chart abc >}}", defs,
			`content/p.md:4:5: unknown shortcode "chart"; define it in themes/mysite/layouts/shortcodes/chart.html`},
		{"an embed of another site", "{{< youtube abc >}}", defs,
			`content/p.md:4:5: unknown shortcode "youtube": it shows content from another site, which the pages' Content-Security-Policy blocks; write a link to it instead, or define it in themes/mysite/layouts/shortcodes/youtube.html`},
		{"unknown closing only", "x\n{{< /hnit >}}", defs,
			`content/p.md:5:6: unknown shortcode "hnit" (did you mean "hint"?); define it in themes/mysite/layouts/shortcodes/hnit.html`},
		{"unclosed tag", "a {{< hint info", nil,
			`content/p.md:4:3: shortcode tag is not closed: add ">}}" after "{{< hint info"`},
		{"unclosed tag before another", "{{< hint info\n\n{{< /hint >}}", nil,
			`content/p.md:4:1: shortcode tag is not closed: add ">}}" after "{{< hint info"`},
		{"brace closer", "{{< hint info }}", nil,
			`content/p.md:4:15: shortcode "hint" ends with "}}": end it with ">}}"`},
		{"other closer", "{{< hint info %}}", nil,
			`content/p.md:4:15: shortcode "hint" opens with "{{<" but closes with "%}}": end it with ">}}"`},
		{"no name", "{{< >}}", nil,
			`content/p.md:4:1: shortcode has no name: write {{< name >}}`},
		{"bad name", "{{< \"x\" >}}", nil,
			`content/p.md:4:5: a shortcode name starts with a letter or digit, not "\""`},
		{"dotted name", "{{< a.b >}}", nil,
			`content/p.md:4:5: "a.b" is not a shortcode name: use letters, digits, '-', '_' and '/' between folder names`},
		{"inline shortcode", "{{< time.inline >}}", nil,
			`content/p.md:4:5: inline shortcodes ({{< time.inline >}}) are not supported: put the template in layouts/shortcodes/time.html`},
		{"unclosed shortcode", "{{< hint info >}}\nText\n", defs,
			`content/p.md:4:1: shortcode "hint" is not closed: add {{< /hint >}} after its content`},
		{"unclosed inside", "{{< tabs >}}\n{{< tab \"A\" >}}\nText\n{{< /tabs >}}\n", defs,
			`content/p.md:5:1: shortcode "tab" is not closed: add {{< /tab >}} after its content (before the {{< /tabs >}} on line 7)`},
		{"closing without opening", "Text\n{{< /hint >}}\n", defs,
			`content/p.md:5:1: {{< /hint >}} closes a shortcode that was never opened: remove it, or add {{< hint >}} before the content`},
		{"closing without opening, markdown", "{{% /notice %}}", defs,
			`content/p.md:4:1: {{% /notice %}} closes a shortcode that was never opened: remove it, or add {{% notice %}} before the content`},
		{"mismatched close", "{{< hint >}}\nText\n{{< /notice >}}\n", defs,
			`content/p.md:4:1: shortcode "hint" is not closed: add {{< /hint >}} after its content
content/p.md:6:1: {{< /notice >}} does not match the open shortcode "hint" (line 4): close that one first with {{< /hint >}}`},
		{"closing tag not wanted", "{{< figure src=\"a.png\" >}}caption{{< /figure >}}", defs,
			`content/p.md:4:34: shortcode "figure" takes no closing tag (its template does not use .Inner): remove {{< /figure >}}`},
		{"closing tag with args", "{{< hint >}}x{{< /hint info >}}", defs,
			`content/p.md:4:24: closing tag {{< /hint >}} takes no arguments`},
		{"mixed named after positional", `{{< figure "a.png" alt="A" >}}`, defs,
			`content/p.md:4:20: shortcode "figure" mixes named and positional arguments (alt= after "a.png"): use only one kind, as Hugo requires`},
		{"mixed positional after named", `{{< figure src="a.png" big >}}`, defs,
			`content/p.md:4:24: shortcode "figure" mixes positional and named arguments ("big" after src=): use only one kind, as Hugo requires`},
		{"unterminated quote", "{{< hint \"info >}}\nx", nil,
			`content/p.md:4:10: shortcode "hint": the quoted value has no closing " on its line`},
		{"unterminated quote at end", `{{< hint "info`, nil,
			`content/p.md:4:10: shortcode "hint": the quoted value has no closing "`},
		{"unterminated raw string", "{{< hint `info >}}", nil,
			"content/p.md:4:10: shortcode \"hint\": the value that starts with ` has no closing `"},
		{"unquoted positional", "{{< ref docs/a.md >}}", nil,
			`content/p.md:4:9: shortcode "ref": put the value docs/a.md in quotes: "docs/a.md"`},
		{"missing value", "{{< figure src= >}}", nil,
			`content/p.md:4:17: shortcode "figure": argument src= has no value: write src="value"`},
		{"bad key", "{{< figure -src=x >}}", nil,
			`content/p.md:4:12: shortcode "figure": "-src" is not an argument name: use letters, digits, '-' and '_'`},
		{"equals alone", "{{< figure = >}}", nil,
			`content/p.md:4:12: shortcode "figure": unexpected "="; put text values in quotes: "like this"`},
		{"duplicate named", `{{< figure src="a" src="b" >}}`, nil,
			`content/p.md:4:20: shortcode "figure" has the argument src= twice`},
		{"escaped not closed", "{{</* hint >}}", nil,
			`content/p.md:4:1: escaped shortcode is not closed: add "*/>}}" at its end`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Parse([]byte(c.src), Options{Path: "content/p.md", LineOffset: 3, Defs: c.defs, Theme: "mysite"})
			errs.Sort()
			if got := errs.Error(); got != c.want {
				t.Errorf("Parse(%q):\ngot:  %s\nwant: %s", c.src, got, c.want)
			}
		})
	}
}

// TestParseNoErrors holds inputs that are fine, however odd.
func TestParseNoErrors(t *testing.T) {
	for _, src := range []string{
		"",
		"plain text, no shortcodes",
		"{{ not a shortcode }} and {{.Title}} and {{- x -}}",
		"{{< x >}}{{< x >}}",        // two standalone calls
		"{{< x />}}",                // self-closing
		"{{< x/>}}",                 // self-closing without a space
		"{{<x>}}{{</x>}}",           // no spaces at all
		"{{< x \"a\"b >}}",          // two positional arguments
		"{{< x a = \"b\" >}}",       // spaces around =
		"{{< x\n  a=\"b\"\n>}}",     // arguments over lines
		"{{< x `a\nb` >}}",          // raw string over lines
		"{{< x \"a \\\"b\\\"\" >}}", // escaped quotes
		"{{< media/audio src=a >}}",
		"{{% x %}}a{{< /x >}}", // Hugo accepts mixed delimiters on a pair
		"{{< x >}}{{< y >}}{{< /x >}}",
		"{{</* x */>}} and {{%/* x */%}}",
	} {
		if _, errs := Parse([]byte(src), Options{Path: "p.md"}); len(errs) > 0 {
			t.Errorf("Parse(%q): %v", src, errs)
		}
	}
}

// TestParseValues holds argument values and their types.
func TestParseValues(t *testing.T) {
	doc, errs := Parse([]byte("{{< x \"q\" `r\\n` 42 -3 1.5 .5 true false word 1e5 007 a-b \"true\" \"C:\\dir\" \"say \\\"hi\\\"\" >}}"), Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []any{"q", `r\n`, 42, -3, 1.5, 0.5, true, false, "word", "1e5", 7, "a-b", "true", `C:\dir`, `say "hi"`}
	args := doc.Nodes[0].Call.Args
	if len(args) != len(want) {
		t.Fatalf("got %d args, want %d", len(args), len(want))
	}
	for i, a := range args {
		if a.Value != want[i] {
			t.Errorf("arg %d = %s, want %s", i, formatValue(a.Value), formatValue(want[i]))
		}
	}
}
