// want: memory-limit
// play-args: --memory 128M
// why: with Go's default 1 GB max stack, unbounded recursion reaches the memory limit (the stack doubles to 256 MiB) before Go's own stack overflow

package main

import "fmt"

func depth(n int) int {
	return depth(n+1) + 1
}

func main() {
	fmt.Println(depth(0))
}
