// want: none
// A printf wrapper. With -std, cmd/vet reports a bad call of Logf in another
// package (std_vet_mixed) only if it wrote this package's facts.
package stdvetlib

import "fmt"

// Logf prints like fmt.Printf.
func Logf(format string, args ...any) {
	fmt.Printf(format, args...)
}
