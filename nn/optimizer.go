package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Param is one parameter matrix of a network, W[l] or b[l], with its
// gradient dW[l] or db[l] of the same shape.
type Param struct {
	Name  string // "W[1]", "b[1]", …
	Value *mat.Dense
	Grad  *mat.Dense
}

// An Optimizer is step 5: it updates each parameter in place from its
// gradient. It is called once per mini-batch, always with the same
// parameters in the same order, and may keep state between calls.
type Optimizer interface {
	Update(params []Param)
}

// SGD is plain gradient descent with learning rate α:
//
//	W = W - α dW,   b = b - α db
type SGD struct {
	Rate float64 // α
}

// Update takes one step of gradient descent.
func (o *SGD) Update(params []Param) {
	for _, p := range params {
		w, g := paramData("SGD", p)
		for i := range w {
			w[i] -= o.Rate * g[i]
		}
	}
}

// Momentum is gradient descent on a moving average of the gradients, which
// damps the zig-zag of plain SGD. With β near 1 it remembers many steps:
//
//	v = β v + (1 - β) dW
//	W = W - α v
//
// and the same for b. v starts at zero. This is the form of Andrew Ng's
// course, in which α means what it means for SGD; Keras and PyTorch leave
// out the (1 - β), so with the same α their steps are about 1/(1 - β) times
// larger (10 times for β = 0.9).
type Momentum struct {
	Rate float64 // α
	Beta float64 // β, usually 0.9

	v [][]float64
}

// Update takes one step of gradient descent with momentum.
func (o *Momentum) Update(params []Param) {
	o.v = ensureState("Momentum", o.v, params)
	for k, p := range params {
		w, g := paramData("Momentum", p)
		v := o.v[k]
		for i := range w {
			v[i] = o.Beta*v[i] + (1-o.Beta)*g[i]
			w[i] -= o.Rate * v[i]
		}
	}
}

// Keras' defaults for Adam.
const (
	DefaultAdamRate    = 0.001
	DefaultAdamBeta1   = 0.9
	DefaultAdamBeta2   = 0.999
	DefaultAdamEpsilon = 1e-7
)

// Adam adapts the step of every weight to the size of its recent gradients
// (Kingma and Ba, 2015). After t updates, for each parameter W with
// gradient dW:
//
//	M = β1 M + (1 - β1) dW          moving average of the gradient
//	V = β2 V + (1 - β2) dW ⊙ dW     moving average of its square
//	M̂ = M / (1 - β1ᵗ),  V̂ = V / (1 - β2ᵗ)   bias correction
//	W = W - α M̂ / (√V̂ + ε)
//
// M and V (capitals, as m is the batch size) start at zero, which is why
// they are corrected. This is the paper's Algorithm 1 as written. Keras
// folds the correction into the rate, α_t = α √(1 - β2ᵗ) / (1 - β1ᵗ), and
// computes W - α_t M / (√V + ε): the same step as
// W - α M̂ / (√V̂ + ε/√(1 - β2ᵗ)): its ε is in effect larger in
// the first steps (about 32 ε at t = 1), a difference that only shows for
// gradients near ε.
type Adam struct {
	Rate    float64 // α
	Beta1   float64 // β1
	Beta2   float64 // β2
	Epsilon float64 // ε

	t    int
	m, v [][]float64
}

// NewAdam returns Adam with learning rate α = rate and Keras' defaults for
// the rest: β1 = 0.9, β2 = 0.999, ε = 1e-7.
func NewAdam(rate float64) *Adam {
	return &Adam{Rate: rate, Beta1: DefaultAdamBeta1, Beta2: DefaultAdamBeta2,
		Epsilon: DefaultAdamEpsilon}
}

// Steps returns t, the number of updates made so far.
func (o *Adam) Steps() int { return o.t }

// Update takes one Adam step, in one pass over each parameter. The elements
// are independent of each other, so a large parameter is shared between the
// processors.
func (o *Adam) Update(params []Param) {
	o.m = ensureState("Adam", o.m, params)
	o.v = ensureState("Adam", o.v, params)
	o.t++
	// m̂ = m / (1 - β1ᵗ) is computed as m · (1 / (1 - β1ᵗ)), and v̂ alike:
	// a division takes several times as long as a multiplication, and this
	// loop is the largest part of a step besides the matrix products.
	correct1 := 1 / (1 - math.Pow(o.Beta1, float64(o.t)))
	correct2 := 1 / (1 - math.Pow(o.Beta2, float64(o.t)))

	for k, p := range params {
		w, g := paramData("Adam", p)
		m, v := o.m[k], o.v[k]
		parallelFor(len(g), 1, func(lo, hi int) {
			o.step(w[lo:hi], g[lo:hi], m[lo:hi], v[lo:hi], correct1, correct2)
		})
	}
}

// step updates the weights w from their gradients g and moving averages m
// and v, with the bias corrections given as their inverses.
func (o *Adam) step(w, g, m, v []float64, correct1, correct2 float64) {
	rate, beta1, beta2, epsilon := o.Rate, o.Beta1, o.Beta2, o.Epsilon
	for i, gi := range g {
		m[i] = beta1*m[i] + (1-beta1)*gi
		v[i] = beta2*v[i] + (1-beta2)*gi*gi
		mHat := m[i] * correct1
		vHat := v[i] * correct2
		w[i] -= rate * mHat / (math.Sqrt(vHat) + epsilon)
	}
}

// paramData returns the elements of a parameter and of its gradient, and
// panics unless they have the same shape.
func paramData(fn string, p Param) (w, g []float64) {
	if p.Grad == nil {
		panic(fmt.Sprintf("nn: %s.Update: %s has no gradient; run Backward before the update",
			fn, p.Name))
	}
	mustSameShape(fn+".Update", "W = W - α dW", p.Name, p.Value, "its gradient", p.Grad)
	raw := p.Value.RawMatrix()
	if raw.Stride != raw.Cols {
		panic(fmt.Sprintf("nn: %s.Update: %s is a view into a larger matrix; "+
			"parameters must be whole matrices", fn, p.Name))
	}
	return raw.Data[:raw.Rows*raw.Cols], rawData(p.Grad)
}

// ensureState returns one zeroed slice per parameter the first time, and
// checks on later calls that the parameters are still the same sizes.
func ensureState(fn string, state [][]float64, params []Param) [][]float64 {
	if state == nil {
		state = make([][]float64, len(params))
		for k, p := range params {
			r, c := p.Value.Dims()
			state[k] = make([]float64, r*c)
		}
		return state
	}
	if len(state) != len(params) {
		panic(fmt.Sprintf("nn: %s.Update: called with %d parameters after %d; "+
			"use a new optimizer for another network", fn, len(params), len(state)))
	}
	for k, p := range params {
		r, c := p.Value.Dims()
		if len(state[k]) != r*c {
			panic(fmt.Sprintf("nn: %s.Update: %s is %s but had %d elements before; "+
				"use a new optimizer for another network", fn, p.Name, shape(p.Value), len(state[k])))
		}
	}
	return state
}
