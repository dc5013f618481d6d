package plots

import (
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Show displays p in the output of the running GoNB notebook cell, Width
// by Height, as the <img> element that HTML returns.
//
// Outside a GoNB notebook (gonbui.IsNotebook is false, as in tests and
// commands) Show does nothing, not even draw p, and returns nil. In a
// notebook it returns the error from drawing p, or GoNB's communication
// error (gonbui.Error) if the output could not be sent.
func Show(p *plot.Plot) error {
	return ShowSize(p, Width, Height)
}

// ShowSize is Show for a chart w wide and h high; a w or h of 0 stands for
// Width or Height. A grid of digits, say, reads better taller.
func ShowSize(p *plot.Plot, w, h vg.Length) error {
	if !gonbui.IsNotebook {
		return nil
	}
	s, err := HTML(p, w, h)
	if err != nil {
		return err
	}
	gonbui.DisplayHTML(s)

	// Wait until GoNB has the output: a cell's program that ends right
	// after a display can otherwise lose it.
	gonbui.Sync()
	return gonbui.Error()
}

// ShowRow displays several charts side by side in one output, each w wide
// and h high (0 stands for Width or Height): an activation beside its
// derivative, say. Outside a GoNB notebook it does nothing and returns nil.
func ShowRow(w, h vg.Length, ps ...*plot.Plot) error {
	if !gonbui.IsNotebook {
		return nil
	}
	var row strings.Builder
	row.WriteString(`<div style="display:flex;flex-wrap:wrap;gap:8px">`)
	for _, p := range ps {
		s, err := HTML(p, w, h)
		if err != nil {
			return err
		}
		row.WriteString(s)
	}
	row.WriteString("</div>")
	gonbui.DisplayHTML(row.String())
	gonbui.Sync()
	return gonbui.Error()
}

// Update displays p, Width by Height, in the notebook output identified by
// id, replacing what Update last put there: a chart that grows while a
// network trains. The first call with an id creates the output. Take the
// id from NewDisplayID once, before the loop:
//
//	id := plots.NewDisplayID()
//	for epoch := range epochs {
//		// ... train, append to losses ...
//		plots.Update(id, plots.Lines("training", "epoch", "J", plots.Series{Y: losses}))
//	}
//
// GoNB treats such outputs as transient: they live while the kernel runs,
// and a notebook saved afterwards may not keep them. Call Show once at the
// end for a chart that stays.
//
// Outside a GoNB notebook Update does nothing and returns nil, as Show.
func Update(id string, p *plot.Plot) error {
	if !gonbui.IsNotebook {
		return nil
	}
	s, err := HTML(p, Width, Height)
	if err != nil {
		return err
	}
	gonbui.UpdateHTML(id, s)
	gonbui.Sync()
	return gonbui.Error()
}

// NewDisplayID returns a new unique id for Update, so that a notebook
// cell need not import gonbui itself.
func NewDisplayID() string {
	return gonbui.UniqueId()
}
