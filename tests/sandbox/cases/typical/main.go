// want: ok
// want-stdout: stdin ok
// want-stdout: json ok
// want-stdout: goroutines ok
// want-stdout: context ok
// want-stdout: rand ok
// want-stdout: hostname ok
// want-stdout: file ok
// want-stdout: tempdir ok
// want-stdout: http ok
// want-stdout@degraded: tempdir ok
// want-stdout@degraded: http unavailable
// why: an ordinary learner program (stdin, json, goroutines, context, crypto/rand, hostname, files, a loopback HTTP server) runs unharmed; the degraded tier has no network at all, which the program sees as an error

package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

var failed bool

func report(feature string, err error, detail any) {
	if err != nil {
		fmt.Printf("%s failed: %v\n", feature, err)
		failed = true
		return
	}
	fmt.Printf("%s ok: %v\n", feature, detail)
}

type point struct{ X, Y int }

func main() {
	sum, sc := 0, bufio.NewScanner(os.Stdin) // works with an empty stdin too
	for sc.Scan() {
		if n, err := strconv.Atoi(strings.TrimSpace(sc.Text())); err == nil {
			sum += n
		}
	}
	report("stdin", sc.Err(), fmt.Sprint("sum=", sum))

	var p point
	b, err := json.Marshal(point{3, 4})
	if err == nil {
		err = json.Unmarshal(b, &p)
	}
	report("json", err, string(b))

	var wg sync.WaitGroup
	squares := make([]int, 8)
	for i := range squares {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			squares[i] = i * i
		}(i)
	}
	wg.Wait()
	report("goroutines", nil, squares)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	<-ctx.Done()
	cancel()
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = ctx.Err()
	}
	report("context", err, "deadline exceeded")

	key := make([]byte, 16)
	_, err = rand.Read(key)
	report("rand", err, fmt.Sprintf("%x", key[:4]))

	host, err := os.Hostname()
	report("hostname", err, host)

	err = os.WriteFile("notes.txt", []byte("hello, box\n"), 0o644)
	var text []byte
	if err == nil {
		text, err = os.ReadFile("notes.txt")
	}
	report("file", err, strings.TrimSpace(string(text)))

	dir, err := os.MkdirTemp(".", "work-")
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644)
		if rmErr := os.RemoveAll(dir); err == nil {
			err = rmErr
		}
	}
	report("tempdir", err, dir)

	// The degraded tier has no sockets: say so rather than panic.
	if l, err := net.Listen("tcp", "127.0.0.1:0"); err != nil {
		fmt.Println("http unavailable:", err)
	} else {
		l.Close()
		httpCheck()
	}

	if failed {
		os.Exit(1)
	}
}

// httpCheck serves one request on loopback and reads it back.
func httpCheck() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello from ", r.URL.Path)
	}))
	defer srv.Close()
	var body []byte
	resp, err := http.Get(srv.URL + "/box")
	if err == nil {
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	report("http", err, string(body))
}
