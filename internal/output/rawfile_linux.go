//go:build linux

package output

import (
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// The few system calls a full build makes for each page, made with the
// syscall package rather than through os.File: no poller registration
// (an epoll_ctl call that fails for regular files), no finalizer, no
// os.File. They are syscall.Syscall calls, which tell the scheduler, so a
// call that blocks (a slow or network disk) does not hold a processor.
//
// MUTUAL_BENCH_WITHOUT=rawfile makes them os.Mkdir and os.WriteFile, for
// make bench to measure the difference in the same run.

var rawFiles = !strings.Contains(","+os.Getenv("MUTUAL_BENCH_WITHOUT")+",", ",rawfile,")

func rawMkdir(name string, perm uint32) error {
	if !rawFiles {
		return os.Mkdir(name, os.FileMode(perm))
	}
	for {
		err := syscall.Mkdir(name, perm)
		switch err {
		case nil:
			return nil
		case syscall.EINTR:
			continue
		}
		return &fs.PathError{Op: "mkdir", Path: name, Err: err}
	}
}

func rawWriteFile(name string, data []byte, perm uint32) error {
	if !rawFiles {
		return os.WriteFile(name, data, os.FileMode(perm))
	}
	var fd int
	for {
		var err error
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, perm)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "open", Path: name, Err: err}
		}
		break
	}
	var werr error
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			werr = &fs.PathError{Op: "write", Path: name, Err: err}
			break
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); werr == nil && err != nil && err != syscall.EINTR {
		werr = &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return werr
}
