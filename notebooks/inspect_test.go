//go:build unix

package notebooks

import (
	"os"
	"strings"
	"testing"
)

// TestInspect checks TestNotebooks' checks on testdata/executed.ipynb, which
// holds the outputs of real GoNB runs: a go get on stderr, PNG and SVG
// charts, in-place HTML updates, a cell that does not compile, a panic, a
// log.Fatal, an os.Exit(3), and a panic in a cell tagged raises-exception.
// It needs no Jupyter.
func TestInspect(t *testing.T) {
	data, err := os.ReadFile("testdata/executed.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb, err := parseNotebook(data)
	if err != nil {
		t.Fatal(err)
	}
	minImages["fixture"] = 4
	t.Cleanup(func() { delete(minImages, "fixture") })

	summary, problems := inspect("fixture", nb)
	t.Log(summary)
	if !strings.Contains(summary, "3 images") {
		t.Errorf("summary %q: want 3 images (2 image/png, 1 SVG in text/html)", summary)
	}
	want := []string{
		"cell 11 (\"%%\") failed: ERROR: failed to run", // does not compile...
		"undefined: undefinedThing",                     // ...and the compiler's message
		"cell 13 (\"%%\") wrote to stderr:\n\tpanic: runtime error: index out of range",
		"\texit status 2",
		"cell 15 (\"%%\") wrote to stderr:\n\t2026/12/04 15:50:21 fatal error here\n\texit status 1",
		"cell 16 (\"%%\") wrote to stderr:\n\texit status 3",
		"fixture shows 3 images",
	}
	all := strings.Join(problems, "\n")
	t.Logf("problems found, as TestNotebooks would report them:\n%s", all)
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("problems do not mention %q; they are:\n%s", w, all)
		}
	}
	if len(problems) != 5 {
		t.Errorf("got %d problems, want 5 (compile error, panic, log.Fatal, os.Exit, images):\n%s", len(problems), all)
	}
	for _, p := range problems {
		if strings.Contains(p, "cell 2 ") || strings.Contains(p, "cell 9 ") || strings.Contains(p, "cell 17 ") {
			t.Errorf("false alarm (go get's output, a plain stderr line, or a raises-exception cell): %s", p)
		}
	}
}

func TestBadStderrLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		bad  int
	}{
		{"go: added github.com/pkg/errors v0.9.1\n", 0},
		{"go: downloading golang.org/x/mod v0.22.0\n", 0},
		{"epoch 1: J = 0.31\n", 0},
		{"errors are plural here\n", 0},
		{"panic: boom\n\ngoroutine 1 [running]:\nexit status 2\n", 2},
		{"fatal error: all goroutines are asleep - deadlock!\n", 1},
		{"2026/01/01 12:00:00 Error: cannot open model.json\n", 1},
		{"exit status 1\n", 1},
		{"the exit status 1 of a story\n", 0},
	} {
		if got := badStderrLines(tc.text); len(got) != tc.bad {
			t.Errorf("badStderrLines(%q) = %q, want %d lines", tc.text, got, tc.bad)
		}
	}
}

func TestTestAccuracy(t *testing.T) {
	for _, tc := range []struct {
		stdout string
		want   float64
		ok     bool
	}{
		{"Epoch 5/5: J = 0.05\nTest accuracy: 0.9812\n", 0.9812, true},
		{"Test accuracy: 0.9500\nTest accuracy: 0.9790\n", 0.9790, true}, // the last one counts
		{"Test accuracy: 97.9%\n", 0.979, true},
		{"  Test accuracy:0.97\n", 0.97, true},
		{"accuracy 0.98\n", 0, false},
	} {
		got, err := testAccuracy(tc.stdout)
		if (err == nil) != tc.ok || (tc.ok && (got < tc.want-1e-9 || got > tc.want+1e-9)) {
			t.Errorf("testAccuracy(%q) = %v, %v; want %v, ok=%v", tc.stdout, got, err, tc.want, tc.ok)
		}
	}
}
