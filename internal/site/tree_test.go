package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mutual/internal/benchcorpus"
)

// treeGolden holds the hash of every file a full build writes for the
// shipped site and for the 1,000-page bench corpus, taken before the
// redesign of issue 11 split this package: the redesign (and any change
// meant to change no output byte) must keep them. Regenerate it with
// go test ./internal/site -run TestOutputTree -update, and say in the
// commit why the output changed.
const treeGolden = "testdata/tree.golden"

// TestOutputTree builds the shipped site and the 1,000-page bench corpus
// and compares every output file's hash with treeGolden.
func TestOutputTree(t *testing.T) {
	t.Parallel() // reads no file another test writes, and measures no time or memory
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	if err := benchcorpus.Write(corpus, 1000, 1); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, tree := range []struct{ name, dir string }{
		{"shipped site", root},
		{"bench corpus, 1000 pages, seed 1", corpus},
	} {
		out := filepath.Join(t.TempDir(), "out")
		if _, err := New(Options{Dir: tree.dir, Out: out}).Build(); err != nil {
			t.Fatalf("%s: %v", tree.name, err)
		}
		got.WriteString(hashTree(t, tree.name, out))
	}
	if *update {
		if err := os.WriteFile(treeGolden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(treeGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() == string(want) {
		return
	}
	// Name the files that differ, not only the trees.
	wantLines := strings.Split(string(want), "\n")
	gotLines := strings.Split(got.String(), "\n")
	n := 0
	for _, l := range gotLines {
		if !slices.Contains(wantLines, l) && n < 40 {
			t.Errorf("new or changed: %s", l)
			n++
		}
	}
	for _, l := range wantLines {
		if !slices.Contains(gotLines, l) && n < 80 {
			t.Errorf("gone or changed: %s", l)
			n++
		}
	}
	t.Errorf("the output differs from %s (%d lines differ, at most 80 shown)", treeGolden, n)
}

// hashTree lists the hash of every file under dir, sorted by path, after a
// line with the hash of the whole list.
func hashTree(t *testing.T, name, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(data)
		lines = append(lines, hex.EncodeToString(sum[:8])+" "+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[17:], b[17:]) })
	body := strings.Join(lines, "\n") + "\n"
	sum := sha256.Sum256([]byte(body))
	return fmt.Sprintf("# %s: %d files, tree %s\n%s", name, len(lines), hex.EncodeToString(sum[:]), body)
}
