package nn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// torchNetwork is the 3 → 4 tanh → 3 relu → 2 softmax network of
// testdata/reference.py, with its weights.
func torchNetwork(t *testing.T) *Network {
	t.Helper()
	n, err := NewNetwork(1, 3, Dense(4, "tanh"), Dense(3, "relu"), Dense(2, "softmax"))
	if err != nil {
		t.Fatal(err)
	}
	n.Layers[0].W = matrix([]float64{-0.147, 0.786, 0.947}, []float64{-1.114, 1.691, -0.895},
		[]float64{-0.356, 1.232, 0.138}, []float64{-1.682, 0.318, 0.133})
	n.Layers[0].B = column(0.137, 0.241, 1.395, 1.347)
	n.Layers[1].W = matrix([]float64{2.438, 0.203, 2.451, 2.026},
		[]float64{1.779, -0.918, -0.458, -0.724}, []float64{1.28, -0.994, 1.815, -0.603})
	n.Layers[1].B = column(1.615, 1.93, -0.423)
	n.Layers[2].W = matrix([]float64{-0.083, -0.984, -1.249}, []float64{-0.188, 0.283, 0.131})
	n.Layers[2].B = column(0.33, -0.077)
	return n
}

var (
	torchX = matrix([]float64{0.5, -1.2, 0.3}, []float64{1.0, 0.4, -0.8}, []float64{-0.6, 0.9, 1.1})
	torchY = matrix([]float64{1, 0, 1}, []float64{0, 1, 0})
)

func TestNetworkMatchesPyTorch(t *testing.T) {
	n := torchNetwork(t)
	Yhat := n.Forward(torchX)
	checkMatrix(t, "Ŷ", Yhat, matrix(
		[]float64{0.4332827303692192, 0.1118229633381928, 0.006430749367435298},
		[]float64{0.5667172696307808, 0.8881770366618071, 0.9935692506325647}), 1e-14)
	if got, want := n.Loss.Value(Yhat, torchY), 2.000537734164916; !near(got, want, 1e-14) {
		t.Errorf("J = %.17g, want %.17g", got, want)
	}

	n.Backward(torchY)
	want := []*mat.Dense{
		matrix([]float64{0.6529512316601213, -0.13300346047250916, 0.6544755677142727},
			[]float64{-0.05060579512540926, -0.01219242844308487, 0.01283595911478174},
			[]float64{0.14332942044143424, -0.351564876184168, 0.48914731143618867},
			[]float64{-0.2302713067639072, 0.09367528176763174, -0.3011380585629717}),
		column(1.6066250153932575, -0.04733397699929115, 0.46118456941597175, -0.6179968233855551),
		matrix([]float64{-0.01813700077007908, 0.01875789921291678, -0.030431198937829265, -0.030379540787225753},
			[]float64{0.21885314262562097, -0.22634531716919581, 0.3672031338498065, 0.3665797921658575},
			[]float64{0.23837201012103942, -0.2465323896554777, 0.39995290032575614, 0.39927396463210996}),
		column(-0.050696224492380336, 0.6117344422080562, 0.6662932361855702),
		matrix([]float64{-2.461146429752037, -1.0609229759451915, -0.5459997411478725},
			[]float64{2.461146429752037, 1.0609229759451915, 0.5459997411478724}),
		column(-0.48282118564171755, 0.4828211856417175),
	}
	for i, p := range n.Params() {
		checkMatrix(t, "d"+p.Name, p.Grad, want[i], 1e-13)
	}
}

// randomData returns m samples of n inputs and one-hot or 0/1 labels for k
// outputs, drawn from seed.
func randomData(seed uint64, n, k, m int) (X, Y *mat.Dense) {
	rng := NewRand(seed)
	X = mat.NewDense(n, m, nil)
	for i := range n {
		for j := range m {
			X.Set(i, j, rng.NormFloat64())
		}
	}
	Y = mat.NewDense(k, m, nil)
	for j := range m {
		if k == 1 {
			Y.Set(0, j, float64(rng.IntN(2)))
		} else {
			Y.Set(rng.IntN(k), j, 1)
		}
	}
	return X, Y
}

