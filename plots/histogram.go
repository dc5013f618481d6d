package plots

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DefaultBins is the number of bins Histograms uses when it is given 0
// or less.
const DefaultBins = 50

// Distribution is a named set of values for Histograms, such as the
// elements of a weight matrix W[1] after one way of initialising it.
type Distribution struct {
	Name   string
	Values []float64
}

// Elements returns the elements of m, row after row, in a new slice: the
// values of a weight matrix, ready for a Distribution.
func Elements(m mat.Matrix) []float64 {
	r, c := m.Dims()
	vs := make([]float64, 0, r*c)
	for i := range r {
		for j := range c {
			vs = append(vs, m.At(i, j))
		}
	}
	return vs
}

// Histograms draws the histogram of each distribution, overlaid in
// translucent colours on the same bins, with a legend of their names:
// the weights given by Glorot, He and small random initialisation,
// compared.
//
// All histograms share one set of bins, bins of them, equally wide, from
// the smallest value of all distributions to the largest, so their bars
// line up. A bar's height is the fraction of its distribution's values
// that fall in the bin, so distributions of different sizes compare: the
// bars of each one add up to 1. The axes are labelled "value" and
// "fraction of values".
//
// Special cases:
//
//	bins ≤ 0: DefaultBins
//	NaN and ±Inf values are skipped, and not counted in the fraction
//	a distribution with no finite value draws nothing but its legend entry
//	when all values are equal the bins span that value ± 0.5
func Histograms(title string, bins int, ds ...Distribution) *plot.Plot {
	if bins <= 0 {
		bins = DefaultBins
	}
	p := newPlot(title, "value", "fraction of values")
	p.Add(plotter.NewGrid())
	legendTop(p, false)

	// One set of bins for all distributions.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range ds {
		for _, v := range d.Values {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		lo, hi = -0.5, 0.5
	} else if lo == hi {
		lo, hi = lo-0.5, hi+0.5
	}

	for i, d := range ds {
		h := &plotter.Histogram{
			Bins:      binFractions(d.Values, lo, hi, bins),
			Width:     (hi - lo) / float64(bins),
			FillColor: translucent(Color(i), 0.35),
			LineStyle: draw.LineStyle{Color: Color(i), Width: vg.Points(0.75)},
		}
		if h.Bins != nil {
			p.Add(h)
		}
		if d.Name != "" {
			p.Legend.Add(d.Name, h)
		}
	}
	return p
}

// binFractions splits lo to hi into n equal bins and returns, for each,
// the fraction of the finite values of vs that fall in it; nil when vs has
// no finite value. A value equal to hi counts in the last bin.
func binFractions(vs []float64, lo, hi float64, n int) []plotter.HistogramBin {
	counts := make([]int, n)
	total := 0
	w := (hi - lo) / float64(n)
	for _, v := range vs {
		if !finite(v) {
			continue
		}
		k := min(max(int((v-lo)/w), 0), n-1)
		counts[k]++
		total++
	}
	if total == 0 {
		return nil
	}
	bins := make([]plotter.HistogramBin, n)
	for k, c := range counts {
		bins[k] = plotter.HistogramBin{
			Min:    lo + float64(k)*w,
			Max:    lo + float64(k+1)*w,
			Weight: float64(c) / float64(total),
		}
	}
	bins[n-1].Max = hi // not lo + n·w, which rounding may leave short of hi
	return bins
}
