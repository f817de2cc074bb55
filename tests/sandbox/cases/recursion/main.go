// want: exit 2
// why: unbounded recursion ends in Go's own "goroutine stack exceeds" fatal error (exit 2); the max stack is lowered to 16 MiB so it stays far below any memory limit

package main

import (
	"fmt"
	"runtime/debug"
)

func depth(n int) int {
	return depth(n+1) + 1
}

func main() {
	debug.SetMaxStack(16 << 20)
	fmt.Println(depth(0))
}
