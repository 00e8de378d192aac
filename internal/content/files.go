package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"mutual/internal/markdown"
)

// Limits on the files a build reads whole. Content files other than pages
// and worksheets (images, PDFs...) are copied as streams and have no
// limit.
const (
	MaxPageSize      = markdown.MaxSize // a Markdown page, front matter included
	MaxWorksheetSize = 1 << 20
	MaxConfigSize    = 1 << 20 // site.yaml, and a theme's theme.yaml
	maxSVGSize       = 16 << 20
)

var kindNames = map[Kind]string{PageSource: "page", IndexSource: "page", WorksheetSource: "worksheet", FileSource: "file"}

// TooBigError is a file over its limit.
type TooBigError struct {
	size, limit int64
	what        string // "page", "worksheet"...
}

func (e *TooBigError) Error() string {
	msg := fmt.Sprintf("this %s is %s; a %s may be at most %s", e.what, sizeText(e.size), e.what, sizeText(e.limit))
	if e.what == "page" || e.what == "worksheet" {
		msg += ": split it into several " + e.what + "s"
	}
	return msg
}

func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// ReadLimited reads name from fsys, refusing it (with a *TooBigError)
// when it holds more than limit bytes.
func ReadLimited(fsys fs.FS, name string, limit int64, what string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &TooBigError{size: st.Size(), limit: limit, what: what}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, &TooBigError{size: int64(len(data)), limit: limit, what: what}
	}
	return data, err
}

// ReadOSLimited is ReadLimited for a path on disk.
func ReadOSLimited(name string, limit int64, what string) ([]byte, error) {
	return ReadLimited(osFS{}, name, limit, what)
}

type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// LinkOutside reports whether the symbolic link p leads outside the
// folder within (links resolved), and where it leads. A link that leads
// nowhere is not outside: reading it fails later with its own error.
func LinkOutside(p, within string) (string, bool) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", false
		}
		return p, true
	}
	return target, target != within && !isWithin(target, within)
}

// LinkLoop reports whether the symbolic link p never reaches a file or
// folder because its links lead round in a loop (a -> b -> a).
func LinkLoop(p string) bool {
	_, err := os.Stat(p)
	return errors.Is(err, syscall.ELOOP)
}

// isWithin reports whether p lies inside the folder dir (both clean and
// absolute).
func isWithin(p, dir string) bool {
	return strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// ReadError is the message for a file that could not be read, in words
// rather than the system's: the file (or what its link points to) gone,
// no permission, a folder, a loop of links; anything else with the
// system's reason alone (the path is the message's own).
func ReadError(err error) string {
	var big *TooBigError
	if errors.As(err, &big) {
		return big.Error()
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "cannot read: the file is not there (a symbolic link to nothing, or a file removed while mutual read the site)"
	case errors.Is(err, fs.ErrPermission):
		return "cannot read: the file's permissions do not let mutual read it (give read permission to the user who runs mutual)"
	case errors.Is(err, syscall.EISDIR):
		return "cannot read: this is a folder, where a file was expected"
	case errors.Is(err, syscall.ELOOP):
		return "cannot read: a symbolic link that leads back to itself through other links"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot read: " + pe.Err.Error()
	}
	return "cannot read: " + err.Error()
}

// Hidden reports names of files that are never content or theme files:
// dot files and editors' backup and swap files.
func Hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasPrefix(name, "#") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || name == "4913"
}
