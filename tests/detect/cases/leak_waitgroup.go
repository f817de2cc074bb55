// want: goroutine-leak 46
// want-none: data-race
// why: Java's latch.countDown() belongs in a finally block; calling wg.Done() only on the success path leaves wg.Wait() blocked for ever
package main

import (
	"fmt"
	"strings"
	"sync"
)

type result struct {
	file  string
	lines int
	err   error
}

func count(file, text string, wg *sync.WaitGroup, out chan<- result) {
	if text == "" {
		out <- result{file: file, err: fmt.Errorf("%s: empty file", file)}
		return // missing wg.Done(): it is not deferred
	}
	out <- result{file: file, lines: strings.Count(text, "\n") + 1}
	wg.Done()
}

func main() {
	files := map[string]string{
		"a.txt": "one\ntwo",
		"b.txt": "",
		"c.txt": "three",
	}
	names := []string{"a.txt", "b.txt", "c.txt"}
	out := make(chan result, len(names))
	allDone := make(chan struct{})

	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go count(name, files[name], &wg, out)
	}
	// A closer goroutine tells the world when every worker has finished.
	// One worker never calls Done, so it waits here for ever and allDone
	// is never closed.
	go func() {
		wg.Wait()
		close(allDone)
	}()

	total := 0
	for range names { // main reads one result per file and does not wait for allDone
		r := <-out
		if r.err != nil {
			fmt.Println("error:", r.err)
			continue
		}
		total += r.lines
	}
	fmt.Println("total lines:", total)
}
