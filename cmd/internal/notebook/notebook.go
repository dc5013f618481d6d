// Package notebook reads and writes Jupyter notebooks (nbformat 4) for the
// course's commands: cmd/exercises makes the learners' copies and cmd/grade
// grades them. It keeps every field it does not use, so a notebook read and
// written back changes only where the commands change it.
//
// It also knows the course's marker lines:
//
//	// BEGIN SOLUTION      starts the learner's part of a function body
//	// END SOLUTION        ends it
//	// CHECK: linear       marks a check cell, and names its exercise
package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Notebook is a Jupyter notebook: its cells, and its other top-level fields
// (metadata, nbformat, nbformat_minor) as they were read.
type Notebook struct {
	Cells []*Cell
	rest  map[string]json.RawMessage
}

// Cell is one cell of a notebook, with its fields as they were read.
type Cell struct {
	fields map[string]json.RawMessage
}

// Read reads the notebook at path.
func Read(path string) (*Notebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	nb, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return nb, nil
}

// Parse reads a notebook from its JSON.
func Parse(data []byte) (*Notebook, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	var cells []map[string]json.RawMessage
	if err := json.Unmarshal(top["cells"], &cells); err != nil || top["cells"] == nil {
		return nil, fmt.Errorf("no list of cells")
	}
	var version int
	if err := json.Unmarshal(top["nbformat"], &version); err != nil || version != 4 {
		return nil, fmt.Errorf("not a version 4 notebook (nbformat %s)", top["nbformat"])
	}
	delete(top, "cells")
	nb := &Notebook{rest: top}
	for i, fields := range cells {
		c := &Cell{fields: fields}
		if c.Type() == "" {
			return nil, fmt.Errorf("cell %d has no cell_type", i+1)
		}
		nb.Cells = append(nb.Cells, c)
	}
	return nb, nil
}

