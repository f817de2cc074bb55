// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_sleep.go: the janitor selects on a ticker and a done channel instead of sleeping, and Close stops it and waits
package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]string
	done  chan struct{}
	wg    sync.WaitGroup
}

func NewCache() *Cache {
	c := &Cache{items: map[string]string{}, done: make(chan struct{})}
	c.wg.Add(1)
	go c.janitor()
	return c
}

func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Close stops the janitor and waits until it has returned.
func (c *Cache) Close() {
	close(c.done)
	c.wg.Wait()
}

// janitor empties the cache once a minute until Close is called.
func (c *Cache) janitor() {
	defer c.wg.Done()
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-ticker.C:
			c.mu.Lock()
			c.items = map[string]string{}
			c.mu.Unlock()
		}
	}
}

func main() {
	c := NewCache()
	defer c.Close()
	c.Put("user:1", "ann")
	c.Put("user:2", "bob")
	fmt.Println("cached items:", c.Len())
}
