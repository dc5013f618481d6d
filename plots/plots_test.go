package plots

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"
)

// The charts of the package, built from small data, with the texts their
// SVG must contain.
var charts = []struct {
	name  string
	build func() *plot.Plot
	texts []string
}{
	{"Functions", func() *plot.Plot {
		return Functions("sigmoid", -6, 6,
			Function{"σ(z)", sigmoid}, Function{"σ'(z)", func(z float64) float64 { return sigmoid(z) * (1 - sigmoid(z)) }})
	}, []string{"sigmoid", ">z<", "σ(z)", "σ&#39;(z)"}},
	{"Lines", func() *plot.Plot {
		return Lines("training", "epoch", "J",
			Series{Name: "sgd", Y: []float64{2, 1.5, 1.2, 1.1}},
			Series{Name: "adam", X: []float64{1, 2, 3}, Y: []float64{2, 0.9, math.NaN()}})
	}, []string{"training", "epoch", ">J<", "sgd", "adam"}},
	{"LinesLogY", func() *plot.Plot {
		return LinesLogY("log loss", "step", "J", Series{Name: "adam", Y: []float64{2, 0.2, 0.02, 0, -1}})
	}, []string{"log loss", "step", ">J<", "adam"}},
	{"Boundary", func() *plot.Plot {
		X, labels := moons()
		return Boundary("moons", X, labels, func(x1, x2 float64) float64 { return sigmoid(3 * x1) }, 20)
	}, []string{"moons", "x₁", "x₂", "y = 0", "y = 1"}},
	{"Boundary3", func() *plot.Plot {
		X := mat.NewDense(2, 3, []float64{0, 1, 2, 0, 1, 0})
		return Boundary("three", X, []int{0, 1, 2}, func(x1, x2 float64) float64 { return math.Round(x1) }, 10)
	}, []string{"three", "y = 2"}},
	{"Histograms", func() *plot.Plot {
		return Histograms("W[1]", 20,
			Distribution{"He", []float64{-0.1, 0, 0.05, 0.1, 0.2}},
			Distribution{"small", []float64{-0.01, 0, 0.01}})
	}, []string{"W[1]", "value", "fraction of values", "He", "small"}},
	{"Digits", func() *plot.Plot {
		return Digits(digits(4), []int{0, 1, 2, 3}, []int{0, 7, 2, 3}, 2)
	}, []string{"1 of 4 wrong", "1→7", ">0<", ">3<"}},
	{"Confusion", func() *plot.Plot {
		return Confusion([][]int{{50, 2}, {3, 45}}, []string{"cat", "dog"})
	}, []string{"accuracy 95.00% (95 of 100)", "predicted", "true", "cat", "dog", ">45<"}},
}

func TestChartsPNG(t *testing.T) {
	sizes := []struct {
		w, h         vg.Length
		wantW, wantH int
	}{
		{0, 0, 576, 384},
		{Width, Height, 576, 384},
		{3 * vg.Inch, 2 * vg.Inch, 288, 192},
		{vg.Inch * 300 / 96, vg.Inch * 300 / 96, 300, 300},
	}
	for _, c := range charts {
		for _, s := range sizes {
			b, err := PNG(c.build(), s.w, s.h)
			if err != nil {
				t.Errorf("%s: PNG(%v, %v): %v", c.name, s.w, s.h, err)
				continue
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: decoding the PNG: %v", c.name, err)
				continue
			}
			if cfg.Width != s.wantW || cfg.Height != s.wantH {
				t.Errorf("%s: PNG(%v, %v) is %d×%d pixels, want %d×%d",
					c.name, s.w, s.h, cfg.Width, cfg.Height, s.wantW, s.wantH)
			}
		}
	}
}

func TestChartsSVG(t *testing.T) {
	for _, c := range charts {
		b, err := SVG(c.build(), 0, 0)
		if err != nil {
			t.Errorf("%s: SVG: %v", c.name, err)
			continue
		}
		svg := string(b)
		if !strings.Contains(svg, `<svg width="432pt" height="288pt"`) {
			t.Errorf("%s: SVG does not open with a 432pt×288pt <svg>:\n%.300s", c.name, svg)
		}
		for _, want := range c.texts {
			if !strings.Contains(svg, want) {
				t.Errorf("%s: SVG does not contain %q", c.name, want)
			}
		}
	}
}

