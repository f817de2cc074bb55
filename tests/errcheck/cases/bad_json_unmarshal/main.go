// want: 16 the error returned by json.Unmarshal is not checked
// want: 18 the error returned by json.Marshal is assigned to _
package main

import (
	"encoding/json"
	"fmt"
)

type Config struct {
	Name string `json:"name"`
}

func main() {
	var c Config
	json.Unmarshal([]byte(`{"name": "x"}`), &c)
	fmt.Println(c.Name)
	out, _ := json.Marshal(c)
	fmt.Println(string(out))
}
