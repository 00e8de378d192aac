package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteLast commits an incremental plan whose write of c/x.bin fails
// (c is a file, not a folder): a file marked WriteLast, though it sorts
// before c/x.bin, is not written, so it never names a file that is not
// there; unmarked, it is written first.
func TestWriteLast(t *testing.T) {
	for _, last := range []bool{true, false} {
		out := t.TempDir()
		os.WriteFile(filepath.Join(out, MarkerFile), []byte(MarkerText), 0o644)
		os.WriteFile(filepath.Join(out, "b.json"), []byte("old"), 0o644)
		os.WriteFile(filepath.Join(out, "c"), []byte("a file"), 0o644)
		o, err := Open(out, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		p := NewPlan(Incremental, Manifest{"b.json": "1", "c": "1"}, o)
		p.Put("b.json", "2", []byte("new"))
		p.Put("c/x.bin", "1", []byte("x"))
		p.Keep("c")
		if last {
			p.WriteLast("b.json")
		}
		if _, err := p.Commit(); err == nil {
			t.Fatal("commit did not fail")
		}
		o.Discard()
		want := "new"
		if last {
			want = "old"
		}
		if got, _ := os.ReadFile(filepath.Join(out, "b.json")); string(got) != want {
			t.Errorf("last=%v: b.json = %q, want %q", last, got, want)
		}
	}

	// Marked files go last, in order, and the changed list stays sorted.
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, MarkerFile), []byte(MarkerText), 0o644)
	o, err := Open(out, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Discard()
	p := NewPlan(Incremental, Manifest{}, o)
	for _, f := range []string{"z", "a/manifest.json", "m", "b/manifest.json"} {
		p.Put(f, "1", []byte(f))
	}
	p.WriteLast("a/manifest.json")
	p.WriteLast("b/manifest.json")
	changed, err := p.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a/manifest.json", "b/manifest.json", "m", "z"}; !slices.Equal(changed, want) {
		t.Errorf("changed = %q, want %q", changed, want)
	}
}
