package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Confusion draws a confusion matrix as a heat map with its count written
// in every cell: counts[i][j] is the number of samples of true class i
// that the model predicted as class j, so the diagonal holds the right
// answers. Rows are true classes, top to bottom as in the printed matrix
// (axis "true"); columns are predicted classes (axis "predicted"). A cell
// is darker the larger its count; the shade follows the square root of the
// count, so that a few mistakes beside thousands of right answers still
// show. The title gives the accuracy, the sum
// of the diagonal over the sum of all counts, e.g. "accuracy 97.81%
// (9781 of 10000)".
//
// Special cases:
//
//	classNames nil: the classes are named 0, 1, ..., k-1
//	all counts 0: every cell is white and the title is empty
//	a negative count is written as it is and shaded as 0
//
// Confusion panics if counts is not a k×k matrix with k ≥ 1, or if
// classNames is not nil and its length is not k.
func Confusion(counts [][]int, classNames []string) *plot.Plot {
	// Check the shape and name the classes.
	k := len(counts)
	if k == 0 {
		panic("plots: Confusion: no classes, want a k×k matrix of counts")
	}
	for i, row := range counts {
		if len(row) != k {
			panic(fmt.Sprintf(
				"plots: Confusion: counts has %d rows but row %d has %d counts, want a k×k matrix",
				k, i, len(row)))
		}
	}
	if classNames == nil {
		for i := range k {
			classNames = append(classNames, strconv.Itoa(i))
		}
	}
	if len(classNames) != k {
		panic(fmt.Sprintf("plots: Confusion: counts is %d×%d but len(classNames) is %d",
			k, k, len(classNames)))
	}

	// The cells: true class i is drawn on grid row k-1-i, so that class 0
	// is on top, and predicted class j on grid column j.
	at := make([]float64, k)
	for i := range at {
		at[i] = float64(i)
	}
	g := newGrid(at, at)
	most, right, total := 0, 0, 0
	for i, row := range counts {
		for j, n := range row {
			g.set(k-1-i, j, math.Sqrt(float64(max(n, 0))))
			most = max(most, n)
			total += n
		}
		right += row[i]
	}
	h := plotter.NewHeatMap(g, ramp(100, colorWhite, mix(Color(0), colorBlack, 0.35)))
	h.Min, h.Max = 0, math.Sqrt(float64(max(most, 1)))

	// The counts, white on the darker half of the palette.
	var labels plotter.Labels
	for i, row := range counts {
		for j, n := range row {
			ink := color.Color(colorBlack)
			if 4*n > most { // √n past half of √most
				ink = colorWhite
			}
			labels.XYs = append(labels.XYs, plotter.XY{X: float64(j), Y: float64(k - 1 - i)})
			labels.Labels = append(labels.Labels, strconv.Itoa(n))
			labels.TextStyle = append(labels.TextStyle, textStyle(countSize(k), ink))
		}
	}

	p := newPlot("", "predicted", "true")
	if total > 0 {
		p.Title.Text = fmt.Sprintf("accuracy %.2f%% (%d of %d)",
			100*float64(right)/float64(total), right, total)
	}
	p.Add(h, &labels)
	p.NominalX(classNames...)
	up := slices.Clone(classNames) // the y axis counts upwards: class 0 last
	slices.Reverse(up)
	p.NominalY(up...)
	return p
}

// countSize is the font size of the counts in a k×k confusion matrix.
func countSize(k int) vg.Length {
	if k > 12 {
		return vg.Points(7)
	}
	return vg.Points(9)
}
