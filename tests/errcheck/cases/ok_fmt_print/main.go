// want: none
// fmt.Print* and fmt.Fprint* to os.Stdout/os.Stderr are excluded.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello")
	fmt.Printf("%d apples\n", 3)
	fmt.Print("no newline")
	n, _ := fmt.Println("counted")
	_, _ = fmt.Printf("%d\n", n)
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Fprintf(os.Stdout, "to stdout %d\n", n)
	defer fmt.Println("deferred print")
}
