package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

// runner executes notebooks headless with Jupyter and the GoNB kernel.
type runner struct {
	jupyter     string        // the jupyter command
	kernel      string        // the kernel's name, gonb
	timeout     time.Duration // for a whole notebook
	cellTimeout time.Duration // for one cell, after which Jupyter interrupts it
	env         []string      // the environment of jupyter and the kernel
	keep        bool          // keep the work folders, for debugging
}

// errTimeout is the error of a notebook stopped at the time limit.
var errTimeout = errors.New("time limit reached")

// run executes nb in a new folder next to the assignment's folder, so that
// paths relative to the notebook (the workspace cell's ${GONB_DIR}/..) lead
// where they lead from the assignment, and returns the executed notebook.
// A notebook still running at the time limit is stopped with its kernel and
// whatever the kernel started, and the error is errTimeout.
func (r *runner) run(ctx context.Context, nb *notebook.Notebook, assignmentDir, name string) (*notebook.Notebook, error) {
	abs, err := filepath.Abs(assignmentDir)
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp(filepath.Dir(abs), ".grade-")
	if err != nil {
		return nil, fmt.Errorf("making a work folder next to the assignment: %w", err)
	}
	if !r.keep {
		defer os.RemoveAll(work)
	}
	if err := nb.Write(filepath.Join(work, name)); err != nil {
		return nil, err
	}

	cmd := exec.Command(r.jupyter, "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
		"--ExecutePreprocessor.kernel_name="+r.kernel,
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(r.cellTimeout.Seconds()+0.5)),
		"--ExecutePreprocessor.interrupt_on_timeout=True",
		"--output", "executed.ipynb", name)
	cmd.Dir = work
	cmd.Env = r.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	startGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", r.jupyter, err)
	}

	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	select {
	case err = <-done:
	case <-timer.C:
		stopTree(cmd.Process.Pid, done)
		return nil, errTimeout
	case <-ctx.Done():
		stopTree(cmd.Process.Pid, done)
		return nil, ctx.Err()
	}

	if err != nil {
		log := stderr.String()
		if strings.Contains(log, "NoSuchKernel") {
			return nil, fmt.Errorf("%w named %q: %s", notebook.ErrNoKernel, r.kernel, lastLines(log, 2))
		}
		return nil, fmt.Errorf("jupyter nbconvert failed (%v): %s", err, lastLines(log, 3))
	}
	return notebook.Read(filepath.Join(work, "executed.ipynb"))
}

// lastLines returns the last n non-empty lines of a log, on one line.
func lastLines(log string, n int) string {
	var lines []string
	for _, l := range strings.Split(log, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
