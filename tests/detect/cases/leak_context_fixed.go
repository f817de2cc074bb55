// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_context.go: main defers Close, which cancels the context and waits for the goroutine to return
package main

import (
	"context"
	"fmt"
)

// Tally owns a goroutine that keeps a running total. Close cancels its
// context and returns once the goroutine has exited.
type Tally struct {
	cancel context.CancelFunc
	exited chan struct{}
	add    chan int
	query  chan chan int
}

func NewTally() *Tally {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tally{
		cancel: cancel,
		exited: make(chan struct{}),
		add:    make(chan int),
		query:  make(chan chan int),
	}
	go t.loop(ctx)
	return t
}

func (t *Tally) Add(n int) { t.add <- n }

func (t *Tally) Total() int {
	reply := make(chan int)
	t.query <- reply
	return <-reply
}

func (t *Tally) Close() {
	t.cancel()
	<-t.exited
}

func (t *Tally) loop(ctx context.Context) {
	defer close(t.exited)
	total := 0
	for {
		select {
		case <-ctx.Done():
			return
		case n := <-t.add:
			total += n
		case reply := <-t.query:
			reply <- total
		}
	}
}

func main() {
	t := NewTally()
	defer t.Close()
	for _, n := range []int{3, 5, 8} {
		t.Add(n)
	}
	fmt.Println("total:", t.Total())
}
