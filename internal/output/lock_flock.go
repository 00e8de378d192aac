//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"os"
	"syscall"
)

// outputLock is an exclusive flock(2) on a lock file beside the output.
// The kernel releases it when its holder exits, however it exits, so a
// killed build never leaves a lock behind.
type outputLock struct {
	f    *os.File
	path string
}

// lockOutput takes the lock at path, waiting for another holder (after
// calling waiting once). A holder removes the file before it lets go, so a
// waiter may get the lock on a file that no longer has that name: it then
// tries again with the file now at path.
func lockOutput(path string, waiting func()) (*outputLock, error) {
	told := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		err = flock(f, syscall.LOCK_EX|syscall.LOCK_NB)
		if errors.Is(err, syscall.EWOULDBLOCK) {
			if !told && waiting != nil {
				waiting()
				told = true
			}
			err = flock(f, syscall.LOCK_EX)
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return &outputLock{f: f, path: path}, nil
		}
		f.Close()
	}
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}

// unlock removes the lock file, still holding the lock, and lets go.
func (l *outputLock) unlock() {
	os.Remove(l.path)
	l.f.Close()
}
