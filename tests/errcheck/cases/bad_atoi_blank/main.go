// want: 13 the error returned by strconv.Atoi is assigned to _
// want: 14 the error returned by strconv.ParseFloat is assigned to _
// want: 17 the error returned by strconv.Atoi is assigned to _
package main

import (
	"fmt"
	"strconv"
)

func main() {
	var total int
	n, _ := strconv.Atoi("12")
	f, _ := strconv.ParseFloat("1.5", 64)
	total += n
	fmt.Println(total, f)
	total, _ = strconv.Atoi("7")
	fmt.Println(total)
}
