package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"mutual/internal/markdown"
)

// Limits on the files a build reads whole. Content files other than pages
// and worksheets (images, PDFs...) are copied as streams and have no
// limit.
const (
	maxPageSize      = markdown.MaxSize // a Markdown page, front matter included
	maxWorksheetSize = 1 << 20
	maxConfigSize    = 1 << 20 // site.yaml and theme.yaml
	maxLayoutSize    = 1 << 20 // a theme's layout or partial
	maxStaticSize    = 16 << 20
)

var kindNames = map[srcKind]string{srcPage: "page", srcIndex: "page", srcWorksheet: "worksheet", srcFile: "file"}

// tooBigError is a file over its limit.
type tooBigError struct {
	size, limit int64
	what        string // "page", "worksheet"...
}

func (e *tooBigError) Error() string {
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

// readLimited reads name from fsys, refusing it (with a *tooBigError)
// when it holds more than limit bytes.
func readLimited(fsys fs.FS, name string, limit int64, what string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &tooBigError{size: st.Size(), limit: limit, what: what}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, &tooBigError{size: int64(len(data)), limit: limit, what: what}
	}
	return data, err
}

// readOSLimited is readLimited for a path on disk.
func readOSLimited(name string, limit int64, what string) ([]byte, error) {
	return readLimited(osFS{}, name, limit, what)
}

type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// linkOutside reports whether the symbolic link p leads outside the
// folder within (links resolved), and where it leads. A link that leads
// nowhere is not outside: reading it fails later with its own error.
func linkOutside(p, within string) (string, bool) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", false
		}
		return p, true
	}
	return target, target != within && !isWithin(target, within)
}

func isWithin(p, dir string) bool { return within(p, dir) }

// readError is the message for a file that could not be read.
func readError(err error) string {
	var big *tooBigError
	if errors.As(err, &big) {
		return big.Error()
	}
	return "cannot read: " + err.Error()
}
