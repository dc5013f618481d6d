//go:build !openblas

package main

// backend names the matrix products the program runs on: gonum's own,
// written in Go and assembly, on every processor. Built with -tags openblas,
// backend_openblas.go names OpenBLAS instead.
const backend = "pure Go"
