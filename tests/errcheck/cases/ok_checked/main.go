// want: none
// Errors assigned to variables and checked.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	if err := os.Remove("scratch.txt"); err != nil {
		fmt.Println("remove:", err)
	}
	n, err := strconv.Atoi("12")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := os.Create("out.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := fmt.Fprintln(f, n); err != nil {
		fmt.Println(err)
	}
	if err := f.Close(); err != nil {
		fmt.Println(err)
	}
}
