// want: ok
// want-stdout: open failed:
// want-stdout: too many open files
// why: opening files without closing them stops at RLIMIT_NOFILE (EMFILE), as an error the program sees

package main

import (
	"fmt"
	"os"
)

func main() {
	if err := os.WriteFile("fd.txt", []byte("x"), 0o644); err != nil {
		fmt.Println("write failed:", err)
		os.Exit(1)
	}
	var files []*os.File
	for len(files) < 100000 {
		f, err := os.Open("fd.txt")
		if err != nil {
			fmt.Printf("open failed: %v (after %d files)\n", err, len(files))
			return
		}
		files = append(files, f)
	}
	fmt.Println("opened 100000 files")
	os.Exit(42)
}
