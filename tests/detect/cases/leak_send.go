// want: goroutine-leak 23
// want-none: data-race
// why: Java's invokeAny / Python's as_completed cancel the losing tasks; a Go goroutine blocked on a send nobody reads is never cancelled
package main

import (
	"fmt"
	"strings"
)

// search asks one replica and sends its answer on out. out is unbuffered, so
// the send waits until someone receives it.
func search(replica []string, query string, out chan string) {
	count := 0
	for _, doc := range replica {
		if strings.Contains(doc, query) {
			count++
		}
	}
	// Only the first replica to get here is ever read: main takes one
	// answer and returns, and the other two goroutines block on this send
	// for ever.
	out <- fmt.Sprintf("%d documents mention %q", count, query)
}

func main() {
	docs := []string{"go tour", "go by example", "effective go", "java tutorial"}
	results := make(chan string)
	for i := 0; i < 3; i++ {
		go search(docs, "go", results)
	}
	fmt.Println("first answer:", <-results)
}
