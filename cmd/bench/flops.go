package main

import (
	"github.com/deeplearning-go/course/nn"
)

// seedModel builds the seed model, 784-512-512-10 relu relu softmax, with
// the weights cmd/mnist starts from.
func seedModel() *nn.Network {
	model, err := nn.NewNetwork(1, 784,
		nn.Dense(512, "relu"), nn.Dense(512, "relu"), nn.Dense(10, "softmax"))
	if err != nil {
		panic(err) // the specs are fixed: this cannot happen
	}
	return model
}

// batchSizes returns the sizes of the mini-batches of one epoch over
// samples images: as many full batches as fit, then what is left.
func batchSizes(samples, batch int) []int {
	var sizes []int
	for start := 0; start < samples; start += batch {
		sizes = append(sizes, min(batch, samples-start))
	}
	return sizes
}

// epochFlops counts the floating-point operations of the matrix products
// of one epoch of model over samples images: for each mini-batch of m
// samples and each layer, 2·n[l]·n[l-1]·m for Z = W·A, as many for
// dW = (1/m) dZ·A_prevᵀ, and as many for dA[l-1] = Wᵀ·dZ, except in the
// first layer, which needs no dA[0]. For the seed model and 60,000 images
// it is 192.6 GFLOP.
func epochFlops(model *nn.Network, samples, batch int) float64 {
	var flops float64
	for _, m := range batchSizes(samples, batch) {
		for l, layer := range model.Layers {
			products := 2.0
			if l > 0 {
				products = 3
			}
			flops += products * 2 * float64(layer.Units()*layer.Inputs()*m)
		}
	}
	return flops
}
