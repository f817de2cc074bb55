// want: output-limit
// why: endless short lines on stderr are cut off at the output cap and the program is stopped

package main

import (
	"fmt"
	"os"
)

func main() {
	written := 0
	// Stop at 64 MiB, 64 times the usual cap, so that a broken cap shows as exit 42.
	for i := 0; written < 64<<20; i++ {
		n, err := fmt.Fprintln(os.Stderr, "line", i)
		if err != nil {
			os.Exit(1)
		}
		written += n
	}
	os.Exit(42)
}
