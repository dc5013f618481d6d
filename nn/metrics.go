package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// ArgMax returns, for each column of A, the row of its largest value: the
// predicted class of each sample when A is Ŷ, or the label when A is one-hot.
// The first row wins a tie; a column of NaN gives 0.
func ArgMax(A *mat.Dense) []int {
	r, c := A.Dims()
	classes := make([]int, c)
	for j := range c {
		best := A.At(0, j)
		for i := 1; i < r; i++ {
			if v := A.At(i, j); v > best {
				best, classes[j] = v, i
			}
		}
	}
	return classes
}

// Classes returns the class of each sample of Ŷ or Y: the row of the largest
// value for several rows (ArgMax), and for a single row of probabilities of
// class 1, 1 when the value is at least 0.5 and 0 otherwise.
func Classes(A *mat.Dense) []int {
	r, c := A.Dims()
	if r > 1 {
		return ArgMax(A)
	}
	classes := make([]int, c)
	for j := range c {
		if A.At(0, j) >= 0.5 {
			classes[j] = 1
		}
	}
	return classes
}

// Accuracy returns the share of samples whose predicted class (see Classes)
// equals their label, between 0 and 1:
//
//	accuracy = (1/m) Σ_i [class(ŷ_i) = class(y_i)]
//
// Ŷ and Y are n×m.
func Accuracy(Yhat, Y *mat.Dense) float64 {
	mustSameShape("Accuracy", "accuracy = mean(class(ŷ) == class(y))", "Ŷ", Yhat, "Y", Y)
	mustNotEmpty("Accuracy", "Ŷ", Yhat)
	predicted, labels := Classes(Yhat), Classes(Y)
	right := 0
	for i := range labels {
		if predicted[i] == labels[i] {
			right++
		}
	}
	return float64(right) / float64(len(labels))
}

// ConfusionMatrix counts how often each true class was predicted as each
// class: counts[t][p] is the number of samples of label t predicted as p, so
// the diagonal holds the right answers. Labels and predictions must be in
// 0 … classes-1.
func ConfusionMatrix(labels, predictions []int, classes int) [][]int {
	if len(labels) != len(predictions) {
		panic(fmt.Sprintf("nn: ConfusionMatrix: %d labels but %d predictions",
			len(labels), len(predictions)))
	}
	counts := make([][]int, classes)
	for t := range counts {
		counts[t] = make([]int, classes)
	}
	for i, t := range labels {
		p := predictions[i]
		if t < 0 || t >= classes || p < 0 || p >= classes {
			panic(fmt.Sprintf("nn: ConfusionMatrix: sample %d has label %d and prediction %d; "+
				"both must be in 0…%d", i, t, p, classes-1))
		}
		counts[t][p]++
	}
	return counts
}
