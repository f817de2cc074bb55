// want: timeout
// want-stdout: ignoring SIGQUIT, SIGTERM, SIGINT and SIGHUP
// play-args: --timeout 2s
// why: a program that ignores SIGQUIT and friends is still ended: SIGKILL follows the grace period

package main

import (
	"fmt"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	signal.Ignore(syscall.SIGQUIT, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	fmt.Println("ignoring SIGQUIT, SIGTERM, SIGINT and SIGHUP")
	for range time.Tick(100 * time.Millisecond) {
	}
}
