// fails-at: 22
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
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			fmt.Println("waiting until ready")
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	<-done
}
