// want: ok
// want-stdout: no inherited descriptors
// why: the program starts with only fds 0-2: no tutor fd (terminal, build cache, the exec fd) leaks into the jail

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	// Look before anything else opens a file.
	var open []int
	for fd := 3; fd < 1<<16; fd++ {
		if _, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0); e == 0 {
			open = append(open, fd)
		}
	}
	if len(open) > 0 {
		fmt.Println("inherited descriptors:", open)
		os.Exit(42)
	}
	fmt.Println("no inherited descriptors")
}
