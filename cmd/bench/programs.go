package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// The kinds of programs, which print their results differently.
const (
	floorKind  = "floor"  // nn's BenchmarkEpochProducts: a line of go test -bench
	goKind     = "go"     // cmd/mnist -report: its last line is JSON
	pythonKind = "python" // the references: "epoch N: S s" lines and a test line
)

// program is one row of the table: what to run and what its runs gave.
type program struct {
	name    string
	kind    string
	backend string   // the BLAS of a Go program
	command []string // nil when it cannot run here
	why     string   // why it cannot run
	results []result // one per round
}

// result is what one run of a program measured.
type result struct {
	seconds  float64 // per epoch of training, the mean over the run's epochs
	loss     float64 // test loss; NaN for the floor
	accuracy float64 // test accuracy; NaN for the floor
	peak     int64   // the most memory the process held, in bytes
	err      error
}

// run runs the program once and reads its output.
func (p *program) run() result {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(p.command[0], p.command[1:]...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return result{err: fmt.Errorf("%v: %s", err, firstLines(stderr.String(), 3))}
	}
	res, err := parse(p.kind, stdout.String())
	if err != nil {
		return result{err: err}
	}
	res.peak = peakMemory(cmd.ProcessState)
	return res
}

// parse reads the results from a program's output.
func parse(kind, output string) (result, error) {
	res := result{loss: math.NaN(), accuracy: math.NaN()}
	switch kind {
	case floorKind:
		m := benchmarkLine.FindStringSubmatch(output)
		if m == nil {
			return res, fmt.Errorf("no benchmark result in %q", firstLines(output, 3))
		}
		ns, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return res, err
		}
		res.seconds = ns / 1e9
	case goKind:
		var r struct {
			EpochSeconds []float64 `json:"epoch_seconds"`
			TestLoss     float64   `json:"test_loss"`
			TestAccuracy float64   `json:"test_accuracy"`
		}
		if err := lastJSON(output, &r); err != nil {
			return res, err
		}
		if len(r.EpochSeconds) == 0 {
			return res, fmt.Errorf("the report has no epochs")
		}
		res.seconds, res.loss, res.accuracy = mean(r.EpochSeconds), r.TestLoss, r.TestAccuracy
	case pythonKind:
		return parsePython(output)
	}
	return res, nil
}

// lastJSON decodes the last line of output into v.
func lastJSON(output string, v any) error {
	lines := strings.Split(strings.TrimSpace(output), "\n")
	last := lines[len(lines)-1]
	if err := json.Unmarshal([]byte(last), v); err != nil {
		return fmt.Errorf("the last line is not the report (%v): %q", err, last)
	}
	return nil
}

var (
	benchmarkLine = regexp.MustCompile(`(?m)^BenchmarkEpochProducts\S*\s+\d+\s+([0-9.e+]+) ns/op`)
	epochLine     = regexp.MustCompile(`(?m)^epoch \d+: ([0-9.]+) s`)
	testLine      = regexp.MustCompile(`(?m)^test loss ([0-9.]+) test accuracy ([0-9.]+)`)
)

// parsePython reads the output of the reference programs:
//
//	epoch 1: 7.12 s
//	test loss 0.0735 test accuracy 0.9781
func parsePython(output string) (result, error) {
	var seconds []float64
	for _, m := range epochLine.FindAllStringSubmatch(output, -1) {
		s, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return result{}, err
		}
		seconds = append(seconds, s)
	}
	test := testLine.FindStringSubmatch(output)
	if len(seconds) == 0 || test == nil {
		return result{}, fmt.Errorf("no epoch times or no test line in %q", firstLines(output, 3))
	}
	loss, err1 := strconv.ParseFloat(test[1], 64)
	accuracy, err2 := strconv.ParseFloat(test[2], 64)
	if err1 != nil || err2 != nil {
		return result{}, fmt.Errorf("unreadable test line %q", test[0])
	}
	return result{seconds: mean(seconds), loss: loss, accuracy: accuracy}, nil
}

func mean(x []float64) float64 {
	var total float64
	for _, v := range x {
		total += v
	}
	return total / float64(len(x))
}
