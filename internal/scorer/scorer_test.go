package scorer

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

func TestFS(t *testing.T) {
	var want []string
	for _, name := range shipped {
		if _, err := os.Stat("dist/" + name); err == nil {
			want = append(want, name)
		}
	}
	if err := fstest.TestFS(FS(), want...); err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("FS lists %d files, want %v", len(entries), want)
	}
	if _, err := fs.Stat(FS(), "README.txt"); err == nil {
		t.Error("FS serves README.txt")
	}
	_, err = os.Stat("dist/scorer.wasm")
	if got := Available(); got != (err == nil) {
		t.Errorf("Available() = %v, dist/scorer.wasm exists: %v", got, err == nil)
	}
	for _, name := range want {
		got, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		disk, err := os.ReadFile("dist/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(disk) {
			t.Errorf("FS serves other bytes for %s than dist/%s", name, name)
		}
	}
}
