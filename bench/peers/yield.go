// yield: two goroutines alternate with runtime.Gosched, N switches in all (default 2e6).
// Reports ns per switch. Same shape as ../yield.c.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

func count(dflt int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			return n
		}
	}
	return dflt
}

func main() {
	per := count(2000000) / 2
	var wg sync.WaitGroup
	yielder := func() {
		for i := 0; i < per; i++ {
			runtime.Gosched()
		}
		wg.Done()
	}
	t0 := time.Now()
	wg.Add(2)
	go yielder()
	go yielder()
	wg.Wait()
	ns := time.Since(t0).Nanoseconds()
	fmt.Printf("RESULT yield ns_per_op=%.1f\n", float64(ns)/float64(2*per))
}
