package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deeplearning-go/course/cmd/internal/notebook"
	"github.com/deeplearning-go/course/cmd/internal/notebook/notebooktest"
)

func assignedOf(t *testing.T, nb *notebook.Notebook) *assigned {
	return &assigned{name: "a.ipynb", nb: nb, checks: nb.Checks()}
}

func sources(nb *notebook.Notebook) []string {
	var s []string
	for _, c := range nb.Cells {
		s = append(s, c.Source())
	}
	return s
}

func TestRestore(t *testing.T) {
	a := assignedOf(t, notebooktest.Cells(t,
		"import \"x\"",
		"func f() {}",
		"// CHECK: f\n%%\ncheck.F(f)",
		"func g() {}",
		"// CHECK: g\n%%\ncheck.G(g)",
		"func h() {}",
		"// CHECK: h\n%%\ncheck.H(h)",
	))
	sub := notebooktest.Cells(t,
		"import \"x\"",
		"func f() { return }",
		// f's check deleted; g's edited, and copied twice
		"func g() {}",
		"// CHECK: g\n%%\nfmt.Println(\"CHECK g: PASS\")",
		"// CHECK: g\n%%\ncheck.G(g)",
		"func h() {}",
		"// CHECK: h\n%%\ncheck.H(h)",
		"// CHECK: other\n%%\nfmt.Println(1)",
	)
	got, notes := restore(sub, a)
	want := []string{
		"import \"x\"",
		"func f() { return }",
		"func g() {}",
		"// CHECK: f\n%%\ncheck.F(f)", // put back before the next check that is there
		"// CHECK: g\n%%\ncheck.G(g)",
		"func h() {}",
		"// CHECK: h\n%%\ncheck.H(h)",
		"// CHECK: other\n%%\nfmt.Println(1)",
	}
	if g := sources(got); strings.Join(g, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("restored cells:\n%s\nwant:\n%s", strings.Join(g, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	for i, c := range got.Cells {
		var name string
		marked := c.Metadata(checkKey, &name)
		if wantMarked := i == 3 || i == 4 || i == 6; marked != wantMarked {
			t.Errorf("cell %d marked %v (%q), want %v", i+1, marked, name, wantMarked)
		}
	}
	for name, want := range map[string]string{"f": "deleted", "g": "a second copy", "h": ""} {
		if !strings.Contains(notes[name], want) || (want == "" && notes[name] != "") {
			t.Errorf("note on %s: %q, want one saying %q", name, notes[name], want)
		}
	}
	if len(sub.Cells) != 8 || !strings.Contains(sub.Cells[3].Source(), "Println") {
		t.Errorf("restore changed the submission it was given")
	}

	// A deleted last check goes at the end.
	got, _ = restore(notebooktest.Cells(t, "func f() {}", "// CHECK: f\n%%\ncheck.F(f)"), a)
	if s := sources(got); len(s) != 4 || !strings.HasPrefix(s[2], "// CHECK: g") || !strings.HasPrefix(s[3], "// CHECK: h") {
		t.Errorf("deleted checks at the end: %q", s)
	}
}

func TestParseVerdict(t *testing.T) {
	out := "CHECK linear: PASS\n" + // printed by the learner's code, before the check
		"✘ linear: wrong values of Z in case 1 of 2 (W 2×3, A 3×4, b 2×1)\n" +
		"    expected Z (2×4):\n      [1 2]\n    hint: b is missing: add b.\n" +
		"CHECK linear: FAIL\n" +
		"CHECK sigmoid: PASS\n"
	status, detail, ok := parseVerdict(out, "linear")
	if !ok || status != statusFail {
		t.Fatalf("status %q, %v", status, ok)
	}
	if want := "wrong values of Z in case 1 of 2 (W 2×3, A 3×4, b 2×1) — hint: b is missing: add b."; detail != want {
		t.Errorf("detail %q\nwant   %q", detail, want)
	}
	if _, _, ok := parseVerdict("CHECK linearx: PASS\nCHECK linear : PASS\n", "linear"); ok {
		t.Errorf("found a verdict for linear in lines of other checks")
	}
	status, detail, _ = parseVerdict("… relu: not done yet: relu still holds it.\nCHECK relu: NOT DONE\n", "relu")
	if status != statusNotDone || detail != "not done yet: relu still holds it." {
		t.Errorf("not done: %q %q", status, detail)
	}
}

// cellWith builds a code cell with outputs, given as JSON.
func cellWith(t *testing.T, source, outputs string, executed bool, check string) *notebook.Cell {
	t.Helper()
	count := "null"
	if executed {
		count = "1"
	}
	nb, err := notebook.Parse([]byte(`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [` +
		`{"cell_type": "code", "metadata": {}, "execution_count": ` + count +
		`, "source": ` + quote(source) + `, "outputs": ` + outputs + `}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c := nb.Cells[0]
	if check != "" {
		c.SetMetadata(checkKey, check)
	}
	return c
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestVerdicts(t *testing.T) {
	stdout := func(text string) string {
		return `[{"output_type": "stream", "name": "stdout", "text": ` + quote(text) + `}]`
	}
	stderr := func(text string) string {
		return `[{"output_type": "stream", "name": "stderr", "text": ` + quote(text) + `}]`
	}
	compileError := func(msg string) string {
		return `[{"output_type": "display_data", "metadata": {}, "data": {"text/html": ` +
			quote(`<style>.gonb-err-location {}</style><span class="gonb-err-location">./main.go:8:9: </span> `+
				msg+"\n<div class=\"gonb-err-context\">x</div>") + `}},` +
			`{"output_type": "error", "ename": "ERROR", "evalue": "failed to run go build", "traceback": []}]`
	}
	var checks []string
	nb := notebooktest.Cells(t)
	add := func(c *notebook.Cell) { nb.Cells = append(nb.Cells, c) }
	check := func(name, source, outputs string, executed bool) {
		checks = append(checks, "// CHECK: "+name+"\n%%\n"+source)
		add(cellWith(t, "// CHECK: "+name+"\n%%\n"+source, outputs, executed, name))
	}
	check("passes", "check.A(a)", stdout("✔ passes: right.\nCHECK passes: PASS\n"), true)
	add(cellWith(t, "func b() int { return \"x\" }",
		compileError(`cannot use &#34;x&#34; (untyped string constant) as int value`), true, ""))
	check("broken", "check.B(b)", compileError("undefined: b"), true)
	check("loops", "check.C(c)", stderr("signal: interrupt\n"), true)
	check("crashes", "check.D(d)", stderr("panic: boom\n\ngoroutine 1 [running]:\n"), true)
	check("exits", "check.E(e)", `[]`, true)
	check("not run", "check.F(f)", `[]`, false)

	a := assignedOf(t, notebooktest.Cells(t, checks...))
	want := map[string][2]string{
		"passes":  {statusPass, "right."},
		"broken":  {statusCompile, `the check cell: undefined: b; cell 2 before it: cannot use "x" (untyped string constant) as int value`},
		"loops":   {statusTimeout, "interrupted"},
		"crashes": {statusCrashed, "panic: boom"},
		"exits":   {statusNoVerdict, "os.Exit"},
		"not run": {statusError, "did not run"},
	}
	for _, r := range verdicts(nb, a) {
		w := want[r.exercise]
		if r.status != w[0] || !strings.Contains(r.detail, w[1]) {
			t.Errorf("%s: %q %q, want %q with %q", r.exercise, r.status, r.detail, w[0], w[1])
		}
	}
}

func TestFindSubmissions(t *testing.T) {
	dir := t.TempDir()
	write := func(path string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, path)), 0o755)
		os.WriteFile(filepath.Join(dir, path), []byte("{}"), 0o644)
	}
	write("alice/01.ipynb")
	write("alice/02.ipynb")
	write("bob/01.ipynb")
	write("erin/01.IPYNB")
	write("notes.txt")
	write(".hidden/01.ipynb")
	a := &assignment{notebooks: []*assigned{{name: "01.ipynb"}, {name: "02.ipynb"}}}
	subs, ignored, err := findSubmissions(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range subs {
		got = append(got, s.learner+" "+s.nb.name+" "+filepath.Base(s.path))
	}
	want := "alice 01.ipynb 01.ipynb|alice 02.ipynb 02.ipynb|bob 01.ipynb 01.ipynb|bob 02.ipynb .|" +
		"erin 01.ipynb 01.IPYNB|erin 02.ipynb ."
	if strings.Join(got, "|") != want {
		t.Errorf("submissions %q\nwant %q", strings.Join(got, "|"), want)
	}
	if len(ignored) != 1 || filepath.Base(ignored[0]) != "notes.txt" {
		t.Errorf("ignored %q", ignored)
	}

	// With one notebook: learner.ipynb, or a folder with one notebook of any name.
	dir = t.TempDir()
	write("carol.ipynb")
	write("dave/my copy.ipynb")
	subs, _, err = findSubmissions(dir, &assignment{notebooks: []*assigned{{name: "01.ipynb"}}})
	if err != nil || len(subs) != 2 || subs[0].learner != "carol" || filepath.Base(subs[1].path) != "my copy.ipynb" {
		t.Errorf("one-notebook submissions %+v, %v", subs, err)
	}
}

func TestSummary(t *testing.T) {
	a := &assignment{notebooks: []*assigned{{name: "a.ipynb", checks: []notebook.CheckCell{{Name: "x"}, {Name: "y"}}}}}
	results := []result{
		{learner: "zoe", notebook: "a.ipynb", exercise: "x", status: statusPass, detail: "right."},
		{learner: "zoe", notebook: "a.ipynb", exercise: "y", status: statusFail, detail: "wrong — hint: h",
			note: "the check cell had been deleted; the assignment's was run"},
		{learner: "al", notebook: "a.ipynb", exercise: "y", status: statusNotDone},
		{learner: "al", notebook: "a.ipynb", exercise: "x", status: statusCompile, detail: "the check cell: undefined: x"},
	}
	sortResults(a, results)
	var csv, summary bytes.Buffer
	if err := writeCSV(&csv, results); err != nil {
		t.Fatal(err)
	}
	wantCSV := "learner,notebook,exercise,score,result,detail\n" +
		"al,a.ipynb,x,0,does not compile,the check cell: undefined: x\n" +
		"al,a.ipynb,y,0,not done,\n" +
		"zoe,a.ipynb,x,1,pass,right.\n" +
		"zoe,a.ipynb,y,0,fail,wrong — hint: h\n"
	if csv.String() != wantCSV {
		t.Errorf("CSV:\n%s\nwant:\n%s", csv.String(), wantCSV)
	}
	writeSummary(&summary, a, results, []string{"Grades."})
	for _, want := range []string{"learner  score\nal       0/2\nzoe      1/2\n",
		"x                   1/2", "  x                 does not compile: the check cell: undefined: x",
		"  y                 fail: wrong — hint: h\n                    (the check cell had been deleted"} {
		if !strings.Contains(summary.String(), want) {
			t.Errorf("summary does not hold %q:\n%s", want, summary.String())
		}
	}
}
