package nn

import (
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mat"
)

// FitOptions says how Fit trains.
type FitOptions struct {
	Epochs    int    // passes over the data set
	BatchSize int    // samples per mini-batch; Keras' default is 32
	Seed      uint64 // seeds the shuffles, so a run can be repeated

	// ValidationX and ValidationY, when set, are evaluated after each epoch.
	ValidationX, ValidationY *mat.Dense

	// OnBatch, when set, is called after every mini-batch, and OnEpoch
	// after every epoch: a progress bar or a live chart can follow them.
	OnBatch func(BatchStats)
	OnEpoch func(EpochStats)

	// Readable makes Fit run the readable Network.Forward and
	// Network.Backward, which allocate new matrices at every step, instead
	// of the path that reuses the previous batch's memory. Both compute the
	// same numbers; the tests check it.
	Readable bool
}

// BatchStats reports a mini-batch: the mean loss and accuracy of the epoch so
// far, as Keras' progress bar shows them, and those of the batch alone.
type BatchStats struct {
	Epoch, Epochs            int
	Batch, Batches           int // Batch counts from 1
	Loss, Accuracy           float64
	BatchLoss, BatchAccuracy float64       // of this batch only
	Elapsed                  time.Duration // since the epoch began
	Samples, Totals          int           // samples seen in this epoch, of Totals
}

// EpochStats reports an epoch: the mean training loss and accuracy over its
// batches and, when Fit has validation data, the loss and accuracy on it
// (NaN otherwise).
type EpochStats struct {
	Epoch, Epochs        int
	Loss, Accuracy       float64
	ValLoss, ValAccuracy float64
	Duration             time.Duration
}

// History holds every epoch's statistics, as Keras' History does.
type History struct {
	Epochs []EpochStats
}

// Fit trains the network on the samples X, n[0]×m, with labels Y, n[L]×m,
// repeating steps 2 to 5 for every mini-batch of every epoch. Step 1 happened
// in NewNetwork, so calling Fit again continues the training.
//
// A loss that diverges stops training with an error naming the epoch and
// batch (see diverged); the history up to that point is returned with it.
func (n *Network) Fit(X, Y *mat.Dense, opt FitOptions) (*History, error) {
	if err := n.checkFit(X, Y, opt); err != nil {
		return nil, err
	}
	_, m := X.Dims()
	rng := NewRand(opt.Seed)
	pass := n.propagation(opt.Readable)
	history := &History{}
	var watch divergence

	// Step 6: repeat steps 2 to 5, batch after batch, epoch after epoch.
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		var mean runningMean
		batches := Batches(rng, m, opt.BatchSize)
		for b, index := range batches {
			Xb, Yb := pass.batch(X, Y, index)

			// Step 2: forward propagation.
			Yhat := pass.Forward(Xb)

			// Step 3: the loss.
			loss := n.Loss.Value(Yhat, Yb)
			if why := watch.check(loss); why != "" {
				return history, fmt.Errorf("nn: Fit: %s at epoch %d, batch %d of %d: "+
					"training diverged and the weights are no longer usable; "+
					"build the network again and train with a smaller learning rate",
					why, epoch, b+1, len(batches))
			}
			accuracy := Accuracy(Yhat, Yb)
			mean.add(loss, accuracy, len(index))

			// Step 4: backward propagation.
			pass.Backward(Yb)

			// Step 5: update the parameters.
			n.Optimizer.Update(n.Params())

			if opt.OnBatch != nil {
				opt.OnBatch(BatchStats{Epoch: epoch, Epochs: opt.Epochs, Batch: b + 1,
					Batches: len(batches), Loss: mean.loss(), Accuracy: mean.accuracy(),
					BatchLoss: loss, BatchAccuracy: accuracy,
					Elapsed: time.Since(start), Samples: mean.samples, Totals: m})
			}
		}

		stats := EpochStats{Epoch: epoch, Epochs: opt.Epochs, Loss: mean.loss(),
			Accuracy: mean.accuracy(), ValLoss: math.NaN(), ValAccuracy: math.NaN()}
		if opt.ValidationX != nil {
			stats.ValLoss, stats.ValAccuracy = n.Evaluate(opt.ValidationX, opt.ValidationY)
		}
		stats.Duration = time.Since(start)
		history.Epochs = append(history.Epochs, stats)
		if opt.OnEpoch != nil {
			opt.OnEpoch(stats)
		}
	}
	return history, nil
}

// divergenceWindow is how many batches the loss must stay high, on
// average, before Fit calls it diverged.
const divergenceWindow = 20

