// want: 9 the error returned by os.WriteFile is not checked
// want: 10 the error returned by os.MkdirAll is not checked
package main

import "os"

func main() {
	data := []byte("saved\n")
	os.WriteFile("save.txt", data, 0o644)
	os.MkdirAll("a/b/c", 0o755)
}
