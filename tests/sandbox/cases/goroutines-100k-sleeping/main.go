// want: memory-limit
// play-args: --memory 64M
// why: goroutine stacks count against the memory limit: 100000 parked goroutines need about 250 MiB

package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	// Each goroutine takes a 2 KiB stack plus its g (about 400 bytes): ~250 MiB in all.
	const n = 100000
	var wg sync.WaitGroup
	block := make(chan struct{})
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			wg.Done()
			<-block
		}()
	}
	wg.Wait()
	fmt.Println(n, "goroutines are alive")
	os.Exit(42)
}
