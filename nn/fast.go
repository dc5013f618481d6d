package nn

import (
	"reflect"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// fastPath computes what Network.Forward and Network.Backward compute, with
// the same matrix products on the same matrices, but without their needless
// work. Fit uses it unless FitOptions.Readable is set; the tests check that
// both give the same numbers. What it does differently:
//
//   - every matrix of a step lives in buffers kept from one mini-batch to
//     the next: after the first batch, a step makes no new matrix larger
//     than the output layer's;
//   - a mini-batch is gathered from the data set's columns into a buffer,
//     never by copying the data set;
//   - the bias and the activation are applied in one pass over Z, and
//     dZ = dA ⊙ g'(Z) and db in one pass over dZ, shared between the
//     processors (the readable functions make one pass per equation, on one
//     processor);
//   - the 1/m of dW = (1/m) dZ·A_prevᵀ is the scaling factor of the product
//     itself rather than another pass over dW;
//   - dA[0], which no layer needs, is not computed.
//
// The matrix products, nearly all the arithmetic, are left to gonum, which
// hands them to the BLAS implementation in use: gonum's own Go code, which
// shares each product between the processors, or OpenBLAS in a program
// built with the openblas tag (see blas_openblas.go). Predict uses the same
// one-pass functions through predict, below.
type fastPath struct {
	net     *Network
	buffers map[int]*batchBuffers // by batch size m: the last batch is smaller
	current *batchBuffers
}

// batchBuffers holds every matrix of one step for a batch of m samples.
type batchBuffers struct {
	X, Y  *mat.Dense   // the gathered mini-batch
	Z, A  []*mat.Dense // per layer, n[l]×m
	dZ    []*mat.Dense // per layer, n[l]×m
	dAOut []*mat.Dense // dAOut[l] = W[l+1]ᵀ·dZ[l+1], the dA of layer l's output, for l < L
}

func newFastPath(n *Network) *fastPath {
	return &fastPath{net: n, buffers: map[int]*batchBuffers{}}
}

// batch gathers the samples index of X and Y into the buffers for a batch
// of that size. The rows of X are shared between the processors: each
// element read from the data set is a cache miss, and two processors wait
// for twice as many at a time.
func (f *fastPath) batch(X, Y *mat.Dense, index []int) (Xb, Yb *mat.Dense) {
	m := len(index)
	buf := f.buffers[m]
	if buf == nil {
		buf = f.newBuffers(m)
		f.buffers[m] = buf
	}
	f.current = buf

	rows, _ := X.Dims()
	parallelFor(rows, m, func(lo, hi int) {
		ColumnsInto(rowsOf(buf.X, lo, hi), rowsOf(X, lo, hi), index)
	})
	ColumnsInto(buf.Y, Y, index)
	return buf.X, buf.Y
}

// rowsOf returns the rows lo … hi-1 of A, sharing A's elements.
func rowsOf(A *mat.Dense, lo, hi int) *mat.Dense {
	_, c := A.Dims()
	return A.Slice(lo, hi, 0, c).(*mat.Dense)
}

func (f *fastPath) newBuffers(m int) *batchBuffers {
	n := f.net
	buf := &batchBuffers{
		X: mat.NewDense(n.Inputs, m, nil),
		Y: mat.NewDense(n.Outputs(), m, nil),
	}
	for l, layer := range n.Layers {
		units := layer.Units()
		buf.Z = append(buf.Z, mat.NewDense(units, m, nil))
		buf.A = append(buf.A, mat.NewDense(units, m, nil))
		buf.dZ = append(buf.dZ, mat.NewDense(units, m, nil))
		if l < len(n.Layers)-1 {
			buf.dAOut = append(buf.dAOut, mat.NewDense(units, m, nil))
		}
		if layer.DW == nil {
			layer.DW = mat.NewDense(units, layer.Inputs(), nil)
			layer.DB = mat.NewDense(units, 1, nil)
		}
	}
	return buf
}

// Forward is Network.Forward on the gathered batch X, into the buffers:
// for each layer, Z = W·A_prev, then Z += b and A = g(Z) in one pass.
func (f *fastPath) Forward(X *mat.Dense) *mat.Dense {
	buf := f.current
	A := X
	for l, layer := range f.net.Layers {
		layer.APrev = A
		Z := buf.Z[l]
		product(Z, 1, layer.W, blas.NoTrans, A, blas.NoTrans) // Z = W·A
		A = buf.A[l]
		addBiasActivate(A, Z, layer.B, layer.Activation)
		layer.Z, layer.A = Z, A
	}
	return A
}

// addBiasActivate adds the column b to every column of Z, in place, and
// computes A = g(Z): what addColumn and g.Forward compute, in one pass over
// Z when g is applied element by element.
func addBiasActivate(A, Z, b *mat.Dense, g Activation) {
	if !elementwise(g) {
		addColumn(Z, b)
		A.Copy(g.Forward(Z)) // softmax, whose columns are short, or a learner's own g
		return
	}
	bias := rawData(b)
	r, c := Z.Dims()
	parallelFor(r, c, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			z, a, bi := Z.RawRowView(i), A.RawRowView(i), bias[i]
			switch g.Name {
			case "relu": // the seed model's: a direct call, which the compiler inlines
				for j := range z {
					z[j] += bi
					a[j] = relu(z[j])
				}
			default:
				for j := range z {
					z[j] += bi
					a[j] = g.G(z[j])
				}
			}
		}
	})
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
	biasGradient(out.DB, buf.dZ[L])

	for l := L; l >= 0; l-- {
		layer := n.Layers[l]
		dZ := buf.dZ[l]
		if l < L {
			activationBackward(dZ, layer.DB, buf.dAOut[l], layer.Z, layer.Activation)
		}
		_, m := dZ.Dims()
		product(layer.DW, 1/float64(m), dZ, blas.NoTrans, layer.APrev, blas.Trans) // dW = (1/m) dZ·A_prevᵀ
		if l > 0 {
			product(buf.dAOut[l-1], 1, layer.W, blas.Trans, dZ, blas.NoTrans) // dA[l-1] = Wᵀ·dZ
		}
	}
}

