// want: 16 the error returned by os.Remove is not checked
// With -std, cmd/vet's printf check also reports lines 14 and 15 (run.sh
// checks those); 15 needs std_vet_lib's facts.
package main

import (
	"fmt"
	"os"

	"errcheck.test/std_vet_lib"
)

func main() {
	fmt.Printf("%d\n", "x")
	stdvetlib.Logf("%d\n", "y")
	os.Remove("scratch.txt")
}
