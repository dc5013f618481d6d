package nn

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The reference values in this file were computed in float64 with PyTorch
// 1.13 by testdata/reference.py, except where a comment says "by hand".

func TestLinear(t *testing.T) {
	W := matrix([]float64{0.2, -0.5, 1.0}, []float64{1.5, 0.3, -0.7})
	A := matrix([]float64{1, -1}, []float64{2, 0.5}, []float64{-3, 4})
	b := column(0.1, -0.2)

	want := matrix([]float64{-3.6999999999999997, 3.65}, []float64{4.0, -4.3500000000000005})
	checkMatrix(t, "Z", Linear(W, A, b), want, 1e-15)
}

func TestLinearShapeMismatch(t *testing.T) {
	W := mat.NewDense(2, 3, nil)
	mustPanic(t, func() { Linear(W, mat.NewDense(2, 5, nil), column(0, 0)) },
		"nn: Linear", "Z = W·A + b", "W is 2×3", "A is 2×5")
	mustPanic(t, func() { Linear(W, mat.NewDense(3, 5, nil), column(0, 0, 0)) },
		"nn: Linear", "b is 3×1", "b must be 2×1")
	mustPanic(t, func() { LinearBackward(mat.NewDense(2, 4, nil), mat.NewDense(3, 5, nil), W) },
		"nn: LinearBackward", "dZ is 2×4", "A_prev is 3×5")
	mustPanic(t, func() { ReLUBackward(mat.NewDense(2, 4, nil), mat.NewDense(2, 5, nil)) },
		"nn: ReLUBackward", "dA is 2×4", "Z is 2×5")
	mustPanic(t, func() { CategoricalCrossEntropy(mat.NewDense(10, 4, nil), mat.NewDense(4, 10, nil)) },
		"nn: CategoricalCrossEntropy", "Ŷ is 10×4", "Y is 4×10")
}

func TestLinearBackward(t *testing.T) {
	W := matrix([]float64{0.2, -0.5, 1.0}, []float64{1.5, 0.3, -0.7})
	APrev := matrix([]float64{1, -1}, []float64{2, 0.5}, []float64{-3, 4})
	dZ := matrix([]float64{0.5, -1}, []float64{2, 0.25})

	dW, db, dAPrev := LinearBackward(dZ, APrev, W)
	checkMatrix(t, "dW", dW, matrix([]float64{0.75, 0.25, -2.75},
		[]float64{0.875, 2.0625, -2.5}), 1e-15)
	checkMatrix(t, "db", db, column(-0.25, 1.125), 1e-15)
	checkMatrix(t, "dA_prev", dAPrev, matrix([]float64{3.1, 0.175}, []float64{0.35, 0.575},
		[]float64{-0.8999999999999999, -1.175}), 1e-15)
}

var points = []float64{-3, -0.5, 0, 0.5, 3}

