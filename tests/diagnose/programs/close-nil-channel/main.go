// fails-at: 9
// kind: panic
package main

import "fmt"

func main() {
	var ch chan int
	close(ch)
	fmt.Println("closed")
}
