// fails-at: 9
// kind: panic
package main

import "fmt"

func main() {
	var scores map[string]int
	scores["alice"] = 10
	fmt.Println(scores)
}
