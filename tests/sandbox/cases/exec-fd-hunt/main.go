// want: sandbox-violation
// want-not-stdout: ESCAPED
// min-go: 1.24
// why: a program that swallows seccomp SIGSYS (Go's os.ignoreSIGSYS, Go >= 1.24) and hunts the exec fd with execveat on fds 0..1023 gets no second exec: the tutor's notification SIGSYS is user-sent and cannot be swallowed; under plain TRAP it survives, prints "no execveat got through" and reads ok

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

//go:linkname ignoreSIGSYS os.ignoreSIGSYS
func ignoreSIGSYS() // the runtime then returns from a seccomp SIGSYS instead of crashing

func main() {
	nr := map[string]uintptr{"amd64": 322, "arm64": 281}[runtime.GOARCH] // SYS_EXECVEAT
	if nr == 0 {
		fmt.Println("no syscall number for", runtime.GOARCH)
		os.Exit(3)
	}
	ignoreSIGSYS()
	os.WriteFile("payload", []byte("#!/bin/sh\necho ESCAPED\nexit 42\n"), 0o755)
	if f, err := os.Open("payload"); err == nil {
		for fd := 20; fd < 1024; fd++ { // fds below 20 stay free for a shell
			_, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
			if e == syscall.EBADF {
				syscall.Dup3(int(f.Fd()), fd, 0) // free slots only: Go's epoll fds stay
			}
		}
	}
	empty, _ := syscall.BytePtrFromString("")
	argv, _ := syscall.SlicePtrFromStrings([]string{"sh", "-c", "echo ESCAPED; exit 42"})
	envp := []*byte{nil}
	for fd := 0; fd < 1024; fd++ {
		_, _, errno := syscall.Syscall6(nr, uintptr(fd), uintptr(unsafe.Pointer(empty)),
			uintptr(unsafe.Pointer(&argv[0])), uintptr(unsafe.Pointer(&envp[0])), 0x1000, 0) // AT_EMPTY_PATH
		switch errno {
		case 0, syscall.EBADF, syscall.EPERM, syscall.ENOSYS:
			// A trapped call returns garbage with no errno; EBADF: the exec fd is gone.
		default: // ENOENT (no interpreter), EACCES (noexec box)...: the kernel tried to run it
			fmt.Printf("execveat(%d) got through to the kernel: %v\n", fd, errno)
			os.Exit(42)
		}
	}
	fmt.Println("no execveat got through: still here after 1024 tries")
}
