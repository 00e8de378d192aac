package theme

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzTemplates: whatever a theme's base.html, page layout and partial
// hold, reading them returns (no panic, no hang) and each error it gives
// is at a place in one of the theme's files, said in words: its line is
// one of the file's (0 for none), its column within that line (0 for
// none), and text/template's own prefix ("template: ...") is not in it.
func FuzzTemplates(f *testing.F) {
	f.Add(`{{block "main" .}}{{end}}`, `{{define "main"}}{{.Title}}{{end}}`, `<b>{{.Title}}</b>`)
	f.Add(`{{block "main" .}}{{end}}`, `{{define "main"}}{{partial "p.html" .}}{{end}}`, `{{if .X}}`)
	f.Add("<main>{{block \"main\" .}}{{end}}\n{{end}}", `{{define "main"}}{{.Title{{end}}`, "{{else}}")
	f.Add(`{{template "nope" .}}`, `{{define "main"}}{{range $a, $b, $c := .}}{{end}}{{end}}`, `{{partial "p.html" .}}`)
	f.Add(`{{block "main" .}}{{end}}`, "{{define \"main\"}}\n{{T \"pager.next\"}}{{nosuch 1}}{{end}}", "{{/* x")
	funcs := Funcs(FuncEnv{BasePath: "/", Origin: "https://example.org"})
	funcs["T"] = func(string, ...any) string { return "" }
	f.Fuzz(func(t *testing.T, base, page, partial string) {
		files := map[string]string{"base.html": base, "page.html": page, "partials/p.html": partial}
		fsys := fstest.MapFS{}
		for name, body := range files {
			fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(body)}
		}
		_, errs := Chain{{Name: "t", Dir: "themes/t", FS: fsys}}.Templates(funcs)
		for _, e := range errs {
			name, ok := strings.CutPrefix(e.Path, "themes/t/layouts/")
			body, known := files[name]
			if !ok || !known {
				t.Fatalf("error at %q, no file of the theme: %v", e.Path, e)
			}
			lines := strings.Split(body, "\n")
			if e.Line < 0 || e.Line > len(lines) || e.Line == 0 && e.Col != 0 {
				t.Fatalf("%q: line %d of %d lines: %v", body, e.Line, len(lines), e)
			}
			if e.Line > 0 && (e.Col < 0 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1) {
				t.Fatalf("%q: column %d of line %q: %v", body, e.Col, lines[e.Line-1], e)
			}
			if e.Msg == "" || strings.Contains(e.Msg, "template: ") {
				t.Fatalf("%q: message %q", body, e.Msg)
			}
		}
	})
}
