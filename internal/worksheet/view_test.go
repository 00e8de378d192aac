package worksheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/diag"
	"mutual/internal/score"
)

// fakeEnv renders Markdown as its escaped source tagged with its position,
// and resolves links under /resolved/, so the golden files show exactly
// what View asked the site for.
func fakeEnv(path string) Env {
	return Env{
		Markdown: func(src string, line, col, indent int) (template.HTML, diag.List) {
			var errs diag.List
			if strings.Contains(src, "BROKEN") {
				errs.Add(path, line, col, "broken markdown")
			}
			return template.HTML(fmt.Sprintf("<p data-pos=\"%d:%d\">%s</p>", line, col, template.HTMLEscapeString(src))), errs
		},
		Resolve: func(l Link) (string, string, *diag.Error) {
			if strings.Contains(l.Dest, "missing") {
				return "", "", diag.Errorf(path, l.Line, l.Col, "link %q does not resolve", l.Dest)
			}
			slug := strings.TrimSuffix(filepath.Base(l.Dest), ".md")
			return "/resolved/" + slug + "/", "Title of " + slug, nil
		},
		Help:        "<p>Call someone you trust.</p>",
		WasmURL:     "/js/scorer.0123abcd.wasm",
		WasmExecURL: "/js/wasm_exec.0123abcd.js",
		ScriptURL:   "/js/worksheet.0123abcd.js",
	}
}

func TestView(t *testing.T) {
	for _, file := range glob(t, "testdata/good/*.yaml") {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			path := sitePath(file)
			w, errs := Parse(path, src)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			v, errs := w.View(fakeEnv(path))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			checkView(t, w, v)
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata/view", name+".json"), got.Bytes())
		})
	}
}

// checkView holds the page contract: unique element ids, radio names that
// are the model's keys, and a model that decodes back to Model().
func checkView(t *testing.T, w *Worksheet, v *View) {
	t.Helper()
	var m score.Model
	if err := json.Unmarshal([]byte(v.ModelJSON), &m); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, it := range m.Items {
		keys[it.Key] = true
	}
	ids := map[string]bool{}
	unique := func(id string) {
		if id == "" {
			return
		}
		if ids[id] {
			t.Errorf("duplicate element id %q", id)
		}
		ids[id] = true
	}
	names := 0
	for _, s := range v.Sections {
		unique(s.ID)
		for _, q := range s.Questions {
			unique(q.ElementID)
			unique(q.HelpID)
			unique(q.InputID)
			if q.Type == "reflection" && q.MaxLength != MaxTextLen {
				t.Errorf("reflection %s takes %d characters, want MaxTextLen (%d), what an answer file may hold", q.ID, q.MaxLength, MaxTextLen)
			}
			if q.Type != "reflection" && q.MaxLength != 0 {
				t.Errorf("%s question %s has a maxlength", q.Type, q.ID)
			}
			for _, g := range q.Groups {
				unique(g.ID)
				if !keys[g.Name] {
					t.Errorf("radio group %q is not a model key", g.Name)
				}
				names++
				for _, o := range g.Options {
					unique(o.ID)
				}
				if g.NA != nil {
					unique(g.NA.ID)
				}
			}
			unique(q.GroupID)
			for i, c := range q.Checks {
				unique(c.ID)
				if c.None != (i == len(q.Checks)-1) || c.None != (c.Value == NoneOption) {
					t.Errorf("checklist %s: box %d %+v; want \"none\" last, and only there", q.ID, i, c)
				}
				if keys[CheckKey(q.ID, c.Value)] {
					names++
				}
			}
		}
	}
	if names != len(m.Items) || v.Total != len(m.Items) {
		t.Errorf("%d radio groups and scored boxes, total %d, %d model items", names, v.Total, len(m.Items))
	}
	if again, _ := json.Marshal(w.Model()); string(again) != v.ModelJSON {
		t.Error("ModelJSON is not deterministic")
	}
}

// TestViewErrors checks that View reports what the site's Markdown and
// resolver report, and an alert with no help block to show.
func TestViewErrors(t *testing.T) {
	src := `title: T
intro: BROKEN intro
areas:
  - {id: a, label: A, see: missing.md}
sections:
  - title: S
    questions:
      - {id: q, type: rating, side: give, text: Q, scale: agreement, area: a, alert: [0, 0]}
results:
  - {title: B, body: "BROKEN body", see: [ok.md, missing-too.md]}
`
	path := "content/worksheets/t.yaml"
	w, errs := Parse(path, []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	env := fakeEnv(path)
	env.Help = ""
	_, errs = w.View(env)
	want := `content/worksheets/t.yaml:2:8: broken markdown
content/worksheets/t.yaml:4:28: link "missing.md" does not resolve
content/worksheets/t.yaml:8:9: question "q" has an alert but the site has no help block to show; add help to site.yaml
content/worksheets/t.yaml:10:23: broken markdown
content/worksheets/t.yaml:10:50: link "missing-too.md" does not resolve`
	if got := errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
