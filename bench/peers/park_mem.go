// park_mem: N goroutines (default 100k) each touch a little stack (256 bytes), then park
// receiving on one unbuffered channel. Reports (RSS with all parked - RSS before) / N,
// RSS from /proc/self/statm. Same shape as ../park_mem.c.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

func count(dflt int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			return n
		}
	}
	return dflt
}

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return -1
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return -1
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return -1
	}
	return pages * int64(os.Getpagesize())
}

const touch = 256

//go:noinline
func parked(gate chan byte, started, finished *sync.WaitGroup, id int) {
	var scratch [touch]byte
	for i := 0; i < touch; i += 64 {
		scratch[i] = byte(id)
	}
	started.Done()
	<-gate // parks until the close
	if scratch[0] == 255 && id < 0 {
		println("unreachable")
	}
	finished.Done()
}

func main() {
	n := count(100000)
	gate := make(chan byte)
	var started, finished sync.WaitGroup
	before := rss()
	started.Add(n)
	finished.Add(n)
	for i := 0; i < n; i++ {
		go parked(gate, &started, &finished, i)
	}
	started.Wait()
	for i := 0; i < 100; i++ {
		runtime.Gosched()
	}
	during := rss()
	if before < 0 || during < 0 {
		fmt.Fprintln(os.Stderr, "park_mem: cannot read /proc/self/statm")
		os.Exit(1)
	}
	close(gate)
	finished.Wait()
	fmt.Printf("RESULT park_mem bytes_per_op=%.1f\n", float64(during-before)/float64(n))
}
