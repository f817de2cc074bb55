// want: build-failure
// why: a go.mod asking for go 1.99 fails at once with GOTOOLCHAIN=local and GOPROXY=off: no toolchain download is tried (the runner checks the wall time is short)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("built with a toolchain newer than the installed one")
	os.Exit(42)
}
