package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// worksheetPageBudget is the most HTML a worksheet page of the shipped
// site may weigh: what a new connection delivers in three round trips of
// data (README, "How it was measured"); a byte more costs a fourth before
// the page can paint.
const worksheetPageBudget = 74_000

// TestWorksheetPageBudget builds the shipped site and holds every
// worksheet page, in every language, under worksheetPageBudget. "Give and
// take" is the largest; its Spanish page the largest of all.
func TestWorksheetPageBudget(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := New(Options{Dir: root, Out: out}).Build(); err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	pages, err := filepath.Glob(filepath.Join(out, "worksheets", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	translated, err := filepath.Glob(filepath.Join(out, "*", "worksheets", "*", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, translated...)
	for _, want := range []string{"worksheets/give-and-take/index.html", "es/worksheets/give-and-take/index.html"} {
		found := false
		for _, p := range pages {
			found = found || strings.HasSuffix(filepath.ToSlash(p), "/"+want)
		}
		if !found {
			t.Errorf("no page %s in the shipped site", want)
		}
	}
	for _, p := range pages {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(out, p)
		t.Logf("%s: %d bytes", filepath.ToSlash(rel), info.Size())
		if info.Size() > worksheetPageBudget {
			t.Errorf("%s is %d bytes of HTML, over the %d-byte budget (three round trips of a new connection)", filepath.ToSlash(rel), info.Size(), worksheetPageBudget)
		}
	}
}
