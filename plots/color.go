package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// colors is the list Color cycles through: ten hues that stay apart from
// each other, for lines, histograms and classes alike.
var colors = []color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, // blue
	{0xff, 0x7f, 0x0e, 0xff}, // orange
	{0x2c, 0xa0, 0x2c, 0xff}, // green
	{0xd6, 0x27, 0x28, 0xff}, // red
	{0x94, 0x67, 0xbd, 0xff}, // purple
	{0x8c, 0x56, 0x4b, 0xff}, // brown
	{0xe3, 0x77, 0xc2, 0xff}, // pink
	{0x7f, 0x7f, 0x7f, 0xff}, // grey
	{0xbc, 0xbd, 0x22, 0xff}, // olive
	{0x17, 0xbe, 0xcf, 0xff}, // cyan
}

// wrongColor marks a misclassified digit.
var wrongColor = color.NRGBA{0xd0, 0x00, 0x00, 0xff}

// Color returns the colour the package gives series i, or class i: the
// i-th of a fixed list of ten, cycling after the tenth. A chart added to
// by hand can use it to match the colours already there.
//
// Special case: a negative i is treated as its absolute value.
func Color(i int) color.NRGBA {
	if i < 0 {
		i = -i
	}
	return colors[i%len(colors)]
}

// mix returns the colour t of the way from a to b, both opaque.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	at := func(x, y uint8) uint8 { return uint8(float64(x) + t*(float64(y)-float64(x)) + 0.5) }
	return color.NRGBA{at(a.R, b.R), at(a.G, b.G), at(a.B, b.B), 0xff}
}

// pale returns c mixed with white, for a background that points of
// colour c stand out on.
func pale(c color.NRGBA) color.NRGBA {
	return mix(c, color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.65)
}

// translucent returns c with the given opacity in [0, 1].
func translucent(c color.NRGBA, opacity float64) color.NRGBA {
	c.A = uint8(opacity*255 + 0.5)
	return c
}

// palette is a plain list of colours, for plotter.HeatMap.
type palette []color.Color

// Colors returns the list, implementing gonum/plot's palette.Palette.
func (p palette) Colors() []color.Color { return p }

// ramp returns n colours spread evenly along the path through stops.
func ramp(n int, stops ...color.NRGBA) palette {
	p := make(palette, n)
	for i := range p {
		t := float64(i) / float64(n-1) * float64(len(stops)-1)
		k := min(int(t), len(stops)-2)
		p[i] = mix(stops[k], stops[k+1], t-float64(k))
	}
	return p
}

// newPlot returns an empty plot with a title and axis labels: the start
// of every chart here.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	return p
}

// legendTop puts p's legend in the top left or top right corner of the
// data, a little inside it.
func legendTop(p *plot.Plot, left bool) {
	p.Legend.Top, p.Legend.Left = true, left
	p.Legend.XOffs, p.Legend.YOffs = -vg.Points(6), -vg.Points(4)
	if left {
		p.Legend.XOffs = vg.Points(6)
	}
}

// textStyle returns a centred text style of the given size and colour.
func textStyle(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(plot.DefaultFont, size),
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: plot.DefaultTextHandler,
	}
}

var (
	colorWhite = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	colorBlack = color.NRGBA{0x00, 0x00, 0x00, 0xff}
)
