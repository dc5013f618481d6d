package plots

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

const (
	digitSide   = 28                    // an MNIST image is 28×28 pixels
	digitPixels = digitSide * digitSide // 784, the rows of an images matrix
	digitZoom   = 4                     // pixels are enlarged 4× before drawing, to stay sharp
)

// Digits draws MNIST images in a grid, cols to a row, each under its label:
// a look at the data, or at what a trained network gets wrong.
//
// images is 784×m: column j is image j, 28×28 pixels row after row, each
// in [0, 1] with 0 the background, drawn as white ink on black. labels[j]
// is the digit of image j. When predictions is not nil, predictions[j] is
// the network's answer for image j; a wrong answer is shown as "7→1" in
// red, its image framed in red, and the title says how many are wrong
// ("3 of 40 wrong"). Images keep their square shape whatever the size the
// chart is drawn at. The axes are hidden.
//
// Special cases:
//
//	labels nil: the images alone, with no text (predictions must then be nil)
//	cols ≤ 0: up to 10 images to a row
//	a pixel outside [0, 1] is drawn as 0 or 1, and NaN as 0
//
// Digits panics if images does not have 784 rows, if labels or predictions
// is not nil and its length is not m, or if predictions is given without
// labels.
func Digits(images *mat.Dense, labels, predictions []int, cols int) *plot.Plot {
	n, m := images.Dims()
	switch {
	case n != digitPixels:
		panic(fmt.Sprintf("plots: Digits: images is %d×%d, want 784×m (one 28×28 image per column)",
			n, m))
	case labels != nil && len(labels) != m:
		panic(fmt.Sprintf("plots: Digits: images is 784×%d but len(labels) is %d", m, len(labels)))
	case predictions != nil && len(predictions) != m:
		panic(fmt.Sprintf("plots: Digits: images is 784×%d but len(predictions) is %d",
			m, len(predictions)))
	case predictions != nil && labels == nil:
		panic("plots: Digits: predictions given without labels")
	}
	if cols <= 0 {
		cols = min(m, 10)
	}

	g := &digitGrid{cols: cols}
	wrong := 0
	for j := range m {
		g.images = append(g.images, digitImage(images, j))
		switch {
		case predictions != nil && predictions[j] != labels[j]:
			g.texts = append(g.texts, fmt.Sprintf("%d→%d", labels[j], predictions[j]))
			g.wrong = append(g.wrong, true)
			wrong++
		case labels != nil:
			g.texts = append(g.texts, strconv.Itoa(labels[j]))
			g.wrong = append(g.wrong, false)
		}
	}

	p := plot.New()
	p.HideAxes()
	if predictions != nil {
		p.Title.Text = fmt.Sprintf("%d of %d wrong", wrong, m)
	}
	p.Add(g)
	return p
}

// digitImage returns column j of images as a grey image, white ink on
// black, each pixel enlarged to digitZoom×digitZoom.
func digitImage(images *mat.Dense, j int) *image.Gray {
	const side = digitSide * digitZoom
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range digitPixels {
		v := images.At(i, j)
		if math.IsNaN(v) {
			v = 0
		}
		ink := color.Gray{Y: uint8(255*math.Min(math.Max(v, 0), 1) + 0.5)}
		r, c := i/digitSide, i%digitSide // row-major: pixel i is at row r, column c
		for dy := range digitZoom {
			for dx := range digitZoom {
				img.SetGray(c*digitZoom+dx, r*digitZoom+dy, ink)
			}
		}
	}
	return img
}

// digitGrid is the plotter behind Digits. It lays out its images in the
// space the plot gives it, rather than in data coordinates, so that they
// stay square.
type digitGrid struct {
	images []*image.Gray
	texts  []string // one per image, or none
	wrong  []bool   // one per text: draw it in red
	cols   int
}

// Plot draws the grid into c, implementing plot.Plotter.
func (g *digitGrid) Plot(c draw.Canvas, _ *plot.Plot) {
	if len(g.images) == 0 {
		return
	}
	rows := (len(g.images) + g.cols - 1) / g.cols
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	gap := vg.Points(3)

	// The side of an image, and the band above it for its text, whose
	// font size follows the image's size.
	side := min(w/vg.Length(g.cols), h/vg.Length(rows)) - gap
	var band, size vg.Length
	if len(g.texts) > 0 {
		size = max(min(side/4, vg.Points(10)), vg.Points(5))
		band = size * 1.4
		side = min(w/vg.Length(g.cols)-gap, h/vg.Length(rows)-gap-band)
	}
	if side <= 0 {
		return
	}

	// Centre the grid in the canvas.
	cellW, cellH := side+gap, side+band+gap
	left := c.Min.X + (w-cellW*vg.Length(g.cols))/2 + gap/2
	top := c.Max.Y - (h-cellH*vg.Length(rows))/2 - gap/2

	frame := draw.LineStyle{Color: wrongColor, Width: vg.Points(1.5)}
	for j, img := range g.images {
		x := left + cellW*vg.Length(j%g.cols)
		y := top - cellH*vg.Length(j/g.cols) // top of cell j
		rect := vg.Rectangle{
			Min: vg.Point{X: x, Y: y - band - side},
			Max: vg.Point{X: x + side, Y: y - band},
		}
		c.DrawImage(rect, img)
		if len(g.texts) == 0 {
			continue
		}
		ink := color.Color(colorBlack)
		if g.wrong[j] {
			ink = wrongColor
			a, b := rect.Min, rect.Max
			c.StrokeLines(frame, []vg.Point{a, {X: b.X, Y: a.Y}, b, {X: a.X, Y: b.Y}, a})
		}
		c.FillText(textStyle(size, ink), vg.Point{X: x + side/2, Y: y - band/2}, g.texts[j])
	}
}
