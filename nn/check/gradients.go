package check

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/deeplearning-go/course/nn"
	"gonum.org/v1/gonum/mat"
)

// The small problem of the gradient check: one layer Ŷ = σ(W·A_prev + b)
// with 3 inputs, 2 units and m = 4 samples, and binary cross-entropy J.
// No dimension equals another, so a transposed or wrongly summed matrix
// shows in its shape.
var gradientProblem = struct{ APrev, W, b, Y *mat.Dense }{
	APrev: matrix([][]float64{{0.5, -1.0, 1.5, 0.2}, {-0.3, 0.8, 0.1, -1.2}, {1.0, 0.4, -0.6, 0.7}}),
	W:     matrix([][]float64{{0.3, -0.8, 0.5}, {-0.4, 0.2, 0.9}}),
	b:     matrix([][]float64{{0.1}, {-0.2}}),
	Y:     matrix([][]float64{{1, 0, 1, 0}, {0, 1, 1, 0}}),
}

// Gradients is the gradient-check exercise: it checks a backward step of
// the linear step, f(dZ, A_prev, W) = (dW, db, dA_prev), against centred
// differences of the loss rather than against stored answers.
//
// It builds one layer Ŷ = σ(W·A_prev + b) with binary cross-entropy J over
// m = 4 samples, gives f the per-sample dZ = Ŷ - Y, and compares each
// result with nn.NumericalGradient: dW and db with the derivatives of J with
// respect to W and b, and dA_prev, which stays per sample, with those of m·J
// with respect to A_prev. A relative difference (nn.RelativeDifference)
// below nn.GoodDifference is right and above nn.BugDifference wrong. For a
// wrong result the verdict names the parameter, the difference and the
// usual cause: a ratio of m (a missing or extra 1/m), a sum over the wrong
// axis, a transposed matrix. It prints the verdict and reports whether it
// passed.
func Gradients(f func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense)) bool {
	return judge(os.Stdout, "gradients", func() verdict { return gradientsVerdict(f) })
}

// gradientCheck is one result of the learner's backward step beside its
// centred-difference estimate.
type gradientCheck struct {
	name     string // "dW"
	param    string // "W": what it is the gradient for
	equation string
	got      *mat.Dense
	numeric  *mat.Dense
}

func gradientsVerdict(f func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense)) verdict {
	const what = "your backward step"
	p := gradientProblem
	APrev, W, b := mat.DenseCopyOf(p.APrev), mat.DenseCopyOf(p.W), mat.DenseCopyOf(p.b)
	_, m := APrev.Dims()

	// Forward, and dZ = Ŷ - Y for a sigmoid output with binary cross-entropy.
	loss := func() float64 { return nn.BinaryCrossEntropy(nn.Sigmoid(nn.Linear(W, APrev, b)), p.Y) }
	var dZ mat.Dense
	dZ.Sub(nn.Sigmoid(nn.Linear(W, APrev, b)), p.Y)

	in := []input{{"dZ", &dZ}, {"A_prev", APrev}, {"W", W}}
	dW, db, dAPrev, failed := callLinearBackward(f, what, in)
	if failed != nil {
		return *failed
	}

	// The centred differences; dA_prev is per sample, so it is the
	// derivative of m·J.
	numA := nn.NumericalGradient(loss, APrev, nn.GradientStep)
	numA.Scale(float64(m), numA)
	checks := []gradientCheck{
		{"dW", "W", "dW = (1/m) dZ·A_prevᵀ", dW, nn.NumericalGradient(loss, W, nn.GradientStep)},
		{"db", "b", "db = (1/m) Σ over the columns of dZ", db, nn.NumericalGradient(loss, b, nn.GradientStep)},
		{"dA_prev", "A_prev", "dA_prev = Wᵀ·dZ", dAPrev, numA},
	}

	details := []string{fmt.Sprintf("Ŷ = σ(W·A_prev + b), J = binary cross-entropy, m = %d samples, "+
		"centred differences with h = %g", m, nn.GradientStep)}
	var wrong *gradientCheck
	var worst float64
	for i := range checks {
		c := &checks[i]
		line, diff, ok := c.row()
		details = append(details, line)
		if !ok && wrong == nil {
			wrong = c
		}
		worst = math.Max(worst, diff)
	}
	details = append(details, fmt.Sprintf("right below %s, wrong above %s; dA_prev is compared with "+
		"the derivatives of m·J, since it stays per sample", sci(nn.GoodDifference), sci(nn.BugDifference)))

	if wrong == nil {
		return verdict{status: passed, details: details, title: fmt.Sprintf(
			"dW, db and dA_prev agree with the centred differences (largest relative difference %.1e).",
			worst)}
	}
	kind, hint := wrong.diagnose(m)
	return fail(fmt.Sprintf("%s is wrong: %s", wrong.name, kind), hint, details...)
}

// row formats the line of the table for c, returning the relative
// difference (1 when it cannot be computed) and whether it is right.
func (c *gradientCheck) row() (line string, diff float64, ok bool) {
	switch {
	case c.got == nil:
		return fmt.Sprintf("%-8s nil", c.name), 1, false
	case !sameShape(c.got, c.numeric):
		return fmt.Sprintf("%-8s %-5s shape differs from %s (%s)   wrong",
			c.name, shape(c.got), c.param, shape(c.numeric)), 1, false
	}
	diff = relativeDifference(c.got, c.numeric)
	word := "right"
	switch {
	case math.IsNaN(diff) || diff > nn.BugDifference:
		word = "wrong"
	case diff >= nn.GoodDifference:
		word = "doubtful"
	}
	return fmt.Sprintf("%-8s %-5s relative difference %.1e   %s", c.name, shape(c.got), diff, word),
		diff, word == "right"
}

