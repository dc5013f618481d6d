package nn

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// LayerSpec describes a dense layer before its weights exist: its number of
// units n[l], its activation g[l] and how its weights start.
type LayerSpec struct {
	Units      int
	Activation string // a name from ActivationNames, such as "relu"
	Init       string // "glorot" (the default when empty), "he" or "small"
}

// Dense describes a fully connected layer of the given units and activation,
// with Glorot weights as in Keras' Dense(units, activation=...).
func Dense(units int, activation string) LayerSpec {
	return LayerSpec{Units: units, Activation: activation, Init: "glorot"}
}

// Network is a sequence of dense layers with the loss it is trained on and
// the optimizer that updates its parameters.
type Network struct {
	Inputs    int // n[0], the size of one sample
	Layers    []*Layer
	Loss      Loss
	Optimizer Optimizer
}

// NewNetwork is step 1 of training: it builds the layers described by specs
// for samples of the given size n[0] and initialises their weights from a
// random source seeded with seed (biases start at zero). The same seed gives
// the same network.
//
// The loss defaults to categorical cross-entropy for a softmax output and to
// binary cross-entropy otherwise; the optimizer defaults to Adam. Compile
// changes both.
func NewNetwork(seed uint64, inputs int, specs ...LayerSpec) (*Network, error) {
	if inputs < 1 {
		return nil, fmt.Errorf("nn: NewNetwork: inputs is %d; a sample needs at least one value", inputs)
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("nn: NewNetwork: no layers; give at least one, such as Dense(1, \"sigmoid\")")
	}
	rng := NewRand(seed)

	net := &Network{Inputs: inputs}
	nPrev := inputs
	for i, s := range specs {
		layer, err := newLayer(rng, nPrev, s)
		if err != nil {
			// The errors of ActivationNamed and InitializerNamed already
			// say "nn: "; say it once.
			return nil, fmt.Errorf("nn: NewNetwork: layer %d: %s", i+1,
				strings.TrimPrefix(err.Error(), "nn: "))
		}
		net.Layers = append(net.Layers, layer)
		nPrev = s.Units
	}

	net.Loss = BinaryCrossEntropyLoss
	if net.output().Activation.Name == "softmax" {
		net.Loss = CategoricalCrossEntropyLoss
	}
	net.Optimizer = NewAdam(DefaultAdamRate)
	return net, nil
}

// newLayer makes one layer of n[l] = s.Units units over nPrev inputs.
func newLayer(rng *rand.Rand, nPrev int, s LayerSpec) (*Layer, error) {
	if s.Units < 1 {
		return nil, fmt.Errorf("%d units; a layer needs at least one", s.Units)
	}
	g, err := ActivationNamed(s.Activation)
	if err != nil {
		return nil, err
	}
	initialize, err := InitializerNamed(s.Init)
	if err != nil {
		return nil, err
	}
	return &Layer{
		W:          initialize(rng, s.Units, nPrev),
		B:          mat.NewDense(s.Units, 1, nil),
		Activation: g,
	}, nil
}

// Compile sets the loss the network is trained on and the optimizer that
// updates it, as Keras' model.compile(loss=..., optimizer=...) does.
func (n *Network) Compile(loss Loss, opt Optimizer) {
	n.Loss = loss
	n.Optimizer = opt
}

// output returns the last layer L.
func (n *Network) output() *Layer { return n.Layers[len(n.Layers)-1] }

// Outputs returns n[L], the size of the network's prediction for one sample.
func (n *Network) Outputs() int { return n.output().Units() }

// Forward is step 2, forward propagation: for l = 1 … L,
//
//	Z[l] = W[l]·A[l-1] + b[l],   A[l] = g[l](Z[l])
//
// starting from A[0] = X, n[0]×m. Each layer keeps what Backward needs. It
// returns the prediction Ŷ = A[L], n[L]×m.
func (n *Network) Forward(X *mat.Dense) *mat.Dense {
	checkInput("Forward", n, X)
	if err := n.checkLayers(); err != nil {
		panic(fmt.Sprintf("nn: Network.Forward: %v", err))
	}
	A := X
	for _, layer := range n.Layers {
		A = layer.Forward(A)
	}
	return A
}

// checkLayers returns an error naming the first layer whose W or b does not
// fit the layer below it, as can happen when a learner replaces a matrix.
func (n *Network) checkLayers() error {
	nPrev := n.Inputs
	for i, layer := range n.Layers {
		r, c := layer.W.Dims()
		br, bc := layer.B.Dims()
		if c != nPrev || br != r || bc != 1 {
			return fmt.Errorf("Z[%d] = W[%d]·A[%d] + b[%d]: W[%d] is %s and b[%d] is %s, "+
				"but A[%d] has %d rows: W[%d] must be k×%d and b[%d] k×1",
				i+1, i+1, i, i+1, i+1, shape(layer.W), i+1, shape(layer.B), i, nPrev, i+1, nPrev, i+1)
		}
		nPrev = r
	}
	return nil
}