// product computes C = α op(A)·op(B), where op(A) is A, or Aᵀ when tA is
// blas.Trans, and op(B) likewise. The rows of C are shared between the
// processors: each computes its rows of C from the same rows of op(A), with
// one call to the BLAS. With gonum's products, each element is the same sum
// as in C.Mul(A, B), added up in the same order. (Sharing the rows here
// rather than leaving it to the BLAS is faster for both of them: see
// blas_openblas.go.)
//
// α is how dW = (1/m) dZ·A_prevᵀ gets its 1/m: as the product's own factor
// rather than a pass over dW afterwards (LinearBackward's Scale). The
// numbers are the same within a rounding.
func product(C *mat.Dense, alpha float64, A *mat.Dense, tA blas.Transpose, B *mat.Dense, tB blas.Transpose) {
	rows, cols := C.Dims()
	ar, ac := A.Dims()
	inner := ac // the length of each sum
	if tA == blas.Trans {
		inner = ar
	}
	parallelFor(rows, cols*inner, func(lo, hi int) {
		var a *mat.Dense // rows lo … hi-1 of op(A)
		if tA == blas.Trans {
			a = A.Slice(0, ar, lo, hi).(*mat.Dense) // columns of A
		} else {
			a = rowsOf(A, lo, hi)
		}
		blas64.Gemm(tA, tB, alpha, a.RawMatrix(), B.RawMatrix(), 0, rowsOf(C, lo, hi).RawMatrix())
	})
}

// biasGradient computes db = (1/m) Σ over the columns of dZ into db.
func biasGradient(db, dZ *mat.Dense) {
	n, m := dZ.Dims()
	scale := 1 / float64(m)
	grad := rawData(db)
	for i := range n {
		grad[i] = scale * sum(dZ.RawRowView(i))
	}
}

// activationBackward computes dZ = dA ⊙ g'(Z) into dZ, and db from it, in
// one pass over each row when g is applied element by element.
func activationBackward(dZ, db, dA, Z *mat.Dense, g Activation) {
	if !elementwise(g) {
		dZ.Copy(g.Backward(dA, Z))
		biasGradient(db, dZ)
		return
	}
	r, m := Z.Dims()
	scale := 1 / float64(m)
	grad := rawData(db)
	parallelFor(r, m, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			dz, da, z := dZ.RawRowView(i), dA.RawRowView(i), Z.RawRowView(i)
			var total float64
			switch g.Name {
			case "relu":
				for j := range dz {
					dz[j] = reluDerivative(z[j]) * da[j]
					total += dz[j]
				}
			default:
				for j := range dz {
					dz[j] = g.Derivative(z[j]) * da[j]
					total += dz[j]
				}
			}
			grad[i] = scale * total
		}
	})
}

// elementwise reports whether the fast path may apply g element by element
// with g.G and g.Derivative: true for the activations of ActivationNamed
// other than softmax, as long as none of their functions has been replaced.
// A learner who writes a Backward of their own, to check it, gets that
// Backward called.
func elementwise(g Activation) bool {
	if g.G == nil || g.Derivative == nil {
		return false
	}
	known, err := ActivationNamed(g.Name)
	return err == nil &&
		sameFunc(g.Forward, known.Forward) && sameFunc(g.Backward, known.Backward) &&
		sameFunc(g.G, known.G) && sameFunc(g.Derivative, known.Derivative)
}

// sameFunc reports whether f and g are the same function.
func sameFunc(f, g any) bool {
	return reflect.ValueOf(f).Pointer() == reflect.ValueOf(g).Pointer()
}

// predict is Network.Predict: Ŷ = A[L] for X, n[0]×m, computed predictBatch
// samples at a time as Network.Forward computes it, layer after layer,
// through one set of matrices made for the first batch and reused by the
// others. It keeps nothing for Backward. The readable functions would make
// new matrices for every batch, over 200 MB of them for MNIST's 10,000 test
// images, and Go's collector lets the heap grow to twice the data sets
// before it frees them.
func predict(n *Network, X *mat.Dense) *mat.Dense {
	_, m := X.Dims()
	Yhat := mat.NewDense(n.Outputs(), m, nil)
	width := min(predictBatch, m)
	var Z, A []*mat.Dense
	for _, layer := range n.Layers {
		Z = append(Z, mat.NewDense(layer.Units(), width, nil))
		A = append(A, mat.NewDense(layer.Units(), width, nil))
	}

	for start := 0; start < m; start += predictBatch {
		end := min(start+predictBatch, m)
		in := X.Slice(0, n.Inputs, start, end).(*mat.Dense) // a view: no copy
		for l, layer := range n.Layers {
			z := Z[l].Slice(0, layer.Units(), 0, end-start).(*mat.Dense)
			a := A[l].Slice(0, layer.Units(), 0, end-start).(*mat.Dense)
			product(z, 1, layer.W, blas.NoTrans, in, blas.NoTrans)
			addBiasActivate(a, z, layer.B, layer.Activation)
			in = a
		}
		Yhat.Slice(0, n.Outputs(), start, end).(*mat.Dense).Copy(in)
	}
	return Yhat
}
