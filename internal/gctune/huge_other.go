//go:build !linux

package gctune

// HugePages does nothing but on Linux, where it asks for the heap to be
// backed with transparent huge pages.
func HugePages(n int) bool { return false }
