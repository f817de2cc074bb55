// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_mutex.go: defer c.mu.Unlock() releases the lock on every return, like synchronized or "with lock:", and main waits for the save
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type Config struct {
	mu       sync.Mutex
	settings map[string]int
}

// Set stores a numeric setting; the deferred Unlock runs on the error path too.
func (c *Config) Set(key, value string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, err := strconv.Atoi(value)
	if err != nil {
		return fmt.Errorf("setting %s: %q is not a number", key, value)
	}
	c.settings[key] = n
	return nil
}

// Save writes the settings out; it runs in the background.
func (c *Config) Save(done chan<- string) {
	c.mu.Lock()
	keys := make([]string, 0, len(c.settings))
	for k := range c.settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d;", k, c.settings[k])
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
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Save(saved)
	}()
	wg.Wait() // join the background save before main returns
	fmt.Println("saved:", <-saved)
}
