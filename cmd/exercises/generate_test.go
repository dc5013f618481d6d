package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/cmd/internal/notebook/notebooktest"
)

var update = flag.Bool("update", false, "rewrite testdata/exercises from testdata/course.ipynb")

func TestGenerate(t *testing.T) {
	nb := notebooktest.Cells(t,
		"import (\n\t\"math\"\n\t\"gonum.org/v1/gonum/mat\"\n)",
		"func sigmoid(Z *mat.Dense) *mat.Dense {\n"+
			"\t// Apply σ to each element.\n"+
			"\t// BEGIN SOLUTION\n"+
			"\tA := mat.DenseCopyOf(Z)\n"+
			"\tA.Apply(func(_, _ int, z float64) float64 { return 1 / (1 + math.Exp(-z)) }, A)\n"+
			"\treturn A\n"+
			"\t// END SOLUTION\n"+
			"}",
		"// CHECK: sigmoid\n%%\ncheck.Sigmoid(sigmoid)",
		"type T struct{}\n\nfunc (t *T) Twice(x float64) float64 {\n\tif x > 0 {\n"+
			"\t\t// BEGIN SOLUTION: a nested region, indented twice\n\t\treturn 2 * x\n"+
			"\t\t// END SOLUTION\n\t}\n\treturn 0\n}",
		"%%\n// BEGIN SOLUTION\nfmt.Println(sigmoid(mat.NewDense(1, 1, nil)))\n// END SOLUTION",
	)
	nb.Cells[1].SetMetadata("tags", []string{"exercise"})
	out, res, err := Generate(nb)
	if err != nil {
		t.Fatal(err)
	}

	wantSources := []string{
		nb.Cells[0].Source(),
		"func sigmoid(Z *mat.Dense) *mat.Dense {\n" +
			"\t// Apply σ to each element.\n" +
			"\t// BEGIN SOLUTION\n" +
			"\tpanic(\"not done yet\") // replace this line with your code\n" +
			"\t// END SOLUTION\n" +
			"}",
		nb.Cells[2].Source(),
		"type T struct{}\n\nfunc (t *T) Twice(x float64) float64 {\n\tif x > 0 {\n" +
			"\t\t// BEGIN SOLUTION: a nested region, indented twice\n" +
			"\t\tpanic(\"not done yet\") // replace this line with your code\n" +
			"\t\t// END SOLUTION\n\t}\n\treturn 0\n}",
		"%%\n// BEGIN SOLUTION\npanic(\"not done yet\") // replace this line with your code\n// END SOLUTION",
	}
	for i, want := range wantSources {
		if got := out.Cells[i].Source(); got != want {
			t.Errorf("cell %d:\n%s\nwant:\n%s", i+1, got, want)
		}
	}
	var tags []string
	if !out.Cells[1].Metadata("tags", &tags) || len(tags) != 1 {
		t.Errorf("the cell's metadata was lost: %v", tags)
	}
	if nb.Cells[1].Source() == out.Cells[1].Source() {
		t.Errorf("Generate changed its input notebook")
	}

	var funcs []string
	for _, e := range res.Exercises {
		funcs = append(funcs, e.Function)
	}
	if got := strings.Join(funcs, " "); got != "sigmoid T.Twice main" {
		t.Errorf("functions %q, want sigmoid T.Twice main", got)
	}
	if len(res.Checks) != 1 || res.Checks[0] != "sigmoid" {
		t.Errorf("checks %v, want [sigmoid]", res.Checks)
	}
	if e := res.Exercises[1]; e.Cell != 4 || e.Line != 5 {
		t.Errorf("T.Twice at cell %d line %d, want cell 4 line 5", e.Cell, e.Line)
	}
}

