package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/cmd/internal/notebook/notebooktest"
	"github.com/deeplearning-go/course/nn/check"
)

// The notebooks these tests run call package check, through GoNB: importing
// it here makes go test's cache see a change to it, or to nn.
var _ = check.NotDone

// The test assignment: the learners' copy of cmd/exercises' test notebook,
// cut down to four exercises to keep the runs short, and its solutions.
const (
	courseExercise = "../exercises/testdata/exercises/course.ipynb"
	courseSolution = "../exercises/testdata/course.ipynb"
)

var gradedChecks = []string{"linear", "sigmoid", "relu", "training_loop"}

// cutDown keeps the cells of nb that are not exercises or checks, and the
// check cells named in keep with the exercise cell before each.
func cutDown(t *testing.T, nb *notebook.Notebook, keep []string) *notebook.Notebook {
	t.Helper()
	wanted := map[string]bool{}
	for _, k := range keep {
		wanted[k] = true
	}
	out := nb.Clone()
	var cells []*notebook.Cell
	for i, c := range out.Cells {
		name := notebook.CheckName(c.Source())
		regions, _ := notebook.Regions(c.Source())
		var next string
		if i+1 < len(out.Cells) {
			next = notebook.CheckName(out.Cells[i+1].Source())
		}
		switch {
		case name != "" && !wanted[name]:
		case len(regions) > 0 && !wanted[next]:
		default:
			cells = append(cells, c)
		}
	}
	out.Cells = cells
	if got := len(out.Checks()); got != len(keep) {
		t.Fatalf("%d checks after cutting down, want %d", got, len(keep))
	}
	return out
}

// learner is a made-up submission: the assignment with some solutions put
// back, then changed by edit.
type learner struct {
	name   string
	solved []string // functions whose solution is put back
	bodies map[string]string
	edit   func(nb *notebook.Notebook)
	want   map[string]string // check → result in scores.csv
}

// cellIndex returns the index of the first cell whose source contains s.
func cellIndex(t *testing.T, nb *notebook.Notebook, s string) int {
	t.Helper()
	for i, c := range nb.Cells {
		if strings.Contains(c.Source(), s) {
			return i
		}
	}
	t.Fatalf("no cell holds %q", s)
	return -1
}

