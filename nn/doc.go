// Package nn is a feed-forward neural network written one equation at a time,
// for learning how a network learns.
//
// # Notation
//
// Samples are columns. For layer l of a network with L layers, and a batch of
// m samples:
//
//	Z[l] = W[l]·A[l-1] + b[l]     W[l] is n[l]×n[l-1], b[l] is n[l]×1
//	A[l] = g[l](Z[l])             A[l-1] is n[l-1]×m, Z[l] and A[l] are n[l]×m
//
// A[0] = X is the input, n[0]×m, and the last activation A[L] is the
// prediction Ŷ. The labels Y have the shape of Ŷ (one-hot columns for
// classes). Keras and PyTorch store samples as rows; every matrix here is the
// transpose of theirs.
//
// Backward, for layer l, with dA[L] the derivative of the per-sample loss
// with respect to Ŷ:
//
//	dZ[l]   = dA[l] ⊙ g[l]'(Z[l])
//	dW[l]   = (1/m) dZ[l]·A[l-1]ᵀ
//	db[l]   = (1/m) Σ over the columns of dZ[l]
//	dA[l-1] = W[l]ᵀ·dZ[l]
//
// The 1/m of the mean loss is applied once, in dW and db, so dZ and dA are per
// sample. dW and db are the exact gradients of the mean loss J.
//
// # The six training steps
//
//  1. initialise the parameters (NewNetwork, with Glorot, He or SmallRandom)
//  2. forward propagation (Network.Forward)
//  3. the loss (Loss.Value)
//  4. backward propagation, the gradients (Network.Backward)
//  5. update the parameters (an Optimizer: SGD, Momentum, Adam)
//  6. repeat 2 to 5 over mini-batches and epochs (Network.Fit)
//
// # Functions, one per equation
//
// Linear and LinearBackward are the linear step and its gradients. Sigmoid,
// Tanh, ReLU, LeakyReLU, Softmax and Identity are the activations, each with a
// backward step (SigmoidBackward and so on) that computes dZ = dA ⊙ g'(Z).
// BinaryCrossEntropy and CategoricalCrossEntropy are the losses, with their
// gradients, and SoftmaxCrossEntropyBackward is the combined last step
// dZ = Ŷ - Y. CheckGradients compares backward propagation with centred
// differences.
//
// A shape mistake is a programming error: the functions panic with a message
// that names the function, the equation and the shapes involved. Bad data
// (a corrupt model file, a diverging loss) is a returned error.
//
// # What is simplified on purpose
//
// The package favours reading over speed and generality: matrices are float64
// gonum Dense matrices, layers are dense (fully connected) only, there is no
// regularisation, dropout or automatic differentiation, and every readable
// function allocates its result, and its element-wise steps run on one
// processor (gonum shares a large matrix product between processors itself).
//
// # Speed
//
// Network.Fit and Network.Predict run a fast path (fast.go) that the tests
// check against the readable functions: it reuses its matrices from batch to
// batch, does the element-wise steps of an equation in one pass, and shares
// the matrix products and Adam's update between the processors
// (GOMAXPROCS). A program built with the openblas tag (go run -tags openblas)
// hands the matrix products to OpenBLAS; see blas_openblas.go.
package nn
