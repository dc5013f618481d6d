package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/nn/check"
)

// stubLine is the line that takes the place of a solution.
var stubLine = "panic(" + strconv.Quote(check.NotDone) + ") // replace this line with your code"

// Exercise is a region of a notebook that became a stub.
type Exercise struct {
	Cell     int    // the cell, counting from 1
	Line     int    // the BEGIN SOLUTION line in the cell, counting from 1
	Function string // the function whose body holds the region
}

// Result is what Generate did to a notebook.
type Result struct {
	Exercises []Exercise
	Checks    []string // the names of the check cells, in order
}

// Generate returns the learner's copy of a notebook: every region between
// BEGIN SOLUTION and END SOLUTION becomes the stub panic("not done yet"),
// and every code cell loses its outputs. It checks what a notebook writer
// could get wrong: markers that do not pair, a region outside a function
// body, a stub that leaves a variable declared and not used, a check cell
// that holds a region, two check cells with the same name.
func Generate(nb *notebook.Notebook) (*notebook.Notebook, Result, error) {
	out := nb.Clone()
	var res Result
	seen := map[string]int{}
	for i, c := range out.Cells {
		if !c.IsCode() {
			continue
		}
		source := c.Source()
		regions, err := notebook.Regions(source)
		if err != nil {
			return nil, res, fmt.Errorf("cell %d: %w", i+1, err)
		}
		if name := notebook.CheckName(source); name != "" {
			if len(regions) > 0 {
				return nil, res, fmt.Errorf("cell %d: check cell %q holds a BEGIN SOLUTION region; "+
					"put the exercise in a cell of its own", i+1, name)
			}
			if j, ok := seen[name]; ok {
				return nil, res, fmt.Errorf("cell %d: a second check cell %q (the first is cell %d)",
					i+1, name, j)
			}
			seen[name] = i + 1
			res.Checks = append(res.Checks, name)
		}
		c.ClearOutputs()
		if len(regions) == 0 {
			continue
		}

		functions, err := notebook.Functions(source, regions)
		if err != nil {
			return nil, res, fmt.Errorf("cell %d: %w", i+1, err)
		}
		stubbed, err := notebook.ReplaceRegions(source, func(_ int, r notebook.Region) string {
			return r.Indent + stubLine + "\n"
		})
		if err != nil {
			return nil, res, fmt.Errorf("cell %d: %w", i+1, err)
		}
		if err := unusedAfterStub(source, stubbed); err != nil {
			return nil, res, fmt.Errorf("cell %d: %w", i+1, err)
		}
		c.SetSource(stubbed)
		for k, r := range regions {
			res.Exercises = append(res.Exercises, Exercise{Cell: i + 1, Line: r.Begin + 1,
				Function: functions[k]})
		}
	}
	return out, res, nil
}

// unusedAfterStub type-checks a cell before and after its regions became
// stubs, each on its own (the declarations of other cells are missing, so
// most errors are expected), and returns an error for what the stubs broke:
// a variable or label declared outside a region and used only inside it.
// Unused imports do not count: GoNB removes them before compiling.
func unusedAfterStub(solution, stubbed string) error {
	before := unusedErrors(solution)
	var broken []string
	for _, e := range unusedErrorList(stubbed) {
		if !before[e.msg] {
			broken = append(broken, fmt.Sprintf("line %d: %s", e.line, e.msg))
		}
	}
	if len(broken) == 0 {
		return nil
	}
	sort.Strings(broken)
	return fmt.Errorf("with the stub in place the cell does not compile: %s; move these "+
		"declarations inside the region, or make the whole function body the region",
		strings.Join(broken, "; "))
}

type typeError struct {
	line int // in the cell, from 1
	msg  string
}

// unusedErrors returns the "declared and not used" errors of a cell's Go
// code, by their message.
func unusedErrors(source string) map[string]bool {
	errs := map[string]bool{}
	for _, e := range unusedErrorList(source) {
		errs[e.msg] = true
	}
	return errs
}

func unusedErrorList(source string) []typeError {
	code, ok := notebook.GoCode(source)
	if !ok {
		return nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "cell.go", code, parser.SkipObjectResolution)
	if err != nil {
		return nil // Functions has reported it
	}
	var found []typeError
	conf := types.Config{
		Importer: noImports{},
		Error: func(err error) {
			te, ok := err.(types.Error)
			if !ok || !strings.Contains(te.Msg, "not used") || strings.Contains(te.Msg, "imported") {
				return
			}
			found = append(found, typeError{fset.Position(te.Pos).Line - 1, te.Msg})
		},
	}
	conf.Check("main", fset, []*ast.File{file}, nil)
	return found
}

// noImports fails every import: go/types then treats the package as a fake
// one and accepts any use of it, which is what a single cell needs.
type noImports struct{}

func (noImports) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("not loaded")
}
