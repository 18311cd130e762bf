// spawn_join: spawn N goroutines (default 1e6), then join them all with one WaitGroup.
// Reports ns per goroutine. Same shape as ../spawn_join.c.
package main

import (
	"fmt"
	"os"
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
	n := count(1000000)
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go wg.Done()
	}
	wg.Wait()
	ns := time.Since(t0).Nanoseconds()
	fmt.Printf("RESULT spawn_join ns_per_op=%.1f\n", float64(ns)/float64(n))
}
