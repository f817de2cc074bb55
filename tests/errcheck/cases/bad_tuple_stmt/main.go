// want: 22 the error returned by parsePort is not checked
// want: 23 the error returned by strconv.ParseBool is not checked
package main

import (
	"errors"
	"strconv"
)

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 1 || n > 65535 {
		return 0, errors.New("port out of range")
	}
	return n, nil
}

func main() {
	parsePort("8080")
	strconv.ParseBool("yes")
}