// checkInput panics unless X has n[0] rows.
func checkInput(fn string, n *Network, X *mat.Dense) {
	r, c := X.Dims()
	if r != n.Inputs {
		panic(fmt.Sprintf("nn: Network.%s: Z[1] = W[1]·X + b[1]: X is %d×%d but W[1] is %s "+
			"(X needs one column per sample, with %d rows)", fn, r, c, shape(n.Layers[0].W), n.Inputs))
	}
}

// Backward is step 4, backward propagation, after a Forward on the same
// batch: it computes every layer's dW and db from the labels Y, n[L]×m.
//
// The last layer starts from dA[L], the gradient of the loss, or directly
// from dZ[L] = Ŷ - Y when the output is softmax with categorical
// cross-entropy or sigmoid with binary cross-entropy (see
// SoftmaxCrossEntropyBackward). Then, for l = L … 1,
//
//	dZ[l] = dA[l] ⊙ g[l]'(Z[l])
//	dW[l] = (1/m) dZ[l]·A[l-1]ᵀ,   db[l] = (1/m) Σ dZ[l],   dA[l-1] = W[l]ᵀ·dZ[l]
func (n *Network) Backward(Y *mat.Dense) {
	out := n.output()
	if out.A == nil {
		panic("nn: Network.Backward: no forward pass to go back through; call Forward first")
	}
	mustSameShape("Network.Backward", "dZ[L] = Ŷ - Y", "Ŷ", out.A, "Y", Y)

	var dA *mat.Dense
	if n.outputAndLossCombine() {
		dA = out.BackwardFromZ(SoftmaxCrossEntropyBackward(out.A, Y))
	} else {
		dA = out.Backward(n.Loss.Gradient(out.A, Y))
	}
	for l := len(n.Layers) - 2; l >= 0; l-- {
		dA = n.Layers[l].Backward(dA)
	}
}

// outputAndLossCombine reports whether dZ[L] = Ŷ - Y holds for the output
// activation and the loss.
func (n *Network) outputAndLossCombine() bool {
	g, loss := n.output().Activation.Name, n.Loss.Name
	return g == "softmax" && loss == CategoricalCrossEntropyLoss.Name ||
		g == "sigmoid" && loss == BinaryCrossEntropyLoss.Name
}

// Params returns the network's parameters W[1], b[1], …, W[L], b[L], each
// with the gradient the last Backward computed.
func (n *Network) Params() []Param {
	params := make([]Param, 0, 2*len(n.Layers))
	for i, layer := range n.Layers {
		params = append(params,
			Param{Name: fmt.Sprintf("W[%d]", i+1), Value: layer.W, Grad: layer.DW},
			Param{Name: fmt.Sprintf("b[%d]", i+1), Value: layer.B, Grad: layer.DB})
	}
	return params
}

// CountParams returns the number of weights and biases in the network.
func (n *Network) CountParams() int {
	count := 0
	for _, layer := range n.Layers {
		count += layer.Units() * (layer.Inputs() + 1)
	}
	return count
}

// predictBatch is how many columns Predict and Evaluate take at a time.
const predictBatch = 1000

// Predict computes Ŷ = A[L] for X, n[0]×m, as Forward does, but in batches
// of 1000 samples that reuse the same matrices (see predict in fast.go),
// and without keeping anything for Backward. Ŷ is n[L]×m.
func (n *Network) Predict(X *mat.Dense) *mat.Dense {
	checkInput("Predict", n, X)
	if err := n.checkLayers(); err != nil {
		panic(fmt.Sprintf("nn: Network.Predict: %v", err))
	}
	return predict(n, X)
}

// Evaluate returns the loss J and the accuracy of the network's predictions
// for X, n[0]×m, against the labels Y, n[L]×m, as Keras' model.evaluate does.
func (n *Network) Evaluate(X, Y *mat.Dense) (loss, accuracy float64) {
	Yhat := n.Predict(X)
	mustSameShape("Network.Evaluate", "J(Ŷ, Y)", "Ŷ", Yhat, "Y", Y)
	return n.Loss.Value(Yhat, Y), Accuracy(Yhat, Y)
}

// Summary describes the layers, their output shapes and parameter counts,
// like Keras' model.summary().
func (n *Network) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %-12s %-12s %10s\n", "layer", "activation", "output", "params")
	for i, layer := range n.Layers {
		fmt.Fprintf(&b, "%-8s %-12s %-12s %10d\n", fmt.Sprintf("dense %d", i+1),
			layer.Activation.Name, fmt.Sprintf("%d×m", layer.Units()),
			layer.Units()*(layer.Inputs()+1))
	}
	fmt.Fprintf(&b, "input %d×m, %d parameters, loss %s", n.Inputs, n.CountParams(), n.Loss.Name)
	return b.String()
}
