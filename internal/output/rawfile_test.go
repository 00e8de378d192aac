package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRawFiles checks that rawMkdir and rawWriteFile behave as os.Mkdir
// and os.WriteFile do, errors included.
func TestRawFiles(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789"), 100_000) // several write calls' worth
	if err := os.WriteFile(filepath.Join(dir, "old"), []byte("a longer old text"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		do      func() error
		wantErr error // nil, fs.ErrNotExist or fs.ErrExist
		check   func(t *testing.T)
	}{
		{"mkdir", func() error { return rawMkdir(filepath.Join(dir, "a"), 0o755) }, nil, func(t *testing.T) {
			if st, err := os.Stat(filepath.Join(dir, "a")); err != nil || !st.IsDir() {
				t.Errorf("no folder: %v", err)
			}
		}},
		{"mkdir existing", func() error { return rawMkdir(filepath.Join(dir, "a"), 0o755) }, fs.ErrExist, nil},
		{"mkdir without parent", func() error { return rawMkdir(filepath.Join(dir, "x", "y"), 0o755) }, fs.ErrNotExist, nil},
		{"write", func() error { return rawWriteFile(filepath.Join(dir, "a", "index.html"), []byte("<p>hi</p>"), 0o644) }, nil, func(t *testing.T) {
			if b, err := os.ReadFile(filepath.Join(dir, "a", "index.html")); err != nil || string(b) != "<p>hi</p>" {
				t.Errorf("read back %q, %v", b, err)
			}
		}},
		{"write truncates", func() error { return rawWriteFile(filepath.Join(dir, "old"), []byte("new"), 0o644) }, nil, func(t *testing.T) {
			if b, _ := os.ReadFile(filepath.Join(dir, "old")); string(b) != "new" {
				t.Errorf("read back %q", b)
			}
		}},
		{"write big", func() error { return rawWriteFile(filepath.Join(dir, "big"), big, 0o644) }, nil, func(t *testing.T) {
			if b, _ := os.ReadFile(filepath.Join(dir, "big")); !bytes.Equal(b, big) {
				t.Errorf("read back %d bytes, want %d", len(b), len(big))
			}
		}},
		{"write empty", func() error { return rawWriteFile(filepath.Join(dir, "empty"), nil, 0o644) }, nil, func(t *testing.T) {
			if st, err := os.Stat(filepath.Join(dir, "empty")); err != nil || st.Size() != 0 {
				t.Errorf("stat %v, %v", st, err)
			}
		}},
		{"write without folder", func() error { return rawWriteFile(filepath.Join(dir, "x", "f"), []byte("x"), 0o644) }, fs.ErrNotExist, nil},
		{"write over a folder", func() error { return rawWriteFile(filepath.Join(dir, "a"), []byte("x"), 0o644) }, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			switch {
			case tt.name == "write over a folder":
				if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "a")) {
					t.Errorf("got %v, want an error naming the folder", err)
				}
			case tt.wantErr == nil && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), dir) {
				t.Errorf("error %q does not name the path", err)
			}
			if tt.check != nil {
				tt.check(t)
			}
		})
	}
}
