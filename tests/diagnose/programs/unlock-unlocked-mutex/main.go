// fails-at: 14
// kind: panic
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock()
	fmt.Println("unlocked twice")
}