func TestRuns(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		ys       []float64
		positive bool
		want     [][]float64 // the y values of each run
	}{
		{[]float64{1, 2, 3}, false, [][]float64{{1, 2, 3}}},
		{[]float64{4, 2, nan, 1, 0.5, inf, 0.25, nan}, false, [][]float64{{4, 2}, {1, 0.5}, {0.25}}},
		{[]float64{nan, nan}, false, nil},
		{nil, false, nil},
		{[]float64{2, 0, -1, 1, 0.5}, true, [][]float64{{2}, {1, 0.5}}},
		{[]float64{2, 0, -1, 1, 0.5}, false, [][]float64{{2, 0, -1, 1, 0.5}}},
	}
	for _, tt := range tests {
		xs := make([]float64, len(tt.ys))
		for i := range xs {
			xs[i] = float64(i)
		}
		got := runs(xs, tt.ys, tt.positive)
		var gotY [][]float64
		for _, r := range got {
			var ys []float64
			for _, p := range r {
				ys = append(ys, p.Y)
			}
			gotY = append(gotY, ys)
		}
		if !equalRuns(gotY, tt.want) {
			t.Errorf("runs(%v, positive %v) = %v, want %v", tt.ys, tt.positive, gotY, tt.want)
		}
	}
}

func TestLinesSkipsNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	p := Lines("diverging", "step", "J", Series{Y: []float64{4, 2, nan, 1, 0.5, inf, 0.25, nan}})
	actions := record(t, p)
	// Two runs of two points are lines; the lone 0.25 is a dot.
	if got := strokedPoints(actions, Color(0)); got != 4 {
		t.Errorf("Lines drew lines through %d points, want 4", got)
	}
	if got := filled(actions, Color(0)); got != 1 {
		t.Errorf("Lines drew %d dots, want 1", got)
	}
	// NaN in X, too.
	p = Lines("x", "", "", Series{X: []float64{1, nan, 3, 4}, Y: []float64{1, 2, 3, 4}})
	if got := strokedPoints(record(t, p), Color(0)); got != 2 {
		t.Errorf("Lines with a NaN x drew lines through %d points, want 2", got)
	}
}

func TestLinesLogY(t *testing.T) {
	tests := []struct {
		name   string
		series []Series
	}{
		{"zero and negative", []Series{{Name: "a", Y: []float64{1, 0.1, 0, -1, 0.01}}}},
		{"one value", []Series{{Name: "a", Y: []float64{0.5, 0.5}}}},
		{"nothing positive", []Series{{Name: "a", Y: []float64{0, -1, math.NaN()}}}},
		{"no series", nil},
	}
	for _, tt := range tests {
		p := LinesLogY("log", "step", "J", tt.series...)
		if _, ok := p.Y.Scale.(plot.LogScale); !ok {
			t.Errorf("%s: LinesLogY y scale is %T, want plot.LogScale", tt.name, p.Y.Scale)
		}
		if _, err := PNG(p, 0, 0); err != nil {
			t.Errorf("%s: PNG: %v", tt.name, err)
		}
	}
	p := LinesLogY("log", "step", "J", Series{Y: []float64{1, 0.1, 0, 0.01}})
	if got := strokedPoints(record(t, p), Color(0)); got != 2 {
		t.Errorf("LinesLogY drew lines through %d points, want 2 (0 skipped)", got)
	}
}

func TestFunctions(t *testing.T) {
	p := Functions("", -1, 1,
		Function{"", func(z float64) float64 { return z }},
		Function{"", func(z float64) float64 { return 1 / z }}) // 1/0 = +Inf at the middle sample
	actions := record(t, p)
	if got := strokedPoints(actions, Color(0)); got != functionSamples {
		t.Errorf("Functions drew z through %d points, want %d", got, functionSamples)
	}
	if got := strokedPoints(actions, Color(1)); got != functionSamples-1 {
		t.Errorf("Functions drew 1/z through %d points, want %d", got, functionSamples-1)
	}
}

