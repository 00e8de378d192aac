package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
	"time"
)

// TestPlainRuntimeErrors runs layouts that go wrong while they run and
// reads their errors, as text/template words them, through plain: each is
// said without Go's words or type names.
// plainPage is a page as a layout sees it, for TestPlainRuntimeErrors.
type plainPage struct {
	Title  string
	Date   time.Time
	Tags   []string
	Weight int
	Params map[string]any
	Parent *plainPage
	Menu   *MenuEntry
	title  string
}

// MenuEntry is a named type of another kind than the ones valueWords
// knows.
type MenuEntry struct{ Name string }

func TestPlainRuntimeErrors(t *testing.T) {
	data := &plainPage{Title: "A", Date: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), Tags: []string{"x"},
		Weight: 2, Params: map[string]any{"image": "a.png"}, title: "a", Menu: &MenuEntry{}}
	funcs := template.FuncMap{"asset": func(s string) string { return s }}
	tests := []struct{ src, want string }{
		{`{{asset 5}}`, "in {{5}}: a text is needed here, not 5"},
		{`{{asset .Date}}`, "in {{.Date}}: a text is needed here, and this is a date"},
		{`{{len .Date}}`, "len counts the items of a list or the letters of a text, and this is a date"},
		{`{{.Title 1}}`, "in {{.Title}}: .Title is a value, not a function: remove what follows it in the action"},
		{`{{range .Title}}x{{end}}`, `in {{.Title}}: {{range}} goes through a list (pages, tags, links), and this is one value, "A": show it without {{range}}, or with {{with}} when it may be empty`},
		{`{{index .Tags 3}}`, "the list has no item 3 here (items count from 0): check its length first, as in {{if gt (len .Pages) 3}}, or go through it with {{range}}"},
		// A page without a parent, a parameter not set, a value of a
		// kind whose Go name has a space ("map[string]interface {}").
		{`{{.Parent.Title}}`, "in {{.Parent.Title}}: .Parent is empty here (there is none), so it has no .Title: check it first, as in {{with .Parent}}{{.Title}}{{end}}"},
		{`{{asset .Params}}`, "in {{.Params}}: a text is needed here, and this is keys and values"},
		{`{{asset .Menu}}`, "in {{.Menu}}: a text is needed here, and this is a menu entry"},
		{`{{asset .Params.icon}}`, `in {{.Params.icon}}: a text is needed here, and this is not set: check it first, as in {{with .Params.icon}}…{{end}}, or give a default with {{or .Params.icon "…"}}`},
		{`{{asset nil}}`, "in {{nil}}: a text is needed here, and nil is nothing"},
		{`{{asset "a" "b"}}`, "in {{asset}}: asset takes 1 value, and here it is given 2"},
		{`{{.Date.Format}}`, "in {{.Date.Format}}: Format takes 1 value, and here it is given 0"},
		{`{{and}}`, "in {{and}}: and takes at least 1 value, and here it is given 0"},
		{`{{.title}}`, `.title cannot be read by a layout: the names a layout reads start with a capital letter (did you mean "Title"?)`},
		{`{{$x := 1}}{{$x 2}}`, "in {{$x}}: $x is a value, not a function: remove what follows it in the action"},
		{`{{if eq .Weight "3"}}x{{end}}`, `eq compares values of one kind, and these are a whole number and a text: compare like with like (a number is written 3, not "3")`},
		{`{{if lt .Date .Date}}x{{end}}`, "lt compares numbers or texts, and one of these is neither (a date, a list, a page or nothing): compare dates with .Before and .After, lists by their len"},
		{`{{index .Params.icon 1}}`, "index takes an item of a list or of keys and values, and this is not set: check it first with {{with}}"},
		{`{{index .Params "icon" "small"}}`, "index takes an item of a list or of keys and values, and this is not set: check it first with {{with}}"},
		{`{{index .Weight 1}}`, "index takes items of a list or of keys and values, and this is a whole number"},
		{`{{index .Params 1}}`, "index looks a key up here, and a key is a text, not a whole number"},
		{`{{index .Title 1}}`, "index reads past the end here (items count from 0): check the length first with len"},
		{`{{len .Parent}}`, "len counts the items of a list or the letters of a text, and this is empty (there is none): check it first with {{with}}"},
		{`{{call .Title}}`, "call runs a function, and .Title is a text"},
		{`{{$n = 1}}`, "$n is changed with = before it is made: write {{$n := …}} the first time, and = only to change it afterwards"},
	}
	ts := &Templates{}
	for _, tt := range tests {
		tpl := template.Must(template.New("page.html").Funcs(funcs).Parse(tt.src))
		err := tpl.Execute(io.Discard, data)
		if err == nil {
			t.Fatalf("%s: no error", tt.src)
		}
		m := templateErrRE.FindStringSubmatch(err.Error())
		if m == nil {
			t.Fatalf("%s: %v is not a template error", tt.src, err)
		}
		got := ts.plain(m[4], data)
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		for _, jargon := range []string{"time.Time", "wrong type", "can't", "invoked", "found 5", "nil pointer", "invalid value", "wrong number", "want 1", "unexported", "struct", "incompatible", "untyped", "reflect", "interface {}", "non-function", "theme.", "expected", "cannot assign"} {
			if strings.Contains(got, jargon) {
				t.Errorf("%s: %q still says %q", tt.src, got, jargon)
			}
		}
	}
}

// TestUndefinedVarColumn: {{$x = 1}} with no {{$x := …}} before it is
// reported at the variable, where the mistake is, not at the value
// text/template names.
func TestUndefinedVarColumn(t *testing.T) {
	tests := []struct {
		page string
		want string // the error's "path:line:col"
	}{
		{`{{define "main"}}{{$x = 1}}{{end}}`, "themes/t/layouts/page.html:1:20"},
		{"{{define \"main\"}}\n<p>{{ $n  =  .Title }}</p>{{end}}", "themes/t/layouts/page.html:2:7"},
		{`{{define "main"}}{{$x := 1}}{{if .Title}}{{$y = $x}}{{end}}{{end}}`, "themes/t/layouts/page.html:1:44"},
	}
	for _, tt := range tests {
		ts, err := parseTestTheme(t, map[string]string{"base.html": `{{block "main" .}}{{end}}`, "page.html": tt.page}, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.page, err)
		}
		var buf bytes.Buffer
		e := ts.Execute(&buf, "page", map[string]any{"Title": "a"})
		if e == nil {
			t.Fatalf("%s: no error", tt.page)
		}
		if got := fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Col); got != tt.want {
			t.Errorf("%s: at %s, want %s (%v)", tt.page, got, tt.want, e)
		}
	}
}
