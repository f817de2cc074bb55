// want: build-failure
// want-not-stdout: root:x:
// setup: host-symlink
// why: //go:embed of a symlink (data.txt -> /etc/passwd) is refused by the toolchain, so no host file gets baked into the binary

package main

import (
	_ "embed"
	"fmt"
	"os"
)

//go:embed data.txt
var data string

func main() {
	fmt.Print(data)
	os.Exit(42)
}
