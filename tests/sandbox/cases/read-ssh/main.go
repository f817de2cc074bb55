// want: ok
// want-stdout: no home files visible
// why: the user's home (~/.ssh), /root/.ssh and /home are not visible, and the environment is minimal (names printed, values not)

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	var names []string
	for _, kv := range os.Environ() {
		names = append(names, strings.SplitN(kv, "=", 2)[0])
	}
	fmt.Println("environment:", strings.Join(names, " "))
	fmt.Printf("HOME=%q\n", os.Getenv("HOME"))
	dirs := []string{"/root/.ssh", "/home"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".ssh"))
	} else {
		fmt.Println("UserHomeDir:", err)
	}
	leaked := false
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			fmt.Printf("%s: %v\n", d, err)
			continue
		}
		fmt.Printf("%s: %d entries visible\n", d, len(entries))
		leaked = leaked || len(entries) > 0
	}
	if leaked {
		os.Exit(42)
	}
	fmt.Println("no home files visible")
}
