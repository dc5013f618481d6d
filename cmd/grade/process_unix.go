//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// startGroup makes cmd start in a process group of its own, so that it can
// be stopped with what it starts.
func startGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// stopTree stops the process pid, which startGroup started, and everything
// it started. Jupyter starts the kernel in a session of its own, out of
// pid's group, so the descendants are found through their parents and
// their process groups are stopped as well: the programs GoNB compiles and
// runs stay in the kernel's group. It asks politely first (SIGTERM, which
// lets the kernel remove its temporary files), then kills what is left.
// done receives when pid has exited.
func stopTree(pid int, done <-chan error) {
	groups := map[int]bool{pid: true}
	for _, p := range descendants(pid) {
		if g, err := syscall.Getpgid(p); err == nil && g > 1 {
			groups[g] = true
		}
	}
	signal := func(sig syscall.Signal) {
		for g := range groups {
			syscall.Kill(-g, sig)
		}
	}
	signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(3 * time.Second):
	}
	signal(syscall.SIGKILL)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
}

// descendants returns the processes started by pid, and those they
// started, from /proc or, without it, from ps.
func descendants(pid int) []int {
	children := map[int][]int{}
	for child, parent := range parents() {
		children[parent] = append(children[parent], child)
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// parents maps every process to its parent.
func parents() map[int]int {
	ppid := map[int]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, path := range stats {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		s := string(data)
		end := strings.LastIndexByte(s, ')')
		if end < 0 {
			continue
		}
		fields := strings.Fields(s[end+1:])
		pid, err1 := strconv.Atoi(strings.Fields(s)[0])
		if len(fields) < 2 || err1 != nil {
			continue
		}
		if parent, err := strconv.Atoi(fields[1]); err == nil {
			ppid[pid] = parent
		}
	}
	if len(ppid) > 0 {
		return ppid
	}
	out, err := exec.Command("ps", "-A", "-o", "pid=", "-o", "ppid=").Output()
	if err != nil {
		return ppid
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		pid, err1 := strconv.Atoi(f[0])
		parent, err2 := strconv.Atoi(f[1])
		if err1 == nil && err2 == nil {
			ppid[pid] = parent
		}
	}
	return ppid
}
