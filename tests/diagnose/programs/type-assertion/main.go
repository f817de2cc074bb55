// fails-at: 9
// kind: panic
package main

import "fmt"

func main() {
	var v interface{} = "42"
	n := v.(int)
	fmt.Println(n + 1)
}
