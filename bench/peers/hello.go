// hello: Go's hello world, the peer of examples/hello.c for process start time.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
