// want: timeout
// want-line: 19
// play-args: --timeout 2s
// why: a busy loop (spinning on a flag no one sets) is stopped at the timeout, and the goroutine dump names the loop's line

package main

import "fmt"

// done is never set: the worker forgets to, and a plain bool could not signal anyway.
var done bool

func work() {
	fmt.Println("working")
}

func main() {
	go work()
	for !done {
	}
	fmt.Println("finished")
}
