// Package notebooktest helps the tests that execute notebooks headless:
// they need Jupyter with nbconvert, the GoNB kernel and goimports, and take
// tens of seconds each.
package notebooktest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

// Require returns the path of jupyter and the environment to run it in
// when the tools to execute notebooks are installed. Otherwise it skips
// the test, or fails it when the environment variable CI is set (to
// anything but "" or "false"): there, the notebooks must run. -short skips
// too, CI or not.
//
// The environment holds GOBIN on PATH (for goimports) and COURSE_ROOT, the
// course's module folder, which the test notebooks' workspace cell uses.
func Require(t testing.TB) (jupyter string, env []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("executing notebooks takes a while; not with -short")
	}
	missing := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...) + " (install with scripts/setup-kernel)"
		if ci := os.Getenv("CI"); ci != "" && ci != "false" {
			t.Fatal("CI: " + msg)
		}
		t.Skip(msg)
	}
	jupyter, err := exec.LookPath("jupyter")
	if err != nil {
		missing("jupyter is not on PATH")
	}
	if err := exec.Command(jupyter, "nbconvert", "--version").Run(); err != nil {
		missing("jupyter nbconvert does not run: %v", err)
	}
	env, err = notebook.Environment()
	if err != nil {
		missing("%v", err)
	}
	if err := notebook.KernelInstalled(jupyter, "gonb", env); err != nil {
		missing("%v", err)
	}
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return jupyter, append(env, "COURSE_ROOT="+root)
}

// ModuleRoot returns the folder of the course's go.mod, above the current
// folder.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the current folder")
		}
		dir = parent
	}
}

// Execute runs the notebook at path headless with the GoNB kernel and
// returns the executed notebook. Cells that fail do not stop the run.
func Execute(t testing.TB, jupyter string, env []string, path string, timeout time.Duration) *notebook.Notebook {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	dir, name := filepath.Split(path)
	out := strings.TrimSuffix(name, ".ipynb") + ".executed.ipynb"
	cmd := exec.CommandContext(ctx, jupyter, "nbconvert", "--to", "notebook", "--execute",
		"--allow-errors", "--ExecutePreprocessor.kernel_name=gonb",
		fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(timeout.Seconds())),
		"--output", out, name)
	cmd.Dir = dir
	cmd.Env = env
	start := time.Now()
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jupyter nbconvert %s: %v\n%s", path, err, tail(string(log), 20))
	}
	t.Logf("executed %s in %.1fs", name, time.Since(start).Seconds())
	nb, err := notebook.Read(filepath.Join(dir, out))
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

// tail returns the last n lines of a log.
func tail(log string, n int) string {
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

var verdictLine = regexp.MustCompile(`^CHECK ([A-Za-z0-9_]+): (PASS|FAIL|NOT DONE)\s*$`)

// Verdicts returns, by check name, the verdict line and the whole output of
// every check the executed notebook printed.
func Verdicts(nb *notebook.Notebook) (verdict, output map[string]string) {
	verdict, output = map[string]string{}, map[string]string{}
	for _, c := range nb.Cells {
		if !c.IsCode() {
			continue
		}
		out := c.Stream("stdout")
		sc := bufio.NewScanner(strings.NewReader(out))
		for sc.Scan() {
			if m := verdictLine.FindStringSubmatch(sc.Text()); m != nil {
				verdict[m[1]] = m[2]
				output[m[1]] = out
			}
		}
	}
	return verdict, output
}

// Cells builds a notebook of code cells with the given sources.
func Cells(t testing.TB, sources ...string) *notebook.Notebook {
	t.Helper()
	nb, err := notebook.Parse([]byte(`{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sources {
		nb.Cells = append(nb.Cells, notebook.NewCodeCell(s))
	}
	return nb
}
