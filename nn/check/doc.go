// Package check checks a learner's code for the course's exercises, from a
// notebook cell:
//
//	%%
//	check.Linear(linear)
//
// Each check calls the learner's function on fixed inputs whose right answers
// were computed outside Go (with numpy and PyTorch; see testdata/reference.py),
// compares the shapes and the values, and prints a short verdict to standard
// output: what passed, or what was expected, what came back and a hint that
// names the usual mistake. Values agree when they differ by at most
//
//	1e-9·|expected| + 1e-12
//
// A check never panics. A learner's function that panics, never returns
// (10 seconds at most) or returns a matrix of the wrong shape is reported as
// a failure of that check alone. A function that still holds the exercise's
// stub, panic("not done yet") (see NotDone), is reported as not done yet.
//
// Each verdict ends with one line a program can read, such as
//
//	CHECK linear: PASS
//
// with FAIL or NOT DONE in place of PASS; cmd/grade collects these lines from
// the executed notebooks. The checks and the names they print:
//
//	Linear              linear
//	Sigmoid             sigmoid
//	SigmoidBackward     sigmoid_backward
//	ReLU                relu
//	ReLUBackward        relu_backward
//	BinaryCrossEntropy  binary_cross_entropy
//	LinearBackward      linear_backward
//	Adam                adam
//	TrainingLoop        training_loop
//	Gradients           gradients
//
// Besides the equations, the checks hold the learner to the conventions of
// package nn: a function leaves its inputs as they were (the network keeps
// Z for backward propagation), except Adam, which updates W, M and V in
// place; ReLU'(0) = 0; the binary cross-entropy clips ŷ to [1e-7, 1 - 1e-7];
// Adam takes the paper's form W -= rate·m̂/(√v̂ + ε); dA_prev has no 1/m.
//
// Every check returns whether it passed, so a notebook may go on differently.
package check
