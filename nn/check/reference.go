package check

// The right answers of the checks, computed outside Go: numpy by the course's
// equations, and PyTorch (autograd, torch.optim) to confirm them. The values
// are printed by testdata/reference.py, run with Debian's python3:
//
//	/usr/bin/python3 nn/check/testdata/reference.py
//
// and copied here as printed. Matrices hold one sample per column.

import "gonum.org/v1/gonum/mat"

// Z = W·A + b.
var linearRefs = []struct{ W, A, b, Z *mat.Dense }{
	{
		W: matrix([][]float64{{0.5, -1.2, 0.3}, {2.0, 0.1, -0.7}}),
		A: matrix([][]float64{{1.0, -2.0, 0.5, 3.0}, {0.2, 0.4, -1.0, 1.5}, {-3.0, 1.0, 2.0, -0.5}}),
		b: matrix([][]float64{{0.1}, {-0.4}}),
		Z: matrix([][]float64{{-0.5399999999999999, -1.0799999999999998, 2.15, -0.35}, {3.72, -5.0600000000000005, -0.8999999999999999, 6.1}}),
	},
	{
		W: matrix([][]float64{{0.7, -0.2}, {1.1, 0.4}, {-0.6, 0.9}}),
		A: matrix([][]float64{{2.0}, {-1.5}}),
		b: matrix([][]float64{{0.05}, {-0.3}, {0.2}}),
		Z: matrix([][]float64{{1.75}, {1.3}, {-2.3499999999999996}}),
	},
}

// A = σ(Z); the second case overflows e^z or e^-z in a careless σ.
var sigmoidRefs = []struct{ Z, A *mat.Dense }{
	{
		Z: matrix([][]float64{{-3.0, -0.5, 0.0}, {0.5, 3.0, 10.0}}),
		A: matrix([][]float64{{0.04742587317756678, 0.37754066879814546, 0.5}, {0.6224593312018546, 0.9525741268224334, 0.9999546021312976}}),
	},
	{
		Z: matrix([][]float64{{-800.0, -40.0, 40.0, 800.0}}),
		A: matrix([][]float64{{0.0, 4.248354255291589e-18, 1.0, 1.0}}),
	},
}

// dZ = dA ⊙ σ(Z)(1 - σ(Z)); the second case is square, where a matrix
// product dA·σ'(Z) does not panic.
var sigmoidBackwardRefs = []struct{ dA, Z, dZ *mat.Dense }{
	{
		dA: matrix([][]float64{{0.3, -1.2, 0.5}, {2.0, -0.4, 0.8}}),
		Z:  matrix([][]float64{{-2.0, 0.0, 0.7}, {1.5, -0.3, 3.0}}),
		dZ: matrix([][]float64{{0.03149807562105195, -0.3, 0.11085643664655453}, {0.2982929041406657, -0.09778332467629836, 0.0361413277847296}}),
	},
	{
		dA: matrix([][]float64{{1.0, -0.5}, {0.25, 2.0}}),
		Z:  matrix([][]float64{{0.4, -1.1}, {2.2, -0.6}}),
		dZ: matrix([][]float64{{0.24026074574152914, -0.09368493977376029}, {0.02245008226001719, 0.4575684809133146}}),
	},
}

// A = max(0, Z).
var reluRefs = []struct{ Z, A *mat.Dense }{
	{
		Z: matrix([][]float64{{-2.0, -0.5, 0.0}, {0.5, 3.0, -0.001}}),
		A: matrix([][]float64{{0.0, 0.0, 0.0}, {0.5, 3.0, 0.0}}),
	},
	{
		Z: matrix([][]float64{{1.5}, {-1.5}}),
		A: matrix([][]float64{{1.5}, {0.0}}),
	},
}

// dZ = dA ⊙ ReLU'(Z), with ReLU'(0) = 0 as in PyTorch; both cases hold a z = 0.
var reluBackwardRefs = []struct{ dA, Z, dZ *mat.Dense }{
	{
		dA: matrix([][]float64{{0.3, -1.2, 0.5}, {2.0, -0.4, 0.8}}),
		Z:  matrix([][]float64{{-2.0, 0.0, 0.7}, {1.5, -0.3, 3.0}}),
		dZ: matrix([][]float64{{0.0, -0.0, 0.5}, {2.0, -0.0, 0.8}}),
	},
	{
		dA: matrix([][]float64{{1.0, -0.5}, {-0.25, 2.0}}),
		Z:  matrix([][]float64{{0.4, 0.7}, {0.0, -0.6}}),
		dZ: matrix([][]float64{{1.0, -0.5}, {-0.0, 0.0}}),
	},
}

// J = -(1/m) Σ [y log ŷ + (1-y) log(1-ŷ)], ŷ clipped to [1e-7, 1 - 1e-7]; the
// second case needs the clipping.
var binaryCrossEntropyRefs = []struct {
	Yhat, Y *mat.Dense
	J       float64
}{
	{
		Yhat: matrix([][]float64{{0.9, 0.2, 0.6, 0.35}}),
		Y:    matrix([][]float64{{1.0, 0.0, 1.0, 0.0}}),
		J:    0.3175281517076203,
	},
	{
		Yhat: matrix([][]float64{{1.0, 0.0, 0.5}}),
		Y:    matrix([][]float64{{0.0, 0.0, 1.0}}),
		J:    5.603747644014875,
	},
}

