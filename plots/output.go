package plots

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The default size of a chart, used wherever a width or height of 0 is
// given. At the PNG's 96 dots per inch it is 576×384 pixels.
const (
	Width  = 6 * vg.Inch
	Height = 4 * vg.Inch
)

const (
	dpi     = 96 // dots per inch of PNG, as browsers count CSS pixels
	htmlDPI = 2 * dpi
)

// PNG returns p drawn as a PNG image w wide and h high, at 96 dots per
// inch: 6 inches are 576 pixels. A w or h of 0 stands for Width or Height.
//
// PNG returns an error for a negative or non-finite size, and when drawing
// fails: gonum/plot panics on some data it cannot draw (a log axis over
// values ≤ 0, say), and PNG returns that panic as the error.
func PNG(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	return render(p, w, h, "png", dpi)
}

// SVG returns p drawn as an SVG document w wide and h high, sizes in
// points. A w or h of 0 stands for Width or Height. Fonts are not
// embedded. Errors are as for PNG.
func SVG(p *plot.Plot, w, h vg.Length) ([]byte, error) {
	return render(p, w, h, "svg", dpi)
}

// HTML returns p as an HTML <img> element whose source is the PNG inlined
// as base64 data, for a notebook's output or a page of results. The image
// is w by h in CSS pixels (96 to the inch) and drawn at twice that
// resolution, to stay sharp on high-density screens. Its alt text is the
// plot's title. A w or h of 0 stands for Width or Height. Errors are as
// for PNG.
func HTML(p *plot.Plot, w, h vg.Length) (string, error) {
	w, h, err := size(w, h)
	if err != nil {
		return "", err
	}
	b, err := render(p, w, h, "png", htmlDPI)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`<img src="data:image/png;base64,%s" width="%d" height="%d" alt="%s">`,
		base64.StdEncoding.EncodeToString(b), pixels(w, dpi), pixels(h, dpi),
		html.EscapeString(p.Title.Text)), nil
}

// Save writes p to the file path, w wide and h high, as PNG or SVG as the
// extension says (.png or .svg, in any case). A w or h of 0 stands for
// Width or Height.
//
// The chart is drawn in full before anything is written, then written to
// a temporary file in the same folder, which is renamed to path once it is
// complete: a failure or a crash leaves either the old file or the new
// one, never half of one. The file gets permissions 0644.
//
// Save returns an error for any other extension, and as PNG does.
func Save(p *plot.Plot, path string, w, h vg.Length) error {
	var b []byte
	var err error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		b, err = PNG(p, w, h)
	case ".svg":
		b, err = SVG(p, w, h)
	default:
		return fmt.Errorf("plots: Save %s: unknown extension %q, want .png or .svg", path, ext)
	}
	if err != nil {
		return fmt.Errorf("plots: Save %s: %w", path, err)
	}
	if err := writeFile(path, b); err != nil {
		return fmt.Errorf("plots: Save %s: %w", path, err)
	}
	return nil
}

// writeFile writes b to path through a temporary file in the same folder,
// renamed once written, and removes the temporary file if anything fails.
func writeFile(path string, b []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(b); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// render draws p on a canvas of the given format ("png" or "svg") and
// returns the encoded result, turning a panic while drawing into an error.
func render(p *plot.Plot, w, h vg.Length, format string, dotsPerInch int) (b []byte, err error) {
	if p == nil {
		return nil, fmt.Errorf("plots: no plot to draw (nil)")
	}
	w, h, err = size(w, h)
	if err != nil {
		return nil, err
	}
	var c vg.CanvasWriterTo
	switch format {
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dotsPerInch))}
	case "svg":
		c = vgsvg.New(w, h)
	}

	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("plots: drawing %q failed: %v", p.Title.Text, r)
		}
	}()
	p.Draw(draw.New(c))

	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plots: encoding %s: %w", format, err)
	}
	return buf.Bytes(), nil
}

// size replaces a zero w or h by Width or Height, and rejects a negative
// or non-finite one.
func size(w, h vg.Length) (vg.Length, vg.Length, error) {
	if w == 0 {
		w = Width
	}
	if h == 0 {
		h = Height
	}
	if !(w > 0 && h > 0) || math.IsInf(float64(w), 0) || math.IsInf(float64(h), 0) {
		return 0, 0, fmt.Errorf("plots: size %vpt×%vpt, want positive finite lengths",
			float64(w), float64(h))
	}
	return w, h, nil
}

// pixels returns the number of pixels that l spans at the given dots per
// inch, rounded as gonum/plot's image canvas rounds it.
func pixels(l vg.Length, dotsPerInch int) int {
	return int(float64(l/vg.Inch)*float64(dotsPerInch) + 0.5)
}
