// want-none: data-race
// want-none: goroutine-leak
// why: race-free twin of race_counter.go: an atomic counter, like Java's AtomicInteger
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)

	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			hits.Add(1)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			hits.Add(1)
		}
	}()

	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
