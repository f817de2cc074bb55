package main

func main() {
	var p *int = null
	_ = p
}
