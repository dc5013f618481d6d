package check

import (
	"fmt"
	"math"
	"os"

	"gonum.org/v1/gonum/mat"
)

// The hyper-parameters of the Adam check: Keras' defaults, as in nn.NewAdam.
const (
	adamRate  = 0.01
	adamBeta1 = 0.9
	adamBeta2 = 0.999
	adamEps   = 1e-7
)

// Adam checks one step of the Adam optimizer, f(W, dW, M, V, t, rate),
// which updates W, M and V in place from the gradient dW at step t
// (counting from 1), with β1 = 0.9, β2 = 0.999 and ε = 1e-7:
//
//	M = β1·M + (1 - β1)·dW
//	V = β2·V + (1 - β2)·dW⊙dW
//	m̂ = M / (1 - β1ᵗ),  v̂ = V / (1 - β2ᵗ)
//	W = W - rate·m̂ / (√v̂ + ε)
//
// This is the form of the paper and of nn.Adam. The check makes three steps
// with rate 0.01 from M = V = 0 and compares W, M and V after each with
// values from numpy and torch.optim.Adam. It prints the verdict and reports
// whether it passed.
func Adam(f func(W, dW, M, V *mat.Dense, t int, rate float64)) bool {
	return judge(os.Stdout, "adam", func() verdict { return adamVerdict(f) })
}

func adamVerdict(f func(W, dW, M, V *mat.Dense, t int, rate float64)) verdict {
	const what = "your Adam step"
	r, c := adamRef.W0.Dims()
	W := mat.DenseCopyOf(adamRef.W0)
	M, V := mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)

	for k, s := range adamRef.steps {
		t := k + 1
		before := adamState{t: t, W: mat.DenseCopyOf(W), M: mat.DenseCopyOf(M), V: mat.DenseCopyOf(V),
			dW: s.dW}
		dW := mat.DenseCopyOf(s.dW)
		if tr := try(func() { f(W, dW, M, V, t, adamRate) }); tr != nil {
			return tr.verdict(what)
		}
		if !mat.Equal(dW, s.dW) {
			return changedVerdict(what, "dW")
		}

		label := fmt.Sprintf("after step t = %d of %d", t, len(adamRef.steps))
		if k > 0 {
			label += fmt.Sprintf(" (the %d step(s) before were right)", k)
		}
		inputs := []string{show("before the step:", "W", before.W),
			show("before the step:", "M", before.M), show("before the step:", "V", before.V),
			show("gradient", "dW", s.dW)}
		wrong := func(name string, got, want *mat.Dense, hint string) verdict {
			if !sameShape(got, want) {
				return fail(fmt.Sprintf("%s has the wrong shape %s: expected %s, got %s",
					name, label, shape(want), shape(got)),
					name+" keeps its shape: update its elements in place.")
			}
			details := append(append([]string{}, inputs...),
				show("expected", name, want), show("got", name, got))
			return fail(fmt.Sprintf("%s is wrong %s", name, label), hint, details...)
		}
		switch {
		case mat.Equal(W, before.W) && mat.Equal(M, before.M) && mat.Equal(V, before.V):
			return fail(fmt.Sprintf("W, M and V did not change %s", label),
				"update W, M and V in place (W.Sub, M.Scale, M.Add, W.Set …): assigning a new "+
					"matrix to the variable W inside your function does not change the caller's W.")
		case !agree(M, s.M):
			return wrong("M", M, s.M, before.hintM(M))
		case !agree(V, s.V):
			return wrong("V", V, s.V, before.hintV(V))
		case !agree(W, s.W):
			return wrong("W", W, s.W, before.hintW(W, s.M, s.V))
		}
	}
	return pass(fmt.Sprintf("W, M and V are right after each of %d steps (%s).",
		len(adamRef.steps), toleranceText))
}

// adamState is W, M and V before step t, with the step's gradient dW.
type adamState struct {
	t           int
	W, M, V, dW *mat.Dense
}

// each returns f of the elements of the state and of the new M and V.
func (s adamState) each(M, V *mat.Dense, f func(w, g, mOld, vOld, m, v float64) float64) *mat.Dense {
	r, c := s.W.Dims()
	out := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			w, g := s.W.At(i, j), s.dW.At(i, j)
			out.Set(i, j, f(w, g, s.M.At(i, j), s.V.At(i, j), M.At(i, j), V.At(i, j)))
		}
	}
	return out
}

