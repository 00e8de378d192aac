package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestReplaceIsAtomic writes files in place as an incremental build does:
// a failed write leaves the old file and no temporary file behind.
func TestReplaceIsAtomic(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, MarkerFile), []byte(MarkerText), 0o644)
	os.Mkdir(filepath.Join(out, "a"), 0o755)
	os.WriteFile(filepath.Join(out, "a/index.html"), []byte("the old page\n"), 0o644)
	o, err := Open(out, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Discard()
	failed := errors.New("disk full")
	err = o.replace("a/index.html", func(w io.Writer) error {
		io.WriteString(w, "the new pa")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("got %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(got) != "the old page\n" {
		t.Errorf("a failed write changed the file to %q", got)
	}
	if ents, _ := os.ReadDir(filepath.Join(out, "a")); len(ents) != 1 {
		t.Errorf("a failed write left %d files", len(ents))
	}
	if err := o.Write("a/index.html", []byte("the new page\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(got) != "the new page\n" {
		t.Errorf("got %q", got)
	}
}
