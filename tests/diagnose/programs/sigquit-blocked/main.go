// fails-at: 25
// kind: timeout
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// A pending timer keeps the runtime's deadlock detector quiet,
	// so this program hangs instead of crashing.
	time.AfterFunc(time.Hour, func() { fmt.Println("watchdog") })
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(<-results)
		}()
	}
	fmt.Println("waiting for workers")
	wg.Wait()
}
