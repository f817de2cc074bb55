// want: ok
// want-stdout: write failed:
// why: one file grown without end stops at the box's size cap (ENOSPC) or RLIMIT_FSIZE ("file too large"), as an error the program sees

package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Create("huge.bin")
	if err != nil {
		fmt.Println("create failed:", err)
		os.Exit(1)
	}
	chunk := make([]byte, 1<<20)
	for written := 0; written < 512<<20; {
		n, err := f.Write(chunk)
		written += n
		if err != nil {
			fmt.Printf("write failed: %v (after %d MiB)\n", err, written>>20)
			return
		}
	}
	fmt.Println("wrote 512 MiB into the box")
	os.Exit(42)
}
