package nn

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Activation is a layer's non-linearity g, applied to Z to give A = g(Z), with
// its backward step dZ = dA ⊙ g'(Z).
type Activation struct {
	// Name is the name a model file and Dense use: "sigmoid", "tanh", "relu",
	// "leaky_relu", "softmax" or "identity".
	Name string

	// Forward computes A = g(Z) for an n×m matrix Z.
	Forward func(Z *mat.Dense) *mat.Dense

	// Backward computes dZ = dA ⊙ g'(Z), the derivative of the per-sample
	// loss with respect to Z, from dA and Z, both n×m.
	Backward func(dA, Z *mat.Dense) *mat.Dense

	// G and Derivative are g(z) and g'(z) for one number, for plotting. They
	// are nil for softmax, whose output depends on a whole column.
	G, Derivative func(z float64) float64
}

// LeakySlope is the slope of LeakyReLU for negative z, as in PyTorch.
const LeakySlope = 0.01

// activations lists the activations a model can name.
var activations = []Activation{
	{"sigmoid", Sigmoid, SigmoidBackward, sigmoid, sigmoidDerivative},
	{"tanh", Tanh, TanhBackward, math.Tanh, tanhDerivative},
	{"relu", ReLU, ReLUBackward, relu, reluDerivative},
	{"leaky_relu", LeakyReLU, LeakyReLUBackward, leakyReLU, leakyReLUDerivative},
	{"softmax", Softmax, SoftmaxBackward, nil, nil},
	{"identity", Identity, IdentityBackward, identity, one},
}

// ActivationNamed returns the activation with the given name, or an error
// that lists the names there are.
func ActivationNamed(name string) (Activation, error) {
	i := slices.IndexFunc(activations, func(a Activation) bool { return a.Name == name })
	if i < 0 {
		return Activation{}, fmt.Errorf("nn: unknown activation %q (want one of %s)",
			name, ActivationNames())
	}
	return activations[i], nil
}

// ActivationNames returns the names ActivationNamed knows, in a fixed order.
func ActivationNames() []string {
	names := make([]string, len(activations))
	for i, a := range activations {
		names[i] = a.Name
	}
	return names
}

// Sigmoid computes A = σ(Z) element by element,
//
//	σ(z) = 1 / (1 + e^(-z))
//
// Z is n×m, and so is A. Special cases: σ(+Inf) = 1, σ(-Inf) = 0,
// σ(NaN) = NaN. For negative z it computes e^z / (1 + e^z), which equals the
// formula but never forms e^(-z): in float64 that overflows to +Inf for
// z < -709 (the formula still gives 0 then, but an overflow is worth
// avoiding where a reader ports the code to float32 or numpy, which warns).
func Sigmoid(Z *mat.Dense) *mat.Dense { return apply(Z, sigmoid) }

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func sigmoidDerivative(z float64) float64 {
	s := sigmoid(z)
	return s * (1 - s)
}

// SigmoidBackward computes dZ = dA ⊙ σ'(Z), where σ'(z) = σ(z)(1 - σ(z)).
// dA and Z are n×m.
func SigmoidBackward(dA, Z *mat.Dense) *mat.Dense {
	return backward("SigmoidBackward", "dZ = dA ⊙ σ'(Z)", dA, Z, sigmoidDerivative)
}

// backward computes dZ = dA ⊙ g'(Z) for an element-wise g.
func backward(fn, eq string, dA, Z *mat.Dense, derivative func(float64) float64) *mat.Dense {
	mustSameShape(fn, eq, "dA", dA, "Z", Z)
	dZ := apply(Z, derivative)
	dZ.MulElem(dZ, dA)
	return dZ
}

// Tanh computes A = tanh(Z) element by element,
//
//	tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))
//
// Z is n×m, and so is A. Special cases: tanh(±Inf) = ±1, tanh(NaN) = NaN.
func Tanh(Z *mat.Dense) *mat.Dense { return apply(Z, math.Tanh) }

func tanhDerivative(z float64) float64 {
	t := math.Tanh(z)
	return 1 - t*t
}

// TanhBackward computes dZ = dA ⊙ (1 - tanh²(Z)). dA and Z are n×m.
func TanhBackward(dA, Z *mat.Dense) *mat.Dense {
	return backward("TanhBackward", "dZ = dA ⊙ (1 - tanh²(Z))", dA, Z, tanhDerivative)
}

// ReLU computes A = max(0, Z) element by element. Z is n×m, and so is A.
// ReLU(NaN) = NaN.
func ReLU(Z *mat.Dense) *mat.Dense { return apply(Z, relu) }

