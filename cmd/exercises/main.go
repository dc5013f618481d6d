// Command exercises makes the learners' copies of the course's notebooks.
//
//	go run ./cmd/exercises [-in notebooks] [-out exercises] [-check]
//
// For every notebook of the -in folder that has exercises or check cells, it
// writes a copy of the same name to the -out folder in which
//
//   - the lines between a "// BEGIN SOLUTION" line and the next
//     "// END SOLUTION" line become the stub
//     panic("not done yet") // replace this line with your code
//     (the marker lines stay, so the learner sees where to write), and
//   - every code cell loses its outputs and execution count.
//
// A stub compiles wherever the solution did, provided the region is inside a
// function body and no variable declared outside it is used only inside it;
// the command checks both, and stops with the cell and line otherwise. An
// import that only the solution used is no problem: GoNB drops unused
// imports before it compiles a cell.
//
// Check cells, marked by a line "// CHECK: name", are copied as they are;
// cmd/grade finds them by that line. With -check, nothing is written: the
// command fails when the -out folder differs from what it would write.
//
// # Conventions for notebook writers
//
// An exercise is a function the learner completes, in a cell of its own or
// beside other functions; its body, or the end of it, lies between marker
// lines, which may be indented and may carry words after them:
//
//	// mySigmoid computes A = σ(Z) element by element.
//	func mySigmoid(Z *mat.Dense) *mat.Dense {
//		// BEGIN SOLUTION
//		…
//		// END SOLUTION
//	}
//
// Anything the stub must keep (a constant, a comment with a hint) goes
// before the BEGIN line; a variable declared there must also be used
// there. A region may also hold statements of a %% cell, though a function
// is better: the check cell needs one to call.
//
// A check cell follows its exercise and holds one check, marked on a line of
// its own with the check's name (the name package check prints):
//
//	%%
//	// CHECK: linear
//	check.Linear(myLinear)
//
// The package nn/check is imported in an earlier cell, with everything the
// notebook uses (an import used only inside a region is fine). The first
// code cell puts the course's module in a workspace, so that the notebook
// runs from notebooks/ and exercises/ alike:
//
//	!*rm -f go.work && go work init && go work use . ${GONB_DIR}/..
//	%goworkfix
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

func main() {
	in := flag.String("in", "notebooks", "the folder of the course's notebooks, with solutions")
	out := flag.String("out", "exercises", "the folder to write the learners' copies to")
	checkOnly := flag.Bool("check", false, "write nothing; fail when -out is not up to date")
	flag.Parse()
	if err := run(os.Stdout, *in, *out, *checkOnly); err != nil {
		fmt.Fprintln(os.Stderr, "exercises:", err)
		os.Exit(1)
	}
}

// run generates the exercises of every notebook in the folder in into the
// folder out, reporting to w. With checkOnly it compares instead of writing.
func run(w io.Writer, in, out string, checkOnly bool) error {
	paths, err := filepath.Glob(filepath.Join(in, "*.ipynb"))
	if err != nil {
		return err
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return fmt.Errorf("no notebooks (*.ipynb) in %s", in)
	}
	if !checkOnly {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	}

	var stale []string
	for _, path := range paths {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".nbconvert.ipynb") {
			continue
		}
		nb, err := notebook.Read(path)
		if err != nil {
			return err
		}
		exercise, res, err := Generate(nb)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if len(res.Exercises) == 0 && len(res.Checks) == 0 {
			fmt.Fprintf(w, "%s: no exercises, skipped\n", name)
			continue
		}
		data, err := exercise.Marshal()
		if err != nil {
			return err
		}
		target := filepath.Join(out, name)
		if checkOnly {
			if old, err := os.ReadFile(target); err != nil || !bytes.Equal(old, data) {
				stale = append(stale, target)
			}
			continue
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: %s\n", target, describe(res))
	}
	if len(stale) > 0 {
		return fmt.Errorf("not up to date, run go run ./cmd/exercises: %s", strings.Join(stale, ", "))
	}
	return nil
}

// describe summarises what Generate did to one notebook.
func describe(res Result) string {
	var funcs []string
	for _, e := range res.Exercises {
		funcs = append(funcs, e.Function)
	}
	return fmt.Sprintf("%d stub(s) (%s), %d check cell(s) (%s)",
		len(res.Exercises), strings.Join(funcs, ", "), len(res.Checks), strings.Join(res.Checks, ", "))
}
