// want: goroutine-leak 35
// want-none: data-race
// why: Java's synchronized and Python's "with lock:" release the lock on every exit; a Go mu.Lock() without defer mu.Unlock() stays locked after an early return
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

type Config struct {
	mu       sync.Mutex
	settings map[string]int
}

// Set stores a numeric setting. On a bad value it returns early and forgets
// to unlock: the mutex stays locked for ever.
func (c *Config) Set(key, value string) error {
	c.mu.Lock()
	n, err := strconv.Atoi(value)
	if err != nil {
		return fmt.Errorf("setting %s: %q is not a number", key, value)
	}
	c.settings[key] = n
	c.mu.Unlock()
	return nil
}

// Save writes the settings out; it runs in the background.
func (c *Config) Save(done chan<- string) {
	var b strings.Builder
	// Blocked here: Set left the mutex locked.
	c.mu.Lock()
	for k, v := range c.settings {
		fmt.Fprintf(&b, "%s=%d;", k, v)
	}
	c.mu.Unlock()
	done <- b.String()
}

func main() {
	c := &Config{settings: map[string]int{}}
	if err := c.Set("port", "8080"); err != nil {
		fmt.Println("error:", err)
	}
	if err := c.Set("timeout", "30s"); err != nil {
		fmt.Println("error:", err)
	}
	saved := make(chan string, 1)
	go c.Save(saved) // main does not wait for the save
	fmt.Println("settings submitted")
}
