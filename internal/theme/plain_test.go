package theme

import (
	"html/template"
	"io"
	"strings"
	"testing"
	"time"
)

// TestPlainRuntimeErrors runs layouts that go wrong while they run and
// reads their errors, as text/template words them, through plain: each is
// said without Go's words or type names.
func TestPlainRuntimeErrors(t *testing.T) {
	data := struct {
		Title string
		Date  time.Time
		Tags  []string
	}{Title: "A", Date: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), Tags: []string{"x"}}
	funcs := template.FuncMap{"asset": func(s string) string { return s }}
	tests := []struct{ src, want string }{
		{`{{asset 5}}`, "in {{5}}: a text is needed here, not 5"},
		{`{{asset .Date}}`, "in {{.Date}}: a text is needed here, and this is a date"},
		{`{{len .Date}}`, "len counts the items of a list or the letters of a text, and this is a date"},
		{`{{.Title 1}}`, "in {{.Title}}: .Title is a value, not a function: remove what follows it in the action"},
		{`{{range .Title}}x{{end}}`, `in {{.Title}}: {{range}} goes through a list (pages, tags, links), and this is one value, "A": show it without {{range}}, or with {{with}} when it may be empty`},
		{`{{index .Tags 3}}`, "the list has no item 3 here (items count from 0): check its length first, as in {{if gt (len .Pages) 3}}, or go through it with {{range}}"},
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
		for _, jargon := range []string{"time.Time", "wrong type", "can't", "invoked", "found 5"} {
			if strings.Contains(got, jargon) {
				t.Errorf("%s: %q still says %q", tt.src, got, jargon)
			}
		}
	}
}