// Marshal returns the notebook's JSON in the layout Jupyter writes: keys in
// order, one space of indentation, non-ASCII characters as they are.
func (nb *Notebook) Marshal() ([]byte, error) {
	top := make(map[string]any, len(nb.rest)+1)
	for k, v := range nb.rest {
		top[k] = v
	}
	cells := make([]map[string]json.RawMessage, len(nb.Cells))
	for i, c := range nb.Cells {
		cells[i] = c.fields
	}
	top["cells"] = cells

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(top); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes the notebook to path.
func (nb *Notebook) Write(path string) error {
	data, err := nb.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// Clone returns a deep copy of the notebook.
func (nb *Notebook) Clone() *Notebook {
	data, err := nb.Marshal()
	if err != nil {
		panic("notebook: Clone: " + err.Error()) // it was read from JSON
	}
	clone, err := Parse(data)
	if err != nil {
		panic("notebook: Clone: " + err.Error())
	}
	return clone
}

// NewCodeCell returns a code cell holding source, without outputs.
func NewCodeCell(source string) *Cell {
	c := &Cell{fields: map[string]json.RawMessage{
		"cell_type":       json.RawMessage(`"code"`),
		"execution_count": json.RawMessage(`null`),
		"metadata":        json.RawMessage(`{}`),
		"outputs":         json.RawMessage(`[]`),
	}}
	c.SetSource(source)
	return c
}

// Clone returns a deep copy of the cell.
func (c *Cell) Clone() *Cell {
	fields := make(map[string]json.RawMessage, len(c.fields))
	for k, v := range c.fields {
		fields[k] = append(json.RawMessage(nil), v...)
	}
	return &Cell{fields: fields}
}

// Type returns the cell's type: "code", "markdown" or "raw".
func (c *Cell) Type() string {
	var s string
	json.Unmarshal(c.fields["cell_type"], &s)
	return s
}

// IsCode reports whether the cell is a code cell.
func (c *Cell) IsCode() bool { return c.Type() == "code" }

// Source returns the cell's text. Jupyter stores it as a string or as a
// list of lines; both read the same.
func (c *Cell) Source() string { return multiline(c.fields["source"]) }

// SetSource sets the cell's text, stored as a list of lines as Jupyter does.
func (c *Cell) SetSource(s string) {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	c.fields["source"] = mustJSON(lines)
}

// ClearOutputs removes a code cell's outputs and execution count.
func (c *Cell) ClearOutputs() {
	if !c.IsCode() {
		return
	}
	c.fields["outputs"] = json.RawMessage(`[]`)
	c.fields["execution_count"] = json.RawMessage(`null`)
}

// Executed reports whether a code cell has an execution count, which
// Jupyter sets when it runs the cell.
func (c *Cell) Executed() bool {
	raw := c.fields["execution_count"]
	return len(raw) > 0 && string(raw) != "null"
}

// Metadata decodes the cell's metadata entry key into v, and reports
// whether there was one.
func (c *Cell) Metadata(key string, v any) bool {
	var meta map[string]json.RawMessage
	if json.Unmarshal(c.fields["metadata"], &meta) != nil || meta[key] == nil {
		return false
	}
	return json.Unmarshal(meta[key], v) == nil
}

// SetMetadata sets the cell's metadata entry key to v.
func (c *Cell) SetMetadata(key string, v any) {
	meta := map[string]json.RawMessage{}
	json.Unmarshal(c.fields["metadata"], &meta)
	meta[key] = mustJSON(v)
	c.fields["metadata"] = mustJSON(meta)
}

// Output is one output of an executed code cell.
type Output struct {
	Type      string // "stream", "display_data", "execute_result" or "error"
	Name      string // for a stream: "stdout" or "stderr"
	Text      string // for a stream
	Data      map[string]string
	EName     string // for an error
	EValue    string
	Traceback []string
}

// Outputs returns the outputs of a code cell.
func (c *Cell) Outputs() []Output {
	var raw []struct {
		OutputType string                     `json:"output_type"`
		Name       string                     `json:"name"`
		Text       json.RawMessage            `json:"text"`
		Data       map[string]json.RawMessage `json:"data"`
		EName      string                     `json:"ename"`
		EValue     string                     `json:"evalue"`
		Traceback  []string                   `json:"traceback"`
	}
	json.Unmarshal(c.fields["outputs"], &raw)
	out := make([]Output, len(raw))
	for i, r := range raw {
		out[i] = Output{Type: r.OutputType, Name: r.Name, Text: multiline(r.Text),
			EName: r.EName, EValue: r.EValue, Traceback: r.Traceback}
		if len(r.Data) > 0 {
			out[i].Data = map[string]string{}
			for mime, v := range r.Data {
				out[i].Data[mime] = multiline(v)
			}
		}
	}
	return out
}

// Stream returns what a code cell printed to the named stream, "stdout" or
// "stderr".
func (c *Cell) Stream(name string) string {
	var b strings.Builder
	for _, o := range c.Outputs() {
		if o.Type == "stream" && o.Name == name {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// multiline decodes a string stored either as a JSON string or as a list of
// strings to join.
func multiline(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var lines []string
	json.Unmarshal(raw, &lines)
	return strings.Join(lines, "")
}

func mustJSON(v any) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("notebook: " + err.Error()) // only strings, maps and slices come here
	}
	return bytes.TrimSpace(b.Bytes())
}

// The marker lines. A marker may be indented, and text after BEGIN SOLUTION
// or END SOLUTION is a comment for the reader.
var (
	beginLine = regexp.MustCompile(`^\s*//\s*BEGIN SOLUTION\b`)
	endLine   = regexp.MustCompile(`^\s*//\s*END SOLUTION\b`)
	checkLine = regexp.MustCompile(`^\s*//\s*CHECK:\s*([A-Za-z0-9_]+)\s*$`)
)

// IsBegin and IsEnd report whether a line of a cell is a BEGIN SOLUTION or
// an END SOLUTION marker.
func IsBegin(line string) bool { return beginLine.MatchString(line) }
func IsEnd(line string) bool   { return endLine.MatchString(line) }

// CheckName returns the exercise name of a check cell, from its line
// "// CHECK: name", or "" when the source has no such line.
func CheckName(source string) string {
	for _, line := range strings.Split(source, "\n") {
		if m := checkLine.FindStringSubmatch(line); m != nil {
			return m[1]
		}
	}
	return ""
}

// Checks returns the code cells of nb that are check cells, with their
// names, in order.
func (nb *Notebook) Checks() []CheckCell {
	var checks []CheckCell
	for i, c := range nb.Cells {
		if !c.IsCode() {
			continue
		}
		if name := CheckName(c.Source()); name != "" {
			checks = append(checks, CheckCell{Name: name, Index: i, Cell: c})
		}
	}
	return checks
}

// CheckCell is a check cell of a notebook: its exercise name and position.
type CheckCell struct {
	Name  string
	Index int
	Cell  *Cell
}
