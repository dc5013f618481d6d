package nn

import (
	"gonum.org/v1/gonum/mat"
)

// Layer is one dense layer: Z = W·A_prev + b, then A = g(Z).
type Layer struct {
	W *mat.Dense // weights, n[l]×n[l-1]
	B *mat.Dense // biases, n[l]×1

	Activation Activation // g

	// Forward keeps what Backward needs.
	APrev *mat.Dense // the input A[l-1], n[l-1]×m
	Z     *mat.Dense // the linear step, n[l]×m
	A     *mat.Dense // the output g(Z), n[l]×m

	// Backward sets the gradients of the mean loss.
	DW *mat.Dense // n[l]×n[l-1], like W
	DB *mat.Dense // n[l]×1, like B
}

// Units returns n[l], the number of units (rows of W).
func (l *Layer) Units() int {
	r, _ := l.W.Dims()
	return r
}

// Inputs returns n[l-1], the size of the layer's input (columns of W).
func (l *Layer) Inputs() int {
	_, c := l.W.Dims()
	return c
}

// Forward computes the layer's output for an input A_prev, n[l-1]×m,
//
//	Z = W·A_prev + b
//	A = g(Z)
//
// and keeps A_prev, Z and A for Backward. It returns A, n[l]×m.
func (l *Layer) Forward(APrev *mat.Dense) *mat.Dense {
	l.APrev = APrev
	l.Z = Linear(l.W, APrev, l.B)
	l.A = l.Activation.Forward(l.Z)
	return l.A
}

// Backward takes dA, the derivative of the per-sample loss with respect to
// this layer's output (n[l]×m), stores dW and db, and returns dA_prev for
// the layer below:
//
//	dZ = dA ⊙ g'(Z)
//	dW, db, dA_prev = LinearBackward(dZ, A_prev, W)
func (l *Layer) Backward(dA *mat.Dense) *mat.Dense {
	dZ := l.Activation.Backward(dA, l.Z)
	return l.BackwardFromZ(dZ)
}

// BackwardFromZ is Backward when dZ is already known, as for a softmax
// output trained with cross-entropy (dZ = Ŷ - Y).
func (l *Layer) BackwardFromZ(dZ *mat.Dense) *mat.Dense {
	var dAPrev *mat.Dense
	l.DW, l.DB, dAPrev = LinearBackward(dZ, l.APrev, l.W)
	return dAPrev
}
