// fails-at: 12
// kind: timeout
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("waiting for results...")
	time.Sleep(time.Hour)
	fmt.Println("done")
}
