package check

import (
	"bytes"
	"io"
	"math"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/deeplearning-go/course/nn"
	"gonum.org/v1/gonum/mat"
)

// A learner's right answers, written as a learner would, from package nn
// where it has the function.

func goodAdam(W, dW, M, V *mat.Dense, t int, rate float64) {
	c1 := 1 - math.Pow(0.9, float64(t))
	c2 := 1 - math.Pow(0.999, float64(t))
	r, c := W.Dims()
	for i := range r {
		for j := range c {
			g := dW.At(i, j)
			M.Set(i, j, 0.9*M.At(i, j)+0.1*g)
			V.Set(i, j, 0.999*V.At(i, j)+0.001*g*g)
			W.Set(i, j, W.At(i, j)-rate*(M.At(i, j)/c1)/(math.Sqrt(V.At(i, j)/c2)+1e-7))
		}
	}
}

func goodTraining(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
	var losses []float64
	for range epochs {
		Yhat := net.Forward(X)
		losses = append(losses, net.Loss.Value(Yhat, Y))
		net.Backward(Y)
		net.Optimizer.Update(net.Params())
	}
	return losses
}

// Planted bugs: each is the right code with one usual mistake.

func elementwise(Z *mat.Dense, f func(z float64) float64) *mat.Dense { return apply(Z, f) }

func stubbed[T any]() T { panic(NotDone) }

// elem is one element of W, dW, M and V at step t, for a planted bug in
// Adam to update.
type elem struct {
	w, g, m, v, rate float64
	t                int
}

// adamWith is an Adam step that updates each element with update.
func adamWith(update func(e *elem)) func(W, dW, M, V *mat.Dense, t int, rate float64) {
	return func(W, dW, M, V *mat.Dense, t int, rate float64) {
		r, c := W.Dims()
		for i := range r {
			for j := range c {
				e := elem{W.At(i, j), dW.At(i, j), M.At(i, j), V.At(i, j), rate, t}
				update(&e)
				W.Set(i, j, e.w)
				M.Set(i, j, e.m)
				V.Set(i, j, e.v)
			}
		}
	}
}

// moments is the right update of M and V, with which the bugs in W start.
func (e *elem) moments() {
	e.m, e.v = 0.9*e.m+0.1*e.g, 0.999*e.v+0.001*e.g*e.g
}

// grads holds the inputs and the right results of a linear backward step,
// for a planted bug to change.
type grads struct {
	dZ, APrev, W   *mat.Dense
	dW, db, dAPrev *mat.Dense
	m              float64
}

type backwardFunc = func(dZ, APrev, W *mat.Dense) (dW, db, dAPrev *mat.Dense)

// backwardWith is nn.LinearBackward with its results changed by change.
func backwardWith(change func(g *grads)) backwardFunc {
	return func(dZ, APrev, W *mat.Dense) (*mat.Dense, *mat.Dense, *mat.Dense) {
		g := grads{dZ: dZ, APrev: APrev, W: W, m: float64(columns(dZ))}
		g.dW, g.db, g.dAPrev = nn.LinearBackward(dZ, APrev, W)
		change(&g)
		return g.dW, g.db, g.dAPrev
	}
}

// rowSums is db summed over the wrong axis: 1×m, the mean of each column.
func rowSums(g *grads) *mat.Dense {
	db := mat.NewDense(1, int(g.m), nil)
	for j := range int(g.m) {
		db.Set(0, j, mat.Sum(g.dZ.ColView(j))/g.m)
	}
	return db
}

func columns(dZ *mat.Dense) int { _, m := dZ.Dims(); return m }

type checkRun func(w io.Writer) bool

func matrixRun(c *matrixCheck) checkRun { return c.run }

func verdictRun(name string, v func() verdict) checkRun {
	return func(w io.Writer) bool { return judge(w, name, v) }
}

