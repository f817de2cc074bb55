// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_ticker.go: a stop function closes a done channel, the loop stops the ticker and returns, and stop waits for it
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var beats atomic.Int64

// startHeartbeat counts a heartbeat every 10ms until the returned stop
// function is called; stop returns once the goroutine has exited.
func startHeartbeat() (stop func()) {
	ticker := time.NewTicker(10 * time.Millisecond)
	done := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		defer ticker.Stop()
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				beats.Add(1)
			}
		}
	}()
	return func() {
		close(done)
		<-exited
	}
}

func main() {
	stop := startHeartbeat()
	defer stop()
	time.Sleep(35 * time.Millisecond) // "work" while the heartbeat runs
	if beats.Load() > 0 {
		fmt.Println("heartbeat is alive")
	} else {
		fmt.Println("no heartbeat yet")
	}
}
