// want: sandbox-violation
// why: kill is allowed only on the program's own pid: SIGKILL to the parent (the tutor) traps, and the tutor survives

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	ppid := os.Getppid()
	fmt.Println("trying kill(ppid, SIGKILL); ppid is", ppid)
	if err := syscall.Kill(ppid, syscall.SIGKILL); err != nil {
		fmt.Println("kill(ppid, SIGKILL):", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("kill(ppid, SIGKILL) succeeded")
	os.Exit(42)
}
