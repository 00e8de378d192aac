package diag

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/template"
	"unicode/utf8"
)

// goError parses src with text/template and splits its syntax error
// into the line and the message TemplateSyntax is given; ok is false
// when src parses.
func goError(t testing.TB, src string) (line int, msg string, ok bool) {
	_, err := template.New("x").Parse(src)
	if err == nil {
		return 0, "", false
	}
	m := goErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("text/template's error %q has no line", err)
	}
	line, _ = strconv.Atoi(m[1])
	return line, m[2], true
}

// sameLineRE matches the messages text/template writes on reading the
// token they are about, so on that token's line.
var sameLineRE = regexp.MustCompile(`^(function ".*" not defined|bad character|unexpected "[^"]*" in (operand|command))`)

var goErrorRE = regexp.MustCompile(`(?s)^template: x:(\d+): (.*)$`)

// TestTemplateSyntax parses one template for each syntax error
// text/template reports, and checks the line:col and words TemplateSyntax
// gives for text/template's line and message.
func TestTemplateSyntax(t *testing.T) {
	tests := []struct{ src, want string }{
		{"<h1>{{.Title}</h1>", "1:13: unexpected \"}\" inside {{ }}: an action is closed with \"}}\""},
		{"{{- .X -}}{{ .Y }", "1:17: unexpected \"}\" inside {{ }}: an action is closed with \"}}\""},
		{"{{ if eq .A .B }}{{ end }", "1:25: unexpected \"}\" inside {{ }}: an action is closed with \"}}\""},
		{"{{ .X} }}", "1:6: unexpected \"}\" inside {{ }}: an action is closed with \"}}\""},
		{"{{ .X# }}", "1:6: unexpected \"#\" right after \".X\": inside {{ }} a name ends with a space, \"}}\", \".\", \"|\" or \")\""},
		{"{{ .X- }}", "1:6: unexpected \"-\" right after \".X\": inside {{ }} a name ends with a space, \"}}\", \".\", \"|\" or \")\""},
		{"{{ .X\x01 }}", "1:6: an invisible character (U+0001) inside {{ }}: delete it"},
		{"a\n{{ .X\n\n", "2:1: this \"{{\" is never closed with \"}}\""},
		{"{{ len (.X }}", "1:8: this \"(\" is never closed with \")\""},
		{"{{ .X) }}", "1:6: this \")\" closes no \"(\""},
		{"{{/* hi }}", "1:1: this comment is never closed with \"*/}}\""},
		{"{{/* hi */ }}", "1:9: a comment ends with \"*/}}\", with nothing between \"*/\" and \"}}\""},
		{"{{ .X }}\n{{ \"a\n\"}}", "2:4: this text in quotes is never closed with its \" on the same line"},
		{"{{ `abc }}\nz", "1:4: this text in backquotes is never closed with its `"},
		{"{{ 'a }}", "1:4: this text in single quotes is never closed: inside {{ }} a text goes in double quotes, such as \"ab\""},
		{"{{ 'ab' }}", "1:4: 'ab': single quotes hold one character; a text goes in double quotes, such as \"ab\""},
		{"{{ \"a\\q\" }}", "1:4: \"a\\q\" holds a \\ that starts no known escape: write \\\\ for a backslash, or use backquotes"},
		{"{{$x := 1}}{{ $x : 1 }}", "1:18: \":\" goes with \"=\" to make a variable: {{$x := .Title}}"},
		{"{{ 12ab }}", "1:4: \"12a\" is not a number: a number holds digits only, and a name starts with a letter"},
		{"{{ - }}", "1:4: \"-\" alone is not a value; to trim spaces write \" -}}\", with a space before the \"-\""},
		{"{{ 99999999999999999999 }}", "1:4: 99999999999999999999 is too big for a whole number"},
		{"a\n{{if .X}}\n{{range .Y}}{{end}}\nb", "2:1: this {{if}} is never closed: add {{end}} where its part ends"},
		{"{{if .X}}{{end}}{{end}}", "1:17: this {{end}} closes nothing: remove it, or add the {{if}}, {{range}} or {{with}} it should close"},
		{"{{else}}", "1:1: this {{else}} belongs to no {{if}}, {{range}} or {{with}}: remove it, or add the {{if}} it belongs to"},
		{"{{ if .A }}\n{{ else }}\n{{ else }}{{end}}", "3:1: a second {{else}}: an {{if}}, {{range}} or {{with}} has one {{else}} at most, and its {{else if}} parts come before it"},
		{"{{range .X}}a{{else if .Y}}b{{end}}", "1:21: {{else if}} cannot follow this part: write {{else}}{{if ...}} ... {{end}}, with an {{end}} of its own"},
		{"{{ define \"x\" }}{{ if .A }}{{ define \"y\" }}{{end}}{{end}}{{end}}", "1:28: a {{define}} cannot be inside another part: close the part above it with {{end}} first"},
		{"{{if}}x{{end}}", "1:3: {{if}} needs a value after it, such as {{if .Title}}"},
		{"{{ $x := }}", "1:7: a value is missing after \":=\", such as {{$x := .Title}}"},
		{"{{ () }}", "1:4: nothing between \"(\" and \")\": put a value or a function call inside"},
		{"{{block}}", "1:3: {{block}} takes a name in quotes and a value, such as {{block \"main\" .}}"},
		{"{{define \"a\" .}}{{end}}", "1:14: {{define}} takes a name in quotes and nothing else, such as {{define \"main\"}}"},
		{"{{template .X}}", "1:12: {{template}} takes a template's name in quotes, then a value if you like: {{template \"main\" .}}"},
		{"{{break}}", "1:1: {{break}} works only inside a {{range}}"},
		{"{{range .X}}{{break 1}}{{end}}", "1:21: {{break}} takes nothing after it"},
		{"{{if .X}}{{end .Y}}", "1:16: {{end}} takes nothing after it"},
		{"{{if .X}}<h1>x</h1>{{- end\n<p>x</p>\n", "1:20: this \"{{- end\" is not closed: \"}}\" is missing after \"end\""},
		{"{{if .X}}x\n  {{ end\n\n</div>\n", "2:3: this \"{{ end\" is not closed: \"}}\" is missing after \"end\""},
		{"{{if .X}}a{{else\n<b>{{end}}", "1:11: this \"{{else\" is not closed: \"}}\" is missing after \"else\""},
		{"{{range .X}}x{{break\n<p>\n{{end}}", "1:14: this \"{{break\" is not closed: \"}}\" is missing after \"break\""},
		{"{{if .X}}{{end <p>}}", "1:10: this \"{{end\" is not closed: \"}}\" is missing after \"end\""},
		{"{{if .X}}{{else .Y}}{{end}}", "1:17: {{else}} takes nothing after it but if or with: {{else if .Pages}}"},
		{"{{$a, $b := .X}}", "1:5: only a {{range}} makes two variables at once; here make one: {{$x := .Title}}"},
		{"{{range $a, $b, $c := .X}}{{end}}", "1:15: a {{range}} makes two variables at most: {{range $i, $p := .Pages}}"},
		{"{{range ($a, $b)}}{{end}}", "1:12: only a {{range}} makes two variables at once; here make one: {{$x := .Title}}"},
		{"{{if\n}}", "1:3: {{if}} needs a value after it, such as {{if .Title}}"},
		{"{{range $a, 1 := .X}}{{end}}", "1:11: after \",\" a {{range}} takes a second variable and :=, such as {{range $i, $p := .Pages}}"},
		{"x {{ $y }}", "1:6: unknown variable \"$y\": make it first with {{$y := ...}}; it lasts until the {{end}} of the part it is made in"},
		{"{{$x := 1}}{{if .A}}{{$z := 2}}{{end}}{{$z}}", "1:41: $z is used here outside the part it is made in: a variable lasts until the {{end}} of the {{if}}, {{range}} or {{with}} it is made in, so make it before that part"},
		{"{{$title := 1}}{{ $titel }}", "1:19: unknown variable \"$titel\": make it first with {{$titel := ...}}; it lasts until the {{end}} of the part it is made in (did you mean \"$title\"?)"},
		{"{{define \"a\"}}{{$x}}{{end}}", "1:17: unknown variable \"$x\": make it first with {{$x := ...}}; it lasts until the {{end}} of the part it is made in"},
		{"{{.X | 1}}", "1:8: after \"|\" comes the name of a function, such as {{.Date | isodate}}; 1 is a value"},
		{"{{\"a\".X}}", "1:6: \"a\" has no fields: only a value such as .Site or $x is followed by .Name"},
		{"{{ isodat .Date }}", "1:4: unknown function \"isodat\" (did you mean \"isodate\"?)"},
		{"<p>© {{now.Year}}</p>", "1:8: unknown function \"now\": mutual has none, so that the same content always builds the same pages: {{year}} is the year of the newest date in the content, as for a copyright line"},
		{"{{ .Title | upper }}", "1:13: unknown function \"upper\": mutual has none: write the text as it should show, or style it in custom.css with text-transform: uppercase"},
		{"{{ .Params.note | safeHTML }}", "1:19: unknown function \"safeHTML\": mutual has none: a value is always escaped, so that no text can run a script on the page; .Content, .Site.Help and the other ready-made parts are HTML already, and a layout's own HTML is written as it is"},
		{"{{ $css := resources.Get \"x.scss\" }}", "1:12: unknown function \"resources\": mutual has no Hugo Pipes or page resources: put the file in the theme's static/ and link it with {{asset \"PATH\"}}, PATH being its path under static/ (a stylesheet or script gets its content's hash in its published name)"},
		{"{{ | .X }}", "1:4: \"|\" needs a value before it, such as {{.Date | isodate}}"},
		{"<p>{{1.2.3}}</p>", "1:6: 1.2.3 is not a number: a number has one \".\" at most; a text such as a version goes in quotes, \"1.2.3\""},
		{"{{ printf \"%s\" 10.5.1 }}", "1:16: 10.5.1 is not a number: a number has one \".\" at most; a text such as a version goes in quotes, \"10.5.1\""},
		{"{{ .X = 1 }}", "1:7: unexpected \"=\": \"=\" gives a variable a new value ({{$x = 1}}); to compare, write {{if eq .Kind \"page\"}}"},
		{"{{ .X, .Y }}", "1:6: unexpected \",\": inside {{ }} values are separated by spaces, not commas"},
		{"{{ printf(.X) }}", "1:10: unexpected \"(\": a function's values follow its name after a space, and \"(\" opens a group: {{len (.Pages)}}"},
		{"{{ .X <b> }}", "1:7: unexpected \"<\" inside {{ }}: HTML goes outside {{ }}; is a \"}}\" missing before it?"},
		{"{{ if .A }}{{ else with .B }}{{ end }}", "1:20: {{else with}} cannot follow this part: write {{else}}{{with ...}} ... {{end}}, with an {{end}} of its own"},
		{"{{ .X |  | .Y }}", "1:10: \"|\" needs a value before it, such as {{.Date | isodate}}"},
		{"{{define \"a\"}}y{{end}}\n{{define \"a\"}}x{{end}}", "2:1: {{define \"a\"}} is written twice in this file: rename or remove one"},
		{"<p>héllo wörld {{ .X} }}</p>", "1:21: unexpected \"}\" inside {{ }}: an action is closed with \"}}\""},
		{"{{ .X }}\n\t<p>{{ range .Pages }}\n\t\t{{ .Title }}\n</p>", "2:5: this {{range}} is never closed: add {{end}} where its part ends"},
		// An {{if}} without its {{end}} takes the {{define}}'s: the
		// {{if}} whose part closes an element opened before it is blamed.
		{"{{define \"main\"}}\n<article>\n<h1>{{.Title}} {{if .Params.featured}}★</h1>\n{{with .Description}}<p>{{.}}</p>{{end}}\n</article>\n{{end}}\n", "3:16: this {{if}} is never closed: add {{end}} where its part ends"},
		{"{{define \"main\"}}<ul>{{range .Pages}}<li>{{if .Draft}}<b>draft</b> {{.Title}}</li>{{end}}</ul>{{end}}", "1:42: this {{if}} is never closed: add {{end}} where its part ends"},
		{"{{define \"main\"}}<p>{{if .A}}{{if .B}}x</p>{{end}}{{end}}", "1:30: this {{if}} is never closed: add {{end}} where its part ends"},
		{"{{block \"main\" .}}<p>{{with .A}}x</p>{{end}}", "1:22: this {{with}} is never closed: add {{end}} where its part ends"},
		// Tags inside actions do not count; a {{define}} whose parts are
		// whole really lacks its own {{end}}.
		{"{{define \"main\"}}<p>{{if .A}}{{\"</p>\"}}{{end}}</p>", "1:1: this {{define}} is never closed: add {{end}} where its part ends"},
		{"{{define \"main\"}}\n<p>{{if .A}}x{{end}}</p>\n", "1:1: this {{define}} is never closed: add {{end}} where its part ends"},
		{"{{ .X → }}", "1:7: unexpected \"→\" inside {{ }}: text goes outside {{ }}, or in quotes inside"},
		{"{{continue}}", "1:1: {{continue}} works only inside a {{range}}"},
		{"{{range .X}}{{continue 1}}{{end}}", "1:24: {{continue}} takes nothing after it"},
		{"{{ " + strings.Repeat("(", 10001) + ".X" + strings.Repeat(")", 10001) + " }}", "1:4: too many \"(\" inside one another: take parts apart with variables, {{$x := ...}}"},
		{"{{ $x := | .X }}", "1:10: \"|\" needs a value before it, such as {{.Date | isodate}}"},
		{"{{ ( | .X) }}", "1:6: \"|\" needs a value before it, such as {{.Date | isodate}}"},
		{"{{ template \"a\" | }}", "1:17: {{template}} takes a template's name in quotes, then a value if you like: {{template \"main\" .}}"},
		{"{{ .X | ( ) }}", "1:9: nothing between \"(\" and \")\": put a value or a function call inside"},
		{"{{ block \"a\" }}{{end}}", "1:4: {{block}} takes a name in quotes and a value, such as {{block \"main\" .}}"},
		{"{{ $x := 1 }}{{ $x | $x = 2 }}", "1:25: unexpected \"=\": \"=\" gives a variable a new value ({{$x = 1}}); to compare, write {{if eq .Kind \"page\"}}"},
		{"<p>{{ .Title\n</p> {{ isodate .Date }}", "2:1: unexpected \"<\" inside {{ }}: HTML goes outside {{ }}; is the \"{{\" on line 1 missing its \"}}\"?"},
		{"a {{ .X \n b {{ .Y }}", "2:2: unknown function \"b\"; is the \"{{\" on line 1 missing its \"}}\"?"},
		{"{{with}}x{{end}}", "1:3: {{with}} needs a value after it, such as {{with .Title}}"},
		{"<h1>{{.Title", "1:5: this \"{{\" is never closed with \"}}\""},
		{"{{.Title | nope}}", "1:12: unknown function \"nope\""},
		{"{{ .Title\n  | nope }}", "2:5: unknown function \"nope\""},
		{"<a>{{ .Get \"title\"\n<p>x</p>", "2:1: unexpected \"<\" inside {{ }}: HTML goes outside {{ }}; is the \"{{\" on line 1 missing its \"}}\"?"},
		{"{{ $x }}\n{{ $x := 1 }}", "1:4: unknown variable \"$x\": make it first with {{$x := ...}}; it lasts until the {{end}} of the part it is made in"},
		{"{{ ($x := 1) }}{{ $x }}\n{{if .A}}{{ $y := 1 }}{{end}}{{ $x }}{{ $y }}", "2:41: $y is used here outside the part it is made in: a variable lasts until the {{end}} of the {{if}}, {{range}} or {{with}} it is made in, so make it before that part"},
		{"<p>{{\n  0A }}", "2:3: \"0A\" is not a number: a number holds digits only, and a name starts with a letter"},
		{"<p>{{ .Title\n  | printf \"%s\" \"a\\q\" }}", "2:17: \"a\\q\" holds a \\ that starts no known escape: write \\\\ for a backslash, or use backquotes"},
		{"{{ printf \"%c\" '' }}", "1:16: '': single quotes hold one character; a text goes in double quotes, such as \"ab\""},
		{"{{ formatDateLong .Date }}{{ $publishedDate }}", "1:4: unknown function \"formatDateLong\""},
		{"{{ print $publishedDate }}", "1:10: unknown variable \"$publishedDate\": make it first with {{$publishedDate := ...}}; it lasts until the {{end}} of the part it is made in"},
		{"{{define `a`}}y{{end}}\n{{define \"a\"}}x{{end}}", "2:1: {{define \"a\"}} is written twice in this file: rename or remove one"},
		{"<p>{{ .", "1:4: this \"{{\" is never closed with \"}}\""},
		{"<p>{{ .Title }}</p>\n<p>{{ }}</p>", "2:4: nothing between \"{{\" and \"}}\": write a value in it, such as {{.Title}}, or remove it"},
		{"<p>{{ if $a, $b := .X }}{{ end }}", "1:12: only a {{range}} makes two variables at once; here make one: {{$x := .Title}}"},
		{"{{ 1e400 }}", "1:4: \"1e400\" is too big a number"},
		{"{{ 0x }}", "1:4: \"0x\" is not a number: a number holds digits only, and a name starts with a letter"},
		{"<p>{{\n}}</p>", "1:4: nothing between \"{{\" and \"}}\": write a value in it, such as {{.Title}}, or remove it"},
		{"<p>{{ $x\n", "1:7: unknown variable \"$x\": make it first with {{$x := ...}}; it lasts until the {{end}} of the part it is made in"},
		{"{{ .X -}}\n{{- else }}", "2:1: this {{else}} belongs to no {{if}}, {{range}} or {{with}}: remove it, or add the {{if}} it belongs to"},
	}
	for _, tt := range tests {
		line, msg, ok := goError(t, tt.src)
		if !ok {
			t.Errorf("%q parses without an error", tt.src)
			continue
		}
		l, c, plain := TemplateSyntax(tt.src, line, msg, []string{"isodate", "lower", "printf"})
		if got := strconv.Itoa(l) + ":" + strconv.Itoa(c) + ": " + plain; got != tt.want {
			t.Errorf("%q (text/template: %d: %s)\n got %s\nwant %s", tt.src, line, msg, got, tt.want)
		}
	}
}

