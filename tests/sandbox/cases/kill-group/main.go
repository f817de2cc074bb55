// want: sandbox-violation
// why: kill(0, SIGKILL) on the process group (which may hold the tutor) traps

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	ppid := os.Getppid()
	fmt.Println("trying kill(0, SIGKILL); ppid is", ppid)
	if err := syscall.Kill(0, syscall.SIGKILL); err != nil {
		fmt.Println("kill(0, SIGKILL):", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("kill(0, SIGKILL) succeeded")
	os.Exit(42)
}
