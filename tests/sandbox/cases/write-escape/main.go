// want: ok
// want-stdout: no write outside the box
// why: writes to /tmp, .., $HOME and /root do not reach the host (the runner also checks the host is unchanged); a private /tmp is fine

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	targets := []string{"/tmp/gotutor-escape-x", "../gotutor-escape-x", "/root/gotutor-escape-x"}
	if home := os.Getenv("HOME"); home != "" && home != "/root" {
		targets = append(targets, filepath.Join(home, "gotutor-escape-x"))
	}
	box, _ := os.Stat(".")
	escaped := false
	for _, t := range targets {
		if err := os.WriteFile(t, []byte("gotutor escape test\n"), 0o644); err != nil {
			fmt.Printf("%s: %v\n", t, err)
			continue
		}
		dir, _ := os.Stat(filepath.Dir(t))
		switch {
		case strings.HasPrefix(t, "/tmp/"):
			fmt.Printf("%s: written (a private /tmp is fine; the runner checks the host's)\n", t)
		case box != nil && dir != nil && os.SameFile(box, dir):
			fmt.Printf("%s: written, but that is the box itself\n", t)
		default:
			fmt.Printf("%s: written outside the box\n", t)
			escaped = true
		}
	}
	if escaped {
		os.Exit(42)
	}
	fmt.Println("no write outside the box")
}
