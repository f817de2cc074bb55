// want: rejected
// want-not-stdout: root:x:
// setup: host-symlink
// why: an embedded file that is a symlink (data.txt -> /etc/passwd) is refused before the build, and the toolchain would refuse it too ("cannot embed irregular file"), so no host file gets baked into the binary

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
