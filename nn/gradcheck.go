package nn

import (
	"fmt"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Gradient checking compares the gradients of backward propagation with
// centred differences of the loss. In float64 a relative difference below
// GoodDifference means the backward step is right; above BugDifference it
// is wrong; in between, look closer (a ReLU kink or a clipped prediction
// within h of the point can cause it).
const (
	GradientStep   = 1e-5 // h in the centred difference
	GoodDifference = 1e-7
	BugDifference  = 1e-3
)

// NumericalGradient estimates the derivative of J with respect to every
// element of W by centred differences,
//
//	∂J/∂w ≈ (J(w + h) - J(w - h)) / 2h
//
// changing one element of W at a time and putting it back. J must compute
// the loss from the current W. The error of the estimate shrinks like h².
// The result has W's shape.
func NumericalGradient(J func() float64, W *mat.Dense, h float64) *mat.Dense {
	r, c := W.Dims()
	grad := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			w := W.At(i, j)

			W.Set(i, j, w+h)
			plus := J()
			W.Set(i, j, w-h)
			minus := J()
			W.Set(i, j, w)

			grad.Set(i, j, (plus-minus)/(2*h))
		}
	}
	return grad
}

// RelativeDifference measures how far a gradient g is from its estimate
// gNum, independently of their size:
//
//	‖g - gNum‖ / (‖g‖ + ‖gNum‖)
//
// with ‖·‖ the Euclidean (Frobenius) norm. It is 0 when both are zero and 1
// when one of them is.
func RelativeDifference(g, gNum *mat.Dense) float64 {
	mustSameShape("RelativeDifference", "‖g - gNum‖ / (‖g‖ + ‖gNum‖)", "g", g, "gNum", gNum)
	var diff mat.Dense
	diff.Sub(g, gNum)
	size := mat.Norm(g, 2) + mat.Norm(gNum, 2)
	if size == 0 {
		return 0
	}
	return mat.Norm(&diff, 2) / size
}

// ParamCheck is the gradient check of one parameter.
type ParamCheck struct {
	Name              string     // "W[1]", "b[1]", …
	Analytic, Numeric *mat.Dense // from Backward, and from centred differences
	Difference        float64    // RelativeDifference(Analytic, Numeric)
}

// GradientReport is the gradient check of a whole network: one ParamCheck
// per parameter, and the relative difference of all of them put together.
type GradientReport struct {
	Params     []ParamCheck
	Difference float64
}

// OK reports whether every difference is below GoodDifference.
func (r GradientReport) OK() bool {
	return r.Difference < GoodDifference && r.Worst().Difference < GoodDifference
}

// Worst returns the parameter with the largest difference.
func (r GradientReport) Worst() ParamCheck {
	worst := r.Params[0]
	for _, p := range r.Params[1:] {
		if p.Difference > worst.Difference {
			worst = p
		}
	}
	return worst
}

// String lists each parameter's difference with a verdict.
func (r GradientReport) String() string {
	var b strings.Builder
	for _, p := range r.Params {
		fmt.Fprintf(&b, "%-6s %9.2e  %s\n", p.Name, p.Difference, verdict(p.Difference))
	}
	fmt.Fprintf(&b, "%-6s %9.2e  %s", "all", r.Difference, verdict(r.Difference))
	return b.String()
}

// verdict says what a relative difference means.
func verdict(d float64) string {
	switch {
	case d < GoodDifference:
		return "right"
	case d > BugDifference:
		return "wrong: the backward step has a bug"
	}
	return "doubtful: check again with other inputs"
}

// CheckGradients runs forward and backward propagation on X and Y, then
// estimates every parameter's gradient by centred differences of the loss
// (NumericalGradient with h = GradientStep) and compares the two. The
// network's parameters are left as they were. It costs two forward passes
// per parameter: use a small network and a few samples.
func CheckGradients(n *Network, X, Y *mat.Dense) GradientReport {
	n.Forward(X)
	n.Backward(Y)
	loss := func() float64 { return n.Loss.Value(n.Predict(X), Y) }

	var report GradientReport
	var all, allNum []float64
	for _, p := range n.Params() {
		analytic := mat.DenseCopyOf(p.Grad)
		numeric := NumericalGradient(loss, p.Value, GradientStep)
		report.Params = append(report.Params, ParamCheck{Name: p.Name,
			Analytic: analytic, Numeric: numeric,
			Difference: RelativeDifference(analytic, numeric)})
		all = append(all, rawData(analytic)...)
		allNum = append(allNum, rawData(numeric)...)
	}
	report.Difference = RelativeDifference(
		mat.NewDense(len(all), 1, all), mat.NewDense(len(allNum), 1, allNum))
	return report
}
