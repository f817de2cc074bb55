// want: memory-limit
// play-args: --memory 128M
// why: a 1 GiB global array (BSS) costs nothing until touched; touching every page hits the memory limit

package main

import (
	"fmt"
	"os"
)

// 1 GiB: 1<<31 would not link ("symbol too large (2147483648 bytes > 2000000000 bytes)").
var big [1 << 30]byte

func main() {
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	fmt.Println("touched all of a 1 GiB global")
	os.Exit(42)
}
