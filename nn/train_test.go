package nn

import (
	"path/filepath"
	"testing"

	"github.com/deeplearning-go/course/toy"
	"gonum.org/v1/gonum/mat"
)

// TestFitStopsARisingLoss trains with learning rates far too large but not
// large enough to overflow the weights at once: the clipped loss stays
// finite, and Fit must stop on its rise.
func TestFitStopsARisingLoss(t *testing.T) {
	X, Y := randomData(9, 5, 3, 200)
	for _, opt := range []Optimizer{&SGD{Rate: 1e3}, NewAdam(1e6)} {
		n, _ := NewNetwork(11, 5, Dense(16, "relu"), Dense(3, "softmax"))
		n.Compile(CategoricalCrossEntropyLoss, opt)
		_, err := n.Fit(X, Y, FitOptions{Epochs: 5, BatchSize: 10, Seed: 1})
		mustContain(t, err, "nn: Fit: the loss rose from", "(first batch) to", "at epoch",
			"training diverged", "smaller learning rate")
	}
}

// TestFitDoesNotStopLearning checks that the divergence rule leaves alone a
// network that learns, here one that goes on learning XOR after a first Fit.
func TestFitDoesNotStopLearning(t *testing.T) {
	n, _ := NewNetwork(1, 2, Dense(8, "tanh"), Dense(1, "sigmoid"))
	n.Compile(BinaryCrossEntropyLoss, NewAdam(0.05))
	for range 3 {
		if _, err := n.Fit(xorX, xorY, FitOptions{Epochs: 200, BatchSize: 1, Seed: 2}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFitToleratesAJumpingLoss trains with a rate large enough to make the
// loss jump tenfold and keep bouncing (the α = 20 run of notebook 2), but
// never stay high for 20 batches: Fit must not call that diverged.
func TestFitToleratesAJumpingLoss(t *testing.T) {
	X, labels := toy.Moons(200, 0.15, 1)
	n, _ := NewNetwork(1, 2, Dense(8, "tanh"), Dense(1, "sigmoid"))
	n.Compile(BinaryCrossEntropyLoss, &SGD{Rate: 20})
	history, err := n.Fit(X, toy.Row(labels), FitOptions{Epochs: 300, BatchSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	var peak float64
	for _, e := range history.Epochs {
		peak = max(peak, e.Loss)
	}
	if first := history.Epochs[0].Loss; peak < 4*first {
		t.Errorf("the loss peaked at %.3g from %.3g; the test wants a run that jumps", peak, first)
	}
}

func TestSaveNamesThePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "model.bin")
	err := torchNetwork(t).Save(path)
	mustContain(t, err, "nn: Save "+path, "cannot write in its folder")
}

func TestFitChecksTheNetwork(t *testing.T) {
	X, Y := randomData(9, 5, 3, 20)
	n, _ := NewNetwork(11, 5, Dense(8, "relu"), Dense(3, "softmax"))
	n.Layers[1].W = mat.NewDense(3, 7, nil) // a replaced matrix that does not fit
	_, err := n.Fit(X, Y, FitOptions{Epochs: 1, BatchSize: 4})
	mustContain(t, err, "nn: Fit: Z[2] = W[2]·A[1] + b[2]", "W[2] is 3×7", "A[1] has 8 rows")
	mustPanic(t, func() { n.Forward(X) }, "nn: Network.Forward: Z[2]", "W[2] is 3×7")
	mustPanic(t, func() { n.Predict(X) }, "nn: Network.Predict: Z[2]", "W[2] is 3×7")

	n, _ = NewNetwork(11, 5, Dense(3, "softmax"))
	n.Compile(Loss{}, nil)
	_, err = n.Fit(X, Y, FitOptions{Epochs: 1, BatchSize: 4})
	mustContain(t, err, "nn: Fit: the network has no loss")
	n.Compile(CategoricalCrossEntropyLoss, nil)
	_, err = n.Fit(X, Y, FitOptions{Epochs: 1, BatchSize: 4})
	mustContain(t, err, "nn: Fit: the network has no optimizer")

	_, err = NewNetwork(1, 5, Dense(3, "relx"))
	mustContain(t, err, `nn: NewNetwork: layer 1: unknown activation "relx"`)
}

// TestBatchStats checks what OnBatch reports against what it can be worked
// out from: the epoch's running mean is the mean of the batches' own losses,
// weighted by their sizes (3 batches of 4, 4 and 2 samples).
func TestBatchStats(t *testing.T) {
	X, Y := randomData(3, 5, 3, 10)
	n, _ := NewNetwork(4, 5, Dense(3, "softmax"))
	var seen []BatchStats
	_, err := n.Fit(X, Y, FitOptions{Epochs: 1, BatchSize: 4,
		OnBatch: func(s BatchStats) { seen = append(seen, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || seen[2].Samples != 10 || seen[2].Totals != 10 {
		t.Fatalf("OnBatch saw %+v", seen)
	}
	want := (4*seen[0].BatchLoss + 4*seen[1].BatchLoss + 2*seen[2].BatchLoss) / 10
	if !near(seen[2].Loss, want, 1e-15) || seen[0].Loss != seen[0].BatchLoss {
		t.Errorf("running loss %v, want %v from the batches' own", seen[2].Loss, want)
	}
}
