// want: none
// Calls without error results, conversions, and the compile-time check
// "var _ error = (*MyErr)(nil)" (a conversion, not a call).
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return e.msg }

var _ error = (*MyErr)(nil)

func count(s string) (int, bool) { return len(s), s != "" }

func main() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	count("abc")
	n, _ := count("xyz")
	go count("bg")
	_ = strings.ToUpper("x")
	fmt.Println(xs, n)
}
