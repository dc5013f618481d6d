package nn_test

import (
	"fmt"

	"github.com/deeplearning-go/course/nn"
	"gonum.org/v1/gonum/mat"
)

// The linear step of a layer of 2 units over 3 inputs, for 2 samples.
func ExampleLinear() {
	W := mat.NewDense(2, 3, []float64{
		1, 0, -1,
		2, 1, 0,
	})
	A := mat.NewDense(3, 2, []float64{
		1, 2,
		3, 4,
		5, 6,
	})
	b := mat.NewDense(2, 1, []float64{0.5, -1})

	Z := nn.Linear(W, A, b)
	fmt.Printf("Z = W·A + b =\n%v\n", mat.Formatted(Z))
	// Output:
	// Z = W·A + b =
	// ⎡-3.5  -3.5⎤
	// ⎣   4     7⎦
}

func ExampleSigmoid() {
	Z := mat.NewDense(1, 3, []float64{-1e4, 0, 2})
	A := nn.Sigmoid(Z)
	fmt.Printf("%.4f\n", mat.Formatted(A))
	// Output:
	// [0.0000  0.5000  0.8808]
}

func ExampleReLUBackward() {
	Z := mat.NewDense(1, 3, []float64{-2, 0, 3})
	dA := mat.NewDense(1, 3, []float64{5, 5, 5})
	fmt.Println(mat.Formatted(nn.ReLUBackward(dA, Z)))
	// Output:
	// [0  0  5]
}

// Each column of Z is one sample's logits; each column of the result sums to 1.
func ExampleSoftmax() {
	Z := mat.NewDense(3, 2, []float64{
		1, 1000,
		2, 0,
		3, 0,
	})
	fmt.Printf("%.4f\n", mat.Formatted(nn.Softmax(Z)))
	// Output:
	// ⎡0.0900  1.0000⎤
	// ⎢0.2447  0.0000⎥
	// ⎣0.6652  0.0000⎦
}

func ExampleBinaryCrossEntropy() {
	Yhat := mat.NewDense(1, 2, []float64{0.9, 0.2})
	Y := mat.NewDense(1, 2, []float64{1, 0})

	// J = -(log 0.9 + log 0.8) / 2
	fmt.Printf("J = %.4f\n", nn.BinaryCrossEntropy(Yhat, Y))
	// Output:
	// J = 0.1643
}

func ExampleSoftmaxCrossEntropyBackward() {
	Yhat := mat.NewDense(3, 1, []float64{0.7, 0.2, 0.1})
	Y := mat.NewDense(3, 1, []float64{0, 1, 0})
	fmt.Println(mat.Formatted(nn.SoftmaxCrossEntropyBackward(Yhat, Y)))
	// Output:
	// ⎡ 0.7⎤
	// ⎢-0.8⎥
	// ⎣ 0.1⎦
}

func ExampleLinearBackward() {
	W := mat.NewDense(1, 2, []float64{3, -1})
	APrev := mat.NewDense(2, 2, []float64{
		1, 2,
		0, 4,
	})
	dZ := mat.NewDense(1, 2, []float64{1, 0.5})

	dW, db, dAPrev := nn.LinearBackward(dZ, APrev, W)
	fmt.Println("dW =", mat.Formatted(dW))
	fmt.Println("db =", mat.Formatted(db))
	fmt.Printf("dA_prev =\n%v\n", mat.Formatted(dAPrev))
	// Output:
	// dW = [1  1]
	// db = [0.75]
	// dA_prev =
	// ⎡   3   1.5⎤
	// ⎣  -1  -0.5⎦
}

// A network learns XOR, the function no single line can separate.
func ExampleNetwork_Fit() {
	X := mat.NewDense(2, 4, []float64{
		0, 0, 1, 1,
		0, 1, 0, 1,
	})
	Y := mat.NewDense(1, 4, []float64{0, 1, 1, 0})

	net, err := nn.NewNetwork(1, 2, nn.Dense(8, "tanh"), nn.Dense(1, "sigmoid"))
	if err != nil {
		panic(err)
	}
	net.Compile(nn.BinaryCrossEntropyLoss, nn.NewAdam(0.05))
	if _, err := net.Fit(X, Y, nn.FitOptions{Epochs: 500, BatchSize: 4}); err != nil {
		panic(err)
	}

	fmt.Println(nn.Classes(net.Predict(X)))
	// Output:
	// [0 1 1 0]
}

func ExampleCheckGradients() {
	X := mat.NewDense(2, 3, []float64{
		0.5, -1, 2,
		1.5, 0.3, -0.7,
	})
	Y := mat.NewDense(2, 3, []float64{
		1, 0, 1,
		0, 1, 0,
	})
	net, _ := nn.NewNetwork(1, 2, nn.Dense(3, "tanh"), nn.Dense(2, "softmax"))

	report := nn.CheckGradients(net, X, Y)
	fmt.Println("every gradient right:", report.OK())
	// Output:
	// every gradient right: true
}