// divergence watches the loss of each batch for signs that training has
// diverged: a loss that is NaN or infinite, or one that stays far above
// where training started. The clipped cross-entropies cannot become
// infinite (a sample costs at most -log(1e-7) ≈ 16.1), so a learning rate
// far too large shows first as a loss that climbs towards that ceiling and
// stays there, long before the weights overflow. "Far above" is above both
// four times the loss of Fit's first batch and that loss plus 5, for the
// mean of the last 20 batches: a rate that is merely large makes the loss
// jump up for a few batches and come back down, and training goes on.
type divergence struct {
	first  float64   // the loss of the first batch
	recent []float64 // the losses of the last batches, a ring
	next   int       // where the next loss goes in recent
}

// check records the loss of a batch and says why training has diverged, or
// returns "" when it has not.
func (d *divergence) check(loss float64) string {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return fmt.Sprintf("the loss is %v", loss)
	}
	if d.recent == nil {
		d.first = loss
		d.recent = make([]float64, 0, divergenceWindow)
	}
	if len(d.recent) < divergenceWindow {
		d.recent = append(d.recent, loss)
	} else {
		d.recent[d.next] = loss
		d.next = (d.next + 1) % divergenceWindow
	}
	if len(d.recent) < divergenceWindow {
		return ""
	}

	mean := sum(d.recent) / divergenceWindow
	if mean > 4*d.first && mean > d.first+5 {
		return fmt.Sprintf("the loss rose from %.4g (first batch) to %.4g "+
			"(mean of the last %d batches)", d.first, mean, divergenceWindow)
	}
	return ""
}

// checkFit returns an error describing what is wrong with Fit's arguments.
func (n *Network) checkFit(X, Y *mat.Dense, opt FitOptions) error {
	if err := n.checkLayers(); err != nil {
		return fmt.Errorf("nn: Fit: %v", err)
	}
	xr, xc := X.Dims()
	yr, yc := Y.Dims()
	switch {
	case n.Loss.Value == nil || n.Loss.Gradient == nil:
		return fmt.Errorf("nn: Fit: the network has no loss; Compile it with one, " +
			"such as CategoricalCrossEntropyLoss")
	case n.Optimizer == nil:
		return fmt.Errorf("nn: Fit: the network has no optimizer; Compile it with one, " +
			"such as NewAdam(0.001)")
	case xr != n.Inputs:
		return fmt.Errorf("nn: Fit: X is %d×%d but the network takes %d values per sample "+
			"(X needs one column per sample)", xr, xc, n.Inputs)
	case yr != n.Outputs() || yc != xc:
		return fmt.Errorf("nn: Fit: Y is %d×%d but must be %d×%d, one column of %d labels per "+
			"column of X", yr, yc, n.Outputs(), xc, n.Outputs())
	case opt.Epochs < 1:
		return fmt.Errorf("nn: Fit: Epochs is %d; train for at least 1", opt.Epochs)
	case opt.BatchSize < 1:
		return fmt.Errorf("nn: Fit: BatchSize is %d; use at least 1 (Keras uses 32)", opt.BatchSize)
	case (opt.ValidationX == nil) != (opt.ValidationY == nil):
		return fmt.Errorf("nn: Fit: give both ValidationX and ValidationY, or neither")
	}
	if opt.ValidationX != nil {
		vr, vc := opt.ValidationX.Dims()
		wr, wc := opt.ValidationY.Dims()
		if vr != n.Inputs || wr != n.Outputs() || wc != vc {
			return fmt.Errorf("nn: Fit: ValidationX is %d×%d and ValidationY %d×%d; "+
				"they must be %d×k and %d×k", vr, vc, wr, wc, n.Inputs, n.Outputs())
		}
	}
	return nil
}

// runningMean averages the loss and accuracy of an epoch's batches, each
// weighted by its number of samples.
type runningMean struct {
	lossSum, rightSum float64
	samples           int
}

func (r *runningMean) add(loss, accuracy float64, samples int) {
	r.lossSum += loss * float64(samples)
	r.rightSum += accuracy * float64(samples)
	r.samples += samples
}

func (r *runningMean) loss() float64     { return r.lossSum / float64(r.samples) }
func (r *runningMean) accuracy() float64 { return r.rightSum / float64(r.samples) }

// propagation is forward and backward propagation over mini-batches, done
// either by the readable Network methods or by the fast path.
type propagation interface {
	batch(X, Y *mat.Dense, index []int) (Xb, Yb *mat.Dense)
	Forward(X *mat.Dense) *mat.Dense
	Backward(Y *mat.Dense)
}

// propagation returns the readable network itself or its fast path.
func (n *Network) propagation(readable bool) propagation {
	if readable {
		return readablePass{n}
	}
	// New buffers for each call of Fit, so that the network does not keep
	// them: for a large batch they weigh more than the network itself.
	return newFastPath(n)
}

// readablePass trains with the Network's own Forward and Backward.
type readablePass struct{ *Network }

func (readablePass) batch(X, Y *mat.Dense, index []int) (Xb, Yb *mat.Dense) {
	return Columns(X, index), Columns(Y, index)
}