// TestGradientCheck checks backward propagation against centred differences
// for every hidden activation with every output and loss, on a 3-layer
// network: the relative difference must be below GoodDifference, 1e-7.
func TestGradientCheck(t *testing.T) {
	outputs := []struct {
		activation string
		units      int
		loss       Loss
	}{
		{"sigmoid", 1, BinaryCrossEntropyLoss},      // dZ = Ŷ - Y
		{"softmax", 3, CategoricalCrossEntropyLoss}, // dZ = Ŷ - Y
		{"sigmoid", 3, BinaryCrossEntropyLoss},      // several independent labels
		{"softmax", 3, BinaryCrossEntropyLoss},      // through SoftmaxBackward
		{"sigmoid", 3, CategoricalCrossEntropyLoss}, // through the loss gradient
	}
	for _, hidden := range ActivationNames() {
		for _, out := range outputs {
			name := hidden + "/" + out.activation + "/" + out.loss.Name
			n, err := NewNetwork(3, 4, Dense(5, hidden), Dense(4, hidden), Dense(out.units, out.activation))
			if err != nil {
				t.Fatal(err)
			}
			n.Compile(out.loss, &SGD{Rate: 0.1})
			X, Y := randomData(4, 4, out.units, 6)

			report := CheckGradients(n, X, Y)
			if !report.OK() {
				t.Errorf("%s:\n%s", name, report)
			}
		}
	}
}

func TestGradientCheckCatchesBug(t *testing.T) {
	n, err := NewNetwork(3, 4, Dense(5, "tanh"), Dense(3, "softmax"))
	if err != nil {
		t.Fatal(err)
	}
	// A backward step that forgets g'(Z): dZ = dA.
	n.Layers[0].Activation.Backward = func(dA, Z *mat.Dense) *mat.Dense { return dA }
	X, Y := randomData(5, 4, 3, 6)

	report := CheckGradients(n, X, Y)
	if report.OK() || report.Worst().Difference < BugDifference {
		t.Errorf("a wrong tanh backward passed the check:\n%s", report)
	}
	if d := report.Params[2].Difference; d > GoodDifference {
		t.Errorf("W[2] is right but its difference is %g", d)
	}
	if !strings.Contains(report.String(), "wrong") {
		t.Errorf("report does not say wrong:\n%s", report)
	}
}

func TestRelativeDifference(t *testing.T) {
	// By hand: ‖(3,4) - (3,0)‖ = 4, ‖(3,4)‖ + ‖(3,0)‖ = 8.
	if got := RelativeDifference(row(3, 4), row(3, 0)); got != 0.5 {
		t.Errorf("RelativeDifference = %v, want 0.5", got)
	}
	if got := RelativeDifference(row(0, 0), row(0, 0)); got != 0 {
		t.Errorf("RelativeDifference of zeros = %v, want 0", got)
	}
	// By hand: d/dw of w³ at 2 is 12; the centred difference is exact up to h².
	W := row(2)
	g := NumericalGradient(func() float64 { return math.Pow(W.At(0, 0), 3) }, W, 1e-5)
	if !near(g.At(0, 0), 12, 1e-9) || W.At(0, 0) != 2 {
		t.Errorf("NumericalGradient = %v (w is now %v), want 12", g.At(0, 0), W.At(0, 0))
	}
}

func TestOptimizers(t *testing.T) {
	w := row(1, -2, 0.5)
	grads := []*mat.Dense{row(0.5, -0.1, 0), row(0.2, 0.3, -4)}
	run := func(opt Optimizer) *mat.Dense {
		W := mat.DenseCopyOf(w)
		for _, g := range grads {
			opt.Update([]Param{{Name: "W", Value: W, Grad: g}})
		}
		return W
	}

	// PyTorch's Adam, lr 0.1, β 0.9 and 0.999, ε 1e-7 (testdata/reference.py).
	adam := NewAdam(0.1)
	checkMatrix(t, "Adam", run(adam), row(0.8101425231447328, -1.949419061233198, 0.5744136797264352), 1e-14)
	if adam.Steps() != 2 {
		t.Errorf("Adam took %d steps, want 2", adam.Steps())
	}

	// By hand: w - 0.1 (g1 + g2).
	checkMatrix(t, "SGD", run(&SGD{Rate: 0.1}), row(0.93, -2.02, 0.9), 1e-15)

	// By hand: v1 = 0.1 g1, v2 = 0.9 v1 + 0.1 g2, w - 0.5 (v1 + v2).
	// v1 = (0.05, -0.01, 0), v2 = (0.065, 0.021, -0.4).
	checkMatrix(t, "Momentum", run(&Momentum{Rate: 0.5, Beta: 0.9}),
		row(1-0.5*(0.05+0.065), -2-0.5*(-0.01+0.021), 0.5-0.5*(0-0.4)), 1e-15)
}

