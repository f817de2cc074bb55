// want: 18 the error returned by fetch is not checked (go statement)
// want: 19 the error returned by the function literal is not checked (go statement)
package main

import (
	"errors"
	"sync"
)

func fetch(url string, wg *sync.WaitGroup) error {
	defer wg.Done()
	return errors.New("no network: " + url)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go fetch("http://example.com", &wg)
	go func() error {
		defer wg.Done()
		return nil
	}()
	wg.Wait()
}