func linearRun(f func(W, A, b *mat.Dense) *mat.Dense) checkRun { return matrixRun(linearCheck(f)) }
func sigmoidRun(f func(Z *mat.Dense) *mat.Dense) checkRun      { return matrixRun(sigmoidCheck(f)) }
func reluRun(f func(Z *mat.Dense) *mat.Dense) checkRun         { return matrixRun(reluCheck(f)) }
func sigmoidBackwardRun(f func(dA, Z *mat.Dense) *mat.Dense) checkRun {
	return matrixRun(sigmoidBackwardCheck(f))
}
func reluBackwardRun(f func(dA, Z *mat.Dense) *mat.Dense) checkRun {
	return matrixRun(reluBackwardCheck(f))
}
func bceRun(f func(Yhat, Y *mat.Dense) float64) checkRun {
	return verdictRun("binary_cross_entropy", func() verdict { return binaryCrossEntropyVerdict(f) })
}
func linearBackwardRun(f backwardFunc) checkRun {
	return verdictRun("linear_backward", func() verdict { return linearBackwardVerdict(f) })
}
func adamRun(f func(W, dW, M, V *mat.Dense, t int, rate float64)) checkRun {
	return verdictRun("adam", func() verdict { return adamVerdict(f) })
}
func trainingRun(f func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64) checkRun {
	return verdictRun("training_loop", func() verdict { return trainingVerdict(f) })
}
func gradientsRun(f backwardFunc) checkRun {
	return verdictRun("gradients", func() verdict { return gradientsVerdict(f) })
}

// checkCase is a learner's function given to a check, with the verdict and
// the words of the hint it must print.
type checkCase struct {
	name  string
	run   checkRun
	want  string // the verdict line: "CHECK linear: FAIL"
	words []string
}

