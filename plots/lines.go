package plots

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named line of a Lines chart, such as the loss of one run
// over its steps or epochs. Y holds the values; X holds their positions
// on the x axis, or is nil for 1, 2, ..., len(Y).
type Series struct {
	Name string
	X, Y []float64
}

// Lines draws each series as a line in its own colour, with a legend of
// their names, on a light grid: loss curves of several optimisers or
// learning rates, compared.
//
// Special cases:
//
//	a NaN or ±Inf value (in X or Y) is skipped, and the line breaks there:
//	  a diverging run draws up to its last finite loss
//	a finite point with no finite neighbour is drawn as a dot
//	a series with an empty Name has no legend entry
//	no series, or no finite point, gives an empty chart
//
// Lines panics if a series has X and Y of different lengths.
func Lines(title, xLabel, yLabel string, series ...Series) *plot.Plot {
	return lines("Lines", title, xLabel, yLabel, false, series)
}

// LinesLogY is Lines with a logarithmic y axis, for a loss that falls by
// orders of magnitude. The axis spans whole decades, 0.01 to 10 say, so
// that it always has labelled ticks. A y value of 0 or below has no place
// on it and is skipped like NaN; with no positive value at all the axis
// spans 1 to 10.
func LinesLogY(title, xLabel, yLabel string, series ...Series) *plot.Plot {
	return lines("LinesLogY", title, xLabel, yLabel, true, series)
}

// lines builds Lines and LinesLogY; fn names the caller in panics.
func lines(fn, title, xLabel, yLabel string, logY bool, series []Series) *plot.Plot {
	p := newPlot(title, xLabel, yLabel)
	p.Add(plotter.NewGrid())
	legendTop(p, false)

	for i, s := range series {
		xs := s.X
		if xs == nil {
			xs = make([]float64, len(s.Y))
			for j := range xs {
				xs[j] = float64(j + 1)
			}
		}
		if len(xs) != len(s.Y) {
			panic(fmt.Sprintf("plots: %s: series %d (%q) has len(X) %d, len(Y) %d",
				fn, i, s.Name, len(xs), len(s.Y)))
		}
		addLine(p, s.Name, xs, s.Y, Color(i), logY)
	}

	if logY {
		// A log axis needs a range of positive numbers, which gonum/plot's
		// own fix for an empty range (0 to 0) or one value v (v-1 to v+1)
		// does not give. Whole decades also give the axis labelled ticks,
		// which plot.LogTicks puts only at powers of 10.
		if math.IsInf(p.Y.Min, 0) || math.IsInf(p.Y.Max, 0) {
			p.Y.Min, p.Y.Max = 1, 1
		}
		p.Y.Min = math.Pow10(int(math.Floor(math.Log10(p.Y.Min))))
		p.Y.Max = math.Pow10(int(math.Ceil(math.Log10(p.Y.Max))))
		if p.Y.Min == p.Y.Max {
			p.Y.Max *= 10
		}
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = decades{}
	}
	return p
}

// addLine adds the points (xs[i], ys[i]) to p as a line of colour c, broken
// where a point is skipped (not finite, or y <= 0 when positive is true),
// and a legend entry when name is not empty.
func addLine(p *plot.Plot, name string, xs, ys []float64, c color.Color, positive bool) {
	style := draw.LineStyle{Color: c, Width: vg.Points(1.5)}
	for _, run := range runs(xs, ys, positive) {
		if len(run) == 1 {
			dot := &plotter.Scatter{XYs: run, GlyphStyle: draw.GlyphStyle{
				Color: c, Radius: vg.Points(2), Shape: draw.CircleGlyph{},
			}}
			p.Add(dot)
			continue
		}
		p.Add(&plotter.Line{XYs: run, LineStyle: style})
	}
	if name != "" {
		p.Legend.Add(name, &plotter.Line{LineStyle: style})
	}
}

// runs splits the points (xs[i], ys[i]) into runs of consecutive points
// that are kept: both coordinates finite, and y > 0 when positive is true.
func runs(xs, ys []float64, positive bool) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i := range xs {
		x, y := xs[i], ys[i]
		if !finite(x) || !finite(y) || (positive && y <= 0) {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: x, Y: y})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// decades puts a labelled tick at every power of 10 of a log axis and
// unlabelled ones at 2…9 times it. Its labels are exact (1e-05, 0.001, 100),
// where plot.LogTicks multiplies by 10 in a loop and can print
// 9.999999999999999e-06.
type decades struct{}

// Ticks returns the ticks between min and max, both positive.
func (decades) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for k := int(math.Floor(math.Log10(min))); k <= int(math.Ceil(math.Log10(max))); k++ {
		decade := math.Pow10(k)
		if decade >= min && decade <= max {
			ticks = append(ticks, plot.Tick{Value: decade,
				Label: strconv.FormatFloat(decade, 'g', -1, 64)})
		}
		for i := 2; i <= 9; i++ {
			if v := float64(i) * decade; v >= min && v <= max {
				ticks = append(ticks, plot.Tick{Value: v})
			}
		}
	}
	return ticks
}
