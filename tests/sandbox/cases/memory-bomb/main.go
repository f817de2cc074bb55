// want: memory-limit
// play-args: --memory 128M
// why: a program that allocates and touches memory without end is stopped at the memory limit

package main

import (
	"fmt"
	"os"
)

func main() {
	var hoard [][]byte
	// Stop at 1 GiB, eight times the limit, so a broken jail does not take the machine.
	for len(hoard) < 1024 {
		b := make([]byte, 1<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1 // touch every page
		}
		hoard = append(hoard, b)
	}
	fmt.Printf("holding %d MiB\n", len(hoard))
	os.Exit(42)
}
