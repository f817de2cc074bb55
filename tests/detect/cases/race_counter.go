// want: data-race 21
// want: data-race 27
// want-none: goroutine-leak
// why: count++ looks atomic to a Python programmer (the GIL) and is a classic unsynchronized field update in Java; in Go it is a read and a write that race
package main

import (
	"fmt"
	"sync"
)

func main() {
	hits := 0
	var wg sync.WaitGroup
	wg.Add(2)

	// Two request handlers count page hits in the same variable, unlocked.
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			hits++
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			hits++
		}
	}()

	wg.Wait()
	fmt.Println("hits:", hits, "(1000 expected; updates can be lost)")
}
