// want: ok
// want-stdout: setrlimit: operation not permitted
// why: the program cannot raise RLIMIT_NOFILE past its hard limit (which keeps it from recreating the exec fd): it runs with no capabilities, so the kernel says EPERM

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err == nil {
		fmt.Printf("RLIMIT_NOFILE soft=%d hard=%d\n", lim.Cur, lim.Max)
	}
	fmt.Println("trying to raise RLIMIT_NOFILE to 4096")
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &syscall.Rlimit{Cur: 4096, Max: 4096}); err != nil {
		fmt.Println("setrlimit:", err)
		return
	}
	fmt.Println("raised RLIMIT_NOFILE to 4096")
	os.Exit(42)
}
