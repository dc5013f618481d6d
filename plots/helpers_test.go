package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// step is 1 for z > 0 and 0 otherwise.
func step(z float64) float64 {
	if z > 0 {
		return 1
	}
	return 0
}

// moons returns a small 2×8 data set of two classes.
func moons() (*mat.Dense, []int) {
	X := mat.NewDense(2, 8, []float64{
		-1, -0.5, 0, 0.5, 0, 0.5, 1, 1.5,
		0, 0.8, 1, 0.8, -0.2, -0.7, -0.8, -0.5,
	})
	return X, []int{0, 0, 0, 0, 1, 1, 1, 1}
}

// digits returns m made-up 28×28 images as a 784×m matrix: image j has a
// bar in column 4+2j.
func digits(m int) *mat.Dense {
	images := mat.NewDense(784, m, nil)
	for j := range m {
		for r := 4; r < 24; r++ {
			images.Set(r*28+(4+2*j)%28, j, 1)
		}
	}
	return images
}

// record draws p, Width by Height, on a recorder and returns what was drawn.
func record(t *testing.T, p *plot.Plot) []recorder.Action {
	t.Helper()
	var c recorder.Canvas
	p.Draw(draw.NewCanvas(&c, Width, Height))
	return c.Actions
}

// strokedPoints returns the number of points in all paths stroked in col.
func strokedPoints(actions []recorder.Action, col color.Color) int {
	n := 0
	var cur color.Color
	for _, a := range actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			cur = a.Color
		case *recorder.Stroke:
			if sameColor(cur, col) {
				for _, c := range a.Path {
					if c.Type == vg.MoveComp || c.Type == vg.LineComp {
						n++
					}
				}
			}
		}
	}
	return n
}

// filled returns the number of paths filled in col.
func filled(actions []recorder.Action, col color.Color) int {
	n := 0
	var cur color.Color
	for _, a := range actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			cur = a.Color
		case *recorder.Fill:
			if sameColor(cur, col) {
				n++
			}
		}
	}
	return n
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// near reports whether a and b differ by at most tol in each channel.
func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= float64(tol) }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

func equalRuns(a, b [][]float64) bool {
	return slices.EqualFunc(a, b, func(x, y []float64) bool { return slices.Equal(x, y) })
}

// catch calls f and returns the message it panics with, or "" if none.
func catch(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }
