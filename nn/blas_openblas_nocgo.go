//go:build openblas && !cgo

package nn

// The openblas tag calls OpenBLAS through cgo. Without cgo (CGO_ENABLED=0,
// or no C compiler found) blas_openblas.go would be left out without a
// word, and the program would run on gonum's Go code while saying OpenBLAS;
// this line stops the build instead, with the reason in its name.
var _ = openblasTagNeedsCgo_SetCGO_ENABLED1_AndInstallACCompiler
