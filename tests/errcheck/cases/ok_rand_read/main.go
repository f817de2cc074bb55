// want: none
// math/rand.Read, (*math/rand.Rand).Read and crypto/rand.Read are excluded.
package main

import (
	crand "crypto/rand"
	"fmt"
	"math/rand"
)

func main() {
	b := make([]byte, 8)
	rand.Read(b)
	r := rand.New(rand.NewSource(1))
	r.Read(b)
	crand.Read(b)
	fmt.Println(b)
}