func TestGradeSubmissions(t *testing.T) {
	notebooktest.Require(t)
	root, err := notebooktest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("COURSE_ROOT", root) // the test notebook's workspace cell reads it

	exercise, err := notebook.Read(courseExercise)
	if err != nil {
		t.Fatal(err)
	}
	course, err := notebook.Read(courseSolution)
	if err != nil {
		t.Fatal(err)
	}
	solutions, err := course.Solutions()
	if err != nil {
		t.Fatal(err)
	}
	assignmentNB := cutDown(t, exercise, gradedChecks)
	all := []string{"linear", "sigmoid", "relu", "train"}

	learners := []learner{
		{name: "complete", solved: all,
			want: map[string]string{"linear": "pass", "sigmoid": "pass", "relu": "pass", "training_loop": "pass"}},
		{name: "partial", solved: []string{"linear", "relu"},
			want: map[string]string{"linear": "pass", "sigmoid": "not done", "relu": "pass", "training_loop": "not done"}},
		{name: "broken", solved: all,
			bodies: map[string]string{
				"linear":  "\treturn \"Z\"\n",           // a type error
				"sigmoid": "\tA := mat.DenseCopyOf(Z\n", // a syntax error
			},
			want: map[string]string{"linear": "does not compile", "sigmoid": "does not compile",
				"relu": "pass", "training_loop": "pass"}},
		{name: "loops", solved: all,
			bodies: map[string]string{"train": "\tfor {\n\t\tnet.Forward(X)\n\t}\n"},
			edit: func(nb *notebook.Notebook) {
				// A cell of the learner's own that never ends: Jupyter interrupts it.
				at := cellIndex(t, nb, "check.ReLU(relu)") + 1
				nb.Cells = append(nb.Cells[:at], append([]*notebook.Cell{
					notebook.NewCodeCell("%%\nfor {\n}")}, nb.Cells[at:]...)...)
			},
			want: map[string]string{"linear": "pass", "sigmoid": "pass", "relu": "pass", "training_loop": "fail"}},
		{name: "tampers", solved: []string{"linear", "relu"},
			edit: func(nb *notebook.Notebook) {
				// Deletes the check of linear, makes that of sigmoid check package
				// nn's sigmoid, and replaces that of the training loop by a cell
				// without its marker that prints a passing verdict.
				i := cellIndex(t, nb, "check.Linear(linear)")
				nb.Cells = append(nb.Cells[:i], nb.Cells[i+1:]...)
				nb.Cells[cellIndex(t, nb, "check.Sigmoid(sigmoid)")].SetSource(
					"// CHECK: sigmoid\n%%\ncheck.Sigmoid(nn.Sigmoid)")
				nb.Cells[cellIndex(t, nb, "check.TrainingLoop(train)")].SetSource(
					"import \"fmt\"\n\n%%\nfmt.Println(\"CHECK training_loop: PASS\")")
			},
			want: map[string]string{"linear": "pass", "sigmoid": "not done", "relu": "pass",
				"training_loop": "not done"}},
		{name: "hands-in-nothing",
			want: map[string]string{"linear": "missing", "sigmoid": "missing", "relu": "missing",
				"training_loop": "missing"}},
		{name: "garbled",
			want: map[string]string{"linear": "not a notebook", "sigmoid": "not a notebook",
				"relu": "not a notebook", "training_loop": "not a notebook"}},
	}

	dir := t.TempDir()
	assignmentDir := filepath.Join(dir, "assignment")
	subsDir := filepath.Join(dir, "submissions")
	outDir := filepath.Join(dir, "out")
	os.MkdirAll(assignmentDir, 0o755)
	if err := assignmentNB.Write(filepath.Join(assignmentDir, "course.ipynb")); err != nil {
		t.Fatal(err)
	}
	for _, l := range learners {
		folder := filepath.Join(subsDir, l.name)
		os.MkdirAll(folder, 0o755)
		switch l.name {
		case "hands-in-nothing":
			continue
		case "garbled":
			os.WriteFile(filepath.Join(folder, "course.ipynb"), []byte(`{"cells": [`), 0o644)
			continue
		}
		nb := assignmentNB.Clone()
		bodies := map[string]string{}
		for _, fn := range l.solved {
			bodies[fn] = solutions[fn]
		}
		for fn, b := range l.bodies {
			bodies[fn] = b
		}
		if _, err := nb.Fill(bodies); err != nil {
			t.Fatal(err)
		}
		if l.edit != nil {
			l.edit(nb)
		}
		if err := nb.Write(filepath.Join(folder, "course.ipynb")); err != nil {
			t.Fatal(err)
		}
	}

	cfg := config{assignment: assignmentDir, submissions: subsDir, out: outDir,
		timeout: 3 * time.Minute, cellTimeout: 30 * time.Second, jobs: 2,
		jupyter: "jupyter", kernel: "gonb"}
	var log bytes.Buffer
	start := time.Now()
	if err := grade(context.Background(), cfg, &log); err != nil {
		t.Fatalf("grade: %v\n%s", err, log.String())
	}
	t.Logf("graded %d submissions in %.0fs", len(learners), time.Since(start).Seconds())

	// scores.csv: one row per learner and exercise, with the results wanted.
	f, err := os.Open(filepath.Join(outDir, "scores.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(learners)*len(gradedChecks) {
		t.Errorf("%d rows, want %d", len(rows), 1+len(learners)*len(gradedChecks))
	}
	got := map[string][]string{}
	for _, row := range rows[1:] {
		got[row[0]+" "+row[2]] = row
	}
	for _, l := range learners {
		for check, want := range l.want {
			row := got[l.name+" "+check]
			if row == nil || row[4] != want {
				t.Errorf("%s %s: %q, want %q", l.name, check, row, want)
				continue
			}
			if score := map[bool]string{true: "1", false: "0"}[want == "pass"]; row[3] != score {
				t.Errorf("%s %s: score %s, want %s", l.name, check, row[3], score)
			}
		}
	}
	details := map[string]string{
		"broken linear":         "cannot use",
		"broken sigmoid":        "the check cell",
		"loops training_loop":   "did not return within 10s",
		"garbled linear":        "invalid JSON",
		"hands-in-nothing relu": "no course.ipynb handed in",
	}
	for key, want := range details {
		if row := got[key]; row == nil || !strings.Contains(row[5], want) {
			t.Errorf("%s: detail %q, want one with %q", key, row, want)
		}
	}

	// summary.txt: the scores, and what the grader repaired.
	summary, err := os.ReadFile(filepath.Join(outDir, "summary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"complete          4/4", "partial           2/4", "broken            2/4", "loops             3/4",
		"tampers           2/4", "hands-in-nothing  0/4", "garbled           0/4",
		"the check cell had been deleted", "the check cell had been edited",
		"all 4 exercises not a notebook: invalid JSON",
	} {
		if !strings.Contains(squeeze(string(summary)), squeeze(want)) {
			t.Errorf("summary.txt does not hold %q:\n%s", want, summary)
		}
	}

	// The learner's endless cell was interrupted and the notebook went on.
	loops, err := notebook.Read(filepath.Join(outDir, "executed", "loops", "course.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	endless := loops.Cells[cellIndex(t, loops, "for {\n}")]
	if !strings.Contains(endless.Stream("stderr"), "interrupt") {
		t.Errorf("the endless cell printed %q, want an interrupt", endless.Stream("stderr"))
	}
	if last := loops.Cells[len(loops.Cells)-1].Stream("stdout"); !strings.Contains(last, "end of the notebook") {
		t.Errorf("the last cell printed %q: the notebook did not run to its end", last)
	}
	noWorkFolders(t, dir)
}

// A notebook that runs past -timeout is stopped, with its kernel and what
// the kernel started, and each of its checks gets a timeout.
func TestGradeTimeout(t *testing.T) {
	notebooktest.Require(t)
	root, err := notebooktest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("COURSE_ROOT", root)
	exercise, err := notebook.Read(courseExercise)
	if err != nil {
		t.Fatal(err)
	}
	nb := cutDown(t, exercise, []string{"linear", "relu"})
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "assignment"), 0o755)
	os.MkdirAll(filepath.Join(dir, "submissions", "sleeper"), 0o755)
	nb.Write(filepath.Join(dir, "assignment", "course.ipynb"))
	// The learner's first cell never ends; the cell limit is above the notebook's.
	slow := nb.Clone()
	slow.Cells = append(slow.Cells[:2], append([]*notebook.Cell{notebook.NewCodeCell("%%\nfor {\n}")}, slow.Cells[2:]...)...)
	slow.Write(filepath.Join(dir, "submissions", "sleeper", "course.ipynb"))

	cfg := config{assignment: filepath.Join(dir, "assignment"), submissions: filepath.Join(dir, "submissions"),
		out: filepath.Join(dir, "out"), timeout: 12 * time.Second, cellTimeout: time.Minute, jobs: 1,
		jupyter: "jupyter", kernel: "gonb"}
	var log bytes.Buffer
	start := time.Now()
	if err := grade(context.Background(), cfg, &log); err != nil {
		t.Fatalf("grade: %v\n%s", err, log.String())
	}
	if took := time.Since(start); took > 40*time.Second {
		t.Errorf("grading took %v with a limit of 12s", took)
	}
	scores, _ := os.ReadFile(filepath.Join(dir, "out", "scores.csv"))
	for _, check := range []string{"linear", "relu"} {
		if !strings.Contains(string(scores), "sleeper,course.ipynb,"+check+",0,timeout,\"the notebook did not finish within 12s") {
			t.Errorf("no timeout for %s:\n%s", check, scores)
		}
	}
	noWorkFolders(t, dir)
}

// noWorkFolders fails the test when a work folder of the grader is left in
// dir, or a process still runs in one.
func noWorkFolders(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".grade-*"))
	if len(left) > 0 {
		t.Errorf("work folders left: %q", left)
	}
	cwds, _ := filepath.Glob("/proc/[0-9]*/cwd")
	for _, link := range cwds {
		if target, err := os.Readlink(link); err == nil && strings.HasPrefix(target, dir) {
			cmdline, _ := os.ReadFile(filepath.Join(filepath.Dir(link), "cmdline"))
			t.Errorf("a process still runs in %s: %s", target, bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '}))
		}
	}
}

// squeeze turns every run of spaces into one, to compare text laid out in
// columns.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// Without the kernel, grading stops before it starts, saying what to do.
func TestGradeNoKernel(t *testing.T) {
	notebooktest.Require(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "assignment"), 0o755)
	os.MkdirAll(filepath.Join(dir, "submissions", "x"), 0o755)
	data, err := os.ReadFile(courseExercise)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "assignment", "course.ipynb"), data, 0o644)
	cfg := config{assignment: filepath.Join(dir, "assignment"), submissions: filepath.Join(dir, "submissions"),
		out: filepath.Join(dir, "out"), timeout: time.Minute, jobs: 1, jupyter: "jupyter", kernel: "no-such-kernel"}
	err = grade(context.Background(), cfg, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), `no such kernel named "no-such-kernel"`) ||
		!strings.Contains(err.Error(), "scripts/setup-kernel") {
		t.Errorf("grade without the kernel: %v", err)
	}
}
