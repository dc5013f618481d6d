package plots_test

import (
	"bytes"
	"fmt"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"

	"github.com/deeplearning-go/course/plots"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"
)

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// An activation and its derivative, drawn as a PNG of the default size.
func ExampleFunctions() {
	p := plots.Functions("the sigmoid", -6, 6,
		plots.Function{Name: "σ(z)", F: sigmoid},
		plots.Function{Name: "σ'(z)", F: func(z float64) float64 { return sigmoid(z) * (1 - sigmoid(z)) }},
	)
	p.Y.Label.Text = "g(z)" // restyle before drawing

	b, err := plots.PNG(p, 0, 0)
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d×%d pixels\n", cfg.Width, cfg.Height)
	// Output: 576×384 pixels
}

// Two runs compared, one of which diverges: its NaN losses are skipped, so
// the y axis still spans the finite losses only.
func ExampleLines() {
	nan := math.NaN()
	p := plots.Lines("training", "epoch", "J",
		plots.Series{Name: "rate 0.1", Y: []float64{2.3, 1.1, 0.6, 0.4, 0.3}},
		plots.Series{Name: "rate 10", Y: []float64{2.3, 2.1, 2.5, nan, nan}},
	)
	fmt.Printf("x from %g to %g, y from %g to %g\n", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	// Output: x from 1 to 5, y from 0.3 to 2.5
}

// The decision regions of a classifier of points inside and outside the
// unit circle, saved as an SVG file.
func ExampleBoundary() {
	X := mat.NewDense(2, 6, []float64{
		0.1, -0.3, 0.2, 1.5, -1.4, 0.2,
		0.2, 0.1, -0.4, 0.3, -0.9, 1.6,
	})
	labels := []int{0, 0, 0, 1, 1, 1}
	inside := func(x1, x2 float64) float64 { return sigmoid(4 * (x1*x1 + x2*x2 - 1)) }
	p := plots.Boundary("outside the circle", X, labels, inside, 50)

	dir, err := os.MkdirTemp("", "plots")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := plots.Save(p, filepath.Join(dir, "circle.svg"), 4*vg.Inch, 4*vg.Inch); err != nil {
		log.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output: circle.svg
}

// The weights of a 4×3 layer, drawn with those of a second one.
func ExampleHistograms() {
	W1 := mat.NewDense(4, 3, []float64{
		-0.5, 0.1, 0.3, 0.2, -0.1, 0.7, -0.2, 0.05, 0.4, 0.1, -0.6, 0.2,
	})
	W2 := mat.NewDense(2, 2, []float64{0.01, -0.02, 0.005, 0})
	p := plots.Histograms("weights", 20,
		plots.Distribution{Name: "He", Values: plots.Elements(W1)},
		plots.Distribution{Name: "small", Values: plots.Elements(W2)},
	)
	fmt.Println(p.Y.Label.Text, "from", p.X.Min, "to", p.X.Max)
	// Output: fraction of values from -0.6 to 0.7
}

// Three images, the second one misread.
func ExampleDigits() {
	images := mat.NewDense(784, 3, nil) // blank images, for the example
	p := plots.Digits(images, []int{7, 2, 1}, []int{7, 3, 1}, 0)
	fmt.Println(p.Title.Text)
	// Output: 1 of 3 wrong
}

// A confusion matrix of two classes.
func ExampleConfusion() {
	p := plots.Confusion([][]int{
		{48, 2}, // true cat: 48 predicted cat, 2 predicted dog
		{5, 45}, // true dog
	}, []string{"cat", "dog"})
	fmt.Println(p.Title.Text)
	// Output: accuracy 93.00% (93 of 100)
}

// A chart that follows training in a notebook, replaced after each epoch.
// Outside a notebook, Update does nothing.
func ExampleUpdate() {
	id := plots.NewDisplayID()
	var losses []float64
	for epoch := range 5 {
		losses = append(losses, 2.3/float64(epoch+1)) // stands for an epoch of training
		p := plots.Lines("training", "epoch", "J", plots.Series{Name: "train", Y: losses})
		if err := plots.Update(id, p); err != nil {
			log.Fatal(err)
		}
	}
}

// The <img> element for a page of results.
func ExampleHTML() {
	p := plots.Lines("loss", "epoch", "J", plots.Series{Y: []float64{1, 0.5}})
	s, err := plots.HTML(p, 3*vg.Inch, 2*vg.Inch)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s[:32])
	fmt.Println(s[len(s)-36:])
	// Output:
	// <img src="data:image/png;base64,
	// width="288" height="192" alt="loss">
}