func TestChecks(t *testing.T) {
	sigmoidPrime := func(z float64) float64 { s := sigma(z); return s * (1 - s) }
	cases := []checkCase{
		// Linear.
		{"linear right", linearRun(nn.Linear), "CHECK linear: PASS", []string{"right on all 2 cases"}},
		{"linear stub", linearRun(notDone3), "CHECK linear: NOT DONE", []string{"not done yet"}},
		{"linear without b", linearRun(func(W, A, b *mat.Dense) *mat.Dense {
			var Z mat.Dense
			Z.Mul(W, A)
			return &Z
		}), "CHECK linear: FAIL", []string{"b is missing", "expected Z (2×4)", "got Z (2×4)"}},
		{"linear minus b", linearRun(func(W, A, b *mat.Dense) *mat.Dense {
			Z := nn.Linear(W, A, b)
			return addColumn(addColumn(Z, b, -1), b, -1)
		}), "CHECK linear: FAIL", []string{"b is subtracted"}},
		{"linear transposed", linearRun(func(W, A, b *mat.Dense) *mat.Dense {
			return transposed(nn.Linear(W, A, b))
		}), "CHECK linear: FAIL", []string{"wrong shape", "expected 2×4, got 4×2", "transpose of Z"}},
		{"linear A·W", linearRun(func(W, A, b *mat.Dense) *mat.Dense {
			var Z mat.Dense
			Z.Mul(A, W) // panics: A is 3×4, W 2×3
			return &Z
		}), "CHECK linear: FAIL", []string{"panicked: mat: dimension mismatch", "order of the factors"}},
		{"linear nil", linearRun(func(W, A, b *mat.Dense) *mat.Dense { return nil }),
			"CHECK linear: FAIL", []string{"returned nil"}},
		{"linear changes A", linearRun(func(W, A, b *mat.Dense) *mat.Dense {
			Z := nn.Linear(W, A, b)
			A.Zero()
			return Z
		}), "CHECK linear: FAIL", []string{"changed its input A"}},

		// Sigmoid.
		{"sigmoid right", sigmoidRun(nn.Sigmoid), "CHECK sigmoid: PASS", nil},
		{"sigmoid plain formula", sigmoidRun(func(Z *mat.Dense) *mat.Dense {
			return elementwise(Z, func(z float64) float64 { return 1 / (1 + math.Exp(-z)) })
		}), "CHECK sigmoid: PASS", nil},
		{"sigmoid stub", sigmoidRun(notDone1), "CHECK sigmoid: NOT DONE", nil},
		{"sigmoid sign", sigmoidRun(func(Z *mat.Dense) *mat.Dense {
			return elementwise(Z, func(z float64) float64 { return 1 / (1 + math.Exp(z)) })
		}), "CHECK sigmoid: FAIL", []string{"sign of the exponent"}},
		{"sigmoid tanh", sigmoidRun(nn.Tanh), "CHECK sigmoid: FAIL", []string{"tanh"}},
		{"sigmoid overflows", sigmoidRun(func(Z *mat.Dense) *mat.Dense {
			return elementwise(Z, func(z float64) float64 { return math.Exp(z) / (1 + math.Exp(z)) })
		}), "CHECK sigmoid: FAIL", []string{"case 2 of 2", "the 1 case(s) before it were right", "overflows"}},

		// Sigmoid backward.
		{"sigmoid backward right", sigmoidBackwardRun(nn.SigmoidBackward), "CHECK sigmoid_backward: PASS", nil},
		{"sigmoid backward z(1-z)", sigmoidBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return combine(dA, Z, func(a, z float64) float64 { return a * z * (1 - z) })
		}), "CHECK sigmoid_backward: FAIL", []string{"z(1 - z)", "apply σ to Z first"}},
		{"sigmoid backward without dA", sigmoidBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return elementwise(Z, sigmoidPrime)
		}), "CHECK sigmoid_backward: FAIL", []string{"σ'(Z) alone"}},
		{"sigmoid backward σ", sigmoidBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return combine(dA, Z, func(a, z float64) float64 { return a * sigma(z) })
		}), "CHECK sigmoid_backward: FAIL", []string{"rather than by its derivative"}},
		{"sigmoid backward matrix product", sigmoidBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			var dZ mat.Dense
			dZ.Mul(dA, elementwise(Z, sigmoidPrime)) // panics on 2×3 inputs
			return &dZ
		}), "CHECK sigmoid_backward: FAIL", []string{"dimension mismatch", "element-wise product"}},

		// ReLU and its backward step.
		{"relu right", reluRun(nn.ReLU), "CHECK relu: PASS", nil},
		{"relu min", reluRun(func(Z *mat.Dense) *mat.Dense {
			return elementwise(Z, func(z float64) float64 { return math.Min(0, z) })
		}), "CHECK relu: FAIL", []string{"min(0, z)"}},
		{"relu derivative", reluRun(func(Z *mat.Dense) *mat.Dense { return elementwise(Z, step) }),
			"CHECK relu: FAIL", []string{"that is ReLU'(z)"}},
		{"relu in place", reluRun(func(Z *mat.Dense) *mat.Dense {
			Z.Apply(func(_, _ int, z float64) float64 { return math.Max(0, z) }, Z)
			return Z
		}), "CHECK relu: FAIL", []string{"changed its input Z", "backward propagation"}},
		{"relu backward right", reluBackwardRun(nn.ReLUBackward), "CHECK relu_backward: PASS", nil},
		{"relu backward z >= 0", reluBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return combine(dA, Z, func(a, z float64) float64 {
				if z >= 0 {
					return a
				}
				return 0
			})
		}), "CHECK relu_backward: FAIL", []string{"ReLU'(0) = 0", "z > 0, not z >= 0"}},
		{"relu backward mask from dA", reluBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return nn.ReLU(dA)
		}), "CHECK relu_backward: FAIL", []string{"mask comes from Z"}},
		{"relu backward without dA", reluBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			return elementwise(Z, step)
		}), "CHECK relu_backward: FAIL", []string{"ReLU'(Z) alone"}},
		{"relu backward matrix product", reluBackwardRun(func(dA, Z *mat.Dense) *mat.Dense {
			r, _ := dA.Dims()
			if r != 2 || columns(dA) != 2 {
				return nn.ReLUBackward(dA, Z) // right on the first case, to reach the square one
			}
			var dZ mat.Dense
			dZ.Mul(dA, elementwise(Z, step))
			return &dZ
		}), "CHECK relu_backward: FAIL", []string{"case 2 of 2", "matrix product"}},

		// Binary cross-entropy.
		{"bce right", bceRun(nn.BinaryCrossEntropy), "CHECK binary_cross_entropy: PASS", nil},
		{"bce stub", bceRun(func(Yhat, Y *mat.Dense) float64 { panic("not done yet") }),
			"CHECK binary_cross_entropy: NOT DONE", nil},
		{"bce without minus", bceRun(func(Yhat, Y *mat.Dense) float64 {
			return -nn.BinaryCrossEntropy(Yhat, Y)
		}), "CHECK binary_cross_entropy: FAIL", []string{"minus sign"}},
		{"bce without 1/m", bceRun(func(Yhat, Y *mat.Dense) float64 {
			return float64(columns(Yhat)) * nn.BinaryCrossEntropy(Yhat, Y)
		}), "CHECK binary_cross_entropy: FAIL", []string{"divide by m"}},
		{"bce without clipping", bceRun(func(Yhat, Y *mat.Dense) float64 {
			total := 0.0
			for j := range columns(Yhat) {
				p, y := Yhat.At(0, j), Y.At(0, j)
				total += y*math.Log(p) + (1-y)*math.Log(1-p)
			}
			return -total / float64(columns(Yhat))
		}), "CHECK binary_cross_entropy: FAIL", []string{"case 2 of 2", "clip each ŷ"}},
		{"bce one term", bceRun(func(Yhat, Y *mat.Dense) float64 {
			total := 0.0
			for j := range columns(Yhat) {
				total += Y.At(0, j) * math.Log(math.Min(math.Max(Yhat.At(0, j), 1e-7), 1-1e-7))
			}
			return -total / float64(columns(Yhat))
		}), "CHECK binary_cross_entropy: FAIL", []string{"(1 - y) log(1 - ŷ) term is missing"}},
		{"bce panics", bceRun(func(Yhat, Y *mat.Dense) float64 {
			var s []float64
			return s[3]
		}), "CHECK binary_cross_entropy: FAIL", []string{"panicked", "index out of range", "Dims()"}},

		// Linear backward.
		{"linear backward right", linearBackwardRun(nn.LinearBackward), "CHECK linear_backward: PASS", nil},
		{"linear backward stub", linearBackwardRun(func(dZ, APrev, W *mat.Dense) (_, _, _ *mat.Dense) {
			panic(NotDone)
		}), "CHECK linear_backward: NOT DONE", nil},
		{"linear backward dW without 1/m", linearBackwardRun(backwardWith(func(g *grads) {
			g.dW = scaled(g.m, g.dW)
		})), "CHECK linear_backward: FAIL", []string{"dW is wrong", "db and dA_prev right", "1/m is missing"}},
		{"linear backward db over rows", linearBackwardRun(backwardWith(func(g *grads) {
			g.db = rowSums(g)
		})), "CHECK linear_backward: FAIL", []string{"db is 1×4", "summed dZ over its rows", "expected db 2×1"}},
		{"linear backward dW transposed", linearBackwardRun(backwardWith(func(g *grads) {
			g.dW = transposed(g.dW)
		})), "CHECK linear_backward: FAIL", []string{"dW is transposed"}},
		{"linear backward dA_prev with 1/m", linearBackwardRun(backwardWith(func(g *grads) {
			g.dAPrev = scaled(1/g.m, g.dAPrev)
		})), "CHECK linear_backward: FAIL", []string{"dA_prev has no 1/m"}},
		{"linear backward W not transposed", linearBackwardRun(backwardWith(func(g *grads) {
			if p := product(g.W, g.dZ); p != nil {
				g.dAPrev = p
			}
		})), "CHECK linear_backward: FAIL", []string{"case 2 of 2", "transpose W"}},

		// Adam.
		{"adam right", adamRun(goodAdam), "CHECK adam: PASS", []string{"after each of 3 steps"}},
		{"adam stub", adamRun(func(W, dW, M, V *mat.Dense, t int, rate float64) { panic(NotDone) }),
			"CHECK adam: NOT DONE", nil},
		{"adam new matrices", adamRun(func(W, dW, M, V *mat.Dense, t int, rate float64) {
			W, M, V = mat.DenseCopyOf(W), mat.DenseCopyOf(M), mat.DenseCopyOf(V)
			goodAdam(W, dW, M, V, t, rate)
		}), "CHECK adam: FAIL", []string{"did not change", "in place"}},
		{"adam without bias correction", adamRun(adamWith(func(e *elem) {
			e.moments()
			e.w -= e.rate * e.m / (math.Sqrt(e.v) + 1e-7)
		})), "CHECK adam: FAIL", []string{"W is wrong after step t = 1", "bias correction is missing"}},
		{"adam ε inside the root", adamRun(adamWith(func(e *elem) {
			e.moments()
			c1, c2 := 1-math.Pow(0.9, float64(e.t)), 1-math.Pow(0.999, float64(e.t))
			e.w -= e.rate * (e.m / c1) / math.Sqrt(e.v/c2+1e-7)
		})), "CHECK adam: FAIL", []string{"outside the square root"}},
		{"adam Keras form", adamRun(adamWith(func(e *elem) {
			e.moments()
			c1, c2 := 1-math.Pow(0.9, float64(e.t)), 1-math.Pow(0.999, float64(e.t))
			e.w -= e.rate * math.Sqrt(c2) / c1 * e.m / (math.Sqrt(e.v) + 1e-7)
		})), "CHECK adam: FAIL", []string{"Keras' form"}},
		{"adam V not squared", adamRun(adamWith(func(e *elem) {
			e.m, e.v = 0.9*e.m+0.1*e.g, 0.999*e.v+0.001*e.g
		})), "CHECK adam: FAIL", []string{"V is wrong", "squared gradient"}},
		{"adam t from 0", adamRun(func(W, dW, M, V *mat.Dense, t int, rate float64) {
			goodAdam(W, dW, M, V, t-1, rate)
		}), "CHECK adam: FAIL", []string{"t counts from 1"}},

		// The training loop.
		{"training right", trainingRun(goodTraining), "CHECK training_loop: PASS", nil},
		{"training with Fit", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			h, err := net.Fit(X, Y, nn.FitOptions{Epochs: epochs, BatchSize: 4})
			if err != nil {
				panic(err)
			}
			var losses []float64
			for _, e := range h.Epochs {
				losses = append(losses, e.Loss)
			}
			return losses
		}), "CHECK training_loop: PASS", nil},
		{"training without update", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			var losses []float64
			for range epochs {
				losses = append(losses, net.Loss.Value(net.Forward(X), Y))
				net.Backward(Y)
			}
			return losses
		}), "CHECK training_loop: FAIL", []string{"never changes", "net.Optimizer.Update"}},
		{"training loss after update", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			var losses []float64
			for range epochs {
				net.Forward(X)
				net.Backward(Y)
				net.Optimizer.Update(net.Params())
				losses = append(losses, net.Loss.Value(net.Forward(X), Y))
			}
			return losses
		}), "CHECK training_loop: FAIL", []string{"one epoch ahead"}},
		{"training one loss too few", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			return goodTraining(net, X, Y, epochs-1)
		}), "CHECK training_loop: FAIL", []string{"returned 5 losses for 6 epochs"}},
		{"training backward first", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			net.Backward(Y)
			return nil
		}), "CHECK training_loop: FAIL", []string{"panicked", "call Forward first"}},
		{"training own optimizer", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			net.Optimizer = nn.NewAdam(0.01)
			return goodTraining(net, X, Y, epochs)
		}), "CHECK training_loop: FAIL", []string{"epochs 1 to 1 were right", "exactly one update"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runCase(t, c)
		})
	}
}

