// want: sandbox-violation
// why: kill(-1, SIGKILL), which once killed a whole login session, traps; the tutor survives

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	ppid := os.Getppid()
	fmt.Println("trying kill(-1, SIGKILL); ppid is", ppid)
	if err := syscall.Kill(-1, syscall.SIGKILL); err != nil {
		fmt.Println("kill(-1, SIGKILL):", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("kill(-1, SIGKILL) succeeded")
	os.Exit(42)
}
