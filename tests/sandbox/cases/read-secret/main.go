// want: ok
// want-stdout: read failed:
// want-not-stdout: TOPSECRET-1234
// setup: secret-file
// why: a host file named by absolute path (os.Args[1], holding TOPSECRET-1234) cannot be read from the jail

package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: read-secret PATH")
		os.Exit(3)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Println("read failed:", err)
		return
	}
	fmt.Printf("read %s: %s\n", os.Args[1], data)
	os.Exit(42)
}
