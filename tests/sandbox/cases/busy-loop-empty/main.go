// want: timeout
// play-args: --timeout 2s
// why: an empty `for {}` is stopped at the timeout; no want-line: Go compiles it to NOP+JMP with the JMP on line 1, so the dump says main.go:1

package main

func main() {
	for {
	}
}
