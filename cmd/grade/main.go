// Command grade grades the notebooks learners hand in.
//
//	go run ./cmd/grade -assignment exercises -submissions DIR -out DIR [-timeout 5m]
//
// The assignment is the folder of notebooks handed out (the output of
// cmd/exercises); its check cells, code cells with a line "// CHECK: name",
// are the exercises. The submissions folder holds a folder per learner,
// named after the learner, with the learner's notebooks under the
// assignment's file names (for an assignment of one notebook, a notebook
// named after the learner, such as alice.ipynb, will do too).
//
// For each submitted notebook, grade
//
//  1. puts back the assignment's check cells: a cell marked
//     "// CHECK: name" is replaced by the assignment's, and a deleted one is
//     inserted again, so that editing a check cannot change a grade;
//  2. executes the notebook headless with Jupyter and the GoNB kernel, in a
//     new folder next to the assignment folder (so that the workspace
//     cell's ${GONB_DIR}/.. leads to the course's module), within -timeout
//     for the whole notebook; Jupyter interrupts a cell that runs longer
//     than -cell-timeout, and the run goes on with the next cell;
//  3. reads the verdict each check printed ("CHECK linear: PASS").
//
// It writes, in the -out folder, scores.csv (learner, notebook, exercise,
// score, result, detail; the score is 1 for a pass, 0 otherwise),
// summary.txt, and the executed notebooks under executed/LEARNER/. The
// results besides pass, fail and not done: does not compile, timeout,
// crashed, no verdict (the program stopped before the check printed one),
// missing (no such notebook handed in) and not a notebook.
//
// A learner's code runs with the grader's rights: grade runs code, it does
// not contain it. Run it in a container or as a user of its own when the
// submissions are not trusted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

// config holds the command's flags.
type config struct {
	assignment, submissions, out string
	timeout, cellTimeout         time.Duration
	jobs                         int
	jupyter, kernel              string
	keep                         bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.assignment, "assignment", "exercises", "the folder of the assignment's notebooks")
	flag.StringVar(&cfg.submissions, "submissions", "", "the folder of the submissions, a folder per learner")
	flag.StringVar(&cfg.out, "out", "", "the folder to write scores.csv, summary.txt and the executed notebooks to")
	flag.DurationVar(&cfg.timeout, "timeout", 5*time.Minute, "the time limit of one notebook")
	flag.DurationVar(&cfg.cellTimeout, "cell-timeout", 2*time.Minute,
		"the time limit of one cell, after which it is interrupted (at most -timeout)")
	flag.IntVar(&cfg.jobs, "jobs", 1, "how many notebooks to run at once")
	flag.StringVar(&cfg.jupyter, "jupyter", "jupyter", "the jupyter command")
	flag.StringVar(&cfg.kernel, "kernel", "gonb", "the name of GoNB's Jupyter kernel")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the work folders (.grade-*), for debugging")
	flag.Usage = usage
	flag.Parse()
	if cfg.submissions == "" || cfg.out == "" || flag.NArg() > 0 {
		usage()
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := grade(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "grade:", err)
		os.Exit(1)
	}
}

