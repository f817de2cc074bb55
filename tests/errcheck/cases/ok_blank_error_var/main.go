// want: none
// "_ = err" discards an error variable on purpose: no call is ignored, so it
// is not reported (errcheck -blank does not report it either). Blanks that
// drop non-error results are fine too.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.Atoi("12")
	_ = err
	m := map[string]int{"a": 1}
	v, _ := m["a"]
	var x interface{} = err
	e, _ := x.(error)
	_ = e
	fmt.Println(v)
}
