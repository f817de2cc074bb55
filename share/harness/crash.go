//go:build go1.23

package main

import (
	"os"
	"runtime/debug"
)

// Panics, fatal errors and SIGQUIT dumps are copied to the report too, so
// that they survive whatever the learner's code does to stderr.
func init() {
	gotutorCrashOutput = func(f *os.File) {
		_ = debug.SetCrashOutput(f, debug.CrashOptions{})
	}
}
