// want: sandbox-violation
// why: ptrace is not in the allowlist: PTRACE_ATTACH to the parent (the tutor) traps

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
)

func main() {
	runtime.LockOSThread() // ptrace requests must come from one thread
	ppid := os.Getppid()
	fmt.Println("trying PTRACE_ATTACH to ppid", ppid)
	if err := syscall.PtraceAttach(ppid); err != nil {
		fmt.Println("ptrace:", err) // refused with an errno instead of the trap
		os.Exit(43)
	}
	syscall.PtraceDetach(ppid) // never leave the tutor stopped
	fmt.Println("attached to the parent")
	os.Exit(42)
}
