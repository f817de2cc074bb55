// want: sandbox-violation
// want-not-stdout: ESCAPED
// why: dup'ing a file onto every free fd then execveat(fd, "", AT_EMPTY_PATH) cannot exec: the fd the jail allows is past RLIMIT_NOFILE, and other fds trap

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

func main() {
	nr := map[string]uintptr{"amd64": 322, "arm64": 281}[runtime.GOARCH] // SYS_EXECVEAT
	if nr == 0 {
		fmt.Println("no syscall number for", runtime.GOARCH)
		os.Exit(3)
	}
	f, err := os.Open("/bin/sh")
	if err != nil { // the run jail has no /bin/sh: any file will do, the filter looks at the fd
		os.WriteFile("payload", []byte("#!/bin/sh\necho ESCAPED\nexit 42\n"), 0o755)
		if f, err = os.Open("payload"); err != nil {
			fmt.Println("open:", err)
			os.Exit(3)
		}
	}
	src, top := int(f.Fd()), 0
	for fd := 3; fd < 1024; fd++ {
		_, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
		if e == syscall.EBADF && syscall.Dup3(src, fd, 0) == nil { // free slots only: Go's epoll fds stay
			top = fd
		}
	}
	fmt.Println("highest fd reached by dup3:", top)
	empty, _ := syscall.BytePtrFromString("")
	argv, _ := syscall.SlicePtrFromStrings([]string{"sh", "-c", "echo ESCAPED; exit 42"})
	envp := []*byte{nil}
	for fd := top; fd >= 3; fd-- {
		_, _, errno := syscall.Syscall6(nr, uintptr(fd), uintptr(unsafe.Pointer(empty)),
			uintptr(unsafe.Pointer(&argv[0])), uintptr(unsafe.Pointer(&envp[0])), 0x1000, 0) // AT_EMPTY_PATH
		fmt.Printf("execveat(%d): %v\n", fd, errno) // an errno instead of the trap
	}
	os.Exit(43)
}
