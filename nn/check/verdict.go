package check

import (
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strings"
	"time"

	"gonum.org/v1/gonum/mat"
)

// NotDone is the panic value of an exercise's stub: cmd/exercises replaces
// the learner's part of a function with
//
//	panic("not done yet")
//
// and a check that meets this panic reports the exercise as not done yet
// rather than wrong.
const NotDone = "not done yet"

// Values agree when |got - want| ≤ relTol·|want| + absTol.
const (
	relTol = 1e-9
	absTol = 1e-12
)

// toleranceText states the tolerance in the verdicts.
const toleranceText = "within 1e-9"

// timeLimit is how long a learner's function may run before the check gives
// up on it. The tests shorten it.
var timeLimit = 10 * time.Second

// status is the outcome of a check.
type status int

const (
	passed status = iota
	failed
	notDone
)

// marker is the word of the machine-readable verdict line.
func (s status) marker() string {
	switch s {
	case passed:
		return "PASS"
	case notDone:
		return "NOT DONE"
	}
	return "FAIL"
}

// verdict is what a check prints: a title line, details and a hint.
type verdict struct {
	status  status
	title   string
	details []string
	hint    string
}

func pass(title string) verdict { return verdict{status: passed, title: title} }

func fail(title, hint string, details ...string) verdict {
	return verdict{status: failed, title: title, details: details, hint: hint}
}

// finish prints the verdict of the check called name, ending with the line
// cmd/grade reads, and reports whether the check passed.
func finish(w io.Writer, name string, v verdict) bool {
	var b strings.Builder
	switch v.status {
	case passed:
		fmt.Fprintf(&b, "✔ %s: %s\n", name, v.title)
	case notDone:
		fmt.Fprintf(&b, "… %s: %s\n", name, v.title)
	default:
		fmt.Fprintf(&b, "✘ %s: %s\n", name, v.title)
	}
	for _, d := range v.details {
		for _, line := range strings.Split(d, "\n") {
			fmt.Fprintf(&b, "    %s\n", line)
		}
	}
	if v.hint != "" {
		fmt.Fprintf(&b, "    hint: %s\n", v.hint)
	}
	fmt.Fprintf(&b, "CHECK %s: %s\n", name, v.status.marker())
	io.WriteString(w, b.String())
	return v.status == passed
}

// judge prints the verdict of the check called name, which v computes, and
// reports whether it passed. A panic in the check's own code, which should
// not happen, is a failure of the check too: a check never stops a notebook.
func judge(w io.Writer, name string, v func() verdict) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = finish(w, name, fail(fmt.Sprintf("the check itself failed: %v", r),
				"this is a bug in package check, not in your code; please report it."))
		}
	}()
	return finish(w, name, v())
}

// trouble is why a call of the learner's function did not return normally.
type trouble struct {
	kind  troubleKind
	value string // the panic value, printed
	where string // the learner's function that panicked, when known
}

type troubleKind int

const (
	stub     troubleKind = iota // the stub's panic(NotDone)
	panicked                    // any other panic
	tooSlow                     // still running after timeLimit
	exited                      // runtime.Goexit
)

// try runs fn, the part of a check that calls the learner's code, in its own
// goroutine, so that a panic is recovered and a call that never returns is
// abandoned after timeLimit. It returns nil when fn returned.
func try(fn func()) *trouble {
	done := make(chan *trouble, 1)
	go func() {
		returned := false
		defer func() {
			r := recover()
			switch {
			case r != nil:
				done <- fromPanic(r, string(debug.Stack()))
			case !returned:
				done <- &trouble{kind: exited}
			}
		}()
		fn()
		returned = true
		done <- nil
	}()

	timer := time.NewTimer(timeLimit)
	defer timer.Stop()
	select {
	case t := <-done:
		return t
	case <-timer.C:
		return &trouble{kind: tooSlow}
	}
}

