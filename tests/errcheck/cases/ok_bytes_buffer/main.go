// want: none
// (*bytes.Buffer).Write* never fail and are excluded.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.Write([]byte("abc"))
	buf.WriteString("def")
	buf.WriteByte('g')
	buf.WriteRune('h')
	fmt.Fprintln(&buf, "line")
	b := new(bytes.Buffer)
	b.WriteString("x")
	fmt.Print(buf.String(), b.Len())
}
