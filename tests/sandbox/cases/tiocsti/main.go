// want: sandbox-violation
// why: ioctl(TIOCSTI), which pushes keystrokes into a terminal's input (CVE-2017-5226), traps

package main

import (
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

func main() {
	c := byte('x')
	for fd := uintptr(0); fd <= 2; fd++ {
		fmt.Println("trying ioctl TIOCSTI on fd", fd)
		_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCSTI, uintptr(unsafe.Pointer(&c)))
		if errno == 0 {
			fmt.Println("TIOCSTI pushed a byte into fd", fd)
			os.Exit(42)
		}
		fmt.Printf("ioctl(%d, TIOCSTI): %v\n", fd, errno) // reached the kernel, or an errno instead of the trap
	}
	os.Exit(43)
}
