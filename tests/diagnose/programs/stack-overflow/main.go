// fails-at: 8
// kind: panic
package main

import "fmt"

func countdown(n int) int {
	return countdown(n-1) + 1
}

func main() {
	fmt.Println(countdown(10))
}
