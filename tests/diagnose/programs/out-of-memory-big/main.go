// fails-at: 9
// kind: panic
package main

import "fmt"

func main() {
	n := 1 << 30
	buf := make([]byte, n)
	fmt.Println("allocated", len(buf), "bytes")
}
