package bench

import (
	"syscall"
	"time"
)

// machineCost is what two things the build does tens of thousands of
// times cost on this machine, measured by the bench process itself: a
// system call that does nothing (getppid), and the first touch of a 4 KiB
// page of fresh memory (a minor page fault, and zeroing the page).
//
// They are the build's costs that the floor does not share: the floor
// runs in the bench process, on a heap that earlier runs have already
// faulted in, and makes no system calls, while each build is a new process
// that faults in every page it uses (about 110,000 for 10,000 pages) and
// makes about 350,000 system calls (opening, reading and writing 32,000
// files, making 10,000 folders, the scheduler's sleeps and wake-ups). On
// an ordinary virtual machine both are well under a microsecond; on the
// nested virtual machines this project has also run on (2026-11-30, AMD
// EPYC under a paravirtualised hypervisor) a system call took 2.2 us and a
// page fault 13 us, and the same build's ratio to the floor went from 1.34
// to 1.70. The report prints both, so that ratios measured on different
// machines can be read side by side.
type machineCost struct {
	syscall, fault time.Duration
}

// measureMachine takes the fastest of three rounds of each (load from
// elsewhere only adds time).
func measureMachine() machineCost {
	const calls, pages = 100_000, 8192 // 32 MiB
	c := machineCost{syscall: time.Hour, fault: time.Hour}
	for range 3 {
		start := time.Now()
		for range calls {
			syscall.Getppid()
		}
		c.syscall = min(c.syscall, time.Since(start)/calls)

		mem, err := syscall.Mmap(-1, 0, pages*4096, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			return machineCost{}
		}
		start = time.Now()
		for i := 0; i < len(mem); i += 4096 {
			mem[i] = 1
		}
		c.fault = min(c.fault, time.Since(start)/pages)
		syscall.Munmap(mem)
	}
	return c
}
