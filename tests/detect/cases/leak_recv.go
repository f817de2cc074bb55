// want: goroutine-leak 19
// want-none: data-race
// why: Python kills a daemon thread stuck in queue.get() at exit; a Go goroutine waiting for a value nobody sends just stays blocked
package main

import (
	"errors"
	"fmt"
	"strconv"
)

// startAuditLog starts a goroutine that waits for the final report on done
// and prints it. The report is sent only when the whole batch succeeds.
func startAuditLog() chan<- string {
	done := make(chan string)
	go func() {
		// Nobody sends on done when the batch fails, and nobody closes it:
		// this receive waits for ever.
		report := <-done
		fmt.Println("audit:", report)
	}()
	return done
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
	audit := startAuditLog()
	sum, err := process([]string{"4", "8", "x15", "16"})
	if err != nil {
		fmt.Println("error:", err)
		return // early return: the audit goroutine never gets its report
	}
	audit <- "sum " + strconv.Itoa(sum)
}
