//go:build unix

// GoNB, and so this test, runs on Linux and macOS (on Windows, in WSL).

package notebooks

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// course lists the notebooks of the course, in the order a learner reads them.
var course = []string{"01-forward", "02-backprop", "03-mnist"}

// minImages is the least number of charts each notebook must show: outputs
// of an image/* type, or HTML holding an <img> or <svg> (plots.Show and
// gonbui.DisplaySVG send HTML). A chart that a notebook updates in place
// (plots.Update) counts once. These are the counts of the committed
// notebooks: a chart that goes missing fails the test.
var minImages = map[string]int{
	"01-forward":  7, // initialisation, activations, moons, boundary, spreads, BCE, spiral
	"02-backprop": 8,
	"03-mnist":    5, // digits, live loss, live accuracy, confusion matrix, mistakes
}

// minTestAccuracy is the least accuracy on the 10,000 MNIST test images that
// 03-mnist must print, as a line "Test accuracy: 0.9812".
const minTestAccuracy = 0.975

// allowErrorsTag is the cell tag (nbclient's own) that lets a cell fail on
// purpose, to show an error message: its errors and stderr are not checked.
const allowErrorsTag = "raises-exception"

const installHint = "install them with scripts/setup-kernel (it installs GoNB and goimports from go.mod, " +
	"Jupyter from Debian's packages or pip, and registers the gonb kernel)"

func TestNotebooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the notebooks take minutes to run")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(root, "scripts", "run-notebooks")
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("scripts/run-notebooks is missing: %v", err)
	}
	if out, err := exec.Command("bash", script, "--check").CombinedOutput(); err != nil {
		msg := fmt.Sprintf("Jupyter or the gonb kernel is missing (%v):\n%s%s", err, out, installHint)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}

	paths := coursePaths(root)
	if env := os.Getenv("NOTEBOOKS"); env != "" {
		paths = nil
		// Paths are relative to the repository's root; a bare name is a notebook of notebooks/.
		for _, p := range strings.FieldsFunc(env, func(r rune) bool { return r == ',' || r == ' ' }) {
			if !strings.HasSuffix(p, ".ipynb") {
				p = filepath.Join("notebooks", p+".ipynb")
			}
			if !filepath.IsAbs(p) {
				p = filepath.Join(root, p)
			}
			paths = append(paths, p)
		}
	}

	outDir := t.TempDir()
	start := time.Now()
	ran := 0
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".ipynb")
		t.Run(name, func(t *testing.T) {
			ran++
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("notebook %s is missing: there is no %s", name, path)
			}
			executed := runNotebook(t, script, outDir, path)
			if executed != nil {
				checkNotebook(t, name, executed)
			}
		})
	}
	t.Logf("%d notebook(s) in %s", ran, time.Since(start).Round(100*time.Millisecond))
}

// coursePaths returns the paths of the course's notebooks.
func coursePaths(root string) []string {
	var paths []string
	for _, name := range course {
		paths = append(paths, filepath.Join(root, "notebooks", name+".ipynb"))
	}
	return paths
}

// runNotebook runs one notebook with scripts/run-notebooks --out outDir
// --allow-errors, logs how long it took, and returns the executed notebook,
// or nil after reporting why there is none.
func runNotebook(t *testing.T, script, outDir, path string) *notebook {
	t.Helper()
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		// Stop a little before go test's own timeout, to say why.
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-20*time.Second))
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, "bash", script, "--out", outDir, "--allow-errors", path)
	// On a timeout, interrupt the script and nbconvert (their own process group): nbconvert then
	// shuts its kernel down, which runs in a session of its own and would outlive a SIGKILL.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = 15 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out

	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	name := strings.TrimSuffix(filepath.Base(path), ".ipynb")
	t.Logf("%s ran in %s", name, elapsed)
	if ctx.Err() != nil {
		t.Fatalf("%s was stopped after %s, near go test's -timeout: run the notebooks with "+
			"go test ./notebooks/ -run TestNotebooks -v -timeout 60m\n%s", name, elapsed, out.String())
	}
	if err != nil {
		t.Errorf("scripts/run-notebooks failed on %s: %v\n%s", name, err, out.String())
	}
	executed := filepath.Join(outDir, name+".ipynb")
	data, rerr := os.ReadFile(executed)
	if rerr != nil {
		if err == nil {
			t.Errorf("no executed notebook: %v\n%s", rerr, out.String())
		}
		return nil
	}
	nb, perr := parseNotebook(data)
	if perr != nil {
		t.Errorf("executed notebook %s: %v", executed, perr)
		return nil
	}
	return nb
}

