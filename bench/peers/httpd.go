// httpd: the Go net/http peer of examples/httpd.c for `build.lua bench http`. Same
// command line (httpd [address [timeout-ms]]), same first line of stdout (the bound
// address), same answers (GET / "hello\n", other paths 404), and the same deadlines:
// a connection idle or slow to send its head for the timeout is closed, and so is one
// whose writes block that long.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func main() {
	addr, timeout := "127.0.0.1:8080", 10*time.Second
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	if len(os.Args) > 2 {
		ms, err := strconv.Atoi(os.Args[2])
		if err != nil || ms <= 0 {
			fmt.Fprintln(os.Stderr, "usage: httpd [address [timeout-ms]]")
			os.Exit(2)
		}
		timeout = time.Duration(ms) * time.Millisecond
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "httpd:", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("hello\n"))
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: timeout, IdleTimeout: timeout,
		WriteTimeout: timeout}
	fmt.Fprintln(os.Stderr, srv.Serve(ln))
	os.Exit(1)
}
