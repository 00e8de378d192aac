package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadError: the reasons a file cannot be read, said in words, with
// no path of the system's (the message is the file's own).
func TestReadError(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "gone.md")
	if err := os.Symlink(filepath.Join(dir, "nothing.md"), gone); err != nil {
		t.Fatal(err)
	}
	_, errGone := os.ReadFile(gone)
	_, errDir := os.ReadFile(dir)
	loop := filepath.Join(dir, "loop.md")
	os.Symlink(loop, loop)
	_, errLoop := os.ReadFile(loop)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a link to nothing", errGone, "cannot read: the file is not there (a symbolic link to nothing, or a file removed while mutual read the site)"},
		{"a folder", errDir, "cannot read: this is a folder, where a file was expected"},
		{"a loop", errLoop, "cannot read: a symbolic link that leads back to itself through other links"},
		{"no permission", &fs.PathError{Op: "open", Path: "/x/y.md", Err: fs.ErrPermission}, "cannot read: the file's permissions do not let mutual read it (give read permission to the user who runs mutual)"},
		{"another reason", &fs.PathError{Op: "read", Path: "/x/y.md", Err: syscall.EIO}, "cannot read: input/output error"},
		{"too big", &TooBigError{size: 2 << 20, limit: 1 << 20, what: "page"}, (&TooBigError{size: 2 << 20, limit: 1 << 20, what: "page"}).Error()},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Fatalf("%s: no error to say", tt.name)
		}
		if got := ReadError(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
