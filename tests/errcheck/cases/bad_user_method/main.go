// want: 27 the error returned by s.Save is not checked
// want: 28 the error returned by s.Load is assigned to _
package main

import (
	"errors"
	"fmt"
)

type Store struct {
	items map[string]string
}

func (s *Store) Save() error {
	if s.items == nil {
		return errors.New("nothing to save")
	}
	return nil
}

func (s *Store) Load(key string) (string, error) {
	return s.items[key], nil
}

func main() {
	s := &Store{items: map[string]string{"a": "1"}}
	s.Save()
	v, _ := s.Load("a")
	fmt.Println(v)
}
