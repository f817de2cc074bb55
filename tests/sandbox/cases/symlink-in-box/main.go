// want: ok
// want-stdout: symlinks left in the box
// want-not-stdout: TOPSECRET-1234
// setup: secret-file
// why: symlinks the program leaves in the box (to /etc/passwd, /, itself, the host secret in os.Args[1]) must not be followed when the tutor reads the box back

package main

import (
	"fmt"
	"os"
)

func main() {
	links := [][2]string{{"out.txt", "/etc/passwd"}, {"root", "/"}, {"loop", "loop"}}
	if len(os.Args) > 1 {
		links = append(links, [2]string{"secret.txt", os.Args[1]})
	}
	for _, l := range links {
		if err := os.Symlink(l[1], l[0]); err != nil {
			fmt.Printf("symlink %s: %v\n", l[0], err)
			continue
		}
		fmt.Printf("%s -> %s\n", l[0], l[1])
	}
	if data, err := os.ReadFile("secret.txt"); err == nil {
		fmt.Printf("read the host secret through the link: %s\n", data)
		os.Exit(42)
	}
	fmt.Println("symlinks left in the box")
}