// TestTemplateSyntaxUnknown keeps text/template's line and message, with
// no column, for a message it does not know.
func TestTemplateSyntaxUnknown(t *testing.T) {
	l, c, msg := TemplateSyntax("a\n{{ .X }}", 2, "some new message", nil)
	if l != 2 || c != 0 || msg != "some new message" {
		t.Errorf("got %d:%d: %s", l, c, msg)
	}
}

// FuzzTemplateSyntax: for any text, what text/template says of it and
// any line and message, TemplateSyntax returns without panicking, on a
// line of the text and a column within that line (0 for none), and
// a message.
func FuzzTemplateSyntax(f *testing.F) {
	for _, s := range []string{"{{.Title}", "{{if .X}}", "{{ \"a }}", "{{/* x", "{{ $x }}", "{{end}}", "{{ (1 }}", "{{range $a, $b, $c := .}}", "{{ .X\n | nope }}", "{{if .A}}{{$y := 1}}{{end}}\n{{$y}}", "{{ .X }\n{{ .Y} }}"} {
		f.Add(s, 0, "")
	}
	f.Fuzz(func(t *testing.T, src string, line int, msg string) {
		if line, m, ok := goError(t, src); ok {
			// The mistake is never after where text/template stopped,
			// and on its line when text/template stops at the token.
			l, c := check(t, src, line, m)
			if c > 0 && (l > line || l != line && sameLineRE.MatchString(m)) {
				t.Fatalf("%q: text/template stops on line %d (%s), the mistake is put on line %d", src, line, m, l)
			}
			// The scan reads as text/template's lexer and parser do, so
			// it finds each mistake they report that it knows the words
			// of.
			if _, _, plain := TemplateSyntax(src, line, m, nil); c == 0 && plain != m {
				t.Fatalf("%q: no column for text/template's %q", src, m)
			}
		}
		check(t, src, line, msg)
	})
}

// check calls TemplateSyntax and fails unless its line and column are in
// src; it returns them.
func check(t *testing.T, src string, line int, msg string) (int, int) {
	lines := strings.Split(src, "\n")
	l, c, plain := TemplateSyntax(src, line, msg, []string{"print"})
	if plain == "" && msg != "" {
		t.Fatalf("%q: no message for %q", src, msg)
	}
	if c == 0 {
		return l, c
	}
	if l < 1 || l > len(lines) {
		t.Fatalf("%q, %d: %s: line %d is not in the text", src, line, msg, l)
	}
	if n := utf8.RuneCountInString(lines[l-1]); c > n+1 {
		t.Fatalf("%q, %d: %s: column %d is past the end of line %d (%d characters)", src, line, msg, c, l, n)
	}
	return l, c
}
