// Package toy makes small 2-D data sets for watching a network learn: two
// interleaving half moons, two rings and a spiral of k arms. Each returns X,
// 2×m with one point per column as everywhere in the course, and the class
// of each point. A seed makes every set reproducible.
package toy

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// newRand returns the seeded source of this package.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x70e))
}

// Moons returns m points on two interleaving half circles: class 0 on the
// upper arc of the unit circle centred at (0, 0), class 1 on the lower arc
// centred at (1, 0.5). noise is the standard deviation of the Gaussian
// noise added to each coordinate. No straight line separates the classes.
func Moons(m int, noise float64, seed uint64) (X *mat.Dense, labels []int) {
	checkSize("Moons", m, 2)
	rng := newRand(seed)
	X = mat.NewDense(2, m, nil)
	labels = make([]int, m)
	for j := range m {
		class := j % 2
		angle := math.Pi * rng.Float64()
		x, y := math.Cos(angle), math.Sin(angle)
		if class == 1 {
			x, y = 1-x, 0.5-y
		}
		X.Set(0, j, x+noise*rng.NormFloat64())
		X.Set(1, j, y+noise*rng.NormFloat64())
		labels[j] = class
	}
	return X, labels
}

// Circles returns m points on two rings around the origin: class 0 on the
// circle of radius 1, class 1 on the circle of radius factor (0 < factor < 1)
// inside it, each coordinate with Gaussian noise of standard deviation noise.
func Circles(m int, factor, noise float64, seed uint64) (X *mat.Dense, labels []int) {
	checkSize("Circles", m, 2)
	if factor <= 0 || factor >= 1 {
		panic(fmt.Sprintf("toy: Circles: factor %g; the inner ring's radius must be in (0, 1)", factor))
	}
	rng := newRand(seed)
	X = mat.NewDense(2, m, nil)
	labels = make([]int, m)
	for j := range m {
		class := j % 2
		radius := 1.0
		if class == 1 {
			radius = factor
		}
		angle := 2 * math.Pi * rng.Float64()
		X.Set(0, j, radius*math.Cos(angle)+noise*rng.NormFloat64())
		X.Set(1, j, radius*math.Sin(angle)+noise*rng.NormFloat64())
		labels[j] = class
	}
	return X, labels
}

// Spiral returns m points on k arms winding out from the origin, one class
// per arm, with Gaussian noise of standard deviation noise on the angle. Arm
// c starts at angle 2πc/k and turns once as the radius grows from 0 to 1.
func Spiral(m, k int, noise float64, seed uint64) (X *mat.Dense, labels []int) {
	checkSize("Spiral", m, k)
	rng := newRand(seed)
	X = mat.NewDense(2, m, nil)
	labels = make([]int, m)
	for j := range m {
		class := j % k
		radius := rng.Float64()
		angle := 2*math.Pi*float64(class)/float64(k) + 2*math.Pi*radius + noise*rng.NormFloat64()
		X.Set(0, j, radius*math.Cos(angle))
		X.Set(1, j, radius*math.Sin(angle))
		labels[j] = class
	}
	return X, labels
}

// checkSize panics unless there is at least one point per class.
func checkSize(fn string, m, classes int) {
	if classes < 2 || m < classes {
		panic(fmt.Sprintf("toy: %s: %d points for %d classes; give at least one point per class "+
			"and at least 2 classes", fn, m, classes))
	}
}

// Row returns the labels as a 1×m matrix of 0 and 1, the Y of a binary
// classifier with a sigmoid output.
func Row(labels []int) *mat.Dense {
	Y := mat.NewDense(1, len(labels), nil)
	for j, c := range labels {
		if c != 0 && c != 1 {
			panic(fmt.Sprintf("toy: Row: label %d at index %d; a binary Y needs 0 or 1", c, j))
		}
		Y.Set(0, j, float64(c))
	}
	return Y
}
