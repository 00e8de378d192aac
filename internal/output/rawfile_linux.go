//go:build linux

package output

import (
	"io/fs"
	"syscall"
	"unsafe"
)

// The few system calls a full build makes for each page, made without
// telling the scheduler (syscall.RawSyscall). Making a folder or a small
// file on ext4 often takes longer than the 20 us after which Go's sysmon
// hands a thread's processor to another thread; each such hand-off sets
// sysmon polling every 20 us again, and on a 2-core machine every poll
// preempts a worker: tens of thousands of context switches a build. These
// calls return in well under a millisecond, so the processor is better kept.

func rawMkdir(name string, perm uint32) error {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return &fs.PathError{Op: "mkdir", Path: name, Err: err}
	}
	for {
		_, _, e := syscall.RawSyscall(syscall.SYS_MKDIRAT, atFDCWD, uintptr(unsafe.Pointer(p)), uintptr(perm))
		switch e {
		case 0:
			return nil
		case syscall.EINTR:
			continue
		}
		return &fs.PathError{Op: "mkdir", Path: name, Err: e}
	}
}

func rawWriteFile(name string, data []byte, perm uint32) error {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var fd uintptr
	for {
		r, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, atFDCWD, uintptr(unsafe.Pointer(p)),
			syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uintptr(perm), 0, 0)
		if e == syscall.EINTR {
			continue
		}
		if e != 0 {
			return &fs.PathError{Op: "open", Path: name, Err: e}
		}
		fd = r
		break
	}
	var werr error
	for len(data) > 0 {
		n, _, e := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)))
		if e == syscall.EINTR {
			continue
		}
		if e != 0 {
			werr = &fs.PathError{Op: "write", Path: name, Err: e}
			break
		}
		data = data[n:]
	}
	_, _, e := syscall.RawSyscall(syscall.SYS_CLOSE, fd, 0, 0)
	if werr == nil && e != 0 && e != syscall.EINTR {
		werr = &fs.PathError{Op: "close", Path: name, Err: e}
	}
	return werr
}

const atFDCWD = ^uintptr(99) // AT_FDCWD, -100
