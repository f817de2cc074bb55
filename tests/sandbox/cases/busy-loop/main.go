// want: timeout
// want-line: 10
// play-args: --timeout 2s
// why: an endless busy loop is stopped at the timeout, and the goroutine dump names the loop's line

package main

func main() {
	for {
	}
}
