//go:build !openblas

package main

// backend names the matrix products the program runs on.
const backend = "pure Go"
