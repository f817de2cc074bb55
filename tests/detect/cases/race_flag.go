// want: data-race 23
// want: data-race 32
// want-none: goroutine-leak
// why: Java's "volatile boolean running" stop flag (or Python's self.running = False) has no volatile in Go: a plain bool shared between goroutines is a data race
package main

import (
	"fmt"
	"sync"
	"time"
)

type Poller struct {
	running bool
	polls   int
}

// loop polls until running becomes false. running is read here and written
// by main with no synchronization.
func (p *Poller) loop(wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		if !p.running {
			return
		}
		p.polls++
		time.Sleep(time.Millisecond)
	}
}

func (p *Poller) Stop() {
	p.running = false
}

func main() {
	p := &Poller{running: true}
	var wg sync.WaitGroup
	wg.Add(1)
	go p.loop(&wg)
	time.Sleep(5 * time.Millisecond)
	p.Stop()
	wg.Wait()
	fmt.Println("poller stopped")
}
