// want-none: goroutine-leak
// want-none: data-race
// why: fixed twin of leak_recv.go: the waiting goroutine is told on every path (defer), and main waits until it has finished
package main

import (
	"errors"
	"fmt"
	"strconv"
)

// startAuditLog starts a goroutine that prints the final report it receives
// on reports. The returned finished channel is closed when it has exited.
func startAuditLog() (reports chan<- string, finished <-chan struct{}) {
	in := make(chan string)
	out := make(chan struct{})
	go func() {
		defer close(out)
		report := <-in
		fmt.Println("audit:", report)
	}()
	return in, out
}

func process(batch []string) (int, error) {
	sum := 0
	for _, s := range batch {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, errors.New("bad record " + strconv.Quote(s))
		}
		sum += n
	}
	return sum, nil
}

func main() {
	audit, finished := startAuditLog()
	report := "not sent"
	// The deferred calls run on every path, the early return included:
	// first send the report, then wait for the goroutine to end.
	defer func() {
		audit <- report
		<-finished
	}()
	sum, err := process([]string{"4", "8", "x15", "16"})
	if err != nil {
		fmt.Println("error:", err)
		report = "failed: " + err.Error()
		return
	}
	report = "sum " + strconv.Itoa(sum)
}
