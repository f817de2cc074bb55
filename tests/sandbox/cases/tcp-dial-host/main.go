// want: ok
// want-stdout: dial failed:
// setup: loopback-listener
// why: the program's 127.0.0.1 is its own network namespace: the host's loopback listener (port in os.Args[1]) is out of reach

package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: tcp-dial-host PORT")
		os.Exit(3)
	}
	addr := net.JoinHostPort("127.0.0.1", os.Args[1]) // never any other address
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		fmt.Println("dial failed:", err)
		return
	}
	conn.Write([]byte("LEAKED\n"))
	conn.Close()
	fmt.Println("dial succeeded: wrote LEAKED to", addr)
	os.Exit(42)
}