// relativeDifference is nn.RelativeDifference, with NaN for a result that
// holds NaN or ±Inf.
func relativeDifference(g, gNum *mat.Dense) float64 {
	if hasNaNOrInf(g) {
		return math.NaN()
	}
	return nn.RelativeDifference(g, gNum)
}

// diagnose names what is wrong with c and what it usually means, for a
// batch of m samples.
func (c *gradientCheck) diagnose(m int) (kind, hint string) {
	got, num := c.got, c.numeric
	if got == nil {
		return "it is nil", fmt.Sprintf("return %s.", c.equation)
	}
	gr, gc := got.Dims()
	nr, _ := num.Dims()

	if !sameShape(got, num) {
		switch {
		case c.name == "db" && gr == 1 && gc == m:
			return "a sum over the wrong axis", fmt.Sprintf("db is 1×%d: you summed dZ over its rows "+
				"(the units). db sums over the columns (the samples), one value per unit, so it is "+
				"n[l]×1 like b: for each row i, db_i = (1/m) Σ_j dZ_ij.", m)
		case c.name == "db" && gr == nr && gc == m:
			return "a sum is missing", "db still has one column per sample: sum dZ over its " +
				"columns (the samples), which gives n[l]×1 like b, and divide by m."
		case c.name == "db" && gr == 1 && gc == 1:
			return "a sum over both axes", "db is 1×1: you summed all of dZ. Sum each row " +
				"separately, one value per unit: n[l]×1 like b."
		case transposedShape(got, num):
			return "a transposed matrix", fmt.Sprintf("%s is %s but %s is %s: it is transposed. A "+
				"transposed gradient usually means the factors of a product are in the wrong "+
				"order or a .T() is missing or misplaced: %s.", c.name, shape(got), c.param,
				shape(num), c.equation)
		}
		return "the wrong shape", fmt.Sprintf("%s must have the shape of %s, %s; yours is %s. %s.",
			c.name, c.param, shape(num), shape(got), c.equation)
	}

	diff := relativeDifference(got, num)
	if math.IsNaN(diff) {
		return "NaN or Inf", fmt.Sprintf("%s holds NaN or Inf: look for a division by zero. %s.",
			c.name, c.equation)
	}
	if k, ok := ratio(got, num); ok && math.Abs(k-1) > 1e-3 {
		fm := float64(m)
		switch {
		case math.Abs(k-fm) < 1e-6*fm:
			return fmt.Sprintf("m = %d times the centred difference", m), fmt.Sprintf(
				"%s is m = %d times too large (relative difference %.1e). A gradient m times too "+
					"large usually means the 1/m of the mean loss is missing: %s.", c.name, m, diff, c.equation)
		case math.Abs(k-1/fm) < 1e-6/fm && c.name == "dA_prev":
			return fmt.Sprintf("1/m = 1/%d of the centred difference", m),
				"dA_prev is m times too small: it has an extra 1/m. dA_prev stays per sample; " +
					"the 1/m of the mean loss is applied once, in dW and db."
		case math.Abs(k-1/fm) < 1e-6/fm:
			return fmt.Sprintf("1/m = 1/%d of the centred difference", m), fmt.Sprintf(
				"%s is m = %d times too small: it is divided by m twice. %s.", c.name, m, c.equation)
		case math.Abs(k+1) < 1e-6:
			return "the opposite sign", fmt.Sprintf("%s has the wrong sign: dZ = Ŷ - Y, and %s.",
				c.name, c.equation)
		}
		return fmt.Sprintf("%.3g times the centred difference", k), fmt.Sprintf(
			"%s is off by a constant factor of %.3g: look for a wrong constant in %s.", c.name, k, c.equation)
	}
	if r, cc := got.Dims(); r == cc {
		if d := relativeDifference(transposed(got), num); d < nn.GoodDifference {
			return "a transposed matrix", fmt.Sprintf("%s is the transpose of the right gradient. "+
				"That usually means the factors of a product are in the wrong order or a .T() is "+
				"missing or misplaced: %s.", c.name, c.equation)
		}
	}
	if diff <= nn.BugDifference {
		return fmt.Sprintf("doubtful, relative difference %.1e", diff), fmt.Sprintf(
			"%s is close to the centred difference but not close enough for float64: a float32 "+
				"conversion or a slightly wrong constant? %s.", c.name, c.equation)
	}
	return fmt.Sprintf("relative difference %.1e", diff), fmt.Sprintf(
		"%s does not match the centred differences. Compute it again from %s, and check which "+
			"matrix you use where.", c.name, c.equation)
}

// ratio returns k when got is k·num (to 1e-6), the usual sign of a factor
// such as m.
func ratio(got, num *mat.Dense) (k float64, ok bool) {
	dot, norm := mat.Dot(vector(got), vector(num)), mat.Dot(vector(num), vector(num))
	if norm == 0 {
		return 0, false
	}
	k = dot / norm
	var rest mat.Dense
	rest.Scale(k, num)
	return k, nn.RelativeDifference(got, &rest) < 1e-6
}

// vector returns the elements of m as one column.
func vector(m *mat.Dense) *mat.VecDense {
	r, c := m.Dims()
	v := mat.NewVecDense(r*c, nil)
	for i := range r {
		for j := range c {
			v.SetVec(i*c+j, m.At(i, j))
		}
	}
	return v
}

// sci formats a power of ten such as 1e-07 as 1e-7.
func sci(x float64) string {
	s := fmt.Sprintf("%.0e", x)
	s = strings.Replace(s, "e-0", "e-", 1)
	return strings.Replace(s, "e+0", "e+", 1)
}
