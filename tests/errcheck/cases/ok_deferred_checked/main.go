// want: none
// A deferred close whose error is handled inside a closure, and
// io.Pipe's CloseWithError (excluded).
package main

import (
	"fmt"
	"io"
	"os"
)

func write(path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.WriteString("data\n")
	return err
}

func main() {
	if err := write("out.txt"); err != nil {
		fmt.Println(err)
	}
	r, w := io.Pipe()
	go func() {
		w.CloseWithError(fmt.Errorf("done"))
	}()
	r.CloseWithError(nil)
}
