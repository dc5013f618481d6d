// Command bench measures how fast the course trains its seed MNIST model
// (784-512-512-10, relu, relu, softmax, Adam, batches of 128), beside the
// same model written in numpy and in PyTorch, and prints a table.
//
// Usage, in the course's folder:
//
//	go run ./cmd/bench [-epochs 1] [-rounds 3]
//
// It builds cmd/mnist and the tests of package nn into a temporary folder,
// each twice: once with gonum's pure-Go matrix products and once with
// -tags openblas. Then, round after round, it runs one after the other:
//
//   - nn's BenchmarkEpochProducts, with each BLAS: the matrix products of
//     one epoch alone, made as Fit makes them, the floor that no training
//     epoch can go below;
//   - cmd/mnist -report, with each BLAS;
//   - bench/numpy_seed_mlp.py and bench/torch_seed_mlp.py, when a Python
//     with numpy (and PyTorch) is found.
//
// Interleaving the programs spreads a busy spell of the machine over all of
// them rather than onto one. Each program's row gives the median over the
// rounds of its seconds per epoch of training (loading the data and testing
// are not counted), the ratios of the Go builds to the references and to
// their floor, the effective GFLOP/s (the products' operations, counted from
// the layers' shapes, divided by the epoch's time), the peak memory of the
// process (its maximum resident set) and the test accuracy after the last
// epoch. A program that cannot run here (no OpenBLAS library, no numpy or
// no PyTorch) gets a row that says why.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// trainSamples is the number of images in MNIST's training set, which every
// program trains on.
const trainSamples = 60000

// batch is the seed model's mini-batch size.
const batch = 128

func main() {
	epochs := flag.Int("epochs", 1, "epochs each program trains for, in each round")
	rounds := flag.Int("rounds", 3, "times each program is run, interleaved with the others")
	python := flag.String("python", "", "the Python to run the references with "+
		"(default: the first of python3 and /usr/bin/python3 that has numpy, and PyTorch)")
	threads := flag.Int("threads", runtime.NumCPU(), "threads PyTorch may use")
	flag.Parse()

	if *epochs < 1 || *rounds < 1 || *threads < 1 {
		fmt.Fprintln(os.Stderr, "bench: -epochs, -rounds and -threads must be at least 1")
		os.Exit(2)
	}
	if err := run(os.Stdout, os.Stderr, options{epochs: *epochs, rounds: *rounds,
		python: *python, threads: *threads}); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	epochs, rounds, threads int
	python                  string
}

// run builds the programs, runs them round after round, printing each
// result to log, and prints the table to out.
func run(out, log io.Writer, opt options) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	programs := setUp(log, root, tmp, opt)
	for r := 1; r <= opt.rounds; r++ {
		for _, p := range programs {
			if p.command == nil {
				continue
			}
			res := p.run()
			p.results = append(p.results, res)
			if res.err != nil {
				fmt.Fprintf(log, "round %d/%d, %s: %v\n", r, opt.rounds, p.name, res.err)
				continue
			}
			fmt.Fprintf(log, "round %d/%d, %s: %.2f s per epoch\n", r, opt.rounds, p.name, res.seconds)
		}
	}
	printTable(out, programs, opt, epochFlops(seedModel(), trainSamples, batch))
	return nil
}

// moduleRoot returns the folder of the course's go.mod, which holds bench/.
func moduleRoot() (string, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	path := strings.TrimSpace(string(gomod))
	if path == "" || path == os.DevNull {
		return "", fmt.Errorf("run bench inside the course's folder: no go.mod here")
	}
	return filepath.Dir(path), nil
}

// setUp builds the Go programs and finds the Python ones, returning every
// row of the table in its order; a program that cannot run has no command
// and says why.
func setUp(log io.Writer, root, tmp string, opt options) []*program {
	const module = "github.com/deeplearning-go/course"
	epochs := fmt.Sprint(opt.epochs)
	var programs []*program
	for _, b := range []struct{ name, tags string }{{"pure Go", ""}, {"OpenBLAS", "openblas"}} {
		floor := &program{name: "products alone, " + b.name, kind: floorKind, backend: b.name}
		train := &program{name: "Go, " + b.name, kind: goKind, backend: b.name}
		fmt.Fprintf(log, "building cmd/mnist and the tests of nn (%s)\n", b.name)
		testBin, err := build(tmp, module+"/nn", b.tags)
		if err == nil {
			floor.command = []string{testBin, "-test.run=^$", "-test.bench=^BenchmarkEpochProducts$",
				"-test.benchtime=1x"}
		} else {
			floor.why = err.Error()
		}
		mnistBin, err := build(tmp, module+"/cmd/mnist", b.tags)
		if err == nil {
			train.command = []string{mnistBin, "-epochs", epochs, "-report"}
		} else {
			train.why = err.Error()
		}
		programs = append(programs, floor, train)
	}

	numpy := &program{name: "numpy (float64)", kind: pythonKind}
	torch := &program{name: fmt.Sprintf("PyTorch (float32, %d threads)", opt.threads), kind: pythonKind}
	if python, err := findPython(opt.python, "numpy"); err == nil {
		numpy.command = []string{python, filepath.Join(root, "bench", "numpy_seed_mlp.py"), epochs}
	} else {
		numpy.why = err.Error()
	}
	if python, err := findPython(opt.python, "torch"); err == nil {
		torch.command = []string{python, filepath.Join(root, "bench", "torch_seed_mlp.py"),
			epochs, fmt.Sprint(opt.threads)}
	} else {
		torch.why = err.Error()
	}
	return append(programs, numpy, torch)
}

// build compiles the command pkg, or the tests of the package pkg when it
// is not a command, with the given build tags into dir, and returns the
// program's path. A failure returns the compiler's first lines.
func build(dir, pkg, tags string) (string, error) {
	name := filepath.Base(pkg)
	goBuild := []string{"build"}
	if !strings.Contains(pkg, "/cmd/") {
		name += ".test"
		goBuild = []string{"test", "-c"}
	}
	if tags != "" {
		name += "-" + tags
	}
	bin := filepath.Join(dir, name)
	cmd := exec.Command("go", append(goBuild, "-tags", tags, "-o", bin, pkg)...)
	if output, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build -tags %q failed: %s", tags, firstLines(string(output), 3))
	}
	return bin, nil
}

// findPython returns the given Python, or the first of python3 and
// /usr/bin/python3 that can import module. A Python found first on the PATH
// (from pyenv, say) may lack the packages that the system's Python has.
func findPython(given, module string) (string, error) {
	candidates := []string{"python3", "/usr/bin/python3"}
	if given != "" {
		candidates = []string{given}
	}
	for _, python := range candidates {
		if exec.Command(python, "-c", "import numpy, "+module).Run() == nil {
			return python, nil
		}
	}
	return "", fmt.Errorf("no %s: %s cannot import it", module, strings.Join(candidates, " or "))
}

// firstLines returns the first n lines of s, joined by " / ".
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[:min(n, len(lines))], " / ")
}