func TestBoundaryPoints(t *testing.T) {
	X := mat.NewDense(2, 6, []float64{
		0, 1, 2, 3, math.NaN(), 5,
		0, 1, 0, 1, 0, math.Inf(-1),
	})
	labels := []int{0, 0, 1, 1, 0, 1}
	for _, predict := range []func(x1, x2 float64) float64{nil, func(x1, x2 float64) float64 { return 0.5 }} {
		actions := record(t, Boundary("", X, labels, predict, 10))
		// Each class: its finite points, plus one glyph in the legend.
		if got := filled(actions, Color(0)); got != 2+1 {
			t.Errorf("Boundary drew %d glyphs of class 0, want 3", got)
		}
		if got := filled(actions, Color(1)); got != 2+1 {
			t.Errorf("Boundary drew %d glyphs of class 1, want 3", got)
		}
	}
}

// TestBoundaryOrientation checks the regions' placement in the image: the
// test that fails if grid's (c, r) order is confused.
func TestBoundaryOrientation(t *testing.T) {
	X := mat.NewDense(2, 2, []float64{-1, 1, -1, 1})
	labels := []int{0, 1}
	tests := []struct {
		name    string
		predict func(x1, x2 float64) float64
		// Two points of the image, as fractions of its width and height
		// from the top left, and the class whose region each is in.
		a, b           [2]float64
		classA, classB int
	}{
		{"x₁ > 0 is class 1", func(x1, x2 float64) float64 { return step(x1) },
			[2]float64{0.3, 0.6}, [2]float64{0.75, 0.6}, 0, 1},
		{"x₂ > 0 is class 1", func(x1, x2 float64) float64 { return step(x2) },
			[2]float64{0.4, 0.3}, [2]float64{0.4, 0.8}, 1, 0},
	}
	for _, tt := range tests {
		b, err := PNG(Boundary("", X, labels, tt.predict, 50), 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, pt := range []struct {
			at    [2]float64
			class int
		}{{tt.a, tt.classA}, {tt.b, tt.classB}} {
			x := int(pt.at[0] * float64(img.Bounds().Dx()))
			y := int(pt.at[1] * float64(img.Bounds().Dy()))
			got := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if want := pale(Color(pt.class)); !near(got, want, 8) {
				t.Errorf("%s: pixel (%d, %d) is %v, want class %d's %v", tt.name, x, y, got, pt.class, want)
			}
		}
	}
}

func TestBoundaryOddPredictions(t *testing.T) {
	X, labels := moons()
	three := []int{0, 1, 2, 0, 1, 2, 0, 1}
	tests := []struct {
		name    string
		labels  []int
		predict func(x1, x2 float64) float64
	}{
		{"NaN everywhere", labels, func(x1, x2 float64) float64 { return math.NaN() }},
		{"NaN in half", labels, func(x1, x2 float64) float64 { return x1 / step(x2) * 0 }},
		{"constant 1", labels, func(x1, x2 float64) float64 { return 1 }},
		{"out of [0, 1]", labels, func(x1, x2 float64) float64 { return 3 * x1 }},
		{"three classes, out of range", three, func(x1, x2 float64) float64 { return 5 * x1 }},
	}
	for _, tt := range tests {
		for _, res := range []int{1, 2, 7} {
			if _, err := PNG(Boundary(tt.name, X, tt.labels, tt.predict, res), 0, 0); err != nil {
				t.Errorf("%s, resolution %d: %v", tt.name, res, err)
			}
		}
	}
}

func TestGrid(t *testing.T) {
	g := newGrid([]float64{10, 20, 30}, []float64{-1, 1})
	for r := range 2 {
		for c := range 3 {
			g.set(r, c, float64(10*r+c))
		}
	}
	if c, r := g.Dims(); c != 3 || r != 2 {
		t.Errorf("Dims() = (%d, %d), want (c, r) = (3, 2)", c, r)
	}
	if got := g.Z(2, 1); got != 12 {
		t.Errorf("Z(c 2, r 1) = %v, want 12 (set at r 1, c 2)", got)
	}
	if g.X(2) != 30 || g.Y(1) != 1 {
		t.Errorf("X(2), Y(1) = %v, %v, want 30, 1", g.X(2), g.Y(1))
	}
}

func TestBinFractions(t *testing.T) {
	bins := binFractions([]float64{0, 0.1, 0.5, 0.99, 1, math.NaN(), math.Inf(1)}, 0, 1, 4)
	want := []float64{0.4, 0, 0.2, 0.4} // 1 itself counts in the last bin
	sum := 0.0
	for k, b := range bins {
		if math.Abs(b.Weight-want[k]) > 1e-12 {
			t.Errorf("bin %d [%v, %v): fraction %v, want %v", k, b.Min, b.Max, b.Weight, want[k])
		}
		sum += b.Weight
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("fractions add up to %v, want 1", sum)
	}
	if got := binFractions([]float64{math.NaN()}, 0, 1, 4); got != nil {
		t.Errorf("binFractions of no finite value = %v, want nil", got)
	}
}

func TestHistogramsEdgeCases(t *testing.T) {
	for _, ds := range [][]Distribution{
		nil,
		{{"nan", []float64{math.NaN()}}},
		{{"same", []float64{3, 3, 3}}},
	} {
		if _, err := PNG(Histograms("h", 0, ds...), 0, 0); err != nil {
			t.Errorf("Histograms(%v): %v", ds, err)
		}
	}
}

func TestElements(t *testing.T) {
	got := Elements(mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6}).T())
	want := []float64{1, 4, 2, 5, 3, 6}
	if !equalRuns([][]float64{got}, [][]float64{want}) {
		t.Errorf("Elements(3×2) = %v, want %v", got, want)
	}
}

