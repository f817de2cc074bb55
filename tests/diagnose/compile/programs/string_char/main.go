package main

func main() {
	var c string = 'a'
	_ = c
}
