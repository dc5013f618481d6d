package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/deeplearning-go/course/nn"
)

// progress shows training as Keras does: in a terminal, a bar per epoch
// redrawn after each batch; otherwise one plain line per epoch.
type progress struct {
	out      io.Writer
	terminal bool
	last     time.Time
}

func newProgress(out io.Writer) *progress {
	return &progress{out: out, terminal: isTerminal(out)}
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// barWidth is the number of characters of a full bar.
const barWidth = 30

func (p *progress) batch(s nn.BatchStats) {
	if s.Batch == 1 {
		fmt.Fprintf(p.out, "Epoch %d/%d\n", s.Epoch, s.Epochs)
	}
	if !p.terminal || (time.Since(p.last) < 100*time.Millisecond && s.Batch < s.Batches) {
		return
	}
	p.last = time.Now()

	done := barWidth * s.Batch / s.Batches
	bar := strings.Repeat("=", done)
	if done < barWidth {
		bar += ">" + strings.Repeat(".", barWidth-done-1)
	}
	fmt.Fprintf(p.out, "\r%d/%d [%s] %s - loss: %.4f - accuracy: %.4f ",
		s.Batch, s.Batches, bar, eta(s), s.Loss, s.Accuracy)
}

// eta estimates the time left in the epoch.
func eta(s nn.BatchStats) string {
	if s.Batch == s.Batches {
		return fmt.Sprintf("%4.0fs", s.Elapsed.Seconds())
	}
	left := s.Elapsed * time.Duration(s.Batches-s.Batch) / time.Duration(s.Batch)
	return fmt.Sprintf("ETA %3.0fs", left.Seconds())
}

// interrupt ends a bar left half drawn, so that what follows starts on a
// line of its own.
func (p *progress) interrupt() {
	if p.terminal {
		fmt.Fprintln(p.out)
	}
}

func (p *progress) epoch(s nn.EpochStats) {
	if p.terminal {
		fmt.Fprintln(p.out)
		return
	}
	fmt.Fprintf(p.out, "%.1fs - loss: %.4f - accuracy: %.4f\n",
		s.Duration.Seconds(), s.Loss, s.Accuracy)
}
