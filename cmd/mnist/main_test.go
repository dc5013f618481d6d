package main

import (
	"bytes"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/deeplearning-go/course/mnist"
	"github.com/deeplearning-go/course/nn"
	"gonum.org/v1/gonum/mat"
)

// TestTrainSubset trains the seed model for one epoch on the first 10,000
// real training images and evaluates it on the 10,000 test images. The bar,
// 90%, is below what it reaches (about 92%) and far above chance (10%) or a
// model that learned one digit (about 11%).
func TestTrainSubset(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on real data for several seconds")
	}
	path := filepath.Join(t.TempDir(), "model.bin")
	var out bytes.Buffer
	err := run(&out, config{epochs: 1, batch: 128, rate: nn.DefaultAdamRate, seed: 3,
		train: 10000, save: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())

	match := regexp.MustCompile(`Test accuracy: ([0-9.]+)`).FindStringSubmatch(out.String())
	if match == nil {
		t.Fatalf("no test accuracy in the output:\n%s", out.String())
	}
	if accuracy, _ := strconv.ParseFloat(match[1], 64); accuracy < 0.90 {
		t.Errorf("test accuracy %v after one epoch on 10,000 images, want at least 0.90", accuracy)
	}

	// The saved model predicts exactly what the trained one printed: its
	// accuracy, recomputed from the file, is the same to the last digit.
	model, err := nn.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	_, test, err := mnist.Load("")
	if err != nil {
		t.Fatal(err)
	}
	loss, accuracy := model.Evaluate(test.Images, mnist.OneHot(test.Labels, mnist.Classes))
	want := regexp.MustCompile(`Test loss: ([0-9.]+)`).FindStringSubmatch(out.String())[1]
	if got := strconv.FormatFloat(loss, 'f', 4, 64); got != want {
		t.Errorf("the loaded model's loss is %s, the trained one's %s", got, want)
	}
	if got := strconv.FormatFloat(accuracy, 'f', 4, 64); got != match[1] {
		t.Errorf("the loaded model's accuracy is %s, the trained one's %s", got, match[1])
	}
}

// TestSaveLoadPredictions checks that a model saved and loaded back gives
// bit-for-bit the same predictions on real images.
func TestSaveLoadPredictions(t *testing.T) {
	_, test, err := mnist.Load("")
	if err != nil {
		t.Fatal(err)
	}
	images := test.Head(500).Images
	model, err := nn.NewNetwork(5, mnist.Pixels, nn.Dense(64, "relu"), nn.Dense(10, "softmax"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.bin")
	if err := model.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := nn.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(model.Predict(images), loaded.Predict(images)) {
		t.Error("the loaded model predicts differently")
	}
}

func TestBadFlags(t *testing.T) {
	good := config{epochs: 1, batch: 128, rate: 0.001}
	tests := []struct {
		change func(*config)
		want   string
	}{
		{func(c *config) { c.epochs = 0 }, "-epochs is 0"},
		{func(c *config) { c.batch = -1 }, "-batch is -1"},
		{func(c *config) { c.rate = 0 }, "-rate is 0"},
		{func(c *config) { c.rate = math.NaN() }, "-rate is NaN"},
		{func(c *config) { c.rate = math.Inf(1) }, "-rate is +Inf"},
		{func(c *config) { c.train = -5 }, "-train is -5"},
		{func(c *config) { c.save = "/no/such/folder/model.bin" }, "the folder /no/such/folder does not exist"},
	}
	for _, tt := range tests {
		c := good
		tt.change(&c)
		err := run(new(bytes.Buffer), c)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got error %v, want one containing %q", err, tt.want)
		}
	}
}

// TestDivergingRate checks that a rate far too large stops the program with
// an error naming the epoch and batch and the flag to change.
func TestDivergingRate(t *testing.T) {
	err := run(new(bytes.Buffer), config{epochs: 2, batch: 128, rate: 1e6, train: 2000})
	for _, want := range []string{"nn: Fit: the loss", "at epoch", "smaller learning rate (-rate was 1e+06)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want one containing %q", err, want)
		}
	}
}
