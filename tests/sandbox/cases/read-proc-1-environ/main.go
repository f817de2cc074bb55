// want: ok
// want-stdout: no environ readable
// why: no other process's environment (/proc/1/environ, /proc/PPID/environ) can be read; content is never printed

package main

import (
	"fmt"
	"os"
)

func main() {
	pids := []int{1}
	if ppid := os.Getppid(); ppid > 1 {
		pids = append(pids, ppid)
	}
	leaked := false
	for _, pid := range pids {
		if pid == os.Getpid() {
			fmt.Printf("pid %d is this program: skipped\n", pid)
			continue
		}
		path := fmt.Sprintf("/proc/%d/environ", pid)
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Printf("%s: %v\n", path, err)
			continue
		}
		fmt.Printf("%s: read %d bytes\n", path, len(data))
		leaked = true
	}
	if leaked {
		os.Exit(42)
	}
	fmt.Println("no environ readable")
}
