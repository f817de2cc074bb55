// want: goroutine-leak 20
// want-none: data-race
// why: Java's scheduleAtFixedRate / a Python "while True: sleep" thread is never shut down; a ticker goroutine with no stop signal runs for ever
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var beats atomic.Int64

// startHeartbeat counts a heartbeat every 10ms. The ticker is never stopped
// and the loop has no way to end: the goroutine outlives main, blocked on
// the ticker's channel between ticks.
func startHeartbeat() {
	ticker := time.NewTicker(10 * time.Millisecond)
	go func() {
		for range ticker.C {
			beats.Add(1)
		}
	}()
}

func main() {
	startHeartbeat()
	time.Sleep(35 * time.Millisecond) // "work" while the heartbeat runs
	if beats.Load() > 0 {
		fmt.Println("heartbeat is alive")
	} else {
		fmt.Println("no heartbeat yet")
	}
}
