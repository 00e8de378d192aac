package gctune

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page on amd64 and arm64.
const hugePageSize = 2 << 20

// madvHugePage is MADV_HUGEPAGE, which package syscall does not name.
const madvHugePage = 14

// HugePages makes the heap's next n bytes of address space and asks the
// kernel to back that range with transparent huge pages (madvise
// MADV_HUGEPAGE), then frees it for the build to grow into: the heap then
// faults in 2 MiB at a time instead of 4 KiB. It reports whether the kernel
// took the advice (it does not where transparent huge pages are not built
// in).
//
// The range is made by one large allocation that is never written, so the
// runtime maps it without touching it and nothing becomes resident; the
// runtime never maps its heap again once mapped, so the advice stays with
// it, and memory the runtime hands back to the kernel (MADV_DONTNEED) keeps
// it too. Resident memory stays what the build touches, rounded to 2 MiB.
func HugePages(n int) bool {
	b := make([]byte, n)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := (p + hugePageSize - 1) &^ (hugePageSize - 1)
	end := (p + uintptr(n)) &^ (hugePageSize - 1)
	ok := false
	if beg < end {
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugePage)
		ok = errno == 0
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	return ok
}