func TestActivations(t *testing.T) {
	tests := []struct {
		name                string
		values, derivatives []float64
	}{
		{"sigmoid",
			[]float64{0.04742587317756678, 0.3775406687981454, 0.5, 0.6224593312018546, 0.9525741268224334},
			[]float64{0.04517665973091214, 0.2350037122015945, 0.25, 0.2350037122015945, 0.045176659730912}},
		{"tanh",
			[]float64{-0.9950547536867305, -0.46211715726000974, 0, 0.46211715726000974, 0.9950547536867305},
			[]float64{0.009866037165440166, 0.7864477329659274, 1, 0.7864477329659274, 0.009866037165440166}},
		{"leaky_relu",
			[]float64{-0.03, -0.005, 0, 0.5, 3},
			[]float64{0.01, 0.01, 0.01, 1, 1}},
		// By hand; PyTorch's ReLU also takes g'(0) = 0.
		{"relu", []float64{0, 0, 0, 0.5, 3}, []float64{0, 0, 0, 1, 1}},
		{"identity", points, []float64{1, 1, 1, 1, 1}},
	}
	for _, tt := range tests {
		g, err := ActivationNamed(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		Z := row(points...)
		checkMatrix(t, tt.name, g.Forward(Z), row(tt.values...), 1e-15)

		// With dA = 2, dZ = 2 g'(Z).
		dA := row(2, 2, 2, 2, 2)
		want := mat.NewDense(1, 5, nil)
		want.Scale(2, row(tt.derivatives...))
		checkMatrix(t, tt.name+" backward", g.Backward(dA, Z), want, 1e-14)

		for i, z := range points {
			if got := g.G(z); !near(got, tt.values[i], 1e-15) {
				t.Errorf("%s.G(%g) = %g, want %g", tt.name, z, got, tt.values[i])
			}
			if got := g.Derivative(z); !near(got, tt.derivatives[i], 1e-14) {
				t.Errorf("%s.Derivative(%g) = %g, want %g", tt.name, z, got, tt.derivatives[i])
			}
		}
	}
}

func TestActivationSpecialCases(t *testing.T) {
	inf := math.Inf(1)
	nan := math.NaN()
	// By hand: the limits of each function.
	Z := row(-1e4, 1e4, -inf, inf, nan)
	checkMatrix(t, "Sigmoid", Sigmoid(Z), row(0, 1, 0, 1, nan), 0)
	checkMatrix(t, "SigmoidBackward", SigmoidBackward(row(1, 1, 1, 1, 1), Z), row(0, 0, 0, 0, nan), 0)
	checkMatrix(t, "Tanh", Tanh(Z), row(-1, 1, -1, 1, nan), 0)
	checkMatrix(t, "ReLU", ReLU(Z), row(0, 1e4, 0, inf, nan), 0)

	if _, err := ActivationNamed("swish"); err == nil {
		t.Error("ActivationNamed(\"swish\") gave no error")
	}
}

func TestSoftmax(t *testing.T) {
	Z := matrix([]float64{1, -2, 1e4}, []float64{2, 0, -1e4}, []float64{3, 2, 0})
	want := matrix(
		[]float64{0.09003057317038046, 0.015876239976466765, 1},
		[]float64{0.24472847105479764, 0.11731042782619838, 0},
		[]float64{0.6652409557748218, 0.8668133321973349, 0})
	A := Softmax(Z)
	checkMatrix(t, "softmax", A, want, 1e-15)

	for j := range 3 {
		if s := mat.Sum(A.ColView(j)); !near(s, 1, 1e-15) {
			t.Errorf("column %d sums to %v", j, s)
		}
	}

	// A NaN in a column makes that column NaN, and only that one.
	B := Softmax(matrix([]float64{math.NaN(), 0}, []float64{0, 0}))
	if !math.IsNaN(B.At(1, 0)) || B.At(1, 1) != 0.5 {
		t.Errorf("softmax with NaN = %v", mat.Formatted(B))
	}
}

func TestSoftmaxBackward(t *testing.T) {
	Z := matrix([]float64{0.5, -1}, []float64{1.5, 0.2}, []float64{-0.3, 0.7})
	dA := matrix([]float64{0.3, -0.2}, []float64{-1, 0.5}, []float64{0.25, 2})
	want := matrix(
		[]float64{0.20474621324104963, -0.1497728584008191},
		[]float64{-0.2913538910599677, -0.2599684676591381},
		[]float64{0.08660767781891804, 0.40974132605995706})
	checkMatrix(t, "dZ", SoftmaxBackward(dA, Z), want, 1e-15)
}

func TestLosses(t *testing.T) {
	// 1.0 and 0.0 are clipped to 1 - 1e-7 and 1e-7, as Keras does.
	Yhat := row(0.9, 0.2, 0.6, 1.0, 0.0)
	Y := row(1, 0, 1, 1, 1)
	if got, want := BinaryCrossEntropy(Yhat, Y), 3.3914850883392704; !near(got, want, 1e-14) {
		t.Errorf("BinaryCrossEntropy = %.17g, want %.17g", got, want)
	}
	checkMatrix(t, "BinaryCrossEntropyGradient",
		BinaryCrossEntropyGradient(row(0.9, 0.2, 0.6, 0.3), row(1, 0, 1, 0)),
		row(-1.1111111111111112, 1.25, -1.6666666666666667, 1.4285714285714286), 1e-15)

	P := matrix([]float64{0.7, 0.1, 0}, []float64{0.2, 0.8, 0.3}, []float64{0.1, 0.1, 0.7})
	T := matrix([]float64{1, 0, 1}, []float64{0, 1, 0}, []float64{0, 0, 0})
	if got, want := CategoricalCrossEntropy(P, T), 5.56597138207042; !near(got, want, 1e-14) {
		t.Errorf("CategoricalCrossEntropy = %.17g, want %.17g", got, want)
	}
	checkMatrix(t, "CategoricalCrossEntropyGradient",
		CategoricalCrossEntropyGradient(
			matrix([]float64{0.7, 0.1}, []float64{0.2, 0.8}, []float64{0.1, 0.1}),
			matrix([]float64{1, 0}, []float64{0, 1}, []float64{0, 0})),
		matrix([]float64{-1.4285714285714286, 0}, []float64{0, -1.25}, []float64{0, 0}), 1e-15)

	// By hand: a NaN prediction gives a NaN loss, which Fit reports.
	if got := BinaryCrossEntropy(row(math.NaN()), row(1)); !math.IsNaN(got) {
		t.Errorf("BinaryCrossEntropy(NaN) = %v, want NaN", got)
	}
}

func TestSoftmaxCrossEntropyBackward(t *testing.T) {
	// By hand: Ŷ - Y.
	Yhat := matrix([]float64{0.7, 0.1}, []float64{0.2, 0.8}, []float64{0.1, 0.1})
	Y := matrix([]float64{1, 0}, []float64{0, 1}, []float64{0, 0})
	checkMatrix(t, "dZ", SoftmaxCrossEntropyBackward(Yhat, Y),
		matrix([]float64{-0.3, 0.1}, []float64{0.2, -0.2}, []float64{0.1, 0.1}), 1e-15)

	// It equals the chain through SoftmaxBackward, for unclipped Ŷ.
	Z := matrix([]float64{0.5, -1}, []float64{1.5, 0.2}, []float64{-0.3, 0.7})
	S := Softmax(Z)
	chain := SoftmaxBackward(CategoricalCrossEntropyGradient(S, Y), Z)
	checkMatrix(t, "chain", chain, SoftmaxCrossEntropyBackward(S, Y), 1e-15)
}

func TestInitializers(t *testing.T) {
	// Glorot's limit for 300×200 is √(6/500), by hand; He's standard
	// deviation √(2/200) = 0.1.
	limit := math.Sqrt(6.0 / 500)
	tests := []struct {
		name      string
		init      Initializer
		sd, bound float64
	}{
		{"glorot", Glorot, limit / math.Sqrt(3), limit},
		{"he", He, 0.1, math.Inf(1)},
		{"small", SmallRandom, 0.01, math.Inf(1)},
	}
	for _, tt := range tests {
		W := tt.init(NewRand(1), 300, 200)
		if r, c := W.Dims(); r != 300 || c != 200 {
			t.Fatalf("%s: W is %d×%d, want 300×200", tt.name, r, c)
		}
		data := W.RawMatrix().Data
		var sum, sq float64
		for _, w := range data {
			if math.Abs(w) > tt.bound {
				t.Fatalf("%s: weight %g outside ±%g", tt.name, w, tt.bound)
			}
			sum += w
			sq += w * w
		}
		n := float64(len(data))
		mean, sd := sum/n, math.Sqrt(sq/n-(sum/n)*(sum/n))
		// 60,000 draws: the mean is within 4 standard errors of 0 and the
		// standard deviation within 2% of the formula.
		if math.Abs(mean) > 4*tt.sd/math.Sqrt(n) || math.Abs(sd/tt.sd-1) > 0.02 {
			t.Errorf("%s: mean %g, sd %g; want 0 and %g", tt.name, mean, sd, tt.sd)
		}
		if !mat.Equal(W, tt.init(NewRand(1), 300, 200)) {
			t.Errorf("%s: the same seed gave other weights", tt.name)
		}
	}
}
