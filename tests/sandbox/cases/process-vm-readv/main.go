// want: sandbox-violation
// why: process_vm_readv is not in the allowlist: reading the parent's memory traps

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

type iovec struct{ base, len uintptr }

func main() {
	nr := map[string]uintptr{"amd64": 310, "arm64": 270}[runtime.GOARCH] // SYS_PROCESS_VM_READV
	if nr == 0 {
		fmt.Println("no syscall number for", runtime.GOARCH)
		os.Exit(3)
	}
	buf := make([]byte, 64)
	local := iovec{uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf))}
	remote := iovec{0x400000, 64} // where a non-PIE binary keeps its ELF header
	ppid := os.Getppid()
	fmt.Println("trying process_vm_readv on ppid", ppid)
	n, _, errno := syscall.Syscall6(nr, uintptr(ppid), uintptr(unsafe.Pointer(&local)), 1,
		uintptr(unsafe.Pointer(&remote)), 1, 0)
	runtime.KeepAlive(buf)
	if errno != 0 {
		fmt.Println("process_vm_readv:", errno) // reached the kernel, or an errno instead of the trap
		os.Exit(43)
	}
	fmt.Printf("read %d bytes of the parent's memory\n", n)
	os.Exit(42)
}
