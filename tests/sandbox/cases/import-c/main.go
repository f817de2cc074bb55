// want: build-failure
// why: cgo is off (CGO_ENABLED=0): a file that imports "C" does not build, so no C compiler runs on learner code

package main

// static int answer(void) { return 42; }
import "C"

import "os"

func main() {
	os.Exit(int(C.answer()))
}
