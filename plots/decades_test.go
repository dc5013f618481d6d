package plots

import (
	"testing"

	"gonum.org/v1/plot"
)

func TestDecadeTicks(t *testing.T) {
	// By hand: from 1e-5 to 1e-3 the labelled ticks are the three powers of
	// ten, with 2…9 × 1e-5 and 2…9 × 1e-4 unlabelled in between.
	ticks := decades{}.Ticks(1e-5, 1e-3)
	var labels []string
	for _, tk := range ticks {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	want := []string{"1e-05", "0.0001", "0.001"}
	if len(labels) != len(want) || len(ticks) != 3+2*8 {
		t.Fatalf("%d ticks labelled %q, want 19 labelled %q", len(ticks), labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("label %d is %q, want %q", i, labels[i], want[i])
		}
	}
	if err := ShowRow(0, 0, plot.New(), plot.New()); err != nil {
		t.Errorf("ShowRow outside a notebook: %v", err)
	}
}
