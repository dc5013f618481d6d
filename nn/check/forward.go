package check

import (
	"fmt"
	"math"
	"os"

	"gonum.org/v1/gonum/mat"
)

// Linear checks the linear step of a layer, f(W, A, b) = Z,
//
//	Z = W·A + b
//
// with W n[l]×n[l-1], A n[l-1]×m, b n[l]×1 added to each column, and Z
// n[l]×m. It prints the verdict and reports whether it passed.
func Linear(f func(W, A, b *mat.Dense) *mat.Dense) bool { return linearCheck(f).run(os.Stdout) }

func linearCheck(f func(W, A, b *mat.Dense) *mat.Dense) *matrixCheck {
	c := &matrixCheck{
		name: "linear", what: "your linear step", equation: "Z = W·A + b", result: "Z",
		call: func(in []*mat.Dense) *mat.Dense { return f(in[0], in[1], in[2]) },
		mistakes: []mistake{
			{"b is missing: add b to every column of W·A (b is n[l]×1, one bias per unit).",
				func(in []*mat.Dense) *mat.Dense { return product(in[0], in[1]) }},
			{"b is subtracted: Z = W·A + b.",
				func(in []*mat.Dense) *mat.Dense { return addColumn(product(in[0], in[1]), in[2], -1) }},
			{"b was added to the first column only: add it to each of the m columns (samples).",
				func(in []*mat.Dense) *mat.Dense {
					Z := product(in[0], in[1])
					for i := range Z.RawMatrix().Rows {
						Z.Set(i, 0, Z.At(i, 0)+in[2].At(i, 0))
					}
					return Z
				}},
		},
		hint: "Z = W·A + b: multiply W (n[l]×n[l-1]) by A (n[l-1]×m) with Mul, " +
			"then add b to each of the m columns.",
		shapeHint: "Z has one row per unit and one column per sample: n[l]×m, W's rows by A's columns.",
	}
	for _, r := range linearRefs {
		c.cases = append(c.cases, matrixCase{[]input{{"W", r.W}, {"A", r.A}, {"b", r.b}}, r.Z})
	}
	return c
}

// addColumn returns Z with s·b added to each column, or nil for a nil Z.
func addColumn(Z, b *mat.Dense, s float64) *mat.Dense {
	if Z == nil {
		return nil
	}
	r, c := Z.Dims()
	for i := range r {
		for j := range c {
			Z.Set(i, j, Z.At(i, j)+s*b.At(i, 0))
		}
	}
	return Z
}

// Sigmoid checks the logistic activation, f(Z) = A,
//
//	A = σ(Z),   σ(z) = 1 / (1 + e^(-z))
//
// element by element, including inputs as large as ±800, where e^z
// overflows. It prints the verdict and reports whether it passed.
func Sigmoid(f func(Z *mat.Dense) *mat.Dense) bool { return sigmoidCheck(f).run(os.Stdout) }

func sigmoidCheck(f func(Z *mat.Dense) *mat.Dense) *matrixCheck {
	c := &matrixCheck{
		name: "sigmoid", what: "your sigmoid", equation: "A = σ(Z)", result: "A",
		call: func(in []*mat.Dense) *mat.Dense { return f(in[0]) },
		mistakes: []mistake{
			{"the sign of the exponent: σ(z) = 1/(1 + e^(-z)), so σ(3) ≈ 0.95 and σ(-3) ≈ 0.05.",
				func(in []*mat.Dense) *mat.Dense {
					return apply(in[0], func(z float64) float64 { return sigma(-z) })
				}},
			{"that is tanh(z); the sigmoid is σ(z) = 1/(1 + e^(-z)), between 0 and 1.",
				func(in []*mat.Dense) *mat.Dense { return apply(in[0], math.Tanh) }},
			{"that is e^(-z); σ(z) = 1/(1 + e^(-z)).",
				func(in []*mat.Dense) *mat.Dense {
					return apply(in[0], func(z float64) float64 { return math.Exp(-z) })
				}},
		},
		hint: "σ(z) = 1/(1 + e^(-z)) for each element (math.Exp); σ(0) = 0.5.",
		nanHint: "NaN or Inf for large |z|: e^z overflows to +Inf when z is large, and Inf/Inf is NaN. " +
			"Use 1/(1 + e^(-z)), which is 0 or 1 at the extremes, or e^z/(1 + e^z) only for z < 0.",
		shapeHint: "A = σ(Z) has Z's shape.",
	}
	for _, r := range sigmoidRefs {
		c.cases = append(c.cases, matrixCase{[]input{{"Z", r.Z}}, r.A})
	}
	return c
}

// ReLU checks the rectified linear unit, f(Z) = A,
//
//	A = max(0, Z)
//
// element by element. It prints the verdict and reports whether it passed.
func ReLU(f func(Z *mat.Dense) *mat.Dense) bool { return reluCheck(f).run(os.Stdout) }