func TestOptimizerMisuse(t *testing.T) {
	W := row(1, 2)
	mustPanic(t, func() { (&SGD{Rate: 1}).Update([]Param{{Name: "W[1]", Value: W}}) },
		"nn: SGD.Update", "W[1] has no gradient")
	mustPanic(t, func() { (&SGD{Rate: 1}).Update([]Param{{Name: "W[1]", Value: W, Grad: row(1)}}) },
		"W[1] is 1×2", "its gradient is 1×1")
}

// TestFastPathMatchesReadable trains two copies of a network, one with the
// readable functions and one with the reused buffers, and compares every
// weight and the losses after two epochs (the last batch of each is
// smaller). The cases take each branch of the fast path: relu, which it
// computes inline; tanh, through Activation.G and Derivative; a softmax
// output with either loss; a sigmoid output with binary cross-entropy
// (dZ = Ŷ - Y); layers large enough to be shared between the
// processors; and an activation whose Backward a learner replaced, which it
// must call.
func TestFastPathMatchesReadable(t *testing.T) {
	small := []LayerSpec{Dense(16, "relu"), Dense(8, "tanh"), Dense(4, "softmax")}
	large := []LayerSpec{Dense(300, "relu"), Dense(200, "leaky_relu"), Dense(4, "softmax")}
	sigmoid := []LayerSpec{Dense(16, "relu"), Dense(8, "tanh"), Dense(1, "sigmoid")}
	cases := []struct {
		name                      string
		specs                     []LayerSpec
		inputs, outputs, m, batch int
		loss                      Loss
		replaceBackward           bool
	}{
		{"small", small, 10, 4, 150, 32, CategoricalCrossEntropyLoss, false},
		{"small binary", small, 10, 4, 150, 32, BinaryCrossEntropyLoss, false},
		{"sigmoid", sigmoid, 10, 1, 150, 32, BinaryCrossEntropyLoss, false},
		{"parallel", large, 200, 4, 300, 128, CategoricalCrossEntropyLoss, false},
		{"replaced backward", small, 10, 4, 150, 32, CategoricalCrossEntropyLoss, true},
	}
	for _, c := range cases {
		X, Y := randomData(6, c.inputs, c.outputs, c.m)
		var nets [2]*Network
		var histories [2]*History
		calls := 0
		for i, readable := range []bool{true, false} {
			n, err := NewNetwork(7, c.inputs, c.specs...)
			if err != nil {
				t.Fatal(err)
			}
			n.Compile(c.loss, NewAdam(0.01))
			if c.replaceBackward {
				n.Layers[0].Activation.Backward = func(dA, Z *mat.Dense) *mat.Dense {
					calls++
					return ReLUBackward(dA, Z)
				}
			}
			histories[i], err = n.Fit(X, Y, FitOptions{Epochs: 2, BatchSize: c.batch, Seed: 8, Readable: readable})
			if err != nil {
				t.Fatal(err)
			}
			nets[i] = n
		}
		for k, p := range nets[0].Params() {
			q := nets[1].Params()[k]
			checkMatrix(t, c.name+" "+p.Name, q.Value, p.Value, 1e-12)
		}
		for e := range histories[0].Epochs {
			if a, b := histories[0].Epochs[e].Loss, histories[1].Epochs[e].Loss; !near(a, b, 1e-12) {
				t.Errorf("%s epoch %d: loss %v readable, %v fast", c.name, e+1, a, b)
			}
		}
		if batches := 2 * ((c.m + c.batch - 1) / c.batch); c.replaceBackward && calls != 2*batches {
			t.Errorf("%s: the replaced Backward ran %d times in %d batches of each path, want %d",
				c.name, calls, batches, 2*batches)
		}
	}
}

// TestPredictMatchesForward checks that Predict, which reuses its matrices
// from one batch of 1000 samples to the next, gives what the readable
// Forward gives on all the samples at once, for a number of samples that
// leaves a shorter last batch, and layers large enough to be shared between
// the processors.
func TestPredictMatchesForward(t *testing.T) {
	n, err := NewNetwork(3, 20, Dense(40, "relu"), Dense(30, "tanh"), Dense(5, "softmax"))
	if err != nil {
		t.Fatal(err)
	}
	X, _ := randomData(4, 20, 5, 2500)
	checkMatrix(t, "Predict", n.Predict(X), n.Forward(X), 1e-12)
}