// checkNotebook fails t with every problem that inspect finds, and logs
// inspect's summary.
func checkNotebook(t *testing.T, name string, nb *notebook) {
	t.Helper()
	summary, problems := inspect(name, nb)
	t.Log(summary)
	for _, p := range problems {
		t.Error(p)
	}
}

// inspect returns a summary of an executed notebook (images, slowest cells,
// accuracy) and its problems: every cell that failed, fewer charts than
// minImages asks, and (03-mnist) a test accuracy under minTestAccuracy.
func inspect(name string, nb *notebook) (summary string, problems []string) {
	images := 0
	var stdout strings.Builder
	type timing struct {
		cell int
		d    time.Duration
	}
	var timings []timing
	for i0, c := range nb.Cells {
		i := i0 + 1 // cells are counted from 1, markdown cells included
		if c.CellType != "code" {
			continue
		}
		if d, ok := c.duration(); ok {
			timings = append(timings, timing{i, d})
		}
		allowed := slices.Contains(c.Metadata.Tags, allowErrorsTag)
		for j, o := range c.Outputs {
			switch o.OutputType {
			case "error":
				if !allowed {
					problems = append(problems, fmt.Sprintf("cell %d (%s) failed: %s: %s%s",
						i, c.firstLine(), o.Ename, o.Evalue, errorDetail(c.Outputs[:j])))
				}
			case "stream":
				text := o.Text.String()
				if o.Name == "stdout" {
					stdout.WriteString(text)
				} else if o.Name == "stderr" && !allowed {
					if bad := badStderrLines(text); len(bad) > 0 {
						problems = append(problems, fmt.Sprintf("cell %d (%s) wrote to stderr:\n\t%s",
							i, c.firstLine(), strings.Join(bad, "\n\t")))
					}
				}
			case "display_data", "execute_result":
				if o.isImage() {
					images++
				}
			}
		}
	}

	slices.SortStableFunc(timings, func(a, b timing) int { return int(b.d - a.d) })
	var slow []string
	for _, tm := range timings[:min(3, len(timings))] {
		slow = append(slow, fmt.Sprintf("cell %d %s", tm.cell, tm.d))
	}
	summary = fmt.Sprintf("%s: %d cells, %d images; slowest (kernel clock, whole seconds): %s",
		name, len(nb.Cells), images, strings.Join(slow, ", "))

	if want := minImages[name]; images < want {
		problems = append(problems, fmt.Sprintf("%s shows %d images (outputs image/png, image/svg+xml, "+
			"or HTML with <img>/<svg>), want at least %d", name, images, want))
	}
	if name == "03-mnist" {
		acc, err := testAccuracy(stdout.String())
		if err != nil {
			problems = append(problems, "03-mnist: "+err.Error())
		} else {
			summary += fmt.Sprintf("; test accuracy %.4f (want at least %.3f)", acc, minTestAccuracy)
			if acc < minTestAccuracy {
				problems = append(problems, fmt.Sprintf("03-mnist: test accuracy %.4f, want at least %.3f",
					acc, minTestAccuracy))
			}
		}
	}
	return summary, problems
}

var accuracyLine = regexp.MustCompile(`(?m)^\s*Test accuracy:\s*([0-9]*\.?[0-9]+)\s*(%?)`)

// testAccuracy reads the last "Test accuracy: 0.9812" line of stdout (a
// percentage, "97.9%", is read as such).
func testAccuracy(stdout string) (float64, error) {
	m := accuracyLine.FindAllStringSubmatch(stdout, -1)
	if m == nil {
		return 0, errors.New(`printed no line "Test accuracy: 0.9xxx"`)
	}
	last := m[len(m)-1]
	acc, err := strconv.ParseFloat(last[1], 64)
	if err != nil {
		return 0, fmt.Errorf("cannot read %q: %v", last[0], err)
	}
	if last[2] == "%" || acc > 1 {
		acc /= 100
	}
	return acc, nil
}