func TestGenerateErrors(t *testing.T) {
	cases := []struct {
		name, source, want string
	}{
		{"begin without end", "func f() {\n\t// BEGIN SOLUTION\n}", "line 2: BEGIN SOLUTION without an END"},
		{"end without begin", "func f() {\n\t// END SOLUTION\n}", "line 2: END SOLUTION without a BEGIN"},
		{"nested", "func f() {\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n}",
			"line 3: BEGIN SOLUTION inside the region that line 2 began"},
		{"outside a function", "// BEGIN SOLUTION\nfunc f() {}\n// END SOLUTION",
			"line 1: the region is not inside a function body"},
		{"around a whole body", "func f() int\n// BEGIN SOLUTION\n{ return 1 }\n// END SOLUTION",
			"does not parse"},
		{"declared outside, used inside", "func f() int {\n\tn := 3\n\t// BEGIN SOLUTION\n" +
			"\treturn n\n\t// END SOLUTION\n}", "line 2: declared and not used: n"},
		{"region in a check cell", "// CHECK: f\n%%\n// BEGIN SOLUTION\nf()\n// END SOLUTION",
			`check cell "f" holds a BEGIN SOLUTION region`},
		{"does not parse", "func f() {\n\t// BEGIN SOLUTION\n\treturn (\n\t// END SOLUTION\n}",
			"does not parse as Go: line 5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Generate(notebooktest.Cells(t, c.source))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}

	_, _, err := Generate(notebooktest.Cells(t, "// CHECK: a\n%%\na()", "// CHECK: a\n%%\na()"))
	if err == nil || !strings.Contains(err.Error(), `cell 2: a second check cell "a" (the first is cell 1)`) {
		t.Errorf("two checks named a: error %v", err)
	}
}

// The learners' copy of the test assignment is generated output: it must
// be what the generator makes of testdata/course.ipynb. go test -update
// rewrites it.
func TestGolden(t *testing.T) {
	var out bytes.Buffer
	golden := filepath.Join("testdata", "exercises")
	if *update {
		if err := run(&out, "testdata", golden, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(&out, "testdata", golden, true); err != nil {
		t.Fatalf("%v (go test ./cmd/exercises -update rewrites it)", err)
	}
}

// Putting the solutions back into the learners' copy gives the notebook
// with solutions again, outputs aside.
func TestSolutionsRoundTrip(t *testing.T) {
	course, err := notebook.Read(filepath.Join("testdata", "course.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	exercise, res, err := Generate(course)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Exercises) != 10 || len(res.Checks) != 10 {
		t.Errorf("%d exercises and %d checks, want 10 and 10", len(res.Exercises), len(res.Checks))
	}
	solutions, err := course.Solutions()
	if err != nil {
		t.Fatal(err)
	}
	n, err := exercise.Fill(solutions)
	if err != nil || n != 10 {
		t.Fatalf("filled %d regions, error %v; want 10", n, err)
	}
	for i, c := range exercise.Cells {
		if got, want := c.Source(), course.Cells[i].Source(); got != want {
			t.Errorf("cell %d:\n%s\nwant:\n%s", i+1, got, want)
		}
	}
}

func TestRunReports(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	src := filepath.Join(dir, "in")
	os.MkdirAll(src, 0o755)
	course, _ := os.ReadFile(filepath.Join("testdata", "course.ipynb"))
	os.WriteFile(filepath.Join(src, "01-course.ipynb"), course, 0o644)
	os.WriteFile(filepath.Join(src, "02-plain.ipynb"),
		[]byte(`{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "no exercises"}], `+
			`"metadata": {}, "nbformat": 4, "nbformat_minor": 5}`), 0o644)
	if err := run(&out, src, filepath.Join(dir, "out"), false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"02-plain.ipynb: no exercises, skipped",
		"01-course.ipynb: 10 stub(s) (linear, sigmoid,", "10 check cell(s) (linear, sigmoid, sigmoid_backward"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report does not say %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "02-plain.ipynb")); err == nil {
		t.Errorf("a notebook without exercises was copied")
	}
	if err := run(&out, src, filepath.Join(dir, "out"), true); err != nil {
		t.Errorf("-check right after generating: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "out", "01-course.ipynb"), []byte("{}"), 0o644)
	if err := run(&out, src, filepath.Join(dir, "out"), true); err == nil ||
		!strings.Contains(err.Error(), "not up to date") {
		t.Errorf("-check on a changed copy: error %v", err)
	}
}
