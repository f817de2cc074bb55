// fails-at: 16
// kind: data-race
package main

import (
	"fmt"
	"sync"
)

func main() {
	cache := map[string]int{"a": 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		cache["b"] = 2
	}()
	fmt.Println(cache["a"])
	wg.Wait()
}
