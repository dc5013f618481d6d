package notebook

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Region is a learner's part of a code cell: the lines between a
// "// BEGIN SOLUTION" line and the next "// END SOLUTION" line.
type Region struct {
	Begin, End int    // the lines of the two markers in the cell, from 0
	Indent     string // the indentation of the BEGIN SOLUTION line
	Body       string // the lines between the markers, each ending in "\n"
}

// Regions returns the marked regions of a cell's source, in order. A BEGIN
// without its END, an END without a BEGIN and a BEGIN inside a region are
// errors that name the line (counting from 1).
func Regions(source string) ([]Region, error) {
	var regions []Region
	lines := strings.Split(source, "\n")
	open := -1
	for i, line := range lines {
		switch {
		case IsBegin(line) && open >= 0:
			return nil, fmt.Errorf("line %d: BEGIN SOLUTION inside the region that line %d began",
				i+1, open+1)
		case IsBegin(line):
			open = i
		case IsEnd(line) && open < 0:
			return nil, fmt.Errorf("line %d: END SOLUTION without a BEGIN SOLUTION before it", i+1)
		case IsEnd(line):
			begin := lines[open]
			indent := begin[:len(begin)-len(strings.TrimLeft(begin, " \t"))]
			var body strings.Builder
			for _, l := range lines[open+1 : i] {
				body.WriteString(l + "\n")
			}
			regions = append(regions, Region{Begin: open, End: i, Indent: indent, Body: body.String()})
			open = -1
		}
	}
	if open >= 0 {
		return nil, fmt.Errorf("line %d: BEGIN SOLUTION without an END SOLUTION after it", open+1)
	}
	return regions, nil
}

// ReplaceRegions returns source with the body of each region replaced by
// what body returns for it (whole lines, each ending in "\n"). The marker
// lines stay.
func ReplaceRegions(source string, body func(i int, r Region) string) (string, error) {
	regions, err := Regions(source)
	if err != nil {
		return "", err
	}
	lines := strings.Split(source, "\n")
	var b strings.Builder
	next := 0
	for i, r := range regions {
		for _, l := range lines[next : r.Begin+1] {
			b.WriteString(l + "\n")
		}
		b.WriteString(body(i, r))
		next = r.End
	}
	b.WriteString(strings.Join(lines[next:], "\n"))
	return b.String(), nil
}

// Functions returns, for each region of a cell, the name of the function
// whose body holds it ("main" for the statements of a %% cell, "T.M" for a
// method). A region outside every function body is an error: a stub there
// would not compile.
func Functions(source string, regions []Region) ([]string, error) {
	code, ok := GoCode(source)
	if !ok {
		return nil, fmt.Errorf("a cell magic (%%%%writefile, %%%%bash …) cannot hold a region")
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "cell.go", code, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("the cell does not parse as Go: %v", cellError(err))
	}
	names := make([]string, len(regions))
	for i, r := range regions {
		line := CodeLine(r.Begin)
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			first, last := fset.Position(fn.Body.Lbrace).Line, fset.Position(fn.Body.Rbrace).Line
			if first < line && CodeLine(r.End) < last {
				names[i] = funcName(fn)
			}
		}
		if names[i] == "" {
			return nil, fmt.Errorf("line %d: the region is not inside a function body; put "+
				"BEGIN SOLUTION and END SOLUTION on their own lines between the function's braces",
				r.Begin+1)
		}
	}
	return names, nil
}

// funcName returns the name of a function, or T.M for a method.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if index, ok := t.(*ast.IndexExpr); ok {
		t = index.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}

// cellError rewrites the positions "cell.go:L:C" of a Go error about
// GoCode's file as lines of the cell.
func cellError(err error) string {
	msg := err.Error()
	var b strings.Builder
	for {
		i := strings.Index(msg, "cell.go:")
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(msg[:i])
		msg = msg[i+len("cell.go:"):]
		n := 0
		for n < len(msg) && msg[n] >= '0' && msg[n] <= '9' {
			n++
		}
		var line int
		fmt.Sscan(msg[:n], &line)
		fmt.Fprintf(&b, "line %d", line-1)
		msg = msg[n:]
		if strings.HasPrefix(msg, ":") {
			// drop the column
			msg = msg[1:]
			for len(msg) > 0 && msg[0] >= '0' && msg[0] <= '9' {
				msg = msg[1:]
			}
		}
	}
}

// Solutions returns the bodies of the regions of nb's code cells, by the
// name of the function that holds each (see Functions).
func (nb *Notebook) Solutions() (map[string]string, error) {
	bodies := map[string]string{}
	for i, c := range nb.Cells {
		if !c.IsCode() {
			continue
		}
		regions, err := Regions(c.Source())
		if err != nil || len(regions) == 0 {
			if err != nil {
				return nil, fmt.Errorf("cell %d: %w", i+1, err)
			}
			continue
		}
		names, err := Functions(c.Source(), regions)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %w", i+1, err)
		}
		for k, r := range regions {
			bodies[names[k]] = r.Body
		}
	}
	return bodies, nil
}

// Fill replaces the body of each region of nb whose function has an entry
// in bodies, the inverse of Solutions, and returns how many it replaced.
func (nb *Notebook) Fill(bodies map[string]string) (int, error) {
	filled := 0
	for i, c := range nb.Cells {
		if !c.IsCode() {
			continue
		}
		regions, err := Regions(c.Source())
		if err != nil {
			return filled, fmt.Errorf("cell %d: %w", i+1, err)
		}
		if len(regions) == 0 {
			continue
		}
		names, err := Functions(c.Source(), regions)
		if err != nil {
			return filled, fmt.Errorf("cell %d: %w", i+1, err)
		}
		source, err := ReplaceRegions(c.Source(), func(k int, r Region) string {
			if body, ok := bodies[names[k]]; ok {
				filled++
				return body
			}
			return r.Body
		})
		if err != nil {
			return filled, err
		}
		c.SetSource(source)
	}
	return filled, nil
}
