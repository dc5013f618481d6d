package nn

import (
	"gonum.org/v1/gonum/mat"
)

// fastPath computes what Network.Forward and Network.Backward compute, with
// the same operations in the same order, but into matrices kept from one
// mini-batch to the next, and without dA[0], which no layer needs. Fit uses
// it unless FitOptions.Readable is set; the tests check that both give the
// same numbers.
type fastPath struct {
	net     *Network
	buffers map[int]*batchBuffers // by batch size m: the last batch is smaller
	current *batchBuffers
}

// batchBuffers holds every matrix of one step for a batch of m samples.
type batchBuffers struct {
	X, Y     *mat.Dense   // the gathered mini-batch
	Z, A, dZ []*mat.Dense // per layer, n[l]×m
	dA       []*mat.Dense // per layer, dA[l] = W[l+1]ᵀ·dZ[l+1], for l ≥ 1
}

func newFastPath(n *Network) *fastPath {
	return &fastPath{net: n, buffers: map[int]*batchBuffers{}}
}

// batch gathers the samples index of X and Y into the buffers for a batch
// of that size.
func (f *fastPath) batch(X, Y *mat.Dense, index []int) (Xb, Yb *mat.Dense) {
	m := len(index)
	buf := f.buffers[m]
	if buf == nil {
		buf = f.newBuffers(m)
		f.buffers[m] = buf
	}
	f.current = buf

	ColumnsInto(buf.X, X, index)
	ColumnsInto(buf.Y, Y, index)
	return buf.X, buf.Y
}

func (f *fastPath) newBuffers(m int) *batchBuffers {
	n := f.net
	buf := &batchBuffers{
		X: mat.NewDense(n.Inputs, m, nil),
		Y: mat.NewDense(n.Outputs(), m, nil),
	}
	for _, layer := range n.Layers {
		units := layer.Units()
		buf.Z = append(buf.Z, mat.NewDense(units, m, nil))
		buf.A = append(buf.A, mat.NewDense(units, m, nil))
		buf.dZ = append(buf.dZ, mat.NewDense(units, m, nil))
		buf.dA = append(buf.dA, mat.NewDense(units, m, nil))
		if layer.DW == nil {
			layer.DW = mat.NewDense(units, layer.Inputs(), nil)
			layer.DB = mat.NewDense(units, 1, nil)
		}
	}
	return buf
}

// Forward is Network.Forward on the gathered batch X, into the buffers.
func (f *fastPath) Forward(X *mat.Dense) *mat.Dense {
	buf := f.current
	A := X
	for l, layer := range f.net.Layers {
		layer.APrev = A
		Z := buf.Z[l]
		Z.Mul(layer.W, A)
		addColumn(Z, layer.B)
		layer.Z = Z

		A = buf.A[l]
		activateInto(A, Z, layer.Activation)
		layer.A = A
	}
	return A
}

// activateInto computes A = g(Z) into A.
func activateInto(A, Z *mat.Dense, g Activation) {
	if g.G == nil {
		A.Copy(g.Forward(Z)) // softmax: its columns are small
		return
	}
	dst := rawData(A)
	for i, z := range rawData(Z) {
		dst[i] = g.G(z)
	}
}

// Backward is Network.Backward for the batch of the last Forward.
func (f *fastPath) Backward(Y *mat.Dense) {
	n, buf := f.net, f.current
	L := len(n.Layers) - 1

	// dZ[L], from the combined step or from the loss's gradient.
	out := n.Layers[L]
	if n.outputAndLossCombine() {
		buf.dZ[L].Sub(out.A, Y)
	} else {
		buf.dZ[L].Copy(out.Activation.Backward(n.Loss.Gradient(out.A, Y), out.Z))
	}

	for l := L; l >= 0; l-- {
		layer := n.Layers[l]
		if l < L {
			backwardActivationInto(buf.dZ[l], buf.dA[l], layer.Z, layer.Activation)
		}
		linearBackwardInto(layer, buf.dZ[l])
		if l > 0 {
			buf.dA[l-1].Mul(layer.W.T(), buf.dZ[l])
		}
	}
}

// backwardActivationInto computes dZ = dA ⊙ g'(Z) into dZ.
func backwardActivationInto(dZ, dA, Z *mat.Dense, g Activation) {
	if g.Derivative == nil {
		dZ.Copy(g.Backward(dA, Z))
		return
	}
	dst, da := rawData(dZ), rawData(dA)
	for i, z := range rawData(Z) {
		dst[i] = da[i] * g.Derivative(z)
	}
}

// linearBackwardInto computes the layer's dW = (1/m) dZ·A_prevᵀ and
// db = (1/m) Σ dZ into layer.DW and layer.DB.
func linearBackwardInto(layer *Layer, dZ *mat.Dense) {
	n, m := dZ.Dims()
	scale := 1 / float64(m)

	layer.DW.Mul(dZ, layer.APrev.T())
	layer.DW.Scale(scale, layer.DW)
	for i := range n {
		layer.DB.Set(i, 0, scale*sum(dZ.RawRowView(i)))
	}
}
