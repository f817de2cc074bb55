// want: goroutine-leak 12
// want-none: data-race
// why: a Java worker looping on BlockingQueue.take() (or Python on queue.get()) is a daemon thread that dies with the program; a Go worker ranging over a never-closed channel blocks for ever
package main

import "fmt"

// worker squares numbers until jobs is closed, which never happens here:
// once the queue is empty every worker blocks on the range.
func worker(jobs <-chan int, results chan<- int) {
	// All three workers end up blocked on this line.
	for n := range jobs {
		results <- n * n
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 1; w <= 3; w++ {
		go worker(jobs, results)
	}
	for i := 1; i <= 5; i++ {
		jobs <- i
	}
	// missing: close(jobs)
	sum := 0
	for i := 0; i < 5; i++ {
		sum += <-results
	}
	fmt.Println("sum of squares:", sum)
}
