//go:build browser

package site

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"mutual/internal/browsertest"
	"mutual/internal/search"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// TestWorksheetSearchPartsMatchPage: search-engine.js reads a worksheet
// page's data-search-body elements (its introduction and each section,
// the answers and labels marked data-search-skip left out) into exactly
// the parts the index holds of the worksheet (worksheetText, made from its
// file), on every worksheet of the shipped site, so that a result found
// by a word deep in a section shows, refined from the page, the passage
// that holds it, linked to the section.
func TestWorksheetSearchPartsMatchPage(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	shipped, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// What the shipped worksheets lack: headings (with ids) and code in
	// the introductions and in help, entities, a section without one.
	made := minimalSite(t)
	writeFile(t, made, "content/worksheets/w.yaml", madeUpWorksheet)
	for _, c := range []struct {
		name, dir string
		min       int // worksheets
	}{
		{"shipped", shipped, 4},
		{"made up", made, 1},
	} {
		t.Run(c.name, func(t *testing.T) { worksheetPartsMatch(t, c.dir, c.min) })
	}
}

const madeUpWorksheet = `title: Made up
summary: A check.
areas:
  - {id: talk, label: Talking things through}
intro: |
  Before the first heading, *emphasis* & <angle> brackets.

  # Before you start

  Read this first.

      code is left out

  ## Then

  More to read.
sections:
  - title: "Listening & talking"
    intro: |
      A section's introduction.

      # Why we ask

      Because it matters.
    questions:
      - id: q1
        type: rating
        side: give
        area: talk
        text: I listen when my partner vents.
        scale: frequency
        help: |
          # A heading in help

          Help with ` + "`code`" + ` in it.
      - id: q2
        type: pair
        area: talk
        give: I lend a hand.
        receive: They lend a hand.
        scale: frequency
  - title: Other things
    questions:
      - id: q3
        type: checklist
        text: Which of these happened?
        options:
          - {id: a, label: Alpha happened, side: give}
          - {id: b, label: Beta happened, side: receive}
      - id: q4
        type: reflection
        text: Something to write down.
        help: Only for you.
results:
  - title: Thank you
    body: Nothing to weigh.
`

func worksheetPartsMatch(t *testing.T, root string, min int) {
	out := filepath.Join(t.TempDir(), "public")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := New(Options{Dir: root, Out: out, BaseURL: srv.URL + "/"})
	var job *pageJob
	b.onPages = func(j *pageJob) { job = j }
	if _, err := b.Build(); err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	names, err := filepath.Glob(filepath.Join(out, "js", "search-engine.*.js"))
	if err != nil || len(names) != 1 {
		t.Fatalf("search-engine.js in the output: %v %v", names, err)
	}
	engine, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	browsertest.Eval[bool](tab, `(() => { const module = {exports: {}}; `+string(engine)+`; window.searchCore = module.exports; return true; })()`)

	space := regexp.MustCompile(`[ \n\t\r\f]+`)
	collapse := func(s string) string {
		s = space.ReplaceAllString(s, " ")
		if len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		if len(s) > 0 && s[len(s)-1] == ' ' {
			s = s[:len(s)-1]
		}
		return s
	}
	n := 0
	for _, node := range job.model.Nodes {
		if node.Kind != "worksheet" || !indexed(node) {
			continue
		}
		n++
		d, ok := job.searchDocument(node, nil, nil)
		if !ok {
			t.Fatalf("%s: no document for the index", node.Href)
		}
		var want [][3]string
		for _, p := range search.Parts(d.Body) {
			want = append(want, [3]string{p.Anchor, p.Heading, p.Text})
		}
		for _, p := range d.Parts {
			want = append(want, [3]string{p.Anchor, collapse(p.Heading), collapse(p.Text)})
		}
		got := browsertest.Eval[[][3]string](tab, fmt.Sprintf(`(async () => {
			const doc = new DOMParser().parseFromString(await (await fetch(%q)).text(), "text/html");
			return searchCore.partsOf(doc.querySelectorAll("[data-search-body]"));
		})()`, d.URL))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the page reads parts\n%q\nthe index holds\n%q", d.URL, got, want)
		}
		if len(want) < 2 {
			t.Errorf("%s: the index holds %d parts of the worksheet", d.URL, len(want))
		}
	}
	if n < min {
		t.Errorf("the site has %d worksheets, want %d", n, min)
	}
}
