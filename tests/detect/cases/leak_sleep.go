// want: goroutine-leak 32
// want-none: data-race
// why: a Python janitor thread doing "while True: time.sleep(60); purge()" is a daemon that dies at exit; a Go goroutine sleeping in a loop has no way to be stopped
package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu    sync.Mutex
	items map[string]string
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

// janitor empties the cache once a minute, for ever: nothing can stop it.
func (c *Cache) janitor() {
	for {
		time.Sleep(time.Minute)
		c.mu.Lock()
		c.items = map[string]string{}
		c.mu.Unlock()
	}
}

func main() {
	c := &Cache{items: map[string]string{}}
	go c.janitor()
	c.Put("user:1", "ann")
	c.Put("user:2", "bob")
	fmt.Println("cached items:", c.Len())
}
