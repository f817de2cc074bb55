// want: exit 2
// why: 20000 goroutines each locked to its own OS thread hit the pids/NPROC limit: Go dies with "fatal error: newosproc" (exit 2)

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

func main() {
	// Lift Go's own 10000-thread cap so that the jail's limit is what stops us.
	debug.SetMaxThreads(30000)
	const n = 20000
	var wg sync.WaitGroup
	block := make(chan struct{})
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			runtime.LockOSThread()
			wg.Done()
			<-block // parks the goroutine together with its thread
		}()
	}
	wg.Wait()
	fmt.Println(n, "locked threads are alive")
	os.Exit(42)
}