// hintM recognises the usual mistakes in the new M.
func (s adamState) hintM(got *mat.Dense) string {
	zero := mat.NewDense(s.W.RawMatrix().Rows, s.W.RawMatrix().Cols, nil)
	average := func(beta float64, square, correct bool) *mat.Dense {
		return s.each(zero, zero, func(_, g, m, v, _, _ float64) float64 {
			old := m
			if square {
				g, old = g*g, v
			}
			a := beta*old + (1-beta)*g
			if correct {
				a /= 1 - math.Pow(beta, float64(s.t))
			}
			return a
		})
	}
	switch {
	case agree(got, s.M):
		return "M did not change: write the new average into M itself (M.Scale, M.Add or M.Set)."
	case agree(got, average(1-adamBeta1, false, false)):
		return "β1 and 1 - β1 are swapped: M = β1·M + (1 - β1)·dW, with β1 = 0.9."
	case agree(got, average(adamBeta2, false, false)):
		return "M uses β1 = 0.9; β2 = 0.999 is for V."
	case agree(got, average(adamBeta1, false, true)):
		return "M holds m̂: keep M uncorrected, the running average, and compute " +
			"m̂ = M/(1 - β1ᵗ) apart, for the step only."
	}
	return "M = β1·M + (1 - β1)·dW, with β1 = 0.9."
}

// hintV recognises the usual mistakes in the new V.
func (s adamState) hintV(got *mat.Dense) string {
	v := func(beta float64, square, correct bool) *mat.Dense {
		return s.each(s.M, s.V, func(_, g, _, old, _, _ float64) float64 {
			if square {
				g *= g
			}
			a := beta*old + (1-beta)*g
			if correct {
				a /= 1 - math.Pow(beta, float64(s.t))
			}
			return a
		})
	}
	switch {
	case agree(got, s.V):
		return "V did not change: write the new average into V itself (V.Scale, V.Add or V.Set)."
	case agree(got, v(adamBeta2, false, false)):
		return "V averages the squared gradient: V = β2·V + (1 - β2)·dW⊙dW."
	case agree(got, v(1-adamBeta2, true, false)):
		return "β2 and 1 - β2 are swapped: V = β2·V + (1 - β2)·dW⊙dW, with β2 = 0.999."
	case agree(got, v(adamBeta1, true, false)):
		return "V uses β2 = 0.999; β1 = 0.9 is for M."
	case agree(got, v(adamBeta2, true, true)):
		return "V holds v̂: keep V uncorrected, the running average, and compute " +
			"v̂ = V/(1 - β2ᵗ) apart, for the step only."
	}
	return "V = β2·V + (1 - β2)·dW⊙dW, with β2 = 0.999."
}

// hintW recognises the usual mistakes in the new W, given the right new M
// and V.
func (s adamState) hintW(got, M, V *mat.Dense) string {
	if agree(got, s.W) {
		return "W did not change: update W in place (W.Sub or W.Set), after M and V. Assigning a " +
			"new matrix to the variable W does not change the caller's W."
	}
	t := float64(s.t)
	c1, c2 := 1-math.Pow(adamBeta1, t), 1-math.Pow(adamBeta2, t)
	next1, next2 := 1-math.Pow(adamBeta1, t+1), 1-math.Pow(adamBeta2, t+1)
	mistakes := []struct {
		hint string
		step func(m, v float64) float64 // what W loses
	}{
		{"the bias correction is missing: m̂ = M/(1 - β1ᵗ) and v̂ = V/(1 - β2ᵗ), with t " +
			"counting from 1; they matter most in the first steps.",
			func(m, v float64) float64 { return adamRate * m / (math.Sqrt(v) + adamEps) }},
		{"that is Keras' form, with ε added to √V before the correction; the course uses " +
			"the paper's: W = W - rate·m̂/(√v̂ + ε).",
			func(m, v float64) float64 { return adamRate * math.Sqrt(c2) / c1 * m / (math.Sqrt(v) + adamEps) }},
		{"ε goes outside the square root: √v̂ + ε.",
			func(m, v float64) float64 { return adamRate * (m / c1) / math.Sqrt(v/c2+adamEps) }},
		{"W moved along the gradient: subtract the step, W = W - rate·m̂/(√v̂ + ε).",
			func(m, v float64) float64 { return -adamRate * (m / c1) / (math.Sqrt(v/c2) + adamEps) }},
		{"the step is missing the rate: W = W - rate·m̂/(√v̂ + ε).",
			func(m, v float64) float64 { return (m / c1) / (math.Sqrt(v/c2) + adamEps) }},
		{"the correction used t + 1: use t as given, 1 - β1ᵗ and 1 - β2ᵗ.",
			func(m, v float64) float64 { return adamRate * (m / next1) / (math.Sqrt(v/next2) + adamEps) }},
	}
	for _, mistake := range mistakes {
		want := s.each(M, V, func(w, _, _, _, m, v float64) float64 { return w - mistake.step(m, v) })
		if agree(got, want) {
			return mistake.hint
		}
	}
	if hasNaNOrInf(got) {
		return "NaN or Inf: 1 - β1ᵗ is 0 when t = 0, and the correction divides by it. t counts " +
			"from 1 (the check passes t = 1 on the first step); use it as given."
	}
	return "W = W - rate·m̂/(√v̂ + ε), with m̂ = M/(1 - β1ᵗ), v̂ = V/(1 - β2ᵗ) and ε = 1e-7, " +
		"element by element."
}