// grade grades every submission and writes the results, reporting progress
// to w. It returns an error only when it cannot grade at all.
func grade(ctx context.Context, cfg config, w io.Writer) error {
	if cfg.timeout <= 0 || cfg.jobs < 1 {
		return fmt.Errorf("-timeout must be positive and -jobs at least 1")
	}
	if cfg.cellTimeout <= 0 || cfg.cellTimeout > cfg.timeout {
		cfg.cellTimeout = cfg.timeout
	}
	a, err := loadAssignment(cfg.assignment)
	if err != nil {
		return err
	}
	subs, ignored, err := findSubmissions(cfg.submissions, a)
	if err != nil {
		return err
	}
	env, err := notebook.Environment()
	if err != nil {
		return err
	}
	jupyter, err := exec.LookPath(cfg.jupyter)
	if err != nil {
		return fmt.Errorf("%s not found: install Jupyter (see scripts/setup-kernel)", cfg.jupyter)
	}
	if err := notebook.KernelInstalled(jupyter, cfg.kernel, env); err != nil {
		return fmt.Errorf("%v: run scripts/setup-kernel (or gonb --install)", err)
	}
	if err := os.MkdirAll(filepath.Join(cfg.out, "executed"), 0o755); err != nil {
		return err
	}
	for _, path := range ignored {
		fmt.Fprintf(w, "ignored %s: not a learner's folder\n", path)
	}

	r := &runner{jupyter: jupyter, kernel: cfg.kernel, timeout: cfg.timeout,
		cellTimeout: cfg.cellTimeout, env: env, keep: cfg.keep}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([][]result, len(subs))
	var (
		mu    sync.Mutex
		fatal error
		wg    sync.WaitGroup
	)
	queue := make(chan int)
	for range cfg.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				start := time.Now()
				res, err := gradeOne(ctx, r, a, subs[i], cfg.out)
				mu.Lock()
				if err != nil && fatal == nil {
					fatal = err
					cancel()
				}
				results[i] = res
				s := 0
				for _, x := range res {
					s += x.score()
				}
				fmt.Fprintf(w, "%s/%s: %d/%d (%.0fs)\n", subs[i].learner, subs[i].nb.name, s, len(res),
					time.Since(start).Seconds())
				mu.Unlock()
			}
		}()
	}
	for i := range subs {
		if ctx.Err() != nil {
			break
		}
		queue <- i
	}
	close(queue)
	wg.Wait()
	if fatal != nil {
		return fatal
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	var all []result
	for _, res := range results {
		all = append(all, res...)
	}
	sortResults(a, all)
	csvFile, err := os.Create(filepath.Join(cfg.out, "scores.csv"))
	if err != nil {
		return err
	}
	if err := writeCSV(csvFile, all); err != nil {
		csvFile.Close()
		return err
	}
	if err := csvFile.Close(); err != nil {
		return err
	}

	header := []string{
		fmt.Sprintf("Grades of %s: %d notebook(s), %d exercise(s); submissions from %s.",
			cfg.assignment, len(a.notebooks), a.exercises(), cfg.submissions),
		fmt.Sprintf("Time limits: %v per notebook, %v per cell. A pass scores 1, anything else 0.",
			cfg.timeout, cfg.cellTimeout),
	}
	summary, err := os.Create(filepath.Join(cfg.out, "summary.txt"))
	if err != nil {
		return err
	}
	writeSummary(io.MultiWriter(summary, w), a, all, header)
	return summary.Close()
}

// gradeOne grades one submitted notebook. Whatever the submission does, it
// returns one result per check; the error is for what stops all grading
// (Jupyter without the kernel, an interrupt).
func gradeOne(ctx context.Context, r *runner, a *assignment, sub submission, out string) ([]result, error) {
	all := func(status, detail string) []result {
		var res []result
		for _, chk := range sub.nb.checks {
			res = append(res, result{learner: sub.learner, notebook: sub.nb.name, exercise: chk.Name,
				status: status, detail: detail})
		}
		return res
	}
	if sub.path == "" {
		return all(statusMissing, "no "+sub.nb.name+" handed in"), nil
	}
	nb, err := readNotebook(sub.path)
	if err != nil {
		return all(statusInvalid, err.Error()), nil
	}

	graded, notes := restore(nb, sub.nb)
	executed, err := r.run(ctx, graded, a.dir, sub.nb.name)
	switch {
	case err == nil:
	case errors.Is(err, errTimeout):
		return all(statusTimeout, fmt.Sprintf("the notebook did not finish within %v, "+
			"so none of its checks could be read", r.timeout)), nil
	case errors.Is(err, notebook.ErrNoKernel), ctx.Err() != nil:
		return all(statusError, err.Error()), err
	default:
		return all(statusError, err.Error()), nil
	}

	dir := filepath.Join(out, "executed", sub.learner)
	if err := os.MkdirAll(dir, 0o755); err == nil {
		executed.Write(filepath.Join(dir, sub.nb.name))
	}
	res := verdicts(executed, sub.nb)
	for i := range res {
		res[i].learner = sub.learner
		res[i].note = notes[res[i].exercise]
	}
	return res, nil
}

// usage explains the command and the layout of the submissions folder.
func usage() {
	fmt.Fprint(os.Stderr, `usage: grade -assignment DIR -submissions DIR -out DIR [-timeout 5m]

Grades the notebooks learners hand in for an assignment made by cmd/exercises.
The submissions folder holds one folder per learner, named after the learner,
with the learner's notebooks under the assignment's file names:

	submissions/alice/01-forward.ipynb
	submissions/alice/02-backprop.ipynb
	submissions/bob/01-forward.ipynb

(for an assignment of one notebook, submissions/alice.ipynb will do). The
check cells are restored from the assignment before each notebook runs.
The -out folder receives scores.csv, summary.txt and the executed notebooks.
See go doc ./cmd/grade for the results a check can get.

`)
	flag.PrintDefaults()
}
