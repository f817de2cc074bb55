// want: none
// Errors returned to the caller.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type Config struct {
	Name string `json:"name"`
}

func load(path string) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("load %s: %w", path, err)
	}
	return c, json.Unmarshal(data, &c)
}

func save(path string, c Config) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func main() {
	c, err := load("config.json")
	if err != nil {
		fmt.Println(err)
	}
	if err := save("copy.json", c); err != nil {
		fmt.Println(err)
	}
}
