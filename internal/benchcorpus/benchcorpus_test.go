package benchcorpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readTree returns every file below dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, w := range []struct {
		dir  string
		seed int64
	}{{a, 1}, {b, 1}, {c, 2}} {
		if err := Write(w.dir, 50, w.seed); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb, fc := readTree(t, a), readTree(t, b), readTree(t, c)
	// site.yaml, 3 top pages... : 1 + 1 + 1 + 20 sections + 50 pages + stamp.
	if want := 3 + Sections + 50 + 1; len(fa) != want {
		t.Errorf("wrote %d files, want %d", len(fa), want)
	}
	if len(fa) != len(fb) {
		t.Fatalf("same seed: %d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("same seed: %s differs between two writes", name)
		}
	}
	if bytes.Equal(fa[PageRel(7)], fc[PageRel(7)]) {
		t.Errorf("seeds 1 and 2 wrote the same %s", PageRel(7))
	}
	// Rewriting an existing corpus replaces it exactly, stale pages included.
	if err := Write(a, 30, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(a, PageRel(40))); err == nil {
		t.Errorf("rewriting with fewer pages left %s behind", PageRel(40))
	}
	if !Current(a, 30, 1) || Current(a, 50, 1) || Current(a, 30, 2) {
		t.Errorf("Current does not match the stamp %q", Stamp(30, 1))
	}
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, 5, 1); err == nil {
		t.Fatal("Write into a folder it did not write succeeded")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the foreign file was touched: %q, %v", b, err)
	}
}

var (
	headingRE = regexp.MustCompile(`(?m)^(#{2,3}) (.+)$`)
	linkRE    = regexp.MustCompile(`\]\((\.\./s\d\d/page-\d{5}\.md)(#[a-z-]+)?\)`)
)

// Every page has the shape the benchmark promises, and every link and
// anchor points to a page and heading that exist.
func TestPageShape(t *testing.T) {
	dir := t.TempDir()
	const pages = 50
	if err := Write(dir, pages, 3); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	ids := map[string]map[string]bool{} // page file -> heading ids
	for i := range pages {
		ids[PageRel(i)] = map[string]bool{}
		for _, m := range headingRE.FindAllStringSubmatch(string(files[PageRel(i)]), -1) {
			ids[PageRel(i)][heading{text: m[2]}.id()] = true
		}
	}
	for i := range pages {
		rel := PageRel(i)
		src := string(files[rel])
		var problems []string
		check := func(ok bool, what string) {
			if !ok {
				problems = append(problems, what)
			}
		}
		fm, body, ok := strings.Cut(strings.TrimPrefix(src, "---\n"), "\n---\n")
		check(strings.HasPrefix(src, "---\n") && ok, "front matter")
		for _, key := range []string{"title:", "description:", "date:", "weight:", "tags: ["} {
			check(strings.Contains(fm, "\n"+key) || strings.HasPrefix(fm, key), key)
		}
		hs := headingRE.FindAllString(body, -1)
		check(len(hs) >= 4 && len(hs) <= 6, "4 to 6 headings")
		check(strings.Count(body, "```go\n") == 1 && strings.Count(body, "```yaml\n") == 1, "one go and one yaml block")
		check(strings.Contains(body, "\n- "), "bullet list")
		check(strings.Contains(body, "\n1. "), "numbered list")
		check(strings.Contains(body, "|-----|"), "table")
		links := linkRE.FindAllStringSubmatch(body, -1)
		check(len(links) >= 3 && len(links) <= 5, "3 to 5 links")
		anchors := 0
		for _, l := range links {
			target := filepath.ToSlash(filepath.Join(filepath.Dir(rel), l[1]))
			if _, ok := files[target]; !ok {
				problems = append(problems, "link to missing "+target)
				continue
			}
			if l[2] != "" {
				anchors++
				check(ids[target][l[2][1:]], "anchor "+l[1]+l[2]+" exists")
			}
		}
		check(anchors == 1, "one link with an anchor")
		prose := 0
		fenced := false
		for _, line := range strings.Split(body, "\n") {
			if strings.HasPrefix(line, "```") {
				fenced = !fenced
				continue
			}
			if !fenced && line != "" && !strings.ContainsAny(line[:1], "#|-0123456789") {
				prose += len(strings.Fields(line))
			}
		}
		check(prose >= 550 && prose <= 900, "about 700 words of prose")
		if len(problems) > 0 {
			t.Errorf("%s: %s (prose words: %d)", rel, strings.Join(problems, "; "), prose)
		}
	}
}
