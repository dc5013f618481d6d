package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

// checkKey is the cell metadata entry that marks the check cells the grader
// put in place, so that only their verdicts count.
const checkKey = "course_check"

// assignment is the notebooks handed out, with their check cells.
type assignment struct {
	dir       string
	notebooks []*assigned
}

// assigned is one notebook of the assignment.
type assigned struct {
	name   string // file name, such as 01-forward.ipynb
	nb     *notebook.Notebook
	checks []notebook.CheckCell
}

// exercises counts the check cells of the assignment.
func (a *assignment) exercises() int {
	n := 0
	for _, nb := range a.notebooks {
		n += len(nb.checks)
	}
	return n
}

// loadAssignment reads the notebooks of dir that hold check cells.
func loadAssignment(dir string) (*assignment, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.ipynb"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	a := &assignment{dir: dir}
	for _, path := range paths {
		if strings.HasSuffix(path, ".nbconvert.ipynb") {
			continue
		}
		nb, err := notebook.Read(path)
		if err != nil {
			return nil, err
		}
		checks := nb.Checks()
		if len(checks) == 0 {
			continue
		}
		seen := map[string]bool{}
		for _, c := range checks {
			if seen[c.Name] {
				return nil, fmt.Errorf("%s: two check cells named %q", path, c.Name)
			}
			seen[c.Name] = true
		}
		a.notebooks = append(a.notebooks, &assigned{name: filepath.Base(path), nb: nb, checks: checks})
	}
	if len(a.notebooks) == 0 {
		return nil, fmt.Errorf("no notebook in %s has a check cell (a code cell with a line "+
			"\"// CHECK: name\")", dir)
	}
	return a, nil
}

// submission is one learner's copy of one notebook of the assignment.
type submission struct {
	learner string
	nb      *assigned
	path    string // "" when the learner handed in no such notebook
}

// findSubmissions lists the submissions in dir: a folder per learner that
// holds notebooks named as the assignment's, or, for an assignment of one
// notebook, also a notebook per learner named after the learner
// (a name that differs only in letter case counts as the same)
// (alice.ipynb), or a learner's folder with a single notebook of any name.
// Other files are reported in ignored.
func findSubmissions(dir string, a *assignment) (subs []submission, ignored []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	single := len(a.notebooks) == 1
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		switch {
		case e.IsDir():
			found, err := filepath.Glob(filepath.Join(path, "*.ipynb"))
			if err != nil {
				return nil, nil, err
			}
			for _, nb := range a.notebooks {
				s := submission{learner: name, nb: nb}
				if _, err := os.Stat(filepath.Join(path, nb.name)); err == nil {
					s.path = filepath.Join(path, nb.name)
				} else if f := sameNameFold(path, nb.name); f != "" {
					s.path = f // 02-Backprop.ipynb for 02-backprop.ipynb
				} else if single && len(found) == 1 {
					s.path = found[0]
				}
				subs = append(subs, s)
			}
		case single && strings.HasSuffix(name, ".ipynb"):
			subs = append(subs, submission{learner: strings.TrimSuffix(name, ".ipynb"),
				nb: a.notebooks[0], path: path})
		default:
			ignored = append(ignored, path)
		}
	}
	if len(subs) == 0 {
		return nil, ignored, fmt.Errorf("no submissions in %s: put each learner's notebooks in a "+
			"folder named after the learner", dir)
	}
	return subs, ignored, nil
}

// sameNameFold returns the path of the file in dir whose name is name in
// other letter case, or "".
func sameNameFold(dir, name string) string {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.EqualFold(e.Name(), name) && !e.IsDir() {
			return filepath.Join(dir, e.Name())
		}
	}
	return ""
}

// restore returns the submitted notebook sub with the check cells of the
// assignment notebook a put back: a cell marked "// CHECK: name" becomes
// the assignment's cell of that name, whatever the learner did to it, and a
// check cell the learner deleted is put back before the next check cell
// that is still there (or at the end). Every check cell it puts in place is
// marked with checkKey in its metadata, and every code cell loses its
// outputs. The notes say, by check name, what it had to repair.
func restore(sub *notebook.Notebook, a *assigned) (*notebook.Notebook, map[string]string) {
	notes := map[string]string{}
	original := map[string]*notebook.Cell{}
	order := map[string]int{}
	for k, c := range a.checks {
		original[c.Name] = c.Cell
		order[c.Name] = k
	}
	fresh := func(name string) *notebook.Cell {
		c := original[name].Clone()
		c.ClearOutputs()
		c.SetMetadata(checkKey, name)
		return c
	}

	out := sub.Clone()
	var cells []*notebook.Cell
	present := map[string]bool{}
	for _, c := range out.Cells {
		c.ClearOutputs()
		name := ""
		if c.IsCode() {
			name = notebook.CheckName(c.Source())
		}
		if _, known := original[name]; !known {
			cells = append(cells, c)
			continue
		}
		if present[name] {
			notes[name] = "a second copy of the check cell was removed"
			continue
		}
		present[name] = true
		if c.Source() != original[name].Source() {
			notes[name] = "the check cell had been edited; the assignment's was run"
		}
		cells = append(cells, fresh(name))
	}

	// Put back the deleted check cells, in the assignment's order.
	for _, chk := range a.checks {
		if present[chk.Name] {
			continue
		}
		notes[chk.Name] = "the check cell had been deleted; the assignment's was run"
		at := len(cells)
	find:
		for i, c := range cells {
			var name string
			if c.Metadata(checkKey, &name) && order[name] > order[chk.Name] {
				at = i
				break find
			}
		}
		cells = append(cells[:at], append([]*notebook.Cell{fresh(chk.Name)}, cells[at:]...)...)
		present[chk.Name] = true
	}
	out.Cells = cells
	return out, notes
}

// readNotebook reads a submitted notebook, saying in the error what is
// wrong with it.
func readNotebook(path string) (*notebook.Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return notebook.Parse(data)
}
