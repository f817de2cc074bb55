// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_send.go: a buffered channel with room for every answer lets the losers finish, and main joins them
package main

import (
	"fmt"
	"strings"
	"sync"
)

func search(replica []string, query string, out chan string) {
	count := 0
	for _, doc := range replica {
		if strings.Contains(doc, query) {
			count++
		}
	}
	// out has room for every replica's answer, so this send never blocks.
	out <- fmt.Sprintf("%d documents mention %q", count, query)
}

func main() {
	docs := []string{"go tour", "go by example", "effective go", "java tutorial"}
	const replicas = 3
	results := make(chan string, replicas)
	var wg sync.WaitGroup
	for i := 0; i < replicas; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			search(docs, "go", results)
		}()
	}
	fmt.Println("first answer:", <-results)
	wg.Wait() // the losers have already put their answers in the buffer
}
