// want: sandbox-violation
// why: tgkill is allowed only on the program's own pid: tgkill(ppid, ppid, SIGKILL) traps, and the tutor survives

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	ppid := os.Getppid()
	fmt.Println("trying tgkill(ppid, ppid, SIGKILL); ppid is", ppid)
	if err := syscall.Tgkill(ppid, ppid, syscall.SIGKILL); err != nil {
		fmt.Println("tgkill(ppid, ppid, SIGKILL):", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	fmt.Println("tgkill(ppid, ppid, SIGKILL) succeeded")
	os.Exit(42)
}
