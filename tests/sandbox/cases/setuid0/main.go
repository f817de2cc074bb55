// want: sandbox-violation
// why: setuid is not in the allowlist: syscall.Setuid(0) (which Go runs on every thread) traps, with no hang

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Println("trying setuid(0); uid is", os.Getuid())
	if err := syscall.Setuid(0); err != nil {
		fmt.Println("setuid:", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("setuid(0) succeeded; uid is", os.Getuid())
	os.Exit(42)
}
