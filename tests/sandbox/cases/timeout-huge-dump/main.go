// want: timeout
// want-line: 25
// play-args: --timeout 2s
// why: 20000 parked goroutines make a goroutine dump of several MiB: the verdict stays timeout (not output-limit) and the capped dump still names main's line

package main

import (
	"sync"
	"time"
)

func main() {
	const n = 20000
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
	time.Sleep(time.Hour)
}
