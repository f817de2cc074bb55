// want: 13 the error returned by w.Write is not checked
// want: 14 the error returned by fmt.Fprintf is not checked
// want: 15 the error returned by io.WriteString is not checked
package main

import (
	"fmt"
	"io"
	"os"
)

func greet(w io.Writer, name string) {
	w.Write([]byte("hello, "))
	fmt.Fprintf(w, "%s\n", name)
	io.WriteString(w, "bye\n")
}

func main() {
	greet(os.Stdout, "gopher")
}
