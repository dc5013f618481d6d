// Package plots draws the course's charts with gonum/plot.
//
// The charts, one function each:
//
//	Functions   an activation g(z) beside its derivative g'(z)
//	Lines       loss or accuracy curves, one line per run (LinesLogY: log y axis)
//	Boundary    a 2-D data set coloured by class, over the model's decision regions
//	Histograms  the values in weight matrices, e.g. after Glorot, He or small random init
//	Digits      a grid of MNIST images with their labels and predictions
//	Confusion   a confusion matrix, true class by predicted class, count in every cell
//
// Samples are columns, as everywhere in the course: a 2-D data set X is 2×m
// and a batch of MNIST images is 784×m, with sample j in column j.
//
// Every chart function returns a *plot.Plot, so a chart can be restyled
// before it is shown: change p.Title.Text, p.X.Label.Text, p.Y.Min, the
// legend, or add more plotters with p.Add.
//
// # Showing and saving
//
// In a GoNB notebook, Show draws a chart below the cell (ShowSize at
// another size):
//
//	p := plots.Lines("training", "epoch", "J", plots.Series{Name: "adam", Y: losses})
//	p.Y.Max = 1 // restyle before showing
//	plots.Show(p)
//
// A chart that follows training replaces itself in place: take an id from
// NewDisplayID once, then call Update with it after every epoch. Outside a
// notebook Show and Update do nothing and return nil, so the same code runs
// from a test or a command.
//
// PNG and SVG return the encoded chart, HTML returns an <img> element with
// the PNG inlined, and Save writes a .png or .svg file. Width and Height are
// the default size; a size of 0 stands for them.
//
// # Bad data
//
// NaN and ±Inf points are skipped, not reported: the loss of a diverging run
// is a chart the course shows on purpose. A call whose arguments do not fit
// together (lengths or shapes that differ) is the caller's mistake and
// panics with a message that names the function and the sizes.
//
// # The (c, r) trap
//
// gonum/plot reads heat maps and contours through plotter.GridXYZ, whose
// Dims returns (c, r), columns first, and whose Z takes (c, r): the reverse
// of gonum/mat, where Dims returns (r, c) and At takes (r, c). GridXYZ's
// row 0 is also at the bottom of the chart, where a printed matrix has row
// 0 on top.
// This package meets GridXYZ in one place, the grid type in grid.go;
// Boundary and Confusion both go through it.
//
// # What is simplified
//
// Colours come from one fixed list of ten (see Color); an eleventh series
// or class reuses the first colour. SVG output does not embed its fonts, so
// a viewer draws the text with its own serif font. Digits draws every image
// it is given; a few dozen stay legible at the default size.
package plots
