// fails-at: 11
// kind: panic
package main

import "fmt"

func main() {
	var chunks [][]byte
	total := 0
	for {
		chunks = append(chunks, make([]byte, 16<<20))
		total += 16
		fmt.Println("allocated", total, "MiB in", len(chunks), "chunks")
	}
}
