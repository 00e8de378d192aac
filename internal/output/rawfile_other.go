//go:build !linux

package output

import "os"

// rawMkdir and rawWriteFile are os.Mkdir and os.WriteFile where the
// system calls of rawfile_linux.go are not written.

func rawMkdir(name string, perm uint32) error { return os.Mkdir(name, os.FileMode(perm)) }

func rawWriteFile(name string, data []byte, perm uint32) error {
	return os.WriteFile(name, data, os.FileMode(perm))
}
