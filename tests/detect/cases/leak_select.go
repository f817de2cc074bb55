// want: goroutine-leak 16
// want-none: data-race
// why: a Java/Python event loop "while (true) { take(); dispatch(); }" in a daemon thread dies with the program; a Go select loop with no exit case never ends
package main

import "fmt"

type notice struct {
	to, text string
}

// dispatcher sends notices by e-mail or SMS. Its loop has no exit case:
// once main stops sending, it waits on both channels for ever.
func dispatcher(email, sms <-chan notice, sent chan<- string) {
	for {
		select {
		case n := <-email:
			sent <- "mailed " + n.to + ": " + n.text
		case n := <-sms:
			sent <- "texted " + n.to + ": " + n.text
		}
	}
}

func main() {
	email := make(chan notice)
	sms := make(chan notice)
	sent := make(chan string)
	go dispatcher(email, sms, sent)

	email <- notice{"ann@example.com", "your order shipped"}
	fmt.Println(<-sent)
	sms <- notice{"+15550100", "your code is 4711"}
	fmt.Println(<-sent)
}
