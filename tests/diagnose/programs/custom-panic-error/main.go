// fails-at: 19
// kind: panic
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("file not found")

func loadConfig(name string) error {
	return fmt.Errorf("load config %q: %w", name, ErrNotFound)
}

func main() {
	err := loadConfig("app.toml")
	if err != nil {
		panic(err)
	}
}
