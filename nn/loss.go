package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Epsilon is how far predictions are kept from 0 and 1 before a logarithm, as
// Keras does (its backend epsilon, 1e-7): log(0) would make the loss infinite.
const Epsilon = 1e-7

// Loss is a cost function J(Ŷ, Y), the mean over the m samples of a
// per-sample loss, with the derivative of that per-sample loss.
type Loss struct {
	// Name is "binary_crossentropy" or "categorical_crossentropy", as in Keras.
	Name string

	// Value computes J from the prediction Ŷ and the labels Y, both n×m.
	Value func(Yhat, Y *mat.Dense) float64

	// Gradient computes dA[L], the derivative of each sample's loss with
	// respect to its prediction, n×m. It is per sample: the 1/m of the mean
	// is applied in dW and db (see LinearBackward).
	Gradient func(Yhat, Y *mat.Dense) *mat.Dense
}

// The two losses of the course.
var (
	BinaryCrossEntropyLoss = Loss{
		"binary_crossentropy", BinaryCrossEntropy, BinaryCrossEntropyGradient}
	CategoricalCrossEntropyLoss = Loss{
		"categorical_crossentropy", CategoricalCrossEntropy, CategoricalCrossEntropyGradient}
)

// LossNamed returns the loss with the given name.
func LossNamed(name string) (Loss, error) {
	switch name {
	case BinaryCrossEntropyLoss.Name:
		return BinaryCrossEntropyLoss, nil
	case CategoricalCrossEntropyLoss.Name:
		return CategoricalCrossEntropyLoss, nil
	}
	return Loss{}, fmt.Errorf("nn: unknown loss %q (want %q or %q)",
		name, BinaryCrossEntropyLoss.Name, CategoricalCrossEntropyLoss.Name)
}

// clip keeps a prediction inside [Epsilon, 1 - Epsilon].
func clip(p float64) float64 {
	return math.Min(math.Max(p, Epsilon), 1-Epsilon)
}

// BinaryCrossEntropy computes the loss of predictions Ŷ of the probability
// of class 1 against labels Y of 0 or 1,
//
//	J = -(1/m) Σ_i [ y_i log ŷ_i + (1 - y_i) log(1 - ŷ_i) ]
//
// summed over every element of the n×m matrices (n is usually 1) and divided
// by the m columns. Each ŷ is first clipped to [1e-7, 1 - 1e-7], as Keras
// does, so a confident wrong answer costs about 16.1 rather than +Inf. With
// n > 1 outputs the losses of the n rows are added up, where Keras takes
// their mean: J is then n times Keras' value.
// Special case: a NaN in Ŷ gives NaN.
func BinaryCrossEntropy(Yhat, Y *mat.Dense) float64 {
	mustSameShape("BinaryCrossEntropy", "J = -(1/m) Σ [y log ŷ + (1-y) log(1-ŷ)]",
		"Ŷ", Yhat, "Y", Y)
	mustNotEmpty("BinaryCrossEntropy", "Ŷ", Yhat)

	_, m := Yhat.Dims()
	y := rawData(Y)
	var total float64
	for i, p := range rawData(Yhat) {
		p = clip(p)
		total += y[i]*math.Log(p) + (1-y[i])*math.Log(1-p)
	}
	return -total / float64(m)
}

// BinaryCrossEntropyGradient computes dA[L], the derivative of each sample's
// binary cross-entropy with respect to its prediction ŷ:
//
//	dA = -(y/ŷ - (1 - y)/(1 - ŷ))
//
// with ŷ clipped as in BinaryCrossEntropy. Ŷ and Y are n×m, and so is dA.
// Where the clip is active the clipped loss is flat and its derivative 0;
// this gradient keeps the large value at the clip instead, which pushes a
// confident wrong prediction back rather than leaving it stuck.
func BinaryCrossEntropyGradient(Yhat, Y *mat.Dense) *mat.Dense {
	mustSameShape("BinaryCrossEntropyGradient", "dA = -(y/ŷ - (1-y)/(1-ŷ))",
		"Ŷ", Yhat, "Y", Y)
	r, c := Yhat.Dims()
	dA := mat.NewDense(r, c, nil)
	out := dA.RawMatrix().Data
	y := rawData(Y)
	for i, p := range rawData(Yhat) {
		p = clip(p)
		out[i] = -(y[i]/p - (1-y[i])/(1-p))
	}
	return dA
}

// CategoricalCrossEntropy computes the loss of predicted class probabilities
// Ŷ (each column sums to 1) against one-hot labels Y, both k×m,
//
//	J = -(1/m) Σ_i Σ_k y_ki log ŷ_ki
//
// Each ŷ is clipped to [1e-7, 1 - 1e-7] first, as Keras does.
func CategoricalCrossEntropy(Yhat, Y *mat.Dense) float64 {
	mustSameShape("CategoricalCrossEntropy", "J = -(1/m) Σ Σ y log ŷ", "Ŷ", Yhat, "Y", Y)
	mustNotEmpty("CategoricalCrossEntropy", "Ŷ", Yhat)

	_, m := Yhat.Dims()
	y := rawData(Y)
	var total float64
	for i, p := range rawData(Yhat) {
		if y[i] != 0 {
			total += y[i] * math.Log(clip(p))
		}
	}
	return -total / float64(m)
}

// CategoricalCrossEntropyGradient computes dA[L] = -Y ⊘ Ŷ (element-wise
// division), the derivative of each sample's categorical cross-entropy with
// respect to Ŷ, with Ŷ clipped as in CategoricalCrossEntropy.
func CategoricalCrossEntropyGradient(Yhat, Y *mat.Dense) *mat.Dense {
	mustSameShape("CategoricalCrossEntropyGradient", "dA = -Y ⊘ Ŷ", "Ŷ", Yhat, "Y", Y)
	r, c := Yhat.Dims()
	dA := mat.NewDense(r, c, nil)
	out := dA.RawMatrix().Data
	y := rawData(Y)
	for i, p := range rawData(Yhat) {
		out[i] = -y[i] / clip(p)
	}
	return dA
}

// SoftmaxCrossEntropyBackward computes dZ[L] for a softmax output layer
// trained with categorical cross-entropy, in one step:
//
//	dZ[L] = Ŷ - Y
//
// Ŷ and Y are k×m. Why: for one sample, ℓ = -Σ_k y_k log ŷ_k with
// ŷ = softmax(z), and ∂ŷ_k/∂z_j = ŷ_k (δ_kj - ŷ_j). So
//
//	∂ℓ/∂z_j = -Σ_k (y_k/ŷ_k) ŷ_k (δ_kj - ŷ_j) = -y_j + ŷ_j Σ_k y_k = ŷ_j - y_j
//
// since the one-hot y sums to 1. The same dZ = Ŷ - Y holds for a sigmoid
// output with binary cross-entropy. It is the exact derivative of the
// unclipped loss and never divides by ŷ, so it stays finite where -Y ⊘ Ŷ
// would not; where the clip of the loss is active (ŷ below 1e-7) it differs
// from the derivative of the clipped loss, as BinaryCrossEntropyGradient does.
func SoftmaxCrossEntropyBackward(Yhat, Y *mat.Dense) *mat.Dense {
	mustSameShape("SoftmaxCrossEntropyBackward", "dZ = Ŷ - Y", "Ŷ", Yhat, "Y", Y)
	r, c := Yhat.Dims()
	dZ := mat.NewDense(r, c, nil)
	dZ.Sub(Yhat, Y)
	return dZ
}
