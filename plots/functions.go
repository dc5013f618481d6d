package plots

import (
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// functionSamples is the number of points at which Functions evaluates
// each function: odd, so that z = 0 is one of them on a symmetric range.
const functionSamples = 201

// Function is a named function of one variable, such as an activation g
// or its derivative g'.
type Function struct {
	Name string
	F    func(z float64) float64
}

// Functions draws each function over zmin ≤ z ≤ zmax, in its own colour,
// with a legend of their names: an activation beside its derivative, or
// several activations compared. Each F is evaluated at 201 evenly spaced
// points. The x axis is labelled "z"; the y axis has no label, since the
// functions drawn differ (set p.Y.Label.Text to name it, "g(z)" say).
//
// Special cases:
//
//	where F returns NaN or ±Inf the curve breaks, as in Lines
//	a function with an empty Name has no legend entry
//
// Functions panics if zmin is not below zmax or if an F is nil.
func Functions(title string, zmin, zmax float64, fns ...Function) *plot.Plot {
	if !(zmin < zmax) {
		panic(fmt.Sprintf("plots: Functions: zmin %g is not below zmax %g", zmin, zmax))
	}
	p := newPlot(title, "z", "")
	p.Add(plotter.NewGrid())
	legendTop(p, true)

	zs := make([]float64, functionSamples)
	for i := range zs {
		zs[i] = zmin + (zmax-zmin)*float64(i)/float64(functionSamples-1)
	}
	for i, f := range fns {
		if f.F == nil {
			panic(fmt.Sprintf("plots: Functions: function %d (%q) has a nil F", i, f.Name))
		}
		gs := make([]float64, len(zs))
		for j, z := range zs {
			gs[j] = f.F(z)
		}
		addLine(p, f.Name, zs, gs, Color(i), false)
	}
	return p
}