// The stubs' shapes for the generic notDone.
var (
	notDone1 = func(Z *mat.Dense) *mat.Dense { return stubbed[*mat.Dense]() }
	notDone3 = func(W, A, b *mat.Dense) *mat.Dense { return stubbed[*mat.Dense]() }
)

// runCase runs a check case and compares its output with what it wants.
func runCase(t *testing.T, c checkCase) {
	t.Helper()
	var out bytes.Buffer
	ok := c.run(&out)
	text := out.String()
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if last := lines[len(lines)-1]; last != c.want {
		t.Errorf("last line %q, want %q\n%s", last, c.want, text)
	}
	if ok != strings.HasSuffix(c.want, ": PASS") {
		t.Errorf("returned %v for %q", ok, c.want)
	}
	for _, w := range c.words {
		if !strings.Contains(text, w) {
			t.Errorf("output does not mention %q:\n%s", w, text)
		}
	}
	if strings.HasSuffix(c.want, ": FAIL") && !strings.Contains(text, "hint: ") {
		t.Errorf("a failure without a hint:\n%s", text)
	}
	if testing.Verbose() {
		t.Logf("\n%s", text)
	}
}

// The gradient-check exercise, with the planted bugs of its kinds.
func TestGradients(t *testing.T) {
	cases := []checkCase{
		{"right", gradientsRun(nn.LinearBackward), "CHECK gradients: PASS",
			[]string{"agree with the centred differences", "dA_prev  3×4   relative difference"}},
		{"stub", gradientsRun(func(dZ, APrev, W *mat.Dense) (_, _, _ *mat.Dense) {
			panic("not done yet")
		}), "CHECK gradients: NOT DONE", nil},
		{"dW without 1/m", gradientsRun(backwardWith(func(g *grads) { g.dW = scaled(g.m, g.dW) })),
			"CHECK gradients: FAIL",
			[]string{"dW is wrong: m = 4 times the centred difference", "1/m of the mean loss is missing",
				"dW       2×3   relative difference 6.0e-01   wrong", "db       2×1   relative difference"}},
		{"db without 1/m", gradientsRun(backwardWith(func(g *grads) { g.db = scaled(g.m, g.db) })),
			"CHECK gradients: FAIL", []string{"db is wrong: m = 4 times", "1/m of the mean loss is missing"}},
		{"dA_prev with 1/m", gradientsRun(backwardWith(func(g *grads) { g.dAPrev = scaled(1/g.m, g.dAPrev) })),
			"CHECK gradients: FAIL", []string{"dA_prev is wrong: 1/m = 1/4", "extra 1/m", "stays per sample"}},
		{"dW with 1/m twice", gradientsRun(backwardWith(func(g *grads) { g.dW = scaled(1/g.m, g.dW) })),
			"CHECK gradients: FAIL", []string{"divided by m twice"}},
		{"db over the wrong axis", gradientsRun(backwardWith(func(g *grads) { g.db = rowSums(g) })),
			"CHECK gradients: FAIL",
			[]string{"db is wrong: a sum over the wrong axis", "summed dZ over its rows", "shape differs from b (2×1)"}},
		{"db not summed", gradientsRun(backwardWith(func(g *grads) { g.db = scaled(1/g.m, g.dZ) })),
			"CHECK gradients: FAIL", []string{"db is wrong: a sum is missing"}},
		{"dW transposed", gradientsRun(backwardWith(func(g *grads) {
			g.dW = scaled(1/g.m, product(g.APrev, g.dZ.T())) // A_prev·dZᵀ
		})), "CHECK gradients: FAIL", []string{"dW is wrong: a transposed matrix", "dW is 3×2 but W is 2×3"}},
		{"dA_prev sign", gradientsRun(backwardWith(func(g *grads) { g.dAPrev = scaled(-1, g.dAPrev) })),
			"CHECK gradients: FAIL", []string{"dA_prev is wrong: the opposite sign"}},
		{"dW from the wrong matrix", gradientsRun(backwardWith(func(g *grads) {
			g.dW = product(g.dZ, g.dAPrev.T()) // dA_prev in place of A_prev
		})), "CHECK gradients: FAIL", []string{"dW is wrong: relative difference", "which matrix you use where"}},
		{"dW slightly off", gradientsRun(backwardWith(func(g *grads) { g.dW.Set(0, 0, g.dW.At(0, 0)+1e-6) })),
			"CHECK gradients: FAIL", []string{"dW is wrong: doubtful", "float32"}},
		{"db nil", gradientsRun(backwardWith(func(g *grads) { g.db = nil })),
			"CHECK gradients: FAIL", []string{"db is wrong: it is nil"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, c) })
	}
}

