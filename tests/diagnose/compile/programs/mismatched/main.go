package main

func main() {
	a, b := 1, 2.5
	_ = a + b
}
