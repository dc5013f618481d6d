package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Linear computes the linear step of layer l,
//
//	Z = W·A + b
//
// where W is n[l]×n[l-1], A is n[l-1]×m (one sample per column) and b is
// n[l]×1, added to each of the m columns. Z is n[l]×m.
//
// Linear panics with both shapes when W's columns differ from A's rows or b
// is not a column of W's height.
func Linear(W, A, b *mat.Dense) *mat.Dense {
	checkLinear("Linear", W, A, b)

	n, _ := W.Dims()
	_, m := A.Dims()
	Z := mat.NewDense(n, m, nil)
	Z.Mul(W, A)
	addColumn(Z, b)
	return Z
}

// checkLinear panics unless W, A and b fit Z = W·A + b.
func checkLinear(fn string, W, A, b *mat.Dense) {
	wr, wc := W.Dims()
	ar, _ := A.Dims()
	br, bc := b.Dims()
	if wc != ar {
		panic(fmt.Sprintf("nn: %s: Z = W·A + b: W is %s but A is %s "+
			"(W's columns must equal A's rows, n[l-1])", fn, shape(W), shape(A)))
	}
	if br != wr || bc != 1 {
		panic(fmt.Sprintf("nn: %s: Z = W·A + b: W is %s but b is %s (b must be %d×1)",
			fn, shape(W), shape(b), wr))
	}
}

// addColumn adds the column b to every column of Z, in place.
func addColumn(Z, b *mat.Dense) {
	r, c := Z.Dims()
	for i := range r {
		bi := b.At(i, 0)
		row := Z.RawRowView(i)
		for j := range c {
			row[j] += bi
		}
	}
}

// LinearBackward computes the gradients of the linear step Z = W·A_prev + b
// from dZ, the derivative of the per-sample loss with respect to Z:
//
//	dW      = (1/m) dZ·A_prevᵀ     n[l]×n[l-1], like W
//	db      = (1/m) Σ_i dZ[:, i]   n[l]×1, like b
//	dA_prev = Wᵀ·dZ                n[l-1]×m, like A_prev
//
// dZ is n[l]×m and A_prev is n[l-1]×m. The 1/m turns the sum over the batch
// into the gradient of the mean loss J; dA_prev stays per sample.
func LinearBackward(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense) {
	checkLinearBackward("LinearBackward", dZ, APrev, W)

	n, m := dZ.Dims()
	nPrev, _ := APrev.Dims()
	scale := 1 / float64(m)

	dW = mat.NewDense(n, nPrev, nil)
	dW.Mul(dZ, APrev.T())
	dW.Scale(scale, dW)

	db = mat.NewDense(n, 1, nil)
	for i := range n {
		db.Set(i, 0, scale*sum(dZ.RawRowView(i)))
	}

	dAPrev = mat.NewDense(nPrev, m, nil)
	dAPrev.Mul(W.T(), dZ)
	return dW, db, dAPrev
}

// checkLinearBackward panics unless dZ, A_prev and W fit the backward step.
func checkLinearBackward(fn string, dZ, APrev, W *mat.Dense) {
	mustNotEmpty(fn, "dZ", dZ)
	n, m := dZ.Dims()
	pr, pc := APrev.Dims()
	wr, wc := W.Dims()
	if pc != m {
		panic(fmt.Sprintf("nn: %s: dW = (1/m) dZ·A_prevᵀ: dZ is %s but A_prev is %s "+
			"(both need m = %d columns)", fn, shape(dZ), shape(APrev), m))
	}
	if wr != n || wc != pr {
		panic(fmt.Sprintf("nn: %s: dA_prev = Wᵀ·dZ: W is %s but dZ is %s and A_prev is %s "+
			"(W must be %d×%d)", fn, shape(W), shape(dZ), shape(APrev), n, pr))
	}
}

// sum adds up the elements of x.
func sum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}
