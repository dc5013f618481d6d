package plots

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// Progress is a progress bar for training in a notebook, in the form
// Keras' fit prints in a terminal: a line for each finished epoch and a
// bar that fills as the batches of the current one go by, with the time
// left and the loss and accuracy so far,
//
//	Epoch 1/5
//	469/469 [==============================] - 21s 45ms/step - loss: 0.2210 - accuracy: 0.9345
//	Epoch 2/5
//	 37/469 [==>...........................] - ETA: 18s - loss: 0.0850 - accuracy: 0.9740
//
// It redraws one output of the cell in place, as Update does for a chart,
// so a cell can show a Progress and live charts at the same time. The
// output is plain text in a <pre> element, which every notebook viewer
// shows.
//
// Progress takes plain numbers rather than the statistics of a training
// library, so plots depends on none; with nn, a Fit callback is one line:
//
//	bar := plots.NewProgress()
//	opt.OnBatch = func(s nn.BatchStats) {
//		bar.Update(s.Epoch, s.Epochs, s.Batch, s.Batches, s.Loss, s.Accuracy, s.Elapsed)
//	}
//
// The last state of the output is what a saved notebook keeps: the last
// batch of every epoch is always drawn, so a finished training run leaves
// every epoch's line.
type Progress struct {
	// Every is the shortest time between two redraws; the first and last
	// batches of an epoch are drawn whatever the time. NewProgress sets it
	// to a tenth of a second: drawing after each of hundreds of batches a
	// second would slow the notebook down for nothing.
	Every time.Duration

	id       string
	finished []string // "Epoch e/E\n" and the last line of each epoch
	current  string   // the same for the epoch under way, or ""
	epoch    int      // the epoch and batch of current
	batch    int
	drawn    time.Time // when the output was last drawn
}

// NewProgress returns a progress bar with its own output in the running
// notebook cell. The output appears with the first call to Update.
func NewProgress() *Progress {
	return &Progress{Every: 100 * time.Millisecond, id: NewDisplayID()}
}

// barWidth is the number of characters between the brackets of a bar.
const barWidth = 30

// Update records that batch of batches (counted from 1) in epoch of
// epochs (also from 1) is done, after elapsed time since the epoch began,
// with loss and accuracy the values to show for the epoch so far, and
// redraws the output unless it was drawn less than Every ago.
//
// Before the last batch the line shows the time the rest of the epoch
// should take at the same pace (ETA); at the last batch, the epoch's time
// and the time per batch ("step", as Keras says).
//
// Outside a GoNB notebook Update only records the values, which HTML then
// shows, and returns nil. In a notebook it returns GoNB's communication
// error (gonbui.Error) if the output could not be sent.
//
// Update panics if batch is not in 1 … batches or epoch not in 1 … epochs.
// A new epoch may start before the previous one reached its last batch,
// as when training stopped on an error and was started again: the
// unfinished epoch keeps its line as it was last drawn.
func (p *Progress) Update(epoch, epochs, batch, batches int, loss, accuracy float64,
	elapsed time.Duration) error {
	if epoch < 1 || epoch > epochs || batch < 1 || batch > batches {
		panic(fmt.Sprintf("plots: Progress.Update: epoch %d of %d, batch %d of %d, "+
			"want epoch in 1 … epochs and batch in 1 … batches", epoch, epochs, batch, batches))
	}
	if p.current != "" && (epoch != p.epoch || batch < p.batch) {
		p.finished = append(p.finished, p.current)
	}
	p.epoch, p.batch = epoch, batch
	p.current = fmt.Sprintf("Epoch %d/%d\n", epoch, epochs) +
		progressLine(batch, batches, loss, accuracy, elapsed)
	last := batch == batches
	if last {
		p.finished = append(p.finished, p.current)
		p.current = ""
	}

	if !gonbui.IsNotebook {
		return nil
	}
	now := time.Now()
	if !last && batch > 1 && now.Sub(p.drawn) < p.Every {
		return nil
	}
	p.drawn = now
	gonbui.UpdateHTML(p.id, p.HTML())
	return gonbui.Error()
}

// progressLine is the line under "Epoch e/E": the count of batches, the
// bar, the time and the values.
func progressLine(batch, batches int, loss, accuracy float64, elapsed time.Duration) string {
	width := len(fmt.Sprint(batches))
	done := barWidth * batch / batches
	bar := strings.Repeat("=", done)
	if done < barWidth {
		bar += ">" + strings.Repeat(".", barWidth-done-1)
	}

	var timing string
	if batch == batches {
		step := elapsed / time.Duration(batches)
		timing = fmt.Sprintf("%s %dms/step", seconds(elapsed), step.Milliseconds())
	} else {
		left := elapsed * time.Duration(batches-batch) / time.Duration(batch)
		timing = "ETA: " + seconds(left)
	}
	return fmt.Sprintf("%*d/%d [%s] - %s - loss: %.4f - accuracy: %.4f",
		width, batch, batches, bar, timing, loss, accuracy)
}

// seconds writes d to the nearest second, as "42s" or "2m05s".
func seconds(d time.Duration) string {
	s := int(math.Round(d.Seconds()))
	if s < 60 {
		return fmt.Sprintf("%ds", s)
	}
	return fmt.Sprintf("%dm%02ds", s/60, s%60)
}

// Text returns what the progress bar shows, as plain text: two lines per
// epoch, "Epoch e/E" and its bar, the last line without a newline. It is
// "" before the first Update.
func (p *Progress) Text() string {
	lines := p.finished
	if p.current != "" {
		lines = append(lines[:len(lines):len(lines)], p.current)
	}
	return strings.Join(lines, "\n")
}

// HTML returns what Update draws in the notebook: Text in a <pre>
// element. The text holds only digits, letters and the characters of the
// bar, none of which HTML needs escaped.
func (p *Progress) HTML() string {
	return "<pre>" + p.Text() + "</pre>"
}
