// fails-at: 19
// kind: timeout
package main

import (
	"fmt"
	"time"
)

func main() {
	// A pending timer keeps the runtime's deadlock detector quiet.
	time.AfterFunc(time.Hour, func() { fmt.Println("watchdog") })
	go func() {
		select {}
	}()
	jobs := make(chan int)
	quit := make(chan bool)
	fmt.Println("waiting for a job")
	select {
	case j := <-jobs:
		fmt.Println("job", j)
	case <-quit:
		fmt.Println("quit")
	}
}