// xor is the XOR problem, by hand: four points, not linearly separable.
var (
	xorX = matrix([]float64{0, 0, 1, 1}, []float64{0, 1, 0, 1})
	xorY = row(0, 1, 1, 0)
)

func TestFitLearnsXOR(t *testing.T) {
	n, err := NewNetwork(1, 2, Dense(8, "tanh"), Dense(1, "sigmoid"))
	if err != nil {
		t.Fatal(err)
	}
	n.Compile(BinaryCrossEntropyLoss, NewAdam(0.05))
	var epochs int
	history, err := n.Fit(xorX, xorY, FitOptions{Epochs: 500, BatchSize: 4, Seed: 2,
		OnEpoch: func(EpochStats) { epochs++ }})
	if err != nil {
		t.Fatal(err)
	}
	loss, accuracy := n.Evaluate(xorX, xorY)
	if accuracy != 1 || loss > 0.05 || epochs != 500 || len(history.Epochs) != 500 {
		t.Errorf("after 500 epochs: loss %v, accuracy %v, %d epochs reported", loss, accuracy, epochs)
	}
}

func TestFitIsReproducible(t *testing.T) {
	X, Y := randomData(9, 5, 3, 100)
	var losses [2]float64
	for i := range losses {
		n, _ := NewNetwork(11, 5, Dense(6, "relu"), Dense(3, "softmax"))
		h, err := n.Fit(X, Y, FitOptions{Epochs: 3, BatchSize: 16, Seed: 12})
		if err != nil {
			t.Fatal(err)
		}
		losses[i] = h.Epochs[2].Loss
	}
	if losses[0] != losses[1] {
		t.Errorf("the same seeds gave losses %v and %v", losses[0], losses[1])
	}
}

func TestFitDiverges(t *testing.T) {
	X, Y := randomData(9, 5, 3, 100)
	n, _ := NewNetwork(11, 5, Dense(6, "relu"), Dense(3, "softmax"))
	n.Compile(CategoricalCrossEntropyLoss, &SGD{Rate: 1e300})
	history, err := n.Fit(X, Y, FitOptions{Epochs: 3, BatchSize: 10, Seed: 1})
	mustContain(t, err, "nn: Fit: the loss is NaN at epoch 1, batch", "of 10", "smaller learning rate")
	if history == nil {
		t.Error("no history returned with the error")
	}
}

func TestFitBadArguments(t *testing.T) {
	n, _ := NewNetwork(1, 5, Dense(3, "softmax"))
	X, Y := randomData(1, 5, 3, 10)
	_, err := n.Fit(mat.NewDense(10, 5, nil), Y, FitOptions{Epochs: 1, BatchSize: 1})
	mustContain(t, err, "X is 10×5", "5 values per sample")
	_, err = n.Fit(X, mat.NewDense(3, 9, nil), FitOptions{Epochs: 1, BatchSize: 1})
	mustContain(t, err, "Y is 3×9", "must be 3×10")
	_, err = n.Fit(X, Y, FitOptions{Epochs: 1})
	mustContain(t, err, "BatchSize is 0")
	mustPanic(t, func() { n.Forward(mat.NewDense(4, 2, nil)) },
		"nn: Network.Forward", "X is 4×2", "W[1] is 3×5")
}

func TestBatches(t *testing.T) {
	batches := Batches(NewRand(3), 10, 4)
	if len(batches) != 3 || len(batches[2]) != 2 {
		t.Fatalf("batches of 10 by 4: %v", batches)
	}
	seen := map[int]bool{}
	for _, b := range batches {
		for _, j := range b {
			seen[j] = true
		}
	}
	if len(seen) != 10 {
		t.Errorf("batches %v do not cover 0…9 once each", batches)
	}

	// By hand: columns 2 and 0 of A.
	A := matrix([]float64{1, 2, 3}, []float64{4, 5, 6})
	checkMatrix(t, "Columns", Columns(A, []int{2, 0}), matrix([]float64{3, 1}, []float64{6, 4}), 0)
	mustPanic(t, func() { Columns(A, []int{3}) }, "sample 3 is outside A, which has 3 columns")
}

