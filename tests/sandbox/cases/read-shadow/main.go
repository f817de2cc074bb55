// want: ok
// want-stdout: read failed:
// want-not-stdout: root:
// why: the host's /etc/shadow is not visible in the jail

package main

import (
	"fmt"
	"os"
)

func main() {
	data, err := os.ReadFile("/etc/shadow")
	if err != nil {
		fmt.Println("read failed:", err)
		return
	}
	// Never print the content: a broken jail must not put password hashes in a test log.
	fmt.Printf("read %d bytes of /etc/shadow\n", len(data))
	os.Exit(42)
}
