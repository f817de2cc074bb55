// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_select.go: the select loop has a quit case, and main closes quit and waits for the dispatcher to return
package main

import "fmt"

type notice struct {
	to, text string
}

// dispatcher sends notices by e-mail or SMS until quit is closed.
func dispatcher(email, sms <-chan notice, quit <-chan struct{}, sent chan<- string) {
	defer close(sent) // tells main the dispatcher has returned
	for {
		select {
		case n := <-email:
			sent <- "mailed " + n.to + ": " + n.text
		case n := <-sms:
			sent <- "texted " + n.to + ": " + n.text
		case <-quit:
			return
		}
	}
}

func main() {
	email := make(chan notice)
	sms := make(chan notice)
	quit := make(chan struct{})
	sent := make(chan string)
	go dispatcher(email, sms, quit, sent)

	email <- notice{"ann@example.com", "your order shipped"}
	fmt.Println(<-sent)
	sms <- notice{"+15550100", "your code is 4711"}
	fmt.Println(<-sent)

	close(quit)
	for range sent { // waits until the dispatcher closes sent on its way out
	}
}
