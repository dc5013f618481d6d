package check

import (
	"fmt"
	"os"
	"strings"

	"github.com/deeplearning-go/course/nn"
	"gonum.org/v1/gonum/mat"
)

// trainingRate is the learning rate of the network the training-loop check
// builds.
const trainingRate = 0.5

// TrainingLoop checks a full-batch training loop, f(net, X, Y, epochs),
// which repeats for each epoch
//
//	Ŷ = net.Forward(X)                    forward propagation
//	J = net.Loss.Value(Ŷ, Y)              the loss
//	net.Backward(Y)                       backward propagation
//	net.Optimizer.Update(net.Params())    the update
//
// and returns the loss J of each epoch. The check builds a network with 2
// inputs, 3 ReLU units and a sigmoid output, fixed weights, binary
// cross-entropy and gradient descent with rate 0.5, trains it for 6 epochs
// on 4 samples, and compares the losses with values from numpy and PyTorch.
// It prints the verdict and reports whether it passed.
func TrainingLoop(f func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64) bool {
	return judge(os.Stdout, "training_loop", func() verdict { return trainingVerdict(f) })
}

// trainingNetwork builds the network of the training-loop check, with the
// weights of testdata/reference.py.
func trainingNetwork() *nn.Network {
	net, err := nn.NewNetwork(1, 2, nn.Dense(3, "relu"), nn.Dense(1, "sigmoid"))
	if err != nil {
		panic("check: " + err.Error()) // the specs above are fixed
	}
	net.Layers[0].W.Copy(trainingRef.W1)
	net.Layers[0].B.Copy(trainingRef.b1)
	net.Layers[1].W.Copy(trainingRef.W2)
	net.Layers[1].B.Copy(trainingRef.b2)
	net.Compile(nn.BinaryCrossEntropyLoss, &nn.SGD{Rate: trainingRate})
	return net
}

func trainingVerdict(f func(net *nn.Network, X, Y *mat.Dense, epochs int) []float64) verdict {
	const what = "your training loop"
	want := trainingRef.losses
	epochs := len(want)
	net := trainingNetwork()
	in := []input{{"X", trainingRef.X}, {"Y", trainingRef.Y}}
	used := copies(in)
	var got []float64
	if t := try(func() { got = f(net, used[0], used[1], epochs) }); t != nil {
		return t.verdict(what)
	}
	if name := changedInput(in, used); name != "" {
		return changedVerdict(what, name)
	}
	if len(got) != epochs {
		return fail(fmt.Sprintf("%s returned %d losses for %d epochs", what, len(got), epochs),
			"append the loss J of each epoch to the slice you return, one per epoch.")
	}

	first := -1
	for i := range want {
		if !closeTo(got[i], want[i]) {
			first = i
			break
		}
	}
	if first < 0 {
		return pass(fmt.Sprintf("the losses of all %d epochs are right (%s): %.4f … %.4f.",
			epochs, toleranceText, want[0], want[epochs-1]))
	}
	title := fmt.Sprintf("the loss of epoch %d is wrong", first+1)
	if first > 0 {
		title += fmt.Sprintf(" (epochs 1 to %d were right)", first)
	}
	return fail(title, trainingHint(got, want, first),
		"network: 2 inputs, Dense(3, relu), Dense(1, sigmoid), binary cross-entropy, "+
			fmt.Sprintf("SGD with rate %g, %d samples", trainingRate, 4),
		"expected losses: "+formatLosses(want),
		"got losses:      "+formatLosses(got))
}

// trainingHint recognises the usual mistakes in a training loop from the
// losses it returned; first is the first wrong epoch.
func trainingHint(got, want []float64, first int) string {
	constant, ahead := true, true
	for i := range got {
		if !closeTo(got[i], got[0]) {
			constant = false
		}
		if i+1 < len(want) && !closeTo(got[i], want[i+1]) {
			ahead = false
		}
	}
	switch {
	case first == 0 && ahead:
		return "your losses are one epoch ahead: record J from this epoch's forward pass, " +
			"before the update (forward, loss, backward, update)."
	case constant:
		return "the loss never changes: update the parameters each epoch with " +
			"net.Optimizer.Update(net.Params()), after net.Backward(Y)."
	case first == 0:
		return "the first loss is wrong, before any update: J = net.Loss.Value(Ŷ, Y) with " +
			"Ŷ = net.Forward(X), on the whole batch X."
	}
	return "the first loss is right but a later one is not: each epoch must run forward, loss, " +
		"backward and exactly one update with net.Optimizer (the check gives the network " +
		"gradient descent with rate 0.5; do not make another optimizer)."
}

// formatLosses formats a few losses on one line.
func formatLosses(losses []float64) string {
	parts := make([]string, len(losses))
	for i, l := range losses {
		parts[i] = fmt.Sprintf("%.6f", l)
	}
	return strings.Join(parts, " ")
}
