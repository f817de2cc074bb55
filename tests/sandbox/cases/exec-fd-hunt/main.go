// want: ok
// want-stdout: no execveat succeeded
// want-not-stdout: ESCAPED
// why: even a program that survives its SIGSYS traps (Go's os.ignoreSIGSYS) and tries execveat on every fd 0..1023 after dup'ing onto all free ones cannot exec again (needs Go >= 1.24)

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

//go:linkname ignoreSIGSYS os.ignoreSIGSYS
func ignoreSIGSYS() // makes the runtime return from a seccomp SIGSYS instead of crashing

func main() {
	if os.Getenv("GOTUTOR_REEXEC") != "" {
		fmt.Println("ESCAPED: re-executed through a leftover fd")
		os.Exit(42)
	}
	nr := map[string]uintptr{"amd64": 322, "arm64": 281}[runtime.GOARCH] // SYS_EXECVEAT
	if nr == 0 {
		fmt.Println("no syscall number for", runtime.GOARCH)
		os.Exit(3)
	}
	ignoreSIGSYS()
	os.WriteFile("payload", []byte("#!/bin/sh\necho ESCAPED\nexit 42\n"), 0o755)
	if f, err := os.Open("payload"); err == nil {
		for fd := 3; fd < 1024; fd++ {
			_, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
			if e == syscall.EBADF {
				syscall.Dup3(int(f.Fd()), fd, 0) // free slots only: Go's epoll fds stay
			}
		}
	}
	empty, _ := syscall.BytePtrFromString("")
	argv, _ := syscall.SlicePtrFromStrings([]string{"sh", "-c", "echo ESCAPED; exit 42"})
	envp, _ := syscall.SlicePtrFromStrings([]string{"GOTUTOR_REEXEC=1"})
	envp = append(envp, nil)
	for fd := 0; fd < 1024; fd++ {
		// A trapped call returns garbage, not an error: only a real exec never comes back.
		syscall.Syscall6(nr, uintptr(fd), uintptr(unsafe.Pointer(empty)),
			uintptr(unsafe.Pointer(&argv[0])), uintptr(unsafe.Pointer(&envp[0])), 0x1000, 0) // AT_EMPTY_PATH
	}
	fmt.Println("no execveat succeeded: still here after 1024 tries")
}