// fromPanic describes a recovered panic value r, with the stack of the
// goroutine that panicked.
func fromPanic(r any, stack string) *trouble {
	msg := fmt.Sprint(r)
	if strings.HasPrefix(msg, NotDone) {
		return &trouble{kind: stub, where: panicSite(stack)}
	}
	return &trouble{kind: panicked, value: msg, where: panicSite(stack)}
}

// panicSite finds, in a stack printed by debug.Stack, the first function of
// package main (the notebook's code) below the panic: "linear" for
// main.linear. It returns "" when there is none.
func panicSite(stack string) string {
	lines := strings.Split(stack, "\n")
	start := 0
	for i, line := range lines {
		if strings.HasPrefix(line, "panic(") {
			start = i
			break
		}
	}
	for _, line := range lines[start:] {
		if !strings.HasPrefix(line, "main.") {
			continue
		}
		fn := strings.TrimPrefix(line, "main.")
		if i := strings.LastIndex(fn, "("); i > 0 {
			fn = fn[:i]
		}
		return fn
	}
	return ""
}

// verdict turns a trouble into the check's verdict; what names the learner's
// function in the messages ("your linear step").
func (t *trouble) verdict(what string) verdict {
	switch t.kind {
	case stub:
		holder := what
		if t.where != "" {
			holder = t.where
		}
		return verdict{status: notDone, title: "not done yet: " + holder +
			" still holds panic(\"not done yet\"). Write your code in its place, " +
			"run that cell, then this one."}
	case tooSlow:
		return fail(fmt.Sprintf("%s did not return within %v", what, timeLimit),
			"a loop that never ends? Check that each loop's condition becomes false "+
				"(the counter grows, the range is over the right size).")
	case exited:
		return fail(what+" stopped without returning (runtime.Goexit)",
			"return the result instead of stopping the goroutine.")
	}
	title := what + " panicked: " + t.value
	if t.where != "" {
		title = fmt.Sprintf("%s panicked in %s: %s", what, t.where, t.value)
	}
	return fail(title, panicHint(t.value))
}

// panicHint explains the usual causes of a panic message.
func panicHint(msg string) string {
	switch {
	case strings.Contains(msg, "dimension mismatch"):
		return "two matrices did not fit together. In a product P·Q, P's columns must " +
			"equal Q's rows; a sum or an element-wise product (MulElem) needs equal shapes. " +
			"Check the order of the factors, whether one should be transposed (.T()), " +
			"and whether you meant an element-wise product."
	case strings.Contains(msg, "index out of range"):
		return "an index went past the edge of a matrix: Dims() returns (rows, columns) " +
			"in that order, and indices count from 0."
	case strings.Contains(msg, "nil pointer"):
		return "a matrix was nil: make each result with mat.NewDense(r, c, nil) before " +
			"writing into it."
	case strings.Contains(msg, "zero length"):
		return "mat.NewDense got a size of 0: take the sizes from the inputs' Dims()."
	case strings.HasPrefix(msg, "nn: "):
		return "the message of package nn above names the function, the equation and the shapes."
	}
	return "read the panic message: it says what went wrong, and where."
}

// closeTo reports whether got agrees with want within the tolerance.
func closeTo(got, want float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	}
	return math.Abs(got-want) <= relTol*math.Abs(want)+absTol
}

// sameShape reports whether a and b have the same dimensions.
func sameShape(a, b mat.Matrix) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	return ar == br && ac == bc
}

// transposedShape reports whether a has the dimensions of bᵀ but not b's.
func transposedShape(a, b mat.Matrix) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	return ar == bc && ac == br && !sameShape(a, b)
}

// agree reports whether got has want's shape and values.
func agree(got, want mat.Matrix) bool {
	if got == nil || !sameShape(got, want) {
		return false
	}
	r, c := want.Dims()
	for i := range r {
		for j := range c {
			if !closeTo(got.At(i, j), want.At(i, j)) {
				return false
			}
		}
	}
	return true
}

