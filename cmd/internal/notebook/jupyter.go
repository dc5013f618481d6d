package notebook

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoKernel is the error of a Jupyter that lacks a kernel.
var ErrNoKernel = errors.New("no such kernel")

// KernelInstalled reports an error unless Jupyter has a kernel spec named
// kernel, looking in the data folders `jupyter --paths --json` lists.
func KernelInstalled(jupyter, kernel string, env []string) error {
	cmd := exec.Command(jupyter, "--paths", "--json")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("running %s --paths: %v", jupyter, err)
	}
	var paths struct {
		Data []string `json:"data"`
	}
	if err := json.Unmarshal(out, &paths); err != nil {
		return fmt.Errorf("reading %s --paths: %v", jupyter, err)
	}
	for _, dir := range paths.Data {
		if _, err := os.Stat(filepath.Join(dir, "kernels", kernel, "kernel.json")); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%w named %q in %s", ErrNoKernel, kernel, strings.Join(paths.Data, ", "))
}

// Environment returns the environment for Jupyter and the kernel: this
// process's, with the folder `go install` writes to added to PATH when
// goimports, which GoNB needs, is not on it already.
func Environment() ([]string, error) {
	env := os.Environ()
	if _, err := exec.LookPath("goimports"); err == nil {
		return env, nil
	}
	out, err := exec.Command("go", "env", "GOBIN", "GOPATH").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	lines := strings.Split(string(out), "\n") // GOBIN, then GOPATH; GOBIN is often empty
	bin := strings.TrimSpace(lines[0])
	if bin == "" && len(lines) > 1 {
		gopath := strings.TrimSpace(lines[1])
		bin = filepath.Join(strings.Split(gopath, string(os.PathListSeparator))[0], "bin")
	}
	if _, err := os.Stat(filepath.Join(bin, "goimports")); err != nil {
		return nil, fmt.Errorf("goimports, which GoNB needs, is neither on PATH nor in %s: "+
			"run scripts/setup-kernel (or go install tool)", bin)
	}
	for i, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			env[i] = "PATH=" + bin + string(os.PathListSeparator) + kv[len("PATH="):]
			return env, nil
		}
	}
	return append(env, "PATH="+bin), nil
}
