// want: none
// (*strings.Builder).Write* never fail and are excluded.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	sb.WriteString("hello")
	sb.WriteByte(',')
	sb.WriteRune(' ')
	sb.Write([]byte("world"))
	fmt.Fprintf(&sb, " %d", 42)
	_, _ = sb.WriteString("!")
	fmt.Println(sb.String())
}