func TestDigits(t *testing.T) {
	p := Digits(digits(5), []int{0, 1, 2, 3, 4}, []int{0, 7, 2, 3, 9}, 3)
	if p.Title.Text != "2 of 5 wrong" {
		t.Errorf("title %q, want %q", p.Title.Text, "2 of 5 wrong")
	}
	actions := record(t, p)
	images := 0
	texts := map[string]color.Color{}
	var ink color.Color
	for _, a := range actions {
		switch a := a.(type) {
		case *recorder.DrawImage:
			images++
		case *recorder.SetColor:
			ink = a.Color
		case *recorder.FillString:
			texts[a.String] = ink
		}
	}
	if images != 5 {
		t.Errorf("Digits drew %d images, want 5", images)
	}
	for s, want := range map[string]color.Color{"0": colorBlack, "1→7": wrongColor, "4→9": wrongColor, "3": colorBlack} {
		if got, ok := texts[s]; !ok || !sameColor(got, want) {
			t.Errorf("text %q drawn in %v (drawn: %v), want %v", s, got, ok, want)
		}
	}

	// No labels: images, no text, no title.
	p = Digits(digits(3), nil, nil, 0)
	for _, a := range record(t, p) {
		if s, ok := a.(*recorder.FillString); ok {
			t.Errorf("Digits without labels wrote %q", s.String)
		}
	}
}

func TestDigitImage(t *testing.T) {
	images := mat.NewDense(784, 2, nil)
	images.Set(1, 1, 1)          // image 1, row 0, column 1
	images.Set(28*27+0, 1, 0.5)  // image 1, row 27, column 0
	images.Set(28*27+27, 1, 7)   // clamped to 1
	images.Set(2, 1, math.NaN()) // drawn as 0
	img := digitImage(images, 1)
	checks := []struct {
		x, y int
		want uint8
	}{
		{0, 0, 0},
		{1 * digitZoom, 0, 255},
		{2*digitZoom - 1, digitZoom - 1, 255},
		{2 * digitZoom, 0, 0},
		{0, 27 * digitZoom, 128},
		{27*digitZoom + 1, 27*digitZoom + 3, 255},
	}
	for _, c := range checks {
		if got := img.GrayAt(c.x, c.y).Y; got != c.want {
			t.Errorf("pixel (%d, %d) = %d, want %d", c.x, c.y, got, c.want)
		}
	}
}

