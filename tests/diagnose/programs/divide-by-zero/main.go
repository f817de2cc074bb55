// fails-at: 12
// kind: panic
package main

import "fmt"

func average(values []int) int {
	total := 0
	for _, v := range values {
		total += v
	}
	return total / len(values)
}

func main() {
	var scores []int
	fmt.Println(average(scores))
}
