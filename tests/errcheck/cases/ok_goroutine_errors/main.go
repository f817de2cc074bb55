// want: none
// Goroutines that report their errors on a channel.
package main

import (
	"errors"
	"fmt"
)

func work(i int) error {
	if i%2 == 1 {
		return errors.New("odd")
	}
	return nil
}

func main() {
	errc := make(chan error, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			errc <- work(i)
		}(i)
	}
	for i := 0; i < 3; i++ {
		if err := <-errc; err != nil {
			fmt.Println(err)
		}
	}
	if err := work(1); errors.Is(err, err) {
		fmt.Println("checked")
	}
}
