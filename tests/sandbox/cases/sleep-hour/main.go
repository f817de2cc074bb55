// want: timeout
// want-line: 12
// play-args: --timeout 2s
// why: a program that sleeps is stopped at the wall-clock timeout and the dump names the sleeping line

package main

import "time"

func main() {
	// The dump should show main.main at the next line.
	time.Sleep(time.Hour)
}