func TestConfusionCounts(t *testing.T) {
	counts := [][]int{{101, 12, 13}, {14, 205, 16}, {17, 18, 309}}
	p := Confusion(counts, nil)
	b, err := SVG(p, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(b)
	for _, row := range counts {
		for _, n := range row {
			if want := ">" + itoa(n) + "<"; strings.Count(svg, want) != 1 {
				t.Errorf("SVG has %d counts %q, want 1", strings.Count(svg, want), want)
			}
		}
	}
	if want := "accuracy 87.23% (615 of 705)"; p.Title.Text != want {
		t.Errorf("title %q, want %q", p.Title.Text, want)
	}

	// Each count sits in its cell: true class i on row i from the top,
	// predicted class j in column j.
	pos := map[string]vg.Point{}
	for _, a := range record(t, p) {
		if s, ok := a.(*recorder.FillString); ok {
			pos[s.String] = s.Point
		}
	}
	if !(pos["101"].Y > pos["205"].Y && pos["205"].Y > pos["309"].Y) {
		t.Errorf("diagonal counts not from top to bottom: %v %v %v", pos["101"], pos["205"], pos["309"])
	}
	if !(pos["14"].X < pos["205"].X && pos["205"].X < pos["16"].X && pos["14"].Y == pos["16"].Y) {
		t.Errorf("row 1 counts not left to right: %v %v %v", pos["14"], pos["205"], pos["16"])
	}

	if _, err := PNG(Confusion([][]int{{0}}, nil), 0, 0); err != nil {
		t.Errorf("Confusion of zeros: %v", err)
	}
}

func TestPanics(t *testing.T) {
	X, labels := moons()
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"Lines lengths", func() { Lines("", "", "", Series{X: []float64{1}, Y: []float64{1, 2}}) },
			`plots: Lines: series 0 ("") has len(X) 1, len(Y) 2`},
		{"Functions range", func() { Functions("", 1, 1) }, "plots: Functions: zmin 1 is not below zmax 1"},
		{"Functions nil", func() { Functions("", 0, 1, Function{Name: "g"}) }, `plots: Functions: function 0 ("g") has a nil F`},
		{"Boundary rows", func() { Boundary("", mat.NewDense(3, 4, nil), make([]int, 4), nil, 0) },
			"plots: Boundary: X is 3×4, want 2×m (one sample per column)"},
		{"Boundary labels", func() { Boundary("", X, labels[1:], nil, 0) },
			"plots: Boundary: X is 2×8 but len(labels) is 7"},
		{"Digits rows", func() { Digits(mat.NewDense(28, 2, nil), nil, nil, 0) },
			"plots: Digits: images is 28×2, want 784×m (one 28×28 image per column)"},
		{"Digits labels", func() { Digits(digits(2), []int{1}, nil, 0) },
			"plots: Digits: images is 784×2 but len(labels) is 1"},
		{"Digits predictions", func() { Digits(digits(2), []int{1, 2}, []int{1}, 0) },
			"plots: Digits: images is 784×2 but len(predictions) is 1"},
		{"Digits no labels", func() { Digits(digits(2), nil, []int{1, 2}, 0) },
			"plots: Digits: predictions given without labels"},
		{"Confusion empty", func() { Confusion(nil, nil) }, "plots: Confusion: no classes, want a k×k matrix of counts"},
		{"Confusion ragged", func() { Confusion([][]int{{1, 2}, {3}}, nil) },
			"plots: Confusion: counts has 2 rows but row 1 has 1 counts, want a k×k matrix"},
		{"Confusion names", func() { Confusion([][]int{{1, 2}, {3, 4}}, []string{"a"}) },
			"plots: Confusion: counts is 2×2 but len(classNames) is 1"},
	}
	for _, tt := range tests {
		got := catch(tt.f)
		if got != tt.want {
			t.Errorf("%s: panic %q, want %q", tt.name, got, tt.want)
		}
	}
	bad := []int{0, 1, -2, 0, 1, 0, 1, 0}
	if got, want := catch(func() { Boundary("", X, bad, nil, 0) }),
		"plots: Boundary: labels[2] is -2, want a class 0, 1, ..."; got != want {
		t.Errorf("Boundary negative label: panic %q, want %q", got, want)
	}
}

func TestLinesLogYDecades(t *testing.T) {
	tests := []struct {
		ys       []float64
		min, max float64
	}{
		{[]float64{2.3, 0.04}, 0.01, 10},
		{[]float64{0.3, 0.9}, 0.1, 1},
		{[]float64{1, 10}, 1, 10},
		{[]float64{1, 1}, 1, 10},
		{[]float64{0.5}, 0.1, 1},
		{[]float64{0, -1}, 1, 10},
	}
	for _, tt := range tests {
		p := LinesLogY("", "", "", Series{Y: tt.ys})
		if p.Y.Min != tt.min || p.Y.Max != tt.max {
			t.Errorf("LinesLogY(%v): y from %v to %v, want %v to %v", tt.ys, p.Y.Min, p.Y.Max, tt.min, tt.max)
		}
	}
}