// A learner's panic, a function that never returns and one that stops its
// goroutine are reported, and the next check still runs.
func TestTrouble(t *testing.T) {
	saved := timeLimit
	timeLimit = 200 * time.Millisecond
	var stop atomic.Bool
	defer func() { timeLimit = saved; stop.Store(true) }()

	cases := []checkCase{
		{"endless loop", trainingRun(func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64 {
			for !stop.Load() { // the check gives up long before stop
				net.Forward(X)
			}
			return nil
		}), "CHECK training_loop: FAIL", []string{"did not return within 200ms", "loop that never ends"}},
		{"nil pointer", sigmoidRun(func(Z *mat.Dense) *mat.Dense {
			var A *mat.Dense
			A.Apply(func(_, _ int, z float64) float64 { return z }, Z)
			return A
		}), "CHECK sigmoid: FAIL", []string{"panicked", "nil pointer", "mat.NewDense"}},
		{"goexit", reluRun(func(Z *mat.Dense) *mat.Dense {
			runtime.Goexit()
			return Z
		}), "CHECK relu: FAIL", []string{"stopped without returning"}},
		{"panic with an error", reluRun(func(Z *mat.Dense) *mat.Dense {
			panic(mat.ErrShape)
		}), "CHECK relu: FAIL", []string{"dimension mismatch"}},
		{"after them", reluRun(nn.ReLU), "CHECK relu: PASS", nil},
	}
	for _, c := range cases {
		runCase(t, c)
	}
}

