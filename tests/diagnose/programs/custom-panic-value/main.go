// fails-at: 19
// kind: panic
package main

import "fmt"

type BadInput struct {
	Field string
	Value int
}

func check(age int) {
	fmt.Println("checking", age)
}

func main() {
	age := -1
	if age < 0 {
		panic(BadInput{Field: "age", Value: age})
	}
	check(age)
}
