package main

func main() {
	_ = foo
}
