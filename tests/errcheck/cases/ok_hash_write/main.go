// want: none
// hash.Hash writes never fail: (hash.Hash).Write is excluded, also through
// hash.Hash32/hash.Hash64, which embed hash.Hash.
package main

import (
	"crypto/sha256"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"hash/maphash"
)

func main() {
	h := sha256.New()
	h.Write([]byte("abc"))
	c := crc32.NewIEEE()
	c.Write([]byte("abc"))
	f := fnv.New64a()
	f.Write([]byte("abc"))
	var m maphash.Hash
	m.WriteString("abc")
	fmt.Printf("%x %d %d %d\n", h.Sum(nil), c.Sum32(), f.Sum64(), m.Sum64())
}
