// want: timeout
// want-line: 19
// play-args: --timeout 2s
// why: spinning goroutines with main parked in select{} is no deadlock for Go: only the timeout stops it

package main

import "runtime"

func spin() {
	for {
	}
}

func main() {
	for i := 0; i < 2*runtime.NumCPU(); i++ {
		go spin()
	}
	select {}
}
