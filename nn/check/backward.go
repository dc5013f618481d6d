package check

import (
	"fmt"
	"os"

	"gonum.org/v1/gonum/mat"
)

// SigmoidBackward checks the backward step of the sigmoid, f(dA, Z) = dZ,
//
//	dZ = dA ⊙ σ'(Z),   σ'(z) = σ(z)(1 - σ(z))
//
// element by element; dA, Z and dZ are n×m. It prints the verdict and
// reports whether it passed.
func SigmoidBackward(f func(dA, Z *mat.Dense) *mat.Dense) bool {
	return sigmoidBackwardCheck(f).run(os.Stdout)
}

func sigmoidBackwardCheck(f func(dA, Z *mat.Dense) *mat.Dense) *matrixCheck {
	derivative := func(z float64) float64 { s := sigma(z); return s * (1 - s) }
	c := &matrixCheck{
		name: "sigmoid_backward", what: "your sigmoid backward step",
		equation: "dZ = dA ⊙ σ(Z)(1 - σ(Z))", result: "dZ",
		call: func(in []*mat.Dense) *mat.Dense { return f(in[0], in[1]) },
		mistakes: []mistake{
			{"you returned σ'(Z) alone: multiply it by dA, element by element: dZ = dA ⊙ σ'(Z).",
				func(in []*mat.Dense) *mat.Dense { return apply(in[1], derivative) }},
			{"you used z(1 - z): the derivative is σ(z)(1 - σ(z)), so apply σ to Z first.",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, z float64) float64 { return a * z * (1 - z) })
				}},
			{"you multiplied by σ(z) rather than by its derivative σ(z)(1 - σ(z)).",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, z float64) float64 { return a * sigma(z) })
				}},
			{elementwiseProductHint,
				func(in []*mat.Dense) *mat.Dense { return product(in[0], apply(in[1], derivative)) }},
		},
		hint:      "dZ = dA ⊙ σ'(Z) with σ'(z) = σ(z)(1 - σ(z)), element by element.",
		shapeHint: "dZ has the shape of Z and dA, n×m.",
	}
	for _, r := range sigmoidBackwardRefs {
		c.cases = append(c.cases, matrixCase{[]input{{"dA", r.dA}, {"Z", r.Z}}, r.dZ})
	}
	return c
}

// ReLUBackward checks the backward step of ReLU, f(dA, Z) = dZ,
//
//	dZ = dA ⊙ ReLU'(Z),   ReLU'(z) = 1 for z > 0, 0 otherwise
//
// element by element, with ReLU'(0) = 0 as in Keras and PyTorch. It prints
// the verdict and reports whether it passed.
func ReLUBackward(f func(dA, Z *mat.Dense) *mat.Dense) bool {
	return reluBackwardCheck(f).run(os.Stdout)
}

func reluBackwardCheck(f func(dA, Z *mat.Dense) *mat.Dense) *matrixCheck {
	c := &matrixCheck{
		name: "relu_backward", what: "your ReLU backward step",
		equation: "dZ = dA ⊙ ReLU'(Z)", result: "dZ",
		call: func(in []*mat.Dense) *mat.Dense { return f(in[0], in[1]) },
		mistakes: []mistake{
			{"at z = 0 you let dA through: the course takes ReLU'(0) = 0, as Keras and PyTorch do, " +
				"so dZ is 0 wherever z ≤ 0 (test z > 0, not z >= 0).",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, z float64) float64 {
						if z >= 0 {
							return a
						}
						return 0
					})
				}},
			{"you returned ReLU'(Z) alone: multiply it by dA, element by element: dZ = dA ⊙ ReLU'(Z).",
				func(in []*mat.Dense) *mat.Dense { return apply(in[1], step) }},
			{"the mask comes from Z (where z > 0), not from dA.",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, _ float64) float64 { return a * step(a) })
				}},
			{"you multiplied by z: ReLU'(z) is 1 for z > 0 and 0 otherwise.",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, z float64) float64 { return a * z })
				}},
			{"you multiplied by ReLU(z) = max(0, z); the derivative ReLU'(z) is 1 for z > 0 and 0 otherwise.",
				func(in []*mat.Dense) *mat.Dense {
					return combine(in[0], in[1], func(a, z float64) float64 { return a * z * step(z) })
				}},
			{elementwiseProductHint,
				func(in []*mat.Dense) *mat.Dense { return product(in[0], apply(in[1], step)) }},
		},
		hint:      "dZ = dA where z > 0 and 0 where z ≤ 0, element by element.",
		shapeHint: "dZ has the shape of Z and dA, n×m.",
	}
	for _, r := range reluBackwardRefs {
		c.cases = append(c.cases, matrixCase{[]input{{"dA", r.dA}, {"Z", r.Z}}, r.dZ})
	}
	return c
}

// LinearBackward checks the backward step of the linear step Z = W·A_prev + b,
// f(dZ, A_prev, W) = (dW, db, dA_prev),
//
//	dW      = (1/m) dZ·A_prevᵀ     n[l]×n[l-1], like W
//	db      = (1/m) Σ_i dZ[:, i]   n[l]×1, like b
//	dA_prev = Wᵀ·dZ                n[l-1]×m, like A_prev
//
// against values computed with numpy and PyTorch. It prints the verdict and
// reports whether it passed.
func LinearBackward(f func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense)) bool {
	return judge(os.Stdout, "linear_backward", func() verdict { return linearBackwardVerdict(f) })
}

// gradient is one result of a backward step, with the usual mistakes in it.
type gradient struct {
	name     string // "dW"
	got      *mat.Dense
	want     *mat.Dense
	equation string // "dW = (1/m) dZ·A_prevᵀ"
	like     string // "W": the parameter whose shape it has
}

