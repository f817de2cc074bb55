// want-none: data-race
// want-none: goroutine-leak
// why: race-free version of the shared-result habit: each goroutine sends its partial count over a channel and main adds them up, so no memory is shared
package main

import (
	"fmt"
	"strings"
)

func countWords(text string, out chan<- int) {
	out <- len(strings.Fields(text))
}

func main() {
	pages := []string{
		"the quick brown fox",
		"jumps over",
		"the lazy dog",
	}
	counts := make(chan int)
	for _, p := range pages {
		go countWords(p, counts)
	}
	total := 0
	for range pages { // one receive per goroutine: each has finished its send
		total += <-counts
	}
	fmt.Println("words:", total)
}
