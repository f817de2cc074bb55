// fails-at: 13
// kind: panic
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup) {
	fmt.Println("worker", id, "starting")
	if id == 2 {
		panic(fmt.Sprintf("worker %d: job failed", id))
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	wg.Wait()
}
