// fails-at: 15
// kind: timeout
package main

import "fmt"

var done bool

func main() {
	go func() {
		fmt.Println("worker started")
		// forgot: done = true
	}()
	fmt.Println("waiting for done")
	for !done {
	}
	fmt.Println("finished")
}
