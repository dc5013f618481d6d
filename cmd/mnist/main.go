// Command mnist trains the classic Keras MNIST model, rebuilt on the nn
// package, on the real MNIST data and prints its test loss and accuracy:
//
//	Dense 512 relu, Dense 512 relu, Dense 10 softmax,
//	categorical cross-entropy, Adam, 5 epochs, batches of 128
//
// Usage:
//
//	go run ./cmd/mnist [flags]
//
// The flags change the epochs, the batch size, the learning rate, the seed,
// where the data is read from and where the trained model is saved. Built
// with -tags openblas, the matrix products run on OpenBLAS.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/deeplearning-go/course/mnist"
	"github.com/deeplearning-go/course/nn"
)

func main() {
	epochs := flag.Int("epochs", 5, "passes over the 60,000 training images")
	batch := flag.Int("batch", 128, "samples per mini-batch")
	rate := flag.Float64("rate", nn.DefaultAdamRate, "Adam's learning rate α")
	seed := flag.Uint64("seed", 1, "seeds the initial weights and the shuffles")
	data := flag.String("data", "", "folder holding the four MNIST files "+
		"(default: $MNIST_DIR, then the GoMNIST module)")
	save := flag.String("save", "", "save the trained model to this file")
	train := flag.Int("train", 0, "train on the first n images only (default: all)")
	report := flag.Bool("report", false, "end with one line of JSON for cmd/bench: "+
		"the backend, the seconds of each epoch and the test loss and accuracy")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "mnist: unexpected argument %q; all settings are flags\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}

	// The data sets, 440 MB, live until the end. With Go's default GOGC of
	// 100 the heap may grow by as much again in garbage before a collection,
	// and the program would need 750 MB after 5 epochs. Collecting at 25%
	// over the live heap keeps it under 600 MB, at no cost that shows: the
	// data sets hold no pointers, so a collection has little to go through.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(25)
	}

	err := run(os.Stdout, config{epochs: *epochs, batch: *batch, rate: *rate, seed: *seed,
		data: *data, save: *save, train: *train, report: *report})
	if err != nil {
		// The errors of nn and mnist start with their package's name.
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type config struct {
	epochs, batch int
	rate          float64
	seed          uint64
	data, save    string
	train         int
	report        bool
}

// check returns an error naming the first flag whose value cannot work,
// before anything slow happens.
func (c config) check() error {
	switch {
	case c.epochs < 1:
		return fmt.Errorf("mnist: -epochs is %d; train for at least 1", c.epochs)
	case c.batch < 1:
		return fmt.Errorf("mnist: -batch is %d; use at least 1 (the model uses 128)", c.batch)
	case !(c.rate > 0) || math.IsInf(c.rate, 0):
		return fmt.Errorf("mnist: -rate is %g; use a positive number such as 0.001", c.rate)
	case c.train < 0:
		return fmt.Errorf("mnist: -train is %d; give a number of images, or 0 for all", c.train)
	}
	if c.save != "" {
		// Find out now, not after training, that the model cannot be saved.
		dir := filepath.Dir(c.save)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return fmt.Errorf("mnist: -save %s: the folder %s does not exist", c.save, dir)
		}
	}
	return nil
}

// run is the Keras program, line by line.
func run(out io.Writer, c config) error {
	if err := c.check(); err != nil {
		return err
	}

	// (x_train, y_train), (x_test, y_test) = mnist.load_data(), scaled by 255.
	start := time.Now()
	train, test, err := mnist.Load(c.data)
	if err != nil {
		return err
	}
	if c.train > 0 && c.train < train.Len() {
		train = train.Head(c.train)
	}
	fmt.Fprintf(out, "Loaded %d training and %d test images (%s) in %.1fs\n",
		train.Len(), test.Len(), backend, time.Since(start).Seconds())

	// y_train = to_categorical(y_train, 10)
	Ytrain := mnist.OneHot(train.Labels, mnist.Classes)
	Ytest := mnist.OneHot(test.Labels, mnist.Classes)

	// model = Sequential([Dense(512, relu), Dense(512, relu), Dense(10, softmax)])
	model, err := nn.NewNetwork(c.seed, mnist.Pixels,
		nn.Dense(512, "relu"), nn.Dense(512, "relu"), nn.Dense(mnist.Classes, "softmax"))
	if err != nil {
		return err
	}

	// model.compile(loss="categorical_crossentropy", optimizer=Adam())
	model.Compile(nn.CategoricalCrossEntropyLoss, nn.NewAdam(c.rate))

	// model.fit(x_train, y_train, batch_size=128, epochs=5)
	bar := newProgress(out)
	history, err := model.Fit(train.Images, Ytrain, nn.FitOptions{
		Epochs: c.epochs, BatchSize: c.batch, Seed: c.seed,
		OnBatch: bar.batch, OnEpoch: bar.epoch,
	})
	if err != nil {
		bar.interrupt()
		return fmt.Errorf("%w (-rate was %g)", err, c.rate)
	}

	// score = model.evaluate(x_test, y_test)
	loss, accuracy := model.Evaluate(test.Images, Ytest)
	fmt.Fprintf(out, "Test loss: %.4f\n", loss)
	fmt.Fprintf(out, "Test accuracy: %.4f\n", accuracy)

	if c.save != "" {
		if err := model.Save(c.save); err != nil {
			return err
		}
		fmt.Fprintf(out, "Saved the model to %s\n", c.save)
	}
	if c.report {
		return writeReport(out, train.Len(), history, loss, accuracy)
	}
	return nil
}

// benchReport is the last line -report prints, which cmd/bench reads.
type benchReport struct {
	Backend      string    `json:"backend"`
	Samples      int       `json:"samples"`       // training images per epoch
	EpochSeconds []float64 `json:"epoch_seconds"` // training time of each epoch
	TestLoss     float64   `json:"test_loss"`
	TestAccuracy float64   `json:"test_accuracy"`
}

func writeReport(out io.Writer, samples int, h *nn.History, loss, accuracy float64) error {
	r := benchReport{Backend: backend, Samples: samples, TestLoss: loss, TestAccuracy: accuracy}
	for _, e := range h.Epochs {
		r.EpochSeconds = append(r.EpochSeconds, e.Duration.Seconds())
	}
	line, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "%s\n", line)
	return err
}