func relu(z float64) float64 {
	if z > 0 {
		return z
	}
	if z != z { // NaN stays NaN, so a broken input is not hidden
		return z
	}
	return 0
}

// reluDerivative is 1 for z > 0 and 0 otherwise. At z = 0, where ReLU has no
// derivative, it takes 0, as Keras and PyTorch do. A NaN stays NaN, so that
// backward propagation does not hide it.
func reluDerivative(z float64) float64 {
	switch {
	case z > 0:
		return 1
	case z != z:
		return z
	}
	return 0
}

// ReLUBackward computes dZ = dA ⊙ ReLU'(Z), where ReLU'(z) is 1 for z > 0 and
// 0 otherwise (0 at z = 0, as in Keras and PyTorch). dA and Z are n×m.
func ReLUBackward(dA, Z *mat.Dense) *mat.Dense {
	return backward("ReLUBackward", "dZ = dA ⊙ ReLU'(Z)", dA, Z, reluDerivative)
}

// LeakyReLU computes A = max(αZ, Z) element by element, with α = LeakySlope,
// so negative inputs keep a small gradient. Z is n×m, and so is A.
func LeakyReLU(Z *mat.Dense) *mat.Dense { return apply(Z, leakyReLU) }

func leakyReLU(z float64) float64 {
	if z > 0 {
		return z
	}
	return LeakySlope * z
}

func leakyReLUDerivative(z float64) float64 {
	if z > 0 {
		return 1
	}
	return LeakySlope
}

// LeakyReLUBackward computes dZ = dA ⊙ g'(Z), where g'(z) is 1 for z > 0 and
// α = LeakySlope otherwise. dA and Z are n×m.
func LeakyReLUBackward(dA, Z *mat.Dense) *mat.Dense {
	return backward("LeakyReLUBackward", "dZ = dA ⊙ LeakyReLU'(Z)", dA, Z, leakyReLUDerivative)
}

// Identity returns a copy of Z: A = Z, the activation of a layer without one.
func Identity(Z *mat.Dense) *mat.Dense { return mat.DenseCopyOf(Z) }

func identity(z float64) float64 { return z }
func one(float64) float64        { return 1 }

// IdentityBackward returns a copy of dA: dZ = dA, since g'(z) = 1.
func IdentityBackward(dA, Z *mat.Dense) *mat.Dense {
	mustSameShape("IdentityBackward", "dZ = dA", "dA", dA, "Z", Z)
	return mat.DenseCopyOf(dA)
}

// Softmax computes, for each column z of Z (one sample), the probabilities
//
//	softmax(z)_k = e^(z_k) / Σ_j e^(z_j)
//
// Each column of the result is positive and sums to 1. The column's largest
// value is subtracted before exponentiating, which changes nothing in exact
// arithmetic but keeps e^z finite: logits of ±1e4 give 1 and 0, not NaN. A
// column holding +Inf or NaN gives NaN.
func Softmax(Z *mat.Dense) *mat.Dense {
	mustNotEmpty("Softmax", "Z", Z)
	r, c := Z.Dims()
	A := mat.NewDense(r, c, nil)
	column := make([]float64, r)
	for j := range c {
		mat.Col(column, j, Z)
		softmaxColumn(column)
		A.SetCol(j, column)
	}
	return A
}

// softmaxColumn replaces z with softmax(z).
func softmaxColumn(z []float64) {
	largest := slices.Max(z)
	var total float64
	for k, v := range z {
		z[k] = math.Exp(v - largest)
		total += z[k]
	}
	for k := range z {
		z[k] /= total
	}
}

// SoftmaxBackward computes dZ from dA for a softmax layer. Softmax mixes a
// column's entries, so its derivative is a matrix per sample, and
//
//	dZ_k = s_k (dA_k - Σ_j s_j dA_j)     with s = softmax(z), per column
//
// dA and Z are n×m. With categorical cross-entropy, this reduces to
// dZ = Ŷ - Y; see SoftmaxCrossEntropyBackward.
func SoftmaxBackward(dA, Z *mat.Dense) *mat.Dense {
	mustSameShape("SoftmaxBackward", "dZ = s ⊙ (dA - sᵀdA)", "dA", dA, "Z", Z)
	S := Softmax(Z)
	r, c := Z.Dims()
	dZ := mat.NewDense(r, c, nil)
	for j := range c {
		var dot float64
		for k := range r {
			dot += S.At(k, j) * dA.At(k, j)
		}
		for k := range r {
			dZ.Set(k, j, S.At(k, j)*(dA.At(k, j)-dot))
		}
	}
	return dZ
}
