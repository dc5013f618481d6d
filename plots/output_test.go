package plots

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/janpfeifer/gonb/gonbui"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func lossChart() *plot.Plot {
	return Lines("loss", "epoch", "J", Series{Name: "adam", Y: []float64{2.3, 0.4, 0.2}})
}

// files returns the names of the files in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSave(t *testing.T) {
	dir := t.TempDir()

	// PNG, then SVG with the extension in capitals.
	pngPath := filepath.Join(dir, "loss.png")
	if err := Save(lossChart(), pngPath, 3*vg.Inch, 2*vg.Inch); err != nil {
		t.Fatalf("Save %s: %v", pngPath, err)
	}
	b, err := os.ReadFile(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 288 || cfg.Height != 192 {
		t.Errorf("saved PNG: %d×%d pixels (err %v), want 288×192", cfg.Width, cfg.Height, err)
	}
	if fi, err := os.Stat(pngPath); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("saved PNG: mode %v (err %v), want 0644", fi.Mode().Perm(), err)
	}
	svgPath := filepath.Join(dir, "loss.SVG")
	if err := Save(lossChart(), svgPath, 0, 0); err != nil {
		t.Fatalf("Save %s: %v", svgPath, err)
	}
	if b, _ := os.ReadFile(svgPath); !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte(">loss<")) {
		t.Errorf("saved SVG lacks <svg or its title:\n%.200s", b)
	}

	// Saving again replaces the file.
	if err := Save(Lines("second", "", ""), svgPath, 0, 0); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(svgPath); !bytes.Contains(b, []byte(">second<")) {
		t.Errorf("second Save did not replace %s", svgPath)
	}

	// Nothing else is left behind.
	if got, want := files(t, dir), []string{"loss.SVG", "loss.png"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

func TestSaveErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path string
		w          vg.Length
		want       string
	}{
		{"pdf", filepath.Join(dir, "loss.pdf"), 0, `unknown extension ".pdf", want .png or .svg`},
		{"no extension", filepath.Join(dir, "loss"), 0, `unknown extension "", want .png or .svg`},
		{"negative size", filepath.Join(dir, "loss.png"), -1, "want positive finite lengths"},
		{"missing folder", filepath.Join(dir, "missing", "loss.png"), 0, ""},
	}
	for _, tt := range tests {
		err := Save(lossChart(), tt.path, tt.w, 0)
		if err == nil {
			t.Errorf("%s: Save(%q) = nil, want an error", tt.name, tt.path)
			continue
		}
		if !strings.HasPrefix(err.Error(), "plots: Save "+tt.path+": ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Save error %q, want it to name the path and say %q", tt.name, err, tt.want)
		}
		if tt.want == "" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: Save error %q, want one that is fs.ErrNotExist", tt.name, err)
		}
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("failed saves left %v behind", got)
	}

	// A chart that cannot be drawn leaves no file, and no old file is lost.
	path := filepath.Join(dir, "keep.png")
	if err := Save(lossChart(), path, 0, 0); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if err := Save(undrawable(), path, 0, 0); err == nil {
		t.Errorf("Save of an undrawable chart = nil, want an error")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("failed Save changed %s", path)
	}
	if got := files(t, dir); !slices.Equal(got, []string{"keep.png"}) {
		t.Errorf("folder holds %v, want [keep.png]", got)
	}
}

// undrawable returns a plot gonum/plot panics on: a log axis over -1 to 1.
func undrawable() *plot.Plot {
	p := plot.New()
	p.Title.Text = "bad"
	p.Y.Scale = plot.LogScale{}
	p.Y.Min, p.Y.Max = -1, 1
	return p
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"negative width", second(PNG(lossChart(), -vg.Inch, 0)), "plots: size -72pt×288pt, want positive finite lengths"},
		{"negative height", second(SVG(lossChart(), 0, -1)), "plots: size 432pt×-1pt, want positive finite lengths"},
		{"nil plot", second(PNG(nil, 0, 0)), "plots: no plot to draw (nil)"},
		{"panic while drawing", second(PNG(undrawable(), 0, 0)), `plots: drawing "bad" failed: `},
		{"panic while drawing SVG", second(SVG(undrawable(), 0, 0)), `plots: drawing "bad" failed: `},
		{"HTML", second(HTML(lossChart(), 0, -1)), "plots: size"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.HasPrefix(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one starting %q", tt.name, tt.err, tt.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestHTML(t *testing.T) {
	s, err := HTML(Lines("a <b> & c", "", ""), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" width="576" height="384" alt="a &lt;b&gt; &amp; c">$`).
		FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("HTML = %.120s..., want an <img> 576×384 with the title as alt", s)
	}
	b, err := base64.StdEncoding.DecodeString(m[1])
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 1152 || cfg.Height != 768 {
		t.Errorf("inlined PNG is %d×%d (err %v), want 1152×768, twice the CSS size", cfg.Width, cfg.Height, err)
	}
}

func TestOutsideNotebook(t *testing.T) {
	was := gonbui.IsNotebook
	gonbui.IsNotebook = false
	t.Cleanup(func() { gonbui.IsNotebook = was })

	// Not even drawn: an undrawable or nil plot is no error here.
	if err := Show(undrawable()); err != nil {
		t.Errorf("Show outside a notebook = %v, want nil", err)
	}
	if err := ShowSize(nil, -1, -1); err != nil {
		t.Errorf("ShowSize outside a notebook = %v, want nil", err)
	}
	if err := Update(NewDisplayID(), nil); err != nil {
		t.Errorf("Update outside a notebook = %v, want nil", err)
	}
	if a, b := NewDisplayID(), NewDisplayID(); a == "" || a == b {
		t.Errorf("NewDisplayID gave %q and %q, want two different ids", a, b)
	}
}
