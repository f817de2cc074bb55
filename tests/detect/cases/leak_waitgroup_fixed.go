// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_waitgroup.go: defer wg.Done() runs on every path, like countDown() in a finally block, and main waits for the closer
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
	defer wg.Done() // runs on the error path too
	if text == "" {
		out <- result{file: file, err: fmt.Errorf("%s: empty file", file)}
		return
	}
	out <- result{file: file, lines: strings.Count(text, "\n") + 1}
}

func main() {
	files := map[string]string{
		"a.txt": "one\ntwo",
		"b.txt": "",
		"c.txt": "three",
	}
	names := []string{"a.txt", "b.txt", "c.txt"}
	out := make(chan result, len(names))

	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go count(name, files[name], &wg, out)
	}
	// The closer closes out once every worker has called Done, which ends
	// main's range loop below; so the closer has returned too.
	allDone := make(chan struct{})
	go func() {
		defer close(allDone)
		wg.Wait()
		close(out)
	}()

	total := 0
	for r := range out {
		if r.err != nil {
			fmt.Println("error:", r.err)
			continue
		}
		total += r.lines
	}
	<-allDone
	fmt.Println("total lines:", total)
}
