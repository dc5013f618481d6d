package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/cmd/internal/notebook/notebooktest"
)

// program composes one Go program from the code cells of nb, roughly as
// GoNB does for its last cell: every declaration, a later one replacing an
// earlier one of the same name, and the statements of each %% cell in a
// function of their own. Imports that nothing uses are dropped, as GoNB
// drops them.
func program(nb *notebook.Notebook) (string, error) {
	type decl struct{ key, text string }
	var decls []decl
	imports := map[string]string{} // import line → the name it declares
	for i, c := range nb.Cells {
		if !c.IsCode() {
			continue
		}
		code, ok := notebook.GoCode(c.Source())
		if !ok {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", code, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return "", fmt.Errorf("cell %d: %v", i+1, err)
		}
		for _, d := range file.Decls {
			start, end := d.Pos(), d.End()
			key := ""
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.IMPORT {
					for _, s := range d.Specs {
						spec := s.(*ast.ImportSpec)
						p, _ := strconv.Unquote(spec.Path.Value)
						name := importName(p)
						line := spec.Path.Value
						if spec.Name != nil {
							name, line = spec.Name.Name, spec.Name.Name+" "+spec.Path.Value
						}
						imports[line] = name
					}
					continue
				}
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
			case *ast.FuncDecl:
				key = "func " + d.Name.Name
				if d.Recv != nil {
					key = fmt.Sprintf("method %d %s", i, d.Name.Name)
				}
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
			}
			text := code[fset.Position(start).Offset:fset.Position(end).Offset]
			if key == "func main" {
				key = fmt.Sprintf("cell %d", i+1)
				text = strings.Replace(text, "func main()", fmt.Sprintf("func cell%d()", i+1), 1)
			}
			replaced := false
			for k := range decls {
				if key != "" && decls[k].key == key {
					decls[k].text, replaced = text, true
				}
			}
			if !replaced {
				decls = append(decls, decl{key, text})
			}
		}
	}

	var body strings.Builder
	for _, d := range decls {
		body.WriteString(d.text + "\n\n")
	}
	used := usedNames(body.String())
	var lines []string
	for line, name := range imports {
		if used[name] || name == "_" {
			lines = append(lines, "\t"+line)
		}
	}
	sort.Strings(lines)
	return "package main\n\nimport (\n" + strings.Join(lines, "\n") + "\n)\n\n" +
		body.String() + "func main() {}\n", nil
}

// importName is the name an import path declares, for the paths the
// course uses: its last element, without a major version.
func importName(p string) string {
	name := path.Base(p)
	if regexp.MustCompile(`^v[0-9]+$`).MatchString(name) {
		name = path.Base(path.Dir(p))
	}
	return name
}

// usedNames returns the identifiers used as x in a selector x.y.
func usedNames(decls string) map[string]bool {
	used := map[string]bool{}
	file, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+decls, parser.SkipObjectResolution)
	if err != nil {
		return used
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

// vet composes nb's program in a Go workspace with the course's module, as
// the notebooks' first cell makes, and runs go vet on it.
func vet(nb *notebook.Notebook, dir string) error {
	code, err := program(nb)
	if err != nil {
		return err
	}
	root, err := notebooktest.ModuleRoot()
	if err != nil {
		return err
	}
	files := map[string]string{
		"main.go": code,
		"go.mod":  "module notebook\n\ngo 1.26\n",
		"go.work": "go 1.26\n\nuse (\n\t.\n\t" + strconv.Quote(root) + "\n)\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"), "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go vet of the notebook's program: %v\n%s\n%s", err, out, numbered(code))
	}
	return nil
}

func numbered(code string) string {
	lines := strings.Split(code, "\n")
	for i := range lines {
		lines[i] = fmt.Sprintf("%4d  %s", i+1, lines[i])
	}
	return strings.Join(lines, "\n")
}

// The stubs compile, with the solution's imports left unused, and so do the
// solutions: checked with the Go tools alone, without Jupyter.
func TestStubsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet on two programs")
	}
	course, err := notebook.Read(filepath.Join("testdata", "course.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	exercise, _, err := Generate(course)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("stubs", func(t *testing.T) {
		if err := vet(exercise, t.TempDir()); err != nil {
			t.Error(err)
		}
	})
	t.Run("solutions", func(t *testing.T) {
		if err := vet(course, t.TempDir()); err != nil {
			t.Error(err)
		}
	})
	t.Run("a type error is caught", func(t *testing.T) {
		broken, _ := exercise.Fill(map[string]string{"linear": "\treturn \"Z\"\n"})
		if broken != 1 {
			t.Fatalf("filled %d regions", broken)
		}
		if err := vet(exercise, t.TempDir()); err == nil || !strings.Contains(err.Error(), `cannot use "Z"`) {
			t.Errorf("go vet of a notebook with a type error: %v", err)
		}
	})
}
