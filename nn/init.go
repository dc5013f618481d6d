package nn

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// An Initializer makes the starting weights W of a layer, nOut×nIn, drawing
// from rng so that a seed reproduces them. Biases start at zero.
type Initializer func(rng *rand.Rand, nOut, nIn int) *mat.Dense

// NewRand returns the seeded random source the package uses: the same seed
// gives the same weights and the same shuffles on every machine.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x5eed))
}

// Glorot draws each weight uniformly from [-limit, limit] with
//
//	limit = √(6 / (n_in + n_out))
//
// which keeps the variance of activations and gradients about the same from
// layer to layer (Glorot and Bengio, 2010). It is Keras' default for Dense
// layers ("glorot_uniform") and the MNIST model's.
func Glorot(rng *rand.Rand, nOut, nIn int) *mat.Dense {
	limit := math.Sqrt(6 / float64(nIn+nOut))
	return fill(nOut, nIn, func() float64 { return (2*rng.Float64() - 1) * limit })
}

// He draws each weight from a normal distribution with mean 0 and standard
// deviation √(2 / n_in), suited to ReLU layers, which zero half their inputs
// (He et al., 2015).
func He(rng *rand.Rand, nOut, nIn int) *mat.Dense {
	sd := math.Sqrt(2 / float64(nIn))
	return fill(nOut, nIn, func() float64 { return rng.NormFloat64() * sd })
}

// SmallRandom draws each weight from a normal distribution with standard
// deviation 0.01: the simplest start that breaks the symmetry between units,
// and in deep networks one that makes the signal fade layer after layer.
func SmallRandom(rng *rand.Rand, nOut, nIn int) *mat.Dense {
	return fill(nOut, nIn, func() float64 { return rng.NormFloat64() * 0.01 })
}

// fill returns an r×c matrix of values drawn from draw, row by row.
func fill(r, c int, draw func() float64) *mat.Dense {
	W := mat.NewDense(r, c, nil)
	data := W.RawMatrix().Data
	for i := range data {
		data[i] = draw()
	}
	return W
}

// InitializerNamed returns the initializer called "glorot", "he" or "small".
func InitializerNamed(name string) (Initializer, error) {
	switch name {
	case "glorot", "":
		return Glorot, nil
	case "he":
		return He, nil
	case "small":
		return SmallRandom, nil
	}
	return nil, fmt.Errorf("nn: unknown initializer %q (want \"glorot\", \"he\" or \"small\")", name)
}