func reluCheck(f func(Z *mat.Dense) *mat.Dense) *matrixCheck {
	c := &matrixCheck{
		name: "relu", what: "your ReLU", equation: "A = max(0, Z)", result: "A",
		call: func(in []*mat.Dense) *mat.Dense { return f(in[0]) },
		mistakes: []mistake{
			{"that is min(0, z): ReLU keeps the positive values and zeroes the negative ones, max(0, z).",
				func(in []*mat.Dense) *mat.Dense {
					return apply(in[0], func(z float64) float64 { return math.Min(0, z) })
				}},
			{"that is ReLU'(z), 1 where z > 0: ReLU itself is max(0, z).",
				func(in []*mat.Dense) *mat.Dense { return apply(in[0], step) }},
			{"that is |z|: ReLU gives 0 for negative z, max(0, z).",
				func(in []*mat.Dense) *mat.Dense { return apply(in[0], math.Abs) }},
		},
		hint:      "A = max(0, z) for each element: z when z > 0, else 0.",
		shapeHint: "A = max(0, Z) has Z's shape.",
	}
	for _, r := range reluRefs {
		c.cases = append(c.cases, matrixCase{[]input{{"Z", r.Z}}, r.A})
	}
	return c
}

// step is ReLU'(z): 1 for z > 0, else 0.
func step(z float64) float64 {
	if z > 0 {
		return 1
	}
	return 0
}

// BinaryCrossEntropy checks the loss f(Ŷ, Y) = J,
//
//	J = -(1/m) Σ_i [ y_i log ŷ_i + (1 - y_i) log(1 - ŷ_i) ]
//
// for 1×m predictions Ŷ and labels Y, with each ŷ clipped to
// [1e-7, 1 - 1e-7] first (nn.Epsilon, as Keras does), so that ŷ = 0 or 1
// costs a large but finite loss. It prints the verdict and reports whether
// it passed.
func BinaryCrossEntropy(f func(Yhat, Y *mat.Dense) float64) bool {
	return judge(os.Stdout, "binary_cross_entropy", func() verdict { return binaryCrossEntropyVerdict(f) })
}

func binaryCrossEntropyVerdict(f func(Yhat, Y *mat.Dense) float64) verdict {
	const what = "your binary cross-entropy"
	for k, r := range binaryCrossEntropyRefs {
		in := []input{{"Ŷ", r.Yhat}, {"Y", r.Y}}
		used := copies(in)
		var got float64
		if t := try(func() { got = f(used[0], used[1]) }); t != nil {
			return t.verdict(what)
		}
		if name := changedInput(in, used); name != "" {
			return changedVerdict(what, name)
		}
		if closeTo(got, r.J) {
			continue
		}
		label := fmt.Sprintf("case %d of %d", k+1, len(binaryCrossEntropyRefs))
		if k > 0 {
			label += "; the case before it was right"
		}
		return fail(fmt.Sprintf("wrong loss in %s", label), bceHint(k, r.Yhat, r.Y, got),
			show("input", "Ŷ", r.Yhat), show("input", "Y", r.Y),
			fmt.Sprintf("expected J = %.10g", r.J), fmt.Sprintf("got      J = %.10g", got))
	}
	return pass(fmt.Sprintf("J = -(1/m) Σ [y log ŷ + (1-y) log(1-ŷ)] is right on all %d cases "+
		"(%s), including ŷ = 0 and 1.", len(binaryCrossEntropyRefs), toleranceText))
}

// bceHint recognises the usual mistakes in the binary cross-entropy of case k.
func bceHint(k int, Yhat, Y *mat.Dense, got float64) string {
	_, m := Yhat.Dims()
	sum := func(term func(y, p float64) float64, clip bool) float64 {
		total := 0.0
		for j := range m {
			p, y := Yhat.At(0, j), Y.At(0, j)
			if clip {
				p = math.Min(math.Max(p, 1e-7), 1-1e-7)
			}
			total += term(y, p)
		}
		return total
	}
	full := func(y, p float64) float64 { return y*math.Log(p) + (1-y)*math.Log(1-p) }
	right := -sum(full, true) / float64(m)
	swapped := 0.0
	for j := range m {
		p, y := math.Min(math.Max(Y.At(0, j), 1e-7), 1-1e-7), Yhat.At(0, j)
		swapped += y*math.Log(p) + (1-y)*math.Log(1-p)
	}

	switch {
	case closeTo(got, -right):
		return "the minus sign is missing: J = -(1/m) Σ …, and a loss is never negative."
	case closeTo(got, right*float64(m)):
		return "divide by m, the number of samples (Ŷ's columns): J is the mean over the batch."
	case closeTo(got, right/math.Ln10), closeTo(got, right/math.Ln2):
		return "use the natural logarithm, math.Log."
	case closeTo(got, -sum(func(y, p float64) float64 { return y * math.Log(p) }, true)/float64(m)):
		return "the (1 - y) log(1 - ŷ) term is missing: the samples with y = 0 count too."
	case closeTo(got, -swapped/float64(m)):
		return "Ŷ and Y are swapped: the logarithms take the predictions ŷ, and the labels y weigh them."
	case (math.IsInf(got, 0) || math.IsNaN(got)) && k == 0:
		return "log(0) = -Inf, though no ŷ is 0 or 1 here: do the logarithms take ŷ rather than y?"
	case math.IsInf(got, 0) || math.IsNaN(got):
		return "ŷ = 0 or 1 makes log(0) = -Inf: clip each ŷ to [1e-7, 1 - 1e-7] (nn.Epsilon, as " +
			"Keras does) before taking the logarithms."
	case k > 0:
		return "the right loss for ŷ strictly between 0 and 1, but not at ŷ = 0 or 1: clip each ŷ " +
			"to [1e-7, 1 - 1e-7] (nn.Epsilon, as Keras does), no more and no less."
	}
	return "J = -(1/m) Σ_i [y_i log ŷ_i + (1 - y_i) log(1 - ŷ_i)], summed over the samples " +
		"and divided by m, the number of columns."
}
