package main

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
)

// The results of an exercise. Only pass scores 1.
const (
	statusPass      = "pass"
	statusFail      = "fail"
	statusNotDone   = "not done"
	statusCompile   = "does not compile"
	statusTimeout   = "timeout"
	statusCrashed   = "crashed"
	statusNoVerdict = "no verdict"
	statusMissing   = "missing"
	statusInvalid   = "not a notebook"
	statusError     = "error"
)

// result is the grade of one exercise of one learner.
type result struct {
	learner, notebook, exercise string
	status                      string
	detail                      string // one line: what the check said, or what went wrong
	note                        string // what the grader repaired in the submission
}

func (r result) score() int {
	if r.status == statusPass {
		return 1
	}
	return 0
}

// verdictLine is the machine-readable line each check prints last.
var verdictLine = regexp.MustCompile(`^CHECK ([A-Za-z0-9_]+): (PASS|FAIL|NOT DONE)\s*$`)

// parseVerdict finds the verdict of the check name in what its cell
// printed: the last verdict line for that name, with the title line and
// the hint the check printed before it.
func parseVerdict(out, name string) (status, detail string, ok bool) {
	lines := strings.Split(out, "\n")
	at := -1
	for i, line := range lines {
		if m := verdictLine.FindStringSubmatch(line); m != nil && m[1] == name {
			at, status = i, m[2]
		}
	}
	if at < 0 {
		return "", "", false
	}
	var title, hint string
	for i := at - 1; i >= 0; i-- {
		line := lines[i]
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "hint: ") && hint == "" {
			hint = strings.TrimPrefix(t, "hint: ")
		}
		if _, rest, found := strings.Cut(line, " "+name+": "); found && !strings.HasPrefix(line, " ") {
			title = rest
			break
		}
		if verdictLine.MatchString(line) {
			break
		}
	}
	detail = title
	if hint != "" {
		detail += " — hint: " + hint
	}
	switch status {
	case "PASS":
		return statusPass, detail, true
	case "NOT DONE":
		return statusNotDone, detail, true
	}
	return statusFail, detail, true
}

// errorLocation matches the errors GoNB shows in HTML: a location such as
// "./main.go:8:9: " in a span, then the message.
var errorLocation = regexp.MustCompile(`gonb-err-location">[^<]*</span>\s*([^<\n]+)`)

// cellError returns the error a code cell ended with (a compile error, as
// GoNB reports it), or "" when it has none.
func cellError(c *notebook.Cell) string {
	var messages []string
	failed := false
	for _, o := range c.Outputs() {
		if o.Type == "error" {
			failed = true
			if len(messages) == 0 {
				messages = append(messages, strings.TrimSpace(o.EName+": "+o.EValue))
			}
		}
	}
	if !failed {
		return ""
	}
	var found []string
	for _, o := range c.Outputs() {
		for _, m := range errorLocation.FindAllStringSubmatch(o.Data["text/html"], -1) {
			found = append(found, strings.TrimSpace(html.UnescapeString(m[1])))
		}
	}
	if len(found) > 0 {
		messages = found
	}
	if len(messages) > 3 {
		messages = append(messages[:3], "…")
	}
	return strings.Join(messages, "; ")
}

