package plots

import (
	"strings"
	"testing"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// outsideNotebook makes gonbui.IsNotebook false for the test, so that
// Update records its values without sending anything.
func outsideNotebook(t *testing.T) {
	was := gonbui.IsNotebook
	gonbui.IsNotebook = false
	t.Cleanup(func() { gonbui.IsNotebook = was })
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		batch, batches int
		loss, accuracy float64
		elapsed        time.Duration
		want           string
	}{
		{1, 469, 2.3456, 0.09375, 50 * time.Millisecond,
			"  1/469 [>.............................] - ETA: 23s - loss: 2.3456 - accuracy: 0.0938"},
		{37, 469, 0.08504, 0.974, 1850 * time.Millisecond,
			" 37/469 [==>...........................] - ETA: 22s - loss: 0.0850 - accuracy: 0.9740"},
		{468, 469, 0.1, 0.97, 21 * time.Second,
			"468/469 [=============================>] - ETA: 0s - loss: 0.1000 - accuracy: 0.9700"},
		{469, 469, 0.22104, 0.93451, 21100 * time.Millisecond,
			"469/469 [==============================] - 21s 44ms/step - loss: 0.2210 - accuracy: 0.9345"},
		{1, 1, 0.5, 1, 125 * time.Second,
			"1/1 [==============================] - 2m05s 125000ms/step - loss: 0.5000 - accuracy: 1.0000"},
		{5, 10, 0.5, 0.5, 90 * time.Second,
			" 5/10 [===============>..............] - ETA: 1m30s - loss: 0.5000 - accuracy: 0.5000"},
	}
	for _, tt := range tests {
		got := progressLine(tt.batch, tt.batches, tt.loss, tt.accuracy, tt.elapsed)
		if got != tt.want {
			t.Errorf("batch %d of %d:\ngot  %q\nwant %q", tt.batch, tt.batches, got, tt.want)
		}
	}
}

func TestProgressEpochs(t *testing.T) {
	outsideNotebook(t)
	p := NewProgress()
	if got := p.Text(); got != "" {
		t.Errorf("Text before any Update = %q, want \"\"", got)
	}
	if err := p.Update(1, 2, 1, 3, 2.3, 0.1, time.Second); err != nil {
		t.Fatalf("Update outside a notebook = %v, want nil", err)
	}
	p.Update(1, 2, 2, 3, 1.0, 0.5, 2*time.Second)
	want := "Epoch 1/2\n2/3 [====================>.........] - ETA: 1s - loss: 1.0000 - accuracy: 0.5000"
	if got := p.Text(); got != want {
		t.Errorf("Text during epoch 1:\ngot  %q\nwant %q", got, want)
	}

	// The last batch finishes the epoch's line; the next epoch adds its own.
	p.Update(1, 2, 3, 3, 0.5, 0.75, 3*time.Second)
	p.Update(2, 2, 1, 3, 0.25, 0.875, time.Second)
	want = "Epoch 1/2\n" +
		"3/3 [==============================] - 3s 1000ms/step - loss: 0.5000 - accuracy: 0.7500\n" +
		"Epoch 2/2\n" +
		"1/3 [==========>...................] - ETA: 2s - loss: 0.2500 - accuracy: 0.8750"
	if got := p.Text(); got != want {
		t.Errorf("Text during epoch 2:\ngot  %q\nwant %q", got, want)
	}
	if got := p.HTML(); got != "<pre>"+want+"</pre>" {
		t.Errorf("HTML = %q, want the text in a <pre> element", got)
	}

	// Text must not change what later Updates build on.
	p.Update(2, 2, 3, 3, 0.125, 0.9375, 3*time.Second)
	if got := strings.Count(p.Text(), "\n"); got != 3 {
		t.Errorf("after 2 finished epochs Text has %d newlines, want 3:\n%s", got, p.Text())
	}
}

// TestProgressRestart follows training that stopped in the middle of an
// epoch and started again: the unfinished line stays as it was.
func TestProgressRestart(t *testing.T) {
	outsideNotebook(t)
	p := NewProgress()
	p.Update(1, 5, 1, 4, 2.0, 0.25, time.Second)
	p.Update(1, 5, 2, 4, 1.0, 0.5, 2*time.Second)
	p.Update(1, 3, 1, 4, 0.5, 0.75, time.Second)
	want := "Epoch 1/5\n2/4 [===============>..............] - ETA: 2s - loss: 1.0000 - accuracy: 0.5000\n" +
		"Epoch 1/3\n1/4 [=======>......................] - ETA: 3s - loss: 0.5000 - accuracy: 0.7500"
	if got := p.Text(); got != want {
		t.Errorf("Text after a restart:\ngot  %q\nwant %q", got, want)
	}
}

func TestProgressPanics(t *testing.T) {
	outsideNotebook(t)
	tests := []struct{ epoch, epochs, batch, batches int }{
		{1, 5, 0, 469},
		{1, 5, 470, 469},
		{0, 5, 1, 469},
		{6, 5, 1, 469},
		{1, 1, 1, 0},
	}
	for _, tt := range tests {
		msg := catch(func() {
			NewProgress().Update(tt.epoch, tt.epochs, tt.batch, tt.batches, 0, 0, 0)
		})
		want := "plots: Progress.Update: epoch " + itoa(tt.epoch) + " of " + itoa(tt.epochs) +
			", batch " + itoa(tt.batch) + " of " + itoa(tt.batches)
		if !strings.HasPrefix(msg, want) {
			t.Errorf("Update(%v): panic %q, want one starting %q", tt, msg, want)
		}
	}
}
