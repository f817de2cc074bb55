// fails-at: 21
// kind: timeout
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	// A pending timer keeps the runtime's deadlock detector quiet.
	time.AfterFunc(time.Hour, func() { fmt.Println("watchdog") })
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("worker wants the lock")
		mu.Lock()
		fmt.Println("got the lock")
		mu.Unlock()
	}()
	wg.Wait()
	mu.Unlock()
}
