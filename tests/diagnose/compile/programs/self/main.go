package main

type T struct{ n int }

func (t T) get() int { return self.n }

func main() {}
