// want: sandbox-violation
// why: unshare is not in the allowlist: unshare(CLONE_NEWUSER) traps

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Println("trying unshare(CLONE_NEWUSER)")
	if err := syscall.Unshare(syscall.CLONE_NEWUSER); err != nil {
		fmt.Println("unshare:", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("unshare succeeded")
	os.Exit(42)
}
