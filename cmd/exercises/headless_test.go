package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/cmd/internal/notebook/notebooktest"
)

// plantedBugs holds, for each exercise function of testdata/course.ipynb, a
// body with one usual mistake, and the words of the hint its check must
// print.
var plantedBugs = map[string]struct{ body, check, hint string }{
	"linear": {`	var Z mat.Dense
	Z.Mul(W, A)
	return &Z
`, "linear", "b is missing"},
	"sigmoid": {`	A := mat.DenseCopyOf(Z)
	A.Apply(func(_, _ int, z float64) float64 { return 1 / (1 + math.Exp(z)) }, A)
	return A
`, "sigmoid", "the sign of the exponent"},
	"sigmoidBackward": {`	dZ := mat.DenseCopyOf(dA)
	dZ.Apply(func(i, j int, a float64) float64 { z := Z.At(i, j); return a * z * (1 - z) }, dZ)
	return dZ
`, "sigmoid_backward", "apply σ to Z first"},
	"relu": {`	A := mat.DenseCopyOf(Z)
	A.Apply(func(_, _ int, z float64) float64 { return min(0, z) }, A)
	return A
`, "relu", "min(0, z)"},
	"reluBackward": {`	dZ := mat.DenseCopyOf(dA)
	dZ.Apply(func(i, j int, a float64) float64 {
		if Z.At(i, j) >= 0 {
			return a
		}
		return 0
	}, dZ)
	return dZ
`, "relu_backward", "ReLU'(0) = 0"},
	"binaryCrossEntropy": {`	_, m := Yhat.Dims()
	total := 0.0
	for j := 0; j < m; j++ {
		p := math.Min(math.Max(Yhat.At(0, j), nn.Epsilon), 1-nn.Epsilon)
		y := Y.At(0, j)
		total += y*math.Log(p) + (1-y)*math.Log(1-p)
	}
	return total / float64(m)
`, "binary_cross_entropy", "the minus sign is missing"},
	"linearBackward": {`	n, m := dZ.Dims()
	nPrev, _ := APrev.Dims()
	dW = mat.NewDense(n, nPrev, nil)
	dW.Mul(dZ, APrev.T())
	db = mat.NewDense(n, 1, nil)
	for i := 0; i < n; i++ {
		db.Set(i, 0, mat.Sum(dZ.RowView(i))/float64(m))
	}
	dAPrev = mat.NewDense(nPrev, m, nil)
	dAPrev.Mul(W.T(), dZ)
	return dW, db, dAPrev
`, "linear_backward", "the 1/m is missing"},
	"adamStep": {`	r, c := W.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			g := dW.At(i, j)
			M.Set(i, j, beta1*M.At(i, j)+(1-beta1)*g)
			V.Set(i, j, beta2*V.At(i, j)+(1-beta2)*g*g)
			W.Set(i, j, W.At(i, j)-rate*M.At(i, j)/(math.Sqrt(V.At(i, j))+epsilon))
		}
	}
`, "adam", "the bias correction is missing"},
	"train": {`	var losses []float64
	for epoch := 0; epoch < epochs; epoch++ {
		losses = append(losses, net.Loss.Value(net.Forward(X), Y))
		net.Backward(Y)
	}
	return losses
`, "training_loop", "the loss never changes"},
	"backwardStep": {`	n, m := dZ.Dims()
	nPrev, _ := APrev.Dims()
	dW = mat.NewDense(n, nPrev, nil)
	dW.Mul(dZ, APrev.T())
	dW.Scale(1/float64(m), dW)
	db = mat.NewDense(1, m, nil)
	for j := 0; j < m; j++ {
		db.Set(0, j, mat.Sum(dZ.ColView(j))/float64(m))
	}
	dAPrev = mat.NewDense(nPrev, m, nil)
	dAPrev.Mul(W.T(), dZ)
	return dW, db, dAPrev
`, "gradients", "a sum over the wrong axis"},
}

// The learners' copy executed headless: with the stubs every check says
// "not done yet" and the notebook runs to its end; with the solutions put
// back every check passes; with a planted bug in each exercise every check
// fails with the hint for that bug.
func TestExercisesHeadless(t *testing.T) {
	jupyter, env := notebooktest.Require(t)
	course, err := notebook.Read(filepath.Join("testdata", "course.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	exercise, res, err := Generate(course)
	if err != nil {
		t.Fatal(err)
	}
	solutions, err := course.Solutions()
	if err != nil {
		t.Fatal(err)
	}
	bugs := map[string]string{}
	for fn, b := range plantedBugs {
		bugs[fn] = b.body
	}

	// execute runs the exercise with the given bodies put in its regions.
	execute := func(t *testing.T, bodies map[string]string) (verdicts, outputs map[string]string, last string) {
		nb := exercise.Clone()
		if n, err := nb.Fill(bodies); err != nil || n != len(bodies) {
			t.Fatalf("filled %d of %d regions: %v", n, len(bodies), err)
		}
		path := filepath.Join(t.TempDir(), "course.ipynb")
		if err := nb.Write(path); err != nil {
			t.Fatal(err)
		}
		executed := notebooktest.Execute(t, jupyter, env, path, 3*time.Minute)
		verdicts, outputs = notebooktest.Verdicts(executed)
		return verdicts, outputs, executed.Cells[len(executed.Cells)-1].Stream("stdout")
	}

	t.Run("stubs", func(t *testing.T) {
		t.Parallel()
		verdicts, outputs, last := execute(t, nil)
		for _, name := range res.Checks {
			if verdicts[name] != "NOT DONE" || !strings.Contains(outputs[name], "not done yet") {
				t.Errorf("check %s: %q, want NOT DONE\n%s", name, verdicts[name], outputs[name])
			}
		}
		if !strings.Contains(last, "end of the notebook") {
			t.Errorf("the last cell printed %q: the notebook did not run to its end", last)
		}
	})
	t.Run("solutions", func(t *testing.T) {
		t.Parallel()
		verdicts, outputs, _ := execute(t, solutions)
		for _, name := range res.Checks {
			if verdicts[name] != "PASS" {
				t.Errorf("check %s: %q, want PASS\n%s", name, verdicts[name], outputs[name])
			}
		}
	})
	t.Run("planted bugs", func(t *testing.T) {
		t.Parallel()
		verdicts, outputs, last := execute(t, bugs)
		for fn, b := range plantedBugs {
			out := outputs[b.check]
			if verdicts[b.check] != "FAIL" || !strings.Contains(out, b.hint) || !strings.Contains(out, "hint: ") {
				t.Errorf("check %s with the bug in %s: %q, want FAIL with the hint %q\n%s",
					b.check, fn, verdicts[b.check], b.hint, out)
			}
		}
		if len(plantedBugs) != len(res.Checks) {
			t.Errorf("%d planted bugs for %d checks", len(plantedBugs), len(res.Checks))
		}
		if !strings.Contains(last, "end of the notebook") {
			t.Errorf("the last cell printed %q: the notebook did not run to its end", last)
		}
	})
}