// dW = (1/m) dZ·A_prevᵀ, db = (1/m) Σ over the columns of dZ, dA_prev = Wᵀ·dZ;
// the second case has a square W.
var linearBackwardRefs = []struct{ dZ, APrev, W, dW, db, dAPrev *mat.Dense }{
	{
		dZ:     matrix([][]float64{{0.2, -0.5, 0.1, 0.7}, {-0.3, 0.4, 0.6, -0.2}}),
		APrev:  matrix([][]float64{{1.0, -2.0, 0.5, 3.0}, {0.2, 0.4, -1.0, 1.5}, {-3.0, 1.0, 2.0, -0.5}}),
		W:      matrix([][]float64{{0.5, -1.2, 0.3}, {2.0, 0.1, -0.7}}),
		dW:     matrix([][]float64{{0.8374999999999999, 0.19749999999999998, -0.3125}, {-0.35000000000000003, -0.19999999999999998, 0.65}}),
		db:     matrix([][]float64{{0.125}, {0.12499999999999999}}),
		dAPrev: matrix([][]float64{{-0.5, 0.55, 1.25, -0.050000000000000044}, {-0.27, 0.64, -0.06, -0.86}, {0.26999999999999996, -0.43, -0.38999999999999996, 0.35}}),
	},
	{
		dZ:     matrix([][]float64{{0.5, -0.1, 0.3}, {0.2, 0.6, -0.4}}),
		APrev:  matrix([][]float64{{1.0, 0.5, -1.5}, {-0.5, 2.0, 0.25}}),
		W:      matrix([][]float64{{0.8, -0.3}, {0.4, 1.2}}),
		dW:     matrix([][]float64{{9.25185853854297e-18, -0.125}, {0.3666666666666667, 0.3333333333333333}}),
		db:     matrix([][]float64{{0.2333333333333333}, {0.13333333333333333}}),
		dAPrev: matrix([][]float64{{0.48000000000000004, 0.15999999999999998, 0.07999999999999997}, {0.09000000000000001, 0.75, -0.57}}),
	},
}

// adamStep is one Adam step: the gradient given, and W, M and V after it.
type adamStep struct{ dW, W, M, V *mat.Dense }

// Three Adam steps with rate 0.01, β1 = 0.9, β2 = 0.999, ε = 1e-7, from
// M = V = 0; an element of the gradient near ε tells where ε goes.
var adamRef = struct {
	W0    *mat.Dense
	steps []adamStep
}{
	W0: matrix([][]float64{{0.5, -0.3, 0.8}, {0.1, -0.6, 0.2}}),
	steps: []adamStep{
		{
			dW: matrix([][]float64{{0.2, -0.1, 1e-06}, {0.5, -0.8, 0.05}}),
			W:  matrix([][]float64{{0.4900000049999975, -0.29000000999999, 0.790909090909091}, {0.09000000199999961, -0.5900000012499999, 0.19000001999996002}}),
			M:  matrix([][]float64{{0.019999999999999997, -0.009999999999999998, 9.999999999999997e-08}, {0.04999999999999999, -0.07999999999999999, 0.004999999999999999}}),
			V:  matrix([][]float64{{4.0000000000000044e-05, 1.0000000000000011e-05, 1.0000000000000009e-15}, {0.0002500000000000002, 0.0006400000000000007, 2.5000000000000027e-06}}),
		},
		{
			dW: matrix([][]float64{{0.1, 0.3, -2e-06}, {0.4, -0.6, 0.0}}),
			W:  matrix([][]float64{{0.48067821450838644, -0.2949419061233198, 0.7943523857663113}, {0.08011874614129309, -0.5801742518250836, 0.18329945641539258}}),
			M:  matrix([][]float64{{0.027999999999999997, 0.02099999999999999, -1.0999999999999997e-07}, {0.08499999999999999, -0.13199999999999998, 0.0045}}),
			V:  matrix([][]float64{{4.996000000000006e-05, 9.999000000000008e-05, 4.999000000000004e-15}, {0.0004097500000000004, 0.000999360000000001, 2.4975000000000028e-06}}),
		},
		{
			dW: matrix([][]float64{{-0.2, 0.25, 1e-06}, {0.3, -0.5, -0.05}}),
			W:  matrix([][]float64{{0.47957038443477135, -0.3019010983453609, 0.7943280164350653}, {0.0704909836679698, -0.570523158961481, 0.18415813145655383}}),
			M:  matrix([][]float64{{0.0052, 0.04389999999999999, 9.999999999999957e-10}, {0.10649999999999998, -0.16879999999999998, -0.0009499999999999995}}),
			V:  matrix([][]float64{{8.99100400000001e-05, 0.00016239001000000012, 5.994001000000005e-15}, {0.0004993402500000004, 0.0012483606400000011, 4.995002500000006e-06}}),
		},
	},
}

// Six epochs of full-batch gradient descent (rate 0.5) of a network with 2
// inputs, 3 ReLU units and 1 sigmoid output, on binary cross-entropy: the
// loss of each epoch before its update.
var trainingRef = struct {
	X, Y, W1, b1, W2, b2 *mat.Dense
	losses               []float64
}{
	X:      matrix([][]float64{{0.0, 1.0, 0.5, -1.0}, {1.0, 0.2, -0.5, 0.8}}),
	Y:      matrix([][]float64{{1.0, 0.0, 0.0, 1.0}}),
	W1:     matrix([][]float64{{0.4, -0.6}, {0.9, 0.3}, {-0.5, 0.8}}),
	b1:     matrix([][]float64{{0.1}, {-0.2}, {0.05}}),
	W2:     matrix([][]float64{{0.7, -1.1, 0.6}}),
	b2:     matrix([][]float64{{0.2}}),
	losses: []float64{0.570022871333327, 0.4643632990399035, 0.38432487847145513, 0.31909871923598765, 0.26589107789358757, 0.22301741520861665},
}
