// want: 9 the error returned by os.Remove is not checked
// want: 10 the error returned by os.RemoveAll is not checked
package main

import "os"

func main() {
	name := "scratch.txt"
	os.Remove(name)
	os.RemoveAll("scratch.d")
}
