package nn

import (
	"sync"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/mat"
)

// The seed model of the course: 784-512-512-10, relu, relu, softmax,
// categorical cross-entropy, Adam, batches of 128, on a data set the size of
// MNIST's training set.
const (
	seedSamples = 60000
	seedBatch   = 128
)

func seedNetwork(b *testing.B) *Network {
	b.Helper()
	n, err := NewNetwork(1, 784, Dense(512, "relu"), Dense(512, "relu"), Dense(10, "softmax"))
	if err != nil {
		b.Fatal(err)
	}
	return n
}

var (
	seedDataOnce sync.Once
	seedX, seedY *mat.Dense
)

// seedData returns a synthetic data set shaped like MNIST's training set,
// 784×60000 with one-hot 10×60000 labels, and like it mostly zeros (about
// 81% of MNIST's pixels are 0): what the products and the gathering of
// mini-batches cost does not depend on the digits themselves. It is made
// once and shared, since it takes 376 MB.
func seedData() (X, Y *mat.Dense) {
	seedDataOnce.Do(func() {
		rng := NewRand(2)
		seedX = mat.NewDense(784, seedSamples, nil)
		x := seedX.RawMatrix().Data
		for i := range x {
			if rng.IntN(100) < 19 {
				x[i] = rng.Float64()
			}
		}
		seedY = mat.NewDense(10, seedSamples, nil)
		for j := range seedSamples {
			seedY.Set(rng.IntN(10), j, 1)
		}
	})
	return seedX, seedY
}

// stepFlops counts the floating-point operations of the products of one
// training step on a batch of m samples: for each layer, 2·n[l]·n[l-1]·m
// for Z = W·A and as many for dW = dZ·A_prevᵀ, and as many again for
// dA[l-1] = Wᵀ·dZ except in the first layer, which needs no dA[0].
func stepFlops(n *Network, m int) float64 {
	var flops float64
	for l, layer := range n.Layers {
		mac := float64(layer.Units() * layer.Inputs() * m)
		flops += 4 * mac
		if l > 0 {
			flops += 2 * mac
		}
	}
	return flops
}

// BenchmarkTrainStep times one training step of the seed model, as Fit
// runs it: gather the mini-batch, forward, loss and accuracy, backward, Adam.
func BenchmarkTrainStep(b *testing.B) {
	for _, readable := range []bool{false, true} {
		name := "fast"
		if readable {
			name = "readable"
		}
		b.Run(name, func(b *testing.B) {
			X, Y := seedData()
			n := seedNetwork(b)
			pass := n.propagation(readable)
			batches := Batches(NewRand(3), seedSamples, seedBatch)
			b.ResetTimer()
			i := 0
			for b.Loop() {
				index := batches[i%(len(batches)-1)] // every batch but the smaller last one
				i++
				Xb, Yb := pass.batch(X, Y, index)
				Yhat := pass.Forward(Xb)
				_ = n.Loss.Value(Yhat, Yb)
				_ = Accuracy(Yhat, Yb)
				pass.Backward(Yb)
				n.Optimizer.Update(n.Params())
			}
			b.ReportMetric(stepFlops(n, seedBatch)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

// productBuffers holds, for each layer of n, the matrices of the products
// of a step on a batch of m samples, with random values: how long a product
// takes does not depend on them.
type productBuffers struct{ W, APrev, Z, dZ, dW, dAPrev *mat.Dense }

func newProductBuffers(n *Network, m int) []productBuffers {
	var layers []productBuffers
	for _, layer := range n.Layers {
		r, c := layer.W.Dims()
		layers = append(layers, productBuffers{W: layer.W, APrev: randomMatrix(c, m),
			Z: mat.NewDense(r, m, nil), dZ: randomMatrix(r, m), dW: mat.NewDense(r, c, nil),
			dAPrev: mat.NewDense(c, m, nil)})
	}
	return layers
}

// stepProducts makes the matrix products of one training step as the fast
// path makes them: Z = W·A_prev for each layer, then, from the last layer
// down, dW = (1/m) dZ·A_prevᵀ, and dA_prev = Wᵀ·dZ above the first layer.
func stepProducts(layers []productBuffers) {
	for _, s := range layers {
		product(s.Z, 1, s.W, blas.NoTrans, s.APrev, blas.NoTrans)
	}
	for l := len(layers) - 1; l >= 0; l-- {
		s := layers[l]
		_, m := s.dZ.Dims()
		product(s.dW, 1/float64(m), s.dZ, blas.NoTrans, s.APrev, blas.Trans)
		if l > 0 {
			product(s.dAPrev, 1, s.W, blas.Trans, s.dZ, blas.NoTrans)
		}
	}
}

// BenchmarkProducts times the matrix products of one training step of the
// seed model alone: the floor under BenchmarkTrainStep/fast.
func BenchmarkProducts(b *testing.B) {
	n := seedNetwork(b)
	layers := newProductBuffers(n, seedBatch)
	for b.Loop() {
		stepProducts(layers)
	}
	b.ReportMetric(stepFlops(n, seedBatch)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkEpochProducts times the matrix products of one epoch of the seed
// model over 60,000 samples, 468 batches of 128 and one of 96, alone: the
// floor under an epoch of training, which cmd/bench compares epochs with.
func BenchmarkEpochProducts(b *testing.B) {
	n := seedNetwork(b)
	last := seedSamples % seedBatch
	full, rest := newProductBuffers(n, seedBatch), newProductBuffers(n, last)
	stepProducts(full) // once before timing: first touches of the memory
	flops := float64(seedSamples/seedBatch)*stepFlops(n, seedBatch) + stepFlops(n, last)
	b.ResetTimer()
	for b.Loop() {
		for range seedSamples / seedBatch {
			stepProducts(full)
		}
		stepProducts(rest)
	}
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

func randomMatrix(r, c int) *mat.Dense {
	rng := NewRand(uint64(r*c + 1))
	M := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			M.Set(i, j, rng.NormFloat64())
		}
	}
	return M
}

// BenchmarkGather times the gathering of one mini-batch of 128 samples from
// the 784×60000 data set.
func BenchmarkGather(b *testing.B) {
	X, Y := seedData()
	n := seedNetwork(b)
	pass := n.propagation(false)
	batches := Batches(NewRand(3), seedSamples, seedBatch)
	i := 0
	for b.Loop() {
		pass.batch(X, Y, batches[i%(len(batches)-1)])
		i++
	}
}

// BenchmarkAdam times one Adam update of the seed model's 669,706 parameters.
func BenchmarkAdam(b *testing.B) {
	n := seedNetwork(b)
	for _, layer := range n.Layers {
		layer.DW = randomMatrix(layer.W.Dims())
		layer.DB = randomMatrix(layer.B.Dims())
	}
	params := n.Params()
	for b.Loop() {
		n.Optimizer.Update(params)
	}
}
