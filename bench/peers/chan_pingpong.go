// chan_pingpong: two goroutines bounce a value over two unbuffered channels, N round
// trips (default 1e6). Reports ns per round trip. Same shape as ../chan_pingpong.c.
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
	rounds := count(1000000)
	ping := make(chan int)
	pong := make(chan int)
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(2)
	go func() {
		for i := 0; i < rounds; i++ {
			v := <-ping
			pong <- v
		}
		wg.Done()
	}()
	go func() {
		for i := 0; i < rounds; i++ {
			ping <- i
			<-pong
		}
		wg.Done()
	}()
	wg.Wait()
	ns := time.Since(t0).Nanoseconds()
	fmt.Printf("RESULT chan_pingpong ns_per_op=%.1f\n", float64(ns)/float64(rounds))
}
