//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// outputLock is, where flock(2) is missing, a lock file created
// exclusively: a second build fails at once instead of waiting, and a
// killed build leaves the file behind, to be removed by hand.
type outputLock struct{ path string }

func lockOutput(path string, waiting func()) (*outputLock, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another build is writing it (or one was killed: if no mutual is running, delete %s)", path)
	}
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	f.Close()
	return &outputLock{path: path}, nil
}

func (l *outputLock) unlock() { os.Remove(l.path) }