func TestMetrics(t *testing.T) {
	// By hand.
	Yhat := matrix([]float64{0.7, 0.1, 0.2, 0.3}, []float64{0.2, 0.8, 0.1, 0.6}, []float64{0.1, 0.1, 0.7, 0.1})
	Y := matrix([]float64{1, 0, 0, 1}, []float64{0, 1, 0, 0}, []float64{0, 0, 1, 0})
	if got := Accuracy(Yhat, Y); got != 0.75 {
		t.Errorf("Accuracy = %v, want 0.75", got)
	}
	if got := Accuracy(row(0.2, 0.5, 0.9, 0.4), row(0, 1, 0, 0)); got != 0.75 {
		t.Errorf("binary Accuracy = %v, want 0.75", got)
	}
	counts := ConfusionMatrix(ArgMax(Y), ArgMax(Yhat), 3)
	want := [][]int{{1, 1, 0}, {0, 1, 0}, {0, 0, 1}}
	for i := range want {
		for j := range want[i] {
			if counts[i][j] != want[i][j] {
				t.Fatalf("ConfusionMatrix = %v, want %v", counts, want)
			}
		}
	}
}

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.bin")
	n := torchNetwork(t)
	if err := n.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(loaded.Predict(torchX), n.Predict(torchX)) {
		t.Error("the loaded network predicts differently")
	}
	if loaded.Loss.Name != n.Loss.Name || architecture(loaded) != architecture(n) {
		t.Errorf("loaded %s with %s, saved %s with %s", architecture(loaded), loaded.Loss.Name,
			architecture(n), n.Loss.Name)
	}

	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("Save left %d files, want 1", len(entries))
	}

	// LoadWeights into a network of the same architecture, and not into another.
	same, _ := NewNetwork(5, 3, Dense(4, "tanh"), Dense(3, "relu"), Dense(2, "softmax"))
	if err := same.LoadWeights(path); err != nil || !mat.Equal(same.Predict(torchX), n.Predict(torchX)) {
		t.Errorf("LoadWeights: %v", err)
	}
	other, _ := NewNetwork(5, 3, Dense(4, "relu"), Dense(2, "softmax"))
	before := mat.DenseCopyOf(other.Layers[0].W)
	mustContain(t, other.LoadWeights(path), "holds the network 3 → 4 tanh → 3 relu → 2 softmax",
		"this network is 3 → 4 relu → 2 softmax")
	if !mat.Equal(before, other.Layers[0].W) {
		t.Error("a failed LoadWeights changed the network")
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.bin")
	if err := torchNetwork(t).Save(good); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(good)

	flipped := bytes.Clone(data)
	flipped[len(flipped)-20] ^= 1
	tests := []struct {
		name   string
		data   []byte
		want   string
		cutOff bool
	}{
		{"truncated", data[:len(data)-9], "truncated", true},
		{"header only", data[:40], "truncated", true},
		{"empty", nil, "not a model file", false},
		{"a flipped bit", flipped, "checksum does not match", false},
		{"extra bytes", append(bytes.Clone(data), 0), "corrupt", false},
		{"not a model", []byte("P6\n28 28\n255\n"), "not a model file", false},
		{"version 2", bytes.Replace(data, []byte("model 1"), []byte("model 2"), 1), "version 2", false},
		{"bad layer", resum(bytes.Replace(data, []byte(`"relu"`), []byte(`"relx"`), 1)), "relx", false},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
		os.WriteFile(path, tt.data, 0o644)
		_, err := Load(path)
		mustContain(t, err, path, tt.want)
		if tt.cutOff != errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: errors.Is(err, io.ErrUnexpectedEOF) = %v", tt.name, !tt.cutOff)
		}
	}
}

// TestSaveReplacesWhole checks that Save never writes into the old file: a
// reader holding it open still sees the old model whole, which is what a
// crash mid-write would leave at the path.
func TestSaveReplacesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "model.bin")
	n := torchNetwork(t)
	if err := n.Save(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	old, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()

	n.Layers[0].W.Set(0, 0, 42)
	if err := n.Save(path); err != nil {
		t.Fatal(err)
	}
	kept, _ := io.ReadAll(old)
	if !bytes.Equal(kept, before) {
		t.Error("Save wrote into the old file instead of replacing it")
	}
	loaded, err := Load(path)
	if err != nil || loaded.Layers[0].W.At(0, 0) != 42 {
		t.Errorf("the new file does not hold the new weights: %v", err)
	}

	err = n.Save(filepath.Join(t.TempDir(), "missing", "model.bin"))
	mustContain(t, err, "nn: Save", "missing")
}

// resum rewrites the checksum of a model file after a change, as a program
// writing another kind of model would.
func resum(data []byte) []byte {
	n := len(data) - 4
	binary.LittleEndian.PutUint32(data[n:], crc32.ChecksumIEEE(data[:n]))
	return data
}
