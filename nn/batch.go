package nn

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Batches shuffles the sample indices 0 … m-1 with rng and cuts them into
// mini-batches of size samples; the last batch holds what is left over
// (Keras does the same). Each epoch should draw a new shuffle.
func Batches(rng *rand.Rand, m, size int) [][]int {
	if size < 1 {
		panic(fmt.Sprintf("nn: Batches: batch size %d; it must be at least 1", size))
	}
	order := rng.Perm(m)
	batches := make([][]int, 0, (m+size-1)/size)
	for start := 0; start < m; start += size {
		batches = append(batches, order[start:min(start+size, m)])
	}
	return batches
}

// Columns returns the columns of A listed in index, in that order: the
// mini-batch of samples index from a data set A with one sample per column.
// A is n×m and the result n×len(index).
func Columns(A *mat.Dense, index []int) *mat.Dense {
	r, _ := A.Dims()
	dst := mat.NewDense(r, len(index), nil)
	ColumnsInto(dst, A, index)
	return dst
}

// ColumnsInto is Columns writing into dst, n×len(index), so that one buffer
// serves every mini-batch of an epoch.
func ColumnsInto(dst, A *mat.Dense, index []int) {
	r, c := A.Dims()
	dr, dc := dst.Dims()
	if dr != r || dc != len(index) {
		panic(fmt.Sprintf("nn: ColumnsInto: dst is %s but A is %s and the batch has %d samples "+
			"(dst must be %d×%d)", shape(dst), shape(A), len(index), r, len(index)))
	}
	for _, j := range index {
		if j < 0 || j >= c {
			panic(fmt.Sprintf("nn: ColumnsInto: sample %d is outside A, which has %d columns", j, c))
		}
	}

	for i := range r {
		from, to := A.RawRowView(i), dst.RawRowView(i)
		for k, j := range index {
			to[k] = from[j]
		}
	}
}
