// want: 17 the error returned by f.Close is not checked
package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Create("out.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = f.WriteString("hello\n")
	fmt.Println(err)
	f.Close()
}
