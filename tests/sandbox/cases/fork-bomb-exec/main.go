// want: ok
// want-stdout: fork/exec /bin/true: operation not permitted
// want-stdout: no child started in 1000 tries
// why: os/exec cannot start any process: a clone without the thread flags gets EPERM (Go >= 1.23 first probes pidfd_open, which must get an errno, not a trap)

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	for i := 0; i < 1000; i++ {
		err := exec.Command("/bin/true").Run()
		if err == nil {
			fmt.Println("started and ran /bin/true")
			os.Exit(42)
		}
		if !errors.Is(err, syscall.EPERM) {
			// Anything but EPERM (say ENOENT from the child's exec) means a child existed.
			fmt.Println("a child was created:", err)
			os.Exit(42)
		}
		if i == 0 {
			fmt.Println(err)
		}
	}
	fmt.Println("no child started in 1000 tries")
}
