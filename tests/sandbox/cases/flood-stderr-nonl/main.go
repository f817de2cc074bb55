// want: output-limit
// why: endless output on stderr with no newline at all is cut off at the output cap (no unbounded line buffer)

package main

import (
	"bytes"
	"os"
)

func main() {
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	// Stop at 64 MiB, 64 times the usual cap, so that a broken cap shows as exit 42.
	for written := 0; written < 64<<20; written += len(chunk) {
		if _, err := os.Stderr.Write(chunk); err != nil {
			os.Exit(1)
		}
	}
	os.Exit(42)
}
