// want: 24 the error returned by fmt.Fprintln is not checked
// want: 25 the error returned by w.Flush is not checked
// want: 26 the error returned by fmt.Fprintln is not checked
// want: 27 the error returned by try is not checked
// want: 28 the error returned by errors.New is not checked
// want: 29 the error returned by f.Sync is not checked (deferred call)
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
)

func try[T any](v T) (T, error) { return v, nil }

func main() {
	f, err := os.Create("log.txt")
	if err != nil {
		return
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "line")
	w.Flush()
	fmt.Fprintln(f, "direct")
	try[int](3)
	errors.New("forgotten")
	defer f.Sync()
}
