//go:build goexperiment.goroutineleakprofile || go1.27

package main

import (
	"os"
	"runtime/pprof"
)

// The goroutineleak profile proves a goroutine leaked: nothing reachable
// can ever wake it. It runs a collection to find out.
func init() {
	gotutorProfile = func(f *os.File) {
		if p := pprof.Lookup("goroutineleak"); p != nil {
			_ = p.WriteTo(f, 2)
		}
	}
}
