package check_test

import (
	"github.com/deeplearning-go/course/nn"
	"github.com/deeplearning-go/course/nn/check"
	"gonum.org/v1/gonum/mat"
)

// A check cell of a notebook calls a check with the learner's function.
func ExampleLinear() {
	check.Linear(nn.Linear)
	// Output:
	// ✔ linear: Z = W·A + b is right on all 2 cases (within 1e-9).
	// CHECK linear: PASS
}

// A wrong answer gets what was expected, what came back and a hint.
func ExampleReLUBackward() {
	check.ReLUBackward(func(dA, Z *mat.Dense) *mat.Dense {
		dZ := mat.DenseCopyOf(dA)
		dZ.Apply(func(i, j int, a float64) float64 {
			if Z.At(i, j) >= 0 { // should be > 0
				return a
			}
			return 0
		}, dZ)
		return dZ
	})
	// Output:
	// ✘ relu_backward: wrong values of dZ in case 1 of 2 (dA 2×3, Z 2×3)
	//     input dA (2×3):
	//       ⎡0.3  -1.2  0.5⎤
	//       ⎣  2  -0.4  0.8⎦
	//     input Z (2×3):
	//       ⎡ -2     0  0.7⎤
	//       ⎣1.5  -0.3    3⎦
	//     expected dZ (2×3):
	//       ⎡0  0  0.5⎤
	//       ⎣2  0  0.8⎦
	//     got dZ (2×3):
	//       ⎡0  -1.2  0.5⎤
	//       ⎣2     0  0.8⎦
	//     hint: at z = 0 you let dA through: the course takes ReLU'(0) = 0, as Keras and PyTorch do, so dZ is 0 wherever z ≤ 0 (test z > 0, not z >= 0).
	// CHECK relu_backward: FAIL
}

// An exercise whose stub is still in place is not done yet.
func ExampleSigmoid_notDone() {
	check.Sigmoid(func(Z *mat.Dense) *mat.Dense {
		panic(check.NotDone)
	})
	// Output:
	// … sigmoid: not done yet: your sigmoid still holds panic("not done yet"). Write your code in its place, run that cell, then this one.
	// CHECK sigmoid: NOT DONE
}
