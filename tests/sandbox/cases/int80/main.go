// want: sandbox-violation
// why: a 32-bit syscall through INT 0x80 (getpid, i386 number 20) is a foreign architecture: the process is killed at once (SIGSYS), with no hang

//go:build amd64

package main

import (
	"fmt"
	"os"
)

// int80 is in int80_amd64.s.
func int80(nr uintptr) uintptr

func main() {
	fmt.Println("trying int $0x80 getpid")
	pid := int80(20)
	fmt.Println("int $0x80 getpid returned", pid)
	os.Exit(42)
}
