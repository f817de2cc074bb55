// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_range.go: close(jobs) ends every worker's range loop, and a WaitGroup joins them before main returns
package main

import (
	"fmt"
	"sync"
)

// worker squares numbers until jobs is closed.
func worker(jobs <-chan int, results chan<- int) {
	for n := range jobs {
		results <- n * n
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(jobs, results)
		}()
	}
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	close(jobs) // no more jobs: each worker's range loop ends once the queue is empty
	wg.Wait()
	close(results)
	sum := 0
	for sq := range results {
		sum += sq
	}
	fmt.Println("sum of squares:", sum)
}
