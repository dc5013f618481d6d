package main

import (
	"io"
	"testing"
)

// TestExercisesUpToDate fails when the committed exercises/ no longer match
// what the generator makes from notebooks/: run go run ./cmd/exercises.
func TestExercisesUpToDate(t *testing.T) {
	if err := run(io.Discard, "../../notebooks", "../../exercises", true); err != nil {
		t.Fatal(err)
	}
}
