package main

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// summary is a program's results over the rounds.
type summary struct {
	*program
	ok                 []result // the runs that succeeded
	median, fast, slow float64  // seconds per epoch
	peak               int64    // the largest of the runs
	accuracy, loss     float64  // of the last run
	repeatable         bool     // every run gave the same test loss
}

func summarize(p *program) summary {
	s := summary{program: p, median: math.NaN(), accuracy: math.NaN(), loss: math.NaN()}
	for _, r := range p.results {
		if r.err == nil {
			s.ok = append(s.ok, r)
		}
	}
	if len(s.ok) == 0 {
		return s
	}
	var seconds []float64
	s.repeatable = true
	for _, r := range s.ok {
		seconds = append(seconds, r.seconds)
		s.peak = max(s.peak, r.peak)
		if r.loss != s.ok[0].loss {
			s.repeatable = false
		}
	}
	slices.Sort(seconds)
	s.median = median(seconds)
	s.fast, s.slow = seconds[0], seconds[len(seconds)-1]
	last := s.ok[len(s.ok)-1]
	s.accuracy, s.loss = last.accuracy, last.loss
	return s
}

// median returns the middle of the sorted x, or the mean of its two middle
// values.
func median(x []float64) float64 {
	n := len(x)
	if n%2 == 1 {
		return x[n/2]
	}
	return (x[n/2-1] + x[n/2]) / 2
}

// why says why a program has no results: it could not run, or every run
// failed.
func (s summary) why() string {
	if s.command == nil {
		return s.program.why
	}
	return s.results[len(s.results)-1].err.Error()
}

// printTable prints the results of every program, then how the Go builds
// compare with the speed targets listed in bench/README.md. flops is the
// number of operations of an epoch's matrix products.
func printTable(out io.Writer, programs []*program, opt options, flops float64) {
	var rows []summary
	byName := map[string]summary{}
	floors := map[string]summary{} // by backend
	for _, p := range programs {
		s := summarize(p)
		rows = append(rows, s)
		byName[p.name] = s
		if p.kind == floorKind {
			floors[p.backend] = s
		}
	}
	var numpy, torch summary
	for _, s := range rows {
		switch {
		case strings.HasPrefix(s.name, "numpy"):
			numpy = s
		case strings.HasPrefix(s.name, "PyTorch"):
			torch = s
		}
	}

	fmt.Fprintf(out, "\nThe seed model on MNIST, %d images per epoch, batches of %d: %.1f GFLOP of "+
		"matrix products per epoch.\n%d rounds of %d epoch(s), %d processors (%s/%s); "+
		"the median round, with the fastest and slowest.\n\n",
		trainSamples, batch, flops/1e9, opt.rounds, opt.epochs, runtime.NumCPU(),
		runtime.GOOS, runtime.GOARCH)

	// The numbers are right-aligned; the names, padded to one width, are not.
	width := len("program")
	for _, s := range rows {
		width = max(width, utf8.RuneCountInString(s.name))
	}
	pad := func(name string) string {
		return name + strings.Repeat(" ", width-utf8.RuneCountInString(name))
	}
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, pad("program")+"\t s/epoch\t fastest–slowest\t ×numpy\t ×PyTorch\t ×floor\t "+
		"GFLOP/s\t peak MB\t test acc\t")
	for _, s := range rows {
		if len(s.ok) == 0 {
			fmt.Fprintf(w, "%s\t —\t\t\t\t\t\t\t\t\n", pad(s.name))
			continue
		}
		cells := []string{pad(s.name), f2(s.median), f2(s.fast) + "–" + f2(s.slow), "", "", "",
			fmt.Sprintf("%.1f", flops/s.median/1e9), "", ""}
		if s.kind == goKind {
			cells[3] = ratio(s.median, numpy.median)
			cells[4] = ratio(s.median, torch.median)
			cells[5] = ratio(s.median, floors[s.backend].median)
		}
		if s.kind != floorKind {
			cells[7] = fmt.Sprintf("%.0f", float64(s.peak)/1e6)
			cells[8] = fmt.Sprintf("%.4f", s.accuracy)
		}
		fmt.Fprintln(w, strings.Join(cells, "\t ")+"\t")
	}
	w.Flush()

	for _, s := range rows {
		if len(s.ok) == 0 {
			fmt.Fprintf(out, "%s: %s\n", s.name, s.why())
		}
	}
	fmt.Fprintln(out, "\n×floor: the epoch's time over that of its matrix products alone, with the same BLAS.")
	printTargets(out, byName, floors, numpy, torch, opt)
}

// printTargets compares the Go builds with the speed targets of
// bench/README.md.
func printTargets(out io.Writer, byName, floors map[string]summary, numpy, torch summary, opt options) {
	pure, blas := byName["Go, pure Go"], byName["Go, OpenBLAS"]
	fmt.Fprintln(out, "\nTargets:")
	check := func(what string, got, limit float64) {
		if math.IsNaN(got) {
			fmt.Fprintf(out, "  %-44s  not measured\n", what)
			return
		}
		verdict := "met"
		if got > limit {
			verdict = fmt.Sprintf("missed by %.0f%%", 100*(got/limit-1))
		}
		fmt.Fprintf(out, "  %-44s %6.2f  (≤ %.2f: %s)\n", what, got, limit, verdict)
	}
	check("Go with OpenBLAS, epoch ÷ numpy's", divide(blas.median, numpy.median), 0.4)
	check("Go with OpenBLAS, epoch ÷ PyTorch's", divide(blas.median, torch.median), 0.4)
	check("Go with OpenBLAS, epoch ÷ its product floor", divide(blas.median, floors["OpenBLAS"].median), 1.35)
	check("Go pure, epoch ÷ its product floor", divide(pure.median, floors["pure Go"].median), 1.15)
	for _, s := range []summary{pure, blas} {
		if len(s.ok) > 0 {
			fmt.Fprintf(out, "  %-44s %6.0f  (< 700 MB)\n", s.name+", peak memory in MB", float64(s.peak)/1e6)
		}
	}
	for _, s := range []summary{pure, blas} {
		if len(s.ok) == 0 {
			continue
		}
		same := "the same test loss in every round"
		if !s.repeatable {
			same = "DIFFERENT test losses between rounds"
		}
		fmt.Fprintf(out, "  %-44s %.4f  (≥ 0.975 after 5 epochs), %s\n",
			fmt.Sprintf("%s, test accuracy after %d epoch(s)", s.name, opt.epochs), s.accuracy, same)
	}
}

func f2(x float64) string { return fmt.Sprintf("%.2f", x) }

// divide returns a/b, or NaN when either is missing (NaN or 0).
func divide(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || a == 0 || b == 0 {
		return math.NaN()
	}
	return a / b
}

// ratio formats a/b, or nothing when either is missing.
func ratio(a, b float64) string {
	if r := divide(a, b); !math.IsNaN(r) {
		return fmt.Sprintf("%.2f", r)
	}
	return ""
}