func linearBackwardVerdict(f func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense)) verdict {
	const what = "your linear backward step"
	for k, r := range linearBackwardRefs {
		in := []input{{"dZ", r.dZ}, {"A_prev", r.APrev}, {"W", r.W}}
		dW, db, dAPrev, failed := callLinearBackward(f, what, in)
		if failed != nil {
			return *failed
		}

		label := fmt.Sprintf("case %d of %d (%s)", k+1, len(linearBackwardRefs), shapes(in))
		if k > 0 {
			label += "; the case before it was right"
		}
		_, m := r.dZ.Dims()
		results := []gradient{
			{"dW", dW, r.dW, "dW = (1/m) dZ·A_prevᵀ", "W"},
			{"db", db, r.db, "db = (1/m) Σ over the columns of dZ", "b"},
			{"dA_prev", dAPrev, r.dAPrev, "dA_prev = Wᵀ·dZ", "A_prev"},
		}
		var right []string
		for _, g := range results {
			if agree(g.got, g.want) {
				right = append(right, g.name)
			}
		}
		for _, g := range results {
			if agree(g.got, g.want) {
				continue
			}
			title := fmt.Sprintf("%s is wrong in %s", g.name, label)
			if len(right) > 0 {
				title += fmt.Sprintf(" (%s right)", joinAnd(right))
			}
			hint := linearBackwardHint(g, []*mat.Dense{r.dZ, r.APrev, r.W}, m)
			if g.got == nil {
				return fail(title, hint)
			}
			if !sameShape(g.got, g.want) {
				return fail(title, hint, fmt.Sprintf("expected %s %s, like %s; got %s",
					g.name, shape(g.want), g.like, shape(g.got)))
			}
			details := []string{show("input", "dZ", r.dZ), show("input", "A_prev", r.APrev),
				show("input", "W", r.W), show("expected", g.name, g.want), show("got", g.name, g.got)}
			return fail(title, hint, details...)
		}
	}
	return pass(fmt.Sprintf("dW, db and dA_prev are right on all %d cases (%s).",
		len(linearBackwardRefs), toleranceText))
}

// linearBackwardHint recognises the usual mistakes in one result of the
// linear backward step, for inputs in = dZ, A_prev, W and m samples.
func linearBackwardHint(g gradient, in []*mat.Dense, m int) string {
	fm := float64(m)
	dZ, APrev, W := in[0], in[1], in[2]
	if g.got == nil {
		return fmt.Sprintf("%s is nil: return %s.", g.name, g.equation)
	}
	gr, gc := g.got.Dims()
	wr, _ := g.want.Dims()
	switch {
	case g.name == "db" && gr == 1 && gc == m && wr != 1:
		return fmt.Sprintf("db is 1×%d: you summed dZ over its rows (the units). Sum over the columns "+
			"(the samples) instead, one value per unit: db is n[l]×1, like b.", m)
	case g.name == "db" && gr == wr && gc == m && m != 1:
		return "db still has one column per sample: sum dZ over its columns (the samples), " +
			"which gives n[l]×1, like b, then divide by m."
	case g.name == "db" && gr == 1 && gc == 1 && wr != 1:
		return "db is 1×1: you summed all of dZ. Sum each row separately, one value per unit: n[l]×1."
	case transposedShape(g.got, g.want):
		return fmt.Sprintf("%s is transposed: it must have the shape of %s, %s. %s.",
			g.name, g.like, shape(g.want), g.equation)
	case !sameShape(g.got, g.want):
		return fmt.Sprintf("%s must have the shape of %s, %s. %s.", g.name, g.like, shape(g.want), g.equation)
	case agree(g.got, scaled(fm, g.want)):
		return fmt.Sprintf("%s is m = %d times too large: the 1/m is missing. %s.", g.name, m, g.equation)
	case g.name == "dA_prev" && agree(g.got, scaled(1/fm, g.want)):
		return "dA_prev has no 1/m: it stays per sample, and the 1/m of the mean loss is applied " +
			"once, in dW and db."
	case agree(g.got, scaled(1/fm, g.want)):
		return fmt.Sprintf("%s is m = %d times too small: divide by m once. %s.", g.name, m, g.equation)
	case g.name == "dW" && agree(g.got, scaled(1/fm, product(APrev, dZ.T()))):
		return "dW is transposed: dW = (1/m) dZ·A_prevᵀ has the shape of W, n[l]×n[l-1]; " +
			"you computed (1/m) A_prev·dZᵀ."
	case g.name == "dA_prev" && agree(g.got, product(W, dZ)):
		return "dA_prev = Wᵀ·dZ: transpose W (W.T()) before multiplying."
	case agree(g.got, scaled(-1, g.want)):
		return fmt.Sprintf("%s has the wrong sign. %s.", g.name, g.equation)
	}
	return g.equation + "."
}

// joinAnd joins words as "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	s := words[0]
	for _, w := range words[1 : len(words)-1] {
		s += ", " + w
	}
	return s + " and " + words[len(words)-1]
}

// callLinearBackward runs the learner's linear backward step f on copies of
// the inputs dZ, A_prev and W. It returns the verdict to give instead of
// comparing results when f panicked, did not return, or changed an input.
func callLinearBackward(f func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense), what string,
	in []input) (dW, db, dAPrev *mat.Dense, failed *verdict) {
	used := copies(in)
	if t := try(func() { dW, db, dAPrev = f(used[0], used[1], used[2]) }); t != nil {
		v := t.verdict(what)
		return nil, nil, nil, &v
	}
	if name := changedInput(in, used); name != "" {
		v := changedVerdict(what, name)
		return nil, nil, nil, &v
	}
	return dW, db, dAPrev, nil
}
