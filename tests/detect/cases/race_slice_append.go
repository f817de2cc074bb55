// want: data-race 32
// want: data-race 38
// want-none: goroutine-leak
// why: list.append from several threads is safe in Python (the GIL) and people share an ArrayList in Java; append to a shared Go slice from two goroutines races
package main

import (
	"fmt"
	"sort"
	"sync"
)

func fetchUsers() []string {
	return []string{"ann", "bob", "cy"}
}

func fetchAdmins() []string {
	return []string{"root", "ops"}
}

func main() {
	var names []string
	var wg sync.WaitGroup
	wg.Add(2)

	// Two loaders append to the same slice with no lock. Both read and
	// write the slice header (and maybe the same backing array slot), so
	// entries can be lost.
	go func() {
		defer wg.Done()
		for _, u := range fetchUsers() {
			names = append(names, u)
		}
	}()
	go func() {
		defer wg.Done()
		for _, a := range fetchAdmins() {
			names = append(names, "admin:"+a)
		}
	}()

	wg.Wait()
	sort.Strings(names)
	fmt.Println(len(names), "names (5 expected):", names)
}
