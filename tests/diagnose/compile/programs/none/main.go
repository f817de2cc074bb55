package main

func main() {
	var p *int = None
	_ = p
}
