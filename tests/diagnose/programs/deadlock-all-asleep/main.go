// fails-at: 9
// kind: deadlock
package main

import "fmt"

func main() {
	ch := make(chan int)
	v := <-ch
	fmt.Println(v)
}
