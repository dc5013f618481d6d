package notebook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A notebook as Jupyter writes it comes back byte for byte.
func TestRoundTrip(t *testing.T) {
	for _, path := range []string{"../../exercises/testdata/course.ipynb",
		"../../exercises/testdata/exercises/course.ipynb"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		nb, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		out, err := nb.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s changed when read and written back", path)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for data, want := range map[string]string{
		`{"cells": [`:                                "invalid JSON",
		`{"nbformat": 4}`:                            "no list of cells",
		`{"cells": [], "nbformat": 3}`:               "not a version 4 notebook",
		`{"cells": [{"source": ""}], "nbformat": 4}`: "cell 1 has no cell_type",
	} {
		if _, err := Parse([]byte(data)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%s): %v, want an error with %q", data, err, want)
		}
	}
}

func TestCells(t *testing.T) {
	c := NewCodeCell("a\nb\n")
	if c.Source() != "a\nb\n" || !c.IsCode() || c.Executed() {
		t.Errorf("new cell: %q %v %v", c.Source(), c.IsCode(), c.Executed())
	}
	if got := string(c.fields["source"]); got != `["a\n","b\n"]` {
		t.Errorf("source stored as %s, want a list of lines", got)
	}
	c.SetMetadata("course_check", "linear")
	var name string
	if !c.Metadata("course_check", &name) || name != "linear" || c.Metadata("other", &name) {
		t.Errorf("metadata: %q", name)
	}
	clone := c.Clone()
	clone.SetSource("changed")
	if c.Source() != "a\nb\n" {
		t.Errorf("changing a clone changed the cell")
	}
}

func TestCheckName(t *testing.T) {
	for source, want := range map[string]string{
		"// CHECK: linear\n%%\ncheck.Linear(f)":    "linear",
		"%%\n  //CHECK:relu_backward  \ncheck.X()": "relu_backward",
		"%%\ncheck.Linear(f) // CHECK: linear":     "",
		"// CHECK: two words":                      "",
		"// check: linear":                         "",
	} {
		if got := CheckName(source); got != want {
			t.Errorf("CheckName(%q) = %q, want %q", source, got, want)
		}
	}
}

func TestGoCode(t *testing.T) {
	source := "!go get x \\\n  y\n%goworkfix\npackage main\nimport \"fmt\"\n%%\nfmt.Println(1)"
	want := "package main\n\n\n\n\nimport \"fmt\"\nfunc main() {\nfmt.Println(1)\n}\n"
	got, ok := GoCode(source)
	if !ok || got != want {
		t.Errorf("GoCode:\n%q\nwant\n%q", got, want)
	}
	if CodeLine(4) != 6 || strings.Split(got, "\n")[CodeLine(4)-1] != "import \"fmt\"" {
		t.Errorf("line 5 of the cell is not at CodeLine(4) = %d", CodeLine(4))
	}
	if _, ok := GoCode("%%writefile x.txt\nhello"); ok {
		t.Errorf("a %%%%writefile cell taken for Go")
	}
}

func TestRegions(t *testing.T) {
	source := "func f() int {\n\t// BEGIN SOLUTION\n\treturn 1\n\t// END SOLUTION\n}\n\n" +
		"func g() {\n    // BEGIN SOLUTION (any words)\n    // END SOLUTION\n}"
	regions, err := Regions(source)
	if err != nil || len(regions) != 2 {
		t.Fatalf("%d regions, %v", len(regions), err)
	}
	if r := regions[0]; r.Begin != 1 || r.End != 3 || r.Indent != "\t" || r.Body != "\treturn 1\n" {
		t.Errorf("first region %+v", r)
	}
	if r := regions[1]; r.Indent != "    " || r.Body != "" {
		t.Errorf("second region %+v", r)
	}
	names, err := Functions(source, regions)
	if err != nil || strings.Join(names, " ") != "f g" {
		t.Errorf("functions %q, %v", names, err)
	}
	replaced, err := ReplaceRegions(source, func(i int, r Region) string {
		return r.Indent + "X\n"
	})
	want := "func f() int {\n\t// BEGIN SOLUTION\n\tX\n\t// END SOLUTION\n}\n\n" +
		"func g() {\n    // BEGIN SOLUTION (any words)\n    X\n    // END SOLUTION\n}"
	if err != nil || replaced != want {
		t.Errorf("ReplaceRegions:\n%s\nwant:\n%s", replaced, want)
	}
}

// Environment puts the folder of goimports on PATH when PATH lacks it.
func TestEnvironment(t *testing.T) {
	gobin, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(strings.TrimSpace(string(gobin)), "bin")
	if _, err := os.Stat(filepath.Join(bin, "goimports")); err != nil {
		t.Skip("goimports is not installed in GOPATH/bin")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	t.Setenv("GOBIN", "")
	t.Setenv("PATH", filepath.Dir(goCmd))
	env, err := Environment()
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "PATH="+bin+string(os.PathListSeparator)) {
			t.Errorf("%s, want %s first", kv, bin)
		}
	}
}
