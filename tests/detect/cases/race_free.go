// want-none: data-race
// want-none: goroutine-leak
// why: race-free twin of race_counter.go: a sync.Mutex guards the counter, as synchronized or a threading.Lock would
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	hits := 0
	var wg sync.WaitGroup
	wg.Add(2)

	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			mu.Lock()
			hits++
			mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			mu.Lock()
			hits++
			mu.Unlock()
		}
	}()

	wg.Wait()
	fmt.Println("hits:", hits)
}
