// want: 14 the error returned by os.Chdir is assigned to _
// want: 17 the error returned by os.Setenv is assigned to _
// want: 18 the error returned by strconv.Atoi is assigned to _
// want: 19 the error returned by os.Unsetenv is assigned to _
// want: 21 the error returned by os.Getwd is assigned to _
package main

import (
	"fmt"
	"os"
	"strconv"
)

var _ = os.Chdir("/")

func main() {
	_ = os.Setenv("MODE", "test")
	var n, _ = strconv.Atoi("3")
	a, _ := n+1, os.Unsetenv("MODE")
	fmt.Println(a)
	dir, _ := os.Getwd()
	fmt.Println(dir)
}
