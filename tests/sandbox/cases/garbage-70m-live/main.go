// want: ok
// want-stdout: done
// play-args: --memory 128M
// why: 70 MiB live plus heavy garbage fits in 128M because the jail sets GOMEMLIMIT (default GOGC alone would grow the heap to ~140 MiB)

package main

import (
	"fmt"
	"os"
	"time"
)

var sink []byte // keeps the garbage on the heap

func fill(b []byte, v byte) {
	for i := range b {
		b[i] = v
	}
}

func main() {
	live := make([][]byte, 70)
	for i := range live {
		live[i] = make([]byte, 1<<20)
		fill(live[i], byte(i))
	}
	churned := 0
	for start := time.Now(); time.Since(start) < 1500*time.Millisecond; churned++ {
		sink = make([]byte, 1<<20)
		fill(sink, byte(churned))
	}
	for i, b := range live {
		if b[0] != byte(i) || b[len(b)-1] != byte(i) {
			fmt.Println("live data was corrupted")
			os.Exit(1)
		}
	}
	fmt.Printf("churned %d MiB of garbage with 70 MiB live\n", churned)
	fmt.Println("done")
}