// panicLine returns the "panic: …" line of what a cell printed to
// standard error, or "".
func panicLine(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// verdicts reads the result of each check of a from the executed notebook.
func verdicts(executed *notebook.Notebook, a *assigned) []result {
	at := map[string]int{}
	for i, c := range executed.Cells {
		var name string
		if c.Metadata(checkKey, &name) {
			at[name] = i
		}
	}
	var results []result
	for _, chk := range a.checks {
		r := result{notebook: a.name, exercise: chk.Name}
		i, ok := at[chk.Name]
		if !ok {
			r.status, r.detail = statusError, "the check cell is missing from the executed notebook"
			results = append(results, r)
			continue
		}
		c := executed.Cells[i]
		stderr := c.Stream("stderr")
		if status, detail, ok := parseVerdict(c.Stream("stdout"), chk.Name); ok {
			r.status, r.detail = status, detail
		} else if msg := cellError(c); msg != "" {
			r.status, r.detail = statusCompile, "the check cell: "+msg
			if j, earlier := lastFailedCell(executed, i); earlier != "" {
				r.detail += fmt.Sprintf("; cell %d before it: %s", j+1, earlier)
			}
		} else if !c.Executed() && len(c.Outputs()) == 0 {
			r.status, r.detail = statusError, "the check cell did not run"
		} else if strings.Contains(stderr, "signal: interrupt") {
			r.status, r.detail = statusTimeout, "the check cell ran past the time limit of a cell and was interrupted"
		} else if p := panicLine(stderr); p != "" {
			r.status, r.detail = statusCrashed, "the check cell crashed: "+p
		} else {
			r.status, r.detail = statusNoVerdict, "the check cell printed no verdict: did the code "+
				"stop the program (os.Exit, log.Fatal)?"
		}
		results = append(results, r)
	}
	return results
}

// lastFailedCell returns the last code cell before cell i, other than a
// check cell, that ended with an error, and that error.
func lastFailedCell(nb *notebook.Notebook, i int) (int, string) {
	for j := i - 1; j >= 0; j-- {
		c := nb.Cells[j]
		var name string
		if !c.IsCode() || c.Metadata(checkKey, &name) {
			continue
		}
		if msg := cellError(c); msg != "" {
			return j, msg
		}
	}
	return -1, ""
}

// writeCSV writes one row per learner and exercise.
func writeCSV(w io.Writer, results []result) error {
	out := csv.NewWriter(w)
	out.Write([]string{"learner", "notebook", "exercise", "score", "result", "detail"})
	for _, r := range results {
		out.Write([]string{r.learner, r.notebook, r.exercise, fmt.Sprint(r.score()), r.status, r.detail})
	}
	out.Flush()
	return out.Error()
}

// writeSummary writes the readable summary: the scores of the learners, how
// many passed each exercise, then each learner's results.
func writeSummary(w io.Writer, a *assignment, results []result, header []string) {
	for _, h := range header {
		fmt.Fprintln(w, h)
	}

	var learners []string
	score, total := map[string]int{}, map[string]int{}
	for _, r := range results {
		if _, ok := total[r.learner]; !ok {
			learners = append(learners, r.learner)
		}
		score[r.learner] += r.score()
		total[r.learner]++
	}
	width := len("learner")
	for _, l := range learners {
		width = max(width, len(l))
	}
	fmt.Fprintf(w, "\n%-*s  score\n", width, "learner")
	for _, l := range learners {
		fmt.Fprintf(w, "%-*s  %d/%d\n", width, l, score[l], total[l])
	}

	nameWidth := len("exercise")
	for _, nb := range a.notebooks {
		for _, chk := range nb.checks {
			nameWidth = max(nameWidth, len(exerciseName(a, nb.name, chk.Name)))
		}
	}
	nameWidth = max(nameWidth, len("all 99 exercises"))
	fmt.Fprintf(w, "\n%-*s  passed\n", nameWidth+2, "exercise")
	for _, nb := range a.notebooks {
		for _, chk := range nb.checks {
			passed, of := 0, 0
			for _, r := range results {
				if r.notebook == nb.name && r.exercise == chk.Name {
					passed += r.score()
					of++
				}
			}
			fmt.Fprintf(w, "%-*s  %d/%d\n", nameWidth+2, exerciseName(a, nb.name, chk.Name), passed, of)
		}
	}

	for _, l := range learners {
		fmt.Fprintf(w, "\n%s: %d/%d\n", l, score[l], total[l])
		for _, nb := range a.notebooks {
			var mine []result
			for _, r := range results {
				if r.learner == l && r.notebook == nb.name {
					mine = append(mine, r)
				}
			}
			if same(mine) {
				name := fmt.Sprintf("all %d exercises", len(mine))
				if len(a.notebooks) > 1 {
					name = fmt.Sprintf("%s, all %d", strings.TrimSuffix(nb.name, ".ipynb"), len(mine))
				}
				fmt.Fprintf(w, "  %-*s  %s: %s\n", nameWidth, name, mine[0].status, mine[0].detail)
				continue
			}
			for _, r := range mine {
				line := fmt.Sprintf("  %-*s  %s", nameWidth, exerciseName(a, r.notebook, r.exercise), r.status)
				if r.status != statusPass && r.status != statusNotDone && r.detail != "" {
					line += ": " + r.detail
				}
				fmt.Fprintln(w, line)
				if r.note != "" {
					fmt.Fprintf(w, "  %-*s  (%s)\n", nameWidth, "", r.note)
				}
			}
		}
	}
}

// same reports whether several results failed alike, for a reason that
// concerns the whole notebook: a timeout, a file that is not a notebook.
func same(results []result) bool {
	if len(results) < 2 || results[0].status == statusPass || results[0].detail == "" {
		return false
	}
	for _, r := range results[1:] {
		if r.status != results[0].status || r.detail != results[0].detail || r.note != "" {
			return false
		}
	}
	return results[0].note == ""
}

// exerciseName names an exercise in the summary, with its notebook when the
// assignment has several.
func exerciseName(a *assignment, nb, exercise string) string {
	if len(a.notebooks) == 1 {
		return exercise
	}
	return strings.TrimSuffix(nb, ".ipynb") + "/" + exercise
}

// sortResults orders results by learner, then as the assignment orders its
// notebooks and checks.
func sortResults(a *assignment, results []result) {
	rank := map[string]int{}
	k := 0
	for _, nb := range a.notebooks {
		for _, chk := range nb.checks {
			rank[nb.name+"\x00"+chk.Name] = k
			k++
		}
	}
	sort.SliceStable(results, func(i, j int) bool {
		if results[i].learner != results[j].learner {
			return results[i].learner < results[j].learner
		}
		return rank[results[i].notebook+"\x00"+results[i].exercise] <
			rank[results[j].notebook+"\x00"+results[j].exercise]
	})
}
