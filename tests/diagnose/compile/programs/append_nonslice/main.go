package main

func main() {
	var n int
	n = append(n, 1)
}
