package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DefaultResolution is the number of grid cells along each axis that
// Boundary uses when it is given a resolution of 0 or less.
const DefaultResolution = 100

// Boundary draws a 2-D data set as points coloured by class, over the
// decision regions of a model: the chart of a classifier learning to
// separate two moons or a spiral.
//
// X is 2×m, one sample (x₁, x₂) per column; labels[j] is the class of
// column j, 0, 1, ..., K-1. predict is called at the centre of every cell
// of a resolution×resolution grid that covers the data with a small
// margin, and the cell is shaded by what it returns:
//
//	two classes (labels 0 and 1): the probability of class 1, ŷ = P(y = 1 | x₁, x₂)
//	  in [0, 1], shaded from class 0's colour through white at 0.5 to class
//	  1's colour, with the boundary ŷ = 0.5 drawn as a black line
//	more classes: the predicted class as a float64 (0, 1, ..., K-1),
//	  each cell shaded in that class's colour (rounded to the nearest class)
//
// A class's points and its region share a hue, the region paler. The axes
// are labelled x₁ and x₂, and the legend reads y = 0, y = 1, and so on.
// predict is called resolution² times (10,000 by default), one point at a
// time: cheap enough for the small networks this chart is drawn for.
//
// Special cases:
//
//	predict nil: the points alone, no regions (the data set before training)
//	resolution ≤ 0: DefaultResolution
//	a sample with a NaN or ±Inf coordinate is skipped
//	a cell where predict returns NaN is left blank; with two classes a value
//	  below 0 or above 1 is shaded as 0 or 1; with more, a class below 0 or
//	  above K-1 is left blank
//
// Boundary panics if X does not have 2 rows, if len(labels) is not the
// number of columns of X, or if a label is negative.
func Boundary(title string, X *mat.Dense, labels []int,
	predict func(x1, x2 float64) float64, resolution int) *plot.Plot {
	// Check the arguments and find the number of classes K.
	n, m := X.Dims()
	if n != 2 {
		panic(fmt.Sprintf("plots: Boundary: X is %d×%d, want 2×m (one sample per column)", n, m))
	}
	if len(labels) != m {
		panic(fmt.Sprintf("plots: Boundary: X is 2×%d but len(labels) is %d", m, len(labels)))
	}
	k := 2
	for j, y := range labels {
		if y < 0 {
			panic(fmt.Sprintf("plots: Boundary: labels[%d] is %d, want a class 0, 1, ...", j, y))
		}
		k = max(k, y+1)
	}
	if resolution <= 0 {
		resolution = DefaultResolution
	}

	p := newPlot(title, "x₁", "x₂")
	p.X.Padding, p.Y.Padding = 0, 0 // the regions meet the axes
	legendTop(p, false)

	// The region drawn: the data's range, widened by 5% on each side.
	x1min, x1max := span(X.RawRowView(0))
	x2min, x2max := span(X.RawRowView(1))
	p.X.Min, p.X.Max = x1min, x1max
	p.Y.Min, p.Y.Max = x2min, x2max

	// Decision regions: predict at the centre of every grid cell.
	if predict != nil {
		g := newGrid(centres(x1min, x1max, resolution), centres(x2min, x2max, resolution))
		for r, x2 := range g.y {
			for c, x1 := range g.x {
				g.set(r, c, predict(x1, x2))
			}
		}
		p.Add(flat{regions(g, k)})
		if k == 2 {
			line := plotter.NewContour(g, []float64{0.5}, nil)
			line.Min, line.Max = 0, 1 // as found in g, they are ±Inf when all of g is NaN
			line.LineStyles = []draw.LineStyle{{Color: colorBlack, Width: vg.Points(1)}}
			p.Add(line)
		}
	}

	// The samples, one scatter per class.
	for y := range k {
		var pts plotter.XYs
		for j, label := range labels {
			x1, x2 := X.At(0, j), X.At(1, j)
			if label == y && finite(x1) && finite(x2) {
				pts = append(pts, plotter.XY{X: x1, Y: x2})
			}
		}
		if len(pts) == 0 {
			continue
		}
		s := &plotter.Scatter{XYs: pts, GlyphStyle: draw.GlyphStyle{
			Color: Color(y), Radius: vg.Points(2.5), Shape: draw.CircleGlyph{},
		}}
		p.Add(s)
		p.Legend.Add(fmt.Sprintf("y = %d", y), s)
	}
	return p
}

// regions returns the heat map of a grid of predictions among k classes,
// shaded as Boundary describes.
func regions(g *grid, k int) *plotter.HeatMap {
	var h *plotter.HeatMap
	if k == 2 {
		a, b := pale(Color(0)), pale(Color(1))
		h = plotter.NewHeatMap(g, ramp(65, a, colorWhite, b))
		h.Min, h.Max = 0, 1
		h.Underflow, h.Overflow = a, b
	} else {
		pal := make(palette, k)
		for y := range pal {
			pal[y] = pale(Color(y))
		}
		h = plotter.NewHeatMap(g, pal)
		h.Min, h.Max = 0, float64(k-1)
	}
	h.Rasterized = true // one image, not resolution² squares in an SVG
	return h
}

// flat is a heat map that asks for no room around its cells. A plain
// plotter.HeatMap reserves 5 points around every cell centre, which for
// small cells leaves a white strip between the regions and the axes.
type flat struct{ *plotter.HeatMap }

// GlyphBoxes returns nil: no room is needed, implementing plot.GlyphBoxer.
func (flat) GlyphBoxes(*plot.Plot) []plot.GlyphBox { return nil }

// span returns the range of the finite values in vs, widened by 5% on
// each side; a single value v gives v-1 to v+1, and none gives -1 to 1.
func span(vs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	switch {
	case lo > hi:
		return -1, 1
	case lo == hi:
		return lo - 1, hi + 1
	}
	margin := 0.05 * (hi - lo)
	return lo - margin, hi + margin
}

// centres returns the centres of n equal cells that split lo to hi.
func centres(lo, hi float64, n int) []float64 {
	cs := make([]float64, n)
	w := (hi - lo) / float64(n)
	for i := range cs {
		cs[i] = lo + (float64(i)+0.5)*w
	}
	return cs
}
