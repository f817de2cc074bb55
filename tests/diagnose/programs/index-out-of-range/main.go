// fails-at: 10
// kind: panic
package main

import "fmt"

func main() {
	nums := []int{1, 2, 3}
	i := len(nums)
	fmt.Println(nums[i])
}
