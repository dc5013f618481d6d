//go:build openblas

package main

// backend names the matrix products the program runs on: OpenBLAS, through
// gonum's netlib binding, which package nn installs when the program is
// built with -tags openblas (see nn/blas_openblas.go).
const backend = "OpenBLAS"
