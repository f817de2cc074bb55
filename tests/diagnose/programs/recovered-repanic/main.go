// fails-at: 15
// kind: panic
package main

import "fmt"

func process() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("cleaning up after:", r)
			panic(r)
		}
	}()
	var m map[string]int
	m["x"] = 1
}

func main() {
	process()
	fmt.Println("processed")
}
