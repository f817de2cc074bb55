// fails-at: 10
// kind: panic
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	close(ch)
	fmt.Println("closed twice")
}
