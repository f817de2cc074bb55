// want: goroutine-leak 40
// want-none: data-race
// why: Java/Python code relies on the garbage collector, finalizers or "with" to close a resource; a Go goroutine waiting on ctx.Done() lives until cancel is actually called
package main

import (
	"context"
	"fmt"
)

// Tally owns a goroutine that keeps a running total. Close must be called to
// cancel its context and so end the goroutine.
type Tally struct {
	cancel context.CancelFunc
	add    chan int
	query  chan chan int
}

func NewTally() *Tally {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tally{cancel: cancel, add: make(chan int), query: make(chan chan int)}
	go t.loop(ctx)
	return t
}

func (t *Tally) Add(n int) { t.add <- n }

func (t *Tally) Total() int {
	reply := make(chan int)
	t.query <- reply
	return <-reply
}

func (t *Tally) Close() { t.cancel() }

func (t *Tally) loop(ctx context.Context) {
	total := 0
	for {
		// Without a call to Close, ctx is never cancelled: blocked here.
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
	// missing: defer t.Close()
	for _, n := range []int{3, 5, 8} {
		t.Add(n)
	}
	fmt.Println("total:", t.Total())
}
