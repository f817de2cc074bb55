// fails-at: 12
// kind: deadlock
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main is exiting")
	runtime.Goexit()
	fmt.Println("unreachable")
}
