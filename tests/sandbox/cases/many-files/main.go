// want: ok
// want-stdout: create failed:
// want@degraded: output-limit
// why: creating empty files without end stops at the box's inode cap (ENOSPC), as an error the program sees

package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; i < 100000; i++ {
		f, err := os.Create(fmt.Sprintf("f%06d", i))
		if err != nil {
			fmt.Printf("create failed: %v (after %d files)\n", err, i)
			return
		}
		f.Close()
	}
	fmt.Println("created 100000 files in the box")
	os.Exit(42)
}
