package main

func f() int {
	if true {
		return 1
	}
}

func main() { f() }
