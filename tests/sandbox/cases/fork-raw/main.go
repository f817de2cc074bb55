// want: ok
// want-stdout: clone(SIGCHLD): operation not permitted
// want-stdout: ForkExec: operation not permitted
// want-stdout: no child created
// why: raw clone calls that would make a process (fork-like, CLONE_PARENT, new namespaces) and syscall.ForkExec all get EPERM

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	attempts := []struct {
		name  string
		flags uintptr
	}{
		{"clone(SIGCHLD)", uintptr(syscall.SIGCHLD)},
		{"clone(0)", 0},
		{"clone(CLONE_PARENT|SIGCHLD)", syscall.CLONE_PARENT | uintptr(syscall.SIGCHLD)},
		{"clone(CLONE_NEWUSER|CLONE_NEWPID|SIGCHLD)", syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID | uintptr(syscall.SIGCHLD)},
	}
	for _, a := range attempts {
		var errno syscall.Errno
		for i := 0; i < 100; i++ {
			pid, _, e := syscall.RawSyscall6(syscall.SYS_CLONE, a.flags, 0, 0, 0, 0, 0)
			if e == 0 && pid == 0 {
				syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 0, 0, 0) // the child leaves at once
			}
			if e == 0 {
				fmt.Printf("%s created child %d\n", a.name, pid)
				os.Exit(42)
			}
			errno = e
		}
		fmt.Printf("%s: %v\n", a.name, errno)
	}
	if _, err := syscall.ForkExec("/bin/true", []string{"true"}, nil); err != syscall.EPERM {
		fmt.Println("ForkExec made a child:", err) // nil, or an error from the child's exec
		os.Exit(42)
	}
	fmt.Println("ForkExec: operation not permitted")
	fmt.Println("no child created")
}
