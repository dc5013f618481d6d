package mnist_test

import (
	"bytes"
	"fmt"

	"github.com/deeplearning-go/course/mnist"
	"gonum.org/v1/gonum/mat"
)

func ExampleOneHot() {
	// The first five training labels of MNIST, one column each.
	Y := mnist.OneHot([]int{5, 0, 4, 1, 9}, mnist.Classes)
	fmt.Printf("%v\n", mat.Formatted(Y))
	// Output:
	// ⎡0  1  0  0  0⎤
	// ⎢0  0  0  1  0⎥
	// ⎢0  0  0  0  0⎥
	// ⎢0  0  0  0  0⎥
	// ⎢0  0  1  0  0⎥
	// ⎢1  0  0  0  0⎥
	// ⎢0  0  0  0  0⎥
	// ⎢0  0  0  0  0⎥
	// ⎢0  0  0  0  0⎥
	// ⎣0  0  0  0  1⎦
}

func ExampleDecodeLabels() {
	// An IDX labels file: magic 2049 and count 3, big-endian, then the labels.
	data := []byte{0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 4}
	labels, err := mnist.DecodeLabels(bytes.NewReader(data))
	fmt.Println(labels, err)

	data[9] = 12
	_, err = mnist.DecodeLabels(bytes.NewReader(data))
	fmt.Println(err)
	// Output:
	// [5 0 4] <nil>
	// mnist: decoding labels: label at index 1 is 12, want 0..9
}

func ExampleLoad() {
	train, test, err := mnist.Load("")
	if err != nil {
		fmt.Println(err) // it says how to fetch the files
		return
	}
	X, Y := train.Images, mnist.OneHot(train.Labels, mnist.Classes)
	fmt.Println(X.Dims())
	fmt.Println(Y.Dims())
	fmt.Println(test.Len())
}
