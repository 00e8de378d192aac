package gctune

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// vmFlags returns the VmFlags line of the mapping in /proc/self/smaps that
// holds address p.
func vmFlags(p uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= p && p < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return line, nil
		}
	}
	return "", errors.New("no mapping holds the address")
}

// TestHugePages checks that memory the heap hands out after HugePages lies
// in a mapping the kernel was asked to back with huge pages ("hg" in
// VmFlags), and that memory from before is not.
func TestHugePages(t *testing.T) {
	probe := []byte{0}
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, 0, 0, madvHugePage); errno == syscall.EINVAL {
		t.Skip("this kernel has no transparent huge pages")
	}
	before, err := vmFlags(uintptr(unsafe.Pointer(&probe[0])))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(before, " hg") {
		t.Fatalf("the heap was advised before HugePages ran: %s", before)
	}
	if !HugePages(64 << 20) {
		t.Fatal("HugePages reports the kernel refused the advice")
	}
	b := make([]byte, 8<<20)
	b[0] = 1
	after, err := vmFlags(uintptr(unsafe.Pointer(&b[4<<20])))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(after, " hg") {
		t.Errorf("an 8 MiB slice made after HugePages lies in a mapping without huge pages: %s", after)
	}
}