// hasNaNOrInf reports whether m holds a NaN or an infinity.
func hasNaNOrInf(m mat.Matrix) bool {
	r, c := m.Dims()
	for i := range r {
		for j := range c {
			if v := m.At(i, j); math.IsNaN(v) || math.IsInf(v, 0) {
				return true
			}
		}
	}
	return false
}

// shape formats the dimensions of m as r×c.
func shape(m mat.Matrix) string {
	r, c := m.Dims()
	return fmt.Sprintf("%d×%d", r, c)
}

// show formats a named matrix for a verdict: its name and shape, then its
// values, indented.
func show(label, name string, m mat.Matrix) string {
	values := fmt.Sprintf("%.6g", mat.Formatted(m, mat.Prefix("  "), mat.Squeeze()))
	return fmt.Sprintf("%s %s (%s):\n  %s", label, name, shape(m), values)
}

// shapes lists the names and shapes of a check's inputs: "W 2×3, A 3×4".
func shapes(in []input) string {
	parts := make([]string, len(in))
	for i, x := range in {
		parts[i] = x.name + " " + shape(x.m)
	}
	return strings.Join(parts, ", ")
}

// input is one named argument of the learner's function.
type input struct {
	name string
	m    *mat.Dense
}

// copies returns fresh copies of the inputs' matrices, so that the learner's
// function cannot change the check's own.
func copies(in []input) []*mat.Dense {
	out := make([]*mat.Dense, len(in))
	for i, x := range in {
		out[i] = mat.DenseCopyOf(x.m)
	}
	return out
}

// changedInput returns the name of the first input that the learner's
// function changed (given the copies it was called with), or "".
func changedInput(in []input, used []*mat.Dense) string {
	for i, x := range in {
		if !mat.Equal(x.m, used[i]) {
			return x.name
		}
	}
	return ""
}

// changedVerdict is the verdict on a function that wrote into its input.
func changedVerdict(what, name string) verdict {
	return fail(fmt.Sprintf("%s changed its input %s", what, name),
		fmt.Sprintf("compute the result into a new matrix (mat.NewDense) and leave %s as it was: "+
			"the network keeps %s for backward propagation.", name, name))
}

// nilVerdict is the verdict on a function that returned a nil matrix.
func nilVerdict(what, result string) verdict {
	return fail(fmt.Sprintf("%s returned nil instead of %s", what, result),
		"return the matrix you computed.")
}

// matrix builds a matrix from its rows.
func matrix(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, row := range rows {
		m.SetRow(i, row)
	}
	return m
}

// apply returns f applied to every element of Z.
func apply(Z mat.Matrix, f func(z float64) float64) *mat.Dense {
	r, c := Z.Dims()
	out := mat.NewDense(r, c, nil)
	out.Apply(func(i, j int, _ float64) float64 { return f(Z.At(i, j)) }, out)
	return out
}

// combine returns f applied to the elements of A and B pairwise.
func combine(A, B mat.Matrix, f func(a, b float64) float64) *mat.Dense {
	r, c := A.Dims()
	out := mat.NewDense(r, c, nil)
	out.Apply(func(i, j int, _ float64) float64 { return f(A.At(i, j), B.At(i, j)) }, out)
	return out
}

// scaled returns s·M, or nil for a nil M.
func scaled(s float64, M *mat.Dense) *mat.Dense {
	if M == nil {
		return nil
	}
	var out mat.Dense
	out.Scale(s, M)
	return &out
}

// product returns P·Q, or nil when their shapes do not fit.
func product(P, Q mat.Matrix) *mat.Dense {
	_, pc := P.Dims()
	qr, _ := Q.Dims()
	if pc != qr {
		return nil
	}
	var out mat.Dense
	out.Mul(P, Q)
	return &out
}

// transposed returns a copy of Mᵀ.
func transposed(M mat.Matrix) *mat.Dense { return mat.DenseCopyOf(M.T()) }

// sigma is the logistic function, written here so that the hints do not
// depend on package nn.
func sigma(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
