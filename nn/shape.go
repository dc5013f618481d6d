package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// shape formats the dimensions of a matrix as r×c.
func shape(m mat.Matrix) string {
	r, c := m.Dims()
	return fmt.Sprintf("%d×%d", r, c)
}

// mustSameShape panics unless a and b have the same dimensions. fn names the
// function and eq the equation being computed, so the message tells a reader
// where the mistake is.
func mustSameShape(fn, eq, aName string, a mat.Matrix, bName string, b mat.Matrix) {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	if ar != br || ac != bc {
		panic(fmt.Sprintf("nn: %s: %s: %s is %s but %s is %s (they must have the same shape)",
			fn, eq, aName, shape(a), bName, shape(b)))
	}
}

// mustNotEmpty panics when m has no columns (an empty batch).
func mustNotEmpty(fn, name string, m mat.Matrix) {
	r, c := m.Dims()
	if r == 0 || c == 0 {
		panic(fmt.Sprintf("nn: %s: %s is empty (%d×%d); a batch needs at least one sample",
			fn, name, r, c))
	}
}

// rawData returns the elements of m in row-major order. The matrices this
// package makes are contiguous; a view into a larger matrix is copied first.
func rawData(m *mat.Dense) []float64 {
	raw := m.RawMatrix()
	if raw.Stride == raw.Cols {
		return raw.Data[:raw.Rows*raw.Cols]
	}
	return mat.DenseCopyOf(m).RawMatrix().Data
}

// apply returns a new matrix with f applied to every element of Z.
func apply(Z *mat.Dense, f func(z float64) float64) *mat.Dense {
	r, c := Z.Dims()
	out := mat.NewDense(r, c, nil)
	dst := out.RawMatrix().Data
	for i, z := range rawData(Z) {
		dst[i] = f(z)
	}
	return out
}