func TestPanicSite(t *testing.T) {
	stack := "goroutine 7 [running]:\nruntime/debug.Stack()\n\t/go/debug/stack.go:26\n" +
		"github.com/deeplearning-go/course/nn/check.try.func1.1()\n\t/x/verdict.go:120\n" +
		"panic({0x5a, 0x6b})\n\t/go/runtime/panic.go:785\n" +
		"main.linear(0xc, 0xd)\n\t/tmp/gonb_1/main.go:11 +0x1c\n" +
		"main.main.func1()\n\t/tmp/gonb_1/main.go:20\n"
	if got := panicSite(stack); got != "linear" {
		t.Errorf("panicSite = %q, want linear", got)
	}
	if got := panicSite("goroutine 1:\npanic(0x1)\nfmt.Println()\n"); got != "" {
		t.Errorf("panicSite without main = %q, want empty", got)
	}
}

// The values the checks hold agree with package nn, which is tested
// against PyTorch on its own: two independent sources agree.
func TestReferencesAgreeWithNN(t *testing.T) {
	for _, r := range linearRefs {
		if !agree(nn.Linear(r.W, r.A, r.b), r.Z) {
			t.Errorf("linear reference differs from nn.Linear")
		}
	}
	for _, r := range trainingRef.losses {
		if r <= 0 {
			t.Errorf("loss %g is not positive", r)
		}
	}
	net := trainingNetwork()
	if got := goodTraining(net, trainingRef.X, trainingRef.Y, len(trainingRef.losses)); len(got) != 6 {
		t.Fatalf("%d losses", len(got))
	}
}

// A panic in a check's own code is a failure of that check, not a crash.
func TestJudgeRecovers(t *testing.T) {
	runCase(t, checkCase{"broken check", verdictRun("x", func() verdict { panic("bug") }),
		"CHECK x: FAIL", []string{"the check itself failed: bug", "not in your code"}})
}
