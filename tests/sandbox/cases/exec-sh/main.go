// want: sandbox-violation
// want-not-stdout: ESCAPED
// why: execve is denied in the run jail: syscall.Exec("/bin/sh") traps

package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Println("trying execve /bin/sh")
	err := syscall.Exec("/bin/sh", []string{"sh", "-c", "echo ESCAPED; exit 42"}, nil)
	fmt.Println("exec:", err) // refused with an errno instead of the trap
	os.Exit(43)
}
