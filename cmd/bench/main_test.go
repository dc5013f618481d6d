package main

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestEpochFlops(t *testing.T) {
	// By hand, per sample: forward 2·(784·512 + 512·512 + 512·10) = 1,337,344,
	// dW as many, dA[1] and dA[2] 2·(512·512 + 512·10) = 534,528; in all
	// 3,209,216, times 60,000 samples.
	if got, want := epochFlops(seedModel(), 60000, 128), 3209216.0*60000; got != want {
		t.Errorf("epochFlops = %.0f, want %.0f", got, want)
	}
	sizes := batchSizes(300, 128)
	if len(sizes) != 3 || sizes[0] != 128 || sizes[2] != 44 {
		t.Errorf("batchSizes(300, 128) = %v, want [128 128 44]", sizes)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		kind, output string
		want         result
	}{
		{floorKind, "goos: linux\nBenchmarkEpochProducts-2   \t       1\t19500000000 ns/op\t   9.874 GFLOP/s\nPASS\n",
			result{seconds: 19.5, loss: math.NaN(), accuracy: math.NaN()}},
		{goKind, "Loaded\nEpoch 1/2\n" + `{"backend":"OpenBLAS","samples":60000,"epoch_seconds":[3,4],` +
			`"test_loss":0.25,"test_accuracy":0.9651}`,
			result{seconds: 3.5, loss: 0.25, accuracy: 0.9651}},
		{pythonKind, "epoch 1: 7.00 s\nepoch 2: 6.00 s, last batch loss 0.1\ntest loss 0.0735 test accuracy 0.9781\n",
			result{seconds: 6.5, loss: 0.0735, accuracy: 0.9781}},
	}
	for _, test := range tests {
		got, err := parse(test.kind, test.output)
		if err != nil {
			t.Errorf("%s: %v", test.kind, err)
			continue
		}
		if got.seconds != test.want.seconds || !same(got.loss, test.want.loss) ||
			!same(got.accuracy, test.want.accuracy) {
			t.Errorf("%s: got %+v, want %+v", test.kind, got, test.want)
		}
	}

	for _, kind := range []string{floorKind, goKind, pythonKind} {
		if _, err := parse(kind, "Traceback (most recent call last):\n"); err == nil {
			t.Errorf("%s: no error for output without results", kind)
		}
	}
}

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// TestTable prints made-up results and checks the ratios and the rows of
// programs that could not run.
func TestTable(t *testing.T) {
	runs := func(seconds ...float64) []result {
		var r []result
		for _, s := range seconds {
			r = append(r, result{seconds: s, loss: 0.1, accuracy: 0.97, peak: 500e6})
		}
		return r
	}
	programs := []*program{
		{name: "products alone, pure Go", kind: floorKind, backend: "pure Go", command: []string{"x"},
			results: runs(10, 11, 12)},
		{name: "Go, pure Go", kind: goKind, backend: "pure Go", command: []string{"x"},
			results: runs(11, 12, 13)},
		{name: "products alone, OpenBLAS", kind: floorKind, backend: "OpenBLAS", why: "go build failed"},
		{name: "Go, OpenBLAS", kind: goKind, backend: "OpenBLAS", command: []string{"x"},
			results: []result{{err: errors.New("exit status 1")}}},
		{name: "numpy (float64)", kind: pythonKind, command: []string{"x"}, results: runs(6, 24, 8)},
		{name: "PyTorch (float32, 2 threads)", kind: pythonKind, why: "no torch"},
	}
	var out bytes.Buffer
	printTable(&out, programs, options{epochs: 1, rounds: 3}, 192.6e9)
	t.Log("\n" + out.String())
	text := strings.Join(strings.Fields(out.String()), " ") // one space between words
	for _, want := range []string{
		"products alone, pure Go 11.00 10.00–12.00 17.5",          // the floor's median, range, GFLOP/s
		"Go, pure Go 12.00 11.00–13.00 1.50 1.09 16.1 500 0.9700", // 12/8 of numpy's, 12/11 of the floor
		"numpy (float64) 8.00 6.00–24.00 24.1 500 0.9700",
		"products alone, OpenBLAS: go build failed",
		"Go, OpenBLAS: exit status 1",
		"PyTorch (float32, 2 threads): no torch",
		"Go pure, epoch ÷ its product floor 1.09 (≤ 1.15: met)",
		"Go with OpenBLAS, epoch ÷ numpy's not measured",
		"the same test loss in every round",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the table lacks %q", want)
		}
	}
}