var (
	// A cell program that panicked, died or exited non-zero: GoNB adds
	// "exit status N" after its output. Runtime failures print "panic: " or
	// "fatal error: " at the start of a line.
	failedProgram = regexp.MustCompile(`^(panic: |fatal error: |exit status \d+\s*$)`)
	// The words error and panic, but not "errors" as in github.com/pkg/errors.
	errorWord = regexp.MustCompile(`(?i)\b(error|panic)\b`)
	// Progress lines of the go command (a notebook's first cell runs go get).
	goProgress = regexp.MustCompile(`^go: (downloading|added|upgraded|downgraded|finding|extracting) `)
)

// badStderrLines returns the lines of a stderr stream that tell of a failure.
func badStderrLines(text string) []string {
	var bad []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if goProgress.MatchString(line) {
			continue
		}
		if failedProgram.MatchString(line) || errorWord.MatchString(line) {
			bad = append(bad, line)
		}
	}
	return bad
}

var (
	styleBlock = regexp.MustCompile(`(?is)<style.*?</style>`)
	htmlTag    = regexp.MustCompile(`(?s)<[^>]*>`)
	blankLines = regexp.MustCompile(`\n\s*\n+`)
)

// errorDetail returns the text of the HTML outputs before an error output:
// GoNB shows a compile error's messages there, and only a summary in the
// error itself.
func errorDetail(before []output) string {
	var b strings.Builder
	for _, o := range before {
		if o.OutputType != "display_data" {
			continue
		}
		s := o.Data.text("text/html")
		if s == "" {
			continue
		}
		s = styleBlock.ReplaceAllString(s, "")
		s = html.UnescapeString(htmlTag.ReplaceAllString(s, ""))
		s = strings.TrimSpace(blankLines.ReplaceAllString(s, "\n"))
		b.WriteString("\n\t" + strings.ReplaceAll(s, "\n", "\n\t"))
	}
	if b.Len() > 2000 {
		return b.String()[:2000] + " …"
	}
	return b.String()
}

// notebook is the part of an .ipynb file (nbformat 4) that the test reads.
type notebook struct {
	Cells []cell `json:"cells"`
}

type cell struct {
	CellType string   `json:"cell_type"`
	Source   multiStr `json:"source"`
	Outputs  []output `json:"outputs"`
	Metadata struct {
		Tags      []string          `json:"tags"`
		Execution map[string]string `json:"execution"`
	} `json:"metadata"`
}

type output struct {
	OutputType string   `json:"output_type"`
	Name       string   `json:"name"` // stream: stdout or stderr
	Text       multiStr `json:"text"`
	Data       mimeData `json:"data"`
	Ename      string   `json:"ename"`
	Evalue     string   `json:"evalue"`
}

// mimeData maps MIME types to their content, each a string or a list of strings.
type mimeData map[string]json.RawMessage

func (d mimeData) text(mime string) string {
	raw, ok := d[mime]
	if !ok {
		return ""
	}
	var s multiStr
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s.String()
}

var imageTag = regexp.MustCompile(`(?i)<(img|svg)\b`)

func (o output) isImage() bool {
	for mime := range o.Data {
		if strings.HasPrefix(mime, "image/") {
			return true
		}
	}
	return imageTag.MatchString(o.Data.text("text/html"))
}

// multiStr is nbformat's multiline string: a string, or a list of strings to join.
type multiStr []string

func (m *multiStr) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiStr{s}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return errors.New("want a string or a list of strings")
	}
	*m = list
	return nil
}

func (m multiStr) String() string { return strings.Join(m, "") }

func (c cell) firstLine() string {
	for _, line := range strings.Split(c.Source.String(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if len(line) > 60 {
				line = line[:60] + "…"
			}
			return strconv.Quote(line)
		}
	}
	return "empty"
}

// duration is how long the kernel took for the cell, from nbclient's
// timestamps (GoNB's clock gives whole seconds).
func (c cell) duration() (time.Duration, bool) {
	a, err1 := time.Parse(time.RFC3339Nano, c.Metadata.Execution["iopub.execute_input"])
	b, err2 := time.Parse(time.RFC3339Nano, c.Metadata.Execution["shell.execute_reply"])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return b.Sub(a), true
}

func parseNotebook(data []byte) (*notebook, error) {
	var nb notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, err
	}
	return &nb, nil
}
