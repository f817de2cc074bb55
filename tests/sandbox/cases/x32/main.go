// want: sandbox-violation
// why: an x32 syscall (getpid, 39 | __X32_SYSCALL_BIT) is a foreign ABI: the process is killed at once (SIGSYS), with no hang

//go:build amd64

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	const x32SyscallBit = 0x40000000
	fmt.Println("trying x32 getpid")
	pid, _, errno := syscall.RawSyscall(39|x32SyscallBit, 0, 0, 0)
	if errno != 0 {
		fmt.Println("x32 getpid:", errno) // reached the kernel (no x32 there), or an errno instead of the kill
		os.Exit(43)
	}
	fmt.Println("x32 getpid returned", pid)
	os.Exit(42)
}
