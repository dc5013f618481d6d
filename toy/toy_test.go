package toy

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// radius returns the distance of point j from (cx, cy).
func radius(X *mat.Dense, j int, cx, cy float64) float64 {
	return math.Hypot(X.At(0, j)-cx, X.At(1, j)-cy)
}

func TestMoons(t *testing.T) {
	X, labels := Moons(200, 0, 1)
	if r, c := X.Dims(); r != 2 || c != 200 || len(labels) != 200 {
		t.Fatalf("X is %d×%d with %d labels, want 2×200 and 200", r, c, len(labels))
	}
	for j, class := range labels {
		// Without noise, class 0 lies on the unit circle above y = 0, and
		// class 1 on the unit circle around (1, 0.5) below y = 0.5.
		cx, cy, upper := 0.0, 0.0, true
		if class == 1 {
			cx, cy, upper = 1, 0.5, false
		}
		if d := radius(X, j, cx, cy); math.Abs(d-1) > 1e-12 {
			t.Fatalf("point %d of class %d is %g from its centre, want 1", j, class, d)
		}
		if above := X.At(1, j) >= cy; above != upper {
			t.Fatalf("point %d of class %d is on the wrong arc", j, class)
		}
	}
	X2, _ := Moons(200, 0, 1)
	if !mat.Equal(X, X2) {
		t.Error("the same seed gave other points")
	}
}

func TestCircles(t *testing.T) {
	X, labels := Circles(100, 0.4, 0, 2)
	for j, class := range labels {
		want := map[int]float64{0: 1, 1: 0.4}[class]
		if d := radius(X, j, 0, 0); math.Abs(d-want) > 1e-12 {
			t.Fatalf("point %d of class %d has radius %g, want %g", j, class, d, want)
		}
	}
}

func TestSpiral(t *testing.T) {
	X, labels := Spiral(300, 3, 0, 3)
	counts := make([]int, 3)
	for j, class := range labels {
		counts[class]++
		if d := radius(X, j, 0, 0); d > 1 {
			t.Fatalf("point %d has radius %g, want at most 1", j, d)
		}
	}
	if counts[0] != 100 || counts[1] != 100 || counts[2] != 100 {
		t.Errorf("class counts %v, want 100 each", counts)
	}
}

func TestRow(t *testing.T) {
	if got := Row([]int{0, 1, 1}); !mat.Equal(got, mat.NewDense(1, 3, []float64{0, 1, 1})) {
		t.Errorf("Row = %v", mat.Formatted(got))
	}
	defer func() {
		if recover() == nil {
			t.Error("Row of label 2 did not panic")
		}
	}()
	Row([]int{2})
}
