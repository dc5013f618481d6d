package check

import (
	"fmt"
	"io"

	"gonum.org/v1/gonum/mat"
)

// matrixCheck checks a learner's function of matrices that returns one
// matrix (the linear step, an activation or its backward step) against
// reference cases, and recognises the usual mistakes by computing what each
// of them would have returned.
type matrixCheck struct {
	name     string // the name in the verdict: "linear"
	what     string // the learner's function in messages: "your linear step"
	equation string // "Z = W·A + b"
	result   string // the name of the result: "Z"
	cases    []matrixCase
	call     func(in []*mat.Dense) *mat.Dense // calls the learner's function

	mistakes  []mistake // tried in order on wrong values
	hint      string    // when no mistake matches
	nanHint   string    // when the result holds NaN or ±Inf and no mistake matches
	shapeHint string    // when the result has the wrong shape
}

// matrixCase is one set of inputs with the right answer.
type matrixCase struct {
	in   []input
	want *mat.Dense
}

// mistake is a usual error: what code with that error returns, and the hint
// that explains it. result returns nil when the mistake cannot be computed
// for these inputs (matrices that do not fit, say).
type mistake struct {
	hint   string
	result func(in []*mat.Dense) *mat.Dense
}

func (c *matrixCheck) run(w io.Writer) bool { return judge(w, c.name, c.verdict) }

func (c *matrixCheck) verdict() verdict {
	for k, tc := range c.cases {
		used := copies(tc.in)
		var got *mat.Dense
		if t := try(func() { got = c.call(used) }); t != nil {
			return t.verdict(c.what)
		}
		switch {
		case got == nil:
			return nilVerdict(c.what, c.result)
		case changedInput(tc.in, used) != "":
			return changedVerdict(c.what, changedInput(tc.in, used))
		case !sameShape(got, tc.want):
			return c.shapeVerdict(k, tc, got)
		case !agree(got, tc.want):
			return c.valueVerdict(k, tc, got)
		}
	}
	return pass(fmt.Sprintf("%s is right on all %d cases (%s).",
		c.equation, len(c.cases), toleranceText))
}

// label names case k and the shapes of its inputs, and says whether the
// cases before it passed.
func (c *matrixCheck) label(k int) string {
	s := fmt.Sprintf("case %d of %d (%s)", k+1, len(c.cases), shapes(c.cases[k].in))
	if k > 0 {
		s += fmt.Sprintf("; the %d case(s) before it were right", k)
	}
	return s
}

func (c *matrixCheck) shapeVerdict(k int, tc matrixCase, got *mat.Dense) verdict {
	hint := c.shapeHint
	if transposedShape(got, tc.want) && agree(got.T(), tc.want) {
		hint = fmt.Sprintf("you returned the transpose of %s. %s", c.result, c.shapeHint)
	}
	return fail(fmt.Sprintf("%s has the wrong shape in %s: expected %s, got %s",
		c.result, c.label(k), shape(tc.want), shape(got)), hint)
}

func (c *matrixCheck) valueVerdict(k int, tc matrixCase, got *mat.Dense) verdict {
	var details []string
	for _, x := range tc.in {
		details = append(details, show("input", x.name, x.m))
	}
	details = append(details, show("expected", c.result, tc.want), show("got", c.result, got))
	return fail(fmt.Sprintf("wrong values of %s in %s", c.result, c.label(k)),
		c.diagnose(tc, got), details...)
}

// diagnose returns the hint of the first mistake that gives what the
// learner's function returned, or the general hint.
func (c *matrixCheck) diagnose(tc matrixCase, got *mat.Dense) string {
	for _, m := range c.mistakes {
		if r := m.result(copies(tc.in)); r != nil && agree(got, r) {
			return m.hint
		}
	}
	if c.nanHint != "" && hasNaNOrInf(got) {
		return c.nanHint
	}
	return c.hint
}

// elementwiseProductHint explains ⊙ to a learner who used a matrix product.
const elementwiseProductHint = "that is the matrix product dA·g'(Z): ⊙ multiplies element by " +
	"element (MulElem, or a loop over the elements)."
