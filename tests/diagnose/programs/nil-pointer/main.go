// fails-at: 14
// kind: panic
package main

import "fmt"

type User struct {
	Name string
}

func main() {
	var u *User
	fmt.Println("looking up user")
	fmt.Println(u.Name)
}
