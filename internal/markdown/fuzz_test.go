package markdown

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzRender checks properties that must hold for any input: no panic, no
// style or event handler attribute, the same output twice, heading ids
// unique and non-empty, and every position Render reports inside the file.
func FuzzRender(f *testing.F) {
	files, err := os.ReadDir("testdata/render")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range files {
		if strings.HasSuffix(e.Name(), ".md") {
			src, err := os.ReadFile("testdata/render/" + e.Name())
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src, 0, 0)
		}
	}
	f.Add([]byte("[a](b)\r\n\r\n| x |\n|---|\n| [c](d) |"), 3, 5)
	// Code in languages whose chroma lexers loop (see highlight.go).
	f.Add([]byte("```jungle\n/\n```\n\n```jsonata\n\"\n```\n"), 0, 0)
	f.Add([]byte("```rst\n.. code:: jungle\n\n   /\n```\n"), 0, 0)

	m := New(Options{})
	f.Fuzz(func(t *testing.T, src []byte, lineOffset, colOffset int) {
		lineOffset = max(0, lineOffset%1000)
		colOffset = max(0, colOffset%1000)
		lines := bytes.Count(src, []byte("\n")) + 1
		inFile := func(p Pos) bool {
			return p.Line > lineOffset && p.Line <= lineOffset+lines && p.Col >= 1
		}
		ctx := Context{
			Path:       "content/f.md",
			LineOffset: lineOffset,
			ColOffset:  colOffset,
			Resolve: func(dest string, pos Pos) (string, error) {
				if !inFile(pos) {
					t.Errorf("Resolve(%q) at %v, outside lines %d..%d", dest, pos, lineOffset+1, lineOffset+lines)
				}
				if len(dest)%2 == 1 {
					return "", errors.New("odd")
				}
				return "/" + dest, nil
			},
		}
		var out, again bytes.Buffer
		res, err := m.Render(&out, src, ctx)
		if err != nil {
			t.Fatal(err)
		}
		if attr := forbiddenAttribute(out.String()); attr != "" {
			t.Errorf("output has a %s attribute:\n%s", attr, out.String())
		}
		for _, e := range res.Errors {
			if !inFile(Pos{e.Line, e.Col}) || e.Path != "content/f.md" || e.Msg != "odd" {
				t.Errorf("error %v outside the file or malformed", e)
			}
		}
		seen := make(map[string]bool)
		for _, h := range res.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Errorf("heading id %q empty or repeated", h.ID)
			}
			seen[h.ID] = true
			if !inFile(Pos{h.Line, 1}) || h.Level < 1 || h.Level > 6 {
				t.Errorf("heading %+v outside the file", h)
			}
		}
		if _, err := m.Render(&again, src, ctx); err != nil {
			t.Fatal(err)
		}
		if out.String() != again.String() {
			t.Error("two renders of the same input differ")
		}
	})
}
